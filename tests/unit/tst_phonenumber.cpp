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
        QTest::addColumn<QString>("country");  // the clinic's; empty: international forms only
        QTest::addColumn<QString>("expected"); // empty: rejected
        QTest::addColumn<QString>("reasonContains");
        const QString us = u"US"_s;

        // International forms read the same in any country.
        QTest::newRow("US with brackets and dash")
            << u"+1 (555) 123-4567"_s << us << u"+15551234567"_s << QString();
        QTest::newRow("already E.164") << u"+15551234567"_s << us << u"+15551234567"_s << QString();
        QTest::newRow("UK with spaces")
            << u"+44 20 7946 0958"_s << us << u"+442079460958"_s << QString();
        QTest::newRow("UK with its bracketed trunk 0")
            << u"+44 (0)20 7946 0958"_s << us << u"+442079460958"_s << QString();
        QTest::newRow("dots") << u"+1.555.010.9999"_s << us << u"+15550109999"_s << QString();
        QTest::newRow("surrounding blanks")
            << u"  +15551234567 "_s << us << u"+15551234567"_s << QString();
        QTest::newRow("shortest (7 digits)") << u"+1234567"_s << us << u"+1234567"_s << QString();
        QTest::newRow("longest (15 digits)")
            << u"+123456789012345"_s << us << u"+123456789012345"_s << QString();
        QTest::newRow("a provider's E.164 without a country")
            << u"+17735550124"_s << QString() << u"+17735550124"_s << QString();

        // National forms, read in the clinic's country.
        QTest::newRow("US as the app shows it")
            << u"(555) 201-7788"_s << us << u"+15552017788"_s << QString();
        QTest::newRow("US brackets") << u"(773) 555-0124"_s << us << u"+17735550124"_s << QString();
        QTest::newRow("US dashes") << u"773-555-0124"_s << us << u"+17735550124"_s << QString();
        QTest::newRow("US dots") << u"773.555.0124"_s << us << u"+17735550124"_s << QString();
        QTest::newRow("US with trunk 1")
            << u"1 773 555 0124"_s << us << u"+17735550124"_s << QString();
        QTest::newRow("US ten bare digits")
            << u"7735550124"_s << us << u"+17735550124"_s << QString();
        QTest::newRow("US eleven bare digits")
            << u"17735550124"_s << us << u"+17735550124"_s << QString();
        QTest::newRow("US non-breaking spaces")
            << u"(773)\u00A0555-0124"_s << us << u"+17735550124"_s << QString();
        QTest::newRow("demo 555 number with exchange 010")
            << u"(555) 010-0005"_s << us << u"+15550100005"_s << QString();
        QTest::newRow("US dialling abroad")
            << u"011 44 20 7946 0958"_s << us << u"+442079460958"_s << QString();
        QTest::newRow("Canada") << u"(416) 555-0199"_s << u"CA"_s << u"+14165550199"_s << QString();
        QTest::newRow("UK with trunk 0")
            << u"020 7946 0958"_s << u"GB"_s << u"+442079460958"_s << QString();
        QTest::newRow("UK mobile")
            << u"07700 900123"_s << u"GB"_s << u"+447700900123"_s << QString();
        QTest::newRow("UK dialling the US")
            << u"00 1 773 555 0124"_s << u"GB"_s << u"+17735550124"_s << QString();
        QTest::newRow("Spain") << u"912 34 56 78"_s << u"ES"_s << u"+34912345678"_s << QString();
        QTest::newRow("Mexico") << u"55 1234 5678"_s << u"MX"_s << u"+525512345678"_s << QString();
        QTest::newRow("Australia")
            << u"(02) 9876 5432"_s << u"AU"_s << u"+61298765432"_s << QString();
        QTest::newRow("France") << u"01 23 45 67 89"_s << u"FR"_s << u"+33123456789"_s << QString();

        // Refused, each with its reason.
        QTest::newRow("national form without a country")
            << u"(773) 555-0124"_s << QString() << QString() << u"Start with '+'"_s;
        QTest::newRow("national form in an unknown country")
            << u"(773) 555-0124"_s << u"ZZ"_s << QString() << u"Start with '+'"_s;
        QTest::newRow("empty") << QString() << us << QString() << u"Enter a phone number"_s;
        QTest::newRow("only punctuation")
            << u"( ) -"_s << us << QString() << u"Enter a phone number"_s;
        QTest::newRow("letters") << u"+1 555 CALL NOW"_s << us << QString()
                                 << u"only contain digits"_s;
        QTest::newRow("national letters")
            << u"555-CALL-NOW"_s << us << QString() << u"only contain digits"_s;
        QTest::newRow("country code 0")
            << u"+0155512345"_s << us << QString() << u"never starts with 0"_s;
        QTest::newRow("too short") << u"+123456"_s << us << QString() << u"too short"_s;
        QTest::newRow("too long") << u"+1234567890123456"_s << us << QString() << u"too long"_s;
        QTest::newRow("plus in the middle")
            << u"+1555+1234567"_s << us << QString() << u"only come first"_s;
        QTest::newRow("US without the area code")
            << u"555-0124"_s << us << QString() << u"10 digits, area code included"_s;
        QTest::newRow("US one digit too many")
            << u"773-555-01245"_s << us << QString() << u"too long for a North American"_s;
        QTest::newRow("US area code starting with 0")
            << u"(073) 555-0124"_s << us << QString() << u"area code never starts with 0 or 1"_s;
        QTest::newRow("US ten digits starting with 1")
            << u"1735550124"_s << us << QString() << u"area code never starts with 0 or 1"_s;
        QTest::newRow("UK too short")
            << u"020 7946"_s << u"GB"_s << QString() << u"too short: include the area code"_s;
        QTest::newRow("Spain too long")
            << u"912 34 56 789"_s << u"ES"_s << QString() << u"too long for the clinic's country"_s;
    }
    void normalizesWhatPeopleType()
    {
        QFETCH(QString, typed);
        QFETCH(QString, country);
        QFETCH(QString, expected);
        QFETCH(QString, reasonContains);
        const auto result = vox::phone::normalize(typed, country);
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

    // What the console shows is what it accepts back.
    void readsBackWhatItDisplays_data()
    {
        QTest::addColumn<QString>("number");
        QTest::newRow("demo") << u"+15552017788"_s;
        QTest::newRow("Chicago") << u"+17735550124"_s;
        QTest::newRow("UK") << u"+442079460958"_s;
    }
    void readsBackWhatItDisplays()
    {
        QFETCH(QString, number);
        const auto read = vox::phone::normalize(vox::phone::display(number), u"US"_s);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.errorMessage()));
        QCOMPARE(read.value(), number);
    }

    void everyCountryIsUsable_data()
    {
        QTest::addColumn<QString>("iso");
        for (const vox::phone::Country &c : vox::phone::countries())
            QTest::newRow(qPrintable(c.iso)) << c.iso;
    }
    void everyCountryIsUsable()
    {
        QFETCH(QString, iso);
        const auto c = vox::phone::country(iso);
        QVERIFY(c);
        QCOMPARE(iso.size(), 2);
        QVERIFY(c->minDigits > 0 && c->minDigits <= c->maxDigits);
        QVERIFY(!c->exitPrefixes.isEmpty());
        QVERIFY(vox::phone::country(vox::phone::defaultClinicCountry()));
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

    // The form a number is edited in: as readable as the table beside it, yet with its country
    // code, so it reads back to the same number without guessing a country.
    void editsNumbersReadablyWithTheirCountryCode_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("shown");
        QTest::newRow("US") << u"+15125550199"_s << u"+1 (512) 555-0199"_s;
        QTest::newRow("Canada") << u"+14165550199"_s << u"+1 (416) 555-0199"_s;
        QTest::newRow("UK stays E.164") << u"+442079460958"_s << u"+442079460958"_s;
        QTest::newRow("Spain stays E.164") << u"+34912345678"_s << u"+34912345678"_s;
    }
    void editsNumbersReadablyWithTheirCountryCode()
    {
        QFETCH(QString, number);
        QFETCH(QString, shown);
        QCOMPARE(vox::phone::editable(number), shown);
        const auto read = vox::phone::normalize(shown, QString());
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.errorMessage()));
        QCOMPARE(read.value(), number);
    }

    void masksAllButTheEnds()
    {
        QCOMPARE(vox::phone::masked(u"+15551234567"_s), u"+155••••4567"_s);
        QVERIFY(!vox::phone::masked(u"+15551234567"_s).contains(u"5551234"_s));
    }
};

QTEST_APPLESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
