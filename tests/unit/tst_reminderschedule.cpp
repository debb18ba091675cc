// When each automatic reminder of an appointment is sent, in the clinic's time zone: the default
// plan (at booking, 24 h before, 2 h before), quiet hours moving sends to the morning, sends
// already past skipped, sends that would arrive after the start dropped, and the weeks the clocks
// change in New York and Madrid. Times in the rows are the clinic's local times; "now" is the
// moment of booking unless a row says otherwise. No clock is read.
#include "core/reminderschedule.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
namespace reminders = vox::reminders;

namespace {

QDateTime local(const QString &text, const QTimeZone &zone)
{
    const QDateTime parsed = QDateTime::fromString(text, u"yyyy-MM-dd HH:mm"_s);
    return QDateTime(parsed.date(), parsed.time(), zone);
}

QString outcomeName(reminders::Outcome outcome)
{
    switch (outcome) {
    case reminders::Outcome::Planned:
        return u"planned"_s;
    case reminders::Outcome::MovedToMorning:
        return u"moved"_s;
    case reminders::Outcome::SkippedPast:
        return u"past"_s;
    case reminders::Outcome::DroppedLate:
        return u"late"_s;
    case reminders::Outcome::DroppedTwin:
        return u"twin"_s;
    }
    return {};
}

// "24h 2026-03-08 10:00 -04:00 planned": the send in clinic time with its UTC offset, so a row
// shows which side of a clock change it falls on.
QString describe(const reminders::Send &send, const QTimeZone &zone)
{
    const QDateTime at = send.at.toTimeZone(zone);
    const int minutes = at.offsetFromUtc() / 60;
    const QString offset =
        (minutes < 0 ? u"-"_s : u"+"_s) + u"%1:%2"_s.arg(qAbs(minutes) / 60, 2, 10, QChar(u'0'))
                                              .arg(qAbs(minutes) % 60, 2, 10, QChar(u'0'));
    return u"%1 %2 %3 %4"_s.arg(send.key, at.toString(u"yyyy-MM-dd HH:mm"_s), offset,
                                outcomeName(send.outcome));
}

} // namespace

class TestReminderSchedule : public QObject
{
    Q_OBJECT

private slots:
    void schedule_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("bookedAt");
        QTest::addColumn<QString>("now");   // empty: the moment of booking
        QTest::addColumn<QString>("quiet"); // "21:00-08:00"; empty: none
        QTest::addColumn<QStringList>("sends");

        const QByteArray ny = "America/New_York";
        const QByteArray madrid = "Europe/Madrid";
        const QString night = u"21:00-08:00"_s;

