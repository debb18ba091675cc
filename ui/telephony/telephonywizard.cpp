#include "ui/telephony/telephonywizard.h"

#include "core/phonenumber.h"
#include "ui/api/apiclient.h"
#include "ui/telephony/activationcodestep.h"
#include "ui/telephony/carrierstep.h"
#include "ui/telephony/confirmationstep.h"
#include "ui/telephony/phonenumberstep.h"
#include "ui/telephony/verificationstep.h"
#include "ui/widgets/steplist.h"
#include "ui/widgets/toastarea.h"

#include <QAbstractButton>
#include <QLineEdit>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

TelephonyWizard::TelephonyWizard(ApiClient &api, QWidget *parent)
    : QWizard(parent)
    , m_api(api)
    , m_toasts(new ToastArea(this))
    , m_steps(new StepList({tr("Your number"), tr("Verification code"), tr("Carrier and mode"),
                            tr("Dial the code"), tr("Done")},
                           this))
{
    setObjectName(u"telephonyWizard"_s);
    setWindowTitle(tr("Forward your clinic's number to the AI"));
    // One look on every platform (and in the screenshots).
    setWizardStyle(QWizard::ClassicStyle);
    setOptions(QWizard::NoBackButtonOnLastPage | QWizard::NoCancelButtonOnLastPage |
               QWizard::HaveCustomButton1 | QWizard::NoBackButtonOnStartPage);
    setSideWidget(m_steps);
    // Qt's own button texts are not in our catalogue: name them here so they are translated.
    setButtonText(QWizard::BackButton, tr("< Back"));
    setButtonText(QWizard::NextButton, tr("Next >"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    setButtonText(QWizard::FinishButton, tr("View my verified numbers"));
    setButtonText(QWizard::CustomButton1, tr("Add another number"));
    button(QWizard::CustomButton1)->setObjectName(u"addAnotherButton"_s);
    button(QWizard::FinishButton)->setObjectName(u"viewNumbersButton"_s);

    setPage(PhoneStep, new PhoneNumberStep(*this));
    setPage(VerifyStep, new VerificationStep(*this));
    setPage(CarrierStep, new vox::ui::CarrierStep(*this));
    setPage(CodeStep, new ActivationCodeStep(*this));
    setPage(DoneStep, new ConfirmationStep(*this));
    setStartId(PhoneStep);

    connect(this, &QWizard::currentIdChanged, this, &TelephonyWizard::updateSteps);
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            startOver();
    });
    resize(820, 600);

    // The preview shows the real destination once the server says which number the AI has.
    if (m_api.session().isAdmin()) {
        m_api.integrations().status(this, [this](Result<IntegrationStatus> status) {
            if (!status || status->twilio.phoneNumber.isEmpty())
                return;
            m_aiNumber = status->twilio.phoneNumber;
            if (currentId() == CarrierStep)
                currentPage()->initializePage();
        });
    }
}

TelephonyWizard::~TelephonyWizard() = default;

void TelephonyWizard::startWithVerifiedNumber(const VerifiedNumber &number)
{
    m_earlierCarrier = number.carrier;
    m_earlierMode = number.forwardingType;
    if (!number.isVerified()) {
        if (auto *phone = qobject_cast<PhoneNumberStep *>(page(PhoneStep)))
            phone->numberInput()->setText(phone::display(number.phoneNumber));
        setStartId(PhoneStep);
        restart();
        return;
    }
    m_phoneNumber = number.phoneNumber;
    m_verifiedCallerId = number.id;
    setStartId(CarrierStep);
    restart();
}

void TelephonyWizard::startOver()
{
    m_phoneNumber.clear();
    m_verification = {};
    m_verifiedCallerId.clear();
    m_forwarding = {};
    m_earlierCarrier.clear();
    m_earlierMode.clear();
    if (auto *phone = qobject_cast<PhoneNumberStep *>(page(PhoneStep)))
        phone->numberInput()->clear();
    setStartId(PhoneStep);
    restart();
}

void TelephonyWizard::updateSteps(int id)
{
    if (id < 0)
        return;
    m_steps->setCurrent(id);
    // "Add another number" belongs to the last step only.
    if (id == DoneStep)
        setButtonLayout({QWizard::Stretch, QWizard::CustomButton1, QWizard::FinishButton});
    else
        setButtonLayout({QWizard::Stretch, QWizard::BackButton, QWizard::NextButton,
                         QWizard::CommitButton, QWizard::FinishButton, QWizard::CancelButton});
}

} // namespace vox::ui
