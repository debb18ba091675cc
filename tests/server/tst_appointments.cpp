// Appointments REST API (docs/api.md, Appointments): the contact flattened in, scheduled_time and
// scheduled_at, 409 with a readable reason, keyset pages, the calendar sync job and live events
// with every change, and another clinic's ids answering 404.
#include "core/logging/log.h"
#include "vapitestkit.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace vox::test;

class TestAppointments : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    Clinic m_a;
    Clinic m_b;
    int m_phone = 1000;

    QString serviceId(const Clinic &clinic, const QString &name)
    {
        return scalar(*m_db, "SELECT id FROM services WHERE org_id = $1::uuid AND name = $2",
                      {clinic.orgId, name});
    }

    QString nextPhone() { return u"+1555010%1"_s.arg(++m_phone, 4, 10, QChar(u'0')); }

    HttpReply book(const Clinic &clinic, const QString &service, const QDateTime &start,
                   const QString &phone = {})
    {
        m_client->setToken(clinic.token);
        return m_client->post(u"/api/appointments"_s,
                              {{u"service_id"_s, serviceId(clinic, service)},
                               {u"scheduled_time"_s, start.toString(Qt::ISODate)},
                               {u"phone"_s, phone.isEmpty() ? nextPhone() : phone},
                               {u"name"_s, u"Pat Example"_s}});
    }

