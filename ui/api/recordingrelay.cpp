#include "ui/api/recordingrelay.h"

#include "ui/api/apiclient.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <array>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// A player's request is a line and a few headers; anything longer is not a player.
constexpr qsizetype maxRequestHead = 16 * 1024;
// How long an opened first answer waits for the player's first request before it is let go.
constexpr int firstAnswerWaitMs = 30000;
// Enough of the body to recognise audio by its first bytes.
constexpr qint64 headBytes = 64;

struct ByteRange
{
    qint64 first = -1;
    qint64 last = -1;
    qint64 total = -1;
};

// A Content-Range value: "bytes 0-1023/4096" (the total may be "*").
ByteRange parseContentRange(const QByteArray &value)
{
    static const QRegularExpression form(u"^bytes (\\d+)-(\\d+)/(\\d+|\\*)$"_s);
    const auto match = form.match(QString::fromLatin1(value.trimmed()));
    if (!match.hasMatch())
        return {};
    ByteRange r;
    r.first = match.captured(1).toLongLong();
    r.last = match.captured(2).toLongLong();
    r.total = match.captured(3) == u"*" ? -1 : match.captured(3).toLongLong();
    return r.last < r.first ? ByteRange{} : r;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 206:
        return "Partial Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 410:
        return "Gone";
    case 416:
        return "Range Not Satisfiable";
    case 431:
        return "Request Header Fields Too Large";
    case 502:
        return "Bad Gateway";
    default:
        return "Answer";
    }
}

QByteArray bareAnswer(int status)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
           "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
}

QByteArray newSecret()
{
    std::array<quint32, 4> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.data()), sizeof(words)).toHex();
}

} // namespace

// One request of the player: read its line and Range, ask our server, pass the answer back at the
// pace the player reads it. One answer per connection ("Connection: close"), as players expect.
class RecordingRelay::Connection final : public QObject
{
public:
    Connection(RecordingRelay &relay, QTcpSocket *socket)
        : QObject(&relay)
        , m_relay(relay)
        , m_socket(socket)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, &Connection::readRequest);
        connect(socket, &QTcpSocket::bytesWritten, this, &Connection::pump);
        connect(socket, &QTcpSocket::disconnected, this, &Connection::end);
    }
    ~Connection() override { stopAsking(); }

    // What of the recording waits here: read from our server, not yet taken by the player.
    qint64 held() const
    {
        return m_socket->bytesToWrite() + (m_reply ? m_reply->bytesAvailable() : 0);
    }

    // The player went away, or the recording was closed: stop asking our server.
    void end()
    {
        m_relay.m_connections.removeOne(this);
        stopAsking();
        if (m_socket->state() != QAbstractSocket::UnconnectedState)
            m_socket->abort();
        deleteLater();
    }

