#include "ui/api/apiclient.h"

#include "core/logging/log.h"
#include "ui/api/apierror.h"
#include "ui/api/jsonfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// "status": "unknown" is the server saying Twilio never confirmed the text.
MessageSent messageSent(const QJsonObject &json, const QString &recipient)
{
    return MessageSent{recipient, json.value(u"status"_s).toString() != u"unknown"_s};
}

constexpr int transferTimeoutMs = 30000;

QJsonObject parseObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

// "attachment; filename=\"transcript-+15551234567-2026-01-25.txt\"" -> the file name.
QString attachmentName(const QByteArray &disposition)
{
    static const QRegularExpression pattern(uR"re(filename\*?=(?:UTF-8'')?"?([^";]+)"?)re"_s);
    const auto match = pattern.match(QString::fromUtf8(disposition));
    return match.hasMatch() ? QUrl::fromPercentEncoding(match.captured(1).toUtf8()) : QString();
}

} // namespace

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setAutoDeleteReplies(true);
}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    QString path = m_baseUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    m_baseUrl.setPath(path);
}

QString ApiClient::serverLabel() const
{
    if (m_baseUrl.port() > 0)
        return u"%1:%2"_s.arg(m_baseUrl.host()).arg(m_baseUrl.port());
    return m_baseUrl.host();
}

void ApiClient::clearSession()
{
    m_session = {};
    m_waitingForRefresh.clear();
    m_tokenWaiters.clear();
}

// ---------------------------------------------------------------------------------------------
// Transport

void ApiClient::send(Request request)
{
    // A refresh in flight: join the queue rather than spend a token that is about to change.
    if (request.authenticated && m_refreshing) {
        m_waitingForRefresh << std::move(request);
        return;
    }
    dispatch(std::move(request));
}

void ApiClient::dispatch(Request request)
{
    QUrl url = request.absoluteUrl;
    if (url.isEmpty()) {
        url = m_baseUrl;
        url.setPath(m_baseUrl.path() + request.path);
        if (!request.query.isEmpty())
            url.setQuery(request.query);
    }
    QNetworkRequest http(url);
    http.setTransferTimeout(transferTimeoutMs);
    http.setRawHeader("Accept", "application/json");
    if (request.authenticated && m_session.isValid()) {
        request.sentWithToken = m_session.accessToken;
        http.setRawHeader("Authorization", "Bearer " + m_session.accessToken.toLatin1());
    }
    for (const auto &[name, value] : std::as_const(request.headers))
        http.setRawHeader(name, value);
    QNetworkReply *reply = nullptr;
    if (request.method == "GET") {
        reply = m_network->get(http);
    } else {
        if (!request.contentType.isEmpty())
            http.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
        else if (!request.body.isEmpty() || request.method == "POST" || request.method == "PATCH")
            http.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        const QByteArray body =
            request.body.isEmpty() && request.method != "DELETE" ? QByteArray("{}") : request.body;
        reply = m_network->sendCustomRequest(http, request.method, body);
    }
    if (request.uploadProgress) {
        connect(reply, &QNetworkReply::uploadProgress, this,
                [context = request.context, progress = request.uploadProgress](qint64 sent,
                                                                               qint64 total) {
                    if (context)
                        progress(sent, total);
                });
    }
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, request = std::move(request)]() mutable {
                finished(reply, std::move(request));
            });
}

void ApiClient::finished(QNetworkReply *reply, Request request)
{
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.network = reply->error();
    const auto headers = reply->rawHeaderPairs();
    for (const auto &[name, value] : headers)
        answer.headers.insert(name.toLower(), value);

    const bool reachable = answer.status != 0;
    if (reachable != m_reachable) {
        m_reachable = reachable;
        emit reachabilityChanged(reachable);
    }

    if (answer.status == 401 && request.authenticated && !request.retried &&
        !m_session.refreshToken.isEmpty()) {
        refreshThenRetry(std::move(request));
        return;
    }
    // The receiver went away while the request was out: nobody to tell.
    if (request.context.isNull() || !request.handler)
        return;
    request.handler(answer);
}

void ApiClient::refreshThenRetry(Request request)
{
    request.retried = true;
    // Another request already brought a newer token: just try again with it.
    if (!m_refreshing && m_session.accessToken != request.sentWithToken) {
        dispatch(std::move(request));
        return;
    }
    m_waitingForRefresh << std::move(request);
    startRefresh();
}

