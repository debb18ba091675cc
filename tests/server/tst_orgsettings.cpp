// Organization settings: what every member reads, what owners and admins change (time zone
// validated, alert phone in E.164, business hours replaced as a whole week).
#include "clinicfixture.h"

#include "server/services/businesshours.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;

namespace {
QJsonObject opening(int weekday, const QString &opens, const QString &closes)
{
    return {{u"weekday"_s, weekday}, {u"opens_at"_s, opens}, {u"closes_at"_s, closes}};
}
} // namespace

class TestOrgSettings : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::test::TestServer> m_server;
    std::unique_ptr<vox::db::Connection> m_admin;
    vox::test::Clinic m_clinic;

    std::unique_ptr<HttpClient> as(const QString &role)
    {
        auto client = m_server->client();
        client->setToken(m_clinic.token(role));
        return client;
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"orgsettings"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_admin = m_db->connectAsAdmin();
        m_clinic =
            vox::test::createClinic(m_server->url(), u"Glow Med Spa"_s, u"America/Chicago"_s);
        QVERIFY(!m_clinic.orgId.isEmpty());
    }

    void businessHoursRules_data()
    {
        QTest::addColumn<QJsonArray>("hours");
        QTest::addColumn<bool>("valid");
        QTest::newRow("a normal week")
            << QJsonArray{opening(1, u"09:00"_s, u"17:00"_s), opening(6, u"10:00"_s, u"14:00"_s)}
            << true;
        QTest::newRow("a lunch break")
            << QJsonArray{opening(2, u"13:00"_s, u"17:00"_s), opening(2, u"08:00"_s, u"12:00"_s)}
            << true;
        QTest::newRow("until midnight") << QJsonArray{opening(5, u"18:00"_s, u"24:00"_s)} << true;
        QTest::newRow("closed all week") << QJsonArray{} << true;
        QTest::newRow("overlapping openings")
            << QJsonArray{opening(2, u"08:00"_s, u"12:00"_s), opening(2, u"11:30"_s, u"17:00"_s)}
            << false;
        QTest::newRow("closes before it opens")
            << QJsonArray{opening(3, u"17:00"_s, u"09:00"_s)} << false;
        QTest::newRow("weekday 0") << QJsonArray{opening(0, u"09:00"_s, u"17:00"_s)} << false;
        QTest::newRow("weekday 8") << QJsonArray{opening(8, u"09:00"_s, u"17:00"_s)} << false;
        QTest::newRow("twelve-hour clock") << QJsonArray{opening(1, u"9am"_s, u"5pm"_s)} << false;
        QTest::newRow("opening at 24:00")
            << QJsonArray{opening(1, u"24:00"_s, u"24:00"_s)} << false;
        QTest::newRow("minutes out of range")
            << QJsonArray{opening(1, u"09:60"_s, u"17:00"_s)} << false;
    }
    void businessHoursRules()
    {
        QFETCH(QJsonArray, hours);
        QFETCH(bool, valid);
        const auto parsed = vox::server::businesshours::parse(hours);
        QCOMPARE(parsed.ok(), valid);
        if (!valid)
            QCOMPARE(parsed.error().subject, u"business_hours"_s);
    }

    void everyMemberReadsTheSettings()
    {
        const HttpReply reply = as(u"staff"_s)->get(u"/api/org/settings"_s);
        QCOMPARE(reply.status, 200);
        const QJsonObject s = reply.json();
        QCOMPARE(s.value(u"name"_s).toString(), u"Glow Med Spa"_s);
        QCOMPARE(s.value(u"time_zone"_s).toString(), u"America/Chicago"_s);
        QCOMPARE(s.value(u"currency"_s).toString(), u"USD"_s);
        QCOMPARE(s.value(u"phone_country"_s).toString(), u"US"_s);
        QCOMPARE(s.value(u"redact_pii"_s).toBool(), true);
        QVERIFY(s.value(u"alert_phone"_s).isNull());
        QCOMPARE(s.value(u"slot_minutes"_s).toInt(), 30);
        QCOMPARE(s.value(u"lead_follow_up_days"_s).toInt(), 14);
        const QJsonArray hours = s.value(u"business_hours"_s).toArray();
        QCOMPARE(hours.size(), 6);
        QCOMPARE(hours.first().toObject(), opening(1, u"09:00"_s, u"17:00"_s));
        QCOMPARE(hours.last().toObject(), opening(6, u"10:00"_s, u"14:00"_s));
    }

    void adminsChangeSettingsAndReplaceTheWeek()
    {
        const QJsonArray week{opening(2, u"13:00"_s, u"18:00"_s),
                              opening(2, u"08:00"_s, u"12:00"_s),
                              opening(4, u"09:30"_s, u"24:00"_s)};
        const HttpReply reply =
            as(u"admin"_s)
                ->patch(u"/api/org/settings"_s, {{u"name"_s, u"Glow Aesthetics"_s},
                                                 {u"time_zone"_s, u"Europe/London"_s},
                                                 {u"currency"_s, u"GBP"_s},
                                                 {u"redact_pii"_s, false},
                                                 {u"alert_phone"_s, u"+44 7700 900123"_s},
                                                 {u"email_from"_s, u"Glow <desk@glow.test>"_s},
                                                 {u"slot_minutes"_s, 15},
                                                 {u"lead_follow_up_days"_s, 30},
                                                 {u"business_hours"_s, week}});
        QCOMPARE(reply.status, 200);
        const QJsonObject s = reply.json();
        QCOMPARE(s.value(u"name"_s).toString(), u"Glow Aesthetics"_s);
        QCOMPARE(s.value(u"time_zone"_s).toString(), u"Europe/London"_s);
        QCOMPARE(s.value(u"currency"_s).toString(), u"GBP"_s);
        QCOMPARE(s.value(u"redact_pii"_s).toBool(), false);
        QCOMPARE(s.value(u"alert_phone"_s).toString(), u"+447700900123"_s);
        QCOMPARE(s.value(u"email_from"_s).toString(), u"Glow <desk@glow.test>"_s);
        QCOMPARE(s.value(u"slot_minutes"_s).toInt(), 15);
        QCOMPARE(s.value(u"lead_follow_up_days"_s).toInt(), 30);
        QCOMPARE(s.value(u"business_hours"_s).toArray(),
                 (QJsonArray{opening(2, u"08:00"_s, u"12:00"_s), opening(2, u"13:00"_s, u"18:00"_s),
                             opening(4, u"09:30"_s, u"24:00"_s)}));
        QCOMPARE(m_admin
                     ->exec("SELECT count(*) FROM events WHERE org_id = $1::uuid AND "
                            "type = 'settings.updated'",
                            {m_clinic.orgId})
                     ->toInt(0, 0),
                 1);

        // A partial change leaves the rest; null clears what may be empty.
        const HttpReply partial =
            as(u"owner"_s)->patch(u"/api/org/settings"_s, {{u"alert_phone"_s, QJsonValue::Null}});
        QCOMPARE(partial.status, 200);
        QVERIFY(partial.json().value(u"alert_phone"_s).isNull());
        QCOMPARE(partial.json().value(u"email_from"_s).toString(), u"Glow <desk@glow.test>"_s);
        QCOMPARE(partial.json().value(u"business_hours"_s).toArray().size(), 3);
    }

    void theAlertPhoneIsReadInTheClinicsCountry_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("alertPhone");
        QTest::newRow("US, as the console shows numbers")
            << QJsonObject{{u"alert_phone"_s, u"(773) 555-0124"_s}} << u"US"_s << u"+17735550124"_s;
        QTest::newRow("a new country, read with the number given with it")
            << QJsonObject{{u"phone_country"_s, u"GB"_s}, {u"alert_phone"_s, u"07700 900123"_s}}
            << u"GB"_s << u"+447700900123"_s;
        QTest::newRow("the stored country reads a number given alone")
            << QJsonObject{{u"alert_phone"_s, u"020 7946 0958"_s}} << u"GB"_s << u"+442079460958"_s;
        QTest::newRow("back to the US")
            << QJsonObject{{u"phone_country"_s, u"US"_s}, {u"alert_phone"_s, u"1 555 201 7788"_s}}
            << u"US"_s << u"+15552017788"_s;
    }
    void theAlertPhoneIsReadInTheClinicsCountry()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, country);
        QFETCH(QString, alertPhone);
        const HttpReply reply = as(u"admin"_s)->patch(u"/api/org/settings"_s, body);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"phone_country"_s).toString(), country);
        QCOMPARE(reply.json().value(u"alert_phone"_s).toString(), alertPhone);
    }

    void invalidChangesAre400AndChangeNothing_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown time zone")
            << QJsonObject{{u"time_zone"_s, u"Mars/Olympus_Mons"_s}} << u"time_zone"_s;
        QTest::newRow("time zone of the wrong type")
            << QJsonObject{{u"time_zone"_s, 5}} << u"time_zone"_s;
        QTest::newRow("currency") << QJsonObject{{u"currency"_s, u"usd"_s}} << u"currency"_s;
        QTest::newRow("alert phone without area code")
            << QJsonObject{{u"alert_phone"_s, u"555 1234"_s}} << u"alert_phone"_s;
        QTest::newRow("alert phone with letters")
            << QJsonObject{{u"alert_phone"_s, u"555-CALL-NOW"_s}} << u"alert_phone"_s;
        QTest::newRow("a country whose numbers cannot be read")
            << QJsonObject{{u"phone_country"_s, u"ZZ"_s}} << u"phone_country"_s;
        QTest::newRow("country in lower case")
            << QJsonObject{{u"phone_country"_s, u"us"_s}} << u"phone_country"_s;
        QTest::newRow("country as three letters")
            << QJsonObject{{u"phone_country"_s, u"USA"_s}} << u"phone_country"_s;
        QTest::newRow("country of the wrong type")
            << QJsonObject{{u"phone_country"_s, 1}} << u"phone_country"_s;
        QTest::newRow("alert phone not read in the country given with it")
            << QJsonObject{{u"phone_country"_s, u"ES"_s}, {u"alert_phone"_s, u"(773) 555-0124"_s}}
            << u"alert_phone"_s;
        QTest::newRow("sender") << QJsonObject{{u"email_from"_s, u"desk at glow"_s}}
                                << u"email_from"_s;
        QTest::newRow("slot") << QJsonObject{{u"slot_minutes"_s, 1}} << u"slot_minutes"_s;
        QTest::newRow("no follow-up window")
            << QJsonObject{{u"lead_follow_up_days"_s, 0}} << u"lead_follow_up_days"_s;
        QTest::newRow("follow-up window over a year")
            << QJsonObject{{u"lead_follow_up_days"_s, 366}} << u"lead_follow_up_days"_s;
        QTest::newRow("empty name") << QJsonObject{{u"name"_s, u" "_s}} << u"name"_s;
        QTest::newRow("overlapping hours, with a valid zone")
            << QJsonObject{{u"time_zone"_s, u"Asia/Tokyo"_s},
                           {u"business_hours"_s, QJsonArray{opening(1, u"09:00"_s, u"17:00"_s),
                                                            opening(1, u"16:00"_s, u"18:00"_s)}}}
            << u"business_hours"_s;
        QTest::newRow("hours not a list")
            << QJsonObject{{u"business_hours"_s, u"9-5"_s}} << u"business_hours"_s;
    }
    void invalidChangesAre400AndChangeNothing()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const QJsonObject before = as(u"staff"_s)->get(u"/api/org/settings"_s).json();
        const HttpReply reply = as(u"owner"_s)->patch(u"/api/org/settings"_s, body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value(u"field"_s).toString(), field);
        QCOMPARE(as(u"staff"_s)->get(u"/api/org/settings"_s).json(), before);
    }

    void staffCannotChangeSettings()
    {
        const HttpReply reply =
            as(u"staff"_s)->patch(u"/api/org/settings"_s, {{u"time_zone"_s, u"Asia/Tokyo"_s}});
        QCOMPARE(reply.status, 403);
        QCOMPARE(
            as(u"staff"_s)->get(u"/api/org/settings"_s).json().value(u"time_zone"_s).toString(),
            u"Europe/London"_s);
    }
};

QTEST_GUILESS_MAIN(TestOrgSettings)
#include "tst_orgsettings.moc"
