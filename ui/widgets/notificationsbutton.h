#pragma once

#include <QToolButton>

class QMenu;

namespace vox::ui {

class NotificationList;

// The status bar's "Notifications" button: how many are unread, and a list of the latest to open
// again after their toast or desktop notice is gone. Choosing one opens its record and marks it
// read; "Mark all as read" clears the count.
class NotificationsButton final : public QToolButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationsButton)

public:
    static constexpr int shownInMenu = 20;

    NotificationsButton(NotificationList &list, QWidget *parent = nullptr);

    QMenu *listMenu() const { return m_menu; }

signals:
    void openRequested(const QString &entityType, const QString &entityId);

private:
    void showCount(int unread);
    void fillMenu();

    NotificationList &m_list;
    QMenu *m_menu;
};

} // namespace vox::ui