void ApiClient::startRefresh()
{
    if (m_refreshing)
        return;
    if (m_session.refreshToken.isEmpty()) {
        finishRefresh(
            fail(tr("Your session has ended. Please sign in again."), apierror::unauthorized));
        return;
    }
    m_refreshing = true;
    Request refresh;
    refresh.method = "POST";
    refresh.path = u"/api/auth/refresh"_s;
    refresh.authenticated = false;
    refresh.body = QJsonDocument(QJsonObject{{u"refresh_token"_s, m_session.refreshToken}})
                       .toJson(QJsonDocument::Compact);
    refresh.context = this;
    refresh.handler = [this](const Answer &answer) {
        m_refreshing = false;
        if (answer.status == 200) {
            adoptSession(parseObject(answer.body));
            finishRefresh(m_session);
            return;
        }
        finishRefresh(
            apierror::fromAnswer({answer.status, answer.body, answer.headers.value("retry-after"),
                                  answer.network, serverLabel()}));
    };
    dispatch(std::move(refresh));
}

void ApiClient::finishRefresh(const Result<Session> &result)
{
    QList<Request> waiting = std::exchange(m_waitingForRefresh, {});
    auto tokenWaiters = std::exchange(m_tokenWaiters, {});
    if (result) {
        for (Request &request : waiting)
            dispatch(std::move(request));
        for (auto &[context, done] : tokenWaiters) {
            if (context)
                done(m_session.accessToken);
        }
        return;
    }
    // Refused (or unreachable). Without an answer the session may still be good: tell the
    // waiting callers, but only end the session when the server said no.
    const bool refused = result.error().code == apierror::unauthorized ||
                         result.error().code == apierror::validation;
    const Error error =
        refused ? fail(tr("Your session has ended. Please sign in again."), apierror::unauthorized)
                : result.error();
    for (Request &request : waiting) {
        if (request.context) {
            Answer answer;
            answer.status = refused ? 401 : 0;
            answer.network =
                refused ? QNetworkReply::NoError : QNetworkReply::ConnectionRefusedError;
            answer.body = QJsonDocument(QJsonObject{{u"error"_s, error.message}}).toJson();
            request.handler(answer);
        }
    }
    for (auto &[context, done] : tokenWaiters) {
        if (context)
            done(error);
    }
    if (refused) {
        m_session = {};
        log::info("console.api", u"The session was refused on refresh; signing out."_s);
        emit sessionExpired(error.message);
    }
}

void ApiClient::adoptSession(const QJsonObject &json)
{
    m_session = Session::fromJson(json, QDateTime::currentDateTimeUtc());
    emit sessionChanged();
}

template<typename T>
void ApiClient::requestJson(QByteArray method, const QString &path, const QUrlQuery &query,
                            const QJsonObject *body, QObject *context, Callback<T> done,
                            std::function<T(const QJsonObject &)> parse, bool authenticated)
{
    Request request;
    request.method = std::move(method);
    request.path = path;
    request.query = query;
    if (body)
        request.body = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    request.authenticated = authenticated;
    request.context = context;
    const QString host = serverLabel();
    request.handler = [done = std::move(done), parse = std::move(parse),
                       host](const Answer &answer) {
        if (answer.status >= 200 && answer.status < 300) {
            const QJsonDocument doc = QJsonDocument::fromJson(answer.body);
            if (doc.isObject() || answer.body.trimmed().isEmpty()) {
                done(parse(doc.object()));
                return;
            }
            done(fail(tr("The server sent an answer the console does not understand. It may "
                         "be a different version; please tell your IT contact."),
                      apierror::unexpected));
            return;
        }
        done(apierror::fromAnswer({answer.status, answer.body, answer.headers.value("retry-after"),
                                   answer.network, host}));
    };
    send(std::move(request));
}

template<typename T>
void ApiClient::requestDetailed(QByteArray method, const QString &path, const QJsonObject *body,
                                QObject *context, DetailedCallback<T> done,
                                std::function<T(const QJsonObject &)> parse)
{
    Request request;
    request.method = std::move(method);
    request.path = path;
    if (body)
        request.body = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    request.context = context;
    const QString host = serverLabel();
    request.handler = [done = std::move(done), parse = std::move(parse),
                       host](const Answer &answer) {
        if (answer.status >= 200 && answer.status < 300) {
            done(parse(parseObject(answer.body)), Refusal{});
            return;
        }
        Refusal refusal;
        refusal.status = answer.status;
        refusal.body = parseObject(answer.body);
        refusal.retryAfterSeconds = answer.headers.value("retry-after").trimmed().toInt();
        done(apierror::fromAnswer({answer.status, answer.body, answer.headers.value("retry-after"),
                                   answer.network, host}),
             refusal);
    };
    send(std::move(request));
}

void ApiClient::requestVoid(QByteArray method, const QString &path, const QJsonObject *body,
                            QObject *context, Callback<void> done)
{
    requestJson<bool>(
        std::move(method), path, {}, body, context,
        [done = std::move(done)](Result<bool> result) {
            if (!result)
                done(result.error());
            else
                done({});
        },
        [](const QJsonObject &) { return true; });
}

