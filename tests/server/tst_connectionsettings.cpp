// VOXANNE_DATABASE_URL as libpq reads it: one host, a Unix socket folder, or several hosts with
// target_session_attrs, so that a primary and its standby are one URL and the server reaches
// whichever is the primary after a failover.
#include "server/db/connectionsettings.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::db::ConnectionSettings;

class TestConnectionSettings : public QObject
{
    Q_OBJECT

private slots:
    void readsTheUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("targetSessionAttrs");
        QTest::newRow("one host") << u"postgresql://voxanne:pw@db.example:6543/voxanne"_s
                                  << u"db.example"_s << u"6543"_s << u"voxanne"_s << u"voxanne"_s
                                  << QString();
        QTest::newRow("default port") << u"postgres://app@db/clinics"_s << u"db"_s << u"5432"_s
                                      << u"app"_s << u"clinics"_s << QString();
        QTest::newRow("a socket folder")
            << u"postgresql://voxanne@localhost/v?host=/run/postgresql"_s << u"/run/postgresql"_s
            << u"5432"_s << u"voxanne"_s << u"v"_s << QString();
        QTest::newRow("primary and standby")
            << u"postgresql://voxanne@10.0.0.21:5432,10.0.0.22:5433/voxanne?target_session_attrs=read-write"_s
            << u"10.0.0.21,10.0.0.22"_s << u"5432,5433"_s << u"voxanne"_s << u"voxanne"_s
            << u"read-write"_s;
        QTest::newRow("hosts without ports")
            << u"postgresql://u:p@db1,db2,db3/v?target_session_attrs=primary"_s << u"db1,db2,db3"_s
            << u"5432,5432,5432"_s << u"u"_s << u"v"_s << u"primary"_s;
        QTest::newRow("IPv6 hosts")
            << u"postgresql://u@[fd00::1]:5432,[fd00::2]:5432/v"_s << u"fd00::1,fd00::2"_s
            << u"5432,5432"_s << u"u"_s << u"v"_s << QString();
    }
    void readsTheUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, host);
        QFETCH(QString, port);
        QFETCH(QString, user);
        QFETCH(QString, database);
        QFETCH(QString, targetSessionAttrs);
        const auto s = ConnectionSettings::fromUrl(url);
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.errorMessage()));
        QCOMPARE(s->host, host);
        QCOMPARE(s->portText(), port);
        QCOMPARE(s->user, user);
        QCOMPARE(s->database, database);
        QCOMPARE(s->targetSessionAttrs, targetSessionAttrs);
        // libpq is given every host, every port and the session attribute.
        const QByteArray info = s->conninfo();
        QVERIFY2(info.contains(QByteArray("host='" + host.toUtf8() + "'")), info.constData());
        QVERIFY2(info.contains(QByteArray("port='" + port.toUtf8() + "'")), info.constData());
        QCOMPARE(info.contains("target_session_attrs='read-write'"),
                 targetSessionAttrs == u"read-write");
    }

    void refusesWhatIsNotADatabaseUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("another scheme") << u"mysql://u@db/v"_s;
        QTest::newRow("no database") << u"postgresql://u@db1:5432,db2:5432"_s;
        QTest::newRow("an empty host in the list") << u"postgresql://u@db1:5432,,db2/v"_s;
        QTest::newRow("a port that is not a number") << u"postgresql://u@db1:x,db2/v"_s;
    }
    void refusesWhatIsNotADatabaseUrl()
    {
        QFETCH(QString, url);
        const auto s = ConnectionSettings::fromUrl(url);
        QVERIFY(!s.ok());
        QVERIFY(!s.errorMessage().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
