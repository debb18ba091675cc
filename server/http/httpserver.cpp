#include "server/http/httpserver.h"

#include "core/crypto/securerandom.h"
#include "core/logging/log.h"
#include "server/http/guardedtcpserver.h"
#include "server/http/httpmetrics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <mutex>

using namespace Qt::Literals::StringLiterals;

namespace vox::http {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

QString requestIdFrom(const QByteArray &given)
{
    static const QRegularExpression acceptable(u"^[A-Za-z0-9._:-]{1,64}$"_s);
    const QString id = QString::fromLatin1(given);
    if (!id.isEmpty() && acceptable.match(id).hasMatch())
        return id;
    return QString::fromLatin1(crypto::randomBytes(8).toHex());
}

constexpr qint64 largeBodyBytes = 1024 * 1024;

// The kernel send buffer of an upgraded WebSocket connection (Linux doubles it for its own use).
constexpr int webSocketSendBufferBytes = 32 * 1024;

int defaultWorkers()
{
    return qBound(4, QThread::idealThreadCount() * 4, 32);
}

int defaultReservedWorkers()
{
    return qBound(4, QThread::idealThreadCount() * 2, 16);
}

// Closes a WebSocket nobody serves, then lets it go once the close frame is out.
void closeRefused(QWebSocket *socket)
{
    QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"No such endpoint."_s);
    QTimer::singleShot(5000, socket, &QObject::deleteLater);
}

} // namespace

// The pieces of one streamed answer on their way from the worker that produces them to the socket
// on the I/O thread. The worker waits while more than `window` bytes are not yet handed to the
// kernel, so an export holds at most about a window in memory whatever its size and however slowly
// the client reads.
class StreamChannel final : public std::enable_shared_from_this<StreamChannel>
{
public:
    static constexpr qint64 window = 512 * 1024;
    using Ended = std::function<void(bool complete)>;

    // `length`: the body's announced Content-Length, or -1 for chunked framing.
    explicit StreamChannel(qint64 length)
        : m_length(length)
    {}

    // Worker thread: queues a piece for the socket; false once the client has gone.
    bool push(QObject *ioThreadObject, const QByteArray &piece)
    {
        if (piece.isEmpty())
            return !gone();
        {
            std::unique_lock lock(m_mutex);
            m_room.wait(lock, [&] { return m_gone || m_inTransit + m_backlog < window; });
            if (m_gone)
                return false;
            m_inTransit += piece.size();
        }
        QMetaObject::invokeMethod(
            ioThreadObject, [self = shared_from_this(), piece] { self->arrived(piece); },
            Qt::QueuedConnection);
        return true;
    }
    bool gone() const
    {
        std::lock_guard lock(m_mutex);
        return m_gone;
    }
    // Any thread: nobody will read the rest (the client left, or asked only for headers).
    void abandon()
    {
        std::lock_guard lock(m_mutex);
        m_gone = true;
        m_room.notify_all();
    }

    // I/O thread, once the headers are written: pieces go to `socket` from now on; `ended` runs
    // after the last one (or the cut), so the connection's next answer can follow.
    void start(QTcpSocket *socket, Ended ended)
    {
        m_socket = socket;
        m_ended = std::move(ended);
        m_written = QObject::connect(socket, &QTcpSocket::bytesWritten, socket,
                                     [self = shared_from_this()] { self->measure(); });
        m_closed = QObject::connect(socket, &QTcpSocket::disconnected, socket,
                                    [self = shared_from_this()] { self->abandon(); });
        flush();
    }
    // I/O thread: the producer returned (`ok`: the body is complete).
    void finish(bool ok)
    {
        m_finished = true;
        m_complete = ok;
        flush();
    }

private:
    void arrived(const QByteArray &piece)
    {
        m_produced += piece.size();
        if (m_length < 0) // chunked framing: the size in hex, the bytes, CRLF
            m_held += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
        else if (m_produced <= m_length)
            m_held += piece;
        {
            std::lock_guard lock(m_mutex);
            m_inTransit -= piece.size();
        }
        flush();
    }
    void flush()
    {
        if (m_ended == nullptr)
            return measure(); // the headers are not out yet: pieces wait here
        if (connected() && !m_held.isEmpty())
            m_socket->write(m_held);
        m_held.clear();
        if (m_finished) {
            const bool complete =
                m_complete && connected() && (m_length < 0 || m_produced == m_length);
            if (complete && m_length < 0)
                m_socket->write("0\r\n\r\n"); // the last chunk
            else if (!complete && connected())
                m_socket->abort(); // a cut body, never one that looks complete
            QObject::disconnect(m_written);
            QObject::disconnect(m_closed);
            abandon();
            Ended ended = std::move(m_ended);
            m_ended = nullptr;
            ended(complete);
            return;
        }
        measure();
    }
    bool connected() const
    {
        return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
    }
    void measure()
    {
        const qint64 backlog = m_held.size() + (connected() ? m_socket->bytesToWrite() : 0);
        std::lock_guard lock(m_mutex);
        m_backlog = backlog;
        if (m_ended != nullptr && !connected())
            m_gone = true;
        m_room.notify_all();
    }

