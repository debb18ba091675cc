#include "ui/telephony/verificationstep.h"

#include "core/phonenumber.h"
#include "ui/api/apiclient.h"
#include "ui/telephony/telephonytext.h"
#include "ui/telephony/telephonywizard.h"
#include "ui/widgets/codedisplay.h"
#include "ui/widgets/fieldmessage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {
constexpr int maxAttempts = 3; // S-telephony: three wrong codes lock the number
}

VerificationStep::VerificationStep(TelephonyWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_calling(new QLabel(this))
    , m_code(new CodeDisplay(2.6, this))
    , m_input(new QLineEdit(this))
    , m_attempts(new QLabel(this))
    , m_expiry(new QLabel(this))
    , m_resend(new QPushButton(tr("Call me again"), this))
    , m_simulate(new QPushButton(tr("Simulate answering the call"), this))
    , m_resendWait(new QLabel(this))
    , m_message(new FieldMessage(this))
{
    setObjectName(u"verificationStep"_s);
    setTitle(tr("Answer the call and type the code"));
    setSubTitle(tr("This proves the phone is yours."));
    setButtonText(QWizard::CommitButton, tr("Confirm"));
    // Once the number is verified there is nothing to go back to.
    setCommitPage(true);

    auto *layout = new QVBoxLayout(this);
    m_calling->setObjectName(u"callingLabel"_s);
    m_calling->setWordWrap(true);
    layout->addWidget(m_calling);
    m_code->setObjectName(u"verificationCode"_s);
    layout->addWidget(m_code, 0, Qt::AlignHCenter);
    m_expiry->setObjectName(u"expiryLabel"_s);
    m_expiry->setAlignment(Qt::AlignHCenter);
    layout->addWidget(m_expiry);
    layout->addSpacing(8);

    auto *enter = new QLabel(tr("Then enter the same code here:"), this);
    layout->addWidget(enter);
    auto *row = new QHBoxLayout;
    m_input->setObjectName(u"codeInput"_s);
    m_input->setMaxLength(6);
    m_input->setPlaceholderText(tr("6 digits"));
    m_input->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"\\d{0,6}"_s), m_input));
    m_input->setMaximumWidth(160);
    enter->setBuddy(m_input);
    row->addWidget(m_input);
    m_attempts->setObjectName(u"attemptsLabel"_s);
    row->addWidget(m_attempts);
    row->addStretch();
    layout->addLayout(row);
    m_message->setObjectName(u"verificationMessage"_s);
    layout->addWidget(m_message);
    // The sandbox's call rings no real phone: in the demo, this is the person answering it.
    m_simulate->setObjectName(u"simulateAnswerButton"_s);
    m_simulate->setToolTip(tr("The provider sandbox answers its call and types the code on the "
                              "keypad, as you would on the phone."));
    m_simulate->hide();
    layout->addWidget(m_simulate, 0, Qt::AlignLeft);
    layout->addStretch();

    auto *again = new QHBoxLayout;
    auto *noCall = new QLabel(tr("No call, or it hung up?"), this);
    again->addWidget(noCall);
    m_resend->setObjectName(u"resendButton"_s);
    again->addWidget(m_resend);
    m_resendWait->setObjectName(u"resendWaitLabel"_s);
    m_resendWait->setForegroundRole(QPalette::PlaceholderText);
    again->addWidget(m_resendWait);
    again->addStretch();
    layout->addLayout(again);

    connect(m_input, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    connect(m_resend, &QPushButton::clicked, this, &VerificationStep::resend);
    connect(m_simulate, &QPushButton::clicked, this, &VerificationStep::simulateAnswer);
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &VerificationStep::tick);
}

void VerificationStep::initializePage()
{
    m_input->clear();
    m_message->clear();
    setAttempts(maxAttempts);
    showStarted();
    m_clock.start();
    m_input->setFocus();
    m_simulate->hide();
    m_wizard.api().sandboxMode(
        this, [this](Result<bool> sandbox) { m_simulate->setVisible(sandbox && *sandbox); });
}

