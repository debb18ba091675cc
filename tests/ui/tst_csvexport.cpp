// Lists saved as CSV from the console against the real server: the file holds exactly the rows
// the page's filters select, arrives on disk as it streams, disappears when the user cancels, and
// every failure (the server's refusal, a folder that cannot be written, no server) is said in
// words.
#include "consolefixture.h"
#include "core/csv.h"
#include "core/phonenumber.h"
#include "tcprelay.h"
#include "ui/api/apiclient.h"
#include "ui/api/csvdownload.h"
#include "ui/models/appointmentsmodel.h"
#include "ui/models/callsmodel.h"
#include "ui/models/displayformat.h"
#include "ui/models/leadsmodel.h"
#include "ui/pages/appointmentspage.h"
#include "ui/pages/callspage.h"
#include "ui/pages/leadspage.h"
#include "ui/pages/reportspage.h"
#include "ui/widgets/accesslogpanel.h"
#include "ui/widgets/csvexportbutton.h"
#include "ui/widgets/exportprogressdialog.h"
#include "ui/widgets/messagesauditpanel.h"
#include "ui/widgets/tablecsvbutton.h"
#include "ui/widgets/toastarea.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace {

// The file's records as cells (RFC 4180: quoted fields may hold commas, quotes and line breaks).
QList<QStringList> readCsv(const QByteArray &bytes)
{
    QList<QStringList> records;
    QStringList record;
    QString cell;
    bool quoted = false;
    const QString text = QString::fromUtf8(bytes);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record << std::exchange(cell, {});
        } else if (c == u'\n') {
            record << std::exchange(cell, {});
            records << std::exchange(record, {});
        } else if (c != u'\r') {
            cell += c;
        }
    }
    return records;
}

