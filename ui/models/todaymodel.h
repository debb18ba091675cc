#pragma once

#include "ui/api/todayentry.h"

#include <QAbstractTableModel>

namespace vox::ui {

// The Today queue as a table, in the server's order (who to call first at the top); the whole
// list is small (today's callers) and read at once.
class TodayModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TodayModel)

public:
    enum Column {
        WhoColumn,
        WhyColumn,
        WhenColumn,
        PhoneColumn,
        StateColumn,
        OwnerColumn,
        NoteColumn,
        ColumnCount
    };
    enum Role { EntryIdRole = Qt::UserRole + 1 };

    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(const QList<TodayEntry> &entries);
    const TodayEntry *entryAt(int row) const;
    int rowOf(const QString &id) const;

    // Why someone is on the list, in words a receptionist uses.
    static QString reasonText(const QString &reason);
    static QString stateText(const QString &state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<TodayEntry> m_entries;
};

} // namespace vox::ui
