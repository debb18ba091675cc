#pragma once

#include "testserver.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QTime>
#include <QTimeZone>

// Shared set-up of the issue-4 tests: a signed-up clinic whose agent has a Vapi assistant id,
// Vapi deliveries with the shared secret, and times in the clinic's zone.
namespace vox::test {

struct Clinic
{
    QString orgId;
    QString token;
    QString assistantId;
    QString timeZone;
    QTimeZone zone;
};

// Signs up through the API (the 7 default services, Mon-Fri 9-17, Sat 10-14) and gives the
// inbound agent `assistantId` (a random one when empty; none when `withAssistant` is false).
Clinic createClinic(HttpClient &client, const TestDatabase &db, const QString &name,
                    const QString &timeZone = QStringLiteral("America/New_York"),
                    const QString &assistantId = {}, bool withAssistant = true);

// POST `path` with {"message": message} and x-vapi-secret (the test server's by default).
HttpReply postVapi(HttpClient &client, const QString &path, const QJsonObject &message,
                   const QString &secret = TestServer::webhookSecret);

// The date of the next `isoWeekday` at least `minDaysAhead` days after today.
QDate nextWeekday(int isoWeekday, int minDaysAhead = 2);
// `date` `time` in `zone`, in UTC.
QDateTime at(const QDate &date, const QTime &time, const QTimeZone &zone);
// "2030-03-04T10:00:00" (no offset: the clinic's wall-clock time, as the AI sends it).
QString wallClock(const QDate &date, const QTime &time);

// A single value from the database as the superuser sees it (bypassing RLS), for assertions.
QString scalar(const TestDatabase &db, const QByteArray &sql, const db::Params &params = {});
qint64 count(const TestDatabase &db, const QByteArray &sql, const db::Params &params = {});

} // namespace vox::test