void ApiClient::requestSession(const QString &path, const QJsonObject &body, QObject *context,
                               Callback<Session> done)
{
    requestJson<QJsonObject>(
        "POST", path, {}, &body, context,
        [this, done = std::move(done)](Result<QJsonObject> json) {
            if (!json) {
                done(json.error());
                return;
            }
            adoptSession(*json);
            done(m_session);
        },
        [](const QJsonObject &json) { return json; }, false);
}

// ---------------------------------------------------------------------------------------------
// Sessions

void ApiClient::login(const QString &email, const QString &password, QObject *context,
                      Callback<Session> done)
{
    requestSession(u"/api/auth/login"_s, {{u"email"_s, email.trimmed()}, {u"password"_s, password}},
                   context, std::move(done));
}

void ApiClient::signUp(const SignUpForm &form, QObject *context, Callback<Session> done)
{
    QJsonObject body{{u"organization_name"_s, form.organizationName.trimmed()},
                     {u"email"_s, form.email.trimmed()},
                     {u"password"_s, form.password}};
    if (!form.fullName.trimmed().isEmpty())
        body.insert(u"full_name"_s, form.fullName.trimmed());
    if (!form.timeZone.isEmpty())
        body.insert(u"time_zone"_s, form.timeZone);
    requestSession(u"/api/auth/signup"_s, body, context, std::move(done));
}

void ApiClient::resume(const QString &refreshToken, QObject *context, Callback<Session> done)
{
    requestSession(u"/api/auth/refresh"_s, {{u"refresh_token"_s, refreshToken}}, context,
                   std::move(done));
}

void ApiClient::logout(QObject *context, Callback<void> done)
{
    const QJsonObject body{{u"refresh_token"_s, m_session.refreshToken}};
    requestJson<bool>(
        "POST", u"/api/auth/logout"_s, {}, &body, context,
        [done = std::move(done)](Result<bool> result) {
            if (!result)
                done(result.error());
            else
                done({});
        },
        [](const QJsonObject &) { return true; }, false);
    clearSession();
}

void ApiClient::health(QObject *context, Callback<QString> done)
{
    requestJson<QString>(
        "GET", u"/api/health"_s, {}, nullptr, context, std::move(done),
        [](const QJsonObject &json) { return json.value(u"version"_s).toString(); }, false);
}

void ApiClient::me(QObject *context, Callback<Session> done)
{
    requestJson<Session>("GET", u"/api/me"_s, {}, nullptr, context, std::move(done),
                         [](const QJsonObject &json) {
                             return Session::fromJson(json, QDateTime::currentDateTimeUtc());
                         });
}

void ApiClient::withFreshToken(QObject *context, Callback<QString> done)
{
    if (m_session.isValid() && !m_refreshing &&
        QDateTime::currentDateTimeUtc().secsTo(m_session.accessExpiresAt) > 60) {
        done(m_session.accessToken);
        return;
    }
    forceRefresh(context, std::move(done));
}

void ApiClient::forceRefresh(QObject *context, Callback<QString> done)
{
    if (m_session.refreshToken.isEmpty()) {
        done(fail(tr("Your session has ended. Please sign in again."), apierror::unauthorized));
        return;
    }
    m_tokenWaiters.append({QPointer<QObject>(context), std::move(done)});
    startRefresh();
}

// ---------------------------------------------------------------------------------------------
// Dashboard

void ApiClient::dashboardSummary(const QString &range, QObject *context,
                                 Callback<DashboardSummary> done)
{
    QUrlQuery query;
    query.addQueryItem(u"range"_s, range);
    requestJson<DashboardSummary>("GET", u"/api/dashboard/summary"_s, query, nullptr, context,
                                  std::move(done), &DashboardSummary::fromJson);
}

void ApiClient::recentActivity(QObject *context, Callback<QList<LiveEvent>> done)
{
    requestJson<QList<LiveEvent>>("GET", u"/api/dashboard/recent-activity"_s, {}, nullptr, context,
                                  std::move(done), [](const QJsonObject &json) {
                                      QList<LiveEvent> events;
                                      const QJsonArray items = json.value(u"items"_s).toArray();
                                      for (const QJsonValue &item : items)
                                          events << LiveEvent::fromJson(item.toObject());
                                      return events;
                                  });
}

// ---------------------------------------------------------------------------------------------
// Calls

template<typename T> static ListPage<T> readPage(const QJsonObject &json)
{
    ListPage<T> page;
    const QJsonArray items = json.value(u"items"_s).toArray();
    page.items.reserve(items.size());
    for (const QJsonValue &item : items)
        page.items << T::fromJson(item.toObject());
    page.nextCursor = json.value(u"next_cursor"_s).toString();
    return page;
}

