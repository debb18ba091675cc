#include "ui/models/leadsmodel.h"

#include "core/phonenumber.h"
#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

int priorityRank(const QString &priority)
{
    static const QStringList order{u"low"_s, u"normal"_s, u"high"_s, u"urgent"_s};
    return int(order.indexOf(priority)) + 1; // none (off the list) sorts first: 0
}

} // namespace

LeadsModel::LeadsModel(ApiClient &api, QObject *parent)
    : PagedTableModel(parent)
    , m_api(api)
{}

int LeadsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LeadsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeadsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ContactRecord &c = m_rows.at(index.row());
    switch (role) {
    case ContactIdRole:
        return c.id;
    case TemperatureRole:
        return c.leadTemperature;
    case SortRole:
        if (index.column() == ScoreColumn || index.column() == TemperatureColumn)
            return c.leadScore;
        if (index.column() == LastContactedColumn)
            return c.lastContactedAt;
        if (index.column() == PriorityColumn)
            return priorityRank(c.priority);
        return data(index, Qt::DisplayRole);
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return DisplayFormat::personName(c.name);
        case PriorityColumn:
            return DisplayFormat::callBackPriority(c.priority);
        case PhoneColumn:
            return phone::display(c.phoneNumber);
        case ScoreColumn:
            return c.leadScore;
        case TemperatureColumn:
            return DisplayFormat::temperature(c.leadTemperature);
        case StatusColumn:
            return DisplayFormat::leadStatus(c.leadStatus);
        case LastContactedColumn:
            return c.lastContactedAt.isValid()
                       ? DisplayFormat::relativeDateTime(c.lastContactedAt,
                                                         QDateTime::currentDateTimeUtc())
                       : tr("Never");
        case InterestsColumn:
            return c.serviceInterests.join(u", "_s);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == PriorityColumn && c.needsAttention)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::FontRole:
        if (index.column() == PriorityColumn && c.needsAttention) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == PriorityColumn && c.needsAttention)
            return tr("Urgent, or a concern after a treatment: call today.");
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == PriorityColumn) {
            const QString text = DisplayFormat::callBackPriority(c.priority);
            return text.isEmpty() ? tr("Not on the call-back list") : text;
        }
        return data(index, Qt::DisplayRole);
    case Qt::TextAlignmentRole:
        if (index.column() == ScoreColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant LeadsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case PriorityColumn:
        return tr("Call back");
    case PhoneColumn:
        return tr("Phone");
    case ScoreColumn:
        return tr("Score");
    case TemperatureColumn:
        return tr("Interest");
    case StatusColumn:
        return tr("Status");
    case LastContactedColumn:
        return tr("Last contact");
    case InterestsColumn:
        return tr("Interested in");
    default:
        return {};
    }
}

void LeadsModel::setQuery(const ContactQuery &query)
{
    m_query = query;
    reload();
}

const ContactRecord *LeadsModel::contactAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int LeadsModel::rowOf(const QString &contactId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == contactId)
            return row;
    }
    return -1;
}

bool LeadsModel::admits(const ContactRecord &contact) const
{
    if (!m_query.search.trimmed().isEmpty())
        return false;
    if (!m_query.temperature.isEmpty() && contact.leadTemperature != m_query.temperature)
        return false;
    if (!m_query.status.isEmpty() && contact.leadStatus != m_query.status)
        return false;
    if (m_query.callBack && contact.leadStatus != u"new" && contact.leadStatus != u"contacted")
        return false;
    return true;
}

void LeadsModel::upsert(const ContactRecord &contact)
{
    const int row = rowOf(contact.id);
    if (row >= 0 && admits(contact)) {
        m_rows[row] = contact;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    if (row >= 0) {
        // It no longer matches the filter (a lead cooled down, say): it leaves the list.
        if (m_query.search.trimmed().isEmpty()) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        } else {
            m_rows[row] = contact;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
        return;
    }
    if (!admits(contact))
        return;
    // Most recently contacted first: a live contact is the most recent one.
    beginInsertRows({}, 0, 0);
    m_rows.prepend(contact);
    endInsertRows();
}

void LeadsModel::applyEvent(const LiveEvent &event)
{
    const bool aboutContact = event.entityType == u"contact" ||
                              event.type.startsWith(u"contact."_s) || event.type == u"lead.hot";
    if (!aboutContact || event.entityId.isEmpty())
        return;
    m_api.contacts().get(event.entityId, this, [this](Result<ContactDetail> detail) {
        if (detail)
            upsert(detail->contact);
    });
}

void LeadsModel::requestPage(const QString &cursor, int limit, int generation)
{
    m_api.contacts().list(
        m_query, cursor, limit, this, [this, generation](Result<ListPage<ContactRecord>> page) {
            if (!isCurrent(generation))
                return;
            if (!page) {
                pageArrived(generation, page.error());
                return;
            }
            appendPage(m_rows, page->items,
                       [this](const ContactRecord &c) { return rowOf(c.id) < 0; });
            pageArrived(generation, page->nextCursor);
        });
}

} // namespace vox::ui
