#pragma once

#include <QDateTime>
#include <QTimer>
#include <QWizardPage>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vox::ui {

class CodeDisplay;
class FieldMessage;
class TelephonyWizard;

// Step 2: Twilio is calling; the code is on screen, large, to be typed on the phone's keypad,
// then entered here to confirm. Shows the attempts left, the time until the code expires, and
// "Call me again" with the wait the server asks for.
class VerificationStep final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerificationStep)

public:
    explicit VerificationStep(TelephonyWizard &wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    CodeDisplay *codeDisplay() const { return m_code; }
    QLineEdit *codeInput() const { return m_input; }
    QLabel *attemptsLabel() const { return m_attempts; }
    QLabel *expiryLabel() const { return m_expiry; }
    QPushButton *resendButton() const { return m_resend; }
    // Only on a server whose providers are all the sandbox: nobody can answer its call.
    QPushButton *simulateButton() const { return m_simulate; }
    QString problemText() const;
    // The clock the expiry countdown reads; tests fix it to know what the countdown shows.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

private:
    void showStarted();
    void tick();
    void resend();
    void simulateAnswer();
    void setBusy(bool busy);
    void setAttempts(int left);

    TelephonyWizard &m_wizard;
    QLabel *m_calling;
    CodeDisplay *m_code;
    QLineEdit *m_input;
    QLabel *m_attempts;
    QLabel *m_expiry;
    QPushButton *m_resend;
    QPushButton *m_simulate;
    QLabel *m_resendWait;
    FieldMessage *m_message;
    QTimer m_clock;
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTimeUtc(); };
    int m_resendWaitLeft = 0;
    bool m_busy = false;
};

} // namespace vox::ui
