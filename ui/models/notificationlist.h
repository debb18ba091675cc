#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace vox::ui {

// What happened that someone at the desk should see (a hot lead, a booking, a transfer, a reply),
// kept after the toast or the desktop notice is gone: newest first, read or not. A notice about
// what this console's own user just did arrives already read.
class NotificationList final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationList)

public:
    struct Notice
    {
        QString title;
        QString text;
        QString entityType;
        QString entityId;
        QDateTime at;
        bool read = false;
    };

    static constexpr int capacity = 100;

    using QObject::QObject;

    void add(const Notice &notice);
    const QList<Notice> &notices() const { return m_notices; }
    int unreadCount() const;
    void markRead(int index);
    void markAllRead();
    void clear();

signals:
    void changed();
    void unreadCountChanged(int unread);

private:
    void changedFrom(int unreadBefore);

    QList<Notice> m_notices;
};

} // namespace vox::ui
