#include "ui/pages/inboxpage.h"

#include "core/phonenumber.h"
#include "core/smssegments.h"
#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/toastarea.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrlQuery>
#include <QUuid>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

constexpr int contactRole = Qt::UserRole;

// Worded like every other page ("Today 14:03", "Mon 7 Dec, 09:12"), in the clinic's zone: a
// numeric "12/7/26" reads as July in half the world.
QString whenShown(const QString &iso)
{
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!at.isValid())
        return {};
    return DisplayFormat::relativeDateTime(at, QDateTime::currentDateTimeUtc());
}

} // namespace

InboxPage::InboxPage(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : Page(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_list(new QListWidget(this))
    , m_heading(new QLabel(this))
    , m_optedOut(new QLabel(this))
    , m_thread(new QTextBrowser(this))
    , m_reply(new QPlainTextEdit(this))
    , m_segments(new QLabel(this))
    , m_send(new QPushButton(tr("Send reply"), this))
    , m_done(new QPushButton(tr("Mark done"), this))
{
    setObjectName(u"inboxPage"_s);
    m_list->setObjectName(u"inboxConversations"_s);
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setSpacing(3);
    m_list->setStyleSheet(u"QListWidget#inboxConversations::item { padding: 4px 6px; "
                          "border-bottom: 1px solid palette(midlight); }"
                          "QListWidget#inboxConversations::item:selected { background: "
                          "palette(highlight); color: palette(highlighted-text); }"_s);
    m_thread->setObjectName(u"inboxThread"_s);
    m_thread->setAccessibleName(tr("Messages with the patient"));
    m_thread->setOpenLinks(false);
    m_reply->setObjectName(u"inboxReply"_s);
    m_reply->setAccessibleName(tr("Reply"));
    m_reply->setPlaceholderText(tr("Write a reply…"));
    m_reply->setFixedHeight(m_reply->fontMetrics().lineSpacing() * 4 + 12);
    m_segments->setObjectName(u"inboxSegments"_s);
    m_optedOut->setObjectName(u"inboxOptedOut"_s);
    m_optedOut->setWordWrap(true);
    m_optedOut->setText(
        tr("This number has opted out of text messages (STOP). It gets no texts until the "
           "patient sends START."));
    m_optedOut->hide();
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setWordWrap(true);
    m_send->setObjectName(u"inboxSend"_s);
    m_done->setObjectName(u"inboxDone"_s);
    m_done->setToolTip(tr("Marks every text of this patient read"));

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(12, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_done);
    rightLayout->addLayout(top);
    rightLayout->addWidget(m_optedOut);
    rightLayout->addWidget(m_thread, 1);
    rightLayout->addWidget(m_reply);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_segments, 1);
    bottom->addWidget(m_send);
    rightLayout->addLayout(bottom);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    m_list->setMinimumWidth(220);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->addWidget(splitter);

    m_reload.setSingleShot(true);
    m_reload.setInterval(250);
    connect(&m_reload, &QTimer::timeout, this, &InboxPage::refresh);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        m_requestId.clear();
        loadThread();
    });
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value >= m_list->verticalScrollBar()->maximum() - 2)
            loadMore();
    });
    connect(m_reply, &QPlainTextEdit::textChanged, this, &InboxPage::updateSegments);
    connect(m_send, &QPushButton::clicked, this, &InboxPage::sendReply);
    connect(m_done, &QPushButton::clicked, this, &InboxPage::markDone);
    updateSegments();
    showThread({});
}

void InboxPage::activated()
{
    if (!m_loadedOnce)
        refresh();
}

void InboxPage::refresh()
{
    loadConversations();
}

bool InboxPage::openRecord(const QString &entityType, const QString &id)
{
    if (entityType != u"inbox"_s || id.isEmpty())
        return false;
    m_pendingContact = id;
    selectContact(id);
    refresh(); // the text that led here may be newer than the list
    return true;
}

void InboxPage::applyEvent(const LiveEvent &event)
{
    // A new text, a delivery report, another desk marking done: read again, once per burst.
    if (event.type.startsWith(u"message."_s))
        m_reload.start();
}

QString InboxPage::unsavedChanges() const
{
    return m_reply->toPlainText().trimmed().isEmpty() ? QString() : tr("The reply is not sent.");
}

void InboxPage::discardChanges()
{
    m_reply->clear();
}

QString InboxPage::chosenContact() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(contactRole).toString() : QString();
}

void InboxPage::selectContact(const QString &contactId)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(contactRole).toString() == contactId) {
            m_list->setCurrentRow(i);
            m_pendingContact.clear();
        }
    }
}

