// The Reports page against the real server: a custom range shows the server's figures, the
// previous period beside them, the heat map and the services table; the exports write a PNG
// that is an image of the report and a PDF that is a complete PDF file. Fixed dates throughout.
#include "consolefixture.h"
#include "pagehost.h"
#include "ui/models/displayformat.h"
#include "ui/pages/reportspage.h"
#include "ui/widgets/hourheatmap.h"
#include "ui/widgets/statcard.h"

#include <QChartView>
#include <QDateEdit>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestReportsPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;
    vox::test::Clinic m_clinic;
    QTemporaryDir m_files;

    struct Console : vox::test::PageHost<vox::ui::ReportsPage>
    {
        Console(const QString &url, const vox::ui::Session &session)
            : PageHost(url, session, {1200, 900})
        {}
    };

    // A call at a local time of the clinic.
    void call(const char *local, bool booked, const char *service)
    {
        auto admin = m_fixture->database().connectAsAdmin();
        auto done = admin->execUncached(
            "INSERT INTO call_logs (org_id, occurred_at, status, duration_seconds, "
            "booking_confirmed, financial_value_cents, matched_services, sentiment_score) "
            "SELECT $1::uuid, $2::timestamp AT TIME ZONE s.time_zone, 'ended', 90, $3::boolean, "
            "(SELECT price_cents FROM services WHERE org_id = $1::uuid AND name = $4), "
            "ARRAY[$4], 0.4 FROM org_settings s WHERE s.org_id = $1::uuid",
            {m_clinic.orgId, QString::fromLatin1(local), booked, QString::fromLatin1(service)});
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.errorMessage()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_reports"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        m_clinic = m_fixture->createClinic(u"Report Spa"_s);
        QVERIFY(!m_clinic.orgId.isEmpty());
        // Three calls in the week of 2026-03-02 (Tuesday 10:xx twice), one the week before.
        call("2026-03-03 10:05", true, "Botox");
        call("2026-03-03 10:40", false, "Botox");
        call("2026-03-07 20:15", false, "Facelift");
        call("2026-02-24 11:00", false, "Botox");
        // Failed tool calls, a review and texts in the same week (and one tool error before it).
        auto admin = m_fixture->database().connectAsAdmin();
        for (const char *statement :
             {"INSERT INTO tool_errors (org_id, tool, kind, occurred_at) SELECT $1::uuid, "
              "'bookClinicAppointment', k, timestamptz '2026-03-04 15:00Z' FROM "
              "unnest(ARRAY['unknown_service', 'unknown_service', 'slot_taken']) k",
              "INSERT INTO tool_errors (org_id, tool, kind, occurred_at) VALUES ($1::uuid, "
              "'checkAvailability', 'unknown_service', '2026-02-25 15:00Z')",
              "INSERT INTO call_reviews (call_id, org_id, score, tags) SELECT id, $1::uuid, 4, "
              "ARRAY['great'] FROM call_logs WHERE org_id = $1::uuid AND booking_confirmed",
              "INSERT INTO messages (org_id, direction, method, purpose, recipient, content, "
              "status, reply_kind, created_at) VALUES "
              "($1::uuid, 'outbound', 'sms', 'appointment_reminder', '+15550100001', 'Hi', "
              "'delivered', NULL, '2026-03-04 15:00Z'), "
              "($1::uuid, 'outbound', 'sms', 'missed_call_textback', '+15550100002', 'Hi', "
              "'failed', NULL, '2026-03-05 15:00Z'), "
              "($1::uuid, 'inbound', 'sms', NULL, '+15550100003', 'STOP', 'received', "
              "'opt_out', '2026-03-05 16:00Z')"}) {
            auto done = admin->execUncached(statement, {m_clinic.orgId});
            QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.errorMessage()));
        }
    }

    void aCustomRangeShowsTheServersFiguresBesideThePeriodBefore()
    {
        Console console(m_fixture->url(), m_clinic.session);
        vox::ui::ReportsPage *page = console.page.get();
        page->setCustomRange(QDate(2026, 3, 2), QDate(2026, 3, 8));
        // The range's days are written as the locale writes a short date, not as ISO dates.
        QCOMPARE(page->findChild<QDateEdit *>(u"reportFrom"_s)->text(),
                 QLocale().toString(QDate(2026, 3, 2), QLocale::ShortFormat));
        QCOMPARE(page->findChild<QDateEdit *>(u"reportTo"_s)->text(),
                 QLocale().toString(QDate(2026, 3, 8), QLocale::ShortFormat));
        QTRY_COMPARE(page->loadedReports(), 5);
        QCOMPARE(page->figure(u"volume.calls"_s)->value(), u"3"_s);
        // One call the week before: three is +200%.
        QVERIFY2(page->figure(u"volume.calls"_s)->caption().contains(u"+200"_s),
                 qPrintable(page->figure(u"volume.calls"_s)->caption()));
        QCOMPARE(page->heatMap()->count(1, 10), 2); // Tuesday, 10:00-11:00
        QCOMPARE(page->heatMap()->count(5, 20), 1); // Saturday, 20:00-21:00
        QCOMPARE(page->heatMap()->peak(), 2);
        QTableWidget *services = page->servicesTable();
        QVERIFY(services->rowCount() >= 2);
        QCOMPARE(services->item(0, 0)->text(), u"Facelift"_s); // the most pipeline value first
        QCOMPARE(services->item(0, 2)->text(), u"1"_s);
        QVERIFY(page->callsChart()->chart() && !page->callsChart()->chart()->series().isEmpty());

        // Without the comparison the cards say nothing of the period before.
        page->setComparing(false);
        QVERIFY(page->figure(u"volume.calls"_s)->caption().isEmpty());
        page->setComparing(true);
        QVERIFY(!page->figure(u"volume.calls"_s)->caption().isEmpty());

        // The week of 2026-02-23 had one call, the week before it none: a share of no calls is
        // "–", not a 0 % that would read as a bad week.
        page->setCustomRange(QDate(2026, 2, 23), QDate(2026, 3, 1));
        QTRY_COMPARE(page->loadedReports(), 5);
        QTRY_COMPARE(page->figure(u"volume.calls"_s)->value(), u"1"_s);
        QCOMPARE(page->figure(u"outcomes.successRate"_s)->value(),
                 vox::ui::DisplayFormat::percent(0));
        QVERIFY2(page->figure(u"outcomes.successRate"_s)->caption().endsWith(u": –"_s),
                 qPrintable(page->figure(u"outcomes.successRate"_s)->caption()));
        QVERIFY2(page->figure(u"quality.transferRate"_s)->caption().endsWith(u": –"_s),
                 qPrintable(page->figure(u"quality.transferRate"_s)->caption()));
    }

    // Tool errors, reviews and messages, as the server counts them, with the words for each kind.
    void toolErrorsReviewsAndMessagesAreShown()
    {
        Console console(m_fixture->url(), m_clinic.session);
        vox::ui::ReportsPage *page = console.page.get();
        page->setCustomRange(QDate(2026, 3, 2), QDate(2026, 3, 8));
        QTRY_COMPARE(page->loadedReports(), 5);
        QCOMPARE(page->figure(u"quality.toolErrors"_s)->value(), u"3"_s);
        QVERIFY(page->figure(u"quality.toolErrors"_s)->caption().contains(u"+200"_s));
        QCOMPARE(page->figure(u"quality.reviewed"_s)->value(), u"1"_s);
        QCOMPARE(page->figure(u"quality.reviewScore"_s)->value(), QLocale().toString(4.0, 'f', 2));
        QTableWidget *kinds = page->toolErrorsTable();
        QCOMPARE(kinds->rowCount(), 2);
        QCOMPARE(kinds->item(0, 0)->text(), u"Service not offered"_s);
        QCOMPARE(kinds->item(0, 1)->text(), u"2"_s);
        QCOMPARE(kinds->item(0, 2)->text(), u"1"_s);
        QCOMPARE(page->reviewTagsTable()->item(0, 0)->text(), u"great"_s);
        QCOMPARE(page->figure(u"messages.sent"_s)->value(), u"1"_s);
        QCOMPARE(page->figure(u"messages.delivered"_s)->value(), u"1"_s);
        QCOMPARE(page->figure(u"messages.failed"_s)->value(), u"1"_s);
        QCOMPARE(page->figure(u"messages.reminders"_s)->value(), u"1"_s);
        QCOMPARE(page->figure(u"messages.optOuts"_s)->value(), u"1"_s);
        QCOMPARE(page->figure(u"messages.textbacks"_s)->value(), u"1"_s);
        QCOMPARE(page->figure(u"messages.confirmed"_s)->value(), u"0"_s);
        // The per-day charts, and what they show in words for a screen reader: three tool errors
        // on one day (Wednesday), and one message sent, delivered and failed.
        for (QChartView *chart : {page->toolErrorsChart(), page->messagesChart()})
            QVERIFY(chart->chart() && !chart->chart()->series().isEmpty());
        const QString wednesday = QLocale().toString(QDate(2026, 3, 4), QLocale::ShortFormat);
        QCOMPARE(page->toolErrorsChart()->accessibleDescription(),
                 vox::ui::ReportsPage::tr("%1 in %n day(s), the most on %2 (%3).", nullptr, 7)
                     .arg(u"3"_s, wednesday, u"3"_s));
        QVERIFY2(page->messagesChart()->accessibleDescription().startsWith(
                     vox::ui::ReportsPage::tr("Sent: %1 Delivered: %2 Failed: %3")
                         .arg(vox::ui::ReportsPage::tr("%1 in %n day(s), the most on %2 (%3).",
                                                       nullptr, 7)
                                  .arg(u"1"_s, wednesday, u"1"_s))
                         .section(u' ', 0, 6)),
                 qPrintable(page->messagesChart()->accessibleDescription()));
        // Each figure says how it is computed.
        for (const char *key : {"quality.toolErrors", "quality.reviewed", "quality.reviewScore",
                                "messages.sent", "messages.optOuts", "messages.textbacks"})
            QVERIFY2(!page->figure(QLatin1String(key))->toolTip().isEmpty(), key);
    }

    void theReportExportsAsPngAndPdf()
    {
        Console console(m_fixture->url(), m_clinic.session);
        vox::ui::ReportsPage *page = console.page.get();
        page->setCustomRange(QDate(2026, 3, 2), QDate(2026, 3, 8));
        QTRY_COMPARE(page->loadedReports(), 5);

        const QString png = m_files.filePath(u"report.png"_s);
        const auto pngDone = page->exportPng(png);
        QVERIFY2(pngDone.ok(), qPrintable(pngDone.ok() ? QString() : pngDone.errorMessage()));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size() / image.devicePixelRatio(), page->reportArea()->size());

        const QString pdf = m_files.filePath(u"report.pdf"_s);
        const auto pdfDone = page->exportPdf(pdf);
        QVERIFY2(pdfDone.ok(), qPrintable(pdfDone.ok() ? QString() : pdfDone.errorMessage()));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.size() > 10000); // the page image, not an empty document
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        QVERIFY(bytes.contains("/Type /Page"));

        // A folder that cannot be written to is an error to show, not a silent nothing.
        const auto refused = page->exportPng(m_files.filePath(u"missing/folder/report.png"_s));
        QVERIFY(!refused.ok());
        QVERIFY(!refused.errorMessage().isEmpty());
    }

    void aRangeTheServerWouldRefuseIsNotAsked()
    {
        Console console(m_fixture->url(), m_clinic.session);
        vox::ui::ReportsPage *page = console.page.get();
        const int toastsBefore = int(console.toasts.toasts().size());
        page->setCustomRange(QDate(2026, 3, 8), QDate(2026, 3, 2));
        QCOMPARE(int(console.toasts.toasts().size()), toastsBefore + 1);
        QCOMPARE(page->loadedReports(), 0);
    }
};

QTEST_MAIN(TestReportsPage)
#include "tst_reportspage.moc"
