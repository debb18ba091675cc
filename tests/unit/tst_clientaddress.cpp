// The client address behind a reverse proxy: forwarding headers count only from trusted proxies,
// and whatever cannot be believed falls back to the proxy's own address.
#include "server/http/clientaddress.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::http::TrustedProxies;

class TestClientAddress : public QObject
{
    Q_OBJECT

private slots:
    void resolvesTheClient_data()
    {
        QTest::addColumn<QString>("trusted");
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QByteArray>("xff");
        QTest::addColumn<QByteArray>("forwarded");
        QTest::addColumn<QString>("client");

        const QString proxies = u"10.0.0.5, 192.168.0.0/16, ::1, fd00::/8"_s;
        // Headers from anyone else are ignored.
        QTest::newRow("no proxies trusted: headers ignored")
            << QString() << u"10.0.0.5"_s << QByteArray("203.0.113.9") << QByteArray()
            << u"10.0.0.5"_s;
        QTest::newRow("untrusted peer: XFF ignored")
            << proxies << u"198.51.100.1"_s << QByteArray("203.0.113.9") << QByteArray()
            << u"198.51.100.1"_s;
        QTest::newRow("untrusted peer: Forwarded ignored")
            << proxies << u"198.51.100.1"_s << QByteArray() << QByteArray("for=203.0.113.9")
            << u"198.51.100.1"_s;
        QTest::newRow("untrusted peer, no headers")
            << proxies << u"198.51.100.1"_s << QByteArray() << QByteArray() << u"198.51.100.1"_s;
        QTest::newRow("peer next to a trusted range is not in it")
            << u"10.0.0.0/24"_s << u"10.0.1.1"_s << QByteArray("203.0.113.9") << QByteArray()
            << u"10.0.1.1"_s;
        // A trusted proxy speaks for its client.
        QTest::newRow("trusted peer without headers is the client")
            << proxies << u"10.0.0.5"_s << QByteArray() << QByteArray() << u"10.0.0.5"_s;
        QTest::newRow("XFF one hop") << proxies << u"10.0.0.5"_s << QByteArray("203.0.113.9")
                                     << QByteArray() << u"203.0.113.9"_s;
        QTest::newRow("XFF with spaces")
            << proxies << u"10.0.0.5"_s << QByteArray("  203.0.113.9  ") << QByteArray()
            << u"203.0.113.9"_s;
        QTest::newRow("trusted peer in a CIDR range")
            << proxies << u"192.168.44.2"_s << QByteArray("203.0.113.9") << QByteArray()
            << u"203.0.113.9"_s;
        QTest::newRow("IPv6 loopback proxy")
            << proxies << u"::1"_s << QByteArray("2001:db8::7") << QByteArray() << u"2001:db8::7"_s;
        QTest::newRow("IPv4-mapped peer counts as IPv4")
            << proxies << u"::ffff:10.0.0.5"_s << QByteArray("203.0.113.9") << QByteArray()
            << u"203.0.113.9"_s;
        QTest::newRow("IPv4-mapped hop reported as IPv4")
            << proxies << u"10.0.0.5"_s << QByteArray("::ffff:203.0.113.9") << QByteArray()
            << u"203.0.113.9"_s;
        QTest::newRow("IPv6 range fd00::/8")
            << proxies << u"fd12::1"_s << QByteArray("198.51.100.20") << QByteArray()
            << u"198.51.100.20"_s;
        // The chain is walked from the right; only trusted hops are skipped.
        QTest::newRow("XFF: rightmost untrusted hop wins over a forged left")
            << proxies << u"10.0.0.5"_s << QByteArray("1.2.3.4, 203.0.113.9") << QByteArray()
            << u"203.0.113.9"_s;
        QTest::newRow("XFF: trusted inner proxy skipped")
            << proxies << u"10.0.0.5"_s << QByteArray("203.0.113.9, 192.168.1.1") << QByteArray()
            << u"203.0.113.9"_s;
        QTest::newRow("XFF: two trusted hops skipped")
            << proxies << u"10.0.0.5"_s << QByteArray("203.0.113.9,192.168.1.1,10.0.0.5")
            << QByteArray() << u"203.0.113.9"_s;
        QTest::newRow("XFF: every hop trusted, the first one is the client")
            << proxies << u"10.0.0.5"_s << QByteArray("192.168.3.3, 192.168.1.1") << QByteArray()
            << u"192.168.3.3"_s;
        QTest::newRow("XFF: forged trusted-looking hop left of the client is not reached")
            << proxies << u"10.0.0.5"_s << QByteArray("192.168.3.3, 203.0.113.9") << QByteArray()
            << u"203.0.113.9"_s;
        // Forwarded (RFC 7239).
        QTest::newRow("Forwarded one element") << proxies << u"10.0.0.5"_s << QByteArray()
                                               << QByteArray("for=203.0.113.9") << u"203.0.113.9"_s;
        QTest::newRow("Forwarded with proto and by")
            << proxies << u"10.0.0.5"_s << QByteArray()
            << QByteArray("for=203.0.113.9;proto=https;by=10.0.0.5") << u"203.0.113.9"_s;
        QTest::newRow("Forwarded quoted value")
            << proxies << u"10.0.0.5"_s << QByteArray() << QByteArray("for=\"203.0.113.9\"")
            << u"203.0.113.9"_s;
        QTest::newRow("Forwarded FOR in capitals")
            << proxies << u"10.0.0.5"_s << QByteArray() << QByteArray("For=203.0.113.9")
            << u"203.0.113.9"_s;
        QTest::newRow("Forwarded IPv4 with port")
            << proxies << u"10.0.0.5"_s << QByteArray() << QByteArray("for=\"203.0.113.9:4711\"")
            << u"203.0.113.9"_s;
        QTest::newRow("Forwarded bracketed IPv6")
            << proxies << u"10.0.0.5"_s << QByteArray() << QByteArray("for=\"[2001:db8::7]\"")
            << u"2001:db8::7"_s;
        QTest::newRow("Forwarded bracketed IPv6 with port")
            << proxies << u"10.0.0.5"_s << QByteArray() << QByteArray("for=\"[2001:db8::7]:4711\"")
            << u"2001:db8::7"_s;
        QTest::newRow("Forwarded two elements, inner trusted")
            << proxies << u"10.0.0.5"_s << QByteArray()
            << QByteArray("for=203.0.113.9, for=192.168.1.1") << u"203.0.113.9"_s;
        QTest::newRow("Forwarded forged left element not reached")
            << proxies << u"10.0.0.5"_s << QByteArray()
            << QByteArray("for=1.2.3.4, for=203.0.113.9") << u"203.0.113.9"_s;
        QTest::newRow("Forwarded with only proto: treated as absent")
            << proxies << u"10.0.0.5"_s << QByteArray("203.0.113.9") << QByteArray("proto=https")
            << u"203.0.113.9"_s;
        // Both headers: they must tell the same story.
        QTest::newRow("XFF and Forwarded agree")
            << proxies << u"10.0.0.5"_s << QByteArray("203.0.113.9")
            << QByteArray("for=203.0.113.9;proto=https") << u"203.0.113.9"_s;
        QTest::newRow("XFF and Forwarded agree on two hops")
            << proxies << u"10.0.0.5"_s << QByteArray("203.0.113.9, 192.168.1.1")
            << QByteArray("for=203.0.113.9, for=192.168.1.1") << u"203.0.113.9"_s;
        QTest::newRow("XFF and Forwarded disagree: the proxy")
            << proxies << u"10.0.0.5"_s << QByteArray("203.0.113.9")
            << QByteArray("for=198.51.100.1") << u"10.0.0.5"_s;
        QTest::newRow("XFF and Forwarded differ in length: the proxy")
            << proxies << u"10.0.0.5"_s << QByteArray("1.2.3.4, 203.0.113.9")
            << QByteArray("for=203.0.113.9") << u"10.0.0.5"_s;
        // Malformed: the proxy's own address.
        QTest::newRow("XFF host name")
            << proxies << u"10.0.0.5"_s << QByteArray("client.example.com") << QByteArray()
            << u"10.0.0.5"_s;
        QTest::newRow("XFF unknown")
            << proxies << u"10.0.0.5"_s << QByteArray("unknown") << QByteArray() << u"10.0.0.5"_s;
        QTest::newRow("XFF empty element")
            << proxies << u"10.0.0.5"_s << QByteArray("203.0.113.9,,192.168.1.1") << QByteArray()
            << u"10.0.0.5"_s;
        QTest::newRow("XFF trailing comma")
            << proxies << u"10.0.0.5"_s << QByteArray("203.0.113.9,") << QByteArray()
            << u"10.0.0.5"_s;
        QTest::newRow("XFF octet out of range")
            << proxies << u"10.0.0.5"_s << QByteArray("203.0.113.300") << QByteArray()
            << u"10.0.0.5"_s;
        QTest::newRow("XFF short IPv4 form")
            << proxies << u"10.0.0.5"_s << QByteArray("127.1") << QByteArray() << u"10.0.0.5"_s;
        QTest::newRow("XFF integer form") << proxies << u"10.0.0.5"_s << QByteArray("3405803785")
                                          << QByteArray() << u"10.0.0.5"_s;
        QTest::newRow("XFF with port") << proxies << u"10.0.0.5"_s << QByteArray("203.0.113.9:4711")
                                       << QByteArray() << u"10.0.0.5"_s;
        QTest::newRow("XFF with a CR/LF or junk")
            << proxies << u"10.0.0.5"_s << QByteArray("203.0.113.9;drop table") << QByteArray()
            << u"10.0.0.5"_s;
        QTest::newRow("XFF of 33 hops")
            << proxies << u"10.0.0.5"_s << QByteArray("203.0.113.9,").repeated(32) + "1.2.3.4"
            << QByteArray() << u"10.0.0.5"_s;
        QTest::newRow("Forwarded unknown") << proxies << u"10.0.0.5"_s << QByteArray()
                                           << QByteArray("for=unknown") << u"10.0.0.5"_s;
        QTest::newRow("Forwarded obfuscated identifier")
            << proxies << u"10.0.0.5"_s << QByteArray() << QByteArray("for=_hidden")
            << u"10.0.0.5"_s;
        QTest::newRow("Forwarded unbracketed IPv6")
            << proxies << u"10.0.0.5"_s << QByteArray() << QByteArray("for=\"2001:db8::7\"")
            << u"10.0.0.5"_s;
        QTest::newRow("Forwarded open quote") << proxies << u"10.0.0.5"_s << QByteArray()
                                              << QByteArray("for=\"203.0.113.9") << u"10.0.0.5"_s;
        QTest::newRow("Forwarded pair without value")
            << proxies << u"10.0.0.5"_s << QByteArray() << QByteArray("for") << u"10.0.0.5"_s;
        QTest::newRow("Forwarded two for= in one element")
            << proxies << u"10.0.0.5"_s << QByteArray() << QByteArray("for=203.0.113.9;for=1.2.3.4")
            << u"10.0.0.5"_s;
        QTest::newRow("Forwarded element without for among others")
            << proxies << u"10.0.0.5"_s << QByteArray()
            << QByteArray("for=203.0.113.9, proto=https") << u"10.0.0.5"_s;
        QTest::newRow("malformed XFF beside a good Forwarded")
            << proxies << u"10.0.0.5"_s << QByteArray("garbage") << QByteArray("for=203.0.113.9")
            << u"10.0.0.5"_s;
        QTest::newRow("malformed Forwarded beside a good XFF")
            << proxies << u"10.0.0.5"_s << QByteArray("203.0.113.9")
            << QByteArray("for=\"[2001:db8::7\"") << u"10.0.0.5"_s;
    }
    void resolvesTheClient()
    {
        QFETCH(QString, trusted);
        QFETCH(QString, peer);
        QFETCH(QByteArray, xff);
        QFETCH(QByteArray, forwarded);
        QFETCH(QString, client);
        const auto proxies = TrustedProxies::parse(trusted);
        QVERIFY2(proxies.ok(), qPrintable(proxies.ok() ? QString() : proxies.errorMessage()));
        QCOMPARE(vox::http::clientAddress(QHostAddress(peer), xff, forwarded, *proxies), client);
    }