void InboxPage::loadConversations()
{
    // Reading again keeps as many conversations as were shown, so the list does not shrink
    // under someone who scrolled (the server gives at most 200 at once).
    const int wanted = std::clamp(int(m_items.size()), pageSize, 200);
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(wanted));
    m_api.requestObject("GET", u"/api/messages/conversations"_s, query, nullptr, this,
                        [this](Result<QJsonObject> page) {
                            if (!page) {
                                m_toasts.problem(page.error(), [this] { refresh(); });
                                return;
                            }
                            m_loadedOnce = true;
                            const int unread = page->value(u"unread"_s).toInt();
                            if (unread != m_unread) {
                                m_unread = unread;
                                emit unreadChanged(unread);
                            }
                            m_nextCursor = page->value(u"next_cursor"_s).toString();
                            showConversations(page->value(u"items"_s).toArray());
                            if (!m_pendingContact.isEmpty())
                                selectContact(m_pendingContact);
                            emit loaded();
                        });
}

void InboxPage::loadMore()
{
    if (m_nextCursor.isEmpty() || m_loadingMore)
        return;
    m_loadingMore = true;
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(pageSize));
    query.addQueryItem(u"cursor"_s, m_nextCursor);
    const QString cursor = m_nextCursor;
    m_api.requestObject("GET", u"/api/messages/conversations"_s, query, nullptr, this,
                        [this, cursor](Result<QJsonObject> page) {
                            m_loadingMore = false;
                            if (cursor != m_nextCursor)
                                return; // the list was read again meanwhile
                            if (!page) {
                                m_toasts.problem(page.error());
                                return;
                            }
                            m_nextCursor = page->value(u"next_cursor"_s).toString();
                            appendConversations(page->value(u"items"_s).toArray());
                            emit loaded();
                        });
}

void InboxPage::showConversations(const QJsonArray &items)
{
    const QString chosen = chosenContact();
    m_items = {};
    {
        const QSignalBlocker quiet(m_list);
        m_list->clear();
    }
    appendConversations(items);
    int row = m_list->count() > 0 ? 0 : -1;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(contactRole).toString() == chosen)
            row = i;
    }
    m_list->setCurrentRow(row);
    if (row == 0 && chosen == chosenContact())
        loadThread();
}

void InboxPage::appendConversations(const QJsonArray &items)
{
    {
        const QSignalBlocker quiet(m_list);
        for (const QJsonValue &value : items) {
            m_items.append(value);
            const QJsonObject c = value.toObject();
            const QString name = c.value(u"name"_s).toString();
            const QString phone = c.value(u"phone"_s).toString();
            const int unread = c.value(u"unread"_s).toInt();
            QString last = c.value(u"last_content"_s).toString().simplified();
            if (last.size() > 80)
                last = last.left(79) + u'…';
            if (c.value(u"last_direction"_s).toString() == u"outbound"_s)
                last = tr("You: %1").arg(last);
            QString first = name.isEmpty() ? phone::display(phone) : name;
            if (unread > 0)
                first = tr("%1 · %n new", nullptr, unread).arg(first);
            auto *item = new QListWidgetItem(
                first + u'\n' + whenShown(c.value(u"last_at"_s).toString()) + u'\n' + last, m_list);
            item->setData(contactRole, c.value(u"contact_id"_s).toString());
            QFont font = item->font();
            font.setBold(unread > 0);
            item->setFont(font);
            item->setToolTip(phone::display(phone));
        }
    }
}

void InboxPage::loadThread()
{
    const QString contact = chosenContact();
    const bool chosen = !contact.isEmpty();
    m_send->setEnabled(chosen);
    m_done->setEnabled(false);
    m_reply->setEnabled(chosen);
    m_optedOut->hide();
    if (!chosen) {
        m_heading->setText(tr("No texts from patients yet"));
        showThread({});
        return;
    }
    for (const QJsonValue &value : std::as_const(m_items)) {
        const QJsonObject c = value.toObject();
        if (c.value(u"contact_id"_s).toString() != contact)
            continue;
        const QString name = c.value(u"name"_s).toString();
        const QString phone = c.value(u"phone"_s).toString();
        const QString shown = phone::display(phone);
        // A dot, not brackets: "(512) 555-0103" has its own.
        m_heading->setText(name.isEmpty() ? shown : u"%1 · %2"_s.arg(name, shown));
        m_done->setEnabled(c.value(u"unread"_s).toInt() > 0);
        const bool optedOut = c.value(u"opted_out"_s).toBool();
        m_optedOut->setVisible(optedOut);
        m_send->setEnabled(!optedOut);
        m_reply->setEnabled(!optedOut);
    }
    QUrlQuery query;
    query.addQueryItem(u"contact_id"_s, contact);
    query.addQueryItem(u"method"_s, u"sms"_s);
    query.addQueryItem(u"limit"_s, u"100"_s);
    m_api.requestObject("GET", u"/api/messages"_s, query, nullptr, this,
                        [this, contact](Result<QJsonObject> page) {
                            if (contact != chosenContact())
                                return; // another conversation was chosen meanwhile
                            if (!page) {
                                m_toasts.problem(page.error());
                                return;
                            }
                            showThread(page->value(u"items"_s).toArray());
                        });
}

