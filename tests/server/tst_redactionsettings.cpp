// GET/PUT /api/settings/redaction: every member reads which kinds of patient data the clinic's
// free text loses; admins choose them (audited, bad input is a 400 naming the problem); CSV
// exports apply the choice to free-text cells and keep the structured caller's number.
#include "clinicfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpReply;

class TestRedactionSettings : public QObject
{
    Q_OBJECT

    vox::test::ClinicServer f;

    static QJsonArray every()
    {
        return {u"ssn"_s,   u"card"_s,    u"dob"_s,       u"phone"_s,
                u"email"_s, u"address"_s, u"medical_id"_s};
    }

    qint64 audits()
    {
        auto row = f.admin->exec("SELECT count(*) FROM audit_log WHERE org_id = $1::uuid AND "
                                 "action = 'privacy.redaction_changed'",
                                 {f.clinic.orgId});
        return row ? row->toInt(0, 0) : -1;
    }

    bool choose(const QJsonArray &categories)
    {
        return f.as(u"admin"_s)
                   ->put(u"/api/settings/redaction"_s, {{u"categories"_s, categories}})
                   .status == 200;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(f.start(u"redactionsettings"_s, u"Glow Med Spa"_s), qPrintable(f.error));
    }

    void aNewClinicRedactsEveryCategory()
    {
        const HttpReply reply = f.as(u"staff"_s)->get(u"/api/settings/redaction"_s);
        QCOMPARE(reply.status, 200);
        const QJsonObject s = reply.json();
        QCOMPARE(s.value(u"redact_pii"_s).toBool(), true);
        QCOMPARE(s.value(u"categories"_s).toArray(), every());
        QCOMPARE(s.value(u"available"_s).toArray(), every());
        QCOMPARE(s.value(u"defaults"_s).toArray(), every());
    }

    void adminsChooseTheCategoriesAndEachChangeIsAudited()
    {
        const qint64 before = audits();
        const HttpReply reply =
            f.as(u"admin"_s)
                ->put(u"/api/settings/redaction"_s,
                      {{u"categories"_s, QJsonArray{u"phone"_s, u"ssn"_s, u"phone"_s}}});
        QCOMPARE(reply.status, 200);
        // Duplicates fold, and the answer lists them in the settings' order.
        QCOMPARE(reply.json().value(u"categories"_s).toArray(), (QJsonArray{u"ssn"_s, u"phone"_s}));
        QCOMPARE(f.as(u"staff"_s)
                     ->get(u"/api/settings/redaction"_s)
                     .json()
                     .value(u"categories"_s)
                     .toArray(),
                 (QJsonArray{u"ssn"_s, u"phone"_s}));
        QCOMPARE(audits(), before + 1);
        auto details = f.admin->exec("SELECT details FROM audit_log WHERE org_id = $1::uuid AND "
                                     "action = 'privacy.redaction_changed' ORDER BY created_at "
                                     "DESC LIMIT 1",
                                     {f.clinic.orgId});
        const QJsonObject change =
            details->toJson(0, 0).toObject().value(u"categories"_s).toObject();
        QCOMPARE(change.value(u"from"_s).toArray(), every());
        QCOMPARE(change.value(u"to"_s).toArray(), (QJsonArray{u"ssn"_s, u"phone"_s}));
        // The same choice again changes nothing and is not audited again.
        QVERIFY(choose({u"ssn"_s, u"phone"_s}));
        QCOMPARE(audits(), before + 1);
        // An empty list keeps the text as said; the master switch goes the same way.
        const HttpReply off =
            f.as(u"owner"_s)
                ->put(u"/api/settings/redaction"_s,
                      {{u"categories"_s, QJsonArray{}}, {u"redact_pii"_s, false}});
        QCOMPARE(off.status, 200);
        QCOMPARE(off.json().value(u"categories"_s).toArray(), QJsonArray{});
        QCOMPARE(off.json().value(u"redact_pii"_s).toBool(), false);
        QVERIFY(f.as(u"admin"_s)
                    ->put(u"/api/settings/redaction"_s,
                          {{u"categories"_s, every()}, {u"redact_pii"_s, true}})
                    .status == 200);
    }

