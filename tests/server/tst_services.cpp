// The price list (S-dashboard services CRUD): prices in dollars or cents, names unique per clinic
// whatever their case, keywords cleaned, durations and buffers in range, writes for owners and
// admins only, deletes that leave booked appointments their service's name.
#include "clinicfixture.h"

#include "server/services/servicerules.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpReply;
namespace rules = vox::server::servicerules;

class TestServices : public QObject
{
    Q_OBJECT

    vox::test::ClinicServer f;

    QString serviceId(const QString &name)
    {
        return f.admin
            ->exec("SELECT id FROM services WHERE org_id = $1::uuid AND name = $2",
                   {f.clinic.orgId, name})
            ->text(0, 0);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(f.start(u"services"_s, u"Glow Med Spa"_s), qPrintable(f.error));
    }

    void keywordsAreTrimmedLowerCasedAndDeduplicated_data()
    {
        QTest::addColumn<QStringList>("given");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("case and spaces")
            << QStringList{u"  Botox "_s, u"WRINKLE"_s} << QStringList{u"botox"_s, u"wrinkle"_s};
        QTest::newRow("repeats, first place kept")
            << QStringList{u"lip"_s, u"Filler"_s, u"LIP"_s, u"filler "_s}
            << QStringList{u"lip"_s, u"filler"_s};
        QTest::newRow("inner spaces collapsed")
            << QStringList{u"nose   job"_s, u"nose job"_s} << QStringList{u"nose job"_s};
        QTest::newRow("empty ones dropped")
            << QStringList{u""_s, u"   "_s, u"lift"_s} << QStringList{u"lift"_s};
    }
    void keywordsAreTrimmedLowerCasedAndDeduplicated()
    {
        QFETCH(QStringList, given);
        QFETCH(QStringList, expected);
        QCOMPARE(rules::normalizeKeywords(given), expected);
    }

    void pricesComeInDollarsOrCents_data()
    {
        QTest::addColumn<QVariant>("dollars");
        QTest::addColumn<QVariant>("cents");
        QTest::addColumn<qint64>("expected"); // -1: refused
        QTest::addColumn<QString>("field");
        QTest::newRow("dollars") << QVariant(400.0) << QVariant() << qint64(40000) << QString();
        QTest::newRow("dollars and cents")
            << QVariant(19.99) << QVariant() << qint64(1999) << QString();
        QTest::newRow("cents") << QVariant() << QVariant(qint64(15000)) << qint64(15000)
                               << QString();
        QTest::newRow("both, agreeing")
            << QVariant(150.0) << QVariant(qint64(15000)) << qint64(15000) << QString();
        QTest::newRow("free") << QVariant(0.0) << QVariant() << qint64(0) << QString();
        QTest::newRow("both, disagreeing")
            << QVariant(150.0) << QVariant(qint64(100)) << qint64(-1) << u"price"_s;
        QTest::newRow("negative") << QVariant(-1.0) << QVariant() << qint64(-1) << u"price"_s;
        QTest::newRow("fractions of a cent")
            << QVariant(1.005) << QVariant() << qint64(-1) << u"price"_s;
        QTest::newRow("negative cents")
            << QVariant() << QVariant(qint64(-5)) << qint64(-1) << u"price_cents"_s;
        QTest::newRow("over a million dollars")
            << QVariant(1000000.01) << QVariant() << qint64(-1) << u"price"_s;
    }
    void pricesComeInDollarsOrCents()
    {
        QFETCH(QVariant, dollars);
        QFETCH(QVariant, cents);
        QFETCH(qint64, expected);
        QFETCH(QString, field);
        const auto price = rules::priceCents(
            dollars.isValid() ? std::optional<double>(dollars.toDouble()) : std::nullopt,
            cents.isValid() ? std::optional<qint64>(cents.toLongLong()) : std::nullopt);
        if (expected < 0) {
            QVERIFY(!price.ok());
            QCOMPARE(price.error().subject, field);
        } else {
            QVERIFY(price.ok());
            QCOMPARE(price->value_or(-2), expected);
        }
    }

