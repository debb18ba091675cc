#include "core/phonenumber.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestPhoneNumber : public QObject
{
    Q_OBJECT

private slots:
    void normalizesWhatPeopleType_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected"); // empty: rejected
        QTest::addColumn<QString>("reasonContains");

        QTest::newRow("US with brackets and dash")
            << u"+1 (555) 123-4567"_s << u"+15551234567"_s << QString();
        QTest::newRow("already E.164") << u"+15551234567"_s << u"+15551234567"_s << QString();
        QTest::newRow("UK with spaces") << u"+44 20 7946 0958"_s << u"+442079460958"_s << QString();
        QTest::newRow("dots") << u"+1.555.010.9999"_s << u"+15550109999"_s << QString();
        QTest::newRow("surrounding blanks")
            << u"  +15551234567 "_s << u"+15551234567"_s << QString();
        QTest::newRow("shortest (7 digits)") << u"+1234567"_s << u"+1234567"_s << QString();
        QTest::newRow("longest (15 digits)")
            << u"+123456789012345"_s << u"+123456789012345"_s << QString();
        QTest::newRow("missing plus") << u"15551234567"_s << QString() << u"Start with '+'"_s;
        QTest::newRow("empty") << QString() << QString() << u"Enter a phone number"_s;
        QTest::newRow("letters") << u"+1 555 CALL NOW"_s << QString() << u"only contain digits"_s;
        QTest::newRow("country code 0")
            << u"+0155512345"_s << QString() << u"never starts with 0"_s;
        QTest::newRow("too short") << u"+123456"_s << QString() << u"too short"_s;
        QTest::newRow("too long") << u"+1234567890123456"_s << QString() << u"too long"_s;
        QTest::newRow("plus in the middle")
            << u"+1555+1234567"_s << QString() << u"only come first"_s;
    }
    void normalizesWhatPeopleType()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        QFETCH(QString, reasonContains);
        const auto result = vox::phone::normalize(typed);
        if (expected.isEmpty()) {
            QVERIFY2(!result.ok(), qPrintable(typed));
            QVERIFY2(result.errorMessage().contains(reasonContains),
                     qPrintable(result.errorMessage()));
        } else {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.errorMessage()));
            QCOMPARE(result.value(), expected);
            QVERIFY(vox::phone::isE164(result.value()));
        }
    }

    void validatesStrictE164_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("valid");
        QTest::newRow("valid") << u"+15551234567"_s << true;
        QTest::newRow("spaces") << u"+1 555 123 4567"_s << false;
        QTest::newRow("no plus") << u"15551234567"_s << false;
        QTest::newRow("leading zero") << u"+05551234567"_s << false;
        QTest::newRow("dash") << u"+1-555-123-4567"_s << false;
    }
    void validatesStrictE164()
    {
        QFETCH(QString, number);
        QFETCH(bool, valid);
        QCOMPARE(vox::phone::isE164(number), valid);
    }

    void displaysNumbersTheWayTheyAreWritten_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("shown");
        QTest::newRow("US") << u"+15125550101"_s << u"(512) 555-0101"_s;
        QTest::newRow("Canada") << u"+14165550199"_s << u"(416) 555-0199"_s;
        QTest::newRow("UK stays E.164") << u"+442079460958"_s << u"+442079460958"_s;
        QTest::newRow("Spain stays E.164") << u"+34912345678"_s << u"+34912345678"_s;
        QTest::newRow("+1 too short") << u"+1512555010"_s << u"+1512555010"_s;
        QTest::newRow("not a number") << u"Anonymous"_s << u"Anonymous"_s;
        QTest::newRow("empty") << QString() << QString();
    }
    void displaysNumbersTheWayTheyAreWritten()
    {
        QFETCH(QString, number);
        QFETCH(QString, shown);
        QCOMPARE(vox::phone::display(number), shown);
    }

    void masksAllButTheEnds()
    {
        QCOMPARE(vox::phone::masked(u"+15551234567"_s), u"+155••••4567"_s);
        QVERIFY(!vox::phone::masked(u"+15551234567"_s).contains(u"5551234"_s));
    }
};

QTEST_APPLESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
