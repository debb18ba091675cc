#pragma once

#include "ui/api/callquery.h"
#include "ui/api/callrecord.h"
#include "ui/api/liveevent.h"
#include "ui/models/pagedtablemodel.h"

#include <QList>
#include <QSet>
#include <QUrlQuery>

namespace vox::ui {

class ApiClient;

// The call recordings table (GET /api/calls-dashboard), newest first, paged as the user scrolls.
// Live events add new calls at their place and refresh changed ones in place.
class CallsModel final : public PagedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallsModel)

public:
    enum Column {
        TimeColumn,
        CallerColumn,
        ContactColumn,
        DirectionColumn,
        DurationColumn,
        StatusColumn,
        SentimentColumn,
        ValueColumn,
        RecordingColumn,
        ColumnCount
    };
    enum Role { CallIdRole = Qt::UserRole + 1, SortRole };

    explicit CallsModel(ApiClient &api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // `reviewFilter`: reviewed=true|false and/or tag=<a review tag> (docs/api.md), beside the
    // filters of the query.
    void setQuery(const CallQuery &query, const QUrlQuery &reviewFilter = {});
    const CallQuery &query() const { return m_query; }
    const QUrlQuery &reviewFilter() const { return m_reviewFilter; }
    // The list's query parameters as the server reads them (what an export of the list takes).
    QUrlQuery listQuery() const;

    const CallRecord *callAt(int row) const;
    int rowOf(const QString &callId) const;

    // Adds the call at its place (newest first) if the filters admit it, or replaces the loaded
    // row with the same id.
    void upsert(const CallRecord &call);
    // call.created / call.updated: reads the call and upserts it.
    void applyEvent(const LiveEvent &event);

protected:
    void requestPage(const QString &cursor, int limit, int generation) override;
    void clearRows() override
    {
        m_rows.clear();
        m_ids.clear();
    }

private:
    ApiClient &m_api;
    CallQuery m_query;
    QUrlQuery m_reviewFilter;
    QList<CallRecord> m_rows;
    QSet<QString> m_ids; // what is loaded: pages and live calls overlap
};

} // namespace vox::ui
