#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace vox::ui {

// One event of the server's live stream (docs/api.md, "Live events").
struct LiveEvent
{
    qint64 id = 0;
    QString type; // call.created, lead.hot, appointment.created, ...
    QString entityType;
    QString entityId;
    QJsonObject payload;
    QDateTime createdAt;

    static LiveEvent fromJson(const QJsonObject &json);
};

} // namespace vox::ui