private:
    void stopAsking()
    {
        m_finished = true;
        if (m_reply) {
            m_reply->disconnect(this); // its last signals find no one to pump
            m_reply->abort();
        }
    }

    void refuse(int status)
    {
        m_socket->write(bareAnswer(status));
        m_socket->disconnectFromHost();
    }

    void readRequest()
    {
        if (m_parsed) {
            m_socket->readAll(); // one request per connection
            return;
        }
        m_request += m_socket->readAll();
        const qsizetype end = m_request.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_request.size() > maxRequestHead) {
                m_parsed = true;
                refuse(431);
            }
            return;
        }
        m_parsed = true;
        const QList<QByteArray> lines = m_request.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() < 2) {
            refuse(400);
            return;
        }
        if (requestLine.at(0) != "GET") {
            refuse(405);
            return;
        }
        if (m_relay.m_secret.isEmpty() || requestLine.at(1) != m_relay.relayPath()) {
            refuse(404);
            return;
        }
        QByteArray range;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "range")
                range = line.mid(colon + 1).trimmed();
        }
        m_askedRange = !range.isEmpty();
        if (!m_askedRange || range == "bytes=0-") {
            if (QNetworkReply *first = m_relay.takeFirstAnswer()) {
                relay(first);
                return;
            }
        }
        // From the start on the player's behalf too, so our server tells the recording's size.
        const QByteArray wanted = m_askedRange ? range : QByteArray("bytes=0-");
        m_relay.withToken(this, [this, wanted](Result<QString> token) {
            if (!token) {
                refuse(401);
                return;
            }
            relay(m_relay.get(*token, wanted));
        });
    }

    void relay(QNetworkReply *reply)
    {
        m_reply = reply;
        reply->setParent(this);
        connect(reply, &QNetworkReply::metaDataChanged, this, &Connection::pump);
        connect(reply, &QNetworkReply::readyRead, this, &Connection::pump);
        connect(reply, &QNetworkReply::finished, this, &Connection::pump);
        pump();
    }

    void sendHead(int status)
    {
        int shown = status;
        QByteArray length = m_reply->rawHeader("Content-Length");
        const QByteArray contentRange = m_reply->rawHeader("Content-Range");
        const ByteRange range = parseContentRange(contentRange);
        if (status == 206 && range.first >= 0) {
            length = QByteArray::number(range.last - range.first + 1);
            // Asked from the start on the player's behalf and answered in full: to the player,
            // the whole file, which is what it asked for.
            if (!m_askedRange && range.first == 0 && range.last + 1 == range.total)
                shown = 200;
        }
        QByteArray head =
            "HTTP/1.1 " + QByteArray::number(shown) + ' ' + reasonPhrase(shown) + "\r\n";
        if (const QByteArray type = m_reply->rawHeader("Content-Type"); !type.isEmpty())
            head += "Content-Type: " + type + "\r\n";
        if (!length.isEmpty())
            head += "Content-Length: " + length + "\r\n";
        if (shown == 206 || status == 416)
            head += "Content-Range: " + contentRange + "\r\n";
        if (status >= 200 && status < 300)
            head += "Accept-Ranges: bytes\r\n";
        head += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
        m_socket->write(head);
        m_headSent = true;
    }

    void pump()
    {
        if (!m_reply || m_finished)
            return;
        if (!m_headSent) {
            const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
            if (!status.isValid()) {
                if (m_reply->isFinished()) {
                    m_finished = true;
                    refuse(502); // our server did not answer
                }
                return;
            }
            sendHead(status.toInt());
        }
        // Only as much as the player takes: a full window here leaves the rest with our server.
        while (m_socket->bytesToWrite() < windowBytes && m_reply->bytesAvailable() > 0) {
            const QByteArray chunk = m_reply->read(windowBytes - m_socket->bytesToWrite());
            if (chunk.isEmpty())
                break;
            m_socket->write(chunk);
        }
        m_relay.noteHeld();
        if (!m_reply->isFinished() || m_reply->bytesAvailable() > 0)
            return;
        m_finished = true;
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool cut =
            m_reply->error() != QNetworkReply::NoError && status >= 200 && status < 300;
        // A cut answer is cut for the player too, so it never takes part of a file for the whole.
        if (cut)
            m_socket->abort();
        else
            m_socket->disconnectFromHost();
    }

    RecordingRelay &m_relay;
    QTcpSocket *m_socket;
    QByteArray m_request;
    QPointer<QNetworkReply> m_reply;
    bool m_parsed = false;
    bool m_headSent = false;
    bool m_askedRange = false;
    bool m_finished = false;
};

RecordingRelay::RecordingRelay(ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_network(new QNetworkAccessManager(this))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            m_connections.append(new Connection(*this, socket));
    });
}

RecordingRelay::~RecordingRelay()
{
    close();
}

QByteArray RecordingRelay::relayPath() const
{
    return '/' + m_secret + m_route.path(QUrl::FullyEncoded).toLatin1();
}

QUrl RecordingRelay::url() const
{
    if (m_secret.isEmpty() || !m_server->isListening())
        return {};
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(QString::number(m_server->serverPort()),
                                               QString::fromLatin1(relayPath())));
}

