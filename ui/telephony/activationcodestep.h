#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace vox::ui {

class CodeDisplay;
class FieldMessage;
class TelephonyWizard;

// Step 4: the code to dial on the clinic's phone, large, with Copy; the steps to follow; the
// code that turns it off again, for reference. "I've dialed the code" confirms the setup.
class ActivationCodeStep final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivationCodeStep)

public:
    explicit ActivationCodeStep(TelephonyWizard &wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    CodeDisplay *codeDisplay() const { return m_code; }
    QPushButton *copyButton() const { return m_copy; }
    QLabel *instructions() const { return m_instructions; }
    QLabel *deactivationLabel() const { return m_deactivation; }
    QString problemText() const;

private:
    TelephonyWizard &m_wizard;
    CodeDisplay *m_code;
    QPushButton *m_copy;
    QLabel *m_warning;
    QLabel *m_instructions;
    QLabel *m_deactivation;
    FieldMessage *m_message;
    bool m_busy = false;
};

} // namespace vox::ui
