// The front desk's Today queue: who is on it, why, and in which order, from today's calls, the
// front desk's marks and bookings, at a "now" the test passes in, in the clinic's time zone.
#include "core/todayqueue.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
namespace today = vox::today;

namespace {

// The clinic is in New York (UTC-4 in March 2026, after the change to summer time on 8 March).
const QTimeZone zone("America/New_York");
const QDate day(2026, 3, 10);

// "09:30" is that time on the test's day in the clinic's zone; "-1d 23:30" the day before.
QDateTime localTime(const QString &text)
{
    QDate date = day;
    QString clock = text;
    if (text.startsWith(u"-1d "_s)) {
        date = day.addDays(-1);
        clock = text.mid(4);
    } else if (text.startsWith(u"+1d "_s)) {
        date = day.addDays(1);
        clock = text.mid(4);
    }
    return QDateTime(date, QTime::fromString(clock, u"HH:mm"_s), zone);
}

// "ana 09:30 urgent price booked score=40 via=c7": a call by `ana` (a contact key) at 09:30.
// A time written "-1d 23:30" takes two words.
today::Signal parseSignal(const QString &text)
{
    QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    today::Signal s;
    s.key = words.takeFirst();
    QString when = words.takeFirst();
    if (when.endsWith(u'd'))
        when += u' ' + words.takeFirst();
    s.at = localTime(when);
    s.sourceId = s.key + u'@' + when;
    for (const QString &word : std::as_const(words)) {
        if (word == u"urgent")
            s.urgent = true;
        else if (word == u"negative")
            s.negative = true;
        else if (word == u"price")
            s.askedPrice = true;
        else if (word == u"booked")
            s.booked = true;
        else if (word == u"failed")
            s.failed = true;
        else if (word == u"transferred")
            s.transferred = true;
        else if (word == u"reply")
            s.replyWaiting = true;
        else if (word.startsWith(u"score="))
            s.leadScore = word.mid(6).toInt();
        else if (word.startsWith(u"via="))
            s.sourceId = word.mid(4);
    }
    return s;
}

// "ana 10:00 urgent (called)": an entry as the expectation column writes it.
QString describe(const today::Entry &entry)
{
    QString text = entry.key + u' ' + entry.at.toTimeZone(zone).toString(u"HH:mm"_s) + u' ' +
                   today::reasonName(entry.reason);
    if (entry.state == today::State::Called)
        text += u" (called)"_s;
    return text;
}

} // namespace