private slots:
    void initTestCase()
    {
        vox::log::setupStderr(vox::log::Level::Warn);
        m_db = std::make_unique<TestDatabase>(u"appointments"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_client = m_server->client();
        m_a = createClinic(*m_client, *m_db, u"Glow Clinic"_s, u"America/New_York"_s);
        m_b = createClinic(*m_client, *m_db, u"Other Clinic"_s, u"Europe/Berlin"_s);
    }

    void init()
    {
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("DELETE FROM appointments").ok());
        QVERIFY(admin->exec("DELETE FROM jobs").ok());
    }

    void createsWithTheContactFlattened()
    {
        const QDate monday = nextWeekday(1);
        const QDateTime start = at(monday, QTime(10, 0), m_a.zone);
        const QString phone = nextPhone();
        // Typed as the console shows it: read in the clinic's country (US by default).
        const HttpReply reply = book(m_a, u"Botox"_s, start, u"(555) 010-%1"_s.arg(phone.right(4)));
        QCOMPARE(reply.status, 201);
        const QJsonObject a = reply.json();
        QCOMPARE(a.value(u"scheduled_time"_s), a.value(u"scheduled_at"_s));
        QCOMPARE(QDateTime::fromString(a.value(u"scheduled_time"_s).toString(), Qt::ISODate),
                 start);
        QCOMPARE(a.value(u"duration_minutes"_s).toInt(), 30);
        QCOMPARE(a.value(u"service_name"_s).toString(), u"Botox"_s);
        QCOMPARE(a.value(u"contact_name"_s).toString(), u"Pat Example"_s);
        QCOMPARE(a.value(u"phone_number"_s).toString(), phone);
        QCOMPARE(a.value(u"status"_s).toString(), u"confirmed"_s);
        QCOMPARE(a.value(u"source"_s).toString(), u"console"_s);
        QVERIFY(a.contains(u"contact_email"_s) && a.contains(u"calendar_event_id"_s));
        const QString id = a.value(u"id"_s).toString();
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM jobs WHERE kind = 'calendar.sync_appointment' "
                       "AND payload->>'appointment_id' = $1 AND org_id = $2::uuid",
                       {id, m_a.orgId}),
                 1);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM events WHERE type = 'appointment.created' "
                       "AND entity_id = $1::uuid",
                       {id}),
                 1);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM events WHERE type = 'contact.created' AND org_id = "
                       "$1::uuid AND entity_id = $2::uuid",
                       {m_a.orgId, a.value(u"contact_id"_s).toString()}),
                 1);
    }

    void anOverlapIs409WithAReadableReason()
    {
        const QDate monday = nextWeekday(1);
        QCOMPARE(book(m_a, u"Botox"_s, at(monday, QTime(10, 0), m_a.zone)).status, 201);
        // Botox blocks 10:00-10:40 (10 minutes after); Fillers at 10:30 overlaps it.
        const HttpReply clash = book(m_a, u"Fillers"_s, at(monday, QTime(10, 30), m_a.zone));
        QCOMPARE(clash.status, 409);
        QCOMPARE(clash.error(), u"That time overlaps another appointment (10:00–10:30 Botox)."_s);
        // The buffer ends at 10:40: the chair is free from then on.
        QCOMPARE(book(m_a, u"Consultation"_s, at(monday, QTime(10, 40), m_a.zone)).status, 201);
        const HttpReply again = book(m_a, u"Fillers"_s, at(monday, QTime(10, 30), m_a.zone));
        QCOMPARE(again.status, 409);
        const QJsonArray alternatives = again.json().value(u"alternatives"_s).toArray();
        QVERIFY(!alternatives.isEmpty());
        const QDateTime nearest = QDateTime::fromString(
            alternatives.first().toObject().value(u"start"_s).toString(), Qt::ISODate);
        QCOMPARE(nearest.toTimeZone(m_a.zone).time(), QTime(11, 30));
        QCOMPARE(book(m_a, u"Fillers"_s, nearest).status, 201); // an offered time is bookable
        QCOMPARE(
            count(*m_db, "SELECT count(*) FROM appointments WHERE org_id = $1::uuid", {m_a.orgId}),
            3);
    }

    void refusesWhatCannotBeBooked_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorContains");
        const QDate monday = nextWeekday(1);
        const QDate sunday = nextWeekday(7);
        const QString service = u"BOTOX"_s; // replaced by the id in the test
        auto body = [&](const QString &time) {
            return QJsonObject{{u"service_id"_s, service},
                               {u"scheduled_time"_s, time},
                               {u"phone"_s, u"+15550109999"_s}};
        };
        QTest::newRow("no offset")
            << body(wallClock(monday, QTime(10, 0))) << 400 << u"needs a time zone"_s;
        QTest::newRow("in the past")
            << body(u"2020-01-06T15:00:00Z"_s) << 400 << u"already passed"_s;
        QTest::newRow("sunday")
            << body(at(sunday, QTime(12, 0), QTimeZone("America/New_York")).toString(Qt::ISODate))
            << 400 << u"closed on Sundays"_s;
        QTest::newRow("after closing")
            << body(at(monday, QTime(16, 45), QTimeZone("America/New_York")).toString(Qt::ISODate))
            << 400 << u"outside our opening hours"_s;
        QTest::newRow("30 February") << body(u"2027-02-30T15:00:00Z"_s) << 400
                                     << u"2027-02-30 is not a date: February 2027 has 28 days."_s;
        QTest::newRow("an offset of 99 hours")
            << body(u"2027-03-01T15:00:00+99"_s) << 400 << u"+99 is not a time zone offset"_s;
        QTest::newRow("year 9999") << body(u"9999-03-15T15:00:00Z"_s) << 400
                                   << u"March 15, 9999 is too far ahead: appointments can be "
                                      "booked up to 730 days ahead"_s;
        QJsonObject badPhone =
            body(at(monday, QTime(9, 0), QTimeZone("America/New_York")).toString(Qt::ISODate));
        badPhone[u"phone"_s] = u"555-0199"_s;
        QTest::newRow("phone without area code") << badPhone << 400 << u"area code included"_s;
        QJsonObject noContact = badPhone;
        noContact.remove(u"phone"_s);
        QTest::newRow("neither contact nor phone") << noContact << 400 << u"contact_id"_s;
        QJsonObject unknownService =
            body(at(monday, QTime(9, 0), QTimeZone("America/New_York")).toString(Qt::ISODate));
        unknownService[u"service_id"_s] = u"00000000-0000-4000-8000-000000000000"_s;
        QTest::newRow("unknown service") << unknownService << 404 << u"service"_s;
    }
    void refusesWhatCannotBeBooked()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, errorContains);
        if (body.value(u"service_id"_s).toString() == u"BOTOX")
            body[u"service_id"_s] = serviceId(m_a, u"Botox"_s);
        m_client->setToken(m_a.token);
        const HttpReply reply = m_client->post(u"/api/appointments"_s, body);
        QCOMPARE(reply.status, status);
        QVERIFY2(reply.error().contains(errorContains), qPrintable(reply.error()));
        QCOMPARE(count(*m_db, "SELECT count(*) FROM appointments"), 0);
    }

    void availabilityHonoursHoursBuffersAndBookings()
    {
        const QDate monday = nextWeekday(1);
        QCOMPARE(book(m_a, u"Facelift"_s, at(monday, QTime(10, 0), m_a.zone)).status, 201);
        m_client->setToken(m_a.token);
        const HttpReply reply =
            m_client->get(u"/api/appointments/availability?date=%1&service_id=%2"_s.arg(
                monday.toString(Qt::ISODate), serviceId(m_a, u"Botox"_s)));
        QCOMPARE(reply.status, 200);
        const QJsonObject day = reply.json();
        QCOMPARE(day.value(u"time_zone"_s).toString(), u"America/New_York"_s);
        QCOMPARE(day.value(u"date"_s).toString(), monday.toString(Qt::ISODate));
        QStringList starts;
        for (const QJsonValue &s : day.value(u"slots"_s).toArray())
            starts << QDateTime::fromString(s.toObject().value(u"start"_s).toString(), Qt::ISODate)
                          .toTimeZone(m_a.zone)
                          .toString(u"HH:mm"_s);
        // Facelift 10:00-11:00 plus 15 minutes after blocks 10:00-11:15; Botox (30 min, 10 after)
        // at 9:30 would end its buffer at 10:10, and at 11:00 would overlap the 15-minute buffer.
        QCOMPARE(starts.first(), u"09:00"_s);
        QVERIFY(!starts.contains(u"09:30"_s));
        QVERIFY(!starts.contains(u"10:00"_s));
        QVERIFY(!starts.contains(u"11:00"_s));
        QVERIFY(starts.contains(u"11:30"_s));
        QCOMPARE(starts.last(), u"16:30"_s);

        const HttpReply sunday = m_client->get(
            u"/api/appointments/availability?date=%1"_s.arg(nextWeekday(7).toString(Qt::ISODate)));
        QCOMPARE(sunday.status, 200);
        QVERIFY(sunday.json().value(u"slots"_s).toArray().isEmpty());
        QCOMPARE(m_client->get(u"/api/appointments/availability"_s).status, 400);
    }

    // Moving an appointment: its own time (and buffers) is free to move into, so it can move by
    // half an hour; someone else's time stays taken, as does an appointment of another clinic
    // named as the one being moved.
    void anAppointmentBeingMovedDoesNotBlockItself_data()
    {
        QTest::addColumn<QString>("moving"); // mine | none | other clinic's | not an id
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("nineThirtyFree");
        QTest::addColumn<bool>("elevenFree");
        QTest::newRow("moving mine") << u"mine"_s << 200 << true << false;
        QTest::newRow("not moving") << u"none"_s << 200 << false << false;
        QTest::newRow("another clinic's appointment")
            << u"other clinic's"_s << 200 << false << false;
        QTest::newRow("not an id") << u"not an id"_s << 400 << false << false;
    }
    void anAppointmentBeingMovedDoesNotBlockItself()
    {
        QFETCH(QString, moving);
        QFETCH(int, status);
        QFETCH(bool, nineThirtyFree);
        QFETCH(bool, elevenFree);
        const QDate monday = nextWeekday(1);
        const HttpReply mine = book(m_a, u"Botox"_s, at(monday, QTime(10, 0), m_a.zone));
        QCOMPARE(mine.status, 201);
        // Someone else at 11:00 (Botox: 30 minutes, then 10 free).
        QCOMPARE(book(m_a, u"Botox"_s, at(monday, QTime(11, 0), m_a.zone)).status, 201);
        const HttpReply theirs = book(m_b, u"Botox"_s, at(monday, QTime(10, 0), m_b.zone));
        QCOMPARE(theirs.status, 201);
        const QString id = moving == u"mine"             ? mine.json().value(u"id"_s).toString()
                           : moving == u"other clinic's" ? theirs.json().value(u"id"_s).toString()
                           : moving == u"not an id"      ? u"10am"_s
                                                         : QString();
        m_client->setToken(m_a.token);
        QString query = u"/api/appointments/availability?date=%1&service_id=%2"_s.arg(
            monday.toString(Qt::ISODate), serviceId(m_a, u"Botox"_s));
        if (!id.isEmpty())
            query += u"&moving="_s + id;
        const HttpReply reply = m_client->get(query);
        QCOMPARE(reply.status, status);
        if (status != 200) {
            QCOMPARE(reply.json().value(u"field"_s).toString(), u"moving"_s);
            return;
        }
        QStringList starts;
        for (const QJsonValue &slot : reply.json().value(u"slots"_s).toArray())
            starts << QDateTime::fromString(slot.toObject().value(u"start"_s).toString(),
                                            Qt::ISODate)
                          .toTimeZone(m_a.zone)
                          .toString(u"HH:mm"_s);
        QCOMPARE(starts.contains(u"09:30"_s), nineThirtyFree);
        QCOMPARE(starts.contains(u"10:00"_s), nineThirtyFree);
        QCOMPARE(starts.contains(u"11:00"_s), elevenFree);
    }

    void availabilityRefusesImpossibleDays_data()
    {
        QTest::addColumn<QString>("date");
        QTest::addColumn<QString>("errorContains");
        QTest::newRow("30 February")
            << u"2026-02-30"_s << u"2026-02-30 is not a date: February 2026 has 28 days."_s;
        QTest::newRow("month 13") << u"2026-13-01"_s << u"there is no month 13"_s;
        QTest::newRow("year 9999") << u"9999-12-31"_s << u"December 31, 9999 is too far ahead"_s;
        QTest::newRow("not a date") << u"soon"_s << u"'date' must be a date like 2026-03-14."_s;
    }
    void availabilityRefusesImpossibleDays()
    {
        QFETCH(QString, date);
        QFETCH(QString, errorContains);
        m_client->setToken(m_a.token);
        const HttpReply reply =
            m_client->get(u"/api/appointments/availability?date=%1"_s.arg(date));
        QCOMPARE(reply.status, 400);
        QVERIFY2(reply.error().contains(errorContains), qPrintable(reply.error()));
        QCOMPARE(reply.json().value(u"field"_s).toString(), u"date"_s);
    }

    void listsByTimeInStablePages()
    {
        const QDate monday = nextWeekday(1);
        const QString phone = nextPhone();
        for (int h : {14, 9, 11, 15, 10})
            QCOMPARE(book(m_a, u"Consultation"_s, at(monday, QTime(h, 0), m_a.zone), phone).status,
                     201);
        QCOMPARE(book(m_b, u"Consultation"_s, at(monday, QTime(9, 0), m_b.zone)).status, 201);
        m_client->setToken(m_a.token);
        QStringList hours;
        QString cursor;
        int pages = 0;
        do {
            const HttpReply page =
                m_client->get(u"/api/appointments?limit=2"_s +
                              (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            QCOMPARE(page.status, 200);
            for (const QJsonValue &item : page.json().value(u"items"_s).toArray())
                hours << QDateTime::fromString(
                             item.toObject().value(u"scheduled_time"_s).toString(), Qt::ISODate)
                             .toTimeZone(m_a.zone)
                             .toString(u"HH"_s);
            cursor = page.json().value(u"next_cursor"_s).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(hours, (QStringList{u"09"_s, u"10"_s, u"11"_s, u"14"_s, u"15"_s}));
        QCOMPARE(pages, 3);

        const QString from = at(monday, QTime(10, 0), m_a.zone).toString(Qt::ISODate);
        const QString to = at(monday, QTime(15, 0), m_a.zone).toString(Qt::ISODate);
        const HttpReply window = m_client->get(u"/api/appointments?from=%1&to=%2"_s.arg(
            QString::fromLatin1(QUrl::toPercentEncoding(from)),
            QString::fromLatin1(QUrl::toPercentEncoding(to))));
        QCOMPARE(window.json().value(u"items"_s).toArray().size(), 3);
        QCOMPARE(m_client->get(u"/api/appointments?status=done"_s).status, 400);
        QCOMPARE(m_client->get(u"/api/appointments?cursor=garbage"_s).status, 400);
        // Well-formed, but not an instant: refused before it reaches the database.
        QCOMPARE(
            m_client
                ->get(
                    u"/api/appointments?cursor=MjAyNi0wMi0zMFQwOTozMDowMC4wMDAwMDBafDAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMQ"_s)
                .status,
            400);
        QCOMPARE(
            m_client
                ->get(
                    u"/api/appointments?cursor=MDAwMC0wMC0wMFQwMDowMDowMC4wMDAwMDBafDAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMQ"_s)
                .status,
            400);
        QCOMPARE(m_client->get(u"/api/appointments?limit=0"_s).status, 400);
    }

    void reschedulingObeysTheSameRule()
    {
        const QDate monday = nextWeekday(1);
        const QString first = book(m_a, u"Botox"_s, at(monday, QTime(9, 0), m_a.zone))
                                  .json()
                                  .value(u"id"_s)
                                  .toString();
        const QString second = book(m_a, u"Botox"_s, at(monday, QTime(13, 0), m_a.zone))
                                   .json()
                                   .value(u"id"_s)
                                   .toString();
        m_client->setToken(m_a.token);
        HttpReply moved = m_client->patch(
            u"/api/appointments/"_s + first,
            {{u"scheduled_time"_s, at(monday, QTime(11, 0), m_a.zone).toString(Qt::ISODate)},
             {u"notes"_s, u"Prefers the window seat"_s}});
        QCOMPARE(moved.status, 200);
        QCOMPARE(
            QDateTime::fromString(moved.json().value(u"scheduled_time"_s).toString(), Qt::ISODate),
            at(monday, QTime(11, 0), m_a.zone));
        QCOMPARE(moved.json().value(u"notes"_s).toString(), u"Prefers the window seat"_s);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM events WHERE type = 'appointment.updated' AND "
                       "entity_id = $1::uuid",
                       {first}),
                 1);
        const HttpReply clash = m_client->patch(
            u"/api/appointments/"_s + first,
            {{u"scheduled_time"_s, at(monday, QTime(13, 15), m_a.zone).toString(Qt::ISODate)}});
        QCOMPARE(clash.status, 409);
        QVERIFY2(clash.error().contains(u"13:00–13:30 Botox"_s), qPrintable(clash.error()));
        // Moving an appointment onto its own time is no conflict with itself.
        QCOMPARE(m_client
                     ->patch(u"/api/appointments/"_s + second,
                             {{u"scheduled_time"_s,
                               at(monday, QTime(13, 10), m_a.zone).toString(Qt::ISODate)}})
                     .status,
                 200);
        QCOMPARE(m_client->patch(u"/api/appointments/"_s + second, {{u"status"_s, u"completed"_s}})
                     .status,
                 200);
        QCOMPARE(m_client
                     ->patch(u"/api/appointments/"_s + second,
                             {{u"scheduled_time"_s,
                               at(monday, QTime(15, 0), m_a.zone).toString(Qt::ISODate)}})
                     .status,
                 409);
        QCOMPARE(
            m_client->patch(u"/api/appointments/"_s + second, {{u"status"_s, u"held"_s}}).status,
            400);
    }

    void cancellingFreesTheSlot()
    {
        const QDate monday = nextWeekday(1);
        const QDateTime start = at(monday, QTime(14, 0), m_a.zone);
        const QString id = book(m_a, u"Botox"_s, start).json().value(u"id"_s).toString();
        QCOMPARE(book(m_a, u"Botox"_s, start).status, 409);
        m_client->setToken(m_a.token);
        const HttpReply cancelled =
            m_client->post(u"/api/appointments/%1/cancel"_s.arg(id), {{u"reason"_s, u"Flu"_s}});
        QCOMPARE(cancelled.status, 200);
        QCOMPARE(cancelled.json().value(u"status"_s).toString(), u"cancelled"_s);
        QVERIFY(cancelled.json().value(u"notes"_s).toString().contains(u"Cancelled: Flu"_s));
        QCOMPARE(m_client->post(u"/api/appointments/%1/cancel"_s.arg(id)).status, 200);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM events WHERE type = 'appointment.cancelled' AND "
                       "entity_id = $1::uuid",
                       {id}),
                 1);
        // One job per appointment, re-armed by each change (the calendar module may have run it).
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM jobs WHERE kind = 'calendar.sync_appointment' AND "
                       "payload->>'appointment_id' = $1",
                       {id}),
                 1);
        QCOMPARE(book(m_a, u"Botox"_s, start).status, 201);
    }

    void anotherClinicsIdsAre404()
    {
        const QDate monday = nextWeekday(1);
        const QJsonObject mine = book(m_a, u"Botox"_s, at(monday, QTime(9, 0), m_a.zone)).json();
        const QString id = mine.value(u"id"_s).toString();
        m_client->setToken(m_b.token);
        QCOMPARE(m_client->patch(u"/api/appointments/"_s + id, {{u"notes"_s, u"x"_s}}).status, 404);
        QCOMPARE(m_client->post(u"/api/appointments/%1/cancel"_s.arg(id)).status, 404);
        QCOMPARE(m_client->patch(u"/api/appointments/not-a-uuid"_s, {{u"notes"_s, u"x"_s}}).status,
                 404);
        QVERIFY(m_client->get(u"/api/appointments"_s).json().value(u"items"_s).toArray().isEmpty());
        QCOMPARE(m_client
                     ->get(u"/api/appointments/availability?date=%1&service_id=%2"_s.arg(
                         monday.toString(Qt::ISODate), serviceId(m_a, u"Botox"_s)))
                     .status,
                 404);
        const QDateTime later = at(monday, QTime(11, 0), m_b.zone);
        QCOMPARE(
            m_client
                ->post(u"/api/appointments"_s, {{u"service_id"_s, serviceId(m_a, u"Botox"_s)},
                                                {u"scheduled_time"_s, later.toString(Qt::ISODate)},
                                                {u"phone"_s, u"+15550101234"_s}})
                .status,
            404);
        QCOMPARE(m_client
                     ->post(u"/api/appointments"_s,
                            {{u"service_id"_s, serviceId(m_b, u"Botox"_s)},
                             {u"scheduled_time"_s, later.toString(Qt::ISODate)},
                             {u"contact_id"_s, mine.value(u"contact_id"_s).toString()}})
                     .status,
                 404);
        QCOMPARE(scalar(*m_db, "SELECT notes FROM appointments WHERE id = $1::uuid", {id}),
                 QString());
        m_client->setToken(QString());
        QCOMPARE(m_client->get(u"/api/appointments"_s).status, 401);
    }

    // With the clinic's reminders on, booking queues the appointment's reminders as jobs, moving
    // it queues those of the new time and deletes the old time's still waiting, and cancelling
    // deletes those left waiting. Monday 10:00 at least two days ahead: the confirmation, Sunday
    // 10:00 and Monday 08:00 are all still to come, whatever the time now.
    void bookingMovingAndCancellingPlanTheReminders()
    {
        m_client->setToken(m_a.token);
        QCOMPARE(m_client->put(u"/api/settings/reminders"_s, {{u"enabled"_s, true}}).status, 200);
        const auto reminderJobs = [&](const QString &id) {
            return count(*m_db,
                         "SELECT count(*) FROM jobs WHERE kind = 'reminders.send' AND "
                         "payload->>'appointment_id' = $1",
                         {id});
        };
        // The 24 h and 2 h reminders waiting (the confirmation may have gone meanwhile).
        const auto waiting = [&](const QString &id) {
            return count(*m_db,
                         "SELECT count(*) FROM jobs WHERE kind = 'reminders.send' AND "
                         "payload->>'appointment_id' = $1 AND status = 'queued' AND "
                         "payload->>'reminder' <> 'booked'",
                         {id});
        };
        const QDate monday = nextWeekday(1);
        const HttpReply booked = book(m_a, u"Botox"_s, at(monday, QTime(10, 0), m_a.zone));
        QCOMPARE(booked.status, 201);
        const QString id = booked.json().value(u"id"_s).toString();
        QCOMPARE(reminderJobs(id), 3);
        QCOMPARE(waiting(id), 2);
        QCOMPARE(
            m_client
                ->patch(u"/api/appointments/"_s + id,
                        {{u"scheduled_time"_s,
                          at(monday.addDays(1), QTime(10, 0), m_a.zone).toString(Qt::ISODate)}})
                .status,
            200);
        // The new time's 24 h and 2 h wait; the old time's are gone.
        QCOMPARE(waiting(id), 2);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM jobs WHERE kind = 'reminders.send' AND "
                       "payload->>'appointment_id' = $1 AND payload->>'reminder' <> 'booked' AND "
                       "payload->>'starts_at' = $2 AND status = 'queued'",
                       {id, at(monday.addDays(1), QTime(10, 0), m_a.zone)
                                .toUTC()
                                .toString(Qt::ISODateWithMs)}),
                 2);
        QCOMPARE(m_client->post(u"/api/appointments/%1/cancel"_s.arg(id), {}).status, 200);
        QCOMPARE(waiting(id), 0);
        QCOMPARE(m_client->put(u"/api/settings/reminders"_s, {{u"enabled"_s, false}}).status, 200);
    }
};

QTEST_MAIN(TestAppointments)
#include "tst_appointments.moc"
