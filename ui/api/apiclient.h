#pragma once

#include "core/result.h"
#include "ui/api/agentconfig.h"
#include "ui/api/apitypes.h"
#include "ui/api/callquery.h"
#include "ui/api/callrecord.h"
#include "ui/api/contactdetail.h"
#include "ui/api/contactquery.h"
#include "ui/api/dashboardsummary.h"
#include "ui/api/integrationstatus.h"
#include "ui/api/knowledgedocument.h"
#include "ui/api/leadstats.h"
#include "ui/api/listpage.h"
#include "ui/api/liveevent.h"
#include "ui/api/orgsettings.h"
#include "ui/api/orguser.h"
#include "ui/api/refusal.h"
#include "ui/api/servicerecord.h"
#include "ui/api/session.h"
#include "ui/api/telephonyrecords.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace vox::ui {

// The console's one way to the server (docs/api.md). Every call is asynchronous and answers with
// a value or an Error a person can read; the answer is delivered only while `context` lives, so a
// closed page never receives a late reply. An expired access token is refreshed silently with
// the refresh token and the request sent again; refreshes are serialised, so requests that fail
// together wait for the one refresh instead of racing (a reused refresh token would revoke the
// whole session).
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    template<typename T> using Callback = std::function<void(Result<T>)>;
    // For screens that show more of a refusal than its sentence (attempts left, a lock's time,
    // the steps that ran): the Refusal is empty on success.
    template<typename T> using DetailedCallback = std::function<void(Result<T>, const Refusal &)>;
    using Progress = std::function<void(qint64 sent, qint64 total)>;

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

    // Sessions
    void login(const QString &email, const QString &password, QObject *context,
               Callback<Session> done);
    void signUp(const SignUpForm &form, QObject *context, Callback<Session> done);
    // Starts a session from a refresh token kept from an earlier run.
    void resume(const QString &refreshToken, QObject *context, Callback<Session> done);
    void logout(QObject *context, Callback<void> done);
    void health(QObject *context, Callback<QString> done);
    // Who is signed in and for which clinic (GET /api/me); the tokens stay as they are.
    void me(QObject *context, Callback<Session> done);
    // Calls `done` with an access token that is valid for at least a minute (refreshing first
    // when needed); the live event stream uses it before each connection.
    void withFreshToken(QObject *context, Callback<QString> done);
    void forceRefresh(QObject *context, Callback<QString> done);

    // Dashboard
    void dashboardSummary(const QString &range, QObject *context, Callback<DashboardSummary> done);
    void recentActivity(QObject *context, Callback<QList<LiveEvent>> done);

    // Calls
    void calls(const CallQuery &query, const QString &cursor, int limit, QObject *context,
               Callback<ListPage<CallRecord>> done);
    void call(const QString &id, QObject *context, Callback<CallRecord> done);
    void sendFollowUp(const QString &callId, const QString &message, QObject *context,
                      Callback<MessageSent> done);
    void shareRecording(const QString &callId, const QString &email, QObject *context,
                        Callback<QString> done);
    void exportTranscript(const QString &callId, QObject *context, Callback<TranscriptFile> done);
    // The recording's bytes, fetched with the session (the player cannot send the token).
    void recording(const QUrl &url, QObject *context, Callback<QByteArray> done);

    // Leads
    void leadStats(QObject *context, Callback<LeadStats> done);
    void contacts(const ContactQuery &query, const QString &cursor, int limit, QObject *context,
                  Callback<ListPage<ContactRecord>> done);
    void contact(const QString &id, QObject *context, Callback<ContactDetail> done);
    void callBack(const QString &contactId, QObject *context, Callback<CallBackStarted> done);

    // Appointments and services
    void appointments(const QDateTime &from, const QDateTime &to, const QString &cursor,
                      QObject *context, Callback<ListPage<AppointmentRecord>> done);
    void availability(const QDate &date, const QString &serviceId, QObject *context,
                      Callback<QList<TimeSlot>> done);
    void createAppointment(const NewAppointment &appointment, QObject *context,
                           Callback<AppointmentRecord> done);
    void rescheduleAppointment(const QString &id, const QDateTime &when, QObject *context,
                               Callback<AppointmentRecord> done);
    void cancelAppointment(const QString &id, const QString &reason, QObject *context,
                           Callback<AppointmentRecord> done);
    void sendReminder(const QString &id, const QString &method, QObject *context,
                      Callback<MessageSent> done);
    void services(QObject *context, Callback<QList<ServiceRecord>> done);
    void features(QObject *context, Callback<FeatureAvailability> done);

    // Services (the pricing editor); admins only for changes.
    void createService(const ServiceRecord &service, QObject *context,
                       Callback<ServiceRecord> done);
    void updateService(const ServiceRecord &service, QObject *context,
                       Callback<ServiceRecord> done);
    void deleteService(const QString &id, QObject *context, Callback<void> done);

    // The clinic's settings and users
    void orgSettings(QObject *context, Callback<OrgSettings> done);
    // `changes` holds only the fields to change (docs/api.md, PATCH /api/org/settings).
    void updateOrgSettings(const QJsonObject &changes, QObject *context,
                           Callback<OrgSettings> done);
    void orgUsers(QObject *context, Callback<QList<OrgUser>> done);
    void inviteUser(const NewOrgUser &user, QObject *context, Callback<InvitedUser> done);
    // Disabling signs the person out everywhere at once (admins; an owner only by an owner).
    void setUserDisabled(const QString &userId, bool disabled, QObject *context,
                         Callback<OrgUser> done);

    // Integrations (admins)
    void integrations(QObject *context, Callback<IntegrationStatus> done);
    // The dual-sync's steps come back on success and on failure (in the Refusal's body).
    void connectTwilio(const TwilioCredentials &credentials, QObject *context,
                       DetailedCallback<QList<TwilioSyncStep>> done);
    void disconnectTwilio(QObject *context, Callback<void> done);
    void googleAuthUrl(QObject *context, Callback<QUrl> done);
    // Answers whether Google confirmed it revoked Voxanne's access (the disconnection here
    // happened either way).
    void disconnectGoogle(QObject *context, Callback<bool> done);
    // `apiKey`: nullopt keeps the clinic's key, an empty string removes it.
    void configureEmail(const QString &from, const std::optional<QString> &apiKey, QObject *context,
                        Callback<IntegrationStatus> done);

    // The AI agent
    void agent(QObject *context, Callback<AgentConfig> done);
    void saveAgent(const AgentConfig &agent, QObject *context, Callback<AgentConfig> done);

    // Knowledge base
    void knowledgeDocuments(QObject *context, Callback<QList<KnowledgeDocument>> done);
    void uploadKnowledge(const QString &fileName, const QByteArray &mimeType,
                         const QByteArray &bytes, QObject *context, Progress progress,
                         Callback<KnowledgeDocument> done);
    void deleteKnowledge(const QString &id, QObject *context, Callback<void> done);
    void queryKnowledge(const QString &question, QObject *context,
                        Callback<QList<KnowledgePassage>> done);

    // Hybrid telephony (admins)
    void startVerification(const QString &phoneNumber, QObject *context,
                           DetailedCallback<VerificationStarted> done);
    void confirmVerification(const QString &verificationId, const QString &code, QObject *context,
                             DetailedCallback<bool> done);
    void verifiedNumbers(QObject *context, Callback<QList<VerifiedNumber>> done);
    void forwardingConfig(const QString &verifiedCallerId, QObject *context,
                          Callback<std::optional<ForwardingConfig>> done);
    void createForwarding(const ForwardingRequest &request, QObject *context,
                          DetailedCallback<ForwardingConfig> done);
    void confirmForwarding(const QString &configId, QObject *context, Callback<void> done);
    // Answers the code that turns forwarding off on the phone.
    void disableForwarding(const QString &configId, QObject *context, Callback<QString> done);
    void removeVerifiedNumber(const QString &verifiedId, QObject *context, Callback<void> done);

    // The live events WebSocket's address (ws or wss), with `since` when resuming.
    QUrl eventsUrl(qint64 since) const;