class TestTodayQueue : public QObject
{
    Q_OBJECT

private slots:
    void ordersWhoNeedsAPersonToday_data()
    {
        // Today's calls (see parseSignal), bookings ("ana 10:30": ana booked then), the front
        // desk's marks ("ana done 10:30"), the time now (clinic time), and the queue, in order.
        QTest::addColumn<QStringList>("calls");
        QTest::addColumn<QStringList>("bookings");
        QTest::addColumn<QStringList>("marks");
        QTest::addColumn<QString>("now");
        QTest::addColumn<QStringList>("expected");

        const QStringList none;
        QTest::newRow("nobody called: nobody waits") << none << none << none << u"12:00"_s << none;
        QTest::newRow("a plain call that went well needs nobody")
            << QStringList{u"ana 09:00 score=80"_s} << none << none << u"12:00"_s << none;
        QTest::newRow("urgent before negative before price question before failed or transferred")
            << QStringList{u"fay 11:00 failed"_s, u"pat 11:10 price"_s, u"ned 11:20 negative"_s,
                           u"ula 09:00 urgent"_s, u"tom 11:30 transferred"_s}
            << none << none << u"12:00"_s
            << QStringList{u"ula 09:00 urgent"_s, u"ned 11:20 negative"_s,
                           u"pat 11:10 price_question"_s, u"tom 11:30 failed_or_transferred"_s,
                           u"fay 11:00 failed_or_transferred"_s};
        QTest::newRow("a reply waiting comes after every kind of call")
            << QStringList{u"rex 11:50 reply"_s, u"fay 08:00 failed"_s} << none << none
            << u"12:00"_s
            << QStringList{u"fay 08:00 failed_or_transferred"_s, u"rex 11:50 reply_waiting"_s};
        QTest::newRow("within a reason the newest call first")
            << QStringList{u"amy 08:00 urgent"_s, u"bob 10:00 urgent"_s, u"cat 09:00 urgent"_s}
            << none << none << u"12:00"_s
            << QStringList{u"bob 10:00 urgent"_s, u"cat 09:00 urgent"_s, u"amy 08:00 urgent"_s};
        QTest::newRow("at the same minute the higher lead score first")
            << QStringList{u"amy 10:00 price score=30"_s, u"bob 10:00 price score=90"_s} << none
            << none << u"12:00"_s
            << QStringList{u"bob 10:00 price_question"_s, u"amy 10:00 price_question"_s};
        QTest::newRow("one entry per person, for their most pressing reason")
            << QStringList{u"ana 08:00 failed"_s, u"ana 09:00 negative"_s, u"ana 10:00 price"_s}
            << none << none << u"12:00"_s << QStringList{u"ana 09:00 negative"_s};
        QTest::newRow("urgency wins over a negative mood on the same call")
            << QStringList{u"ana 09:00 urgent negative price"_s} << none << none << u"12:00"_s
            << QStringList{u"ana 09:00 urgent"_s};
        QTest::newRow("a price question on a call that booked is answered")
            << QStringList{u"ana 09:00 price booked"_s} << none << none << u"12:00"_s << none;
        QTest::newRow("a caller who booked after asking about a price leaves the list")
            << QStringList{u"ana 09:00 price"_s} << QStringList{u"ana 09:20"_s} << none
            << u"12:00"_s << none;
        QTest::newRow("a caller who booked on a later call leaves the list")
            << QStringList{u"ana 09:00 failed"_s, u"ana 09:05 booked"_s} << none << none
            << u"12:00"_s << none;
        QTest::newRow("a booking from before today's urgent call does not hide it")
            << QStringList{u"ana 09:00 urgent"_s} << QStringList{u"ana -1d 15:00"_s} << none
            << u"12:00"_s << QStringList{u"ana 09:00 urgent"_s};
        QTest::newRow("marked done leaves the list")
            << QStringList{u"ana 09:00 urgent"_s, u"bob 09:30 negative"_s} << none
            << QStringList{u"ana done 09:40"_s} << u"12:00"_s
            << QStringList{u"bob 09:30 negative"_s};
        QTest::newRow("marked booked leaves the list")
            << QStringList{u"ana 09:00 price"_s} << none << QStringList{u"ana booked 09:40"_s}
            << u"12:00"_s << none;
        QTest::newRow("a new call after done brings the person back, unmarked")
            << QStringList{u"ana 09:00 price"_s, u"ana 11:00 failed"_s} << none
            << QStringList{u"ana done 10:00"_s} << u"12:00"_s
            << QStringList{u"ana 09:00 price_question"_s};
        QTest::newRow("a call without a reason after done does not bring them back")
            << QStringList{u"ana 09:00 price"_s, u"ana 11:00"_s} << none
            << QStringList{u"ana done 10:00"_s} << u"12:00"_s << none;
        QTest::newRow("called stays on the list, after everyone nobody has reached yet")
            << QStringList{u"ana 09:00 urgent"_s, u"bob 09:30 failed"_s} << none
            << QStringList{u"ana called 10:00"_s} << u"12:00"_s
            << QStringList{u"bob 09:30 failed_or_transferred"_s, u"ana 09:00 urgent (called)"_s};
        QTest::newRow("a new call after called makes the person open again")
            << QStringList{u"ana 09:00 urgent"_s, u"ana 11:00 urgent"_s, u"bob 09:30 failed"_s}
            << none << QStringList{u"ana called 10:00"_s} << u"12:00"_s
            << QStringList{u"ana 11:00 urgent"_s, u"bob 09:30 failed_or_transferred"_s};
        QTest::newRow("reopened by hand: a mark of open keeps the entry where its reason puts it")
            << QStringList{u"ana 09:00 urgent"_s} << none << QStringList{u"ana open 10:00"_s}
            << u"12:00"_s << QStringList{u"ana 09:00 urgent"_s};
        QTest::newRow("yesterday's calls are not today's, in the clinic's zone")
            << QStringList{u"ana -1d 23:30 urgent"_s, u"bob 00:10 failed"_s} << none << none
            << u"08:00"_s << QStringList{u"bob 00:10 failed_or_transferred"_s};
        // 20:30 in New York is 00:30 UTC the next day: still today for the clinic.
        QTest::newRow("an evening call is today although UTC has moved on")
            << QStringList{u"ana 20:30 negative"_s, u"bob 07:00 urgent"_s} << none << none
            << u"22:00"_s << QStringList{u"bob 07:00 urgent"_s, u"ana 20:30 negative"_s};
        QTest::newRow("a call without a contact is its own person")
            << QStringList{u"call-1 09:00 failed"_s, u"call-2 09:10 failed"_s} << none << none
            << u"12:00"_s
            << QStringList{u"call-2 09:10 failed_or_transferred"_s,
                           u"call-1 09:00 failed_or_transferred"_s};
    }
    void ordersWhoNeedsAPersonToday()
    {
        QFETCH(QStringList, calls);
        QFETCH(QStringList, bookings);
        QFETCH(QStringList, marks);
        QFETCH(QString, now);
        QFETCH(QStringList, expected);

        QList<today::Signal> signals_;
        for (const QString &call : std::as_const(calls))
            signals_.append(parseSignal(call));
        QHash<QString, QDateTime> bookedAt;
        for (const QString &booking : std::as_const(bookings)) {
            const QString key = booking.section(u' ', 0, 0);
            bookedAt.insert(key, localTime(booking.section(u' ', 1)));
        }
        QHash<QString, today::Mark> marked;
        for (const QString &mark : std::as_const(marks)) {
            const QStringList words = mark.split(u' ');
            const auto state = today::stateFromName(words.at(1));
            QVERIFY2(state, qPrintable(mark));
            marked.insert(words.at(0), today::Mark{*state, localTime(words.at(2))});
        }

        QStringList got;
        for (const today::Entry &entry :
             today::queue(signals_, bookedAt, marked, localTime(now).toUTC(), zone))
            got.append(describe(entry));
        QCOMPARE(got, expected);
    }

