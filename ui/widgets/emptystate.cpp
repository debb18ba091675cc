#include "ui/widgets/emptystate.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

EmptyState::EmptyState(QWidget *content, QWidget *parent)
    : QStackedWidget(parent)
    , m_title(new QLabel)
    , m_detail(new QLabel)
    , m_retry(new QPushButton(tr("Try again")))
{
    addWidget(content);
    auto *message = new QWidget;
    message->setObjectName(u"emptyStateMessage"_s);
    auto *layout = new QVBoxLayout(message);
    layout->addStretch();
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_detail->setAlignment(Qt::AlignCenter);
    m_detail->setWordWrap(true);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_title);
    layout->addWidget(m_detail);
    layout->addWidget(m_retry, 0, Qt::AlignCenter);
    layout->addStretch();
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_retryAction)
            m_retryAction();
    });
    addWidget(message);
}

void EmptyState::showContent()
{
    setCurrentIndex(0);
}

void EmptyState::showMessage(const QString &title, const QString &detail,
                             std::function<void()> retry)
{
    m_title->setText(title);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    m_retryAction = std::move(retry);
    m_retry->setVisible(bool(m_retryAction));
    setCurrentIndex(1);
}

QString EmptyState::messageTitle() const
{
    return m_title->text();
}

} // namespace vox::ui
