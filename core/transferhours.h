#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <optional>

// Who takes a call the AI transfers: the clinic's transfer destinations (front desk, a named
// person, an on-call number), each with the hours it takes calls in the clinic's time zone.
namespace vox::transfer {

// One stretch of a week in which a destination takes calls. `close` at or before `open` runs
// past midnight into the next day (22:00-06:00); "24:00" is written as close 00:00.
struct Window
{
    int day = 1; // ISO: Monday 1 ... Sunday 7, the day the window opens
    QTime open;
    QTime close;
};

struct Destination
{
    QString id;
    QString name;
    QString number;
    QList<Window> hours;
    bool emergency = false;
};

// [{"day": 1-7, "open": "HH:MM", "close": "HH:MM"}] as stored; an error names the bad entry.
Result<QList<Window>> parseHours(const QJsonArray &hours);
QJsonArray hoursJson(const QList<Window> &hours);

// Whether a destination with `hours` takes calls at `now` (any zone) in `zone`.
bool isOpen(const QList<Window> &hours, const QDateTime &now, const QTimeZone &zone);

// The destination that takes a transfer at `now`, by index in `destinations` (the clinic's
// order): for an ordinary transfer the first open one that is not for emergencies only; for an
// emergency the first open emergency destination, else the first open ordinary one. None when
// every one is closed.
std::optional<qsizetype> openDestination(const QList<Destination> &destinations,
                                         const QDateTime &now, const QTimeZone &zone,
                                         bool emergency);

} // namespace vox::transfer
