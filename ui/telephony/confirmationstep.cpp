#include "ui/telephony/confirmationstep.h"

#include "core/phonenumber.h"
#include "ui/models/displayformat.h"
#include "ui/telephony/telephonytext.h"
#include "ui/telephony/telephonywizard.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

ConfirmationStep::ConfirmationStep(TelephonyWizard &wizard)
    : QWizardPage(&wizard)
    , m_wizard(wizard)
    , m_headline(new QLabel(this))
    , m_phone(new QLabel(this))
    , m_mode(new QLabel(this))
    , m_carrier(new QLabel(this))
    , m_ring(new QLabel(this))
    , m_destination(new QLabel(this))
{
    setObjectName(u"confirmationStep"_s);
    setTitle(tr("All set"));
    setSubTitle(tr("The AI receptionist now answers your clinic's calls."));
    setFinalPage(true);

    auto *layout = new QVBoxLayout(this);
    m_headline->setObjectName(u"confirmationHeadline"_s);
    m_headline->setWordWrap(true);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_headline->setFont(big);
    layout->addWidget(m_headline);
    layout->addSpacing(10);
    auto *form = new QFormLayout;
    form->addRow(tr("Phone:"), m_phone);
    form->addRow(tr("Mode:"), m_mode);
    form->addRow(tr("Carrier:"), m_carrier);
    form->addRow(tr("Ring time:"), m_ring);
    form->addRow(tr("Calls go to:"), m_destination);
    for (QLabel *l : {m_phone, m_mode, m_carrier, m_ring, m_destination})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addLayout(form);
    layout->addSpacing(10);
    auto *next = new QLabel(tr("Test it: call the clinic's number from another phone. To switch "
                               "forwarding off, use the Telephony page."),
                            this);
    next->setWordWrap(true);
    next->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(next);
    layout->addStretch();
}

void ConfirmationStep::initializePage()
{
    const ForwardingConfig &config = m_wizard.forwarding();
    const QString good = DisplayFormat::tone(DisplayFormat::Tone::Good).name();
    m_headline->setText(u"<span style=\"color:%1\">✔</span> "_s.arg(good) +
                        tr("Your phone number is now forwarding to Voxanne AI").toHtmlEscaped());
    m_phone->setText(phone::display(config.simPhoneNumber));
    m_mode->setText(TelephonyText::modeName(config.forwardingType));
    m_carrier->setText(TelephonyText::carrierName(config.carrier));
    if (config.forwardingType == u"total_ai")
        m_ring->setText(tr("None: the AI answers at once"));
    else if (config.ringTimeSeconds < 0)
        m_ring->setText(tr("Your carrier's own (about 30 seconds)"));
    else
        m_ring->setText(tr("%n second(s)", nullptr, config.ringTimeSeconds));
    m_destination->setText(phone::display(config.destination));
}

QString ConfirmationStep::summaryText() const
{
    return QStringList{m_phone->text(), m_mode->text(), m_carrier->text(), m_ring->text(),
                       m_destination->text()}
        .join(u" | "_s);
}

} // namespace vox::ui
