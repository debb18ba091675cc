#include "ui/models/notificationlist.h"

#include <algorithm>

namespace vox::ui {

void NotificationList::add(const Notice &notice)
{
    const int before = unreadCount();
    // The same record again (a lead that turns hot twice) moves to the top rather than piling up.
    m_notices.removeIf([&notice](const Notice &n) {
        return !notice.entityId.isEmpty() && n.entityId == notice.entityId &&
               n.entityType == notice.entityType && n.title == notice.title;
    });
    m_notices.prepend(notice);
    while (m_notices.size() > capacity)
        m_notices.removeLast();
    changedFrom(before);
}

int NotificationList::unreadCount() const
{
    return int(std::count_if(m_notices.cbegin(), m_notices.cend(),
                             [](const Notice &n) { return !n.read; }));
}

void NotificationList::markRead(int index)
{
    if (index < 0 || index >= m_notices.size() || m_notices.at(index).read)
        return;
    const int before = unreadCount();
    m_notices[index].read = true;
    changedFrom(before);
}

void NotificationList::markAllRead()
{
    const int before = unreadCount();
    for (Notice &n : m_notices)
        n.read = true;
    changedFrom(before);
}

void NotificationList::clear()
{
    const int before = unreadCount();
    m_notices.clear();
    changedFrom(before);
}

void NotificationList::changedFrom(int unreadBefore)
{
    emit changed();
    if (const int unread = unreadCount(); unread != unreadBefore)
        emit unreadCountChanged(unread);
}

} // namespace vox::ui