signals:
    // New tokens: the shell keeps the refresh token (it rotates on every refresh).
    void sessionChanged();
    // The refresh token was refused: the user must sign in again.
    void sessionExpired(const QString &reason);
    // Whether the last request reached the server at all.
    void reachabilityChanged(bool reachable);

private:
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QNetworkReply::NetworkError network = QNetworkReply::NoError;
    };
    struct Request
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QUrl absoluteUrl; // instead of path, for URLs the server handed out
        QByteArray body;
        QByteArray contentType; // JSON unless set
        QList<std::pair<QByteArray, QByteArray>> headers;
        Progress uploadProgress;
        bool authenticated = true;
        bool retried = false;
        QString sentWithToken;
        QPointer<QObject> context;
        std::function<void(const Answer &)> handler;
    };

    void send(Request request);
    void dispatch(Request request);
    void finished(QNetworkReply *reply, Request request);
    void refreshThenRetry(Request request);
    void startRefresh();
    void finishRefresh(const Result<Session> &result);
    void adoptSession(const QJsonObject &json);

    template<typename T>
    void requestJson(QByteArray method, const QString &path, const QUrlQuery &query,
                     const QJsonObject *body, QObject *context, Callback<T> done,
                     std::function<T(const QJsonObject &)> parse, bool authenticated = true);
    template<typename T>
    void requestDetailed(QByteArray method, const QString &path, const QJsonObject *body,
                         QObject *context, DetailedCallback<T> done,
                         std::function<T(const QJsonObject &)> parse);
    void requestVoid(QByteArray method, const QString &path, const QJsonObject *body,
                     QObject *context, Callback<void> done);
    void requestSession(const QString &path, const QJsonObject &body, QObject *context,
                        Callback<Session> done);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    Session m_session;
    bool m_refreshing = false;
    bool m_reachable = true;
    QList<Request> m_waitingForRefresh;
    QList<std::pair<QPointer<QObject>, Callback<QString>>> m_tokenWaiters;
};

} // namespace vox::ui
