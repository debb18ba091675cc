// A call's recording is streamed through the server from its provider (the sandbox's recording
// storage here), for signed-in staff of the call's clinic and for a shared link: the whole file
// in one 200, or the byte range asked for (206, 416 beyond the end), fetched from the provider in
// pieces of at most 1 MiB while it is sent, so the server never holds a whole recording. One
// playback is one access log row however many ranges the player asks for.
#include "integrationfixture.h"

#include "server/services/recordingrelay.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;
using vox::test::Clinic;
using vox::test::HttpClient;
using vox::test::HttpReply;
using vox::test::IntegrationFixture;

class TestRecordingStreaming : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    // A server that may fetch the sandbox's recordings (VOXANNE_SANDBOX_URL).
    std::unique_ptr<vox::test::TestServer> m_server;
    Clinic m_clinic;
    Clinic m_other;
    QByteArray m_staffToken;
    QString m_contactId;
    QString m_callId;
    QString m_file;      // the recording's file name at the sandbox
    QByteArray m_direct; // the recording as the sandbox serves it
    QString m_shareLink; // path on the server

    QString recordingPath(const QString &callId) const
    {
        return m_server->url() + u"/api/calls-dashboard/%1/recording"_s.arg(callId);
    }
    HttpReply play(const QByteArray &range, const QString &callId = {})
    {
        return IntegrationFixture::getWithoutRedirect(
            recordingPath(callId.isEmpty() ? m_callId : callId), range, m_staffToken);
    }
    int playedRows(const QString &orgId)
    {
        auto row = f.sql("SELECT count(*) FROM phi_access_log WHERE org_id = $1::uuid AND "
                         "action = 'recording.played'",
                         {orgId});
        return row ? int(row->toInt(0, 0)) : -1;
    }
    // A call of the clinic whose recording the sandbox keeps under `file`.
    QString callWithRecording(const QString &file)
    {
        return f.insertCall(m_clinic.orgId, u"+15557770002"_s, m_contactId,
                            f.sandbox->url() + u"/vapi/recordings/"_s + file,
                            u"AI: Hello. User: Hi."_s);
    }
    // The Range headers the server sent the sandbox for `file`, oldest first.
    QList<QByteArray> rangesAskedOf(const QString &file)
    {
        QList<QByteArray> ranges;
        for (const auto &request : f.sandbox->state().recorded(u"vapi"_s)) {
            if (request.path.endsWith(file))
                ranges.append(request.headers.value("range"));
        }
        return ranges;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(f.start(u"recordingstreaming"_s), qPrintable(f.error));
        m_server = std::make_unique<vox::test::TestServer>(*f.db, f.sandboxEnvironment());
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_clinic = f.signUp(u"Stream Clinic"_s, m_server.get());
        m_other = f.signUp(u"Other Clinic"_s, m_server.get());
        QVERIFY(!m_clinic.orgId.isEmpty() && !m_other.orgId.isEmpty());
        auto staff = f.staffOf(m_clinic);
        QVERIFY(staff);
        m_staffToken = staff->token().toUtf8();

        // A line a minute in: about 2.7 MB of WAV, so the whole file takes three pieces.
        f.sandbox->recordings().addScript(u"long-call"_s,
                                          {{u"assistant"_s, u"Thank you for calling Glow."_s, 0.5},
                                           {u"user"_s, u"Thank you, that is all."_s, 60}});
        m_file = u"long-call-mono.wav"_s;
        const HttpReply direct = IntegrationFixture::getWithoutRedirect(
            f.sandbox->url() + u"/vapi/recordings/"_s + m_file);
        QCOMPARE(direct.status, 200);
        m_direct = direct.body;
        QVERIFY2(m_direct.size() > 2 * vox::server::recordingrelay::maxPieceBytes,
                 qPrintable(QString::number(m_direct.size())));

        m_contactId = f.insertContact(m_clinic.orgId, u"+15557770002"_s, u"Jane Doe"_s);
        m_callId = callWithRecording(m_file);
        QVERIFY(!m_callId.isEmpty());
        QCOMPARE(f.connectResend(m_clinic, u"re_stream_key_1"_s).status, 200);
    }

    void theWholeRecordingIsOneAnswerFetchedInPieces()
    {
        const qsizetype askedBefore = rangesAskedOf(m_file).size();
        const HttpReply whole = play(QByteArray());
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.body.size(), m_direct.size());
        QVERIFY(whole.body == m_direct);
        // Streamed while fetched, with the file's size known up front: a player sees how long
        // the recording is, and a cut answer is shorter than announced.
        QCOMPARE(whole.headers.value("content-length"), QByteArray::number(m_direct.size()));
        QVERIFY(!whole.headers.contains("transfer-encoding"));
        QCOMPARE(whole.headers.value("content-type"), QByteArray("audio/wav"));
        QCOMPARE(whole.headers.value("accept-ranges"), QByteArray("bytes"));
        QVERIFY(!whole.headers.contains("content-range"));
        // Asked of the provider in pieces of at most 1 MiB: never the whole file at once.
        const QList<QByteArray> asked = rangesAskedOf(m_file).mid(askedBefore);
        const qint64 piece = vox::server::recordingrelay::maxPieceBytes;
        QCOMPARE(qint64(asked.size()), (m_direct.size() + piece - 1) / piece);
        for (const QByteArray &range : asked) {
            const auto parsed = vox::server::recordingrelay::parseRange(range);
            QVERIFY2(parsed && parsed->last, range.constData());
            QVERIFY(*parsed->last - parsed->first + 1 <=
                    vox::server::recordingrelay::maxPieceBytes);
        }
    }

    void rangesAreAnsweredAsAsked_data()
    {
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        const qint64 size = m_direct.size();
        const qint64 piece = vox::server::recordingrelay::maxPieceBytes;
        QTest::newRow("the first bytes") << "bytes=0-99"_ba << 0LL << 99LL;
        QTest::newRow("from the start, open") << "bytes=0-"_ba << 0LL << size - 1;
        QTest::newRow("a middle range within a piece") << "bytes=1000-2999"_ba << 1000LL << 2999LL;
        QTest::newRow("a middle range across pieces")
            << "bytes=%1-%2"_ba.replace("%1", QByteArray::number(piece - 10))
                   .replace("%2", QByteArray::number(2 * piece + 10))
            << piece - 10 << 2 * piece + 10;
        QTest::newRow("the last bytes")
            << "bytes=" + QByteArray::number(size - 100) + "-" << size - 100 << size - 1;
        QTest::newRow("the very last byte")
            << "bytes=" + QByteArray::number(size - 1) + "-" + QByteArray::number(size - 1)
            << size - 1 << size - 1;
        QTest::newRow("an end past the file is cut")
            << "bytes=" + QByteArray::number(size - 10) + "-" + QByteArray::number(size + 1000)
            << size - 10 << size - 1;
        QTest::newRow("a suffix") << "bytes=-500"_ba << size - 500 << size - 1;
        QTest::newRow("a suffix longer than a piece")
            << "bytes=-" + QByteArray::number(piece + 500) << size - piece - 500 << size - 1;
    }
    void rangesAreAnsweredAsAsked()
    {
        QFETCH(QByteArray, range);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        const HttpReply part = play(range);
        QCOMPARE(part.status, 206);
        QCOMPARE(qint64(part.body.size()), last - first + 1);
        QVERIFY(part.body == m_direct.mid(first, last - first + 1));
        QCOMPARE(part.headers.value("content-range"), "bytes " + QByteArray::number(first) + "-" +
                                                          QByteArray::number(last) + "/" +
                                                          QByteArray::number(m_direct.size()));
        // One piece is answered as it came, more are streamed while fetched: either way with
        // the part's exact length.
        QCOMPARE(part.headers.value("content-length"), QByteArray::number(last - first + 1));
        QVERIFY(!part.headers.contains("transfer-encoding"));
        QCOMPARE(part.headers.value("accept-ranges"), QByteArray("bytes"));
    }

    void aRangeBeyondTheEndIsUnsatisfiable_data()
    {
        QTest::addColumn<QByteArray>("range");
        const QByteArray size = QByteArray::number(m_direct.size());
        QTest::newRow("from the end") << "bytes=" + size + "-";
        QTest::newRow("past the end") << "bytes=" + size + "0-" + size + "9";
    }
    void aRangeBeyondTheEndIsUnsatisfiable()
    {
        QFETCH(QByteArray, range);
        const HttpReply beyond = play(range);
        QCOMPARE(beyond.status, 416);
        QCOMPARE(beyond.headers.value("content-range"),
                 "bytes */" + QByteArray::number(m_direct.size()));
    }

    // A player opens a recording from its start, then asks for ranges as it buffers and seeks:
    // one row for the listening, and one more for the next listening.
    void aPlaybackOfSeveralRangesIsLoggedOnce()
    {
        const int before = playedRows(m_clinic.orgId);
        const QByteArray size = QByteArray::number(m_direct.size());
        QCOMPARE(play("bytes=0-65535").status, 206);
        QCOMPARE(play("bytes=65536-1048575").status, 206);
        QCOMPARE(play("bytes=2000000-").status, 206);
        QCOMPARE(play("bytes=-4096").status, 206);
        QCOMPARE(play("bytes=" + size + "-").status, 416);
        QCOMPARE(playedRows(m_clinic.orgId), before + 1);
        QCOMPARE(play(QByteArray()).status, 200);
        QCOMPARE(playedRows(m_clinic.orgId), before + 2);
        auto row = f.sql("SELECT entity_type, entity_id::text FROM phi_access_log WHERE org_id = "
                         "$1::uuid AND action = 'recording.played' ORDER BY occurred_at DESC, id "
                         "DESC LIMIT 1",
                         {m_clinic.orgId});
        QVERIFY(row && !row->isEmpty());
        QCOMPARE(row->text(0, 0), u"call"_s);
        QCOMPARE(row->text(0, 1), m_callId);
    }

    void aSharedLinkStreamsTheWholeFileInOneAnswer()
    {
        m_shareLink = f.shareRecording(m_clinic, m_callId, u"a@glow.example"_s);
        QVERIFY(!m_shareLink.isEmpty());

        const HttpReply whole =
            IntegrationFixture::getWithoutRedirect(m_server->url() + m_shareLink);
        QCOMPARE(whole.status, 200);
        QVERIFY(whole.body.size() > vox::server::recordingrelay::maxPieceBytes);
        QVERIFY(whole.body == m_direct);
        QCOMPARE(whole.headers.value("accept-ranges"), QByteArray("bytes"));
        const HttpReply part =
            IntegrationFixture::getWithoutRedirect(m_server->url() + m_shareLink, "bytes=-100");
        QCOMPARE(part.status, 206);
        QVERIFY(part.body == m_direct.right(100));
    }

    void aRevokedOrExpiredShareIsGone_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("revoked") << u"revoked"_s;
        QTest::newRow("expired") << u"expired"_s;
    }
    void aRevokedOrExpiredShareIsGone()
    {
        QFETCH(QString, how);
        const QString email = how + u"@glow.example"_s;
        const QString path = f.shareRecording(m_clinic, m_callId, email);
        QVERIFY(!path.isEmpty());
        auto share = f.sql("SELECT id FROM recording_shares WHERE email = $1", {email});
        QVERIFY(share && !share->isEmpty());
        QCOMPARE(
            IntegrationFixture::getWithoutRedirect(m_server->url() + path, "bytes=0-99").status,
            206);
        if (how == u"revoked")
            QCOMPARE(m_clinic.client->del(u"/api/recording-shares/"_s + share->text(0, 0)).status,
                     200);
        else
            QVERIFY(f.sql("UPDATE recording_shares SET expires_at = now() - interval '1 second' "
                          "WHERE id = $1::uuid",
                          {share->text(0, 0)}));
        const HttpReply gone = IntegrationFixture::getWithoutRedirect(m_server->url() + path);
        QCOMPARE(gone.status, 410);
        QVERIFY(!gone.body.contains("RIFF"));
        QVERIFY(!gone.body.contains("sandbox"));
    }

    void anotherClinicsCallIsNotFound()
    {
        const int before = playedRows(m_clinic.orgId);
        const HttpReply other = IntegrationFixture::getWithoutRedirect(
            recordingPath(m_callId), {}, m_other.client->token().toUtf8());
        QCOMPARE(other.status, 404);
        QVERIFY(!other.body.contains("RIFF"));
        QCOMPARE(playedRows(m_clinic.orgId), before);
        QCOMPARE(IntegrationFixture::getWithoutRedirect(recordingPath(m_callId)).status, 401);
    }

    // What a player is told when the recording cannot be served, in words, never a 500.
    void aRecordingThatCannotBeServedSaysWhy_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("status");
        QTest::newRow("the provider is failing") << u"failing"_s << 502;
        QTest::newRow("the provider no longer has it") << u"missing"_s << 404;
        QTest::newRow("removed by retention or erasure") << u"removed"_s << 404;
        QTest::newRow("the call never had one") << u"none"_s << 404;
    }
    void aRecordingThatCannotBeServedSaysWhy()
    {
        QFETCH(QString, what);
        QFETCH(int, status);
        f.sandbox->recordings().addScript(u"short-"_s + what, {{u"assistant"_s, u"Hello."_s, 0.5}});
        QString callId = callWithRecording(u"short-"_s + what + u"-mono.wav"_s);
        if (what == u"failing") {
            vox::sandbox::Failure failure;
            failure.provider = u"vapi"_s;
            failure.pathPrefix = u"/vapi/recordings/short-failing"_s;
            failure.status = 503;
            failure.remaining = 5;
            f.sandbox->state().addFailure(failure);
        } else if (what == u"missing") {
            callId = callWithRecording(u"never-made-mono.wav"_s);
        } else if (what == u"removed") {
            QVERIFY(f.sql("UPDATE call_logs SET recording_url = NULL, recording_removed_at = now() "
                          "WHERE id = $1::uuid",
                          {callId}));
        } else {
            QVERIFY(
                f.sql("UPDATE call_logs SET recording_url = NULL WHERE id = $1::uuid", {callId}));
        }
        const HttpReply reply = play(QByteArray(), callId);
        f.sandbox->state().clearFailures();
        QCOMPARE(reply.status, status);
        const QString error =
            QJsonDocument::fromJson(reply.body).object().value(u"error"_s).toString();
        QVERIFY2(error.size() > 20, reply.body.constData());
        if (what == u"removed")
            QVERIFY2(error.contains(u"retention"_s), qPrintable(error));
        QVERIFY(!reply.body.contains("sandbox"));
        QVERIFY(!reply.body.contains("127.0.0.1"));
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(TestRecordingStreaming)
#include "tst_recordingstreaming.moc"
