#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace vox {

// The services every new clinic starts with: prices in cents, keywords that match call transcripts,
// and how long each takes on the calendar.
struct ServiceTemplate
{
    QString name;
    qint64 priceCents;
    QStringList keywords;
    int durationMinutes;
    int bufferBeforeMinutes;
    int bufferAfterMinutes;
};

const QList<ServiceTemplate> &defaultServices();

struct OpeningHours
{
    int weekday; // ISO: 1 = Monday ... 7 = Sunday
    QString opens;
    QString closes;
};

// Monday to Friday 9:00-17:00, Saturday 10:00-14:00, closed on Sunday.
const QList<OpeningHours> &defaultBusinessHours();

} // namespace vox