void InboxPage::showThread(const QJsonArray &newestFirst)
{
    // Who and when, quieter than the text but readable on both palettes: palette(mid) is a
    // border colour and nearly vanishes on the bubble.
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    QString html;
    for (qsizetype i = newestFirst.size() - 1; i >= 0; --i) {
        const QJsonObject m = newestFirst.at(i).toObject();
        const bool ours = m.value(u"direction"_s).toString() == u"outbound"_s;
        const QString status = m.value(u"status"_s).toString();
        QString state;
        if (ours) {
            if (status == u"delivered"_s)
                state = tr("Delivered");
            else if (status == u"failed"_s)
                state = tr("Not delivered: %1").arg(m.value(u"error"_s).toString());
            else if (status == u"sent"_s)
                state = tr("Sent");
            else
                state = tr("Sending");
        } else if (m.value(u"unread"_s).toBool()) {
            state = tr("New");
        }
        const QString when = whenShown(m.value(u"created_at"_s).toString());
        html += u"<table width='100%' cellspacing='0' cellpadding='6'><tr>"_s;
        if (ours)
            html += u"<td width='25%'></td>"_s;
        html += u"<td style='background-color: palette(alternate-base);'>"_s;
        QString who = ours ? tr("Clinic") : tr("Patient");
        // Sent by itself after a call nobody answered: staff should know they did not write it.
        if (m.value(u"purpose"_s).toString() == u"missed_call_textback"_s)
            who = tr("Clinic (automatic, after a missed call)");
        html += u"<div style='font-size: small; color: "_s + muted + u";'>"_s +
                who.toHtmlEscaped() + u" · "_s + when.toHtmlEscaped() + u"</div>"_s;
        html += u"<div>"_s +
                m.value(u"content"_s).toString().toHtmlEscaped().replace(u"\n"_s, u"<br>"_s) +
                u"</div>"_s;
        if (!state.isEmpty())
            html +=
                u"<div style='font-size: small;'><i>"_s + state.toHtmlEscaped() + u"</i></div>"_s;
        html += u"</td>"_s;
        if (!ours)
            html += u"<td width='25%'></td>"_s;
        html += u"</tr></table>"_s;
    }
    m_thread->setHtml(html);
    m_thread->verticalScrollBar()->setValue(m_thread->verticalScrollBar()->maximum());
}

void InboxPage::updateSegments()
{
    const QString text = m_reply->toPlainText();
    const sms::Measure m = sms::measure(text);
    if (text.isEmpty()) {
        m_segments->setText(tr("Texts of up to 160 plain characters go as one SMS."));
        return;
    }
    m_segments->setText(m.encoding == sms::Encoding::Gsm7
                            ? tr("SMS parts: %1 · %2 characters").arg(m.segments).arg(m.units)
                            : tr("SMS parts: %1 · %2 characters (Unicode because of “%3”: 70 per "
                                 "part)")
                                  .arg(m.segments)
                                  .arg(m.units)
                                  .arg(m.firstUnicode));
}

void InboxPage::sendReply()
{
    const QString contact = chosenContact();
    const QString text = m_reply->toPlainText().trimmed();
    if (contact.isEmpty() || text.isEmpty())
        return;
    if (m_requestId.isEmpty())
        m_requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject body{{u"message"_s, text}, {u"request_id"_s, m_requestId}};
    m_send->setEnabled(false);
    m_api.requestObject("POST", u"/api/messages/conversations/%1/reply"_s.arg(contact), {}, &body,
                        this, [this](Result<QJsonObject> sent) {
                            m_send->setEnabled(true);
                            if (!sent) {
                                m_toasts.problem(sent.error());
                                return;
                            }
                            m_requestId.clear();
                            m_reply->clear();
                            if (const QString notice = sent->value(u"notice"_s).toString();
                                !notice.isEmpty())
                                m_toasts.info(tr("Twilio did not confirm the text. It may have "
                                                 "reached the patient: do not send it again."));
                            refresh();
                        });
}

void InboxPage::markDone()
{
    const QString contact = chosenContact();
    if (contact.isEmpty())
        return;
    m_api.requestObject("POST", u"/api/messages/conversations/%1/read"_s.arg(contact), {}, nullptr,
                        this, [this](Result<QJsonObject> done) {
                            if (!done) {
                                m_toasts.problem(done.error());
                                return;
                            }
                            refresh();
                        });
}

} // namespace vox::ui
