#include "ui/models/pagedtablemodel.h"

namespace vox::ui {

PagedTableModel::PagedTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

bool PagedTableModel::canFetchMore(const QModelIndex &parent) const
{
    // After a failed page the view must not hammer the server on every scroll step: the page
    // offers "Try again" (reload) instead.
    return !parent.isValid() && m_loaded && !m_loading && !m_failed && !m_cursor.isEmpty();
}

void PagedTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    setLoading(true);
    requestPage(m_cursor, m_pageSize, m_generation);
}

void PagedTableModel::reload()
{
    ++m_generation;
    beginResetModel();
    clearRows();
    m_cursor.clear();
    m_loaded = false;
    m_failed = false;
    endResetModel();
    setLoading(true);
    requestPage(QString(), m_pageSize, m_generation);
}

void PagedTableModel::pageArrived(int generation, const Result<QString> &nextCursor)
{
    if (!isCurrent(generation))
        return;
    setLoading(false);
    if (!nextCursor) {
        m_failed = true;
        emit loadFailed(nextCursor.error());
        return;
    }
    m_loaded = true;
    m_cursor = *nextCursor;
    emit pageLoaded();
}

void PagedTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

} // namespace vox::ui