        QTest::newRow("booked in the afternoon: all three as planned")
            << ny << u"2026-06-10 15:00"_s << u"2026-06-01 14:00"_s << QString() << night
            << QStringList{u"booked 2026-06-01 14:00 -04:00 planned"_s,
                           u"24h 2026-06-09 15:00 -04:00 planned"_s,
                           u"2h 2026-06-10 13:00 -04:00 planned"_s};
        QTest::newRow("booked late in the evening: the confirmation waits for the morning")
            << ny << u"2026-06-10 15:00"_s << u"2026-06-01 22:30"_s << QString() << night
            << QStringList{u"booked 2026-06-02 08:00 -04:00 moved"_s,
                           u"24h 2026-06-09 15:00 -04:00 planned"_s,
                           u"2h 2026-06-10 13:00 -04:00 planned"_s};
        QTest::newRow("booked after midnight: moves to 08:00 the same day")
            << ny << u"2026-06-10 15:00"_s << u"2026-06-02 03:00"_s << QString() << night
            << QStringList{u"booked 2026-06-02 08:00 -04:00 moved"_s,
                           u"24h 2026-06-09 15:00 -04:00 planned"_s,
                           u"2h 2026-06-10 13:00 -04:00 planned"_s};
        QTest::newRow("2 h before an early appointment falls at night: sent at 08:00")
            << ny << u"2026-06-10 09:30"_s << u"2026-06-01 14:00"_s << QString() << night
            << QStringList{u"booked 2026-06-01 14:00 -04:00 planned"_s,
                           u"24h 2026-06-09 09:30 -04:00 planned"_s,
                           u"2h 2026-06-10 08:00 -04:00 moved"_s};
        QTest::newRow("appointment at 08:00: the moved 2 h reminder would arrive at the start")
            << ny << u"2026-06-10 08:00"_s << u"2026-06-01 14:00"_s << QString() << night
            << QStringList{u"booked 2026-06-01 14:00 -04:00 planned"_s,
                           u"24h 2026-06-09 08:00 -04:00 planned"_s,
                           u"2h 2026-06-10 08:00 -04:00 late"_s};
        QTest::newRow("booked three hours ahead: the 24 h reminder has passed")
            << ny << u"2026-06-10 15:00"_s << u"2026-06-10 12:00"_s << QString() << night
            << QStringList{u"booked 2026-06-10 12:00 -04:00 planned"_s,
                           u"24h 2026-06-09 15:00 -04:00 past"_s,
                           u"2h 2026-06-10 13:00 -04:00 planned"_s};
        QTest::newRow("booked an hour ahead: only the confirmation")
            << ny << u"2026-06-10 15:00"_s << u"2026-06-10 14:00"_s << QString() << night
            << QStringList{u"booked 2026-06-10 14:00 -04:00 planned"_s,
                           u"24h 2026-06-09 15:00 -04:00 past"_s,
                           u"2h 2026-06-10 13:00 -04:00 past"_s};
        QTest::newRow("booked at night for 07:30 next morning: nothing can go before it")
            << ny << u"2026-06-10 07:30"_s << u"2026-06-09 23:00"_s << QString() << night
            << QStringList{u"booked 2026-06-10 08:00 -04:00 late"_s,
                           u"24h 2026-06-09 07:30 -04:00 past"_s,
                           u"2h 2026-06-10 08:00 -04:00 late"_s};
        QTest::newRow("booked at night for 09:30: confirmation and 2 h land together, sent once")
            << ny << u"2026-06-10 09:30"_s << u"2026-06-09 22:00"_s << QString() << night
            << QStringList{u"booked 2026-06-10 08:00 -04:00 moved"_s,
                           u"24h 2026-06-09 09:30 -04:00 past"_s,
                           u"2h 2026-06-10 08:00 -04:00 twin"_s};
        QTest::newRow("re-planned after a move: the confirmation already went")
            << ny << u"2026-06-12 15:00"_s << u"2026-06-01 14:00"_s << u"2026-06-05 10:00"_s
            << night
            << QStringList{u"booked 2026-06-01 14:00 -04:00 past"_s,
                           u"24h 2026-06-11 15:00 -04:00 planned"_s,
                           u"2h 2026-06-12 13:00 -04:00 planned"_s};
        QTest::newRow("no quiet hours: a late booking is confirmed at once")
            << ny << u"2026-06-10 15:00"_s << u"2026-06-01 23:00"_s << QString() << QString()
            << QStringList{u"booked 2026-06-01 23:00 -04:00 planned"_s,
                           u"24h 2026-06-09 15:00 -04:00 planned"_s,
                           u"2h 2026-06-10 13:00 -04:00 planned"_s};

        // New York springs forward on Sunday 2026-03-08 at 02:00 (to 03:00) and falls back on
        // Sunday 2026-11-01 at 02:00 (to 01:00).
        QTest::newRow("New York spring forward: 24 h before is the same clock time on Sunday")
            << ny << u"2026-03-09 10:00"_s << u"2026-03-01 12:00"_s << QString() << night
            << QStringList{u"booked 2026-03-01 12:00 -05:00 planned"_s,
                           u"24h 2026-03-08 10:00 -04:00 planned"_s,
                           u"2h 2026-03-09 08:00 -04:00 planned"_s};
        QTest::newRow("New York spring forward: 2 h before 03:30 is 00:30, two real hours")
            << ny << u"2026-03-08 03:30"_s << u"2026-03-01 12:00"_s << QString() << QString()
            << QStringList{u"booked 2026-03-01 12:00 -05:00 planned"_s,
                           u"24h 2026-03-07 03:30 -05:00 planned"_s,
                           u"2h 2026-03-08 00:30 -05:00 planned"_s};
        QTest::newRow("New York spring forward night: a booking at 23:00 waits until 08:00 EDT")
            << ny << u"2026-03-09 15:00"_s << u"2026-03-07 23:00"_s << QString() << night
            << QStringList{u"booked 2026-03-08 08:00 -04:00 moved"_s,
                           u"24h 2026-03-08 15:00 -04:00 planned"_s,
                           u"2h 2026-03-09 13:00 -04:00 planned"_s};
        QTest::newRow("New York fall back: 24 h before is Saturday's 10:00, 25 real hours")
            << ny << u"2026-11-01 10:00"_s << u"2026-10-20 12:00"_s << QString() << night
            << QStringList{u"booked 2026-10-20 12:00 -04:00 planned"_s,
                           u"24h 2026-10-31 10:00 -04:00 planned"_s,
                           u"2h 2026-11-01 08:00 -05:00 planned"_s};
        QTest::newRow("New York fall back: 2 h before 02:30 EST is the first 01:30 (EDT)")
            << ny << u"2026-11-01 02:30"_s << u"2026-10-20 12:00"_s << QString() << QString()
            << QStringList{u"booked 2026-10-20 12:00 -04:00 planned"_s,
                           u"24h 2026-10-31 02:30 -04:00 planned"_s,
                           u"2h 2026-11-01 01:30 -04:00 planned"_s};

