#include "server/routes/listcursor.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace vox::server;

namespace {

QString base64url(const QByteArray &text)
{
    return QString::fromLatin1(
        text.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

const QString id = u"7c0c7f3e-2f4e-4a8e-9d6b-1f2a3b4c5d6e"_s;

} // namespace

class TestListCursor : public QObject
{
    Q_OBJECT

private slots:
    // A cursor this server gave comes back as the same position; anything else is a 400 that
    // names the cursor, before the database sees it.
    void cursorsAreThePositionsTheServerGave_data()
    {
        QTest::addColumn<QString>("cursor");
        QTest::addColumn<QString>("at"); // empty: refused
        const QByteArray uuid = id.toLatin1();
        QTest::newRow("as given") << encodeCursor({u"2026-03-01 09:30:00.123456+00"_s, id})
                                  << u"2026-03-01 09:30:00.123456+00"_s;
        QTest::newRow("an offset") << base64url("[\"2026-03-01 09:30:00+05:30\",\"" + uuid + "\"]")
                                   << u"2026-03-01 09:30:00+05:30"_s;
        QTest::newRow("day zero") << base64url("[\"0000-00-00 00:00:00+99\",\"" + uuid + "\"]")
                                  << QString();
        QTest::newRow("30 February")
            << base64url("[\"2026-02-30 09:30:00+00\",\"" + uuid + "\"]") << QString();
        QTest::newRow("an offset past 15:59")
            << base64url("[\"2026-03-01 09:30:00+16\",\"" + uuid + "\"]") << QString();
        QTest::newRow("not an id") << base64url("[\"2026-03-01 09:30:00+00\",\"1\"]") << QString();
        QTest::newRow("three parts")
            << base64url("[\"2026-03-01 09:30:00+00\",\"" + uuid + "\",1]") << QString();
        QTest::newRow("not base64") << u"!!!"_s << QString();
        QTest::newRow("too long") << QString(201, u'A') << QString();
    }
    void cursorsAreThePositionsTheServerGave()
    {
        QFETCH(QString, cursor);
        QFETCH(QString, at);
        const auto key = decodeCursor(cursor);
        if (at.isEmpty()) {
            QVERIFY(!key.ok());
            QCOMPARE(key.error().kind, vox::ErrorKind::BadInput);
            QCOMPARE(key.error().subject, u"cursor"_s);
        } else {
            QVERIFY(key.ok());
            QCOMPARE(key->at, at);
            QCOMPARE(key->id, id);
        }
    }

    // The appointment list's cursor: "starts_at|id" in UTC with microseconds.
    void appointmentCursorsRoundTrip_data()
    {
        QTest::addColumn<QString>("cursor");
        QTest::addColumn<bool>("valid");
        QTest::newRow("as given") << encodeAppointmentCursor(u"2026-03-02T09:30:00.000000Z"_s, id)
                                  << true;
        QTest::newRow("30 February")
            << encodeAppointmentCursor(u"2026-02-30T09:30:00.000000Z"_s, id) << false;
        QTest::newRow("without microseconds")
            << encodeAppointmentCursor(u"2026-03-02T09:30:00Z"_s, id) << false;
        QTest::newRow("no id") << base64url("2026-03-02T09:30:00.000000Z") << false;
    }
    void appointmentCursorsRoundTrip()
    {
        QFETCH(QString, cursor);
        QFETCH(bool, valid);
        const auto position = decodeAppointmentCursor(cursor);
        QCOMPARE(position.ok(), valid);
        if (valid)
            QCOMPARE(*position, std::pair(u"2026-03-02T09:30:00.000000Z"_s, id));
        else
            QCOMPARE(position.error().kind, vox::ErrorKind::BadInput);
    }
};

QTEST_GUILESS_MAIN(TestListCursor)
#include "tst_listcursor.moc"
