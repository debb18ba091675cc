#include "ui/widgets/messagesauditpanel.h"

#include "core/phonenumber.h"
#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/csvexportbutton.h"
#include "ui/widgets/toastarea.h"

#include <QComboBox>
#include <QDateTime>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

constexpr int pageSize = 100;

enum Column {
    WhenColumn,
    DirectionColumn,
    ChannelColumn,
    PurposeColumn,
    PartyColumn,
    StatusColumn,
    ContentColumn,
    ColumnCount
};

QComboBox *filterCombo(const QString &name, const QString &accessibleName,
                       const QString &description, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(name);
    combo->setAccessibleName(accessibleName);
    combo->setAccessibleDescription(description);
    return combo;
}

} // namespace

QString MessagesAuditPanel::statusName(const QString &status)
{
    static const QHash<QString, const char *> names{
        {u"queued"_s, QT_TR_NOOP("Queued")},         {u"sending"_s, QT_TR_NOOP("Sending")},
        {u"unknown"_s, QT_TR_NOOP("Not known yet")}, {u"sent"_s, QT_TR_NOOP("Sent")},
        {u"delivered"_s, QT_TR_NOOP("Delivered")},   {u"failed"_s, QT_TR_NOOP("Failed")},
        {u"received"_s, QT_TR_NOOP("Received")}};
    const char *name = names.value(status);
    return name ? tr(name) : status;
}

QString MessagesAuditPanel::purposeName(const QString &purpose)
{
    static const QHash<QString, const char *> names{
        {u"appointment_reminder"_s, QT_TR_NOOP("Reminder")},
        {u"missed_call_textback"_s, QT_TR_NOOP("Missed-call text-back")},
        {u"reply"_s, QT_TR_NOOP("Reply from the clinic")},
        {u"auto_reply"_s, QT_TR_NOOP("Automatic reply")},
        {u"alert"_s, QT_TR_NOOP("Alert")}};
    if (purpose.isEmpty())
        return {};
    const char *name = names.value(purpose);
    return name ? tr(name) : purpose;
}

QString MessagesAuditPanel::replyKindName(const QString &kind)
{
    static const QHash<QString, const char *> names{
        {u"confirm"_s, QT_TR_NOOP("Confirms the appointment")},
        {u"cancel"_s, QT_TR_NOOP("Asks to cancel")},
        {u"reschedule"_s, QT_TR_NOOP("Asks to move the appointment")},
        {u"opt_out"_s, QT_TR_NOOP("Asks for no more texts")},
        {u"opt_in"_s, QT_TR_NOOP("Texts allowed again")},
        {u"help"_s, QT_TR_NOOP("Asks for help")}};
    const char *name = names.value(kind);
    return name ? tr(name) : tr("Patient's text");
}

