// The call actions appear exactly per PRD "Frontend Action Buttons": Share needs a completed
// recording, Export needs a transcript, Follow-up SMS needs a phone number. Checked on the rule
// itself and on the real detail panel's buttons, for the PRD's three sample calls and the edges.
#include "consolefixture.h"
#include "ui/api/apiclient.h"
#include "ui/models/callactions.h"
#include "ui/widgets/calldetailpanel.h"
#include "ui/widgets/followupdialog.h"
#include "ui/widgets/toastarea.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::ui::CallRecord;
namespace callactions = vox::ui::callactions;

namespace {

CallRecord call(bool hasRecording, const QString &recordingStatus, bool hasTranscript,
                const QString &phone)
{
    QJsonObject json{{u"id"_s, u"00000000-0000-4000-8000-000000000001"_s},
                     {u"has_recording"_s, hasRecording},
                     {u"has_transcript"_s, hasTranscript},
                     {u"direction"_s, u"inbound"_s},
                     {u"occurred_at"_s, u"2026-01-25T14:03:07.123Z"_s}};
    if (!recordingStatus.isEmpty())
        json.insert(u"recording_status"_s, recordingStatus);
    if (!phone.isEmpty())
        json.insert(u"phone_number"_s, phone);
    return CallRecord::fromJson(json);
}

} // namespace

