#include "ui/widgets/toast.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

Toast::Toast(Kind kind, const QString &text, const QString &actionText,
             std::function<void()> action, QWidget *parent)
    : QFrame(parent)
    , m_kind(kind)
    , m_text(new QLabel(text, this))
{
    setObjectName(u"toast"_s);
    setAttribute(Qt::WA_StyledBackground);
    const char *accent = kind == Kind::Problem   ? "#c62828"
                         : kind == Kind::Success ? "#2e7d32"
                                                 : "#1565c0";
    setStyleSheet(u"QFrame#toast { background: palette(window); border: 1px solid palette(mid); "
                  "border-left: 5px solid %1; border-radius: 6px; }"_s.arg(QLatin1String(accent)));
    setFrameShape(QFrame::StyledPanel);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 10, 8, 10);
    layout->setSpacing(10);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setMinimumWidth(240);
    layout->addWidget(m_text, 1);

    if (action) {
        m_actionButton = new QPushButton(actionText, this);
        m_actionButton->setObjectName(u"toastAction"_s);
        layout->addWidget(m_actionButton);
        connect(m_actionButton, &QPushButton::clicked, this, [this, action = std::move(action)] {
            emit dismissed(this);
            action();
        });
    }
    auto *close = new QToolButton(this);
    close->setText(u"✕"_s);
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    layout->addWidget(close, 0, Qt::AlignTop);
    connect(close, &QToolButton::clicked, this, [this] { emit dismissed(this); });

    if (kind != Kind::Problem) {
        m_expiry.setSingleShot(true);
        m_expiry.start(m_actionButton ? 10000 : 6000);
        connect(&m_expiry, &QTimer::timeout, this, [this] { emit dismissed(this); });
    }
}

QString Toast::text() const
{
    return m_text->text();
}

} // namespace vox::ui
