#pragma once

#include <QTimer>
#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vox::ui {

class FieldMessage;
class TelephonyWizard;

// Step 1: the clinic's number, formatted to E.164 as it is typed (core's rule, the server's
// own); "Call me with a code" only when it is valid. Starting the verification is the step's
// Next: the refusals (invalid, already verified, too many calls, locked) appear here.
class PhoneNumberStep final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhoneNumberStep)

public:
    explicit PhoneNumberStep(TelephonyWizard &wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    QLineEdit *numberInput() const { return m_input; }
    QString normalized() const { return m_normalized; }
    QString problemText() const;
    QPushButton *showExistingButton() const { return m_showExisting; }

private:
    void typed();
    void setBusy(bool busy);
    void showWait(int seconds);

    TelephonyWizard &m_wizard;
    QLineEdit *m_input;
    QLabel *m_formatted;
    FieldMessage *m_message;
    QPushButton *m_showExisting;
    QTimer m_waitTimer;
    QString m_normalized;
    int m_waitLeft = 0;
    bool m_busy = false;
};

} // namespace vox::ui
