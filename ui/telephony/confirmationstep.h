#pragma once

#include <QWizardPage>

class QFormLayout;
class QLabel;

namespace vox::ui {

class TelephonyWizard;

// Step 5: done. What was set up (number, mode, carrier, ring time), with "View my verified
// numbers" and "Add another number".
class ConfirmationStep final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfirmationStep)

public:
    explicit ConfirmationStep(TelephonyWizard &wizard);

    void initializePage() override;
    QString summaryText() const;

private:
    TelephonyWizard &m_wizard;
    QLabel *m_headline;
    QLabel *m_phone;
    QLabel *m_mode;
    QLabel *m_carrier;
    QLabel *m_ring;
    QLabel *m_destination;
};

} // namespace vox::ui