    void listsTheSevenDefaultsByName()
    {
        const HttpReply reply = f.as(u"staff"_s)->get(u"/api/services"_s);
        QCOMPARE(reply.status, 200);
        const QJsonArray items = reply.json().value(u"items"_s).toArray();
        QCOMPARE(items.size(), 7);
        QStringList names;
        for (const QJsonValue &item : items)
            names.append(item.toObject().value(u"name"_s).toString());
        QCOMPARE(names,
                 (QStringList{u"Botox"_s, u"Breast Augmentation"_s, u"Consultation"_s,
                              u"Facelift"_s, u"Fillers"_s, u"Liposuction"_s, u"Rhinoplasty"_s}));
        const QJsonObject botox = items.first().toObject();
        QCOMPARE(botox.value(u"price"_s).toDouble(), 400.0);
        QCOMPARE(botox.value(u"price_cents"_s).toInteger(), 40000);
        for (const QString &field :
             {u"id"_s, u"keywords"_s, u"duration_minutes"_s, u"buffer_before_minutes"_s,
              u"buffer_after_minutes"_s, u"active"_s, u"created_at"_s, u"updated_at"_s})
            QVERIFY2(botox.contains(field), qPrintable(field));
    }

    void createsAServiceWithCleanKeywords()
    {
        const HttpReply reply =
            f.as(u"admin"_s)
                ->post(u"/api/services"_s,
                       {{u"name"_s, u"Laser Hair Removal"_s},
                        {u"price"_s, 249.5},
                        {u"keywords"_s, QJsonArray{u" Laser "_s, u"HAIR"_s, u"laser"_s}},
                        {u"duration_minutes"_s, 45},
                        {u"buffer_after_minutes"_s, 15}});
        QCOMPARE(reply.status, 201);
        const QJsonObject service = reply.json();
        QCOMPARE(service.value(u"price_cents"_s).toInteger(), 24950);
        QCOMPARE(service.value(u"price"_s).toDouble(), 249.5);
        QCOMPARE(service.value(u"keywords"_s).toArray(), (QJsonArray{u"laser"_s, u"hair"_s}));
        QCOMPARE(service.value(u"duration_minutes"_s).toInt(), 45);
        QCOMPARE(service.value(u"buffer_before_minutes"_s).toInt(), 0);
        QCOMPARE(service.value(u"buffer_after_minutes"_s).toInt(), 15);
        QCOMPARE(service.value(u"active"_s).toBool(), true);
        const HttpReply fetched =
            f.as(u"staff"_s)->get(u"/api/services/"_s + service.value(u"id"_s).toString());
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.json(), service);
        QCOMPARE(f.admin
                     ->exec("SELECT count(*) FROM events WHERE org_id = $1::uuid AND "
                            "type = 'service.created' AND entity_id = $2::uuid",
                            {f.clinic.orgId, service.value(u"id"_s).toString()})
                     ->toInt(0, 0),
                 1);
    }

    void createValidatesEveryField_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        const QJsonObject good{{u"name"_s, u"Peel"_s}, {u"price"_s, 100}};
        auto with = [&](const QString &key, const QJsonValue &value) {
            QJsonObject b = good;
            if (value.isUndefined())
                b.remove(key);
            else
                b.insert(key, value);
            return b;
        };
        QTest::newRow("no name") << with(u"name"_s, QJsonValue::Undefined) << 400 << u"name"_s;
        QTest::newRow("blank name") << with(u"name"_s, u"   "_s) << 400 << u"name"_s;
        QTest::newRow("name too long") << with(u"name"_s, QString(121, u'n')) << 400 << u"name"_s;
        QTest::newRow("no price") << with(u"price"_s, QJsonValue::Undefined) << 400 << u"price"_s;
        QTest::newRow("negative price") << with(u"price"_s, -5) << 400 << u"price"_s;
        QTest::newRow("price as text") << with(u"price"_s, u"100"_s) << 400 << u"price"_s;
        QTest::newRow("duration too short")
            << with(u"duration_minutes"_s, 4) << 400 << u"duration_minutes"_s;
        QTest::newRow("duration over a day")
            << with(u"duration_minutes"_s, 1441) << 400 << u"duration_minutes"_s;
        QTest::newRow("duration not whole")
            << with(u"duration_minutes"_s, 30.5) << 400 << u"duration_minutes"_s;
        QTest::newRow("negative buffer")
            << with(u"buffer_before_minutes"_s, -1) << 400 << u"buffer_before_minutes"_s;
        QTest::newRow("buffer too long")
            << with(u"buffer_after_minutes"_s, 481) << 400 << u"buffer_after_minutes"_s;
        QTest::newRow("keywords not a list")
            << with(u"keywords"_s, u"peel"_s) << 400 << u"keywords"_s;
        QTest::newRow("keyword not text")
            << with(u"keywords"_s, QJsonArray{1, 2}) << 400 << u"keywords"_s;
        QTest::newRow("a duplicate, in another case")
            << with(u"name"_s, u" BOTOX "_s) << 409 << QString();
        QTest::newRow("cents only")
            << QJsonObject{{u"name"_s, u"Peel"_s}, {u"price_cents"_s, 900}} << 201 << QString();
    }
    void createValidatesEveryField()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const HttpReply reply = f.as(u"owner"_s)->post(u"/api/services"_s, body);
        QCOMPARE(reply.status, status);
        if (status >= 400) {
            QVERIFY(!reply.error().isEmpty());
            QCOMPARE(reply.json().value(u"field"_s).toString(), field);
        }
        if (status == 409)
            QVERIFY(reply.error().contains(u"already exists"_s));
    }

    void patchChangesOnlyWhatIsGiven()
    {
        const QString id = serviceId(u"Fillers"_s);
        const HttpReply reply = f.as(u"admin"_s)
                                    ->patch(u"/api/services/"_s + id,
                                            {{u"price_cents"_s, 55000}, {u"active"_s, false}});
        QCOMPARE(reply.status, 200);
        const QJsonObject service = reply.json();
        QCOMPARE(service.value(u"price"_s).toDouble(), 550.0);
        QCOMPARE(service.value(u"active"_s).toBool(), false);
        QCOMPARE(service.value(u"name"_s).toString(), u"Fillers"_s);
        QVERIFY(!service.value(u"keywords"_s).toArray().isEmpty());

        const HttpReply renamed =
            f.as(u"admin"_s)->patch(u"/api/services/"_s + id, {{u"name"_s, u"Dermal Fillers"_s}});
        QCOMPARE(renamed.json().value(u"name"_s).toString(), u"Dermal Fillers"_s);
        QCOMPARE(renamed.json().value(u"price_cents"_s).toInteger(), 55000);
    }

    void patchToAnExistingNameIs409()
    {
        const HttpReply reply = f.as(u"admin"_s)
                                    ->patch(u"/api/services/"_s + serviceId(u"Facelift"_s),
                                            {{u"name"_s, u"rhinoplasty"_s}});
        QCOMPARE(reply.status, 409);
        QCOMPARE(serviceId(u"Facelift"_s).isEmpty(), false);
    }

    void patchValidatesToo()
    {
        const HttpReply reply =
            f.as(u"admin"_s)
                ->patch(u"/api/services/"_s + serviceId(u"Facelift"_s), {{u"price"_s, -1}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value(u"field"_s).toString(), u"price"_s);
    }

    void staffCannotChangeThePriceList_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<bool>("withId");
        QTest::newRow("create") << QByteArray("POST") << false;
        QTest::newRow("update") << QByteArray("PATCH") << true;
        QTest::newRow("delete") << QByteArray("DELETE") << true;
    }
    void staffCannotChangeThePriceList()
    {
        QFETCH(QByteArray, method);
        QFETCH(bool, withId);
        const QString id = serviceId(u"Botox"_s);
        const HttpReply reply =
            f.as(u"staff"_s)
                ->send(method, u"/api/services"_s + (withId ? u"/"_s + id : QString()),
                       R"({"name":"Cheap Botox","price":1})");
        QCOMPARE(reply.status, 403);
        const auto price =
            f.admin->exec("SELECT price_cents FROM services WHERE id = $1::uuid", {id});
        QCOMPARE(price->toInt(0, 0), 40000);
    }

    void deleteKeepsTheNameOnAppointments()
    {
        const QString id = serviceId(u"Liposuction"_s);
        const QString contact = vox::test::insertRow(*f.admin, u"contacts"_s, f.clinic.orgId,
                                                     {{u"phone"_s, u"+15550004444"_s}});
        const QString appointment =
            vox::test::insertRow(*f.admin, u"appointments"_s, f.clinic.orgId,
                                 {{u"contact_id"_s, contact},
                                  {u"service_id"_s, id},
                                  {u"starts_at"_s, u"2025-05-01T15:00:00Z"_s},
                                  {u"ends_at"_s, u"2025-05-01T17:00:00Z"_s},
                                  {u"status"_s, u"completed"_s}});
        const HttpReply reply = f.as(u"owner"_s)->del(u"/api/services/"_s + id);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"success"_s).toBool(), true);
        QCOMPARE(f.as(u"staff"_s)->get(u"/api/services/"_s + id).status, 404);
        QCOMPARE(f.as(u"owner"_s)->del(u"/api/services/"_s + id).status, 404);
        const auto kept = f.admin->exec(
            "SELECT service_id, service_name FROM appointments WHERE id = $1::uuid", {appointment});
        QVERIFY(kept->isNull(0, 0));
        QCOMPARE(kept->text(0, 1), u"Liposuction"_s);
    }
};

QTEST_GUILESS_MAIN(TestServices)
#include "tst_services.moc"