void ApiClient::calls(const CallQuery &query, const QString &cursor, int limit, QObject *context,
                      Callback<ListPage<CallRecord>> done)
{
    QUrlQuery q = query.toUrlQuery();
    q.addQueryItem(u"limit"_s, QString::number(qBound(1, limit, 200)));
    if (!cursor.isEmpty())
        q.addQueryItem(u"cursor"_s, cursor);
    requestJson<ListPage<CallRecord>>("GET", u"/api/calls-dashboard"_s, q, nullptr, context,
                                      std::move(done), &readPage<CallRecord>);
}

void ApiClient::call(const QString &id, QObject *context, Callback<CallRecord> done)
{
    requestJson<CallRecord>("GET", u"/api/calls-dashboard/"_s + id, {}, nullptr, context,
                            std::move(done), [](const QJsonObject &json) {
                                CallRecord call = CallRecord::fromJson(json);
                                call.detailLoaded = true;
                                return call;
                            });
}

void ApiClient::sendFollowUp(const QString &callId, const QString &message, QObject *context,
                             Callback<MessageSent> done)
{
    const QJsonObject body{{u"message"_s, message}};
    requestJson<MessageSent>("POST", u"/api/calls-dashboard/%1/followup"_s.arg(callId), {}, &body,
                             context, std::move(done), [](const QJsonObject &json) {
                                 return messageSent(json, json.value(u"phone"_s).toString());
                             });
}

void ApiClient::shareRecording(const QString &callId, const QString &email, QObject *context,
                               Callback<QString> done)
{
    const QJsonObject body{{u"email"_s, email.trimmed()}};
    requestJson<QString>("POST", u"/api/calls-dashboard/%1/share"_s.arg(callId), {}, &body, context,
                         std::move(done),
                         [](const QJsonObject &json) { return json.value(u"email"_s).toString(); });
}

void ApiClient::exportTranscript(const QString &callId, QObject *context,
                                 Callback<TranscriptFile> done)
{
    Request request;
    request.method = "POST";
    request.path = u"/api/calls-dashboard/%1/transcript/export"_s.arg(callId);
    request.body = R"({"format":"txt"})"_ba;
    request.context = context;
    const QString host = serverLabel();
    request.handler = [done = std::move(done), host, callId](const Answer &answer) {
        if (answer.status == 200) {
            TranscriptFile file;
            file.fileName = attachmentName(answer.headers.value("content-disposition"));
            if (file.fileName.isEmpty())
                file.fileName = u"transcript-%1.txt"_s.arg(callId.left(8));
            file.text = answer.body;
            done(file);
            return;
        }
        done(apierror::fromAnswer({answer.status, answer.body, answer.headers.value("retry-after"),
                                   answer.network, host}));
    };
    send(std::move(request));
}

void ApiClient::recording(const QUrl &url, QObject *context, Callback<QByteArray> done)
{
    Request request;
    request.method = "GET";
    request.absoluteUrl = url.isRelative() ? m_baseUrl.resolved(url) : url;
    // The session goes only to our own server, never to a provider's storage.
    request.authenticated = request.absoluteUrl.host() == m_baseUrl.host() &&
                            request.absoluteUrl.port() == m_baseUrl.port();
    request.context = context;
    const QString host = serverLabel();
    request.handler = [done = std::move(done), host](const Answer &answer) {
        if (answer.status == 200) {
            done(answer.body);
            return;
        }
        done(apierror::fromAnswer({answer.status, answer.body, answer.headers.value("retry-after"),
                                   answer.network, host}));
    };
    send(std::move(request));
}

// ---------------------------------------------------------------------------------------------
// Leads

void ApiClient::leadStats(QObject *context, Callback<LeadStats> done)
{
    requestJson<LeadStats>("GET", u"/api/contacts/stats"_s, {}, nullptr, context, std::move(done),
                           &LeadStats::fromJson);
}

void ApiClient::contacts(const ContactQuery &query, const QString &cursor, int limit,
                         QObject *context, Callback<ListPage<ContactRecord>> done)
{
    QUrlQuery q = query.toUrlQuery();
    q.addQueryItem(u"limit"_s, QString::number(qBound(1, limit, 200)));
    if (!cursor.isEmpty())
        q.addQueryItem(u"cursor"_s, cursor);
    requestJson<ListPage<ContactRecord>>("GET", u"/api/contacts"_s, q, nullptr, context,
                                         std::move(done), &readPage<ContactRecord>);
}

void ApiClient::contact(const QString &id, QObject *context, Callback<ContactDetail> done)
{
    requestJson<ContactDetail>("GET", u"/api/contacts/"_s + id, {}, nullptr, context,
                               std::move(done), &ContactDetail::fromJson);
}

void ApiClient::callBack(const QString &contactId, QObject *context, Callback<CallBackStarted> done)
{
    const QJsonObject body;
    requestJson<CallBackStarted>("POST", u"/api/contacts/%1/call-back"_s.arg(contactId), {}, &body,
                                 context, std::move(done), [](const QJsonObject &json) {
                                     CallBackStarted started;
                                     started.callId = json.value(u"callId"_s).toString();
                                     started.phone = json.value(u"phone"_s).toString();
                                     started.status = json.value(u"status"_s).toString();
                                     return started;
                                 });
}