class TestCallButtons : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;

    // A call's detail panel in a window of its own, talking to the test server.
    struct Shown
    {
        vox::ui::ApiClient api;
        QWidget window;
        vox::ui::ToastArea toasts{&window};
        vox::ui::CallDetailPanel panel{api, toasts, &window};

        Shown(const QString &url, QSize size = {})
        {
            api.setBaseUrl(QUrl(url));
            if (size.isValid())
                window.resize(size);
            window.show();
        }
    };

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_callbuttons"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    }

    void buttonsFollowThePrdConditions_data()
    {
        QTest::addColumn<CallRecord>("record");
        QTest::addColumn<bool>("share");
        QTest::addColumn<bool>("exportTranscript");
        QTest::addColumn<bool>("followUp");

        // PRD "Test Data": John Doe (+1234567890).
        QTest::newRow("call 1: recording + transcript")
            << call(true, u"completed"_s, true, u"+1234567890"_s) << true << true << true;
        QTest::newRow("call 2: recording only")
            << call(true, u"completed"_s, false, u"+1234567890"_s) << true << false << true;
        QTest::newRow("call 3: transcript only (outbound)")
            << call(false, QString(), true, u"+1234567890"_s) << false << true << true;
        // Edges.
        QTest::newRow("recording still processing")
            << call(true, u"processing"_s, true, u"+15551234567"_s) << false << true << true;
        QTest::newRow("recording pending")
            << call(true, u"pending"_s, false, u"+15551234567"_s) << false << false << true;
        QTest::newRow("recording failed")
            << call(true, u"failed"_s, false, u"+15551234567"_s) << false << false << true;
        QTest::newRow("status completed but no recording")
            << call(false, u"completed"_s, false, u"+15551234567"_s) << false << false << true;
        QTest::newRow("no phone number")
            << call(true, u"completed"_s, true, QString()) << true << true << false;
        QTest::newRow("blank phone number")
            << call(false, QString(), false, u"  "_s) << false << false << false;
    }
    void buttonsFollowThePrdConditions()
    {
        QFETCH(CallRecord, record);
        QFETCH(bool, share);
        QFETCH(bool, exportTranscript);
        QFETCH(bool, followUp);
        QCOMPARE(callactions::canShare(record), share);
        QCOMPARE(callactions::canExport(record), exportTranscript);
        QCOMPARE(callactions::canFollowUp(record), followUp);

        Shown shown(m_fixture->url(), {900, 700});
        vox::ui::CallDetailPanel &panel = shown.panel;
        QWidget &window = shown.window;
        panel.showCall(record);
        QCOMPARE(panel.shareButton()->isVisibleTo(&window), share);
        QCOMPARE(panel.exportButton()->isVisibleTo(&window), exportTranscript);
        QCOMPARE(panel.followUpButton()->isVisibleTo(&window), followUp);
    }

    // A caller known only by the number is titled with it as people write it, not as E.164.
    void aNamelessCallerIsTheirNumberAsWritten()
    {
        Shown shown(m_fixture->url());
        vox::ui::CallDetailPanel &panel = shown.panel;
        panel.showCall(call(true, u"completed"_s, true, u"+15552017788"_s));
        QCOMPARE(panel.findChild<QLabel *>(u"callTitle"_s)->text(), u"(555) 201-7788"_s);
    }

    void anUnconfiguredFeatureIsOffAndSaysWhy()
    {
        Shown shown(m_fixture->url());
        vox::ui::CallDetailPanel &panel = shown.panel;
        QWidget &window = shown.window;
        panel.showCall(call(true, u"completed"_s, true, u"+1234567890"_s));
        vox::ui::FeatureAvailability features;
        features.known = true;
        features.smsConfigured = false;
        features.emailConfigured = true;
        panel.setFeatures(features);
        QVERIFY(panel.followUpButton()->isVisibleTo(&window));
        QVERIFY(!panel.followUpButton()->isEnabled());
        QVERIFY(panel.followUpButton()->toolTip().contains(u"not set up"_s));
        QVERIFY(panel.shareButton()->isEnabled());
        features.smsConfigured = true;
        panel.setFeatures(features);
        QVERIFY(panel.followUpButton()->isEnabled());
    }

    void aFollowUpTextStopsAt160Characters()
    {
        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->url()));
        vox::ui::FollowUpDialog dialog(api, u"00000000-0000-4000-8000-000000000001"_s,
                                       u"+1234567890"_s, QString());
        dialog.show();
        QVERIFY(!dialog.sendButton()->isEnabled()); // nothing to send yet
        dialog.editor()->setPlainText(QString(159, u'a'));
        QVERIFY(dialog.sendButton()->isEnabled());
        QVERIFY(dialog.counterText().startsWith(u"159 / 160"_s));
        dialog.editor()->setPlainText(QString(160, u'a'));
        QVERIFY(dialog.sendButton()->isEnabled());
        QVERIFY(dialog.counterText().startsWith(u"160 / 160"_s));
        // One more and it is no longer one SMS: Send goes off, and the text is kept as typed.
        QTest::keyClick(dialog.editor(), Qt::Key_B);
        QCOMPARE(dialog.editor()->toPlainText().size(), 161);
        QVERIFY(!dialog.sendButton()->isEnabled());
        QVERIFY2(dialog.counterText().contains(u"1 character too many"_s),
                 qPrintable(dialog.counterText()));
        QTest::keyClick(dialog.editor(), Qt::Key_Backspace);
        QVERIFY(dialog.sendButton()->isEnabled());
        dialog.editor()->setPlainText(u"   "_s);
        QVERIFY(!dialog.sendButton()->isEnabled()); // blanks are not a message
    }

    // The counter says how many texts the carriers will count (and the clinic pay for): a
    // Spanish "á" or an emoji sends the whole text as Unicode, 70 characters a part.
    void theCounterCountsTheTextsAsTheCarriersDo_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("counter");
        QTest::addColumn<bool>("explained");
        QTest::newRow("plain") << u"See you at 2 PM."_s << u"16 / 160 · 1 text"_s << false;
        QTest::newRow("euros take two")
            << QString(70, u'€') + u"a"_s << u"71 / 160 · 1 text"_s << false;
        QTest::newRow("euros past one text")
            << QString(81, u'€') << u"81 / 160 · 2 texts"_s << true;
        QTest::newRow("Spanish accent")
            << u"Su cita es el sábado."_s << u"21 / 160 · 1 text, sent as Unicode (“á”)"_s << true;
        QTest::newRow("Unicode past 70")
            << u"¡Gracias! Su cita para limpieza dental es el sábado 12 a las 10:30 de la mañana."_s
            << u"80 / 160 · 2 texts, sent as Unicode (“á”)"_s << true;
        QTest::newRow("emoji") << u"Thanks 😊"_s << u"9 / 160 · 1 text, sent as Unicode (“😊”)"_s
                               << true;
    }
    void theCounterCountsTheTextsAsTheCarriersDo()
    {
        QFETCH(QString, text);
        QFETCH(QString, counter);
        QFETCH(bool, explained);
        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->url()));
        vox::ui::FollowUpDialog dialog(api, u"00000000-0000-4000-8000-000000000001"_s,
                                       u"+1234567890"_s, QString());
        dialog.editor()->setPlainText(text);
        QCOMPARE(dialog.counterText(), counter);
        QCOMPARE(!dialog.findChild<QLabel *>(u"followUpCounter"_s)->toolTip().isEmpty(), explained);
        QVERIFY(dialog.sendButton()->isEnabled());
    }
};

QTEST_MAIN(TestCallButtons)
#include "tst_callbuttons.moc"
