#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace vox::ui {

// One page of a list endpoint: `next_cursor` is empty on the last page.
template<typename T> struct ListPage
{
    QList<T> items;
    QString nextCursor;

    static ListPage fromJson(const QJsonObject &json)
    {
        ListPage page;
        const QJsonArray rows = json.value(QLatin1String("items")).toArray();
        page.items.reserve(rows.size());
        for (const QJsonValue &row : rows)
            page.items << T::fromJson(row.toObject());
        page.nextCursor = json.value(QLatin1String("next_cursor")).toString();
        return page;
    }
};

} // namespace vox::ui
