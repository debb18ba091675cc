// The knowledge base end to end on the server: uploads of PDF, text and Markdown become indexed
// passages; questions find the right passage; bad files get clear errors; clinics stay apart.
#include "testserver.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QTemporaryFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;

namespace {

QByteArray pdfWithText(const QStringList &paragraphs)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    QPainter painter(&writer);
    QFont font(u"DejaVu Sans"_s);
    font.setPointSize(11);
    painter.setFont(font);
    int y = 40;
    for (const QString &p : paragraphs) {
        painter.drawText(QRect(40, y, 500, 60), Qt::TextWordWrap, p);
        y += 80;
    }
    painter.end();
    return buffer.data();
}

// A field of /proc/self/status in bytes (VmRSS: resident now, VmHWM: the peak since the last
// reset).
qint64 statusBytes(const QByteArray &field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

// Starts a new peak: VmHWM falls back to what is resident now.
bool resetPeakMemory()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

// A price list of `bytes` bytes: paragraphs that differ, as a long real document's do.
QByteArray largeDocument(qsizetype bytes)
{
    QByteArray text;
    text.reserve(bytes + 512);
    for (int i = 0; text.size() < bytes; ++i) {
        text += "Treatment " + QByteArray::number(i) +
                ": a consultation with our nurse, then the procedure itself. It costs $" +
                QByteArray::number(100 + i % 900) + " and takes about " +
                QByteArray::number(15 + i % 90) + " minutes; aftercare advice is given in writing.";
        text += i % 4 == 3 ? "\n\n" : " ";
    }
    text.truncate(bytes);
    return text;
}

} // namespace

