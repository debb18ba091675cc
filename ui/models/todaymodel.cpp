#include "ui/models/todaymodel.h"

#include "core/phonenumber.h"
#include "ui/models/displayformat.h"

#include <QFont>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

void TodayModel::setEntries(const QList<TodayEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

const TodayEntry *TodayModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int TodayModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == id)
            return row;
    }
    return -1;
}

QString TodayModel::reasonText(const QString &reason)
{
    if (reason == u"urgent")
        return tr("Urgent: may need care today");
    if (reason == u"negative")
        return tr("Unhappy on the call");
    if (reason == u"price_question")
        return tr("Asked about a price, did not book");
    if (reason == u"failed_or_transferred")
        return tr("Call failed or was transferred");
    if (reason == u"reply_waiting")
        return tr("Text message waiting for a reply");
    return reason;
}

QString TodayModel::stateText(const QString &state)
{
    if (state == u"called")
        return tr("Called");
    return tr("To call");
}

int TodayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TodayModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TodayModel::data(const QModelIndex &index, int role) const
{
    const TodayEntry *e = entryAt(index.row());
    if (!e)
        return {};
    if (role == EntryIdRole)
        return e->id;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case WhoColumn:
            return DisplayFormat::personName(e->name);
        case WhyColumn:
            return reasonText(e->reason);
        case WhenColumn:
            return DisplayFormat::time(e->at);
        case PhoneColumn:
            return phone::display(e->phone);
        case StateColumn:
            return stateText(e->state);
        case OwnerColumn:
            return e->ownerName.isEmpty() ? tr("Nobody yet") : e->ownerName;
        case NoteColumn:
            return e->note;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == WhyColumn && !e->summary.isEmpty())
            return e->summary;
        if (index.column() == NoteColumn && !e->note.isEmpty())
            return e->note;
        if (index.column() == WhenColumn)
            return DisplayFormat::dateTime(e->at);
    }
    if (role == Qt::FontRole && index.column() == StateColumn && e->state == u"called") {
        QFont font;
        font.setItalic(true);
        return font;
    }
    return {};
}

QVariant TodayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhoColumn:
        return tr("Who");
    case WhyColumn:
        return tr("Why");
    case WhenColumn:
        return tr("When");
    case PhoneColumn:
        return tr("Phone");
    case StateColumn:
        return tr("Status");
    case OwnerColumn:
        return tr("Owner");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace vox::ui