    void parsesTheTrustedList_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QStringList>("ranges");
        QTest::newRow("empty") << QString() << QStringList();
        QTest::newRow("one address") << u"127.0.0.1"_s << QStringList{u"127.0.0.1/32"_s};
        QTest::newRow("commas and spaces")
            << u" 10.0.0.1 ,10.0.0.2  10.0.0.3"_s
            << QStringList{u"10.0.0.1/32"_s, u"10.0.0.2/32"_s, u"10.0.0.3/32"_s};
        QTest::newRow("range normalised to its network")
            << u"10.1.2.3/8"_s << QStringList{u"10.0.0.0/8"_s};
        QTest::newRow("IPv6 address and range")
            << u"::1, 2001:db8::/32"_s << QStringList{u"::1/128"_s, u"2001:db8::/32"_s};
        QTest::newRow("everything IPv4") << u"0.0.0.0/0"_s << QStringList{u"0.0.0.0/0"_s};
    }
    void parsesTheTrustedList()
    {
        QFETCH(QString, list);
        QFETCH(QStringList, ranges);
        const auto proxies = TrustedProxies::parse(list);
        QVERIFY2(proxies.ok(), qPrintable(proxies.ok() ? QString() : proxies.errorMessage()));
        QCOMPARE(proxies->describe(), ranges);
    }

    void refusesAMalformedTrustedList_data()
    {
        QTest::addColumn<QString>("list");
        QTest::newRow("host name") << u"proxy.internal"_s;
        QTest::newRow("prefix too long for IPv4") << u"10.0.0.0/33"_s;
        QTest::newRow("prefix too long for IPv6") << u"::1/129"_s;
        QTest::newRow("negative prefix") << u"10.0.0.0/-1"_s;
        QTest::newRow("empty prefix") << u"10.0.0.0/"_s;
        QTest::newRow("prefix not a number") << u"10.0.0.0/eight"_s;
        QTest::newRow("short IPv4") << u"10.1"_s;
        QTest::newRow("one good, one bad") << u"127.0.0.1, 300.0.0.1"_s;
    }
    void refusesAMalformedTrustedList()
    {
        QFETCH(QString, list);
        const auto proxies = TrustedProxies::parse(list);
        QVERIFY(!proxies.ok());
        QVERIFY2(proxies.errorMessage().contains(u"VOXANNE_TRUSTED_PROXIES"_s),
                 qPrintable(proxies.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestClientAddress)
#include "tst_clientaddress.moc"
