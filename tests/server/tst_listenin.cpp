// Listening in to a call in progress, end to end against the provider sandbox: a signed-in user
// of the call's clinic opens GET /api/calls/:id/listen as a WebSocket, hears the format first and
// then the call's PCM as the sandbox streams it from the call's listen address (opened with
// Vapi's public key, never shown to the console). Everyone listening to one call shares one
// listen socket at Vapi: a late joiner hears the format and then the sound from when it joined,
// the last one out closes it, and losing it closes every listener with 4502. The listeners are
// closed when the call ends; every attempt leaves an access-log row, and every listening a second
// one with how long it lasted; another clinic's call is not found, an ended call is refused in
// words, and nobody unsigned gets in. A listener whose connection does not take the sound is
// closed as too slow once it is two seconds behind, and the others go on hearing the call.
#include "livecallfixture.h"

#include "sandbox/livecallsandbox.h"
#include "sandbox/vapimessages.h"
#include "server/http/connectionguard.h"
#include "server/services/listenrelay.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QtEndian>
#include <QUuid>
#include <QWebSocket>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using vox::server::ListenRelay;
using vox::test::Clinic;
using vox::test::HttpReply;
using vox::test::IntegrationFixture;
namespace vm = vox::sandbox::vapimessages;

namespace {

const QString publicKey = u"pk-listen-in-test"_s;

// One listener's side of the relay: what it was told and heard, and how it was closed.
struct Listener
{
    std::unique_ptr<QWebSocket> socket = std::make_unique<QWebSocket>();
    QList<QString> texts;
    bool soundBeforeFormat = false;
    QByteArray pcm;
    int binaryFrames = 0;
    bool closed = false;
    int closeCode = 0;
    QString closeReason;

    void open(const QString &url, const QString &token)
    {
        QObject::connect(socket.get(), &QWebSocket::textMessageReceived,
                         [this](const QString &text) { texts.append(text); });
        QObject::connect(socket.get(), &QWebSocket::binaryMessageReceived,
                         [this](const QByteArray &frame) {
                             if (texts.isEmpty())
                                 soundBeforeFormat = true;
                             pcm += frame;
                             ++binaryFrames;
                         });
        QObject::connect(socket.get(), &QWebSocket::disconnected, [this] {
            closed = true;
            closeCode = socket->closeCode();
            closeReason = socket->closeReason();
        });
        QNetworkRequest request{QUrl(url)};
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        socket->open(request);
    }

    // The loudest sample heard: speech, not silence or line noise.
    int peak() const
    {
        int loudest = 0;
        for (qsizetype i = 0; i + 1 < pcm.size(); i += 2)
            loudest =
                std::max(loudest, std::abs(int(qFromLittleEndian<qint16>(pcm.constData() + i))));
        return loudest;
    }
};

// The header of a WAV file of `bytes` of 16-bit little-endian PCM.
QByteArray wavHeader(int sampleRate, int channels, qint64 bytes)
{
    QByteArray h;
    const auto u32 = [&h](quint32 v) {
        const quint32 le = qToLittleEndian(v);
        h.append(reinterpret_cast<const char *>(&le), 4);
    };
    const auto u16 = [&h](quint16 v) {
        const quint16 le = qToLittleEndian(v);
        h.append(reinterpret_cast<const char *>(&le), 2);
    };
    h.append("RIFF");
    u32(quint32(36 + bytes));
    h.append("WAVEfmt ");
    u32(16);
    u16(1); // PCM
    u16(quint16(channels));
    u32(quint32(sampleRate));
    u32(quint32(sampleRate * channels * 2));
    u16(quint16(channels * 2));
    u16(16);
    h.append("data");
    u32(quint32(bytes));
    return h;
}

// A listener that opens the WebSocket and then never reads again: its receive buffer is made
// small so that the server's side backs up in seconds, not minutes.
struct StalledListener
{
    QTcpSocket socket;
    QByteArray received;
    bool upgraded = false;
    bool reading = false;

