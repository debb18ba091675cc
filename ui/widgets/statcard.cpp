#include "ui/widgets/statcard.h"

#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

StatCard::StatCard(const QString &title, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_value(new QLabel(u"–"_s, this))
    , m_caption(new QLabel(this))
{
    setObjectName(u"statCard"_s);
    // Styled by a property, not the object name: pages name their cards.
    setProperty("statCard", true);
    setAttribute(Qt::WA_StyledBackground);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(2);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 0.95);
    m_title->setFont(titleFont);
    m_title->setForegroundRole(QPalette::PlaceholderText);
    QFont valueFont = m_value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.9);
    valueFont.setBold(true);
    m_value->setFont(valueFont);
    m_value->setObjectName(u"statValue"_s);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    m_caption->setWordWrap(true);
    m_caption->hide();
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
    layout->addStretch();
    setMinimumHeight(92);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    updateStyle();
}

void StatCard::setValue(const QString &value)
{
    m_value->setText(value);
}

QString StatCard::value() const
{
    return m_value->text();
}

QString StatCard::caption() const
{
    return m_caption->text();
}

void StatCard::setCaption(const QString &caption)
{
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
}

void StatCard::setAccent(const QColor &color)
{
    m_accent = color.name();
    updateStyle();
}

void StatCard::setCheckable(bool checkable)
{
    m_checkable = checkable;
    setCursor(checkable ? Qt::PointingHandCursor : Qt::ArrowCursor);
    setFocusPolicy(checkable ? Qt::StrongFocus : Qt::NoFocus);
}

void StatCard::setChecked(bool checked)
{
    m_checked = checked;
    updateStyle();
}

void StatCard::updateStyle()
{
    const QString accent = m_accent.isEmpty() ? u"palette(highlight)"_s : m_accent;
    const QString border =
        m_checked ? u"2px solid palette(highlight)"_s : u"1px solid palette(mid)"_s;
    setStyleSheet(u"QFrame[statCard=\"true\"] { background: palette(base); border: %1; "
                  "border-top: 4px solid %2; border-radius: 8px; }"_s.arg(border, accent));
}

void StatCard::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_checkable && event->button() == Qt::LeftButton && rect().contains(event->pos()))
        emit clicked();
    QFrame::mouseReleaseEvent(event);
}

void StatCard::keyPressEvent(QKeyEvent *event)
{
    if (m_checkable && (event->key() == Qt::Key_Space || event->key() == Qt::Key_Return)) {
        emit clicked();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace vox::ui
