#include "ui/widgets/followupdialog.h"

#include "core/phonenumber.h"
#include "core/smssegments.h"
#include "ui/api/apiclient.h"
#include "ui/models/callactions.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

FollowUpDialog::FollowUpDialog(ApiClient &api, QString callId, const QString &recipient,
                               const QString &suggestion, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_callId(std::move(callId))
    , m_text(new QPlainTextEdit(this))
    , m_counter(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Send a follow-up text"));
    setObjectName(u"followUpDialog"_s);
    auto *layout = new QVBoxLayout(this);
    auto *to = new QLabel(tr("To: %1").arg(phone::display(recipient)), this);
    layout->addWidget(to);
    m_text->setObjectName(u"followUpText"_s);
    m_text->setPlaceholderText(tr("Hi, thanks for calling! We have openings tomorrow at 2 PM."));
    m_text->setTabChangesFocus(true);
    m_text->setPlainText(suggestion);
    m_text->setMinimumSize(420, 110);
    layout->addWidget(m_text);
    m_counter->setObjectName(u"followUpCounter"_s);
    m_counter->setAlignment(Qt::AlignRight);
    layout->addWidget(m_counter);
    m_problem->setObjectName(u"followUpProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #c62828;"_s);
    m_problem->hide();
    layout->addWidget(m_problem);

    m_send = m_buttons->addButton(tr("Send text"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(u"followUpSend"_s);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FollowUpDialog::send);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this, &FollowUpDialog::updateCounter);
    updateCounter();
}

QString FollowUpDialog::counterText() const
{
    return m_counter->text();
}

void FollowUpDialog::updateCounter()
{
    const QString text = m_text->toPlainText();
    const int used = int(text.size());
    const int left = callactions::followUpLimit - used;
    if (left >= 0) {
        // What the clinic pays for and the patient receives: the parts the carriers count.
        const sms::Measure parts = sms::measure(text);
        if (parts.encoding == sms::Encoding::Ucs2) {
            m_counter->setText(
                tr("%1 / %2 · %n text(s), sent as Unicode (“%3”)", nullptr, parts.segments)
                    .arg(used)
                    .arg(callactions::followUpLimit)
                    .arg(parts.firstUnicode));
            m_counter->setToolTip(
                tr("“%1” is not in the basic SMS alphabet, so this text is sent as Unicode: "
                   "70 characters per text instead of 160. A longer text is sent in parts, and "
                   "each part is billed.")
                    .arg(parts.firstUnicode));
        } else {
            m_counter->setText(tr("%1 / %2 · %n text(s)", nullptr, qMax(parts.segments, 1))
                                   .arg(used)
                                   .arg(callactions::followUpLimit));
            m_counter->setToolTip(parts.segments > 1
                                      ? tr("Some characters (such as € [ ] { } ~ ^ | \\) take "
                                           "the room of two, so this text is sent in parts, and "
                                           "each part is billed.")
                                      : QString());
        }
        m_counter->setStyleSheet(QString());
    } else {
        const QString count = QString::number(used);
        const QString limit = QString::number(callactions::followUpLimit);
        m_counter->setText(
            left == -1
                ? tr("%1 / %2 — 1 character too many").arg(count, limit)
                : tr("%1 / %2 — %3 characters too many").arg(count, limit, QString::number(-left)));
        m_counter->setToolTip(QString());
        m_counter->setStyleSheet(u"color: #c62828; font-weight: bold;"_s);
    }
    m_send->setEnabled(!m_sending && left >= 0 && !text.trimmed().isEmpty());
}

void FollowUpDialog::send()
{
    const QString message = m_text->toPlainText().trimmed();
    if (m_sending || message.isEmpty() || message.size() > callactions::followUpLimit)
        return;
    m_sending = true;
    m_problem->hide();
    m_send->setText(tr("Sending…"));
    updateCounter();
    m_api.calls().sendFollowUp(m_callId, message, this, [this](Result<MessageSent> receipt) {
        m_sending = false;
        m_send->setText(tr("Send text"));
        updateCounter();
        if (!receipt) {
            m_problem->setText(receipt.errorMessage());
            m_problem->show();
            emit failed(receipt.error());
            return;
        }
        emit sent(*receipt);
        accept();
    });
}

} // namespace vox::ui