    void staffReadButDoNotChange()
    {
        const HttpReply reply =
            f.as(u"staff"_s)->put(u"/api/settings/redaction"_s, {{u"categories"_s, QJsonArray{}}});
        QCOMPARE(reply.status, 403);
        QCOMPARE(f.as(u"staff"_s)
                     ->get(u"/api/settings/redaction"_s)
                     .json()
                     .value(u"categories"_s)
                     .toArray(),
                 every());
    }

    void badInputIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("an unknown category")
            << QByteArray(R"({"categories": ["ssn", "passport"]})") << u"passport"_s;
        QTest::newRow("a category in the wrong case")
            << QByteArray(R"({"categories": ["SSN"]})") << u"SSN"_s;
        QTest::newRow("one name instead of a list")
            << QByteArray(R"({"categories": "phone"})") << u"categories"_s;
        QTest::newRow("null instead of a list")
            << QByteArray(R"({"categories": null})") << u"categories"_s;
        QTest::newRow("a number in the list")
            << QByteArray(R"({"categories": [1]})") << u"categories"_s;
        QTest::newRow("a switch that is not a boolean")
            << QByteArray(R"({"redact_pii": "yes"})") << u"redact_pii"_s;
        QTest::newRow("nothing to change") << QByteArray("{}") << u"categories"_s;
        QTest::newRow("not JSON") << QByteArray("ssn,card") << QString();
    }
    void badInputIsRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        const HttpReply reply = f.as(u"admin"_s)
                                    ->send("PUT", u"/api/settings/redaction"_s, body,
                                           {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, 400);
        QVERIFY2(!reply.error().isEmpty(), reply.body.constData());
        QVERIFY2(reply.error().contains(mentions), qPrintable(reply.error()));
        QCOMPARE(f.as(u"staff"_s)
                     ->get(u"/api/settings/redaction"_s)
                     .json()
                     .value(u"categories"_s)
                     .toArray(),
                 every());
    }

    // An export is a copy that leaves the system: free-text cells get the clinic's categories
    // (text stored before a category was chosen too); the caller's number column stays.
    void exportsApplyTheClinicsChoice_data()
    {
        QTest::addColumn<QJsonArray>("categories");
        QTest::addColumn<bool>("phoneRedacted");
        QTest::addColumn<bool>("emailRedacted");
        QTest::newRow("every category") << every() << true << true;
        QTest::newRow("phone only") << QJsonArray{u"phone"_s} << true << false;
        QTest::newRow("nothing") << QJsonArray{} << false << false;
    }
    void exportsApplyTheClinicsChoice()
    {
        QFETCH(QJsonArray, categories);
        QFETCH(bool, phoneRedacted);
        QFETCH(bool, emailRedacted);
        static bool inserted = false;
        if (!inserted) {
            QVERIFY(!vox::test::insertRow(
                         *f.admin, u"call_logs"_s, f.clinic.orgId,
                         {{u"phone_number"_s, u"+15550107777"_s},
                          {u"status"_s, u"ended"_s},
                          {u"summary"_s, u"Call her sister at 555-867-5309 or sis@example.com."_s}})
                         .isEmpty());
            inserted = true;
        }
        QVERIFY(choose(categories));
        const HttpReply csv = f.as(u"staff"_s)->get(u"/api/exports/calls.csv"_s);
        QCOMPARE(csv.status, 200);
        QVERIFY2(csv.body.contains("+15550107777"), "the caller's number column stays");
        QCOMPARE(!csv.body.contains("555-867-5309"), phoneRedacted);
        QCOMPARE(csv.body.contains("[REDACTED PHONE]"), phoneRedacted);
        QCOMPARE(!csv.body.contains("sis@example.com"), emailRedacted);
        QVERIFY(choose(every()));
    }
};

QTEST_GUILESS_MAIN(TestRedactionSettings)
#include "tst_redactionsettings.moc"
