#pragma once

#include "ui/api/jsonfields.h"

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
        page.items = json::objects<T>(json, QStringLiteral("items"));
        page.nextCursor = json.value(QLatin1String("next_cursor")).toString();
        return page;
    }
};

} // namespace vox::ui
