#include "server/http/jsonbody.h"

#include <QJsonDocument>
#include <QTest>

#include <limits>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace vox::http;

namespace {
constexpr qint64 int64Min = std::numeric_limits<qint64>::min();
constexpr qint64 int64Max = std::numeric_limits<qint64>::max();
} // namespace

class TestJsonBody : public QObject
{
    Q_OBJECT

private slots:
    // A whole number within the bounds the route gives, or a 400 naming the field.
    void integersAreWholeAndWithinBounds_data()
    {
        QTest::addColumn<QByteArray>("value"); // JSON text of "n"
        QTest::addColumn<qint64>("min");
        QTest::addColumn<qint64>("max");
        QTest::addColumn<std::optional<qint64>>("expected");
        QTest::addColumn<bool>("refused");

        QTest::newRow("within") << QByteArray("30") << 1LL << 200LL << std::optional<qint64>(30)
                                << false;
        QTest::newRow("below") << QByteArray("0") << 1LL << 200LL << std::optional<qint64>()
                               << true;
        QTest::newRow("above") << QByteArray("201") << 1LL << 200LL << std::optional<qint64>()
                               << true;
        QTest::newRow("a fraction")
            << QByteArray("1.5") << 1LL << 200LL << std::optional<qint64>() << true;
        QTest::newRow("text") << QByteArray("\"30\"") << 1LL << 200LL << std::optional<qint64>()
                              << true;
        QTest::newRow("null is absent")
            << QByteArray("null") << 1LL << 200LL << std::optional<qint64>() << false;
        QTest::newRow("2^53 in the whole range")
            << QByteArray("9007199254740992") << int64Min << int64Max
            << std::optional<qint64>(9007199254740992LL) << false;
        QTest::newRow("-2^63 in the whole range")
            << QByteArray("-9223372036854775808") << int64Min << int64Max
            << std::optional<qint64>(int64Min) << false;
        // Found by fuzzing: double(2^63 - 1) is 2^63, which passed the bound and was converted
        // to an integer through undefined behaviour.
        QTest::newRow("2^63 - 1 in the whole range")
            << QByteArray("9223372036854775807") << int64Min << int64Max << std::optional<qint64>()
            << true;
        QTest::newRow("1e300 up to the largest bound")
            << QByteArray("1e300") << 0LL << int64Max << std::optional<qint64>() << true;
        QTest::newRow("-1e300 from the smallest bound")
            << QByteArray("-1e300") << int64Min << 0LL << std::optional<qint64>() << true;
    }
    void integersAreWholeAndWithinBounds()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, min);
        QFETCH(qint64, max);
        QFETCH(std::optional<qint64>, expected);
        QFETCH(bool, refused);
        const QJsonObject object = QJsonDocument::fromJson("{\"n\":" + value + '}').object();
        const auto read = JsonBody::from(object).optionalInt(u"n"_s, min, max);
        QCOMPARE(!read.ok(), refused);
        if (refused) {
            QCOMPARE(read.error().kind, vox::ErrorKind::BadInput);
            QCOMPARE(read.error().subject, u"n"_s);
        } else {
            QCOMPARE(*read, expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonBody)
#include "tst_jsonbody.moc"
