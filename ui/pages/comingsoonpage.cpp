#include "ui/pages/comingsoonpage.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

ComingSoonPage::ComingSoonPage(const QString &title, const QString &purpose, QWidget *parent)
    : Page(parent)
    , m_title(title)
{
    setObjectName(u"comingSoonPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    auto *heading = new QLabel(title, this);
    QFont big = heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    heading->setFont(big);
    heading->setAlignment(Qt::AlignCenter);
    auto *what = new QLabel(purpose, this);
    what->setWordWrap(true);
    what->setAlignment(Qt::AlignCenter);
    what->setMaximumWidth(560);
    auto *when = new QLabel(tr("This part of the console is coming in the next update."), this);
    when->setAlignment(Qt::AlignCenter);
    when->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(heading);
    layout->addWidget(what, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    layout->addWidget(when);
    layout->addStretch(3);
}

} // namespace vox::ui
