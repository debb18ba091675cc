// The Live page on its own: calls in progress with caller, elapsed time and who is speaking; the
// chosen call's transcript follows live events (a partial line shown as it is heard, replaced by
// the final one); every action is reachable with the keyboard; ending is for admins; transferring
// and ending ask first and send nothing when the person keeps the call. Renders the page in both
// palettes and languages at 1024x700 (VOXANNE_SCREENSHOT_DIR keeps the images).
#include "screenshotlooks.h"
#include "ui/api/apiclient.h"
#include "ui/api/session.h"
#include "ui/models/livecallsmodel.h"
#include "ui/pages/livepage.h"
#include "ui/shell/translations.h"
#include "ui/widgets/listenpanel.h"
#include "ui/widgets/toastarea.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSlider>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::ui::LiveCall;
using vox::ui::LiveEvent;
using vox::ui::LivePage;

namespace {

LiveCall sampleCall()
{
    LiveCall call;
    call.id = u"call-1"_s;
    call.status = u"in-progress"_s;
    call.callerName = u"Maria Lopez"_s;
    call.phoneNumber = u"+12125550142"_s;
    call.startedAt = QDateTime::currentDateTimeUtc().addSecs(-95);
    call.canControl = true;
    call.lines = {{u"assistant"_s, u"Thank you for calling, how can I help?"_s},
                  {u"user"_s, u"Hi, my lip is very swollen after filler."_s}};
    return call;
}

LiveEvent liveEvent(const QString &type, const QJsonObject &payload)
{
    LiveEvent e;
    e.type = type;
    e.entityType = u"call"_s;
    e.entityId = u"call-1"_s;
    e.payload = payload;
    return e;
}

} // namespace

class TestLivePage : public QObject
{
    Q_OBJECT

    struct Host
    {
        vox::ui::ApiClient api;
        QWidget window;
        vox::ui::ToastArea toasts{&window};
        vox::ui::LiveCallsModel calls{api};
        LivePage *page = nullptr;

        explicit Host(const QString &role)
        {
            // No server: the page is given its calls directly.
            api.setBaseUrl(QUrl(u"http://127.0.0.1:1"_s));
            vox::ui::Session session;
            session.accessToken = u"token"_s;
            session.role = role;
            api.setSession(session);
            page = new LivePage(api, toasts, calls, &window);
            window.resize(1024, 700);
            page->resize(1024, 700);
            window.show();
            page->showDestinations({{u"d1"_s, u"Front desk"_s, u"+15550100001"_s, false},
                                    {u"d2"_s, u"On-call nurse"_s, u"+15550100002"_s, true}});
            page->showCalls({sampleCall()});
        }
    };

private slots:
    // The transfer menu lists the destinations in the clinic's order, the AI's, whatever order
    // they arrive in; a description says what one is for.
    void theTransferMenuFollowsTheClinicsOrder()
    {
        Host h(u"staff"_s);
        vox::ui::TransferDestination desk{u"d1"_s, u"Front desk"_s, u"+15550100001"_s, false};
        desk.position = 2;
        vox::ui::TransferDestination lee{u"d2"_s, u"Dr Lee"_s, u"+15550100002"_s, false};
        lee.position = 0;
        lee.description = u"Dr Lee's mobile, surgeries only"_s;
        vox::ui::TransferDestination nurse{u"d3"_s, u"On-call nurse"_s, u"+15550100003"_s, true};
        nurse.position = 1;
        h.page->showDestinations({desk, lee, nurse});
        QComboBox *menu = h.page->destinationBox();
        QCOMPARE(menu->count(), 3);
        QCOMPARE(menu->itemData(0).toString(), u"d2"_s);
        QCOMPARE(menu->itemData(1).toString(), u"d3"_s);
        QCOMPARE(menu->itemData(2).toString(), u"d1"_s);
        QCOMPARE(menu->itemData(0, Qt::ToolTipRole).toString(),
                 u"Dr Lee's mobile, surgeries only"_s);
    }

