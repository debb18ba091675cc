#include "ui/shell/startingpanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

StartingPanel::StartingPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_retry(new QPushButton(tr("Try again"), this))
    , m_elsewhere(new QPushButton(tr("Connect to a server instead"), this))
    , m_quit(new QPushButton(tr("Quit"), this))
{
    setObjectName(u"startingPanel"_s);
    m_title->setObjectName(u"startingTitle"_s);
    m_detail->setObjectName(u"startingDetail"_s);
    m_retry->setObjectName(u"startingRetry"_s);
    m_elsewhere->setObjectName(u"startingElsewhere"_s);
    m_quit->setObjectName(u"startingQuit"_s);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setWeight(QFont::DemiBold);
    m_title->setFont(big);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_detail->setAlignment(Qt::AlignCenter);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A busy bar with no end: how long PostgreSQL takes is not known ahead.
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(320);
    m_busy->setAccessibleName(tr("Starting"));
    m_busy->setAccessibleDescription(tr("The clinic's server on this computer is starting"));
    m_retry->setAccessibleDescription(tr("Start the clinic's server on this computer again"));
    m_elsewhere->setAccessibleDescription(tr("Use a Voxanne server on another computer"));
    m_quit->setAccessibleDescription(tr("Close the console"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_retry);
    buttons->addWidget(m_elsewhere);
    buttons->addWidget(m_quit);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_title);
    layout->addWidget(m_detail);
    layout->addSpacing(12);
    layout->addWidget(m_busy, 0, Qt::AlignHCenter);
    layout->addLayout(buttons);
    layout->addStretch(3);
    layout->setContentsMargins(48, 24, 48, 24);

    connect(m_retry, &QPushButton::clicked, this, &StartingPanel::retryRequested);
    connect(m_elsewhere, &QPushButton::clicked, this, &StartingPanel::connectElsewhereRequested);
    connect(m_quit, &QPushButton::clicked, this, &StartingPanel::quitRequested);
    showStarting();
}

void StartingPanel::showStarting()
{
    m_failed = false;
    m_title->setText(tr("Starting the clinic's server…"));
    m_detail->setText(tr("Voxanne runs the clinic's server and its database on this computer. "
                         "The very first start takes a little longer."));
    m_busy->show();
    m_retry->hide();
    m_elsewhere->hide();
    m_quit->hide();
}

void StartingPanel::showFailure(const QString &reason)
{
    m_failed = true;
    m_title->setText(tr("The clinic's server on this computer could not start"));
    // The reason comes from the server and the database, in their words (English, technical):
    // framed in the person's language as what to pass on, not as the explanation itself.
    m_detail->setText(
        tr("Try again. If it fails again, show your IT contact this message:\n%1").arg(reason));
    m_busy->hide();
    m_retry->show();
    m_elsewhere->show();
    m_quit->show();
    m_retry->setDefault(true);
    m_retry->setFocus();
}

QString StartingPanel::message() const
{
    return m_title->text() + u'\n' + m_detail->text();
}

} // namespace vox::ui
