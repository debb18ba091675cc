#include "ui/services/keywordtester.h"

#include "core/servicematch.h"
#include "ui/models/displayformat.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

KeywordTester::KeywordTester(QWidget *parent)
    : QWidget(parent)
    , m_input(new QPlainTextEdit(this))
    , m_result(new QLabel(this))
{
    setObjectName(u"keywordTester"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *intro = new QLabel(tr("Paste what a caller said to see which services it matches and "
                                "what the call would be worth."),
                             this);
    intro->setWordWrap(true);
    // Held at the top: on a wide screen the box is taller than its text, and the room left
    // goes under the result, not around the sentence.
    intro->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(intro);
    m_input->setObjectName(u"keywordTestInput"_s);
    m_input->setAccessibleName(tr("Sample of what a caller says"));
    m_input->setAccessibleDescription(tr("The services it mentions and the call's value show "
                                         "below, by the same rule the AI uses"));
    m_input->setPlaceholderText(tr("For example: “Hi, how much is a lip filler, and do you do "
                                   "Botox too?”"));
    m_input->setTabChangesFocus(true);
    m_input->setFixedHeight(m_input->fontMetrics().lineSpacing() * 4 + 12);
    layout->addWidget(m_input);
    m_result->setObjectName(u"keywordTestResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_result);
    layout->addStretch(1);
    connect(m_input, &QPlainTextEdit::textChanged, this, &KeywordTester::update);
    update();
}

void KeywordTester::setServices(const QList<ServiceRecord> &services)
{
    m_services = services;
    update();
}

void KeywordTester::setSentence(const QString &text)
{
    m_input->setPlainText(text);
}

QString KeywordTester::resultText() const
{
    return m_result->text();
}

void KeywordTester::update()
{
    QList<services::ServiceOffer> offers;
    offers.reserve(m_services.size());
    for (const ServiceRecord &s : std::as_const(m_services))
        offers << services::ServiceOffer{s.id, s.name, s.priceCents, s.keywords};
    const QString text = m_input->toPlainText();
    const services::ServiceMatch match = services::matchServices(text, offers);
    m_matched = match.names;
    m_valueCents = match.valueCents;
    if (text.trimmed().isEmpty()) {
        m_result->clear();
        return;
    }
    if (match.names.isEmpty()) {
        m_result->setText(tr("No service matches. Add the words callers use as keywords of the "
                             "service."));
        return;
    }
    QStringList parts;
    for (qsizetype i = 0; i < match.ids.size(); ++i) {
        qint64 price = 0;
        for (const services::ServiceOffer &o : std::as_const(offers)) {
            if (o.id == match.ids.at(i))
                price = o.priceCents;
        }
        parts << tr("<b>%1</b> (%2)")
                     .arg(match.names.at(i).toHtmlEscaped(), DisplayFormat::money(price));
    }
    m_result->setText(tr("Matches %1. The call would be worth <b>%2</b>.")
                          .arg(parts.join(u", "_s), DisplayFormat::money(match.valueCents)));
}

} // namespace vox::ui
