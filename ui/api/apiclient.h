#pragma once

#include "core/result.h"
#include "ui/api/agentclient.h"
#include "ui/api/apicallbacks.h"
#include "ui/api/appointmentsclient.h"
#include "ui/api/authclient.h"
#include "ui/api/callsclient.h"
#include "ui/api/contactsclient.h"
#include "ui/api/dashboardclient.h"
#include "ui/api/integrationsclient.h"
#include "ui/api/knowledgeclient.h"
#include "ui/api/refusal.h"
#include "ui/api/servicesclient.h"
#include "ui/api/session.h"
#include "ui/api/settingsclient.h"
#include "ui/api/telephonyclient.h"
#include "ui/api/todayclient.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace vox::ui {

// The console's one way to the server (docs/api.md): the transport under the area clients. It
// keeps the base URL and the session, sends and receives, and turns answers into values or an
// Error a person can read; the answer is delivered only while `context` lives, so a closed page
// never receives a late reply. An expired access token is refreshed silently with the refresh
// token and the request sent again; refreshes are serialised, so requests that fail together
// wait for the one refresh instead of racing (a reused refresh token would revoke the whole
// session).
//
// The endpoints live in one small client per area of the server's routes, owned here and reached
// as `api.calls()`, `api.appointments()` and so on. The transport keeps the name ApiClient: it is
// what the shell, the pages and the live event stream hold as "the connection to the server", and
// its signals and sentences (with their translations) stay where they were.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    // A short form of the server for the status bar: "127.0.0.1:8787".
    QString serverLabel() const;

    const Session &session() const { return m_session; }
    bool hasSession() const { return m_session.isValid(); }
    void clearSession();
    // Adopts a session obtained elsewhere (a test's, or one kept by the caller).
    void setSession(const Session &session) { m_session = session; }

    // Whether the server answers, and its version; it belongs to no area and needs no session.
    void health(QObject *context, Callback<QString> done);
    // Whether every provider of the server is the sandbox (so nothing sent reaches anyone).
    void sandboxMode(QObject *context, Callback<bool> done);
    // Calls `done` with an access token that is valid for at least a minute (refreshing first
    // when needed); the live event stream uses it before each connection.
    void withFreshToken(QObject *context, Callback<QString> done);
    void forceRefresh(QObject *context, Callback<QString> done);
    // The live events WebSocket's address (ws or wss), with `since` when resuming.
    QUrl eventsUrl(qint64 since) const;

    // The areas, as the server's routes group them.
    AuthClient &auth() { return m_auth; }
    DashboardClient &dashboard() { return m_dashboard; }
    CallsClient &calls() { return m_calls; }
    ContactsClient &contacts() { return m_contacts; }
    AppointmentsClient &appointments() { return m_appointments; }
    ServicesClient &services() { return m_services; }
    SettingsClient &settings() { return m_settings; }
    IntegrationsClient &integrations() { return m_integrations; }
    AgentClient &agent() { return m_agent; }
    KnowledgeClient &knowledge() { return m_knowledge; }
    TelephonyClient &telephony() { return m_telephony; }
    TodayClient &today() { return m_today; }

    // What the area clients build their calls from.
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QNetworkReply::NetworkError network = QNetworkReply::NoError;

        // The Error for an answer that is not a success; `host` is named when none came.
        Error error(const QString &host) const;
    };
    struct Request
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QUrl absoluteUrl; // instead of path, for URLs the server handed out
        QByteArray body;
        // A body read from a device as it is sent (a document to upload), instead of `body`:
        // never whole in memory. Opened, and seekable so a retry after a refresh starts over.
        std::shared_ptr<QIODevice> bodyDevice;
        QByteArray contentType; // JSON unless set
        QList<std::pair<QByteArray, QByteArray>> headers;
        Progress uploadProgress;
        bool authenticated = true;
        QPointer<QObject> context;
        std::function<void(const Answer &)> handler;
        // The transport's own bookkeeping for the refresh.
        bool retried = false;
        QString sentWithToken;
    };

    // Sends `request` (after a refresh in flight, if any); the handler runs only while the
    // request's context lives.
    void send(Request request);
    // A JSON object on success (an empty body reads as {}), else the Error.
    void requestObject(QByteArray method, const QString &path, const QUrlQuery &query,
                       const QJsonObject *body, QObject *context, Callback<QJsonObject> done,
                       bool authenticated = true);
    template<typename T>
    void requestJson(QByteArray method, const QString &path, const QUrlQuery &query,
                     const QJsonObject *body, QObject *context, Callback<T> done,
                     std::function<T(const QJsonObject &)> parse, bool authenticated = true)
    {
        requestObject(
            std::move(method), path, query, body, context,
            [done = std::move(done), parse = std::move(parse)](Result<QJsonObject> json) {
                if (!json) {
                    done(json.error());
                    return;
                }
                done(parse(*json));
            },
            authenticated);
    }
    // As requestObject, with the Refusal's details on failure.
    void requestDetailedObject(QByteArray method, const QString &path, const QJsonObject *body,
                               QObject *context, DetailedCallback<QJsonObject> done);
    template<typename T>
    void requestDetailed(QByteArray method, const QString &path, const QJsonObject *body,
                         QObject *context, DetailedCallback<T> done,
                         std::function<T(const QJsonObject &)> parse)
    {
        requestDetailedObject(std::move(method), path, body, context,
                              [done = std::move(done), parse = std::move(parse)](
                                  Result<QJsonObject> json, const Refusal &refusal) {
                                  if (!json) {
                                      done(json.error(), refusal);
                                      return;
                                  }
                                  done(parse(*json), refusal);
                              });
    }
    void requestVoid(QByteArray method, const QString &path, const QJsonObject *body,
                     QObject *context, Callback<void> done, bool authenticated = true);
    // Signs in (login, sign-up, refresh): the answer's tokens become the session.
    void requestSession(const QString &path, const QJsonObject &body, QObject *context,
                        Callback<Session> done);

signals:
    // New tokens: the shell keeps the refresh token (it rotates on every refresh).
    void sessionChanged();
    // The refresh token was refused: the user must sign in again.
    void sessionExpired(const QString &reason);
    // Whether the last request reached the server at all.
    void reachabilityChanged(bool reachable);

private:
    void dispatch(Request request);
    void finished(QNetworkReply *reply, Request request);
    void refreshThenRetry(Request request);
    void startRefresh();
    void finishRefresh(const Result<Session> &result);
    void adoptSession(const QJsonObject &json);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    Session m_session;
    bool m_refreshing = false;
    bool m_reachable = true;
    QList<Request> m_waitingForRefresh;
    QList<std::pair<QPointer<QObject>, Callback<QString>>> m_tokenWaiters;

    AuthClient m_auth{*this};
    DashboardClient m_dashboard{*this};
    CallsClient m_calls{*this};
    ContactsClient m_contacts{*this};
    AppointmentsClient m_appointments{*this};
    ServicesClient m_services{*this};
    SettingsClient m_settings{*this};
    IntegrationsClient m_integrations{*this};
    AgentClient m_agent{*this};
    KnowledgeClient m_knowledge{*this};
    TelephonyClient m_telephony{*this};
    TodayClient m_today{*this};
};

} // namespace vox::ui
