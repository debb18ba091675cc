#pragma once

#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

// Pure rules for the dates and times the server accepts from people, the console and Vapi. Each
// refusal is a sentence naming what is wrong ("2026-02-30 is not a date: February 2026 has 28
// days."). Nothing here reads the clock: "now" and "today" are given by the caller.
namespace vox::datetimerules {

// How far ahead an appointment may be booked.
inline constexpr int bookingHorizonDays = 730;

// The instants a column holds and reads back: years 1900 to 9999. PostgreSQL would take more,
// but nothing a clinic does happens outside them, and years beyond 9999 have no ISO 8601 text.
bool isStorable(const QDateTime &instant);

// A calendar date written YYYY-MM-DD; `field` names it in the sentence.
Result<QDate> parseDate(const QString &text, const QString &field = QStringLiteral("date"));

// An ISO 8601 date and time ("2026-03-14T15:00:00Z", "2026-03-14T10:00:00.250-05:00"), in UTC.
// Without an offset it is read in `assumedZone`, or refused when no zone is given. Refused too
// when it is not storable.
Result<QDateTime> parseInstant(const QString &text, const QString &field = QStringLiteral("time"),
                               const QTimeZone &assumedZone = QTimeZone());

// Whether an appointment may start at `start`: a storable time no more than the booking horizon
// after `now`. (Times in the past are the booking rules' own refusal.)
Result<void> checkBookingStart(const QDateTime &start, const QDateTime &now);
// Whether `day` may be looked at for booking: no more than the horizon after `today`.
Result<void> checkBookingDay(const QDate &day, const QDate &today);

} // namespace vox::datetimerules