void VerificationStep::simulateAnswer()
{
    const VerificationStarted &v = m_wizard.verification();
    const QString code = v.code;
    setBusy(true);
    m_message->showNote(tr("The sandbox is answering the call…"));
    m_wizard.api().telephony().simulateAnswer(
        v.verificationId, code, this, [this, code](Result<void> answered) {
            setBusy(false);
            if (!answered) {
                m_message->showProblem(answered.errorMessage());
                return;
            }
            m_input->setText(code);
            m_message->showNote(tr("The sandbox answered and typed %1 on the keypad. Press "
                                   "Confirm.")
                                    .arg(code));
        });
}

void VerificationStep::showStarted()
{
    const VerificationStarted &v = m_wizard.verification();
    m_calling->setText(tr("Twilio is calling %1 now. Answer it, and when the call asks, type this "
                          "code on the phone's keypad:")
                           .arg(phone::display(v.phoneNumber)));
    m_code->setCode(v.code);
    tick();
}

void VerificationStep::tick()
{
    const QDateTime expires = m_wizard.verification().expiresAt;
    if (expires.isValid()) {
        const qint64 left = m_now().secsTo(expires);
        if (left > 0)
            m_expiry->setText(tr("The code expires in %1.").arg(TelephonyText::clock(int(left))));
        else
            m_expiry->setText(tr("The code has expired. Ask for a new call."));
    } else {
        m_expiry->clear();
    }
    if (m_resendWaitLeft > 0) {
        --m_resendWaitLeft;
        m_resendWait->setText(
            tr("You can ask for another call in %1.").arg(TelephonyText::clock(m_resendWaitLeft)));
    }
    if (m_resendWaitLeft <= 0)
        m_resendWait->clear();
    m_resend->setEnabled(!m_busy && m_resendWaitLeft <= 0);
}

QString VerificationStep::problemText() const
{
    return m_message->hasProblem() ? m_message->text() : QString();
}

void VerificationStep::setAttempts(int left)
{
    m_attempts->setText(tr("%n attempt(s) left", nullptr, left));
}

bool VerificationStep::isComplete() const
{
    return m_input->text().size() == 6 && !m_busy;
}

void VerificationStep::setBusy(bool busy)
{
    m_busy = busy;
    m_input->setReadOnly(busy);
    m_resend->setEnabled(!busy && m_resendWaitLeft <= 0);
    m_simulate->setEnabled(!busy);
    emit completeChanged();
}

void VerificationStep::resend()
{
    const QString number = m_wizard.verification().phoneNumber;
    setBusy(true);
    m_message->showNote(tr("Asking Twilio to call %1 again…").arg(phone::display(number)));
    m_wizard.api().telephony().startVerification(
        number, this, [this, number](Result<VerificationStarted> started, const Refusal &refusal) {
            setBusy(false);
            if (!started) {
                m_message->showProblem(TelephonyText::refusal(TelephonyText::Step::Initiate,
                                                              started.error(), refusal));
                if (refusal.status == 429 && refusal.waitSeconds() > 0) {
                    m_resendWaitLeft = refusal.waitSeconds() + 1;
                    tick();
                }
                return;
            }
            m_wizard.setVerification(*started);
            m_input->clear();
            setAttempts(maxAttempts);
            m_message->showNote(tr("Twilio is calling again, with a new code."));
            showStarted();
        });
}

bool VerificationStep::validatePage()
{
    if (m_wizard.serverAgreed())
        return true;
    if (!isComplete())
        return false;
    setBusy(true);
    m_message->showNote(tr("Checking the code…"));
    const QString id = m_wizard.verification().verificationId;
    m_wizard.api().telephony().confirmVerification(
        id, m_input->text(), this, [this, id](Result<bool> confirmed, const Refusal &refusal) {
            setBusy(false);
            if (!confirmed) {
                m_message->showProblem(TelephonyText::refusal(TelephonyText::Step::Confirm,
                                                              confirmed.error(), refusal));
                if (refusal.attemptsRemaining() >= 0)
                    setAttempts(refusal.attemptsRemaining());
                // A wrong code: type it again; the field is cleared for that.
                if (refusal.status == 400 && refusal.attemptsRemaining() >= 0)
                    m_input->clear();
                return;
            }
            m_clock.stop();
            m_message->clear();
            m_wizard.setVerifiedCallerId(id);
            emit m_wizard.numbersChanged();
            m_wizard.proceed();
        });
    return false;
}

} // namespace vox::ui
