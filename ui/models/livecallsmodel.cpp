#include "ui/models/livecallsmodel.h"

#include "core/phonenumber.h"
#include "ui/models/displayformat.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

LiveCallsModel::LiveCallsModel(ApiClient &api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(api)
{
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &LiveCallsModel::tick);
    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(300);
    connect(&m_reloadDelay, &QTimer::timeout, this, &LiveCallsModel::reload);
}

int LiveCallsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_calls.size());
}

int LiveCallsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LiveCallsModel::callerText(const LiveCall &call)
{
    const QString who =
        call.callerName.isEmpty() ? phone::display(call.phoneNumber) : call.callerName;
    return DisplayFormat::personName(who);
}

QString LiveCallsModel::elapsedText(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid())
        return QString();
    const qint64 seconds = qMax<qint64>(0, since.secsTo(now));
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString LiveCallsModel::stateText(const LiveCall &call)
{
    if (call.speaking == u"user")
        return tr("Caller speaking");
    if (call.speaking == u"assistant")
        return tr("AI speaking");
    if (call.status == u"ringing")
        return tr("Ringing");
    if (call.status == u"forwarding")
        return tr("Being transferred");
    return tr("In progress");
}

QVariant LiveCallsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_calls.size())
        return {};
    const LiveCall &call = m_calls.at(index.row());
    if (role == CallIdRole)
        return call.id;
    if (role == Qt::ToolTipRole)
        return phone::display(call.phoneNumber);
    if (role == Qt::TextAlignmentRole && index.column() == ElapsedColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case CallerColumn:
        return callerText(call);
    case ElapsedColumn:
        return elapsedText(call.startedAt, QDateTime::currentDateTimeUtc());
    case StateColumn:
        return stateText(call);
    default:
        return {};
    }
}

QVariant LiveCallsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CallerColumn:
        return tr("Caller");
    case ElapsedColumn:
        return tr("Time");
    case StateColumn:
        return tr("Now");
    default:
        return {};
    }
}

void LiveCallsModel::reload()
{
    m_loadedOnce = true;
    m_client.calls(this, [this](Result<QList<LiveCall>> calls) {
        if (!calls) {
            emit loadFailed(calls.errorMessage());
            return;
        }
        QList<LiveCall> fresh = *calls;
        for (LiveCall &call : fresh) {
            if (const LiveCall *known = find(call.id)) {
                call.speaking = known->speaking;
                call.partialRole = known->partialRole;
                call.partialText = known->partialText;
            }
        }
        setCalls(fresh);
        emit loaded();
    });
}

void LiveCallsModel::setCalls(const QList<LiveCall> &calls)
{
    beginResetModel();
    m_calls = calls;
    endResetModel();
    // The clock only runs while there is something to count.
    if (m_calls.isEmpty())
        m_clock.stop();
    else if (!m_clock.isActive())
        m_clock.start();
}

const LiveCall *LiveCallsModel::find(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_calls.at(row);
}

LiveCall *LiveCallsModel::findMutable(const QString &id)
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_calls[row];
}

int LiveCallsModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_calls.size(); ++row) {
        if (m_calls.at(row).id == id)
            return row;
    }
    return -1;
}

void LiveCallsModel::tick()
{
    if (!m_calls.isEmpty())
        emit dataChanged(index(0, ElapsedColumn), index(rowCount() - 1, ElapsedColumn),
                         {Qt::DisplayRole});
}

void LiveCallsModel::applyEvent(const LiveEvent &event)
{
    if (!event.type.startsWith(u"call."_s) && !event.type.startsWith(u"live."_s))
        return;
    const QString id = event.payload.value(u"call_id"_s).toString(event.entityId);
    LiveCall *call = findMutable(id);
    if (event.type == u"live.transcript" && call) {
        const QString role = event.payload.value(u"role"_s).toString();
        const QString text = event.payload.value(u"text"_s).toString();
        if (event.payload.value(u"final"_s).toBool()) {
            call->lines.append({role, text});
            call->partialText.clear();
        } else {
            call->partialRole = role;
            call->partialText = text;
        }
        emit linesChanged(id);
        return;
    }
    if (event.type == u"live.speech" && call) {
        call->speaking = event.payload.value(u"speaking"_s).toBool()
                             ? event.payload.value(u"role"_s).toString()
                             : QString();
        const int row = rowOf(id);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::DisplayRole});
        return;
    }
    // A call began, changed or ended: the list is read again (once for a burst of events).
    if ((event.type == u"call.created" || event.type == u"call.updated") && m_loadedOnce)
        m_reloadDelay.start();
}

} // namespace vox::ui
