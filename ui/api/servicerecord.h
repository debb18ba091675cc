#pragma once

#include <QJsonObject>
#include <QString>

namespace vox::ui {

// A service the clinic offers, with its price and how long it takes.
struct ServiceRecord
{
    QString id;
    QString name;
    qint64 priceCents = 0;
    int durationMinutes = 60;
    bool active = true;

    static ServiceRecord fromJson(const QJsonObject &json);
};

} // namespace vox::ui