    void aCallShowsItsCallerTimeAndSpeaker()
    {
        Host h(u"staff"_s);
        QCOMPARE(h.page->callList()->count(), 1);
        QVERIFY(h.page->callList()->item(0)->text().contains(u"Maria Lopez"_s));
        QVERIFY(h.page->callList()->item(0)->text().contains(u"1:3"_s)); // 1:35 or so
        h.calls.applyEvent(liveEvent(
            u"live.speech"_s,
            {{u"call_id"_s, u"call-1"_s}, {u"role"_s, u"user"_s}, {u"speaking"_s, true}}));
        QVERIFY(h.page->callList()->item(0)->text().contains(u"Caller speaking"_s));
        h.calls.applyEvent(liveEvent(
            u"live.speech"_s,
            {{u"call_id"_s, u"call-1"_s}, {u"role"_s, u"user"_s}, {u"speaking"_s, false}}));
        QVERIFY(!h.page->callList()->item(0)->text().contains(u"speaking"_s));
        QVERIFY(h.page->callList()->item(0)->text().contains(u"In progress"_s));
    }

    void theTranscriptFollowsWhatIsSaid()
    {
        Host h(u"staff"_s);
        QVERIFY(h.page->transcript()->toPlainText().contains(u"Caller: Hi, my lip"_s));
        h.calls.applyEvent(liveEvent(u"live.transcript"_s, {{u"call_id"_s, u"call-1"_s},
                                                            {u"role"_s, u"assistant"_s},
                                                            {u"final"_s, false},
                                                            {u"text"_s, u"I'm sorry to"_s}}));
        QVERIFY(h.page->transcript()->toPlainText().endsWith(u"AI: I'm sorry to…"_s));
        h.calls.applyEvent(
            liveEvent(u"live.transcript"_s,
                      {{u"call_id"_s, u"call-1"_s},
                       {u"role"_s, u"assistant"_s},
                       {u"final"_s, true},
                       {u"text"_s, u"I'm sorry to hear that. Is it getting worse?"_s}}));
        const QString text = h.page->transcript()->toPlainText();
        QVERIFY(text.endsWith(u"AI: I'm sorry to hear that. Is it getting worse?"_s));
        QVERIFY(!text.contains(u"…"_s));
    }

    void everyActionIsReachableWithTheKeyboard()
    {
        Host h(u"owner"_s);
        h.page->callList()->setFocus();
        QList<QWidget *> expected{h.page->listenPanel()->listenButton(),
                                  h.page->listenPanel()->volumeSlider(),
                                  h.page->messageField(),
                                  h.page->whisperButton(),
                                  h.page->sayButton(),
                                  h.page->destinationBox(),
                                  h.page->transferButton(),
                                  h.page->muteButton(),
                                  h.page->endButton()};
        // With words typed, every action takes focus in turn.
        h.page->messageField()->setText(u"Offer Tuesday at 3"_s);
        QWidget *at = h.page->callList();
        for (QWidget *next : expected) {
            at = at->nextInFocusChain();
            while (at && !(at->focusPolicy() & Qt::TabFocus))
                at = at->nextInFocusChain();
            QCOMPARE(at, next);
            QVERIFY2(next->isEnabled(), qPrintable(next->objectName()));
        }
    }

    void wordsAreNeededToWhisperOrSay()
    {
        Host h(u"staff"_s);
        QVERIFY(!h.page->whisperButton()->isEnabled());
        QVERIFY(!h.page->sayButton()->isEnabled());
        h.page->messageField()->setText(u"Offer Tuesday at 3"_s);
        QVERIFY(h.page->whisperButton()->isEnabled());
        QVERIFY(h.page->sayButton()->isEnabled());
    }

    void endingIsForAdmins()
    {
        Host staff(u"staff"_s);
        QVERIFY(!staff.page->endButton()->isEnabled());
        Host owner(u"owner"_s);
        QVERIFY(owner.page->endButton()->isEnabled());
    }

