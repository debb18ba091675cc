// Which content is due for removal, given the clinic's windows, the moment the job runs, when the
// content was made and whether its contact is on legal hold. "now" is passed in: no clock.
#include "core/retention.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
namespace retention = vox::retention;
using retention::Content;

Q_DECLARE_METATYPE(Content)

namespace {

const QDateTime now(QDate(2026, 3, 10), QTime(3, 0), Qt::UTC);

std::optional<int> window(int days)
{
    return days < 0 ? std::nullopt : std::optional<int>(days);
}

} // namespace

class TestRetention : public QObject
{
    Q_OBJECT

private slots:
    void isDue_data()
    {
        // A window of -1 stands for "forever". Ages are in hours before now.
        QTest::addColumn<int>("recordingDays");
        QTest::addColumn<int>("transcriptDays");
        QTest::addColumn<int>("messageDays");
        QTest::addColumn<Content>("content");
        QTest::addColumn<qint64>("ageHours");
        QTest::addColumn<bool>("legalHold");
        QTest::addColumn<bool>("due");

        QTest::newRow("recording older than its window is due")
            << 30 << -1 << -1 << Content::Recording << qint64(31 * 24) << false << true;
        QTest::newRow("recording inside its window stays")
            << 30 << -1 << -1 << Content::Recording << qint64(29 * 24) << false << false;
        QTest::newRow("exactly the window's age stays (the last moment is kept)")
            << 30 << -1 << -1 << Content::Recording << qint64(30 * 24) << false << false;
        QTest::newRow("an hour past the window is due")
            << 30 << -1 << -1 << Content::Recording << qint64(30 * 24 + 1) << false << true;
        QTest::newRow("forever keeps a ten-year-old recording")
            << -1 << 30 << 30 << Content::Recording << qint64(3650 * 24) << false << false;
        QTest::newRow("each kind reads its own window: transcript")
            << 1 << 90 << 1 << Content::Transcript << qint64(30 * 24) << false << false;
        QTest::newRow("transcript past its window is due")
            << 1000 << 90 << 1000 << Content::Transcript << qint64(91 * 24) << false << true;
        QTest::newRow("message body past its window is due")
            << -1 << -1 << 7 << Content::MessageBody << qint64(8 * 24) << false << true;
        QTest::newRow("message body inside its window stays")
            << 1 << 1 << 7 << Content::MessageBody << qint64(6 * 24) << false << false;
        QTest::newRow("legal hold keeps what is past its window")
            << 30 << 30 << 30 << Content::Recording << qint64(365 * 24) << true << false;
        QTest::newRow("legal hold keeps transcripts too")
            << 30 << 30 << 30 << Content::Transcript << qint64(365 * 24) << true << false;
        QTest::newRow("a one-day window removes yesterday's-but-one content")
            << 1 << 1 << 1 << Content::Transcript << qint64(25) << false << true;
        QTest::newRow("content from the future (clock skew) is not due")
            << 1 << 1 << 1 << Content::Recording << qint64(-48) << false << false;
        QTest::newRow("a window of 0 days is not valid and keeps")
            << 0 << 0 << 0 << Content::Recording << qint64(1000) << false << false;
        QTest::newRow("a window over 100 years is not valid and keeps")
            << 36501 << 1 << 1 << Content::Recording << qint64(40000 * 24) << false << false;
    }

    void isDue()
    {
        QFETCH(int, recordingDays);
        QFETCH(int, transcriptDays);
        QFETCH(int, messageDays);
        QFETCH(Content, content);
        QFETCH(qint64, ageHours);
        QFETCH(bool, legalHold);
        QFETCH(bool, due);
        const retention::Policy policy{window(recordingDays), window(transcriptDays),
                                       window(messageDays)};
        const QDateTime createdAt = now.addSecs(-ageHours * 3600);
        QCOMPARE(retention::isDue(policy, content, createdAt, now, legalHold), due);
    }

    void cutoffIsTheWindowBackFromNowInUtc()
    {
        const retention::Policy policy{30, std::nullopt, 1};
        QCOMPARE(retention::cutoff(policy, Content::Recording, now),
                 std::optional<QDateTime>(QDateTime(QDate(2026, 2, 8), QTime(3, 0), Qt::UTC)));
        QCOMPARE(retention::cutoff(policy, Content::Transcript, now), std::nullopt);
        // The same moment given in another zone gives the same cutoff.
        const QDateTime newYork = now.toTimeZone(QTimeZone("America/New_York"));
        QCOMPARE(retention::cutoff(policy, Content::MessageBody, newYork),
                 std::optional<QDateTime>(now.addDays(-1)));
    }

    void defaultsKeepRecordingsAYearAndTheRecordSixYears()
    {
        const retention::Policy d = retention::defaults();
        QCOMPARE(d.recordingDays, std::optional<int>(365));
        QCOMPARE(d.transcriptDays, std::optional<int>(2190));
        QCOMPARE(d.messageBodyDays, std::optional<int>(2190));
    }

    void describe_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("text");
        QTest::newRow("forever") << -1 << u"forever"_s;
        QTest::newRow("one day") << 1 << u"1 day"_s;
        QTest::newRow("a year") << 365 << u"365 days"_s;
    }

    void describe()
    {
        QFETCH(int, days);
        QFETCH(QString, text);
        QCOMPARE(retention::describe(window(days)), text);
    }
};

QTEST_APPLESS_MAIN(TestRetention)
#include "tst_retention.moc"
