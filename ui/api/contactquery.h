#pragma once

#include <QString>
#include <QUrlQuery>

namespace vox::ui {

// The leads list's search and filters.
struct ContactQuery
{
    QString search;
    QString temperature;   // hot, warm, cold or empty
    QString status;        // new, contacted, booked, lost or empty
    bool callBack = false; // only the call-back list: new or contacted, never booked or lost

    bool operator==(const ContactQuery &) const = default;

    QUrlQuery toUrlQuery() const
    {
        QUrlQuery q;
        if (!search.trimmed().isEmpty())
            q.addQueryItem(QStringLiteral("search"), search.trimmed());
        if (!temperature.isEmpty())
            q.addQueryItem(QStringLiteral("temperature"), temperature);
        if (!status.isEmpty())
            q.addQueryItem(QStringLiteral("status"), status);
        if (callBack)
            q.addQueryItem(QStringLiteral("call_back"), QStringLiteral("true"));
        return q;
    }
};

} // namespace vox::ui
