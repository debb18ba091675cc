// PII redaction of free text by the categories a clinic chose: SSNs, card numbers (Luhn), dates
// of birth, phone numbers, e-mail addresses, street addresses and medical ids go when chosen;
// appointment dates, times, prices and ordinary numbers stay.
#include "core/pii.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestPii : public QObject
{
    Q_OBJECT

    const QDate m_today{2026, 1, 25};

    static vox::pii::Categories categories(const QString &chosen)
    {
        if (chosen == u"all")
            return vox::pii::defaultCategories();
        vox::pii::Categories out;
        if (chosen == u"none")
            return out;
        for (const QString &name : chosen.split(u','))
            out |= *vox::pii::categoryFromName(name);
        return out;
    }

private slots:
    void luhn_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<bool>("valid");
        QTest::newRow("visa test card") << u"4111111111111111"_s << true;
        QTest::newRow("mastercard test card") << u"5555555555554444"_s << true;
        QTest::newRow("amex test card (15)") << u"378282246310005"_s << true;
        QTest::newRow("one digit off") << u"4111111111111112"_s << false;
        QTest::newRow("not digits") << u"41111111111x1111"_s << false;
        QTest::newRow("empty") << QString() << false;
    }
    void luhn()
    {
        QFETCH(QString, digits);
        QFETCH(bool, valid);
        QCOMPARE(vox::pii::luhnValid(digits), valid);
    }

    // Each row: the categories the clinic chose ("all", "none" or names joined by commas), what
    // was said, and what is kept. Rows come in pairs per category: found when chosen, kept when
    // not, and the near misses each rule must leave alone.
    void redacts_data()
    {
        QTest::addColumn<QString>("chosen");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");

        // SSN
        QTest::newRow("ssn with dashes") << u"all"_s << u"My social is 123-45-6789, thanks."_s
                                         << u"My social is [REDACTED SSN], thanks."_s;
        QTest::newRow("ssn with spaces")
            << u"ssn"_s << u"it's 123 45 6789"_s << u"it's [REDACTED SSN]"_s;
        QTest::newRow("bare nine digits after 'social security'")
            << u"ssn"_s << u"social security number 123456789"_s
            << u"social security number [REDACTED SSN]"_s;
        QTest::newRow("ssn stays when ssn is off")
            << u"card,dob,email,address,medical_id"_s << u"My social is 123-45-6789"_s
            << u"My social is 123-45-6789"_s;
        QTest::newRow("bare nine digits without a cue stay")
            << u"all"_s << u"order 123456789 shipped"_s << u"order 123456789 shipped"_s;
        QTest::newRow("impossible ssn area 000 stays")
            << u"ssn"_s << u"code 000-12-3456"_s << u"code 000-12-3456"_s;
        QTest::newRow("impossible ssn area 666 stays")
            << u"ssn"_s << u"code 666-12-3456"_s << u"code 666-12-3456"_s;

        // Card
        QTest::newRow("card grouped by spaces")
            << u"all"_s << u"card 4111 1111 1111 1111 please"_s << u"card [REDACTED CARD] please"_s;
        QTest::newRow("card grouped by dashes")
            << u"card"_s << u"5555-5555-5555-4444"_s << u"[REDACTED CARD]"_s;
        QTest::newRow("card in one piece")
            << u"card"_s << u"378282246310005"_s << u"[REDACTED CARD]"_s;
        QTest::newRow("card followed by its expiry")
            << u"all"_s << u"4111 1111 1111 1111 12 27"_s << u"[REDACTED CARD] 12 27"_s;
        QTest::newRow("card stays when card is off, and no other rule takes it")
            << u"ssn,dob,phone,email,address,medical_id"_s << u"card 4111 1111 1111 1111"_s
            << u"card 4111 1111 1111 1111"_s;
        QTest::newRow("sixteen digits failing Luhn stay")
            << u"card"_s << u"ref 4111 1111 1111 1112"_s << u"ref 4111 1111 1111 1112"_s;

        // Date of birth
        QTest::newRow("dob after 'born'")
            << u"all"_s << u"I was born on March 3, 1985."_s << u"I was born on [REDACTED DOB]."_s;
        QTest::newRow("dob numeric after 'date of birth'")
            << u"dob"_s << u"date of birth 04/12/1990"_s << u"date of birth [REDACTED DOB]"_s;
        QTest::newRow("birthday without a year") << u"dob"_s << u"my birthday is the 3rd of March"_s
                                                 << u"my birthday is the [REDACTED DOB]"_s;
        QTest::newRow("old full date without a cue")
            << u"dob"_s << u"that was 1979-11-02"_s << u"that was [REDACTED DOB]"_s;
        QTest::newRow("two-digit year of the last century")
            << u"dob"_s << u"it's 7/4/85"_s << u"it's [REDACTED DOB]"_s;
        QTest::newRow("dob stays when dob is off")
            << u"ssn,card,phone,email,address,medical_id"_s << u"I was born on March 3, 1985."_s
            << u"I was born on March 3, 1985."_s;
        QTest::newRow("appointment date and time stay")
            << u"all"_s << u"Can I come in on March 14, 2026 at 10:30?"_s
            << u"Can I come in on March 14, 2026 at 10:30?"_s;
        QTest::newRow("appointment date stays when dob is off")
            << u"ssn,card,phone,email,address,medical_id"_s << u"booked for 2026-02-03 at 9:15"_s
            << u"booked for 2026-02-03 at 9:15"_s;
        QTest::newRow("iso appointment date stays")
            << u"all"_s << u"booked for 2026-02-03"_s << u"booked for 2026-02-03"_s;
        QTest::newRow("month and day without a cue stay")
            << u"all"_s << u"next Friday, May 5th works"_s << u"next Friday, May 5th works"_s;

        // Phone
        QTest::newRow("phone with country code and spaces")
            << u"phone"_s << u"call me at +1 555 123 4567"_s << u"call me at [REDACTED PHONE]"_s;
        QTest::newRow("dashed phone") << u"phone"_s << u"my wife's number is 555-123-4567."_s
                                      << u"my wife's number is [REDACTED PHONE]."_s;
        QTest::newRow("phone with parentheses")
            << u"all"_s << u"(555) 123-4567 is my cell"_s << u"[REDACTED PHONE] is my cell"_s;
        QTest::newRow("phone with dots")
            << u"all"_s << u"try 555.123.4567"_s << u"try [REDACTED PHONE]"_s;
        QTest::newRow("phone in E.164") << u"phone"_s << u"+15551234567"_s << u"[REDACTED PHONE]"_s;
        QTest::newRow("international phone")
            << u"phone"_s << u"in Madrid +34 912 345 678"_s << u"in Madrid [REDACTED PHONE]"_s;
        QTest::newRow("phone stays when phone is off")
            << u"ssn,card,dob,email,address,medical_id"_s << u"call me at +1 555 123 4567"_s
            << u"call me at +1 555 123 4567"_s;
        QTest::newRow("times stay") << u"all"_s << u"between 10:30 and 11:45 or at 2:00 pm"_s
                                    << u"between 10:30 and 11:45 or at 2:00 pm"_s;
        QTest::newRow("prices stay") << u"all"_s << u"a crown is $1,250.00, cleaning $120"_s
                                     << u"a crown is $1,250.00, cleaning $120"_s;
        QTest::newRow("short numbers stay") << u"all"_s << u"room 204, 3 fillings, code 55123"_s
                                            << u"room 204, 3 fillings, code 55123"_s;

        // E-mail
        QTest::newRow("written e-mail") << u"email"_s << u"it's jane.doe+x@example.co.uk, ok?"_s
                                        << u"it's [REDACTED EMAIL], ok?"_s;
        QTest::newRow("spoken e-mail")
            << u"all"_s << u"it's jane dot doe at gmail dot com"_s << u"it's [REDACTED EMAIL]"_s;
        QTest::newRow("e-mail with digits is not taken for a phone")
            << u"all"_s << u"mail 5551234567@example.com"_s << u"mail [REDACTED EMAIL]"_s;
        QTest::newRow("e-mail stays when e-mail is off")
            << u"ssn,card,dob,phone,address,medical_id"_s << u"mail jane@example.com"_s
            << u"mail jane@example.com"_s;
        QTest::newRow("'at' in a sentence stays")
            << u"all"_s << u"see you at noon, the clinic."_s << u"see you at noon, the clinic."_s;

        // Street address
        QTest::newRow("street address")
            << u"address"_s << u"I live at 42 Oak Street."_s << u"I live at [REDACTED ADDRESS]."_s;
        QTest::newRow("address with direction, ordinal and apartment")
            << u"all"_s << u"send it to 1200 N 5th Ave, Apt 3B please"_s
            << u"send it to [REDACTED ADDRESS] please"_s;
        QTest::newRow("address with abbreviation")
            << u"address"_s << u"at 7 Maple Ln."_s << u"at [REDACTED ADDRESS]"_s;
        QTest::newRow("po box") << u"address"_s << u"mail to PO Box 1234"_s
                                << u"mail to [REDACTED ADDRESS]"_s;
        QTest::newRow("address stays when address is off")
            << u"ssn,card,dob,phone,email,medical_id"_s << u"I live at 42 Oak Street."_s
            << u"I live at 42 Oak Street."_s;
        QTest::newRow("counted things in lower case stay")
            << u"all"_s << u"it's a 2 hour drive, 3 blocks down the street"_s
            << u"it's a 2 hour drive, 3 blocks down the street"_s;
        QTest::newRow("time before a doctor's name stays")
            << u"all"_s << u"at 10:30 Dr Smith sees you"_s << u"at 10:30 Dr Smith sees you"_s;

        // Medical id
        QTest::newRow("medical record number")
            << u"medical_id"_s << u"my MRN is 00482913."_s << u"my MRN is [REDACTED MEDICAL ID]."_s;
        QTest::newRow("medical record number spelled out")
            << u"all"_s << u"medical record number: A-123456"_s
            << u"medical record number: [REDACTED MEDICAL ID]"_s;
        QTest::newRow("insurance member id") << u"all"_s << u"member ID XJH48291733 for Aetna"_s
                                             << u"member ID [REDACTED MEDICAL ID] for Aetna"_s;
        QTest::newRow("medicare number") << u"all"_s << u"Medicare number 1EG4-TE5-MK73"_s
                                         << u"Medicare number [REDACTED MEDICAL ID]"_s;
        QTest::newRow("medical id stays when medical id is off")
            << u"ssn,card,dob,phone,email,address"_s << u"my MRN is 00482913."_s
            << u"my MRN is 00482913."_s;
        QTest::newRow("a small patient count stays")
            << u"all"_s << u"you are patient number 12 today"_s
            << u"you are patient number 12 today"_s;

        // Together
        QTest::newRow("everything at once")
            << u"all"_s
            << u"SSN 123-45-6789, DOB 01/02/1970, card 4111111111111111, 555-123-4567, "
               "a@b.org, 9 Elm St, MRN 778899."_s
            << u"SSN [REDACTED SSN], DOB [REDACTED DOB], card [REDACTED CARD], [REDACTED PHONE], "
               "[REDACTED EMAIL], [REDACTED ADDRESS], MRN [REDACTED MEDICAL ID]."_s;
        QTest::newRow("nothing chosen keeps everything")
            << u"none"_s << u"SSN 123-45-6789, 555-123-4567, a@b.org"_s
            << u"SSN 123-45-6789, 555-123-4567, a@b.org"_s;
        QTest::newRow("empty") << u"all"_s << QString() << QString();
    }
    void redacts()
    {
        QFETCH(QString, chosen);
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const vox::pii::Redaction r = vox::pii::redact(input, m_today, categories(chosen));
        QCOMPARE(r.text, expected);
        QCOMPARE(r.total(), int(expected.count(u"[REDACTED"_s)));
    }

    void categoryNamesRoundTrip()
    {
        const QStringList names{u"ssn"_s,   u"card"_s,    u"dob"_s,       u"phone"_s,
                                u"email"_s, u"address"_s, u"medical_id"_s};
        QCOMPARE(vox::pii::categoryNames(vox::pii::defaultCategories()), names);
        for (const QString &name : names)
            QCOMPARE(vox::pii::categoryName(*vox::pii::categoryFromName(name)), name);
        QVERIFY(!vox::pii::categoryFromName(u"passport"_s));
    }

    void redactsEveryStringInJson()
    {
        const QJsonObject message{
            {u"role"_s, u"user"_s},
            {u"message"_s, u"my card is 4111 1111 1111 1111"_s},
            {u"time"_s, 1769350000000.0},
            {u"toolCalls"_s,
             QJsonArray{QJsonObject{{u"arguments"_s, u"{\"dob\":\"born 1980-02-03\"}"_s}}}}};
        int found = 0;
        const QJsonObject out =
            vox::pii::redactJson(message, m_today, vox::pii::defaultCategories(), &found)
                .toObject();
        QCOMPARE(found, 2);
        QCOMPARE(out.value(u"role"_s).toString(), u"user"_s);
        QCOMPARE(out.value(u"message"_s).toString(), u"my card is [REDACTED CARD]"_s);
        QCOMPARE(out.value(u"time"_s).toDouble(), 1769350000000.0);
        QVERIFY(out.value(u"toolCalls"_s)
                    .toArray()
                    .first()
                    .toObject()
                    .value(u"arguments"_s)
                    .toString()
                    .contains(u"[REDACTED DOB]"_s));
    }

    void redactingTwiceChangesNothing()
    {
        const QString once =
            vox::pii::redact(u"SSN 123-45-6789 card 4111111111111111 born 1/2/1970"_s, m_today)
                .text;
        const vox::pii::Redaction twice = vox::pii::redact(once, m_today);
        QCOMPARE(twice.text, once);
        QCOMPARE(twice.total(), 0);
    }
};

QTEST_APPLESS_MAIN(TestPii)
#include "tst_pii.moc"
