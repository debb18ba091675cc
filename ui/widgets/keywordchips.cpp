#include "ui/widgets/keywordchips.h"

#include "ui/widgets/flowlayout.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

KeywordChips::KeywordChips(QWidget *parent)
    : QWidget(parent)
    , m_flow(new FlowLayout(this, 5))
    , m_input(new QLineEdit(this))
{
    setObjectName(u"keywordChips"_s);
    m_input->setObjectName(u"keywordInput"_s);
    m_input->setPlaceholderText(tr("Add a keyword, then Enter"));
    m_input->setAccessibleName(tr("New keyword"));
    // Wide enough for the whole hint in any language ("Añada una palabra clave y pulse Intro").
    m_input->setMinimumWidth(
        std::max(170, m_input->fontMetrics().horizontalAdvance(m_input->placeholderText()) + 16));
    m_input->installEventFilter(this);
    m_flow->addWidget(m_input);
    connect(m_input, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (text.contains(u','))
            commitInput();
    });
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void KeywordChips::setKeywords(const QStringList &keywords)
{
    if (keywords == m_keywords)
        return;
    m_keywords = keywords;
    rebuild();
}

void KeywordChips::setReadOnly(bool readOnly)
{
    if (readOnly == m_readOnly && !m_chips.isEmpty())
        return;
    m_readOnly = readOnly;
    m_input->setVisible(!readOnly);
    rebuild();
}

bool KeywordChips::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            commitInput();
            return true;
        }
        if (key->key() == Qt::Key_Backspace && m_input->text().isEmpty() && !m_keywords.isEmpty()) {
            remove(m_keywords.constLast());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void KeywordChips::commitInput()
{
    const QStringList parts = m_input->text().split(u',');
    m_input->clear();
    QStringList next = m_keywords;
    for (const QString &part : parts) {
        const QString clean = part.simplified().toLower();
        if (!clean.isEmpty() && !next.contains(clean))
            next << clean;
    }
    if (next == m_keywords)
        return;
    m_keywords = next;
    rebuild();
    emit edited(m_keywords);
}

void KeywordChips::remove(const QString &keyword)
{
    if (!m_keywords.removeOne(keyword))
        return;
    rebuild();
    emit edited(m_keywords);
}

void KeywordChips::rebuild()
{
    for (QWidget *chip : std::as_const(m_chips)) {
        m_flow->removeWidget(chip);
        chip->deleteLater();
    }
    m_chips.clear();
    m_flow->removeWidget(m_input);
    for (const QString &keyword : std::as_const(m_keywords)) {
        auto *chip = new QFrame(this);
        chip->setObjectName(u"keywordChip"_s);
        chip->setAttribute(Qt::WA_StyledBackground);
        chip->setStyleSheet(u"QFrame#keywordChip { background: palette(alternate-base); border: "
                            "1px solid palette(mid); border-radius: 10px; }"_s);
        auto *row = new QHBoxLayout(chip);
        row->setContentsMargins(9, 2, m_readOnly ? 9 : 3, 2);
        row->setSpacing(2);
        row->addWidget(new QLabel(keyword, chip));
        if (!m_readOnly) {
            auto *close = new QToolButton(chip);
            close->setText(u"×"_s);
            close->setAutoRaise(true);
            close->setToolTip(tr("Remove “%1”").arg(keyword));
            close->setAccessibleName(tr("Remove “%1”").arg(keyword));
            connect(close, &QToolButton::clicked, this, [this, keyword] { remove(keyword); });
            row->addWidget(close);
        }
        m_flow->addWidget(chip);
        m_chips << chip;
    }
    m_flow->addWidget(m_input);
    updateGeometry();
}

} // namespace vox::ui