    mutable std::mutex m_mutex;
    std::condition_variable m_room;
    qint64 m_inTransit = 0; // pushed, not yet on the I/O thread
    qint64 m_backlog = 0;   // on the I/O thread, not yet taken by the kernel
    bool m_gone = false;
    // I/O thread only:
    const qint64 m_length;
    qint64 m_produced = 0;
    QPointer<QTcpSocket> m_socket;
    QByteArray m_held;
    Ended m_ended;
    bool m_finished = false;
    bool m_complete = false;
    QMetaObject::Connection m_written;
    QMetaObject::Connection m_closed;
};

namespace {

struct Pending
{
    Response response;
    bool close = false; // the client asked for Connection: close
    bool head = false;  // HEAD: headers only
    std::shared_ptr<StreamChannel> stream;
};

// Answers of one connection, written in request order (HTTP/1.1 pipelining) though workers
// finish in any order. A child of its socket, so it lives and dies with the connection even
// when QtHttpServer disconnects the socket's signals (it does so on a WebSocket upgrade).
class ResponseOrder final : public QObject
{
public:
    explicit ResponseOrder(QTcpSocket *socket)
        : QObject(socket)
    {
        setObjectName(QStringLiteral("vox-response-order"));
    }

    static ResponseOrder *of(QTcpSocket *socket)
    {
        auto *order = socket->findChild<ResponseOrder *>(QStringLiteral("vox-response-order"),
                                                         Qt::FindDirectChildrenOnly);
        return order ? order : new ResponseOrder(socket);
    }

    quint64 next = 0;             // sequence number given to the next request
    quint64 written = 0;          // sequence number of the next answer to write
    QMap<quint64, Pending> ready; // answers waiting for earlier ones
    bool streaming = false;       // a streamed body is being written: later answers wait
};

void write(QTcpSocket *socket, const Pending &pending)
{
    const Response &response = pending.response;
    QByteArray out;
    out.reserve(160 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) +
           "\r\n";
    out += "Content-Type: " + response.contentType + "\r\n";
    if (pending.stream && response.streamedLength < 0)
        out += "Transfer-Encoding: chunked\r\n";
    else if (pending.stream)
        out += "Content-Length: " + QByteArray::number(response.streamedLength) + "\r\n";
    else
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\n";
    for (const auto &[name, value] : response.headers) {
        // A value that could end the header line would let its source write headers of its own.
        if (name.contains('\r') || name.contains('\n') || value.contains('\r') ||
            value.contains('\n') || value.contains('\0')) {
            log::warn("http", u"A response header with a line break was dropped."_s,
                      {{u"header"_s, QString::fromLatin1(name.left(64))}});
            continue;
        }
        out += name + ": " + value + "\r\n";
    }
    if (pending.close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!pending.head)
        out += response.body;
    socket->write(out);
    // A streamed body ends the connection after its last piece, not after its headers.
    if (pending.close && !(pending.stream && !pending.head))
        socket->disconnectFromHost();
}

} // namespace

