#include "core/twiliosignature.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace vox::twilio;

class TestTwilioSignature : public QObject
{
    Q_OBJECT

private slots:
    // Twilio posts application/x-www-form-urlencoded: '+' is a space, %XX a byte of UTF-8,
    // every pair is kept in order (the signature covers repeated names too).
    void formBodiesAreReadAsTwilioSendsThem_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<FormParameters>("expected");
        QTest::newRow("pairs") << QByteArray("CallSid=CA1&To=%2B18005551212")
                               << FormParameters{{u"CallSid"_s, u"CA1"_s},
                                                 {u"To"_s, u"+18005551212"_s}};
        QTest::newRow("plus is a space") << QByteArray("Caller+Name=Ada+Lovelace")
                                         << FormParameters{{u"Caller Name"_s, u"Ada Lovelace"_s}};
        QTest::newRow("UTF-8") << QByteArray("City=Z%C3%BCrich")
                               << FormParameters{{u"City"_s, u"Zürich"_s}};
        QTest::newRow("a name without a value")
            << QByteArray("Digits") << FormParameters{{u"Digits"_s, QString()}};
        QTest::newRow("an '=' in the value")
            << QByteArray("a=b=c") << FormParameters{{u"a"_s, u"b=c"_s}};
        QTest::newRow("empty pairs are skipped")
            << QByteArray("&&a=1&&") << FormParameters{{u"a"_s, u"1"_s}};
        QTest::newRow("a repeated name is kept twice")
            << QByteArray("a=1&a=2") << FormParameters{{u"a"_s, u"1"_s}, {u"a"_s, u"2"_s}};
        QTest::newRow("nothing") << QByteArray() << FormParameters{};
    }
    void formBodiesAreReadAsTwilioSendsThem()
    {
        QFETCH(QByteArray, body);
        QFETCH(FormParameters, expected);
        QCOMPARE(formParameters(body), expected);
    }

    // Twilio's documentation example (auth token 12345): only that signature over that URL and
    // those parameters matches.
    void onlyTheSignatureOfThisRequestMatches_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<bool>("matches");
        const QString url = u"https://mycompany.com/myapp.php?foo=1&bar=2"_s;
        const QByteArray published = "GvWf1cFY/Q7PnoempGyD5oXAezc=";
        QTest::newRow("the published example") << u"12345"_s << url << published << true;
        QTest::newRow("another token") << u"12346"_s << url << published << false;
        QTest::newRow("another URL") << u"12345"_s << url + u"&baz=3"_s << published << false;
        QTest::newRow("a truncated signature")
            << u"12345"_s << url << published.chopped(1) << false;
        QTest::newRow("no signature") << u"12345"_s << url << QByteArray() << false;
        QTest::newRow("an account without a token") << QString() << url << published << false;
    }
    void onlyTheSignatureOfThisRequestMatches()
    {
        QFETCH(QString, token);
        QFETCH(QString, url);
        QFETCH(QByteArray, sent);
        QFETCH(bool, matches);
        const FormParameters parameters = formParameters(
            "To=%2B18005551212&CallSid=CA1234567890ABCDE&From=%2B14158675310&Digits=1234&"
            "Caller=%2B14158675310");
        QCOMPARE(twilioSignatureMatches(token, url, parameters, sent), matches);
    }
};

QTEST_GUILESS_MAIN(TestTwilioSignature)
#include "tst_twiliosignature.moc"
