#pragma once

#include "ui/api/liveevent.h"

#include <QAbstractListModel>
#include <QList>

namespace vox::ui {

// The dashboard's recent activity: the last events, newest first, in words.
class ActivityModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityModel)

public:
    enum Role { EventTypeRole = Qt::UserRole + 1, EntityIdRole, TimeTextRole };

    explicit ActivityModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    void setEvents(QList<LiveEvent> events);
    void prepend(const LiveEvent &event);
    const LiveEvent *eventAt(int row) const;

    static constexpr int capacity = 10;

private:
    QList<LiveEvent> m_events;
};

} // namespace vox::ui