HttpServer::HttpServer(const RouteTable &routes, Options options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_routes(routes)
    , m_options(std::move(options))
{
    m_workers.setMaxThreadCount(m_options.workerThreads > 0 ? m_options.workerThreads
                                                            : defaultWorkers());
    // Workers keep their threads (and so their database connections) for the server's life.
    m_workers.setExpiryTimeout(-1);
    m_workers.setObjectName(u"http-workers"_s);
    m_reservedWorkers.setMaxThreadCount(m_options.reservedWorkerThreads > 0
                                            ? m_options.reservedWorkerThreads
                                            : defaultReservedWorkers());
    m_reservedWorkers.setExpiryTimeout(-1);
    m_reservedWorkers.setObjectName(u"http-reserved-workers"_s);
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (hasPendingWebSocketConnections()) {
            std::unique_ptr<QWebSocket> socket = nextPendingWebSocketConnection();
            // The guard refused other paths before the upgrade; this is the second lock.
            const qsizetype handler =
                matchingPath(m_options.limits.webSocketPaths, socket->requestUrl().path());
            if (handler >= 0)
                m_webSocketHandlers.at(handler)(std::move(socket));
            else
                closeRefused(socket.release());
        }
    });
}

HttpServer::~HttpServer()
{
    m_workers.waitForDone();
    m_reservedWorkers.waitForDone();
}

void HttpServer::setWebSocketHandler(const QString &path, WebSocketHandler handler)
{
    m_options.limits.webSocketPaths.append(path);
    m_webSocketHandlers.append(std::move(handler));
}

Result<quint16> HttpServer::listen(const QString &host, quint16 port)
{
    auto *tcp = new GuardedTcpServer({m_options.limits, m_options.maxConnections,
                                      m_options.maxConnectionsPerAddress, m_options.tls},
                                     this);
    // Qt's default backlog (50) drops the SYNs of a burst of clients while the I/O thread is
    // busy; they then wait seconds for the kernel's retransmission.
    tcp->setListenBacklogSize(qBound(128, m_options.maxConnections, 4096));
    if (!tcp->listen(QHostAddress(host), port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return fail(u"Cannot listen on %1:%2: %3"_s.arg(host).arg(port).arg(why));
    }
    bind(tcp);
    m_tcp = tcp;
    m_port = tcp->serverPort();
    return m_port;
}

void HttpServer::stopAccepting()
{
    if (!m_tcp)
        return;
    m_tcp->close();
    for (QTcpSocket *socket : m_tcp->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly)) {
        if (ConnectionGuard *guard = ConnectionGuard::of(socket))
            guard->stop();
    }
}

bool HttpServer::waitForIdle(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_inFlight.load() > 0 && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    return m_inFlight.load() == 0;
}