void RecordingRelay::open(const QUrl &route, std::function<void(const FirstAnswer &)> answered)
{
    close();
    m_route = route;
    m_secret = newSecret();
    m_answered = std::move(answered);
    if (!m_server->isListening() && !m_server->listen(QHostAddress::LocalHost, 0)) {
        // Reported after open() returns, as every other answer is.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (auto report = std::exchange(m_answered, nullptr))
                    report(FirstAnswer{0, QNetworkReply::UnknownNetworkError, {}, {}});
            },
            Qt::QueuedConnection);
        return;
    }
    const QByteArray secret = m_secret;
    withToken(this, [this, secret](Result<QString> token) {
        if (secret != m_secret)
            return; // closed or opened again meanwhile
        if (!token) {
            if (auto report = std::exchange(m_answered, nullptr))
                report(FirstAnswer{401, QNetworkReply::AuthenticationRequiredError, {}, {}});
            return;
        }
        m_first = get(*token, "bytes=0-");
        m_firstReported = false;
        connect(m_first, &QNetworkReply::readyRead, this, &RecordingRelay::firstAnswerArrived);
        connect(m_first, &QNetworkReply::finished, this, &RecordingRelay::firstAnswerArrived);
    });
}

void RecordingRelay::close()
{
    m_secret.clear();
    m_route.clear();
    m_answered = nullptr;
    if (QNetworkReply *first = std::exchange(m_first, nullptr)) {
        first->disconnect(this);
        first->abort();
        first->deleteLater();
    }
    for (Connection *connection : std::exchange(m_connections, {}))
        connection->end();
}

void RecordingRelay::withToken(QObject *context, Callback<QString> done)
{
    if (!m_api.hasSession()) {
        done(QString());
        return;
    }
    m_api.withFreshToken(context, std::move(done));
}

QNetworkReply *RecordingRelay::get(const QString &accessToken, const QByteArray &range)
{
    QNetworkRequest request(m_route.isRelative() ? m_api.baseUrl().resolved(m_route) : m_route);
    if (!accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + accessToken.toLatin1());
    request.setRawHeader("Range", range);
    QNetworkReply *reply = m_network->get(request);
    // Our server's sending waits while this much is unread: the player's pace sets the download's.
    reply->setReadBufferSize(windowBytes);
    return reply;
}

void RecordingRelay::firstAnswerArrived()
{
    if (!m_first || m_firstReported)
        return;
    const QVariant status = m_first->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const bool finished = m_first->isFinished();
    if (!finished && (!status.isValid() || m_first->bytesAvailable() < headBytes))
        return;
    m_firstReported = true;
    FirstAnswer answer;
    answer.status = status.toInt();
    answer.network = m_first->error();
    answer.contentType = m_first->rawHeader("Content-Type");
    answer.head = m_first->peek(headBytes);
    noteHeld();
    if (answer.status >= 200 && answer.status < 300) {
        // Kept for the player's first request, unread: our server waits meanwhile.
        m_first->disconnect(this);
        QTimer::singleShot(firstAnswerWaitMs, m_first.data(), [this, reply = m_first] {
            if (reply == m_first)
                std::exchange(m_first, nullptr)->deleteLater();
        });
    } else if (QNetworkReply *first = std::exchange(m_first, nullptr)) {
        first->disconnect(this);
        first->deleteLater();
    }
    if (auto report = std::exchange(m_answered, nullptr))
        report(answer);
}

QNetworkReply *RecordingRelay::takeFirstAnswer()
{
    if (!m_first || !m_firstReported)
        return nullptr;
    return std::exchange(m_first, nullptr);
}

void RecordingRelay::noteHeld()
{
    qint64 held = m_first ? m_first->bytesAvailable() : 0;
    for (const Connection *connection : std::as_const(m_connections))
        held += connection->held();
    m_peakHeld = qMax(m_peakHeld, held);
}

} // namespace vox::ui
