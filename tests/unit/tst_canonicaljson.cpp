// Canonical JSON: the same value gives the same bytes (and so the same tool definition hash)
// whatever order its keys were written in.
#include "core/canonicaljson.h"
#include "core/crypto/digest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestCanonicalJson : public QObject
{
    Q_OBJECT

private slots:
    void canonicalForm_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("keys sorted")
            << QByteArray(R"({"b":1,"a":2})") << QByteArray(R"({"a":2,"b":1})");
        QTest::newRow("nested objects sorted")
            << QByteArray(R"({"z":{"y":true,"x":null},"a":[{"d":"e","c":"f"}]})")
            << QByteArray(R"({"a":[{"c":"f","d":"e"}],"z":{"x":null,"y":true}})");
        QTest::newRow("array order kept") << QByteArray(R"([3,1,2])") << QByteArray("[3,1,2]");
        QTest::newRow("whitespace removed")
            << QByteArray("{ \"a\" :\n [ 1 , 2 ] }") << QByteArray(R"({"a":[1,2]})");
        QTest::newRow("strings escaped") << QByteArray("{\"q\":\"say \\\"hi\\\"\\n\"}")
                                         << QByteArray("{\"q\":\"say \\\"hi\\\"\\n\"}");
    }
    void canonicalForm()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const QJsonDocument doc = QJsonDocument::fromJson(input);
        const QJsonValue value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        QCOMPARE(vox::json::canonical(value), expected);
    }

    void aChangedDefinitionChangesTheHash()
    {
        const QJsonObject a{{u"name"_s, u"bookClinicAppointment"_s}, {u"async"_s, false}};
        QJsonObject b = a;
        b.insert(u"async"_s, true);
        QVERIFY(vox::crypto::sha256(vox::json::canonical(a)) !=
                vox::crypto::sha256(vox::json::canonical(b)));
        QCOMPARE(vox::crypto::sha256(vox::json::canonical(a)),
                 vox::crypto::sha256(vox::json::canonical(
                     QJsonObject{{u"async"_s, false}, {u"name"_s, u"bookClinicAppointment"_s}})));
    }
};

QTEST_APPLESS_MAIN(TestCanonicalJson)
#include "tst_canonicaljson.moc"