void HttpServer::closeConnections(int timeoutMs)
{
    if (!m_tcp)
        return;
    QList<QPointer<QTcpSocket>> sockets;
    for (QTcpSocket *socket : m_tcp->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly)) {
        sockets.append(socket);
        socket->disconnectFromHost(); // sends what is buffered first
    }
    QElapsedTimer timer;
    timer.start();
    const auto open = [&sockets] {
        return std::any_of(sockets.cbegin(), sockets.cend(), [](const QPointer<QTcpSocket> &s) {
            return s && s->state() != QAbstractSocket::UnconnectedState;
        });
    };
    while (open() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

int HttpServer::openConnections() const
{
    return m_tcp ? m_tcp->openConnections() : 0;
}

bool HttpServer::handleRequest(const QHttpServerRequest &incoming, QTcpSocket *socket)
{
    // QtHttpServer 6.4 asks here before it upgrades a connection to a WebSocket: answering true
    // without writing anything lets the upgrade go ahead (the socket then leaves HTTP for good).
    if (incoming.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
        if (matchingPath(m_options.limits.webSocketPaths, incoming.url().path()) < 0)
            return false;
        // A WebSocket carries live things (events, a call's sound) that are worthless late. The
        // kernel's autotuned send buffer would let a peer that stops reading hide megabytes of
        // them where nothing can see; a small fixed one keeps the backlog in the socket's own
        // buffer, where its owner can bound it (the listen relay closes a listener that falls
        // behind).
        socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption,
                                webSocketSendBufferBytes);
        return true;
    }

    Request request;
    request.received.start();
    request.method = methodName(incoming.method());
    const QUrl url = incoming.url();
    request.path = url.path(QUrl::FullyDecoded);
    request.query = QUrlQuery(url);
    const auto headers = incoming.headers();
    for (const auto &[name, value] : headers)
        request.headers.insert(name.toLower(), value);
    request.body = incoming.body();
    request.bodyBytes = request.body.size();
    request.remoteAddress =
        clientAddress(incoming.remoteAddress(), request.header("x-forwarded-for"),
                      request.header("forwarded"), m_options.trustedProxies);
    request.requestId = requestIdFrom(request.header("x-request-id"));

    const quint64 sequence = ResponseOrder::of(socket)->next++;
    const QPointer<QTcpSocket> guarded(socket);

    RouteTable::Match match = m_routes.match(request.method, request.path);
    if (!match.route) {
        Response response =
            match.allowedMethods.isEmpty()
                ? Response::error(404, u"No such endpoint: %1 %2"_s.arg(
                                           QString::fromLatin1(request.method), request.path))
                : Response::error(
                      405, u"%1 is not allowed here."_s.arg(QString::fromLatin1(request.method)));
        if (!match.allowedMethods.isEmpty())
            response.withHeader("Allow", match.allowedMethods.join(", "));
        ++m_inFlight;
        deliver(guarded, sequence, std::move(request), nullptr, std::move(response));
        return true;
    }
    request.params = std::move(match.params);
    const RouteInfo *route = match.route;
    const qsizetype index = match.index;
    ++m_inFlight;
    if (ConnectionGuard *guard = ConnectionGuard::of(socket))
        guard->requestStarted();

    if (route->inlineOnIoThread) {
        Response response = dispatch(index, *route, request);
        deliver(guarded, sequence, std::move(request), route, std::move(response));
        return true;
    }
    QThreadPool &workers = route->lane == Lane::Reserved ? m_reservedWorkers : m_workers;
    workers.start([this, guarded, sequence, request, route, index]() mutable {
        Response response = dispatch(index, *route, request);
        // The answer's trip back to the I/O thread need not keep an upload alive.
        request.body = QByteArray();
        const BodyProducer producer = std::move(response.producer);
        response.producer = nullptr;
        std::shared_ptr<StreamChannel> stream;
        if (producer)
            stream = std::make_shared<StreamChannel>(response.streamedLength);
        QMetaObject::invokeMethod(
            this,
            [this, guarded, sequence, request, route, response, stream]() {
                deliver(guarded, sequence, request, route, response, stream);
            },
            Qt::QueuedConnection);
        if (!stream)
            return;
        // The body is produced here, on the worker, while the I/O thread sends what is ready.
        const Result<void> produced =
            producer([&](const QByteArray &piece) { return stream->push(this, piece); });
        if (!produced && !stream->gone())
            log::warn("http", u"A streamed answer stopped: %1"_s.arg(produced.error().message),
                      {{u"route"_s, route->pattern}, {u"request_id"_s, request.requestId}});
        QMetaObject::invokeMethod(
            this, [stream, ok = produced.ok()] { stream->finish(ok); }, Qt::QueuedConnection);
    });
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // handleRequest answers every request; this only runs if QtHttpServer changes its mind.
    write(socket, {Response::error(404, u"Not found."_s), false, false, nullptr});
}

Response HttpServer::forbiddenToNonAdmins()
{
    return Response::error(403, u"Only the clinic's owner or an admin can do this."_s);
}

Response HttpServer::dispatch(qsizetype index, const RouteInfo &route, Request &request) const
{
    if (request.carriesNul())
        return Response::error(400, u"The request contains a NUL character (\\u0000), which "
                                    "cannot be stored. Remove it and send again."_s);
    try {
        return m_run(index, route, request);
    } catch (const std::exception &e) {
        log::error("http", u"Handler threw: %1"_s.arg(QString::fromUtf8(e.what())),
                   {{u"route"_s, route.pattern}, {u"request_id"_s, request.requestId}});
        return Response::error(500, u"Something went wrong on the server."_s);
    }
}

