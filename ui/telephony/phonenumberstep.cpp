#include "ui/telephony/phonenumberstep.h"

#include "core/phonenumber.h"
#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"
#include "ui/telephony/telephonytext.h"
#include "ui/telephony/telephonywizard.h"
#include "ui/widgets/fieldmessage.h"

#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

PhoneNumberStep::PhoneNumberStep(TelephonyWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_input(new QLineEdit(this))
    , m_formatted(new QLabel(this))
    , m_message(new FieldMessage(this))
    , m_showExisting(new QPushButton(tr("Show this number"), this))
{
    setObjectName(u"phoneNumberStep"_s);
    setTitle(tr("Your clinic's phone number"));
    setSubTitle(tr("The number your patients call today. Twilio will call it once, so we know "
                   "the phone is yours."));
    setButtonText(QWizard::NextButton, tr("Call me with a code"));

    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("Phone number, with its area code:"), this);
    layout->addWidget(label);
    m_input->setObjectName(u"phoneNumberInput"_s);
    m_input->setPlaceholderText(DisplayFormat::phoneExample());
    m_input->setClearButtonEnabled(true);
    QFont bigger = m_input->font();
    bigger.setPointSizeF(bigger.pointSizeF() * 1.3);
    m_input->setFont(bigger);
    label->setBuddy(m_input);
    layout->addWidget(m_input);

    m_formatted->setObjectName(u"formattedNumber"_s);
    m_formatted->setTextFormat(Qt::RichText);
    layout->addWidget(m_formatted);
    m_message->setObjectName(u"phoneNumberMessage"_s);
    layout->addWidget(m_message);
    m_showExisting->setObjectName(u"showExistingButton"_s);
    m_showExisting->hide();
    layout->addWidget(m_showExisting, 0, Qt::AlignLeft);
    layout->addStretch();

    auto *privacy = new QLabel(tr("Twilio's call shows a code on this screen; you type it on the "
                                  "phone's keypad. Nothing else is recorded."),
                               this);
    privacy->setWordWrap(true);
    privacy->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(privacy);

    connect(m_input, &QLineEdit::textChanged, this, &PhoneNumberStep::typed);
    connect(m_showExisting, &QPushButton::clicked, this, [this] {
        emit m_wizard.showNumberRequested(m_normalized);
        m_wizard.reject();
    });
    m_waitTimer.setInterval(1000);
    connect(&m_waitTimer, &QTimer::timeout, this, [this] {
        if (--m_waitLeft <= 0) {
            m_waitTimer.stop();
            m_message->clear();
            emit completeChanged();
            return;
        }
        m_message->showProblem(
            tr("Too many verification calls to this number. You can ask for another one in %1.")
                .arg(TelephonyText::clock(m_waitLeft)));
    });
}

void PhoneNumberStep::initializePage()
{
    if (m_input->text().isEmpty() && !m_wizard.phoneNumber().isEmpty())
        m_input->setText(m_wizard.phoneNumber());
    typed();
    m_input->setFocus();
}

void PhoneNumberStep::typed()
{
    m_showExisting->hide();
    if (m_waitTimer.isActive()) {
        // A different number is not under the wait.
        m_waitTimer.stop();
        m_waitLeft = 0;
    }
    const QString text = m_input->text();
    const Result<QString> number = phone::normalize(text, DisplayFormat::phoneCountry());
    m_normalized = number ? *number : QString();
    if (number) {
        const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        m_formatted->setText(tr("We will call <b style=\"font-family:'%1'\">%2</b>")
                                 .arg(mono.family(), phone::display(m_normalized)));
        m_message->clear();
    } else {
        m_formatted->clear();
        // Quiet while nothing is typed; then the rule's own reason.
        if (text.trimmed().isEmpty())
            m_message->clear();
        else
            m_message->showProblem(TelephonyText::phoneProblem(number.errorMessage()));
    }
    emit completeChanged();
}

QString PhoneNumberStep::problemText() const
{
    return m_message->hasProblem() ? m_message->text() : QString();
}

bool PhoneNumberStep::isComplete() const
{
    return !m_normalized.isEmpty() && !m_busy && m_waitLeft <= 0;
}

void PhoneNumberStep::setBusy(bool busy)
{
    m_busy = busy;
    m_input->setReadOnly(busy);
    if (busy)
        m_message->showNote(tr("Asking Twilio to call %1…").arg(phone::display(m_normalized)));
    emit completeChanged();
}

void PhoneNumberStep::showWait(int seconds)
{
    m_waitLeft = seconds;
    m_waitTimer.start();
    emit completeChanged();
}

bool PhoneNumberStep::validatePage()
{
    // The verification call is the step's work: Next starts it, and the answer moves on.
    if (m_wizard.serverAgreed())
        return true;
    if (m_normalized.isEmpty() || m_busy)
        return false;
    const QString number = m_normalized;
    setBusy(true);
    m_wizard.api().telephony().startVerification(
        number, this, [this, number](Result<VerificationStarted> started, const Refusal &refusal) {
            setBusy(false);
            if (!started) {
                m_message->showProblem(TelephonyText::refusal(TelephonyText::Step::Initiate,
                                                              started.error(), refusal));
                if (refusal.status == 409)
                    m_showExisting->show();
                if (refusal.status == 429 && refusal.lockedForSeconds() <= 0 &&
                    refusal.waitSeconds() > 0)
                    showWait(refusal.waitSeconds());
                return;
            }
            m_message->clear();
            m_wizard.setPhoneNumber(number);
            m_wizard.setVerification(*started);
            emit m_wizard.numbersChanged();
            m_wizard.proceed();
        });
    return false;
}

} // namespace vox::ui