// ---------------------------------------------------------------------------------------------
// Appointments and services

void ApiClient::appointments(const QDateTime &from, const QDateTime &to, const QString &cursor,
                             QObject *context, Callback<ListPage<AppointmentRecord>> done)
{
    QUrlQuery q;
    if (from.isValid())
        q.addQueryItem(u"from"_s, from.toUTC().toString(Qt::ISODateWithMs));
    if (to.isValid())
        q.addQueryItem(u"to"_s, to.toUTC().toString(Qt::ISODateWithMs));
    q.addQueryItem(u"limit"_s, u"200"_s);
    if (!cursor.isEmpty())
        q.addQueryItem(u"cursor"_s, cursor);
    requestJson<ListPage<AppointmentRecord>>("GET", u"/api/appointments"_s, q, nullptr, context,
                                             std::move(done), &readPage<AppointmentRecord>);
}

void ApiClient::availability(const QDate &date, const QString &serviceId, QObject *context,
                             Callback<QList<TimeSlot>> done)
{
    QUrlQuery q;
    q.addQueryItem(u"date"_s, date.toString(Qt::ISODate));
    q.addQueryItem(u"service_id"_s, serviceId);
    requestJson<QList<TimeSlot>>("GET", u"/api/appointments/availability"_s, q, nullptr, context,
                                 std::move(done), [](const QJsonObject &json) {
                                     QList<TimeSlot> free;
                                     const QJsonArray items = json.value(u"slots"_s).toArray();
                                     for (const QJsonValue &item : items) {
                                         const QJsonObject slot = item.toObject();
                                         free << TimeSlot{json::time(slot.value(u"start"_s)),
                                                          json::time(slot.value(u"end"_s))};
                                     }
                                     return free;
                                 });
}

void ApiClient::createAppointment(const NewAppointment &appointment, QObject *context,
                                  Callback<AppointmentRecord> done)
{
    QJsonObject body{
        {u"service_id"_s, appointment.serviceId},
        {u"scheduled_time"_s, appointment.scheduledTime.toUTC().toString(Qt::ISODateWithMs)}};
    if (!appointment.contactId.isEmpty()) {
        body.insert(u"contact_id"_s, appointment.contactId);
    } else {
        body.insert(u"phone"_s, appointment.phone.trimmed());
        if (!appointment.name.trimmed().isEmpty())
            body.insert(u"name"_s, appointment.name.trimmed());
    }
    if (!appointment.notes.trimmed().isEmpty())
        body.insert(u"notes"_s, appointment.notes.trimmed());
    requestJson<AppointmentRecord>("POST", u"/api/appointments"_s, {}, &body, context,
                                   std::move(done), &AppointmentRecord::fromJson);
}

void ApiClient::rescheduleAppointment(const QString &id, const QDateTime &when, QObject *context,
                                      Callback<AppointmentRecord> done)
{
    const QJsonObject body{{u"scheduled_time"_s, when.toUTC().toString(Qt::ISODateWithMs)}};
    requestJson<AppointmentRecord>("PATCH", u"/api/appointments/"_s + id, {}, &body, context,
                                   std::move(done), &AppointmentRecord::fromJson);
}

void ApiClient::cancelAppointment(const QString &id, const QString &reason, QObject *context,
                                  Callback<AppointmentRecord> done)
{
    QJsonObject body;
    if (!reason.trimmed().isEmpty())
        body.insert(u"reason"_s, reason.trimmed());
    requestJson<AppointmentRecord>("POST", u"/api/appointments/%1/cancel"_s.arg(id), {}, &body,
                                   context, std::move(done), &AppointmentRecord::fromJson);
}

void ApiClient::sendReminder(const QString &id, const QString &method, QObject *context,
                             Callback<MessageSent> done)
{
    const QJsonObject body{{u"method"_s, method}};
    requestJson<MessageSent>("POST", u"/api/appointments/%1/send-reminder"_s.arg(id), {}, &body,
                             context, std::move(done), [](const QJsonObject &json) {
                                 return messageSent(json, json.value(u"recipient"_s).toString());
                             });
}

void ApiClient::services(QObject *context, Callback<QList<ServiceRecord>> done)
{
    requestJson<QList<ServiceRecord>>("GET", u"/api/services"_s, {}, nullptr, context,
                                      std::move(done), [](const QJsonObject &json) {
                                          QList<ServiceRecord> services;
                                          const QJsonArray items = json.value(u"items"_s).toArray();
                                          for (const QJsonValue &item : items)
                                              services << ServiceRecord::fromJson(item.toObject());
                                          return services;
                                      });
}

