// The calls page (C-calls) against the real server: the PRD's three sample calls and the edges
// show exactly their action buttons, the table pages through a long history as the user
// scrolls, filters narrow it, and the actions answer with toasts and readable problems.
#include "consolefixture.h"
#include "ui/api/apiclient.h"
#include "ui/models/callsmodel.h"
#include "ui/models/todaymodel.h"
#include "ui/pages/callspage.h"
#include "ui/shell/keyboardconventions.h"
#include "ui/widgets/calldetailpanel.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/followupdialog.h"
#include "ui/widgets/recordingshareslist.h"
#include "ui/widgets/toastarea.h"

#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;

class TestCallsPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;

    struct Console
    {
        vox::ui::ApiClient api;
        QWidget window;
        vox::ui::ToastArea toasts{&window};
        vox::ui::CallsPage *page = nullptr;

        explicit Console(const QString &url, const vox::ui::Session &session)
        {
            api.setBaseUrl(QUrl(url));
            api.setSession(session);
            page = new vox::ui::CallsPage(api, toasts, &window);
            window.resize(1280, 800);
            page->resize(1280, 800);
            window.show();
        }
    };

    static void waitForDetail(vox::ui::CallsPage *page, const QString &id)
    {
        page->selectCall(id);
        QTRY_VERIFY(page->detail()->call().id == id && page->detail()->call().detailLoaded);
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_callspage"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    }

    void theSampleCallsShowExactlyTheirButtons()
    {
        const auto clinic = m_fixture->createClinic();
        const auto calls = m_fixture->insertPrdSampleCalls(clinic);
        vox::test::CallSeed processing;
        processing.phone = u"+15557654321"_s;
        processing.minutesAgo = 5;
        processing.recordingUrl = u"https://recordings.example/processing.wav"_s;
        processing.recordingStatus = u"processing"_s;
        const QString stillProcessing = m_fixture->insertCall(clinic, processing);
        vox::test::CallSeed anonymous;
        anonymous.minutesAgo = 6;
        anonymous.transcript = u"AI: Hello? User: (silence)"_s;
        const QString withoutNumber = m_fixture->insertCall(clinic, anonymous);
        QVERIFY2(!withoutNumber.isEmpty(), qPrintable(m_fixture->lastError()));

        Console console(m_fixture->url(), clinic.session);
        console.page->refresh();
        QTRY_COMPARE(console.page->model()->rowCount(), 5);
        // Newest first.
        QCOMPARE(console.page->model()->callAt(0)->id, stillProcessing);
        // A caller nobody knows is named in the same words here as on Today's list.
        vox::ui::TodayModel today;
        today.setEntries({vox::ui::TodayEntry{}});
        const QString unknown = today.index(0, vox::ui::TodayModel::WhoColumn).data().toString();
        QVERIFY(!unknown.isEmpty());
        for (int row = 0; row < console.page->model()->rowCount(); ++row)
            if (console.page->model()->callAt(row)->id == withoutNumber)
                QCOMPARE(console.page->model()
                             ->index(row, vox::ui::CallsModel::ContactColumn)
                             .data()
                             .toString(),
                         unknown);

        struct Expect
        {
            QString id;
            bool share, exportTranscript, followUp;
        };
        const QList<Expect> expectations{
            {calls.withRecordingAndTranscript, true, true, true},
            {calls.withRecordingOnly, true, false, true},
            {calls.withTranscriptOnly, false, true, true},
            {stillProcessing, false, false, true},
            {withoutNumber, false, true, false},
        };
        vox::ui::CallDetailPanel *detail = console.page->detail();
        for (const Expect &e : expectations) {
            waitForDetail(console.page, e.id);
            QCOMPARE(detail->shareButton()->isVisibleTo(&console.window), e.share);
            QCOMPARE(detail->exportButton()->isVisibleTo(&console.window), e.exportTranscript);
            QCOMPARE(detail->followUpButton()->isVisibleTo(&console.window), e.followUp);
        }
    }

    void scrollingLoadsTheNextPage()
    {
        const auto clinic = m_fixture->createClinic(u"Busy Clinic"_s);
        m_fixture->insertCalls(clinic, 250);
        QVERIFY2(m_fixture->lastError().isEmpty(), qPrintable(m_fixture->lastError()));

        Console console(m_fixture->url(), clinic.session);
        console.page->refresh();
        vox::ui::CallsModel *model = console.page->model();
        QTRY_COMPARE(model->rowCount(), model->pageSize());
        QVERIFY(model->canFetchMore({}));

        QScrollBar *bar = console.page->table()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        bar->setValue(bar->maximum());
        QTRY_COMPARE(model->rowCount(), 2 * model->pageSize());
        // The view lays out the new rows before its scroll bar reaches further.
        const int firstPageEnd = bar->value();
        QTRY_VERIFY(bar->maximum() > firstPageEnd);
        bar->setValue(bar->maximum());
        QTRY_COMPARE(model->rowCount(), 250);
        QTRY_VERIFY(!model->isLoading());
        QVERIFY(!model->canFetchMore({}));
        // No call twice, none skipped: pages follow the server's cursor.
        QSet<QString> ids;
        for (int row = 0; row < model->rowCount(); ++row)
            ids.insert(model->callAt(row)->id);
        QCOMPARE(ids.size(), 250);
    }

    void aCallShownLiveIsNotRepeatedWhenItsPageArrives()
    {
        const auto clinic = m_fixture->createClinic(u"Moved Call Clinic"_s);
        m_fixture->insertCalls(clinic, 150);
        QVERIFY2(m_fixture->lastError().isEmpty(), qPrintable(m_fixture->lastError()));

        Console console(m_fixture->url(), clinic.session);
        console.page->refresh();
        vox::ui::CallsModel *model = console.page->model();
        QTRY_COMPARE(model->rowCount(), model->pageSize());
        QVERIFY(model->canFetchMore({}));

        // A call of the second page reaches the table live first, newer than what is shown.
        std::optional<vox::ui::CallRecord> later;
        console.api.calls().list(model->query(), {}, 200, &console.window,
                                 [&later](vox::Result<vox::ui::ListPage<vox::ui::CallRecord>> all) {
                                     QVERIFY(all && all->items.size() == 150);
                                     later = all->items.last();
                                 });
        QTRY_VERIFY(later.has_value());
        later->occurredAt = model->callAt(0)->occurredAt.addSecs(60);
        model->upsert(*later);
        QCOMPARE(model->rowCount(), model->pageSize() + 1);
        QCOMPARE(model->callAt(0)->id, later->id);

        model->fetchMore({});
        QTRY_VERIFY(!model->canFetchMore({}));
        QTRY_VERIFY(!model->isLoading());
        QCOMPARE(model->rowCount(), 150);
        QSet<QString> ids;
        for (int row = 0; row < model->rowCount(); ++row)
            ids.insert(model->callAt(row)->id);
        QCOMPARE(ids.size(), 150);
    }

    void filtersAndSearchNarrowTheList()
    {
        const auto clinic = m_fixture->createClinic(u"Filter Clinic"_s);
        const auto calls = m_fixture->insertPrdSampleCalls(clinic);
        Console console(m_fixture->url(), clinic.session);
        console.page->refresh();
        QTRY_COMPARE(console.page->model()->rowCount(), 3);

        auto *direction = console.page->findChild<QComboBox *>(u"callsDirection"_s);
        direction->setCurrentIndex(direction->findData(u"outbound"_s));
        QTRY_COMPARE(console.page->model()->rowCount(), 1);
        QCOMPARE(console.page->model()->callAt(0)->id, calls.withTranscriptOnly);
        direction->setCurrentIndex(0);
        QTRY_COMPARE(console.page->model()->rowCount(), 3);

        auto *recording = console.page->findChild<QComboBox *>(u"callsRecording"_s);
        recording->setCurrentIndex(recording->findData(u"true"_s));
        QTRY_COMPARE(console.page->model()->rowCount(), 2);
        recording->setCurrentIndex(0);

        console.page->searchField()->setText(u"Botox"_s); // words said in the transcript
        QTRY_COMPARE(console.page->model()->rowCount(), 1);
        QCOMPARE(console.page->model()->callAt(0)->id, calls.withRecordingAndTranscript);
        console.page->searchField()->setText(u"no such words anywhere"_s);
        QTRY_COMPARE(console.page->model()->rowCount(), 0);
        QTRY_VERIFY(console.page->findChild<vox::ui::EmptyState *>()->isShowingMessage());
    }

    // Tab goes search -> the four filters -> the list (one stop) -> the chosen call's actions;
    // Down in the search goes into the results, Escape clears the search.
    void theKeyboardGoesSearchFiltersListActions()
    {
        vox::ui::KeyboardConventions::install(qApp); // as the console's main window does
        const auto clinic = m_fixture->createClinic(u"Keyboard Clinic"_s);
        m_fixture->insertPrdSampleCalls(clinic);
        Console console(m_fixture->url(), clinic.session);
        QVERIFY(QTest::qWaitForWindowActive(&console.window));
        vox::ui::CallsPage &page = *console.page;
        page.refresh();
        QTRY_COMPARE(page.model()->rowCount(), 3);
        page.selectCall(page.model()->callAt(1)->id);

        page.focusSearch();
        const QStringList filters{u"callsDirection"_s, u"callsSentiment"_s, u"callsRecording"_s,
                                  u"callsPeriod"_s, u"callsReview"_s};
        for (const QString &filter : filters) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget()->objectName(), filter);
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), page.table());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY2(page.detail()->isAncestorOf(QApplication::focusWidget()),
                 qPrintable(QApplication::focusWidget()->objectName()));
        QCOMPARE(page.table()->currentIndex().row(), 1); // passing through chose no one else

        page.focusSearch();
        QTest::keyClicks(page.searchField(), u"zzz"_s);
        QTest::keyClick(page.searchField(), Qt::Key_Escape);
        QCOMPARE(page.searchField()->text(), QString());
        QTRY_COMPARE(page.model()->rowCount(), 3);
        QTest::keyClick(page.searchField(), Qt::Key_Down);
        QCOMPARE(QApplication::focusWidget(), page.table());
        QVERIFY(page.table()->currentIndex().isValid());
    }

    void aFollowUpWithoutTwilioSaysSoAndTurnsTheButtonOff()
    {
        const auto clinic = m_fixture->createClinic(u"No Twilio Clinic"_s);
        const auto calls = m_fixture->insertPrdSampleCalls(clinic);
        Console console(m_fixture->url(), clinic.session);
        console.page->refresh();
        QTRY_COMPARE(console.page->model()->rowCount(), 3);
        waitForDetail(console.page, calls.withRecordingOnly);
        QPushButton *button = console.page->detail()->followUpButton();
        QTRY_VERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        vox::ui::FollowUpDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = console.page->findChild<vox::ui::FollowUpDialog *>()));
        dialog->editor()->setPlainText(u"Hi John, we have openings tomorrow at 2 PM."_s);
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
        auto *problem = dialog->findChild<QLabel *>(u"followUpProblem"_s);
        QTRY_VERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(u"not configured"_s, Qt::CaseInsensitive),
                 qPrintable(problem->text()));
        dialog->reject();
        QTRY_VERIFY(!button->isEnabled());
        QVERIFY(button->toolTip().contains(u"Twilio"_s));
    }

    void exportSavesTheTranscriptWhereTheUserChooses()
    {
        const auto clinic = m_fixture->createClinic(u"Export Clinic"_s);
        const auto calls = m_fixture->insertPrdSampleCalls(clinic);
        Console console(m_fixture->url(), clinic.session);
        console.page->refresh();
        QTRY_COMPARE(console.page->model()->rowCount(), 3);
        waitForDetail(console.page, calls.withTranscriptOnly);
        QTest::mouseClick(console.page->detail()->exportButton(), Qt::LeftButton);
        QFileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = console.page->findChild<QFileDialog *>(u"exportFileDialog"_s)));
        QVERIFY(dialog->selectedFiles().value(0).endsWith(u".txt"_s));
        QTemporaryDir folder;
        const QString path = folder.filePath(u"john.txt"_s);
        emit dialog->fileSelected(path);
        QTRY_VERIFY(QFile::exists(path));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().contains("calling back"));
        QTRY_VERIFY(!console.toasts.toasts().isEmpty());
        QVERIFY(console.toasts.toasts().first()->text().contains(u"Transcript saved"_s));
    }

    // An admin sees the recording's shared links that still work and withdraws one there.
    void anAdminRevokesASharedLinkFromTheCall()
    {
        const auto clinic = m_fixture->createClinic(u"Share Clinic"_s);
        const auto calls = m_fixture->insertPrdSampleCalls(clinic);
        auto admin = m_fixture->database().connectAsAdmin();
        auto shared = admin->exec(
            "INSERT INTO recording_shares (org_id, call_id, email, expires_at) VALUES ($1::uuid, "
            "$2::uuid, 'colleague@glow.example', now() + interval '1 day') RETURNING id",
            {clinic.orgId, calls.withRecordingAndTranscript});
        QVERIFY(shared.ok() && !shared->isEmpty());
        const QString shareId = shared->text(0, 0);
        Console console(m_fixture->url(), clinic.session);
        console.page->refresh();
        QTRY_COMPARE(console.page->model()->rowCount(), 3);
        waitForDetail(console.page, calls.withRecordingAndTranscript);
        vox::ui::RecordingSharesList *list = console.page->detail()->sharesList();
        QTRY_COMPARE(list->shares().size(), 1);
        QCOMPARE(list->shares().first().email, u"colleague@glow.example"_s);
        QPushButton *revoke = nullptr;
        QTRY_VERIFY((revoke = list->findChild<QPushButton *>(u"revokeShareButton"_s)));
        QTest::mouseClick(revoke, Qt::LeftButton);
        QTRY_VERIFY(list->shares().isEmpty());
        const auto row = admin->exec(
            "SELECT revoked_at IS NOT NULL FROM recording_shares WHERE id = $1::uuid", {shareId});
        QVERIFY(row.ok() && row->toBool(0, 0));
        QVERIFY(list->isHidden());
    }
};

QTEST_MAIN(TestCallsPage)
#include "tst_callspage.moc"