QStringList column(const QList<QStringList> &records, int index)
{
    QStringList cells;
    for (qsizetype r = 1; r < records.size(); ++r)
        cells << records.at(r).value(index);
    return cells;
}

} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;

    struct Console
    {
        vox::ui::ApiClient api;
        QWidget window;
        vox::ui::ToastArea toasts{&window};

        Console(const QString &url, const vox::ui::Session &session)
        {
            api.setBaseUrl(QUrl(url));
            api.setSession(session);
            window.resize(1024, 700);
            window.show();
        }
    };

    QStringList idsFromDatabase(const QByteArray &sql, const vox::db::Params &params)
    {
        auto admin = m_fixture->database().connectAsAdmin();
        auto rows = admin->exec(sql, params);
        if (!rows.ok())
            return {u"<query failed>"_s};
        QStringList ids;
        for (int r = 0; r < rows->rowCount(); ++r)
            ids << rows->text(r, 0);
        return ids;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_csvexport"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    }

    void theRecordCounterCountsRecordsNotLines_data()
    {
        QTest::addColumn<QByteArrayList>("pieces");
        QTest::addColumn<qint64>("records");
        QTest::newRow("header only") << QByteArrayList{"id,name\r\n"} << qint64(1);
        QTest::newRow("two rows in one piece") << QByteArrayList{"id\r\n1\r\n2\r\n"} << qint64(3);
        QTest::newRow("a quoted line break is inside a record")
            << QByteArrayList{"id,note\r\n1,\"two\r\nlines\"\r\n"} << qint64(2);
        QTest::newRow("a quote split across pieces")
            << QByteArrayList{"id,note\r\n1,\"a\r", "\nb\"\"c\r\n", "d\"\r\n"} << qint64(2);
        QTest::newRow("a record not yet ended is not counted")
            << QByteArrayList{"id\r\n1\r\n2"} << qint64(2);
    }

    void theRecordCounterCountsRecordsNotLines()
    {
        QFETCH(QByteArrayList, pieces);
        QFETCH(qint64, records);
        vox::ui::CsvRecordCounter counter;
        for (const QByteArray &piece : pieces)
            counter.feed(piece);
        QCOMPARE(counter.records, records);
    }

    // The calls page filtered to outgoing calls saves exactly those, newest first, with the
    // byte order mark the spreadsheet choice asks for.
    void theCallsExportHoldsExactlyTheFilteredCalls()
    {
        const auto clinic = m_fixture->createClinic(u"Export Calls Clinic"_s);
        for (int i = 0; i < 7; ++i) {
            vox::test::CallSeed seed;
            seed.direction = i % 3 == 0 ? u"outbound"_s : u"inbound"_s;
            seed.phone = u"+1555000%1"_s.arg(1000 + i);
            seed.minutesAgo = 10 + i;
            seed.summary = u"Asked, \"twice\", about fillers\nand prices"_s;
            QVERIFY(!m_fixture->insertCall(clinic, seed).isEmpty());
        }
        Console console(m_fixture->url(), clinic.session);
        auto *page = new vox::ui::CallsPage(console.api, console.toasts, &console.window);
        page->resize(1024, 700);
        page->show();
        page->refresh();
        QTRY_COMPARE(page->model()->rowCount(), 7);
        auto *direction = page->findChild<QComboBox *>(u"callsDirection"_s);
        direction->setCurrentIndex(direction->findData(u"outbound"_s));
        QTRY_COMPARE(page->model()->rowCount(), 3);

        QTest::mouseClick(page->exportButton(), Qt::LeftButton);
        QFileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page->window()->findChild<QFileDialog *>(u"csvExportFileDialog"_s)));
        QVERIFY(dialog->selectedFiles().value(0).endsWith(u".csv"_s));
        dialog->selectNameFilter(vox::ui::CsvExportButton::spreadsheetFilter());
        QTemporaryDir folder;
        const QString path = folder.filePath(u"outgoing.csv"_s);
        emit dialog->fileSelected(path);

        QTRY_VERIFY(!console.toasts.toasts().isEmpty());
        QVERIFY2(console.toasts.toasts().first()->text().contains(u"Saved 3 row"_s),
                 qPrintable(console.toasts.toasts().first()->text()));
        const QByteArray bytes = readFile(path);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const auto records = readCsv(bytes.mid(3));
        QCOMPARE(records.value(0).value(0), u"id"_s);
        QCOMPARE(column(records, 0),
                 idsFromDatabase("SELECT id FROM call_logs WHERE org_id = $1::uuid AND direction "
                                 "= 'outbound' ORDER BY occurred_at DESC, id DESC",
                                 {clinic.orgId}));
        const int summary = int(records.value(0).indexOf(u"summary"_s));
        QCOMPARE(records.value(1).value(summary), u"Asked, \"twice\", about fillers\nand prices"_s);
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files), QStringList{u"outgoing.csv"_s});
    }

    // The leads page filtered by status saves those leads, without a byte order mark when the
    // plain file is chosen.
    void theLeadsExportHoldsExactlyTheFilteredLeads()
    {
        const auto clinic = m_fixture->createClinic(u"Export Leads Clinic"_s);
        m_fixture->insertContact(clinic, u"Ana Booked"_s, u"+15550002001"_s, 80, u"booked"_s);
        m_fixture->insertContact(clinic, u"Ben New"_s, u"+15550002002"_s, 50, u"new"_s);
        m_fixture->insertContact(clinic, u"Cy Booked"_s, u"+15550002003"_s, 20, u"booked"_s, 30);
        Console console(m_fixture->url(), clinic.session);
        auto *page = new vox::ui::LeadsPage(console.api, console.toasts, &console.window);
        page->resize(1024, 700);
        page->show();
        page->refresh();
        QTRY_VERIFY(page->model()->rowCount() >= 3);
        auto *status = page->findChild<QComboBox *>(u"leadsStatusFilter"_s);
        status->setCurrentIndex(status->findData(u"booked"_s));
        QTRY_COMPARE(page->model()->rowCount(), 2);

        QTemporaryDir folder;
        const QString path = folder.filePath(u"booked.csv"_s);
        page->exportButton()->exportTo(path, false);
        QTRY_VERIFY(!console.toasts.toasts().isEmpty());
        const QByteArray bytes = readFile(path);
        QVERIFY(bytes.startsWith("id,"));
        const auto records = readCsv(bytes);
        QStringList names = column(records, 1);
        names.sort();
        QCOMPARE(names, (QStringList{u"Ana Booked"_s, u"Cy Booked"_s}));
    }

    // The appointments page showing the next seven days saves exactly the appointments that
    // start in them, soonest first, and none before or after.
    void theAppointmentsExportHoldsExactlyTheFilteredAppointments()
    {
        const auto clinic = m_fixture->createClinic(u"Export Appointments Clinic"_s);
        const QString contact =
            m_fixture->insertContact(clinic, u"Ada Patient"_s, u"+15550003001"_s, 60, u"booked"_s);
        {
            auto admin = m_fixture->database().connectAsAdmin();
            // Starting 2 and 10 days ago, and 1, 3, 5 and 20 days ahead (whole days plus an hour,
            // so none lies on an edge of the period).
            auto made = admin->exec(
                "INSERT INTO appointments (org_id, contact_id, service_name, starts_at, ends_at, "
                "status) SELECT $1::uuid, $2::uuid, 'Consultation', now() + d * interval '1 day' "
                "+ interval '1 hour', now() + d * interval '1 day' + interval '90 minutes', "
                "CASE WHEN d = 3 THEN 'cancelled' ELSE 'confirmed' END "
                "FROM unnest(ARRAY[-10, -2, 1, 3, 5, 20]) d",
                {clinic.orgId, contact});
            QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.errorMessage()));
        }
        Console console(m_fixture->url(), clinic.session);
        auto *page = new vox::ui::AppointmentsPage(console.api, console.toasts, &console.window);
        page->resize(1024, 700);
        page->show();
        page->setRange(u"next7"_s);
        page->refresh();
        QTRY_COMPARE(page->model()->rowCount(), 3);

        QTemporaryDir folder;
        const QString path = folder.filePath(u"week.csv"_s);
        page->exportButton()->exportTo(path, false);
        QTRY_VERIFY(!console.toasts.toasts().isEmpty());
        QVERIFY2(console.toasts.toasts().first()->text().contains(u"Saved 3 row"_s),
                 qPrintable(console.toasts.toasts().first()->text()));
        const auto records = readCsv(readFile(path));
        QCOMPARE(records.value(0).value(0), u"id"_s);
        const QStringList expected = idsFromDatabase(
            "SELECT id FROM appointments WHERE org_id = $1::uuid AND starts_at >= $2::timestamptz "
            "AND starts_at < $3::timestamptz ORDER BY starts_at, id",
            {clinic.orgId, page->model()->from().toUTC().toString(Qt::ISODateWithMs),
             page->model()->to().toUTC().toString(Qt::ISODateWithMs)});
        QCOMPARE(expected.size(), 3);
        QCOMPARE(column(records, 0), expected);
        const int status = int(records.value(0).indexOf(u"status"_s));
        QCOMPARE(records.value(2).value(status), u"cancelled"_s);
    }

    // Reports → Messages filtered to failed texts lists them, and its export saves exactly the
    // messages the filters select, newest first.
    void theMessagesExportHoldsExactlyTheFilteredMessages()
    {
        const auto clinic = m_fixture->createClinic(u"Export Messages Clinic"_s);
        {
            auto admin = m_fixture->database().connectAsAdmin();
            auto made = admin->exec(
                "INSERT INTO messages (org_id, direction, method, purpose, recipient, content, "
                "status, error, created_at) SELECT $1::uuid, 'outbound', "
                "CASE WHEN i % 4 = 0 THEN 'email' ELSE 'sms' END, 'appointment_reminder', "
                "'+1555000400' || i, 'Reminder, \"soon\"', "
                "(ARRAY['sent', 'delivered', 'failed'])[1 + i % 3], "
                "CASE WHEN i % 3 = 2 THEN 'Unreachable' END, "
                "timestamptz '2026-03-04 10:00Z' + i * interval '1 hour' "
                "FROM generate_series(0, 8) i",
                {clinic.orgId});
            QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.errorMessage()));
        }
        Console console(m_fixture->url(), clinic.session);
        auto *page = new vox::ui::ReportsPage(console.api, console.toasts, &console.window);
        page->resize(1024, 700);
        page->show();
        page->tabs()->setCurrentIndex(1);
        // The list and its export cover the report's days, as the clinic's calendar draws them.
        page->setCustomRange(QDate(2026, 3, 1), QDate(2026, 3, 31));
        vox::ui::MessagesAuditPanel *panel = page->messagesPanel();
        const QTimeZone zone = vox::ui::DisplayFormat::clinicTimeZone();
        QCOMPARE(
            panel->filters().queryItemValue(u"from"_s),
            QDateTime(QDate(2026, 3, 1), QTime(0, 0), zone).toUTC().toString(Qt::ISODateWithMs));
        QCOMPARE(
            panel->filters().queryItemValue(u"to"_s),
            QDateTime(QDate(2026, 4, 1), QTime(0, 0), zone).toUTC().toString(Qt::ISODateWithMs));
        QTRY_VERIFY(panel->loaded());
        QCOMPARE(panel->table()->rowCount(), 9);
        panel->statusCombo()->setCurrentIndex(panel->statusCombo()->findData(u"failed"_s));
        QTRY_VERIFY(panel->loaded());
        QTRY_COMPARE(panel->table()->rowCount(), 3);
        panel->methodCombo()->setCurrentIndex(panel->methodCombo()->findData(u"sms"_s));
        QTRY_VERIFY(panel->loaded());
        QTRY_COMPARE(panel->table()->rowCount(), 2);

        QTemporaryDir folder;
        const QString path = folder.filePath(u"failed.csv"_s);
        panel->exportButton()->exportTo(path, false);
        QTRY_VERIFY(!console.toasts.toasts().isEmpty());
        QVERIFY2(console.toasts.toasts().first()->text().contains(u"Saved 2 row"_s),
                 qPrintable(console.toasts.toasts().first()->text()));
        const auto records = readCsv(readFile(path));
        QCOMPARE(records.value(0).value(0), u"id"_s);
        const QStringList expected =
            idsFromDatabase("SELECT id FROM messages WHERE org_id = $1::uuid AND status = "
                            "'failed' AND method = 'sms' ORDER BY created_at DESC, id DESC",
                            {clinic.orgId});
        QCOMPARE(expected.size(), 2);
        QCOMPARE(column(records, 0), expected);
        // The list shows the same messages in the same order.
        QStringList listed;
        for (int r = 0; r < panel->table()->rowCount(); ++r)
            listed << panel->table()->item(r, 0)->data(Qt::UserRole).toString();
        QCOMPARE(listed, expected);
        // The patient's number reads as the clinic writes it, not in its stored E.164 form.
        const QString party = panel->table()->item(0, 4)->text();
        QCOMPARE(party, vox::phone::display(u"+15550004005"_s));
        QVERIFY2(!party.startsWith(u'+'), qPrintable(party));
        const int content = int(records.value(0).indexOf(u"content"_s));
        QCOMPARE(records.value(1).value(content), u"Reminder, \"soon\""_s);
    }

    // Settings -> Access log saves the log the filters select through the same streamed download
    // (to disk as it arrives, never whole in memory), and the export is itself in the log.
    void theAccessLogExportHoldsExactlyTheFilteredEntries()
    {
        const auto clinic = m_fixture->createClinic(u"Export Access Log Clinic"_s);
        auto admin = m_fixture->database().connectAsAdmin();
        for (const char *action : {"inbox.read", "call.viewed", "inbox.read"}) {
            QVERIFY(admin
                        ->exec("INSERT INTO phi_access_log (org_id, user_id, user_name, action, "
                               "entity_type, result) VALUES ($1::uuid, $2::uuid, 'Dana, RN', $3, "
                               "CASE $3 WHEN 'inbox.read' THEN 'inbox' ELSE 'call' END, "
                               "'allowed')",
                               {clinic.orgId, clinic.session.userId, QString::fromLatin1(action)})
                        .ok());
        }
        Console console(m_fixture->url(), clinic.session);
        auto *panel = new vox::ui::AccessLogPanel(console.api, console.toasts, &console.window);
        panel->show();
        auto *action = panel->actionCombo();
        action->setCurrentIndex(action->findData(u"inbox.read"_s));

        QTemporaryDir folder;
        const QString path = folder.filePath(u"access-log.csv"_s);
        panel->exportButton()->exportTo(path, false);
        QTRY_VERIFY(!console.toasts.toasts().isEmpty());
        const auto records = readCsv(readFile(path));
        QCOMPARE(records.value(0).value(0), u"occurred_at"_s);
        QCOMPARE(column(records, 3), (QStringList{u"inbox.read"_s, u"inbox.read"_s}));
        QCOMPARE(column(records, 1), (QStringList{u"Dana, RN"_s, u"Dana, RN"_s}));
        QTRY_COMPARE(idsFromDatabase("SELECT details->>'rows' FROM phi_access_log WHERE org_id = "
                                     "$1::uuid AND action = 'access_log.exported'",
                                     {clinic.orgId}),
                     QStringList{u"2"_s});
    }

    // Cancelling while rows arrive stops the download and leaves no file, whole or partial.
    void cancellingRemovesThePartialFile()
    {
        const auto clinic = m_fixture->createClinic(u"Export Cancel Clinic"_s);
        m_fixture->insertCalls(clinic, 3000);
        // The answer stalls after its first piece, so Cancel always lands mid-download however
        // fast this machine streams the rest.
        const QUrl server(m_fixture->url());
        vox::test::TcpRelay relay(server.host(), quint16(server.port()));
        QVERIFY(relay.listen());
        relay.holdServerBytesAfter(16 * 1024);
        Console console(relay.url(), clinic.session);
        vox::ui::CsvExportButton button(
            console.api, console.toasts, u"calls"_s, u"calls"_s, [] { return QUrlQuery(); },
            &console.window);
        QTemporaryDir folder;
        const QString path = folder.filePath(u"all.csv"_s);
        button.exportTo(path, false);
        QPointer<vox::ui::ExportProgressDialog> progress = button.progress();
        QVERIFY(progress);
        QSignalSpy failed(progress->download(), &vox::ui::CsvDownload::failed);
        QTRY_VERIFY(progress->download()->bytes() > 0);
        QVERIFY(progress->isVisible());
        QVERIFY(!progress->progressLabel()->text().isEmpty());
        QTest::mouseClick(progress->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!progress);
        QTest::qWait(200);
        QVERIFY(failed.isEmpty());
        QVERIFY(console.toasts.toasts().isEmpty());
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    // The window says how far the export has come: the share done when the size is known,
    // otherwise the rows and bytes so far under a bar that only shows that work goes on.
    void theProgressSaysTheShareWhenTheSizeIsKnown_data()
    {
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<qint64>("expected");
        QTest::addColumn<int>("barMaximum"); // 0: a busy bar without a share
        QTest::addColumn<int>("barValue");
        QTest::addColumn<QString>("words");
        QTest::newRow("size unknown")
            << qint64(12) << qint64(2048) << qint64(-1) << 0 << -1 << u"12 row"_s;
        QTest::newRow("thousands of rows are grouped as the locale writes them")
            << qint64(12345) << qint64(4'321'000) << qint64(-1) << 0 << -1
            << QLocale().toString(qint64(12345)) + u" row"_s;
        QTest::newRow("nothing yet of a known size")
            << qint64(0) << qint64(0) << qint64(1000) << 100 << 0 << u"0% saved: 0 row"_s;
        QTest::newRow("half") << qint64(40) << qint64(500) << qint64(1000) << 100 << 50
                              << u"50% saved: 40 row"_s;
        QTest::newRow("the last byte missing is not yet 100")
            << qint64(99) << qint64(999) << qint64(1000) << 100 << 99 << u"99% saved"_s;
        QTest::newRow("complete") << qint64(100) << qint64(1000) << qint64(1000) << 100 << 100
                                  << u"100% saved: 100 row"_s;
    }

    void theProgressSaysTheShareWhenTheSizeIsKnown()
    {
        QFETCH(qint64, rows);
        QFETCH(qint64, bytes);
        QFETCH(qint64, expected);
        QFETCH(int, barMaximum);
        QFETCH(int, barValue);
        QFETCH(QString, words);
        vox::ui::ApiClient api;
        vox::ui::ExportProgressDialog dialog(api, u"calls"_s);
        dialog.showProgress(rows, bytes, expected);
        QCOMPARE(dialog.progressBar()->maximum(), barMaximum);
        if (barMaximum > 0)
            QCOMPARE(dialog.progressBar()->value(), barValue);
        QVERIFY2(dialog.progressLabel()->text().startsWith(words),
                 qPrintable(dialog.progressLabel()->text()));
    }

    // A server that announces the file's size (Content-Length) gets a percentage as it arrives;
    // the export streamed in chunks has none, and says the rows instead.
    void aKnownSizeIsShownAsAPercentage()
    {
        const auto clinic = m_fixture->createClinic(u"Export Size Clinic"_s);
        const QByteArray body = "id,name\r\n1,Ana\r\n2,Ben\r\n3,Cy\r\n";
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        // The answer's head and first rows, then a pause (the window shows the share), then the
        // rest.
        connect(&server, &QTcpServer::newConnection, &server, [&server, body] {
            QTcpSocket *socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, body] {
                socket->readAll();
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\n\r\n" + body.left(16));
                QTimer::singleShot(300, socket, [socket, body] {
                    socket->write(body.mid(16));
                    socket->disconnectFromHost();
                });
            });
        });
        Console console(u"http://127.0.0.1:%1"_s.arg(server.serverPort()), clinic.session);
        vox::ui::CsvExportButton button(
            console.api, console.toasts, u"calls"_s, u"calls"_s, [] { return QUrlQuery(); },
            &console.window);
        QTemporaryDir folder;
        button.exportTo(folder.filePath(u"sized.csv"_s), false);
        QPointer<vox::ui::ExportProgressDialog> progress = button.progress();
        QVERIFY(progress);
        QTRY_COMPARE(progress->download()->bytes(), qint64(16));
        QCOMPARE(progress->download()->expectedBytes(), qint64(body.size()));
        QCOMPARE(progress->progressBar()->maximum(), 100);
        QCOMPARE(progress->progressBar()->value(), int(16 * 100 / body.size()));
        QVERIFY2(progress->progressLabel()->text().contains(u"%"_s),
                 qPrintable(progress->progressLabel()->text()));
        QTRY_VERIFY(!console.toasts.toasts().isEmpty());
        QVERIFY2(console.toasts.toasts().first()->text().contains(u"Saved 3 row"_s),
                 qPrintable(console.toasts.toasts().first()->text()));
        QCOMPARE(readFile(folder.filePath(u"sized.csv"_s)), body);
    }

    // A table export is for a spreadsheet: each cell that carries a value is written as that value
    // (numbers plain with '.', percentages as numbers under a header naming the unit, dates ISO),
    // whatever the screen's locale made of it; text is written as shown, a formula neutralised.
    void aTableExportWritesValuesNotTheirDisplay_data()
    {
        QTest::addColumn<QString>("shown");
        QTest::addColumn<QVariant>("value"); // invalid: none, the shown text is written
        QTest::addColumn<QString>("written");
        auto row = [](const char *name, const QString &shown, const QVariant &value,
                      const QString &written) { QTest::newRow(name) << shown << value << written; };
        row("a Spanish decimal is a plain number", u"1.234,5"_s, 1234.5, u"1234.5"_s);
        row("a grouped count is a plain number", u"12.345"_s, qint64(12345), u"12345"_s);
        row("a rise shown with '+' is a number, no apostrophe", u"+200%"_s, 200.0, u"200"_s);
        row("a fall is a negative number", u"-50 %"_s, -50.0, u"-50"_s);
        row("money is the amount in units", u"7.500 US$"_s, 7500.0, u"7500"_s);
        row("money with cents", u"$217.24"_s, 217.24, u"217.24"_s);
        row("a date is ISO 8601", u"7 dic 2026"_s, QDate(2026, 12, 7), u"2026-12-07"_s);
        row("no change is an empty cell", u"–"_s, QString(), QString());
        row("plain text as shown", u"Botox"_s, QVariant(), u"Botox"_s);
        row("a patient's '+' text is still neutralised", u"+1 call me"_s, QVariant(),
            u"'+1 call me"_s);
        row("a patient's formula is still neutralised", u"=HYPERLINK(\"x\")"_s, QVariant(),
            u"'=HYPERLINK(\"x\")"_s);
        row("a patient's @ is still neutralised", u"@SUM(A1)"_s, QVariant(), u"'@SUM(A1)"_s);
        row("a value that is text is still neutralised", u"x"_s, u"-2+3"_s, u"'-2+3"_s);
    }

    void aTableExportWritesValuesNotTheirDisplay()
    {
        QFETCH(QString, shown);
        QFETCH(QVariant, value);
        QFETCH(QString, written);
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
        QTableWidget table(1, 1);
        auto *header = new QTableWidgetItem(u"Cambio"_s);
        header->setData(vox::ui::TableCsvButton::ExportRole, u"Cambio (%)"_s);
        table.setHorizontalHeaderItem(0, header);
        auto *item = new QTableWidgetItem(shown);
        if (value.isValid())
            item->setData(vox::ui::TableCsvButton::ExportRole, value);
        table.setItem(0, 0, item);
        const QByteArray bytes = vox::ui::TableCsvButton::toCsv(table);
        QLocale::setDefault(before);
        QCOMPARE(readCsv(bytes), (QList<QStringList>{{u"Cambio (%)"_s}, {written}}));
        QCOMPARE(table.item(0, 0)->text(), shown); // the screen keeps its formatting
    }

    // Every table of the Reports page saves its figures: its visible columns under their headers,
    // every count and amount as a plain number a spreadsheet can add, the text cells as shown
    // with a cell that would run as a formula neutralised.
    void eachReportTableExportsItsFigures()
    {
        const auto clinic = m_fixture->createClinic(u"Export Report Tables Clinic"_s);
        {
            auto admin = m_fixture->database().connectAsAdmin();
            for (const char *statement :
                 {"INSERT INTO call_logs (org_id, occurred_at, status, duration_seconds, "
                  "booking_confirmed, matched_services, transfer_reason) SELECT $1::uuid, "
                  "t::timestamp AT TIME ZONE s.time_zone, 'ended', 90, false, ARRAY['Botox'], "
                  "CASE WHEN t LIKE '2026-03-03%' THEN '=HYPERLINK(\"x\"), \"please\"' END "
                  "FROM org_settings s, unnest(ARRAY['2026-03-03 10:05', '2026-03-04 11:00', "
                  "'2026-02-24 11:00']) t WHERE s.org_id = $1::uuid",
                  "UPDATE call_logs SET transfer_to = '+15550100009' WHERE org_id = $1::uuid AND "
                  "transfer_reason IS NOT NULL",
                  "INSERT INTO tool_errors (org_id, tool, kind, occurred_at) VALUES ($1::uuid, "
                  "'bookClinicAppointment', 'slot_taken', '2026-03-04 15:00Z')"}) {
                auto done = admin->exec(statement, {clinic.orgId});
                QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.errorMessage()));
            }
        }
        Console console(m_fixture->url(), clinic.session);
        auto *page = new vox::ui::ReportsPage(console.api, console.toasts, &console.window);
        page->resize(1024, 700);
        page->show();
        page->setCustomRange(QDate(2026, 3, 2), QDate(2026, 3, 8));
        QTRY_COMPARE(page->loadedReports(), 5);
        page->setComparing(false); // hidden columns are not in the file either

        const auto tableExports = page->tableExports();
        QCOMPARE(tableExports.size(), 6);
        QTemporaryDir folder;
        bool sawFormula = false;
        for (auto it = tableExports.cbegin(); it != tableExports.cend(); ++it) {
            const QTableWidget *table = it.key();
            QList<QStringList> shown;
            QStringList header;
            for (int c = 0; c < table->columnCount(); ++c) {
                if (table->isColumnHidden(c))
                    continue;
                const QVariant label =
                    table->horizontalHeaderItem(c)->data(vox::ui::TableCsvButton::ExportRole);
                header << (label.isValid() ? label.toString()
                                           : table->horizontalHeaderItem(c)->text());
            }
            shown << header;
            for (int r = 0; r < table->rowCount(); ++r) {
                QStringList cells;
                for (int c = 0; c < table->columnCount(); ++c) {
                    if (table->isColumnHidden(c))
                        continue;
                    const QString text = table->item(r, c)->text();
                    sawFormula = sawFormula || text.startsWith(u'=');
                    const QVariant value =
                        table->item(r, c)->data(vox::ui::TableCsvButton::ExportRole);
                    // Past the first (naming) column every cell is a figure.
                    QCOMPARE(value.isValid(), c > 0);
                    cells << (value.isValid()         ? vox::csv::plain(value)
                              : text.startsWith(u'=') ? u'\'' + text
                                                      : text);
                    if (c > 0 && !cells.last().isEmpty()) {
                        bool isNumber = false;
                        QLocale::c().toDouble(cells.last(), &isNumber);
                        QVERIFY2(isNumber, qPrintable(cells.last()));
                    }
                }
                shown << cells;
            }
            const QString path = folder.filePath(table->objectName() + u".csv"_s);
            const auto done = it.value()->exportTo(path, true);
            QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.errorMessage()));
            const QByteArray bytes = readFile(path);
            QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
            QCOMPARE(readCsv(bytes.mid(3)), shown);
        }
        // The transfer reason above was a formula with a comma and quotes: it came back whole.
        QVERIFY(sawFormula);
        QVERIFY(page->findChild<QTableWidget *>(u"reportReasons"_s)->rowCount() > 0);
    }

    void aFailureIsSaidInWordsAndLeavesNoFile_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("filterName");
        QTest::addColumn<QString>("filterValue");
        QTest::addColumn<bool>("missingFolder");
        QTest::addColumn<QString>("said");
        QTest::newRow("the server refuses a filter")
            << QString() << u"direction"_s << u"sideways"_s << false << u"'direction'"_s;
        QTest::newRow("the folder cannot be written")
            << QString() << QString() << QString() << true << u"cannot be written"_s;
        QTest::newRow("no server answers")
            << u"http://127.0.0.1:1"_s << QString() << QString() << false << u"Cannot reach"_s;
    }

    void aFailureIsSaidInWordsAndLeavesNoFile()
    {
        QFETCH(QString, server);
        QFETCH(QString, filterName);
        QFETCH(QString, filterValue);
        QFETCH(bool, missingFolder);
        QFETCH(QString, said);
        const auto clinic = m_fixture->createClinic(u"Export Failure Clinic"_s);
        m_fixture->insertCalls(clinic, 3);
        Console console(server.isEmpty() ? m_fixture->url() : server, clinic.session);
        QUrlQuery filters;
        if (!filterName.isEmpty())
            filters.addQueryItem(filterName, filterValue);
        vox::ui::CsvExportButton button(
            console.api, console.toasts, u"calls"_s, u"calls"_s, [filters] { return filters; },
            &console.window);
        QTemporaryDir folder;
        const QString path =
            missingFolder ? folder.filePath(u"gone/calls.csv"_s) : folder.filePath(u"calls.csv"_s);
        button.exportTo(path, false);
        auto *progress = button.progress();
        QVERIFY(progress);
        QTRY_VERIFY(progress->problemLabel()->isVisible());
        QVERIFY2(progress->problemLabel()->text().contains(said),
                 qPrintable(progress->problemLabel()->text()));
        QCOMPARE(progress->cancelButton()->text(), u"Close"_s);
        // The heading no longer says the file is being saved.
        QCOMPARE(progress->titleLabel()->text(), u"Saving calls as CSV failed."_s);
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
        QVERIFY(console.toasts.toasts().isEmpty());
    }
};

QTEST_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
