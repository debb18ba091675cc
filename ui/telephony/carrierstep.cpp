#include "ui/telephony/carrierstep.h"

#include "ui/api/apiclient.h"
#include "ui/telephony/telephonytext.h"
#include "ui/telephony/telephonywizard.h"
#include "ui/widgets/codedisplay.h"
#include "ui/widgets/fieldmessage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QRadioButton>
#include <QSlider>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// Stands in for the AI's number in the preview until the server says which it is.
const QString placeholderNumber = u"+10000000000"_s;

} // namespace

CarrierStep::CarrierStep(TelephonyWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_carrier(new QComboBox(this))
    , m_modes(new QButtonGroup(this))
    , m_totalAi(new QRadioButton(tr("Total AI: the AI answers every call"), this))
    , m_safetyNet(new QRadioButton(tr("Safety Net: the AI answers the calls you miss"), this))
    , m_ringLabel(new QLabel(this))
    , m_ring(new QSlider(Qt::Horizontal, this))
    , m_ringNote(new QLabel(this))
    , m_preview(new CodeDisplay(1.5, this))
    , m_previewNote(new QLabel(this))
    , m_message(new FieldMessage(this))
{
    setObjectName(u"carrierStep"_s);
    setTitle(tr("How should calls reach the AI?"));
    setSubTitle(tr("Choose your phone company and when the AI receptionist should answer."));
    setButtonText(QWizard::NextButton, tr("Create my code"));

    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_carrier->setObjectName(u"carrierCombo"_s);
    m_carrier->setPlaceholderText(tr("Choose your carrier…"));
    for (const forwarding::Carrier c : forwarding::allCarriers())
        m_carrier->addItem(TelephonyText::carrierName(c), forwarding::toString(c));
    m_carrier->setCurrentIndex(-1);
    form->addRow(tr("Phone company:"), m_carrier);
    layout->addLayout(form);

    const auto explain = [this](forwarding::Mode mode) {
        auto *label = new QLabel(TelephonyText::modeExplanation(mode), this);
        label->setWordWrap(true);
        label->setContentsMargins(24, 0, 0, 6);
        label->setForegroundRole(QPalette::PlaceholderText);
        return label;
    };
    m_totalAi->setObjectName(u"totalAiButton"_s);
    m_safetyNet->setObjectName(u"safetyNetButton"_s);
    m_modes->addButton(m_totalAi, int(forwarding::Mode::TotalAi));
    m_modes->addButton(m_safetyNet, int(forwarding::Mode::SafetyNet));
    layout->addWidget(m_safetyNet);
    layout->addWidget(explain(forwarding::Mode::SafetyNet));

    const forwarding::RingTimeRule rule = forwarding::ringTimeRule();
    m_ring->setObjectName(u"ringSlider"_s);
    m_ring->setRange(rule.minimum / rule.step, rule.maximum / rule.step);
    m_ring->setPageStep(1);
    m_ring->setTickPosition(QSlider::TicksBelow);
    m_ring->setTickInterval(1);
    m_ring->setValue(qBound(m_ring->minimum(), 25 / rule.step, m_ring->maximum()));
    m_ringLabel->setObjectName(u"ringLabel"_s);
    m_ringNote->setObjectName(u"ringNote"_s);
    m_ringNote->setWordWrap(true);
    m_ringNote->setForegroundRole(QPalette::PlaceholderText);
    auto *ringBox = new QVBoxLayout;
    ringBox->setContentsMargins(24, 0, 0, 0);
    ringBox->addWidget(m_ringLabel);
    ringBox->addWidget(m_ring);
    ringBox->addWidget(m_ringNote);
    // The ring time belongs to Safety Net: right under it.
    layout->addLayout(ringBox);
    layout->addSpacing(6);
    layout->addWidget(m_totalAi);
    layout->addWidget(explain(forwarding::Mode::TotalAi));

    auto *previewTitle = new QLabel(tr("The code you will dial:"), this);
    layout->addSpacing(6);
    layout->addWidget(previewTitle);
    m_preview->setObjectName(u"codePreview"_s);
    layout->addWidget(m_preview);
    m_previewNote->setObjectName(u"previewNote"_s);
    m_previewNote->setWordWrap(true);
    m_previewNote->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_previewNote);
    m_message->setObjectName(u"carrierMessage"_s);
    layout->addWidget(m_message);
    layout->addStretch();

    connect(m_carrier, &QComboBox::currentIndexChanged, this, &CarrierStep::update);
    connect(m_modes, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            update();
    });
    connect(m_ring, &QSlider::valueChanged, this, &CarrierStep::update);
}