    bool open(const QUrl &url, const QString &token)
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const int small = 4096;
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(quint16(url.port()));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        // The server's listening socket completes this in the kernel, without its event loop.
        if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
            !socket.setSocketDescriptor(fd)) {
            ::close(fd);
            return false;
        }
        QObject::connect(&socket, &QTcpSocket::readyRead, [this] {
            if (reading)
                received += socket.readAll();
            if (upgraded)
                return;
            received += socket.readAll();
            if (received.contains("\r\n\r\n")) {
                upgraded = received.startsWith("HTTP/1.1 101");
                // From here on nothing is read: Qt stops taking bytes from the kernel, the
                // kernel's window closes, and the server's writes wait.
                socket.setReadBufferSize(1);
            }
        });
        socket.write("GET " + url.path().toUtf8() +
                     " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(url.port()) +
                     "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: "
                     "13\r\nAuthorization: Bearer " +
                     token.toUtf8() + "\r\n\r\n");
        return true;
    }

    // Reads again, e.g. to see how the server closed it.
    void resume()
    {
        reading = true;
        socket.setReadBufferSize(0);
        received += socket.readAll();
    }

    // The close frame the server sent, if it came: its code and reason.
    std::optional<std::pair<int, QString>> closeFrame() const
    {
        qsizetype at = received.indexOf("\r\n\r\n");
        if (at < 0)
            return std::nullopt;
        at += 4;
        // The server's frames are not masked: opcode, length (7 bits, or 16 or 64 more), payload.
        while (at + 2 <= received.size()) {
            const int opcode = quint8(received.at(at)) & 0x0f;
            qint64 length = quint8(received.at(at + 1)) & 0x7f;
            qsizetype header = 2;
            if (length == 126 && at + 4 <= received.size()) {
                length = qFromBigEndian<quint16>(received.constData() + at + 2);
                header = 4;
            } else if (length == 127 && at + 10 <= received.size()) {
                length = qint64(qFromBigEndian<quint64>(received.constData() + at + 2));
                header = 10;
            } else if (length >= 126) {
                return std::nullopt;
            }
            if (at + header + length > received.size())
                return std::nullopt;
            if (opcode == 0x8 && length >= 2)
                return std::pair{int(qFromBigEndian<quint16>(received.constData() + at + header)),
                                 QString::fromUtf8(received.mid(at + header + 2, length - 2))};
            at += header + length;
        }
        return std::nullopt;
    }
};

} // namespace

