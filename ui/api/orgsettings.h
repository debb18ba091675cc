#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace vox::ui {

// One opening of a day: weekday 1 (Monday) to 7, times "HH:MM" on a 24-hour clock.
struct OpeningPeriod
{
    int weekday = 1;
    QString opensAt;
    QString closesAt;

    bool operator==(const OpeningPeriod &other) const = default;
};

// The clinic's settings (GET/PATCH /api/org/settings).
struct OrgSettings
{
    QString name;
    QString timeZone;
    QString currency = QStringLiteral("USD");
    QString phoneCountry = QStringLiteral("US"); // ISO 3166: numbers typed without +country
    bool redactPii = true;
    QString alertPhone;
    QString emailFrom;
    int slotMinutes = 30;
    QList<OpeningPeriod> businessHours;
    QString language = QStringLiteral("en"); // the clinic's: en or es (docs/api.md)

    static OrgSettings fromJson(const QJsonObject &json);
};

} // namespace vox::ui
