#include "ui/telephony/activationcodestep.h"

#include "core/phonenumber.h"

#include "ui/api/apiclient.h"
#include "ui/telephony/telephonytext.h"
#include "ui/telephony/telephonywizard.h"
#include "ui/widgets/codedisplay.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/toastarea.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

ActivationCodeStep::ActivationCodeStep(TelephonyWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_code(new CodeDisplay(2.0, this))
    , m_copy(new QPushButton(tr("Copy"), this))
    , m_warning(new QLabel(this))
    , m_instructions(new QLabel(this))
    , m_deactivation(new QLabel(this))
    , m_message(new FieldMessage(this))
{
    setObjectName(u"activationCodeStep"_s);
    setTitle(tr("Dial this code on the clinic's phone"));
    setSubTitle(tr("Your phone company switches the forwarding on when you dial it."));
    setButtonText(QWizard::CommitButton, tr("I've dialed the code"));
    setCommitPage(true);

    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_code->setObjectName(u"activationCode"_s);
    row->addWidget(m_code, 1);
    m_copy->setObjectName(u"copyButton"_s);
    m_copy->setToolTip(tr("Copy the code, to send it to the phone or keep it"));
    row->addWidget(m_copy, 0, Qt::AlignVCenter);
    layout->addLayout(row);

    m_warning->setObjectName(u"dialWarning"_s);
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::RichText);
    layout->addWidget(m_warning);
    m_instructions->setObjectName(u"instructions"_s);
    m_instructions->setWordWrap(true);
    m_instructions->setTextFormat(Qt::RichText);
    layout->addWidget(m_instructions);
    m_deactivation->setObjectName(u"deactivationCode"_s);
    m_deactivation->setWordWrap(true);
    m_deactivation->setTextFormat(Qt::RichText);
    m_deactivation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_deactivation);
    m_message->setObjectName(u"activationMessage"_s);
    layout->addWidget(m_message);
    layout->addStretch();

    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_code->code());
        m_wizard.toasts().success(tr("Code copied: %1").arg(m_code->code()));
    });
}

void ActivationCodeStep::initializePage()
{
    m_message->clear();
    const ForwardingConfig &config = m_wizard.forwarding();
    m_code->setCode(config.activationCode);
    const QString code = config.activationCode.toHtmlEscaped();
    m_warning->setText(tr("<b>Dial it from the phone that has the SIM card of %1</b>, not from "
                          "another phone.")
                           .arg(phone::display(config.simPhoneNumber).toHtmlEscaped()));
    m_instructions->setText(
        u"<ol style=\"margin-left:0\"><li>%1</li><li>%2</li><li>%3</li><li>%4</li></ol>"_s.arg(
            tr("Open the phone's dialer (the keypad you call with)."),
            tr("Dial <b><tt>%1</tt></b> exactly as shown.").arg(code),
            tr("Press Call, and wait for the confirmation tone or message."),
            tr("Come back here and press “I've dialed the code”.")));
    m_deactivation->setText(tr("To stop forwarding later, dial <b><tt>%1</tt></b> from the same "
                               "phone.")
                                .arg(config.deactivationCode.toHtmlEscaped()));
}

QString ActivationCodeStep::problemText() const
{
    return m_message->hasProblem() ? m_message->text() : QString();
}

bool ActivationCodeStep::isComplete() const
{
    return !m_busy && !m_wizard.forwarding().id.isEmpty();
}

bool ActivationCodeStep::validatePage()
{
    if (m_wizard.serverAgreed())
        return true;
    m_busy = true;
    emit completeChanged();
    m_wizard.api().telephony().confirmForwarding(
        m_wizard.forwarding().id, this, [this](Result<void> done) {
            m_busy = false;
            emit completeChanged();
            if (!done) {
                m_message->showProblem(done.error().message);
                return;
            }
            ForwardingConfig config = m_wizard.forwarding();
            config.status = u"active"_s;
            m_wizard.setForwarding(config);
            emit m_wizard.numbersChanged();
            m_wizard.proceed();
        });
    return false;
}

} // namespace vox::ui