    void theEntryPointsAtTheCallOfItsReason()
    {
        const QList<today::Signal> signals_{parseSignal(u"ana 08:00 urgent via=first"_s),
                                            parseSignal(u"ana 09:00 price via=second"_s),
                                            parseSignal(u"ana 10:00 urgent via=third"_s)};
        const auto entries = today::queue(signals_, {}, {}, localTime(u"12:00"_s), zone);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().sourceId, u"third"_s);
    }

    void recognisesAPriceQuestion_data()
    {
        QTest::addColumn<QString>("said");
        QTest::addColumn<bool>("asked");
        QTest::newRow("how much") << u"How much is Botox for the forehead?"_s << true;
        QTest::newRow("price") << u"What's the price of a lip filler?"_s << true;
        QTest::newRow("costs") << u"I wonder what it costs."_s << true;
        QTest::newRow("Spanish, with accents") << u"¿Cuánto cuesta el relleno?"_s << true;
        QTest::newRow("Spanish precio") << u"Quería saber el precio."_s << true;
        QTest::newRow("booking only") << u"I'd like to book for Tuesday."_s << false;
        QTest::newRow("a word that merely contains one") << u"The coastal office?"_s << false;
        QTest::newRow("nothing said") << QString() << false;
    }
    void recognisesAPriceQuestion()
    {
        QFETCH(QString, said);
        QFETCH(bool, asked);
        QCOMPARE(today::asksAboutPrice(said), asked);
    }

    void stateNamesRoundTrip()
    {
        for (auto state :
             {today::State::Open, today::State::Called, today::State::Done, today::State::Booked})
            QCOMPARE(today::stateFromName(today::stateName(state)), state);
        QVERIFY(!today::stateFromName(u"finished"_s));
    }
};

QTEST_APPLESS_MAIN(TestTodayQueue)
#include "tst_todayqueue.moc"