void ApiClient::features(QObject *context, Callback<FeatureAvailability> done)
{
    // Only admins may read the integrations; for staff the server decides when they try.
    if (!m_session.isAdmin()) {
        done(FeatureAvailability{});
        return;
    }
    requestJson<FeatureAvailability>(
        "GET", u"/api/integrations"_s, {}, nullptr, context,
        [done = std::move(done)](Result<FeatureAvailability> result) {
            done(result ? *result : FeatureAvailability{});
        },
        [](const QJsonObject &json) {
            FeatureAvailability f;
            f.known = true;
            f.smsConfigured = json.value(u"twilio"_s).toObject().value(u"configured"_s).toBool();
            f.emailConfigured = json.value(u"resend"_s).toObject().value(u"configured"_s).toBool();
            return f;
        });
}

// ---------------------------------------------------------------------------------------------
// Services

void ApiClient::createService(const ServiceRecord &service, QObject *context,
                              Callback<ServiceRecord> done)
{
    const QJsonObject body = service.toJson();
    requestJson<ServiceRecord>("POST", u"/api/services"_s, {}, &body, context, std::move(done),
                               &ServiceRecord::fromJson);
}

void ApiClient::updateService(const ServiceRecord &service, QObject *context,
                              Callback<ServiceRecord> done)
{
    const QJsonObject body = service.toJson();
    requestJson<ServiceRecord>("PATCH", u"/api/services/"_s + service.id, {}, &body, context,
                               std::move(done), &ServiceRecord::fromJson);
}

void ApiClient::deleteService(const QString &id, QObject *context, Callback<void> done)
{
    requestVoid("DELETE", u"/api/services/"_s + id, nullptr, context, std::move(done));
}

// ---------------------------------------------------------------------------------------------
// Settings and users

void ApiClient::orgSettings(QObject *context, Callback<OrgSettings> done)
{
    requestJson<OrgSettings>("GET", u"/api/org/settings"_s, {}, nullptr, context, std::move(done),
                             &OrgSettings::fromJson);
}

void ApiClient::updateOrgSettings(const QJsonObject &changes, QObject *context,
                                  Callback<OrgSettings> done)
{
    requestJson<OrgSettings>("PATCH", u"/api/org/settings"_s, {}, &changes, context,
                             std::move(done), &OrgSettings::fromJson);
}

void ApiClient::orgUsers(QObject *context, Callback<QList<OrgUser>> done)
{
    requestJson<QList<OrgUser>>("GET", u"/api/org/users"_s, {}, nullptr, context, std::move(done),
                                [](const QJsonObject &json) {
                                    QList<OrgUser> users;
                                    const QJsonArray items = json.value(u"items"_s).toArray();
                                    for (const QJsonValue &item : items)
                                        users << OrgUser::fromJson(item.toObject());
                                    return users;
                                });
}

void ApiClient::setUserDisabled(const QString &userId, bool disabled, QObject *context,
                                Callback<OrgUser> done)
{
    const QJsonObject body{{u"disabled"_s, disabled}};
    requestJson<OrgUser>("PATCH", u"/api/org/users/"_s + userId, {}, &body, context,
                         std::move(done), [](const QJsonObject &json) {
                             return OrgUser::fromJson(json.value(u"user"_s).toObject());
                         });
}

void ApiClient::inviteUser(const NewOrgUser &user, QObject *context, Callback<InvitedUser> done)
{
    QJsonObject body{{u"email"_s, user.email.trimmed()}, {u"role"_s, user.role}};
    if (!user.fullName.trimmed().isEmpty())
        body.insert(u"full_name"_s, user.fullName.trimmed());
    requestJson<InvitedUser>("POST", u"/api/org/users"_s, {}, &body, context, std::move(done),
                             [](const QJsonObject &json) {
                                 InvitedUser invited;
                                 invited.user = OrgUser::fromJson(json.value(u"user"_s).toObject());
                                 invited.temporaryPassword =
                                     json.value(u"temporary_password"_s).toString();
                                 return invited;
                             });
}

// ---------------------------------------------------------------------------------------------
// Integrations

void ApiClient::integrations(QObject *context, Callback<IntegrationStatus> done)
{
    requestJson<IntegrationStatus>("GET", u"/api/integrations"_s, {}, nullptr, context,
                                   std::move(done), &IntegrationStatus::fromJson);
}

static QList<TwilioSyncStep> readSteps(const QJsonObject &json)
{
    QList<TwilioSyncStep> steps;
    const QJsonArray items = json.value(u"steps"_s).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject s = item.toObject();
        steps << TwilioSyncStep{s.value(u"step"_s).toString(), s.value(u"status"_s).toString(),
                                s.value(u"detail"_s).toString()};
    }
    return steps;
}