void HttpServer::deliver(QPointer<QTcpSocket> socket, quint64 sequence, Request request,
                         const RouteInfo *route, Response response,
                         std::shared_ptr<StreamChannel> stream)
{
    --m_inFlight;
    accessLog(request, route, response, request.orgId);
    if (!socket || socket->state() != QAbstractSocket::ConnectedState) {
        // The client left before the answer was ready (QtHttpServer 6.4 would have written to
        // a deleted socket here). Nothing to do but stop a body still being produced.
        if (stream)
            stream->abandon();
        return;
    }
    ConnectionGuard *guard = ConnectionGuard::of(socket);
    if (guard)
        guard->requestFinished();
    response.withHeader("X-Request-Id", request.requestId.toLatin1());

    ResponseOrder &queue = *ResponseOrder::of(socket);
    // QtHttpServer keeps a connection's last body buffer until the next request or the close:
    // after an upload of megabytes the connection ends, so that memory goes with it.
    const bool largeBody = request.bodyBytes > largeBodyBytes;
    queue.ready.insert(sequence, {std::move(response), request.wantsClose() || largeBody,
                                  request.method == "HEAD", std::move(stream)});
    writeReady(socket);
}

void HttpServer::writeReady(QTcpSocket *socket)
{
    ResponseOrder &queue = *ResponseOrder::of(socket);
    ConnectionGuard *guard = ConnectionGuard::of(socket);
    while (!queue.streaming && !queue.ready.isEmpty() && queue.ready.firstKey() == queue.written) {
        Pending next = queue.ready.take(queue.written);
        ++queue.written;
        // HTTP/1.0 without keep-alive, or a stopping server: the last answer ends the connection.
        if (guard && guard->closesAfterAnswer() && queue.written == queue.next)
            next.close = true;
        write(socket, next);
        if (next.stream && next.head)
            next.stream->abandon();
        if (next.stream && !next.head) {
            // Later answers wait for the body's last piece; the request counts as in flight (for
            // a graceful stop and the idle timer) until then.
            queue.streaming = true;
            ++m_inFlight;
            if (guard)
                guard->requestStarted();
            const QPointer<QTcpSocket> guarded(socket);
            next.stream->start(socket, [this, guarded, close = next.close](bool complete) {
                --m_inFlight;
                if (!guarded)
                    return;
                if (ConnectionGuard *g = ConnectionGuard::of(guarded))
                    g->requestFinished();
                ResponseOrder::of(guarded)->streaming = false;
                if (!complete)
                    return;
                if (close)
                    guarded->disconnectFromHost();
                else
                    writeReady(guarded);
            });
            break;
        }
        if (next.close)
            break;
    }
}

void HttpServer::accessLog(const Request &request, const RouteInfo *route, const Response &response,
                           const QString &orgId) const
{
    // By the route's pattern, never the path: ids would make a series per record.
    const QString method = QString::fromLatin1(request.method);
    const QString pattern = route ? route->pattern : u"unmatched"_s;
    const QString status = QString::number(response.status);
    httpmetrics::requests().labels({method, pattern, status}).inc();
    httpmetrics::requestDuration()
        .labels({method, pattern, status})
        .observe(double(request.received.nsecsElapsed()) / 1e9);

    QJsonObject fields{{u"request_id"_s, request.requestId},
                       {u"method"_s, QString::fromLatin1(request.method)},
                       {u"route"_s, route ? route->pattern : u"(none)"_s},
                       {u"status"_s, response.status},
                       {u"latency_ms"_s, double(request.received.nsecsElapsed()) / 1e6}};
    if (!orgId.isEmpty())
        fields.insert(u"org_id"_s, orgId);
    log::writeLater(response.status >= 500 ? log::Level::Warn : log::Level::Info, "http.access",
                    u"request"_s, fields);
}

} // namespace vox::http