void CarrierStep::initializePage()
{
    m_message->clear();
    // Coming back to a number: the choice made for it before, not an empty form.
    if (m_carrier->currentIndex() < 0 && !m_wizard.earlierCarrier().isEmpty())
        m_carrier->setCurrentIndex(m_carrier->findData(m_wizard.earlierCarrier()));
    if (!mode() && m_wizard.earlierMode() == forwarding::toString(forwarding::Mode::SafetyNet))
        m_safetyNet->setChecked(true);
    else if (!mode() && m_wizard.earlierMode() == forwarding::toString(forwarding::Mode::TotalAi))
        m_totalAi->setChecked(true);
    update();
}

std::optional<forwarding::Carrier> CarrierStep::carrier() const
{
    return forwarding::carrierFromString(m_carrier->currentData().toString());
}

std::optional<forwarding::Mode> CarrierStep::mode() const
{
    if (m_totalAi->isChecked())
        return forwarding::Mode::TotalAi;
    if (m_safetyNet->isChecked())
        return forwarding::Mode::SafetyNet;
    return std::nullopt;
}

int CarrierStep::ringSeconds() const
{
    return m_ring->value() * forwarding::ringTimeRule().step;
}

QString CarrierStep::previewText() const
{
    return m_preview->code();
}

QString CarrierStep::problemText() const
{
    return m_message->hasProblem() ? m_message->text() : QString();
}

void CarrierStep::update()
{
    const auto c = carrier();
    const auto m = mode();
    const bool safetyNet = m == forwarding::Mode::SafetyNet;
    const bool ringApplies = safetyNet && c && forwarding::supportsRingTime(*c);
    m_ring->setEnabled(ringApplies);
    m_ringLabel->setEnabled(ringApplies);
    m_ringLabel->setText(tr("Ring for %n second(s) before the AI answers", nullptr, ringSeconds()));
    if (safetyNet && c && !ringApplies)
        m_ringNote->setText(tr("%1 uses its own ring time (about 30 seconds); it cannot be "
                               "changed from the phone.")
                                .arg(TelephonyText::carrierName(*c)));
    else if (ringApplies)
        m_ringNote->setText(tr("%1 accepts %2 to %3 seconds.")
                                .arg(TelephonyText::carrierName(*c))
                                .arg(forwarding::ringTimeRule().minimum)
                                .arg(forwarding::ringTimeRule().maximum));
    else
        m_ringNote->clear();
    m_ringNote->setVisible(!m_ringNote->text().isEmpty());

    if (!c || !m) {
        m_preview->setCode(u"—"_s);
        m_previewNote->setText(tr("Choose the phone company and the mode to see the code."));
    } else {
        const QString ai = m_wizard.aiNumber();
        const auto codes =
            forwarding::generate(*c, *m, ai.isEmpty() ? placeholderNumber : ai, ringSeconds());
        if (codes) {
            QString code = codes->activation;
            if (ai.isEmpty())
                code.replace(placeholderNumber, tr("[AI number]"));
            m_preview->setCode(code);
            m_previewNote->setText(
                tr("To turn forwarding off later, you would dial %1.").arg(codes->deactivation));
        } else {
            m_preview->setCode(u"—"_s);
            m_previewNote->setText(tr("Your carrier does not accept this ring time. Choose "
                                      "another one."));
        }
    }
    emit completeChanged();
}

bool CarrierStep::isComplete() const
{
    return carrier().has_value() && mode().has_value() && !m_busy;
}

bool CarrierStep::validatePage()
{
    if (m_wizard.serverAgreed())
        return true;
    if (!isComplete())
        return false;
    ForwardingRequest request;
    request.verifiedCallerId = m_wizard.verifiedCallerId();
    request.carrier = forwarding::toString(*carrier());
    request.forwardingType = forwarding::toString(*mode());
    request.ringTimeSeconds = ringSeconds();
    m_busy = true;
    emit completeChanged();
    m_message->showNote(tr("Creating your code…"));
    m_wizard.api().telephony().createForwarding(
        request, this, [this](Result<ForwardingConfig> config, const Refusal &refusal) {
            m_busy = false;
            emit completeChanged();
            if (!config) {
                m_message->showProblem(TelephonyText::refusal(TelephonyText::Step::Forwarding,
                                                              config.error(), refusal));
                return;
            }
            m_message->clear();
            m_wizard.setForwarding(*config);
            emit m_wizard.numbersChanged();
            m_wizard.proceed();
        });
    return false;
}

} // namespace vox::ui