MessagesAuditPanel::MessagesAuditPanel(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : QGroupBox(parent)
    , m_api(api)
    , m_toasts(toasts)
{
    setObjectName(u"messagesAuditPanel"_s);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Every text and e-mail the clinic sent (reminders, text-backs, "
                                "replies) and every text patients sent, with what became of it."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_direction =
        filterCombo(u"messagesDirection"_s, tr("Direction"),
                    tr("Show only messages the clinic sent, or only those it received"), this);
    m_direction->addItem(tr("Sent and received"), QString());
    m_direction->addItem(tr("Sent by the clinic"), u"outbound"_s);
    m_direction->addItem(tr("Received from patients"), u"inbound"_s);
    m_method = filterCombo(u"messagesMethod"_s, tr("Channel"),
                           tr("Show only texts or only e-mails"), this);
    m_method->addItem(tr("Texts and e-mails"), QString());
    m_method->addItem(tr("Texts"), u"sms"_s);
    m_method->addItem(tr("E-mails"), u"email"_s);
    m_status = filterCombo(u"messagesStatus"_s, tr("Outcome"),
                           tr("Show only messages with this outcome"), this);
    m_status->addItem(tr("Any outcome"), QString());
    for (const QString &status : {u"sent"_s, u"delivered"_s, u"failed"_s, u"queued"_s, u"sending"_s,
                                  u"unknown"_s, u"received"_s})
        m_status->addItem(statusName(status), status);
    m_export = new CsvExportButton(
        api, toasts, u"messages"_s, u"messages"_s, [this] { return filters(); }, this);
    m_export->setObjectName(u"messagesExport"_s);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_direction);
    filterRow->addWidget(m_method);
    filterRow->addWidget(m_status);
    filterRow->addStretch(1);
    filterRow->addWidget(m_export);
    layout->addLayout(filterRow);
    for (QComboBox *combo : {m_direction, m_method, m_status})
        connect(combo, &QComboBox::currentIndexChanged, this, &MessagesAuditPanel::reload);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(u"messagesTable"_s);
    m_table->setAccessibleName(tr("Messages"));
    m_table->setAccessibleDescription(
        tr("Texts and e-mails sent and received, newest first, with their outcome"));
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Direction"), tr("Channel"), tr("Purpose"),
                                        tr("To or from"), tr("Outcome"), tr("Message")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ContentColumn, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    m_empty = new QLabel(tr("No messages match these filters."), this);
    m_empty->setObjectName(u"messagesEmpty"_s);
    m_empty->hide();
    layout->addWidget(m_empty);
    m_more = new QPushButton(tr("Show more"), this);
    m_more->setObjectName(u"messagesMore"_s);
    m_more->hide();
    layout->addWidget(m_more, 0, Qt::AlignLeft);
    connect(m_more, &QPushButton::clicked, this, &MessagesAuditPanel::loadMore);
}

void MessagesAuditPanel::setDays(QDate from, QDate to, bool reloadNow)
{
    const QTimeZone zone = DisplayFormat::clinicTimeZone();
    m_from = QDateTime(from, QTime(0, 0), zone);
    m_to = QDateTime(to.addDays(1), QTime(0, 0), zone);
    m_loaded = false;
    if (reloadNow)
        reload();
}

QUrlQuery MessagesAuditPanel::filters() const
{
    QUrlQuery query;
    // As the calls list takes them: from <= created_at < to.
    if (m_from.isValid())
        query.addQueryItem(u"from"_s, m_from.toUTC().toString(Qt::ISODateWithMs));
    if (m_to.isValid())
        query.addQueryItem(u"to"_s, m_to.toUTC().toString(Qt::ISODateWithMs));
    for (const auto &[combo, name] :
         {std::pair{m_direction, u"direction"_s}, std::pair{m_method, u"method"_s},
          std::pair{m_status, u"status"_s}}) {
        const QString value = combo->currentData().toString();
        if (!value.isEmpty())
            query.addQueryItem(name, value);
    }
    return query;
}

void MessagesAuditPanel::reload()
{
    const int generation = ++m_generation;
    m_loaded = false;
    QUrlQuery query = filters();
    query.addQueryItem(u"limit"_s, QString::number(pageSize));
    m_api.requestObject("GET", u"/api/messages"_s, query, nullptr, this,
                        [this, generation](Result<QJsonObject> page) {
                            if (generation != m_generation)
                                return;
                            if (!page) {
                                m_toasts.problem(page.error(), [this] { reload(); });
                                return;
                            }
                            m_table->setRowCount(0);
                            m_nextCursor = page->value(u"next_cursor"_s).toString();
                            append(page->value(u"items"_s).toArray());
                            m_loaded = true;
                        });
}

void MessagesAuditPanel::loadMore()
{
    if (m_nextCursor.isEmpty())
        return;
    const int generation = m_generation;
    QUrlQuery query = filters();
    query.addQueryItem(u"limit"_s, QString::number(pageSize));
    query.addQueryItem(u"cursor"_s, m_nextCursor);
    m_more->setEnabled(false);
    m_api.requestObject("GET", u"/api/messages"_s, query, nullptr, this,
                        [this, generation](Result<QJsonObject> page) {
                            m_more->setEnabled(true);
                            if (generation != m_generation)
                                return;
                            if (!page) {
                                m_toasts.problem(page.error());
                                return;
                            }
                            m_nextCursor = page->value(u"next_cursor"_s).toString();
                            append(page->value(u"items"_s).toArray());
                        });
}

void MessagesAuditPanel::append(const QJsonArray &items)
{
    for (const QJsonValue &v : items) {
        const QJsonObject m = v.toObject();
        const bool inbound = m.value(u"direction"_s).toString() == u"inbound";
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QDateTime when =
            QDateTime::fromString(m.value(u"created_at"_s).toString(), Qt::ISODateWithMs);
        const QString outcome = statusName(m.value(u"status"_s).toString());
        const QString error = m.value(u"error"_s).toString();
        const QStringList cells{
            DisplayFormat::dateTime(when), inbound ? tr("Received") : tr("Sent"),
            m.value(u"method"_s).toString() == u"email" ? tr("E-mail") : tr("Text"),
            // A patient's text is described by what it was taken to mean.
            inbound ? replyKindName(m.value(u"reply_kind"_s).toString())
                    : purposeName(m.value(u"purpose"_s).toString()),
            // A number reads as the clinic writes it; an e-mail address as it is.
            phone::display(inbound ? m.value(u"sender"_s).toString()
                                   : m.value(u"recipient"_s).toString()),
            outcome, m.value(u"content"_s).toString().simplified()};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 0)
                item->setData(Qt::UserRole, m.value(u"id"_s).toString());
            if (c == ContentColumn)
                item->setToolTip(m.value(u"content"_s).toString());
            // The provider's reason for a failure is long: it is the outcome's tooltip.
            if (c == StatusColumn && !error.isEmpty()) {
                item->setText(outcome + u" ⚠"_s);
                item->setToolTip(error);
            }
            m_table->setItem(row, c, item);
        }
    }
    m_empty->setVisible(m_table->rowCount() == 0);
    m_more->setVisible(!m_nextCursor.isEmpty());
}

} // namespace vox::ui