    void aCallWithoutControlCannotBeActedOn()
    {
        Host h(u"owner"_s);
        LiveCall call = sampleCall();
        call.canControl = false;
        h.page->showCalls({call});
        h.page->messageField()->setText(u"hello"_s);
        QVERIFY(!h.page->sayButton()->isEnabled());
        QVERIFY(!h.page->transferButton()->isEnabled());
        QVERIFY(!h.page->endButton()->isEnabled());
    }

    void transferAndEndAskFirst_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<QString>("box");
        QTest::newRow("transfer") << u"liveTransfer"_s << u"liveTransferConfirmation"_s;
        QTest::newRow("end") << u"liveEnd"_s << u"liveEndConfirmation"_s;
    }

    void transferAndEndAskFirst()
    {
        QFETCH(QString, button);
        QFETCH(QString, box);
        Host h(u"owner"_s);
        h.page->findChild<QPushButton *>(button)->click();
        QMessageBox *ask = nullptr;
        QTRY_VERIFY((ask = h.window.findChild<QMessageBox *>(box)) != nullptr);
        QVERIFY(ask->text().contains(u"cannot be undone"_s));
        // Leaving the question keeps the call.
        QTest::keyClick(ask, Qt::Key_Escape);
        QTRY_VERIFY(!ask->isVisible());
        QVERIFY(h.page->transferButton()->isEnabled()); // nothing was sent
    }

    // Every action's words sit inside their button with room each side, in either language,
    // even the long Spanish ones ("Decir a quien llama").
    void actionButtonsLeaveRoomAroundTheirWords_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << u"en"_s;
        QTest::newRow("Spanish") << u"es"_s;
    }
    void actionButtonsLeaveRoomAroundTheirWords()
    {
        QFETCH(QString, language);
        QVERIFY(vox::ui::installTranslations(language));
        Host h(u"owner"_s);
        QTest::qWait(20);
        for (QPushButton *button :
             {h.page->whisperButton(), h.page->sayButton(), h.page->transferButton(),
              h.page->muteButton(), h.page->endButton()}) {
            QString words = button->text();
            words.remove(u'&');
            const int room = button->width() - button->fontMetrics().horizontalAdvance(words);
            QVERIFY2(room >= 2 * button->fontMetrics().horizontalAdvance(u'M'),
                     qPrintable(u"%1: %2 px"_s.arg(words).arg(room)));
        }
        QVERIFY(vox::ui::installTranslations(u"en"_s));
    }

    void screenshots_data() { vox::test::addScreenshotLookRows(); }

    void screenshots()
    {
        QFETCH(bool, dark);
        QFETCH(QString, language);
        QVERIFY(vox::test::applyScreenshotLook(dark, language));
        Host h(u"owner"_s);
        LiveCall second;
        second.id = u"call-2"_s;
        second.status = u"in-progress"_s;
        second.phoneNumber = u"+13055550199"_s;
        second.startedAt = QDateTime::currentDateTimeUtc().addSecs(-20);
        second.canControl = true;
        second.speaking = u"assistant"_s;
        LiveCall first = sampleCall();
        first.speaking = u"user"_s;
        first.partialRole = u"user"_s;
        first.partialText = u"It's a bit worse than this morning, and"_s;
        h.page->showCalls({first, second});
        h.page->messageField()->setText(u"Offer a nurse call-back today"_s);
        QTest::qWait(50);
        const QImage image = h.window.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(vox::test::saveScreenshot(image, u"live"_s, dark, language, u"-1024"_s));
        if (language == u"es")
            QVERIFY2(h.page->whisperButton()->text() != u"&Whisper to AI"_s,
                     "the Spanish translation is used");
        QVERIFY(vox::ui::installTranslations(u"en"_s));
    }
};

QTEST_MAIN(TestLivePage)
#include "tst_livepage.moc"