class TestKnowledge : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::test::TestServer> m_server;
    std::unique_ptr<HttpClient> m_a;
    std::unique_ptr<HttpClient> m_b;
    int m_counter = 0;

    std::unique_ptr<HttpClient> clinic()
    {
        auto client = m_server->client();
        const HttpReply made = client->post(
            u"/api/auth/signup"_s, {{u"organization_name"_s, u"Clinic %1"_s.arg(++m_counter)},
                                    {u"email"_s, u"kb%1@clinic.test"_s.arg(m_counter)},
                                    {u"password"_s, u"correct horse battery"_s}});
        client->setToken(made.json().value(u"access_token"_s).toString());
        return client;
    }

    HttpReply upload(HttpClient &client, const QString &name, const QByteArray &type,
                     const QByteArray &bytes)
    {
        return client.send("POST", u"/api/knowledge"_s, bytes, {{"X-Filename", name.toUtf8()}},
                           type);
    }

    QJsonArray ask(HttpClient &client, const QString &question)
    {
        return client.post(u"/api/knowledge/query"_s, {{u"question"_s, question}})
            .json()
            .value(u"passages"_s)
            .toArray();
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"knowledge"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_a = clinic();
        m_b = clinic();
    }

    void aMarkdownFaqAnswersQuestions()
    {
        const QByteArray faq =
            "# Glow Med Spa FAQ\n\n## Parking\nParking is free in the garage behind the building; "
            "bring your ticket to the front desk.\n\n## Botox\nA Botox treatment takes about 30 "
            "minutes and results show within a week.\n\n## Cancellations\nPlease cancel at least "
            "24 hours ahead or a $50 fee applies.\n";
        const HttpReply added = upload(*m_a, u"faq.md"_s, "text/markdown", faq);
        QCOMPARE(added.status, 201);
        QCOMPARE(added.json().value(u"mime_type"_s).toString(), u"text/markdown"_s);
        QVERIFY(added.json().value(u"chunk_count"_s).toInt() >= 1);

        const QJsonArray parking = ask(*m_a, u"Where can I park my car?"_s);
        QVERIFY(!parking.isEmpty());
        QVERIFY(parking.first().toObject().value(u"content"_s).toString().contains(u"garage"_s));
        QCOMPARE(parking.first().toObject().value(u"filename"_s).toString(), u"faq.md"_s);
        QVERIFY(ask(*m_a, u"What happens if I cancel late?"_s)
                    .first()
                    .toObject()
                    .value(u"content"_s)
                    .toString()
                    .contains(u"$50"_s));
        QVERIFY(ask(*m_a, u"zzzz qqqq"_s).isEmpty());
    }

    void aPdfIsReadThroughPoppler()
    {
        const QByteArray pdf =
            pdfWithText({u"Our clinic offers dermal fillers for lips and cheeks."_s,
                         u"Consultations with Dr. Rivera are on Thursdays."_s});
        const HttpReply added = upload(*m_a, u"services.pdf"_s, "application/pdf", pdf);
        QCOMPARE(added.status, 201);
        const QJsonArray found = ask(*m_a, u"When is Dr Rivera available?"_s);
        QVERIFY(!found.isEmpty());
        QVERIFY(found.first().toObject().value(u"content"_s).toString().contains(u"Thursdays"_s));
    }

    void badUploadsAreRefusedClearly_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("says");
        QTest::newRow("spreadsheet") << u"prices.xlsx"_s << QByteArray("application/vnd.ms-excel")
                                     << QByteArray("PK..") << 415 << u"Only PDF"_s;
        QTest::newRow("empty") << u"empty.txt"_s << QByteArray("text/plain") << QByteArray() << 400
                               << u"empty"_s;
        QTest::newRow("no name") << QString() << QByteArray("text/plain") << QByteArray("hello")
                                 << 400 << u"X-Filename"_s;
        QTest::newRow("folder in name") << u"../etc/passwd"_s << QByteArray("text/plain")
                                        << QByteArray("x") << 400 << u"X-Filename"_s;
        QTest::newRow("damaged pdf") << u"broken.pdf"_s << QByteArray("application/pdf")
                                     << QByteArray("%PDF-1.4 garbage") << 422 << u"damaged"_s;
        QTest::newRow("not utf-8") << u"latin1.txt"_s << QByteArray("text/plain")
                                   << QByteArray("caf\xe9 \xff\xfe") << 422 << u"UTF-8"_s;
        QTest::newRow("only blanks") << u"blank.txt"_s << QByteArray("text/plain")
                                     << QByteArray("   \n\n  ") << 422 << u"no text"_s;
    }
    void badUploadsAreRefusedClearly()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QString, says);
        const HttpReply reply = upload(*m_a, name, type, bytes);
        QCOMPARE(reply.status, status);
        QVERIFY2(reply.error().contains(says), qPrintable(reply.error()));
    }

    void theSameFileTwiceIsAConflict()
    {
        QCOMPARE(upload(*m_a, u"hours.txt"_s, "text/plain", "Open 9 to 5 on weekdays.").status,
                 201);
        const HttpReply again =
            upload(*m_a, u"hours-copy.txt"_s, "text/plain", "Open 9 to 5 on weekdays.");
        QCOMPARE(again.status, 409);
        QVERIFY(again.error().contains(u"hours.txt"_s));
    }

    void staffCanReadButNotChange()
    {
        const QString email = u"staff.kb@clinic.test"_s;
        QCOMPARE(m_a->post(u"/api/org/users"_s, {{u"email"_s, email},
                                                 {u"role"_s, u"staff"_s},
                                                 {u"password"_s, u"staff password"_s}})
                     .status,
                 201);
        auto staff = m_server->client();
        staff->setToken(staff
                            ->post(u"/api/auth/login"_s,
                                   {{u"email"_s, email}, {u"password"_s, u"staff password"_s}})
                            .json()
                            .value(u"access_token"_s)
                            .toString());
        QCOMPARE(staff->get(u"/api/knowledge"_s).status, 200);
        QCOMPARE(upload(*staff, u"x.txt"_s, "text/plain", "staff upload").status, 403);
        QVERIFY(!ask(*staff, u"parking"_s).isEmpty());
    }

    void anotherClinicSeesNothing()
    {
        const QJsonArray documentsOfA =
            m_a->get(u"/api/knowledge"_s).json().value(u"items"_s).toArray();
        QVERIFY(documentsOfA.size() >= 2);
        QCOMPARE(m_b->get(u"/api/knowledge"_s).json().value(u"items"_s).toArray().size(), 0);
        QVERIFY(ask(*m_b, u"Where can I park my car?"_s).isEmpty());
        const QString id = documentsOfA.first().toObject().value(u"id"_s).toString();
        QCOMPARE(m_b->del(u"/api/knowledge/"_s + id).status, 404);
        QCOMPARE(m_b->del(u"/api/knowledge/not-a-uuid"_s).status, 404);
    }

    // An upload is read a part at a time: the server grows by less than three times the file
    // while a 18 MB document is added, and gives most of it back. The document is sent by curl
    // from a file, so what grows here is the server alone.
    void aLargeUploadIsNotHeldInSeveralCopies()
    {
        const qsizetype size = 18 * 1024 * 1024;
        QTemporaryFile file;
        QVERIFY(file.open());
        QCOMPARE(file.write(largeDocument(size)), size);
        file.close();
        QVERIFY(resetPeakMemory());
        const qint64 before = statusBytes("VmRSS");
        QVERIFY(before > 0);

        QProcess curl;
        curl.start(u"curl"_s, {u"-sS"_s, u"-X"_s, u"POST"_s, u"-H"_s, u"Content-Type: text/plain"_s,
                               u"-H"_s, u"X-Filename: price-list.txt"_s, u"-H"_s,
                               u"Authorization: Bearer "_s + m_a->token(), u"--data-binary"_s,
                               u"@"_s + file.fileName(), u"-w"_s, u"\n%{http_code}"_s,
                               m_server->url() + u"/api/knowledge"_s});
        // The server runs on this thread's event loop: wait for curl without blocking it.
        QTRY_VERIFY_WITH_TIMEOUT(curl.state() == QProcess::NotRunning, 120000);
        const QList<QByteArray> out = curl.readAllStandardOutput().split('\n');
        QCOMPARE(out.value(out.size() - 1), QByteArray("201"));
        const qint64 peak = statusBytes("VmHWM");
        const qint64 after = statusBytes("VmRSS");
        qInfo("upload of %lld MB: peak +%lld MB, after +%lld MB", qint64(size >> 20),
              (peak - before) >> 20, (after - before) >> 20);
        QVERIFY2(peak - before < 3 * size, qPrintable(u"grew %1 MB"_s.arg((peak - before) >> 20)));
        QVERIFY2(after - before < size, qPrintable(u"kept %1 MB"_s.arg((after - before) >> 20)));
        // Every part's passages were stored, numbered in order across the parts.
        const QJsonObject added = QJsonDocument::fromJson(out.value(0)).object();
        QVERIFY(added.value(u"chunk_count"_s).toInt() > size / 1000);
        QVERIFY(!ask(*m_a, u"Treatment 123456"_s).isEmpty());
    }

    void deletingRemovesThePassages()
    {
        const HttpReply added =
            upload(*m_a, u"temp.txt"_s, "text/plain", "The laser room is on the second floor.");
        QCOMPARE(added.status, 201);
        QVERIFY(!ask(*m_a, u"laser room"_s).isEmpty());
        QCOMPARE(m_a->del(u"/api/knowledge/"_s + added.json().value(u"id"_s).toString()).status,
                 200);
        QVERIFY(ask(*m_a, u"laser room"_s).isEmpty());
    }

    void cleanupTestCase()
    {
        m_a.reset();
        m_b.reset();
        m_server.reset();
        m_db.reset();
    }
};

QTEST_MAIN(TestKnowledge)
#include "tst_knowledge.moc"
