#include "ui/widgets/fieldmessage.h"

#include "ui/models/displayformat.h"

#include <QEvent>
#include <QFormLayout>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

FieldMessage::FieldMessage(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void FieldMessage::showProblem(const QString &text)
{
    m_problem = true;
    setText(text);
    restyle();
    setVisible(!text.isEmpty());
}

void FieldMessage::showNote(const QString &text)
{
    m_problem = false;
    setText(text);
    restyle();
    setVisible(!text.isEmpty());
}

void FieldMessage::clear()
{
    m_problem = false;
    QLabel::clear();
    hide();
}

void FieldMessage::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

void FieldMessage::restyle()
{
    // The palette-aware tone: #c62828 is unreadable on the dark palette.
    const QColor colour = m_problem ? DisplayFormat::tone(DisplayFormat::Tone::Bad)
                                    : palette().color(QPalette::PlaceholderText);
    const QString style = u"color: %1;"_s.arg(colour.name());
    if (styleSheet() != style)
        setStyleSheet(style);
}

void addFieldRow(QFormLayout *form, const QString &label, QWidget *field, FieldMessage *message,
                 QWidget *parent)
{
    auto *caption = new QLabel(label, parent);
    form->addRow(caption, withFieldMessage(field, message, parent));
    caption->setBuddy(field);
    if (field->accessibleName().isEmpty())
        field->setAccessibleName(QString(label).remove(u'&').remove(u':').trimmed());
}

QWidget *withFieldMessage(QWidget *field, FieldMessage *message, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(message);
    return box;
}

} // namespace vox::ui
