// PII redaction of call transcripts: SSNs, card numbers (Luhn) and dates of birth go; phone
// numbers, appointment dates and ordinary numbers stay.
#include "core/pii.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestPii : public QObject
{
    Q_OBJECT

    const QDate m_today{2026, 1, 25};

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

    void redacts_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("ssns");
        QTest::addColumn<int>("cards");
        QTest::addColumn<int>("dobs");

        QTest::newRow("ssn with dashes")
            << u"My social is 123-45-6789, thanks."_s << u"My social is [REDACTED SSN], thanks."_s
            << 1 << 0 << 0;
        QTest::newRow("ssn with spaces")
            << u"it's 123 45 6789"_s << u"it's [REDACTED SSN]"_s << 1 << 0 << 0;
        QTest::newRow("bare nine digits after 'social security'")
            << u"social security number 123456789"_s << u"social security number [REDACTED SSN]"_s
            << 1 << 0 << 0;
        QTest::newRow("bare nine digits without a cue stay")
            << u"order 123456789 shipped"_s << u"order 123456789 shipped"_s << 0 << 0 << 0;
        QTest::newRow("impossible ssn area 000 stays")
            << u"code 000-12-3456"_s << u"code 000-12-3456"_s << 0 << 0 << 0;
        QTest::newRow("impossible ssn area 666 stays")
            << u"code 666-12-3456"_s << u"code 666-12-3456"_s << 0 << 0 << 0;
        QTest::newRow("card grouped by spaces") << u"card 4111 1111 1111 1111 please"_s
                                                << u"card [REDACTED CARD] please"_s << 0 << 1 << 0;
        QTest::newRow("card grouped by dashes")
            << u"5555-5555-5555-4444"_s << u"[REDACTED CARD]"_s << 0 << 1 << 0;
        QTest::newRow("card in one piece")
            << u"378282246310005"_s << u"[REDACTED CARD]"_s << 0 << 1 << 0;
        QTest::newRow("card followed by its expiry")
            << u"4111 1111 1111 1111 12 27"_s << u"[REDACTED CARD] 12 27"_s << 0 << 1 << 0;
        QTest::newRow("sixteen digits failing Luhn stay")
            << u"ref 4111 1111 1111 1112"_s << u"ref 4111 1111 1111 1112"_s << 0 << 0 << 0;
        QTest::newRow("phone number stays")
            << u"call me at +1 555 123 4567"_s << u"call me at +1 555 123 4567"_s << 0 << 0 << 0;
        QTest::newRow("dashed phone number stays")
            << u"555-123-4567"_s << u"555-123-4567"_s << 0 << 0 << 0;
        QTest::newRow("dob after 'born'") << u"I was born on March 3, 1985."_s
                                          << u"I was born on [REDACTED DOB]."_s << 0 << 0 << 1;
        QTest::newRow("dob numeric after 'date of birth'")
            << u"date of birth 04/12/1990"_s << u"date of birth [REDACTED DOB]"_s << 0 << 0 << 1;
        QTest::newRow("birthday without a year")
            << u"my birthday is the 3rd of March"_s << u"my birthday is the [REDACTED DOB]"_s << 0
            << 0 << 1;
        QTest::newRow("old full date without a cue")
            << u"that was 1979-11-02"_s << u"that was [REDACTED DOB]"_s << 0 << 0 << 1;
        QTest::newRow("two-digit year of the last century")
            << u"it's 7/4/85"_s << u"it's [REDACTED DOB]"_s << 0 << 0 << 1;
        QTest::newRow("appointment date stays")
            << u"Can I come in on March 14, 2026 at 10?"_s
            << u"Can I come in on March 14, 2026 at 10?"_s << 0 << 0 << 0;
        QTest::newRow("iso appointment date stays")
            << u"booked for 2026-02-03"_s << u"booked for 2026-02-03"_s << 0 << 0 << 0;
        QTest::newRow("month and day without a cue stay")
            << u"next Friday, May 5th works"_s << u"next Friday, May 5th works"_s << 0 << 0 << 0;
        QTest::newRow("everything at once")
            << u"SSN 123-45-6789, DOB 01/02/1970, card 4111111111111111."_s
            << u"SSN [REDACTED SSN], DOB [REDACTED DOB], card [REDACTED CARD]."_s << 1 << 1 << 1;
        QTest::newRow("empty") << QString() << QString() << 0 << 0 << 0;
    }
    void redacts()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(int, ssns);
        QFETCH(int, cards);
        QFETCH(int, dobs);
        const vox::pii::Redaction r = vox::pii::redact(input, m_today);
        QCOMPARE(r.text, expected);
        QCOMPARE(r.ssns, ssns);
        QCOMPARE(r.cards, cards);
        QCOMPARE(r.birthDates, dobs);
        QCOMPARE(r.total(), ssns + cards + dobs);
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
        const QJsonObject out = vox::pii::redactJson(message, m_today, &found).toObject();
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
