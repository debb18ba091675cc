#include "core/missedcall.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::missedcall::Verdict;

Q_DECLARE_METATYPE(vox::missedcall::Verdict)

class TestMissedCall : public QObject
{
    Q_OBJECT

private slots:
    // Each row: Vapi's endedReason (from its published contract), the call's length in seconds
    // (-1: unknown), and whether the caller reached nobody.
    void aCallIsMissedWhenTheCallerReachedNobody_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("seconds");
        QTest::addColumn<Verdict>("verdict");
        auto row = [](const char *name, const QString &reason, int seconds, Verdict verdict) {
            QTest::newRow(name) << reason << seconds << verdict;
        };
        // Never connected or nobody there
        row("hung up while ringing",
            u"call.ringing.sip-inbound-caller-hungup-before-call-connect"_s, -1, Verdict::Missed);
        row("inbound SIP failed", u"call.ringing.error-sip-inbound-call-failed-to-connect"_s, 0,
            Verdict::Missed);
        row("Twilio failed to connect", u"twilio-failed-to-connect-call"_s, 0, Verdict::Missed);
        row("silence timeout", u"silence-timed-out"_s, 45, Verdict::Missed);
        row("voicemail", u"voicemail"_s, 20, Verdict::Missed);
        row("no customer audio",
            u"call.in-progress.error-assistant-did-not-receive-customer-audio"_s, 30,
            Verdict::Missed);
        // Transfers nobody took
        row("forward not answered", u"call.forwarding.no-answer"_s, 60, Verdict::Missed);
        row("operator busy", u"call.forwarding.operator-busy"_s, 60, Verdict::Missed);
        row("transfer failed", u"call.in-progress.error-transfer-failed"_s, 60, Verdict::Missed);
        row("hung up during transfer", u"customer-ended-call-during-transfer"_s, 90,
            Verdict::Missed);
        row("warm transfer silence", u"call.in-progress.error-warm-transfer-silence-timeout"_s, 90,
            Verdict::Missed);
        // Pipeline failures
        row("LLM provider fault", u"call.in-progress.error-providerfault-openai-llm-failed"_s, 12,
            Verdict::Missed);
        row("no LLM model", u"call.in-progress.error-pipeline-no-available-llm-model"_s, 3,
            Verdict::Missed);
        row("assistant request failed", u"assistant-request-failed"_s, -1, Verdict::Missed);
        row("assistant not found", u"assistant-not-found"_s, -1, Verdict::Missed);
        row("generic error", u"error"_s, -1, Verdict::Missed);
        // The caller hanging up: the greeting only, or a conversation
        row("hung up after 3 s", u"customer-ended-call"_s, 3, Verdict::Missed);
        row("hung up after 9 s", u"customer-ended-call"_s, 9, Verdict::Missed);
        row("hung up after 10 s", u"customer-ended-call"_s, 10, Verdict::Handled);
        row("hung up after 2 min", u"customer-ended-call"_s, 120, Verdict::Handled);
        row("hung up, length unknown", u"customer-ended-call"_s, -1, Verdict::Handled);
        // Handled by the AI
        row("assistant ended", u"assistant-ended-call"_s, 80, Verdict::Handled);
        row("end-call phrase", u"assistant-said-end-call-phrase"_s, 5, Verdict::Handled);
        row("forwarded", u"assistant-forwarded-call"_s, 40, Verdict::Handled);
        row("max duration", u"exceeded-max-duration"_s, 600, Verdict::Handled);
        row("Twilio completed", u"call.in-progress.twilio-completed-call"_s, 70, Verdict::Handled);
        // Not a caller's call
        row("outbound not answered", u"customer-did-not-answer"_s, -1, Verdict::NotApplicable);
        row("outbound busy", u"customer-busy"_s, -1, Verdict::NotApplicable);
        row("campaign", u"campaign.ended.success"_s, -1, Verdict::NotApplicable);
        row("deleted", u"call-deleted"_s, -1, Verdict::NotApplicable);
        row("test conversation", u"mockConversation.done"_s, 5, Verdict::NotApplicable);
        // What we cannot read never texts anyone
        row("unknown reason", u"some-future-reason"_s, 2, Verdict::Handled);
        row("empty reason", QString(), 2, Verdict::Handled);
    }
    void aCallIsMissedWhenTheCallerReachedNobody()
    {
        QFETCH(QString, reason);
        QFETCH(int, seconds);
        QFETCH(Verdict, verdict);
        const auto length = seconds < 0 ? std::nullopt : std::optional<qint64>(seconds);
        const auto got = vox::missedcall::classify(reason, length);
        QCOMPARE(got.verdict, verdict);
        QVERIFY(!got.why.isEmpty());
    }

    void onlyNumbersThatTakeTextsAreTextedBack_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("textable");
        QTest::newRow("US geographic") << u"+15125550101"_s << true;
        QTest::newRow("US toll-free 800") << u"+18005550101"_s << false;
        QTest::newRow("US toll-free 888") << u"+18885550101"_s << false;
        QTest::newRow("US premium 900") << u"+19005550101"_s << false;
        QTest::newRow("UK mobile") << u"+447700900123"_s << true;
        QTest::newRow("UK landline") << u"+442079460958"_s << false;
        QTest::newRow("UK pager") << u"+447600900123"_s << false;
        QTest::newRow("Spain mobile") << u"+34612345678"_s << true;
        QTest::newRow("Spain landline") << u"+34912345678"_s << false;
        QTest::newRow("France mobile") << u"+33612345678"_s << true;
        QTest::newRow("Australia mobile") << u"+61412345678"_s << true;
        QTest::newRow("Australia landline") << u"+61212345678"_s << false;
        QTest::newRow("other country") << u"+4915112345678"_s << true;
        QTest::newRow("not E.164") << u"5125550101"_s << false;
        QTest::newRow("anonymous") << u"anonymous"_s << false;
        QTest::newRow("empty") << QString() << false;
    }
    void onlyNumbersThatTakeTextsAreTextedBack()
    {
        QFETCH(QString, number);
        QFETCH(bool, textable);
        QCOMPARE(vox::missedcall::looksTextable(number), textable);
    }

    void theTextNamesTheClinic_data()
    {
        QTest::addColumn<QString>("clinic");
        QTest::addColumn<QString>("templateText");
        QTest::addColumn<QString>("body");
        QTest::newRow("default wording")
            << u"Glow Spa"_s << QString()
            << u"Sorry we missed you at Glow Spa \u2014 reply here or we'll call you back."_s;
        QTest::newRow("clinic's own wording")
            << u"Glow Spa"_s << u"Missed you! {clinic} will ring back soon."_s
            << u"Missed you! Glow Spa will ring back soon."_s;
        QTest::newRow("blank template is the default")
            << u"Glow Spa"_s << u"   "_s
            << u"Sorry we missed you at Glow Spa \u2014 reply here or we'll call you back."_s;
        QTest::newRow("no clinic name")
            << QString() << u"{clinic} missed you."_s << u"the clinic missed you."_s;
    }
    void theTextNamesTheClinic()
    {
        QFETCH(QString, clinic);
        QFETCH(QString, templateText);
        QFETCH(QString, body);
        QCOMPARE(vox::missedcall::textBackBody(clinic, templateText), body);
    }
};

QTEST_APPLESS_MAIN(TestMissedCall)
#include "tst_missedcall.moc"