void ApiClient::connectTwilio(const TwilioCredentials &credentials, QObject *context,
                              DetailedCallback<QList<TwilioSyncStep>> done)
{
    const QJsonObject body{{u"account_sid"_s, credentials.accountSid.trimmed()},
                           {u"auth_token"_s, credentials.authToken.trimmed()},
                           {u"phone_number"_s, credentials.phoneNumber.trimmed()}};
    requestDetailed<QList<TwilioSyncStep>>("PUT", u"/api/integrations/twilio"_s, &body, context,
                                           std::move(done), &readSteps);
}

void ApiClient::disconnectTwilio(QObject *context, Callback<void> done)
{
    requestVoid("DELETE", u"/api/integrations/twilio"_s, nullptr, context, std::move(done));
}

void ApiClient::googleAuthUrl(QObject *context, Callback<QUrl> done)
{
    requestJson<QUrl>("GET", u"/api/integrations/google/auth-url"_s, {}, nullptr, context,
                      std::move(done), [](const QJsonObject &json) {
                          return QUrl(json.value(u"url"_s).toString(), QUrl::StrictMode);
                      });
}

void ApiClient::disconnectGoogle(QObject *context, Callback<bool> done)
{
    requestJson<bool>(
        "DELETE", u"/api/integrations/google"_s, {}, nullptr, context, std::move(done),
        [](const QJsonObject &json) { return json.value(u"revoked_at_google"_s).toBool(true); });
}

void ApiClient::configureEmail(const QString &from, const std::optional<QString> &apiKey,
                               QObject *context, Callback<IntegrationStatus> done)
{
    QJsonObject body{{u"from"_s, from.trimmed()}};
    if (apiKey)
        body.insert(u"api_key"_s, apiKey->trimmed());
    requestJson<IntegrationStatus>("PUT", u"/api/integrations/resend"_s, {}, &body, context,
                                   std::move(done), &IntegrationStatus::fromJson);
}

// ---------------------------------------------------------------------------------------------
// Agent

void ApiClient::agent(QObject *context, Callback<AgentConfig> done)
{
    requestJson<AgentConfig>("GET", u"/api/agent"_s, {}, nullptr, context, std::move(done),
                             &AgentConfig::fromJson);
}

void ApiClient::saveAgent(const AgentConfig &agent, QObject *context, Callback<AgentConfig> done)
{
    const QJsonObject body{{u"name"_s, agent.name.trimmed()},
                           {u"voice"_s, agent.voice.trimmed()},
                           {u"first_message"_s, agent.firstMessage.trimmed()},
                           {u"system_prompt"_s, agent.systemPrompt.trimmed()}};
    requestJson<AgentConfig>("PUT", u"/api/agent"_s, {}, &body, context, std::move(done),
                             &AgentConfig::fromJson);
}

// ---------------------------------------------------------------------------------------------
// Knowledge base

void ApiClient::knowledgeDocuments(QObject *context, Callback<QList<KnowledgeDocument>> done)
{
    requestJson<QList<KnowledgeDocument>>(
        "GET", u"/api/knowledge"_s, {}, nullptr, context, std::move(done),
        [](const QJsonObject &json) {
            QList<KnowledgeDocument> documents;
            const QJsonArray items = json.value(u"items"_s).toArray();
            for (const QJsonValue &item : items)
                documents << KnowledgeDocument::fromJson(item.toObject());
            return documents;
        });
}

void ApiClient::uploadKnowledge(const QString &fileName, const QByteArray &mimeType,
                                const QByteArray &bytes, QObject *context, Progress progress,
                                Callback<KnowledgeDocument> done)
{
    // The file is the raw body (docs/api.md): no multipart, one copy of a large PDF.
    Request request;
    request.method = "POST";
    request.path = u"/api/knowledge"_s;
    request.body = bytes;
    request.contentType = mimeType;
    request.headers.append({"X-Filename", QUrl::toPercentEncoding(fileName)});
    request.uploadProgress = std::move(progress);
    request.context = context;
    const QString host = serverLabel();
    request.handler = [done = std::move(done), host](const Answer &answer) {
        if (answer.status == 201 || answer.status == 200) {
            done(KnowledgeDocument::fromJson(parseObject(answer.body)));
            return;
        }
        done(apierror::fromAnswer({answer.status, answer.body, answer.headers.value("retry-after"),
                                   answer.network, host}));
    };
    send(std::move(request));
}

void ApiClient::deleteKnowledge(const QString &id, QObject *context, Callback<void> done)
{
    requestVoid("DELETE", u"/api/knowledge/"_s + id, nullptr, context, std::move(done));
}