        // Madrid springs forward on Sunday 2026-03-29 at 02:00 (to 03:00) and falls back on
        // Sunday 2026-10-25 at 03:00 (to 02:00).
        QTest::newRow("Madrid spring forward: Monday 09:00 is reminded Sunday 09:00 CEST")
            << madrid << u"2026-03-30 09:00"_s << u"2026-03-20 12:00"_s << QString() << night
            << QStringList{u"booked 2026-03-20 12:00 +01:00 planned"_s,
                           u"24h 2026-03-29 09:00 +02:00 planned"_s,
                           u"2h 2026-03-30 08:00 +02:00 moved"_s};
        QTest::newRow("Madrid fall back: the 2 h reminder moves to 08:00 CET")
            << madrid << u"2026-10-26 08:30"_s << u"2026-10-20 12:00"_s << QString() << night
            << QStringList{u"booked 2026-10-20 12:00 +02:00 planned"_s,
                           u"24h 2026-10-25 08:30 +01:00 planned"_s,
                           u"2h 2026-10-26 08:00 +01:00 moved"_s};
        QTest::newRow("Madrid fall back night: a Saturday 23:00 booking goes at 07:00 CET")
            << madrid << u"2026-10-27 12:00"_s << u"2026-10-24 23:00"_s << QString()
            << u"22:00-07:00"_s
            << QStringList{u"booked 2026-10-25 07:00 +01:00 moved"_s,
                           u"24h 2026-10-26 12:00 +01:00 planned"_s,
                           u"2h 2026-10-27 10:00 +01:00 planned"_s};
    }

    void schedule()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QString, start);
        QFETCH(QString, bookedAt);
        QFETCH(QString, now);
        QFETCH(QString, quiet);
        QFETCH(QStringList, sends);

        const QTimeZone tz(zone);
        QVERIFY(tz.isValid());
        reminders::QuietHours hours;
        if (!quiet.isEmpty())
            hours = {QTime::fromString(quiet.section(u'-', 0, 0), u"HH:mm"_s),
                     QTime::fromString(quiet.section(u'-', 1, 1), u"HH:mm"_s)};
        const reminders::Appointment appointment{local(start, tz), local(bookedAt, tz)};
        const QDateTime at = now.isEmpty() ? appointment.bookedAt : local(now, tz);
        const QList<reminders::Send> planned =
            reminders::schedule(appointment, tz, reminders::defaultOffsets(), hours, at.toUTC());
        QStringList described;
        for (const reminders::Send &send : planned) {
            QCOMPARE(send.at.timeSpec(), Qt::UTC);
            described << describe(send, tz);
        }
        QCOMPARE(described, sends);
    }

    void quietHoursSpanningMidnight_data()
    {
        QTest::addColumn<QString>("time");
        QTest::addColumn<bool>("quiet");

        QTest::newRow("20:59 is still the day") << u"20:59"_s << false;
        QTest::newRow("21:00 starts the quiet") << u"21:00"_s << true;
        QTest::newRow("midnight is quiet") << u"00:00"_s << true;
        QTest::newRow("07:59 is quiet") << u"07:59"_s << true;
        QTest::newRow("08:00 ends the quiet") << u"08:00"_s << false;
    }

    void quietHoursSpanningMidnight()
    {
        QFETCH(QString, time);
        QFETCH(bool, quiet);
        QCOMPARE(reminders::defaultQuietHours().contains(QTime::fromString(time, u"HH:mm"_s)),
                 quiet);
    }
};

QTEST_APPLESS_MAIN(TestReminderSchedule)
#include "tst_reminderschedule.moc"
