#pragma once

#include <QList>
#include <QString>

namespace vox::ui {

// One page of a list endpoint: `next_cursor` is empty on the last page.
template<typename T> struct ListPage
{
    QList<T> items;
    QString nextCursor;
};

} // namespace vox::ui