void ApiClient::queryKnowledge(const QString &question, QObject *context,
                               Callback<QList<KnowledgePassage>> done)
{
    const QJsonObject body{{u"question"_s, question.trimmed()}};
    requestJson<QList<KnowledgePassage>>("POST", u"/api/knowledge/query"_s, {}, &body, context,
                                         std::move(done), [](const QJsonObject &json) {
                                             QList<KnowledgePassage> passages;
                                             const QJsonArray items =
                                                 json.value(u"passages"_s).toArray();
                                             for (const QJsonValue &item : items)
                                                 passages
                                                     << KnowledgePassage::fromJson(item.toObject());
                                             return passages;
                                         });
}

// ---------------------------------------------------------------------------------------------
// Hybrid telephony

void ApiClient::startVerification(const QString &phoneNumber, QObject *context,
                                  DetailedCallback<VerificationStarted> done)
{
    const QJsonObject body{{u"phoneNumber"_s, phoneNumber}};
    requestDetailed<VerificationStarted>(
        "POST", u"/api/telephony/verify-caller-id/initiate"_s, &body, context, std::move(done),
        [phoneNumber](const QJsonObject &json) {
            return VerificationStarted::fromJson(json, phoneNumber);
        });
}

void ApiClient::confirmVerification(const QString &verificationId, const QString &code,
                                    QObject *context, DetailedCallback<bool> done)
{
    const QJsonObject body{{u"verificationId"_s, verificationId},
                           {u"verificationCode"_s, code.trimmed()}};
    requestDetailed<bool>(
        "POST", u"/api/telephony/verify-caller-id/confirm"_s, &body, context, std::move(done),
        [](const QJsonObject &json) { return json.value(u"success"_s).toBool(); });
}

void ApiClient::verifiedNumbers(QObject *context, Callback<QList<VerifiedNumber>> done)
{
    requestJson<QList<VerifiedNumber>>("GET", u"/api/telephony/verified-numbers"_s, {}, nullptr,
                                       context, std::move(done), [](const QJsonObject &json) {
                                           QList<VerifiedNumber> numbers;
                                           const QJsonArray items =
                                               json.value(u"numbers"_s).toArray();
                                           for (const QJsonValue &item : items)
                                               numbers << VerifiedNumber::fromJson(item.toObject());
                                           return numbers;
                                       });
}

void ApiClient::forwardingConfig(const QString &verifiedCallerId, QObject *context,
                                 Callback<std::optional<ForwardingConfig>> done)
{
    QUrlQuery q;
    q.addQueryItem(u"verifiedCallerId"_s, verifiedCallerId);
    requestJson<std::optional<ForwardingConfig>>(
        "GET", u"/api/telephony/forwarding-config"_s, q, nullptr, context, std::move(done),
        [](const QJsonObject &json) -> std::optional<ForwardingConfig> {
            const QJsonValue config = json.value(u"config"_s);
            if (!config.isObject())
                return std::nullopt;
            return ForwardingConfig::fromJson(config.toObject());
        });
}

void ApiClient::createForwarding(const ForwardingRequest &request, QObject *context,
                                 DetailedCallback<ForwardingConfig> done)
{
    QJsonObject body{{u"verifiedCallerId"_s, request.verifiedCallerId},
                     {u"forwardingType"_s, request.forwardingType},
                     {u"carrier"_s, request.carrier}};
    if (request.forwardingType == u"safety_net")
        body.insert(u"ringTimeSeconds"_s, request.ringTimeSeconds);
    requestDetailed<ForwardingConfig>("POST", u"/api/telephony/forwarding-config"_s, &body, context,
                                      std::move(done), [](const QJsonObject &json) {
                                          return ForwardingConfig::fromJson(
                                              json.value(u"config"_s).toObject());
                                      });
}

void ApiClient::confirmForwarding(const QString &configId, QObject *context, Callback<void> done)
{
    const QJsonObject body{{u"forwardingConfigId"_s, configId}};
    requestVoid("POST", u"/api/telephony/forwarding-config/confirm"_s, &body, context,
                std::move(done));
}

void ApiClient::disableForwarding(const QString &configId, QObject *context, Callback<QString> done)
{
    requestJson<QString>("DELETE", u"/api/telephony/forwarding-config/"_s + configId, {}, nullptr,
                         context, std::move(done), [](const QJsonObject &json) {
                             return json.value(u"deactivationCode"_s).toString();
                         });
}

void ApiClient::removeVerifiedNumber(const QString &verifiedId, QObject *context,
                                     Callback<void> done)
{
    requestVoid("DELETE", u"/api/telephony/verified-numbers/"_s + verifiedId, nullptr, context,
                std::move(done));
}

QUrl ApiClient::eventsUrl(qint64 since) const
{
    QUrl url = m_baseUrl;
    url.setScheme(m_baseUrl.scheme() == u"https" ? u"wss"_s : u"ws"_s);
    url.setPath(m_baseUrl.path() + u"/api/events"_s);
    if (since > 0) {
        QUrlQuery q;
        q.addQueryItem(u"since"_s, QString::number(since));
        url.setQuery(q);
    }
    return url;
}

} // namespace vox::ui
