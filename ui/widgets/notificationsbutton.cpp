#include "ui/widgets/notificationsbutton.h"

#include "ui/models/displayformat.h"
#include "ui/models/notificationlist.h"

#include <QAction>
#include <QMenu>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

NotificationsButton::NotificationsButton(NotificationList &list, QWidget *parent)
    : QToolButton(parent)
    , m_list(list)
    , m_menu(new QMenu(this))
{
    setObjectName(u"notificationsButton"_s);
    m_menu->setObjectName(u"notificationsMenu"_s);
    setMenu(m_menu);
    setPopupMode(QToolButton::InstantPopup);
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_menu, &QMenu::aboutToShow, this, &NotificationsButton::fillMenu);
    connect(&m_list, &NotificationList::unreadCountChanged, this, &NotificationsButton::showCount);
    showCount(m_list.unreadCount());
}

void NotificationsButton::showCount(int unread)
{
    setText(unread > 0 ? tr("Notifications (%1)").arg(unread) : tr("Notifications"));
    setAccessibleName(text());
    setAccessibleDescription(tr("Hot leads and bookings that came in; choose one to open it."));
    setToolTip(unread > 0 ? tr("%n unread notification(s)", nullptr, unread)
                          : tr("No unread notifications"));
    // Unread ones stand out in bold, as in a mail client.
    QFont f = font();
    f.setBold(unread > 0);
    setFont(f);
}

void NotificationsButton::fillMenu()
{
    m_menu->clear();
    const auto &notices = m_list.notices();
    if (notices.isEmpty()) {
        m_menu->addAction(tr("No notifications yet"))->setEnabled(false);
        return;
    }
    for (int i = 0; i < notices.size() && i < shownInMenu; ++i) {
        const NotificationList::Notice &n = notices.at(i);
        const QString when = DisplayFormat::relativeDateTime(n.at, QDateTime::currentDateTimeUtc());
        QAction *open = m_menu->addAction(u"%1: %2 · %3"_s.arg(n.title, n.text, when));
        open->setObjectName(u"notice%1"_s.arg(i));
        QFont f = m_menu->font();
        f.setBold(!n.read);
        open->setFont(f);
        connect(open, &QAction::triggered, this, [this, i, type = n.entityType, id = n.entityId] {
            m_list.markRead(i);
            emit openRequested(type, id);
        });
    }
    m_menu->addSeparator();
    QAction *all = m_menu->addAction(tr("Mark all as read"));
    all->setObjectName(u"markAllReadAction"_s);
    all->setEnabled(m_list.unreadCount() > 0);
    connect(all, &QAction::triggered, &m_list, &NotificationList::markAllRead);
}

} // namespace vox::ui
