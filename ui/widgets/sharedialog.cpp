#include "ui/widgets/sharedialog.h"

#include "ui/api/apiclient.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

ShareDialog::ShareDialog(ApiClient &api, QString callId, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_callId(std::move(callId))
    , m_email(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Share the recording"));
    setObjectName(u"shareDialog"_s);
    auto *layout = new QVBoxLayout(this);
    auto *explain = new QLabel(tr("We will e-mail a link to this call's recording. The link "
                                  "works for 24 hours."),
                               this);
    explain->setWordWrap(true);
    layout->addWidget(explain);
    auto *form = new QFormLayout;
    m_email->setObjectName(u"shareEmail"_s);
    m_email->setPlaceholderText(tr("colleague@clinic.com"));
    m_email->setMinimumWidth(320);
    form->addRow(tr("E-mail address:"), m_email);
    layout->addLayout(form);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #c62828;"_s);
    m_problem->hide();
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(this);
    m_send = buttons->addButton(tr("Send link"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(u"shareSend"_s);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ShareDialog::send);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_email, &QLineEdit::textChanged, this, &ShareDialog::validate);
    validate();
}

void ShareDialog::validate()
{
    static const QRegularExpression address(uR"(^[^@\s]+@[^@\s]+\.[^@\s]+$)"_s);
    m_send->setEnabled(!m_sending && address.match(m_email->text().trimmed()).hasMatch());
}

void ShareDialog::send()
{
    if (m_sending)
        return;
    m_sending = true;
    m_problem->hide();
    m_send->setText(tr("Sending…"));
    validate();
    m_api.calls().shareRecording(m_callId, m_email->text(), this, [this](Result<QString> email) {
        m_sending = false;
        m_send->setText(tr("Send link"));
        validate();
        if (!email) {
            m_problem->setText(email.errorMessage());
            m_problem->show();
            emit failed(email.error());
            return;
        }
        emit shared(email->isEmpty() ? m_email->text().trimmed() : *email);
        accept();
    });
}

} // namespace vox::ui
