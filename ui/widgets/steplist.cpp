#include "ui/widgets/steplist.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

StepList::StepList(const QStringList &steps, QWidget *parent)
    : QWidget(parent)
    , m_steps(steps)
{
    setObjectName(u"stepList"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 24, 16, 16);
    layout->setSpacing(14);
    for (int i = 0; i < steps.size(); ++i) {
        auto *label = new QLabel(this);
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        m_labels << label;
        layout->addWidget(label);
    }
    layout->addStretch();
    setMinimumWidth(170);
    setMaximumWidth(200);
    setCurrent(0);
}

void StepList::setCurrent(int index)
{
    m_current = index;
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    for (int i = 0; i < m_labels.size(); ++i) {
        const QString name = m_steps.at(i).toHtmlEscaped();
        if (i < index)
            m_labels[i]->setText(u"<span style=\"color:%1\">✓ %2</span>"_s.arg(muted, name));
        else if (i == index)
            m_labels[i]->setText(u"<b>%1. %2</b>"_s.arg(i + 1).arg(name));
        else
            m_labels[i]->setText(
                u"<span style=\"color:%1\">%2. %3</span>"_s.arg(muted).arg(i + 1).arg(name));
    }
}

} // namespace vox::ui
