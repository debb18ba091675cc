#pragma once

#include "core/forwardingcodes.h"

#include <QWizardPage>

#include <optional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QRadioButton;
class QSlider;

namespace vox::ui {

class CodeDisplay;
class FieldMessage;
class TelephonyWizard;

// Step 3: the carrier, the mode (Total AI or Safety Net, explained plainly), and for Safety Net
// how long the phone rings first — the slider only offers what the carrier accepts. The code the
// clinic will dial is previewed live from core/forwardingcodes.h, the server's own rule.
class CarrierStep final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CarrierStep)

public:
    explicit CarrierStep(TelephonyWizard &wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    QComboBox *carrierCombo() const { return m_carrier; }
    QRadioButton *totalAiButton() const { return m_totalAi; }
    QRadioButton *safetyNetButton() const { return m_safetyNet; }
    QSlider *ringSlider() const { return m_ring; }
    QString previewText() const;
    QString problemText() const;

    std::optional<forwarding::Carrier> carrier() const;
    std::optional<forwarding::Mode> mode() const;
    int ringSeconds() const;

private:
    void update();

    TelephonyWizard &m_wizard;
    QComboBox *m_carrier;
    QButtonGroup *m_modes;
    QRadioButton *m_totalAi;
    QRadioButton *m_safetyNet;
    QLabel *m_ringLabel;
    QSlider *m_ring;
    QLabel *m_ringNote;
    CodeDisplay *m_preview;
    QLabel *m_previewNote;
    FieldMessage *m_message;
    bool m_busy = false;
};

} // namespace vox::ui
