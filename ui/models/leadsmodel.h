#pragma once

#include "ui/api/contactquery.h"
#include "ui/api/contactrecord.h"
#include "ui/api/liveevent.h"
#include "ui/models/pagedtablemodel.h"

#include <QList>

namespace vox::ui {

class ApiClient;

// The leads list (GET /api/contacts), most recently contacted first, paged as the user scrolls.
// The priority column says in words where a lead stands on the call-back list ("Needs attention"
// for an urgent caller or a concern after a treatment), with an icon beside it, never by colour
// alone.
class LeadsModel final : public PagedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeadsModel)

public:
    enum Column {
        NameColumn,
        PriorityColumn,
        PhoneColumn,
        ScoreColumn,
        TemperatureColumn,
        StatusColumn,
        LastContactedColumn,
        InterestsColumn,
        ColumnCount
    };
    enum Role { ContactIdRole = Qt::UserRole + 1, SortRole, TemperatureRole };

    explicit LeadsModel(ApiClient &api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setQuery(const ContactQuery &query);
    const ContactQuery &query() const { return m_query; }
    const ContactRecord *contactAt(int row) const;
    int rowOf(const QString &contactId) const;

    void upsert(const ContactRecord &contact);
    // contact.created / contact.updated / lead.hot: reads the contact and upserts it.
    void applyEvent(const LiveEvent &event);

protected:
    void requestPage(const QString &cursor, int limit, int generation) override;
    void clearRows() override { m_rows.clear(); }

private:
    bool admits(const ContactRecord &contact) const;

    ApiClient &m_api;
    ContactQuery m_query;
    QList<ContactRecord> m_rows;
};

} // namespace vox::ui
