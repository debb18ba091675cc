#include "ui/models/activitymodel.h"

#include "ui/models/displayformat.h"
#include "ui/models/eventdescription.h"

namespace vox::ui {

ActivityModel::ActivityModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const LiveEvent &event = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return EventDescription::describe(event);
    case Qt::ToolTipRole:
        return DisplayFormat::dateTime(event.createdAt);
    case EventTypeRole:
        return event.type;
    case EntityIdRole:
        return event.entityId;
    case TimeTextRole:
        return DisplayFormat::relativeDateTime(event.createdAt, QDateTime::currentDateTimeUtc());
    default:
        return {};
    }
}

void ActivityModel::setEvents(QList<LiveEvent> events)
{
    beginResetModel();
    m_events = std::move(events);
    if (m_events.size() > capacity)
        m_events.resize(capacity);
    endResetModel();
}

void ActivityModel::prepend(const LiveEvent &event)
{
    for (const LiveEvent &known : std::as_const(m_events)) {
        if (known.id == event.id && event.id > 0)
            return;
    }
    beginInsertRows({}, 0, 0);
    m_events.prepend(event);
    endInsertRows();
    if (m_events.size() > capacity) {
        beginRemoveRows({}, capacity, int(m_events.size()) - 1);
        m_events.resize(capacity);
        endRemoveRows();
    }
}

const LiveEvent *ActivityModel::eventAt(int row) const
{
    return row >= 0 && row < m_events.size() ? &m_events.at(row) : nullptr;
}

} // namespace vox::ui
