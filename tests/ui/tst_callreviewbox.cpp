// Reviewing calls in the console against the real server: a review saved on a call's panel is
// the clinic's (another console reads it back), the calls list filters by review tag and by
// reviewed or not (and exports what that filter shows), and an admin edits the tag list.
#include "consolefixture.h"
#include "ui/api/apiclient.h"
#include "ui/models/callsmodel.h"
#include "ui/pages/callspage.h"
#include "ui/widgets/calldetailpanel.h"
#include "ui/widgets/callreviewbox.h"
#include "ui/widgets/csvexportbutton.h"
#include "ui/widgets/reviewtagsdialog.h"
#include "ui/widgets/toastarea.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

class TestCallReviewBox : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;

    struct Console
    {
        vox::ui::ApiClient api;
        QWidget window;
        vox::ui::ToastArea toasts{&window};
        vox::ui::CallsPage *page = nullptr;

        Console(const QString &url, const vox::ui::Session &session)
        {
            api.setBaseUrl(QUrl(url));
            api.setSession(session);
            page = new vox::ui::CallsPage(api, toasts, &window);
            window.resize(1024, 700);
            page->resize(1024, 700);
            window.show();
            page->refresh();
        }

        vox::ui::CallReviewBox *showCall(const QString &id)
        {
            page->selectCall(id);
            auto *box = page->detail()->reviewBox();
            return box;
        }
    };

    QStringList callIds(const QString &orgId, const QByteArray &where)
    {
        auto admin = m_fixture->database().connectAsAdmin();
        auto rows = admin->exec("SELECT c.id FROM call_logs c WHERE c.org_id = $1::uuid AND " +
                                    where + " ORDER BY c.occurred_at DESC, c.id DESC",
                                {orgId});
        QStringList ids;
        if (rows.ok()) {
            for (int r = 0; r < rows->rowCount(); ++r)
                ids << rows->text(r, 0);
        }
        return ids;
    }

    static QStringList shownIds(const vox::ui::CallsModel *model)
    {
        QStringList ids;
        for (int r = 0; r < model->rowCount(); ++r)
            ids << model->callAt(r)->id;
        return ids;
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_callreview"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    }

    void aSavedReviewIsTheClinicsAndReadsBack()
    {
        const auto clinic = m_fixture->createClinic(u"Review Clinic"_s);
        const auto calls = m_fixture->insertPrdSampleCalls(clinic);
        Console console(m_fixture->url(), clinic.session);
        QTRY_COMPARE(console.page->model()->rowCount(), 3);
        auto *box = console.showCall(calls.withRecordingAndTranscript);
        QTRY_VERIFY(box->tagButton(u"wrong price"_s));
        QTRY_COMPARE(box->stateLabel()->text(), u"Not reviewed yet."_s);
        QVERIFY(!box->saveButton()->isEnabled());

        box->scoreBox()->setCurrentIndex(box->scoreBox()->findData(2));
        box->tagButton(u"wrong price"_s)->click();
        box->tagButton(u"should have transferred"_s)->click();
        box->noteField()->setText(u"Quoted the old price for fillers."_s);
        QVERIFY(box->saveButton()->isEnabled());
        QTest::mouseClick(box->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!console.toasts.toasts().isEmpty());
        QCOMPARE(console.toasts.toasts().first()->text(), u"Review saved."_s);

        auto admin = m_fixture->database().connectAsAdmin();
        auto row = admin->exec("SELECT score, array_to_string(tags, '|'), note FROM call_reviews "
                               "WHERE call_id = $1::uuid",
                               {calls.withRecordingAndTranscript});
        QVERIFY(row.ok() && row->rowCount() == 1);
        QCOMPARE(row->text(0, 0), u"2"_s);
        QCOMPARE(row->text(0, 1), u"wrong price|should have transferred"_s);
        QCOMPARE(row->text(0, 2), u"Quoted the old price for fillers."_s);

        // Another console of the clinic reads the same review.
        Console other(m_fixture->url(), clinic.session);
        QTRY_COMPARE(other.page->model()->rowCount(), 3);
        auto *otherBox = other.showCall(calls.withRecordingAndTranscript);
        QTRY_COMPARE(otherBox->scoreBox()->currentData().toInt(), 2);
        QTRY_VERIFY(otherBox->tagButton(u"wrong price"_s) &&
                    otherBox->tagButton(u"wrong price"_s)->isChecked());
        QVERIFY(!otherBox->tagButton(u"great"_s)->isChecked());
        QCOMPARE(otherBox->noteField()->text(), u"Quoted the old price for fillers."_s);
        QVERIFY(otherBox->stateLabel()->text().startsWith(u"Reviewed by"_s));
    }

    void theReviewFilterNarrowsTheListAndItsExport_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QByteArray>("where");
        QTest::newRow("tagged great") << u"tag:great"_s
                                      << QByteArray("EXISTS (SELECT 1 FROM call_reviews r WHERE "
                                                    "r.call_id = c.id AND 'great' = ANY(r.tags))");
        QTest::newRow("reviewed") << u"reviewed"_s
                                  << QByteArray("EXISTS (SELECT 1 FROM call_reviews r WHERE "
                                                "r.call_id = c.id)");
        QTest::newRow("not reviewed") << u"unreviewed"_s
                                      << QByteArray("NOT EXISTS (SELECT 1 FROM call_reviews r "
                                                    "WHERE r.call_id = c.id)");
    }

    void theReviewFilterNarrowsTheListAndItsExport()
    {
        QFETCH(QString, choice);
        QFETCH(QByteArray, where);
        const auto clinic = m_fixture->createClinic(u"Review Filter Clinic"_s);
        m_fixture->insertCalls(clinic, 6);
        auto admin = m_fixture->database().connectAsAdmin();
        auto reviewed = admin->exec(
            "INSERT INTO call_reviews (call_id, org_id, score, tags) SELECT id, org_id, 4, CASE "
            "WHEN n % 2 = 0 THEN ARRAY['great'] ELSE ARRAY['too long'] END FROM (SELECT id, "
            "org_id, row_number() OVER (ORDER BY occurred_at) AS n FROM call_logs WHERE org_id = "
            "$1::uuid) calls WHERE n <= 4",
            {clinic.orgId});
        QVERIFY(reviewed.ok());
        const QStringList expected = callIds(clinic.orgId, where);
        QVERIFY(!expected.isEmpty() && expected.size() < 6);

        Console console(m_fixture->url(), clinic.session);
        QTRY_COMPARE(console.page->model()->rowCount(), 6);
        auto *filter = console.page->findChild<QComboBox *>(u"callsReview"_s);
        QTRY_VERIFY(filter->findData(u"tag:great"_s) >= 0);
        QVERIFY(!filter->accessibleName().isEmpty());
        filter->setCurrentIndex(filter->findData(choice));
        QTRY_COMPARE(shownIds(console.page->model()), expected);

        // The export takes the same filter.
        QTemporaryDir folder;
        const QString path = folder.filePath(u"reviewed.csv"_s);
        console.page->exportButton()->exportTo(path, false);
        QTRY_VERIFY(QFile::exists(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QStringList exported;
        file.readLine(); // the header
        while (!file.atEnd())
            exported << QString::fromUtf8(file.readLine()).section(u',', 0, 0);
        QCOMPARE(exported, expected);
    }

    void anAdminEditsTheClinicsReviewTags()
    {
        const auto clinic = m_fixture->createClinic(u"Review Tags Clinic"_s);
        const auto calls = m_fixture->insertPrdSampleCalls(clinic);
        Console console(m_fixture->url(), clinic.session);
        QTRY_COMPARE(console.page->model()->rowCount(), 3);
        auto *box = console.showCall(calls.withRecordingOnly);
        QTRY_VERIFY(box->tagButton(u"too long"_s));
        QVERIFY(box->editTagsButton()->isVisibleTo(box));
        box->editTagsButton()->click();
        vox::ui::ReviewTagsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = console.window.findChild<vox::ui::ReviewTagsDialog *>()));
        dialog->editor()->setPlainText(u"great\n  rude \n\nwrong booking\ngreat"_s);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(box->tagButton(u"rude"_s));
        QCOMPARE(box->tags(), (QStringList{u"great"_s, u"rude"_s, u"wrong booking"_s}));
        QVERIFY(!box->tagButton(u"too long"_s));
        auto *filter = console.page->findChild<QComboBox *>(u"callsReview"_s);
        QTRY_VERIFY(filter->findData(u"tag:wrong booking"_s) >= 0);
        QCOMPARE(filter->findData(u"tag:too long"_s), -1);

        auto admin = m_fixture->database().connectAsAdmin();
        auto row = admin->exec(
            "SELECT array_to_string(review_tags, '|') FROM org_settings WHERE org_id = $1::uuid",
            {clinic.orgId});
        QVERIFY(row.ok() && row->rowCount() == 1);
        QCOMPARE(row->text(0, 0), u"great|rude|wrong booking"_s);
    }
};

QTEST_MAIN(TestCallReviewBox)
#include "tst_callreviewbox.moc"
