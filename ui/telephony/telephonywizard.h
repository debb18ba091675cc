#pragma once

#include "ui/api/telephonyrecords.h"

#include <QWizard>

namespace vox::ui {

class ApiClient;
class StepList;
class ToastArea;

// Forwarding the clinic's own number to the AI receptionist, in five steps: the
// number → the verification code Twilio's call asks for → carrier and mode with the code
// previewed → the code to dial, with Copy → the confirmation. For admins; each step shows the
// server's refusals where they belong.
class TelephonyWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TelephonyWizard)

public:
    enum StepId { PhoneStep, VerifyStep, CarrierStep, CodeStep, DoneStep };

    TelephonyWizard(ApiClient &api, QWidget *parent = nullptr);
    ~TelephonyWizard() override;

    // Sets up forwarding for a number verified earlier: starts at the carrier step, with the
    // carrier and mode it had chosen before, if any. A number not verified yet (its wizard was
    // closed while waiting for the code) starts at the number, filled in, for a new call.
    void startWithVerifiedNumber(const VerifiedNumber &number);
    // The carrier and mode chosen for this number before ("" when none): the carrier step
    // starts from them rather than from nothing.
    QString earlierCarrier() const { return m_earlierCarrier; }
    QString earlierMode() const { return m_earlierMode; }

    ApiClient &api() const { return m_api; }
    ToastArea &toasts() const { return *m_toasts; }

    // What the steps learned so far.
    QString phoneNumber() const { return m_phoneNumber; }
    void setPhoneNumber(const QString &number) { m_phoneNumber = number; }
    const VerificationStarted &verification() const { return m_verification; }
    void setVerification(const VerificationStarted &started) { m_verification = started; }
    QString verifiedCallerId() const { return m_verifiedCallerId; }
    void setVerifiedCallerId(const QString &id) { m_verifiedCallerId = id; }
    const ForwardingConfig &forwarding() const { return m_forwarding; }
    void setForwarding(const ForwardingConfig &config) { m_forwarding = config; }
    // The AI's number the calls will go to (the clinic's Twilio number); empty until known.
    QString aiNumber() const { return m_aiNumber; }

    // Steps 1-4 ask the server before moving on: their validatePage() starts the request and
    // answers "not yet"; when the server agrees, the step calls proceed(), during which
    // serverAgreed() is true so the repeated validatePage() lets the wizard go on.
    void proceed()
    {
        m_serverAgreed = true;
        next();
        m_serverAgreed = false;
    }
    bool serverAgreed() const { return m_serverAgreed; }

signals:
    // "Show it": the number the user tried to add is already verified.
    void showNumberRequested(const QString &phoneNumber);
    // Something changed on the server (a number verified, forwarding set up).
    void numbersChanged();

private:
    void startOver();
    void updateSteps(int id);

    ApiClient &m_api;
    ToastArea *m_toasts;
    StepList *m_steps;
    QString m_phoneNumber;
    VerificationStarted m_verification;
    QString m_verifiedCallerId;
    ForwardingConfig m_forwarding;
    QString m_aiNumber;
    QString m_earlierCarrier;
    QString m_earlierMode;
    bool m_serverAgreed = false;
};

} // namespace vox::ui
