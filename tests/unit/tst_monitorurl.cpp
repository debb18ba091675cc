// Which monitor addresses of a call the server dials: Vapi's own secure hosts only, and the
// provider sandbox's exact origin when the server runs against the sandbox alone.
#include "core/monitorurl.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::calls::MonitorUrlKind;

Q_DECLARE_METATYPE(vox::calls::MonitorUrlKind)

class TestMonitorUrl : public QObject
{
    Q_OBJECT

private slots:
    void acceptance_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<MonitorUrlKind>("kind");
        QTest::addColumn<QString>("sandboxOrigin");
        QTest::addColumn<bool>("accepted");
        const auto listen = MonitorUrlKind::Listen;
        const auto control = MonitorUrlKind::Control;
        const QString none;
        const QString sandbox = u"127.0.0.1:8790"_s;
        QTest::newRow("listen on a Vapi call host")
            << u"wss://phone-call-websocket.aws-us-west-2-backend-production2.vapi.ai/7420f27a/listen"_s
            << listen << none << true;
        QTest::newRow("control on a Vapi call host")
            << u"https://phone-call-websocket.aws-us-west-2-backend-production2.vapi.ai/7420f27a/control"_s
            << control << none << true;
        QTest::newRow("vapi.ai itself") << u"https://vapi.ai/c"_s << control << none << true;
        QTest::newRow("host case does not matter")
            << u"wss://AUX.Vapi.AI/l"_s << listen << none << true;
        QTest::newRow("listen must be wss") << u"ws://a.vapi.ai/l"_s << listen << none << false;
        QTest::newRow("control must be https")
            << u"http://a.vapi.ai/c"_s << control << none << false;
        QTest::newRow("listen address given as control")
            << u"wss://a.vapi.ai/l"_s << control << none << false;
        QTest::newRow("a host merely ending in vapi.ai")
            << u"https://evilvapi.ai/c"_s << control << none << false;
        QTest::newRow("vapi.ai as a subdomain of another host")
            << u"https://vapi.ai.example.com/c"_s << control << none << false;
        QTest::newRow("credentials in the address")
            << u"https://user:pw@a.vapi.ai/c"_s << control << none << false;
        QTest::newRow("empty") << QString() << control << none << false;
        QTest::newRow("not a URL") << u"::::"_s << listen << none << false;
        QTest::newRow("sandbox origin in sandbox mode")
            << u"http://127.0.0.1:8790/vapi/call/1/control"_s << control << sandbox << true;
        QTest::newRow("sandbox listen socket in sandbox mode")
            << u"ws://127.0.0.1:8790/vapi/call/1/listen"_s << listen << sandbox << true;
        QTest::newRow("sandbox origin outside sandbox mode")
            << u"http://127.0.0.1:8790/vapi/call/1/control"_s << control << none << false;
        QTest::newRow("another port on the sandbox's host")
            << u"http://127.0.0.1:9999/vapi/call/1/control"_s << control << sandbox << false;
        QTest::newRow("another host in sandbox mode")
            << u"http://example.com:8790/c"_s << control << sandbox << false;
        QTest::newRow("Vapi still accepted in sandbox mode")
            << u"https://a.vapi.ai/c"_s << control << sandbox << true;
    }

    void acceptance()
    {
        QFETCH(QString, url);
        QFETCH(MonitorUrlKind, kind);
        QFETCH(QString, sandboxOrigin);
        QFETCH(bool, accepted);
        const QString problem = vox::calls::monitorUrlProblem(url, kind, sandboxOrigin);
        QCOMPARE(problem.isEmpty(), accepted);
    }

    void reasonNeverQuotesTheSecretAddress()
    {
        const QString secret = u"https://evil.example/secret-token-123/control"_s;
        const QString problem = vox::calls::monitorUrlProblem(secret, MonitorUrlKind::Control);
        QVERIFY(!problem.isEmpty());
        QVERIFY(!problem.contains(u"secret-token-123"_s));
        QVERIFY(!problem.contains(u"evil.example"_s));
    }
};

QTEST_GUILESS_MAIN(TestMonitorUrl)
#include "tst_monitorurl.moc"