class TestListenIn : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    Clinic m_clinic;
    Clinic m_other;
    std::unique_ptr<vox::test::HttpClient> m_staff;
    vox::test::LiveCallFixture m_live{f};

    HttpReply deliver(const QJsonObject &message) { return m_live.deliver(message); }

    using Live = vox::test::LiveCallFixture::Call;
    Live startCall() { return m_live.startCall(u"listen-call"_s, u"+15550144"_s, u"Ana Ruiz"_s); }

    QString listenUrl(const QString &callId) const
    {
        QString url = f.server->url() + u"/api/calls/%1/listen"_s.arg(callId);
        url.replace(0, 4, u"ws"_s);
        return url;
    }

    qint64 count(const QByteArray &sql, const vox::db::Params &params)
    {
        auto rows = f.sql(sql, params);
        return rows && !rows->isEmpty() ? rows->toInt(0, 0) : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(f.start(u"listenin"_s), qPrintable(f.error));
        QVERIFY2(m_live.startServer(publicKey), qPrintable(f.error));
        m_clinic = f.signUp(u"Listening Clinic"_s);
        m_other = f.signUp(u"Other Clinic"_s);
        m_staff = f.staffOf(m_clinic);
        QVERIFY(m_live.nameAssistant(m_clinic, u"asst-listen"_s));
    }

    void onlyTheListenPathUpgrades_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("upgrades");
        QTest::newRow("a call's listen path") << u"/api/calls/0b7e/listen"_s << true;
        QTest::newRow("the event stream") << u"/api/events"_s << true;
        QTest::newRow("no call") << u"/api/calls//listen"_s << false;
        QTest::newRow("a deeper path") << u"/api/calls/0b7e/x/listen"_s << false;
        QTest::newRow("another action") << u"/api/calls/0b7e/control"_s << false;
        QTest::newRow("the calls") << u"/api/calls"_s << false;
    }

    void onlyTheListenPathUpgrades()
    {
        QFETCH(QString, path);
        QFETCH(bool, upgrades);
        const QStringList paths{u"/api/events"_s, ListenRelay::path()};
        QCOMPARE(vox::http::matchingPath(paths, path) >= 0, upgrades);
    }

    void theFormatIsTheAnnouncedOneOrFitsTheFrames_data()
    {
        QTest::addColumn<QByteArray>("leading"); // Vapi's leading JSON frame; empty: none
        QTest::addColumn<int>("firstFrameBytes");
        QTest::addColumn<int>("sampleRate");
        QTest::addColumn<int>("channels");
        QTest::newRow("announced stereo")
            << QByteArray(R"({"type":"start","sampleRate":16000,"channels":2})") << 1280 << 16000
            << 2;
        QTest::newRow("announced mono is believed")
            << QByteArray(R"({"sampleRate":8000,"channels":1})") << 1280 << 8000 << 1;
        QTest::newRow("nothing announced, whole stereo samples")
            << QByteArray() << 1280 << 16000 << 2;
        QTest::newRow("nothing announced, half a stereo sample: mono")
            << QByteArray() << 642 << 16000 << 1;
        QTest::newRow("an unusable announcement counts as none")
            << QByteArray(R"({"sampleRate":"fast","channels":7})") << 1280 << 16000 << 2;
    }

    void theFormatIsTheAnnouncedOneOrFitsTheFrames()
    {
        QFETCH(QByteArray, leading);
        QFETCH(int, firstFrameBytes);
        QFETCH(int, sampleRate);
        QFETCH(int, channels);
        const auto announced =
            vox::server::announcedFormat(QJsonDocument::fromJson(leading).object());
        const vox::server::ListenFormat format =
            vox::server::settledFormat(announced, vox::server::ListenFormat{}, firstFrameBytes);
        QCOMPARE(format.sampleRate, sampleRate);
        QCOMPARE(format.channels, channels);
    }

    void twoListenersHearTheCallsSoundAfterItsFormat()
    {
        const Live call = startCall();
        QVERIFY(!call.id.isEmpty());
        Listener staff;
        Listener owner;
        staff.open(listenUrl(call.id), m_staff->token());
        owner.open(listenUrl(call.id), m_clinic.client->token());
        // Half a second of 16 kHz stereo 16-bit sound, each.
        constexpr int halfSecond = 16000 * 2 * 2 / 2;
        QTRY_VERIFY_WITH_TIMEOUT(staff.pcm.size() >= halfSecond && owner.pcm.size() >= halfSecond,
                                 15000);
        for (const Listener *l : {&staff, &owner}) {
            QVERIFY(!l->closed);
            QVERIFY(!l->texts.isEmpty());
            const QJsonObject format = QJsonDocument::fromJson(l->texts.first().toUtf8()).object();
            QCOMPARE(format.value(u"type"_s).toString(), u"format"_s);
            QCOMPARE(format.value(u"encoding"_s).toString(), u"pcm_s16le"_s);
            QCOMPARE(format.value(u"sample_rate"_s).toInt(), 16000);
            QCOMPARE(format.value(u"channels"_s).toInt(), 2);
            // Whole stereo sample frames, and speech rather than silence.
            QCOMPARE(l->pcm.size() % 4, 0);
            QVERIFY2(l->peak() > 1000, qPrintable(u"peak %1"_s.arg(l->peak())));
            // The listen address is the server's secret.
            for (const QString &text : l->texts)
                QVERIFY(!text.contains(u"vapi-live"_s));
        }
        // To hear (or `sox`) what was relayed: VOXANNE_LISTEN_DUMP names a file that gets
        // VOXANNE_LISTEN_DUMP_SECONDS (8) of it as a WAV file in the announced format.
        if (const QString dump = qEnvironmentVariable("VOXANNE_LISTEN_DUMP"); !dump.isEmpty()) {
            const QJsonObject format =
                QJsonDocument::fromJson(staff.texts.first().toUtf8()).object();
            const int rate = format.value(u"sample_rate"_s).toInt();
            const int channels = format.value(u"channels"_s).toInt();
            bool given = false;
            const int seconds = qEnvironmentVariableIntValue("VOXANNE_LISTEN_DUMP_SECONDS", &given);
            const qint64 wanted = qint64(rate) * channels * 2 * (given ? seconds : 8);
            QTRY_VERIFY_WITH_TIMEOUT(staff.pcm.size() >= wanted, 60000);
            QFile file(dump);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(wavHeader(rate, channels, staff.pcm.size()));
            QCOMPARE(file.write(staff.pcm), staff.pcm.size());
        }
        qInfo("relayed %lld bytes in %d frames to one listener", qint64(staff.pcm.size()),
              staff.binaryFrames);
        // Vapi's listen socket was opened once for both, with Vapi's public key.
        const auto authorizations = f.sandbox->liveCalls().listenAuthorizations(call.info.id);
        QCOMPARE(authorizations.size(), 1);
        QCOMPARE(authorizations.first(), QByteArray("Bearer " + publicKey.toUtf8()));
        QCOMPARE(f.sandbox->liveCalls().openListenSockets(call.info.id), 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            count("SELECT count(*) FROM phi_access_log WHERE org_id = $1::uuid AND action = "
                  "'call.listened_in' AND entity_type = 'call' AND entity_id = $2::uuid AND "
                  "result = 'allowed' AND client_address = '127.0.0.1' AND details->>'result' = "
                  "'relaying'",
                  {m_clinic.orgId, call.id}),
            2, 5000);
        QCOMPARE(count("SELECT count(DISTINCT user_id) FROM phi_access_log WHERE entity_id = "
                       "$1::uuid AND action = 'call.listened_in'",
                       {call.id}),
                 2);

        // The call ends (the owner ends it): the sandbox closes its sound, the relay its listeners.
        QCOMPARE(
            m_clinic.client->post(u"/api/calls/%1/control"_s.arg(call.id), {{u"type"_s, u"end"_s}})
                .status,
            200);
        QTRY_VERIFY_WITH_TIMEOUT(staff.closed && owner.closed, 10000);
        for (const Listener *l : {&staff, &owner}) {
            QCOMPARE(l->closeCode, int(QWebSocketProtocol::CloseCodeNormal));
            QCOMPARE(l->closeReason, u"The call has ended."_s);
        }
        QTRY_COMPARE_WITH_TIMEOUT(f.server->server().listenRelayCount(), 0, 5000);
    }

    void aLateJoinerHearsTheFormatFirstThenTheSoundFromThen()
    {
        const Live call = startCall();
        Listener first;
        first.open(listenUrl(call.id), m_staff->token());
        // A fifth of a second of sound before the second one comes.
        QTRY_VERIFY_WITH_TIMEOUT(first.binaryFrames >= 10, 15000);
        Listener late;
        late.open(listenUrl(call.id), m_clinic.client->token());
        QTRY_VERIFY_WITH_TIMEOUT(late.binaryFrames >= 5, 15000);
        QVERIFY(!late.closed);
        QVERIFY(!late.soundBeforeFormat);
        QCOMPARE(late.texts.size(), 1);
        const QJsonObject format = QJsonDocument::fromJson(late.texts.first().toUtf8()).object();
        QCOMPARE(format.value(u"type"_s).toString(), u"format"_s);
        QCOMPARE(format.value(u"sample_rate"_s).toInt(), 16000);
        QCOMPARE(format.value(u"channels"_s).toInt(), 2);
        QCOMPARE(late.pcm.size() % 4, 0);
        // It hears from when it joined, not the sound the first one heard before.
        QVERIFY2(late.pcm.size() < first.pcm.size(),
                 qPrintable(u"late %1, first %2"_s.arg(late.pcm.size()).arg(first.pcm.size())));
        QCOMPARE(f.sandbox->liveCalls().listenAuthorizations(call.info.id).size(), 1);
        QCOMPARE(f.server->server().listenRelayCount(), 2);
    }

    void theLastListenerLeavingClosesTheCallsSound_data()
    {
        QTest::addColumn<int>("listeners");
        QTest::addColumn<int>("leaving");
        QTest::addColumn<int>("openAtVapi"); // the call's listen sockets the sandbox has open after
        QTest::newRow("the only listener leaves") << 1 << 1 << 0;
        QTest::newRow("one of two leaves: the other still hears") << 2 << 1 << 1;
        QTest::newRow("both of two leave") << 2 << 2 << 0;
    }

    void theLastListenerLeavingClosesTheCallsSound()
    {
        QFETCH(int, listeners);
        QFETCH(int, leaving);
        QFETCH(int, openAtVapi);
        const Live call = startCall();
        std::vector<std::unique_ptr<Listener>> all;
        for (int i = 0; i < listeners; ++i) {
            all.push_back(std::make_unique<Listener>());
            all.back()->open(listenUrl(call.id),
                             i % 2 == 0 ? m_staff->token() : m_clinic.client->token());
        }
        for (const auto &l : all)
            QTRY_VERIFY_WITH_TIMEOUT(l->binaryFrames > 0, 15000);
        QCOMPARE(f.server->server().listenRelayCount(), listeners);
        QCOMPARE(f.sandbox->liveCalls().openListenSockets(call.info.id), 1);
        for (int i = 0; i < leaving; ++i)
            all.at(i)->socket->close();
        QTRY_COMPARE_WITH_TIMEOUT(f.server->server().listenRelayCount(), listeners - leaving, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(f.sandbox->liveCalls().openListenSockets(call.info.id),
                                  openAtVapi, 5000);
        // Whoever stayed still hears the call.
        for (int i = leaving; i < listeners; ++i) {
            const int heard = all.at(i)->binaryFrames;
            QTRY_VERIFY_WITH_TIMEOUT(all.at(i)->binaryFrames > heard + 5, 5000);
            QVERIFY(!all.at(i)->closed);
        }
        QCOMPARE(f.sandbox->liveCalls().listenAuthorizations(call.info.id).size(), 1);
    }

    void losingTheCallsSoundClosesEveryListenerWith4502_data()
    {
        QTest::addColumn<bool>("abruptly");
        QTest::newRow("Vapi closes it with an error") << false;
        QTest::newRow("the connection drops without a close") << true;
    }

    void losingTheCallsSoundClosesEveryListenerWith4502()
    {
        QFETCH(bool, abruptly);
        const Live call = startCall();
        Listener staff;
        Listener owner;
        staff.open(listenUrl(call.id), m_staff->token());
        owner.open(listenUrl(call.id), m_clinic.client->token());
        QTRY_VERIFY_WITH_TIMEOUT(staff.binaryFrames > 0 && owner.binaryFrames > 0, 15000);
        f.sandbox->liveCalls().dropListenSockets(call.info.id, abruptly);
        QTRY_VERIFY_WITH_TIMEOUT(staff.closed && owner.closed, 10000);
        for (const Listener *l : {&staff, &owner}) {
            QCOMPARE(l->closeCode, ListenRelay::closeUnavailable);
            QCOMPARE(l->closeReason, u"The call's sound is not reachable any more."_s);
        }
        QTRY_COMPARE_WITH_TIMEOUT(f.server->server().listenRelayCount(), 0, 5000);
        // The call goes on: a new listener opens the call's sound afresh.
        Listener again;
        again.open(listenUrl(call.id), m_staff->token());
        QTRY_VERIFY_WITH_TIMEOUT(again.binaryFrames > 0, 15000);
        QCOMPARE(f.sandbox->liveCalls().listenAuthorizations(call.info.id).size(), 2);
    }

    void theAccessLogSaysHowLongEachListened_data()
    {
        QTest::addColumn<QString>("end"); // how the listening ends
        QTest::addColumn<QString>("logged");
        QTest::newRow("the listener leaves") << u"leave"_s << u"left"_s;
        QTest::newRow("the call ends") << u"end call"_s << u"call ended"_s;
        QTest::newRow("the call's sound is lost") << u"drop"_s << u"sound lost"_s;
    }

    void theAccessLogSaysHowLongEachListened()
    {
        QFETCH(QString, end);
        QFETCH(QString, logged);
        const Live call = startCall();
        Listener staff;
        Listener owner;
        staff.open(listenUrl(call.id), m_staff->token());
        owner.open(listenUrl(call.id), m_clinic.client->token());
        QTRY_VERIFY_WITH_TIMEOUT(staff.binaryFrames >= 5 && owner.binaryFrames >= 5, 15000);
        if (end == u"leave") {
            staff.socket->close();
            owner.socket->close();
        } else if (end == u"end call") {
            QCOMPARE(m_clinic.client
                         ->post(u"/api/calls/%1/control"_s.arg(call.id), {{u"type"_s, u"end"_s}})
                         .status,
                     200);
        } else {
            f.sandbox->liveCalls().dropListenSockets(call.info.id);
        }
        QTRY_VERIFY_WITH_TIMEOUT(staff.closed && owner.closed, 10000);
        const QByteArray ended =
            "SELECT s.user_id::text, e.details->>'ended', (e.details->>'seconds')::float8, "
            "(e.details->>'bytes')::bigint, e.result, e.client_address FROM phi_access_log s JOIN "
            "phi_access_log e ON e.details->>'session' = s.details->>'session' AND e.action = "
            "'call.listen_ended' WHERE s.action = 'call.listened_in' AND s.entity_id = $1::uuid "
            "AND e.entity_id = $1::uuid AND s.org_id = $2::uuid AND e.org_id = $2::uuid "
            "ORDER BY s.user_id";
        QTRY_COMPARE_WITH_TIMEOUT(f.sql(ended, {call.id, m_clinic.orgId})->rowCount(), 2, 5000);
        auto rows = f.sql(ended, {call.id, m_clinic.orgId});
        QStringList users;
        for (int r = 0; r < rows->rowCount(); ++r) {
            users.append(rows->text(r, 0));
            QCOMPARE(rows->text(r, 1), logged);
            QVERIFY(rows->toDouble(r, 2) >= 0);
            QCOMPARE(rows->text(r, 4), u"allowed"_s);
            QCOMPARE(rows->text(r, 5), u"127.0.0.1"_s);
        }
        QCOMPARE(users.size(), 2);
        QVERIFY(users.at(0) != users.at(1));
        // What each was sent is at least what each heard, and they heard sound.
        QVERIFY(users.contains(m_clinic.userId));
        for (int r = 0; r < rows->rowCount(); ++r) {
            const Listener &l = rows->text(r, 0) == m_clinic.userId ? owner : staff;
            QVERIFY2(rows->toInt(r, 3) >= l.pcm.size(),
                     qPrintable(u"logged %1, heard %2"_s.arg(rows->text(r, 3)).arg(l.pcm.size())));
            QVERIFY(l.pcm.size() > 0);
        }
    }

    void aListenerThatStopsReadingIsClosedAndTheOthersHearOn()
    {
        const QByteArray sound = vox::sandbox::LiveCallSandbox::streamedSound();
        QVERIFY(!sound.isEmpty());
        const Live call = startCall();
        Listener fast;
        fast.open(listenUrl(call.id), m_staff->token());
        QTRY_VERIFY_WITH_TIMEOUT(fast.binaryFrames > 0, 15000);
        StalledListener stalled;
        QVERIFY(stalled.open(QUrl(listenUrl(call.id)), m_clinic.client->token()));
        QTRY_VERIFY_WITH_TIMEOUT(stalled.upgraded, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(f.server->server().listenRelayCount(), 2, 5000);

        // Two seconds of 16 kHz stereo 16-bit sound may wait for it; past that it is closed.
        const qint64 bound = vox::server::soundBytes({16000, 2}, 2000);
        QCOMPARE(bound, qint64(128000));
        QTRY_COMPARE_WITH_TIMEOUT(f.server->server().listenRelayCount(), 1, 30000);
        // Were it to read again, it would find the sound it was sent and then why it was closed.
        stalled.resume();
        QTRY_VERIFY_WITH_TIMEOUT(stalled.closeFrame().has_value(), 5000);
        QCOMPARE(stalled.closeFrame()->first, ListenRelay::closeTooSlow);
        QVERIFY2(stalled.closeFrame()->second.startsWith(u"Listener too slow"_s),
                 qPrintable(stalled.closeFrame()->second));
        QVERIFY2(f.server->server().listenBacklogPeak() <= bound,
                 qPrintable(u"held %1 bytes"_s.arg(f.server->server().listenBacklogPeak())));
        QVERIFY(f.server->server().listenBacklogPeak() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(stalled.socket.state(), QAbstractSocket::UnconnectedState, 10000);

        // The other one still hears the call, every frame in order: what it heard is the
        // sandbox's sound from where it joined, without a gap.
        const int heard = fast.binaryFrames;
        QTRY_VERIFY_WITH_TIMEOUT(fast.binaryFrames > heard + 25, 5000);
        QVERIFY(!fast.closed);
        const qsizetype frameBytes = 16000 * 2 * 2 / 50;
        const QByteArray looped = sound.left(sound.size() - sound.size() % frameBytes).repeated(3);
        const qsizetype at = looped.indexOf(fast.pcm.left(frameBytes));
        QVERIFY(at >= 0);
        QVERIFY(fast.pcm.size() <= looped.size() - at);
        QVERIFY2(looped.mid(at, fast.pcm.size()) == fast.pcm,
                 "the listener who kept up missed or reordered sound");
        // The call's sound was opened once and is still open.
        QCOMPARE(f.sandbox->liveCalls().openListenSockets(call.info.id), 1);
        QCOMPARE(f.sandbox->liveCalls().listenAuthorizations(call.info.id).size(), 1);

        // Its end row says why it ended.
        QTRY_COMPARE_WITH_TIMEOUT(
            count("SELECT count(*) FROM phi_access_log s JOIN phi_access_log e ON "
                  "e.details->>'session' = s.details->>'session' AND e.action = "
                  "'call.listen_ended' WHERE s.action = 'call.listened_in' AND s.entity_id = "
                  "$1::uuid AND s.user_id = $2::uuid AND e.details->>'ended' = 'listener too slow'",
                  {call.id, m_clinic.userId}),
            1, 5000);
        fast.socket->close();
        QTRY_COMPARE_WITH_TIMEOUT(f.server->server().listenRelayCount(), 0, 5000);
    }

    void refusedListenersAreToldWhy_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("call");
        QTest::addColumn<int>("closeCode");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("logged");
        QTest::newRow("another clinic's call is not found")
            << u"other"_s << u"live"_s << ListenRelay::closeNotFound << 404 << u"not found"_s;
        QTest::newRow("a call that does not exist is not found")
            << u"staff"_s << u"none"_s << ListenRelay::closeNotFound << 404 << u"not found"_s;
        QTest::newRow("an ended call is refused in words")
            << u"staff"_s << u"ended"_s << ListenRelay::closeEnded << 409 << u"call ended"_s;
        QTest::newRow("nobody signed in")
            << u"nobody"_s << u"live"_s << ListenRelay::closeNotAuthenticated << 401 << u""_s;
        QTest::newRow("a forged token")
            << u"forged"_s << u"live"_s << ListenRelay::closeNotAuthenticated << 401 << u""_s;
    }

    void refusedListenersAreToldWhy()
    {
        QFETCH(QString, who);
        QFETCH(QString, call);
        QFETCH(int, closeCode);
        QFETCH(int, httpStatus);
        QFETCH(QString, logged);
        QString callId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (call != u"none") {
            const Live live = startCall();
            callId = live.id;
            if (call == u"ended")
                deliver(vm::statusUpdate(live.info, u"ended"_s, live.info.startedAt.addSecs(20),
                                         u"customer-ended-call"_s));
        }
        const QString token = who == u"staff"    ? m_staff->token()
                              : who == u"other"  ? m_other.client->token()
                              : who == u"forged" ? u"not-a-token"_s
                                                 : QString();
        const qint64 logRows =
            count("SELECT count(*) FROM phi_access_log WHERE action = 'call.listened_in'", {});
        Listener listener;
        listener.open(listenUrl(callId), token);
        QTRY_VERIFY_WITH_TIMEOUT(listener.closed, 10000);
        QCOMPARE(listener.closeCode, closeCode);
        QVERIFY(!listener.closeReason.isEmpty());
        QCOMPARE(listener.pcm.size(), 0);

        // Asked as plain HTTP, the same answer as a status.
        auto client = f.server->client();
        client->setToken(token);
        const HttpReply plain = client->get(u"/api/calls/%1/listen"_s.arg(callId));
        QCOMPARE(plain.status, httpStatus);
        QVERIFY(!plain.json().value(u"error"_s).toString().isEmpty());

        const qint64 now =
            count("SELECT count(*) FROM phi_access_log WHERE action = 'call.listened_in'", {});
        if (logged.isEmpty()) {
            // Nobody signed in: there is nobody to log.
            QCOMPARE(now, logRows);
            return;
        }
        QCOMPARE(now, logRows + 1);
        // A refused attempt was no listening: nothing ends.
        QTest::qWait(200);
        QCOMPARE(count("SELECT count(*) FROM phi_access_log WHERE action = 'call.listen_ended' AND "
                       "entity_id = $1::uuid",
                       {callId}),
                 0);
        auto last = f.sql("SELECT result, details->>'result', coalesce(entity_id::text, ''), "
                          "org_id::text FROM phi_access_log WHERE action = 'call.listened_in' "
                          "ORDER BY occurred_at DESC LIMIT 1",
                          {});
        QVERIFY(last && !last->isEmpty());
        QCOMPARE(last->text(0, 0), u"refused"_s);
        QCOMPARE(last->text(0, 1), logged);
        // Another clinic's call is not named in the asker's log.
        QCOMPARE(last->text(0, 2), who == u"other" || call == u"none" ? QString() : callId);
        QCOMPARE(last->text(0, 3), who == u"other" ? m_other.orgId : m_clinic.orgId);
    }

    void anOwnCallInProgressAsksForTheUpgrade()
    {
        const Live call = startCall();
        const HttpReply plain = m_staff->get(u"/api/calls/%1/listen"_s.arg(call.id));
        QCOMPARE(plain.status, 426);
        QVERIFY(!plain.body.contains("vapi-live"));
    }
};

QTEST_GUILESS_MAIN(TestListenIn)
#include "tst_listenin.moc"
