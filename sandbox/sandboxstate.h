#pragma once

#include "sandbox/sandboxroutes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

#include <functional>

namespace vox::sandbox {

// What the sandbox received: tests compare it with what the server claims to have sent.
struct RecordedRequest
{
    qint64 sequence = 0;
    QString provider; // vapi, twilio, google, resend
    QString method;
    QString path;
    QString query;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    QDateTime at;

    QJsonObject toJson() const;
};

// An injected failure: the next `remaining` requests that match answer `status` (or hang for
// `delayMs` first, to provoke a timeout). Status 0 or a 2xx is a slow provider rather than a
// failing one: after `delayMs` the request is served as usual, so the provider acts on it even
// when the client gave up waiting (an SMS sent whose answer never arrived). With `actFirst`, a
// failing status is answered after the request was served: the provider acted, and a gateway in
// front of it answered 5xx all the same.
struct Failure
{
    QString provider;
    QString method;     // empty: any
    QString pathPrefix; // empty: any
    int status = 503;   // 0: served as usual after the delay
    int remaining = 1;
    int delayMs = 0;
    bool actFirst = false;
    QJsonObject body;
};

// Shared by every provider stand-in: the request log, failure injection, and a mutex for the
// providers' own in-memory state (handlers run on several worker threads).
class SandboxState
{
public:
    using Handler = Router::Handler;

    // Registers a provider route whose every call is recorded and may be failed on purpose.
    void route(Router &router, const QByteArray &method, const QString &pattern,
               const QString &provider, Handler handler);

    QJsonArray requests(const QString &provider = {}) const;
    QList<RecordedRequest> recorded(const QString &provider = {}) const;
    void clearRequests();
    void addFailure(const Failure &failure);
    void clearFailures();

    // For provider state: lock it while reading or changing.
    QMutex &mutex() const { return m_stateMutex; }

    // Ids in the providers' own styles (Twilio "SM" + 32 hex, Vapi UUIDs, ...).
    static QString twilioSid(const QString &prefix);
    static QString uuid();

    // The control endpoints under /_sandbox: requests log, failures, health.
    void registerControl(Router &router);

private:
    std::optional<Failure> takeFailure(const QString &provider, const http::Request &request);

    mutable QMutex m_logMutex;
    QList<RecordedRequest> m_requests;
    QList<Failure> m_failures;
    qint64 m_sequence = 0;
    mutable QMutex m_stateMutex;
};

} // namespace vox::sandbox
