#pragma once

#include "core/result.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace vox::ui {

// A table that pages through a server list with its keyset cursors: the first page on reload(),
// the next one whenever a view scrolls to the end (fetchMore). Only what was scrolled to is ever
// loaded, so a clinic with 100,000 calls opens as fast as one with ten. A reload while a page is
// out makes that page's late answer void (generations).
class PagedTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedTableModel)

public:
    explicit PagedTableModel(QObject *parent = nullptr);

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void reload();
    void setPageSize(int rows) { m_pageSize = rows; }
    int pageSize() const { return m_pageSize; }
    bool isLoading() const { return m_loading; }
    bool hasLoaded() const { return m_loaded; }
    bool isComplete() const { return m_loaded && m_cursor.isEmpty(); }

signals:
    void loadingChanged(bool loading);
    void loadFailed(const vox::Error &error);
    void pageLoaded();

protected:
    // Ask the server for the page after `cursor` (empty: the first page), append its rows if
    // isCurrent(generation), then call pageArrived() with the next cursor or the error.
    virtual void requestPage(const QString &cursor, int limit, int generation) = 0;
    // Remove every row (inside beginResetModel/endResetModel, which the base calls).
    virtual void clearRows() = 0;

    bool isCurrent(int generation) const { return generation == m_generation; }
    void pageArrived(int generation, const Result<QString> &nextCursor);
    // Appends the rows of a page that `isNew` admits, in one insertion: a row that arrived live
    // may come again in a later page. `isNew` sees each row once, in order, and may note it.
    template<typename Row, typename IsNew>
    void appendPage(QList<Row> &rows, const QList<Row> &page, IsNew isNew)
    {
        QList<Row> fresh;
        fresh.reserve(page.size());
        for (const Row &row : page) {
            if (isNew(row))
                fresh << row;
        }
        if (fresh.isEmpty())
            return;
        const int first = int(rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        rows.append(fresh);
        endInsertRows();
    }

private:
    void setLoading(bool loading);

    QString m_cursor;
    int m_pageSize = 100;
    int m_generation = 0;
    bool m_loading = false;
    bool m_loaded = false;
    bool m_failed = false;
};

} // namespace vox::ui
