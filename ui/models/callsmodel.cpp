#include "ui/models/callsmodel.h"

#include "core/phonenumber.h"
#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

CallsModel::CallsModel(ApiClient &api, QObject *parent)
    : PagedTableModel(parent)
    , m_api(api)
{}

int CallsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CallsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CallsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const CallRecord &call = m_rows.at(index.row());
    if (role == CallIdRole)
        return call.id;
    if (role == SortRole) {
        switch (index.column()) {
        case TimeColumn:
            return call.occurredAt;
        case DurationColumn:
            return call.durationSeconds;
        case ValueColumn:
            return call.financialValueCents;
        case SentimentColumn:
            return call.sentimentScore;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return DisplayFormat::relativeDateTime(call.occurredAt,
                                                   QDateTime::currentDateTimeUtc());
        case CallerColumn:
            return call.phoneNumber.isEmpty() ? tr("Unknown number")
                                              : phone::display(call.phoneNumber);
        case ContactColumn:
            return DisplayFormat::personName(call.contactName.isEmpty() ? call.callerName
                                                                        : call.contactName);
        case DirectionColumn:
            return DisplayFormat::direction(call.direction);
        case DurationColumn:
            return DisplayFormat::clock(call.durationSeconds);
        case StatusColumn:
            return call.bookingConfirmed ? tr("Booked") : DisplayFormat::callStatus(call.status);
        case SentimentColumn:
            return DisplayFormat::sentiment(call.sentimentLabel);
        case ValueColumn:
            return call.financialValueCents > 0 ? DisplayFormat::money(call.financialValueCents)
                                                : QString();
        case RecordingColumn:
            return DisplayFormat::recordingStatus(call.recordingStatus, call.hasRecording);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == TimeColumn)
        return DisplayFormat::dateTime(call.occurredAt);
    if (role == Qt::ToolTipRole && index.column() == DurationColumn)
        return DisplayFormat::duration(call.durationSeconds);
    if (role == Qt::TextAlignmentRole &&
        (index.column() == DurationColumn || index.column() == ValueColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == SentimentColumn) {
        if (call.sentimentLabel == u"positive")
            return QBrush(DisplayFormat::tone(DisplayFormat::Tone::Good));
        if (call.sentimentLabel == u"negative")
            return QBrush(DisplayFormat::tone(DisplayFormat::Tone::Bad));
    }
    if (role == Qt::FontRole && index.column() == StatusColumn && call.bookingConfirmed) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    return {};
}

QVariant CallsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("When");
    case CallerColumn:
        return tr("Number");
    case ContactColumn:
        return tr("Name");
    case DirectionColumn:
        return tr("Type");
    case DurationColumn:
        return tr("Length");
    case StatusColumn:
        return tr("Status");
    case SentimentColumn:
        return tr("Mood");
    case ValueColumn:
        return tr("Value");
    case RecordingColumn:
        return tr("Recording");
    default:
        return {};
    }
}

void CallsModel::setQuery(const CallQuery &query, const QUrlQuery &reviewFilter)
{
    m_query = query;
    m_reviewFilter = reviewFilter;
    reload();
}

QUrlQuery CallsModel::listQuery() const
{
    QUrlQuery q = m_query.toUrlQuery();
    for (const auto &[name, value] : m_reviewFilter.queryItems(QUrl::FullyDecoded))
        q.addQueryItem(name, value);
    return q;
}

const CallRecord *CallsModel::callAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int CallsModel::rowOf(const QString &callId) const
{
    if (!m_ids.contains(callId))
        return -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == callId)
            return row;
    }
    return -1;
}

void CallsModel::upsert(const CallRecord &call)
{
    if (const int row = rowOf(call.id); row >= 0) {
        CallRecord merged = call;
        // A list refresh must not throw away a transcript already read.
        if (!merged.detailLoaded && m_rows.at(row).detailLoaded) {
            const CallRecord &old = m_rows.at(row);
            merged.detailLoaded = true;
            merged.transcript = old.transcript;
            merged.messages = old.messages;
        }
        m_rows[row] = merged;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    if (!m_query.admits(call))
        return;
    // A call that has just arrived has no review yet.
    if (m_reviewFilter.queryItemValue(u"reviewed"_s) == u"true" ||
        m_reviewFilter.hasQueryItem(u"tag"_s))
        return;
    // Newest first; a call older than everything loaded belongs to a page not yet read.
    int row = 0;
    while (row < m_rows.size() && m_rows.at(row).occurredAt > call.occurredAt)
        ++row;
    if (row == m_rows.size() && !isComplete() && !m_rows.isEmpty())
        return;
    beginInsertRows({}, row, row);
    m_rows.insert(row, call);
    m_ids.insert(call.id);
    endInsertRows();
}

void CallsModel::applyEvent(const LiveEvent &event)
{
    if (!event.type.startsWith(u"call."_s) || event.entityId.isEmpty())
        return;
    m_api.calls().get(event.entityId, this, [this](Result<CallRecord> call) {
        if (call)
            upsert(*call);
    });
}

void CallsModel::requestPage(const QString &cursor, int limit, int generation)
{
    const auto arrived = [this, generation](Result<ListPage<CallRecord>> page) {
        if (!isCurrent(generation))
            return;
        if (!page) {
            pageArrived(generation, page.error());
            return;
        }
        appendPage(m_rows, page->items, [this](const CallRecord &call) {
            if (m_ids.contains(call.id))
                return false;
            m_ids.insert(call.id);
            return true;
        });
        pageArrived(generation, page->nextCursor);
    };
    if (m_reviewFilter.isEmpty()) {
        m_api.calls().list(m_query, cursor, limit, this, arrived);
        return;
    }
    // The review filter is the calls list's too, read here beside the query's filters.
    QUrlQuery q = listQuery();
    q.addQueryItem(u"limit"_s, QString::number(qBound(1, limit, 200)));
    if (!cursor.isEmpty())
        q.addQueryItem(u"cursor"_s, cursor);
    m_api.requestJson<ListPage<CallRecord>>("GET", u"/api/calls-dashboard"_s, q, nullptr, this,
                                            arrived, &ListPage<CallRecord>::fromJson);
}

} // namespace vox::ui
