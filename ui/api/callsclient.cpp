#include "ui/api/callsclient.h"

#include "ui/api/apiclient.h"

#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// "attachment; filename=\"transcript-+15551234567-2026-01-25.txt\"" -> the file name.
QString attachmentName(const QByteArray &disposition)
{
    static const QRegularExpression pattern(uR"re(filename\*?=(?:UTF-8'')?"?([^";]+)"?)re"_s);
    const auto match = pattern.match(QString::fromUtf8(disposition));
    return match.hasMatch() ? QUrl::fromPercentEncoding(match.captured(1).toUtf8()) : QString();
}

} // namespace

void CallsClient::list(const CallQuery &query, const QString &cursor, int limit, QObject *context,
                       Callback<ListPage<CallRecord>> done)
{
    QUrlQuery q = query.toUrlQuery();
    q.addQueryItem(u"limit"_s, QString::number(qBound(1, limit, 200)));
    if (!cursor.isEmpty())
        q.addQueryItem(u"cursor"_s, cursor);
    m_api.requestJson<ListPage<CallRecord>>("GET", u"/api/calls-dashboard"_s, q, nullptr, context,
                                            std::move(done), &ListPage<CallRecord>::fromJson);
}

void CallsClient::get(const QString &id, QObject *context, Callback<CallRecord> done)
{
    m_api.requestJson<CallRecord>("GET", u"/api/calls-dashboard/"_s + id, {}, nullptr, context,
                                  std::move(done), [](const QJsonObject &json) {
                                      CallRecord call = CallRecord::fromJson(json);
                                      call.detailLoaded = true;
                                      return call;
                                  });
}

void CallsClient::sendFollowUp(const QString &callId, const QString &message, QObject *context,
                               Callback<MessageSent> done)
{
    const QJsonObject body{{u"message"_s, message}};
    m_api.requestJson<MessageSent>("POST", u"/api/calls-dashboard/%1/followup"_s.arg(callId), {},
                                   &body, context, std::move(done), [](const QJsonObject &json) {
                                       return MessageSent::fromJson(
                                           json, json.value(u"phone"_s).toString());
                                   });
}

void CallsClient::shareRecording(const QString &callId, const QString &email, QObject *context,
                                 Callback<QString> done)
{
    const QJsonObject body{{u"email"_s, email.trimmed()}};
    m_api.requestJson<QString>(
        "POST", u"/api/calls-dashboard/%1/share"_s.arg(callId), {}, &body, context, std::move(done),
        [](const QJsonObject &json) { return json.value(u"email"_s).toString(); });
}

void CallsClient::exportTranscript(const QString &callId, QObject *context,
                                   Callback<TranscriptFile> done)
{
    ApiClient::Request request;
    request.method = "POST";
    request.path = u"/api/calls-dashboard/%1/transcript/export"_s.arg(callId);
    request.body = R"({"format":"txt"})"_ba;
    request.context = context;
    const QString host = m_api.serverLabel();
    request.handler = [done = std::move(done), host, callId](const ApiClient::Answer &answer) {
        if (answer.status == 200) {
            TranscriptFile file;
            file.fileName = attachmentName(answer.headers.value("content-disposition"));
            if (file.fileName.isEmpty())
                file.fileName = u"transcript-%1.txt"_s.arg(callId.left(8));
            file.text = answer.body;
            done(file);
            return;
        }
        done(answer.error(host));
    };
    m_api.send(std::move(request));
}

void CallsClient::recordingStart(const QUrl &url, QObject *context,
                                 std::function<void(const RecordingFetch &)> done)
{
    ApiClient::Request request;
    request.method = "GET";
    request.absoluteUrl = url.isRelative() ? m_api.baseUrl().resolved(url) : url;
    // The session goes only to our own server, never to a provider's storage.
    request.authenticated = request.absoluteUrl.host() == m_api.baseUrl().host() &&
                            request.absoluteUrl.port() == m_api.baseUrl().port();
    request.context = context;
    request.headers.append(std::pair<QByteArray, QByteArray>("Range", "bytes=0-4095"));
    request.handler = [done = std::move(done)](const ApiClient::Answer &answer) {
        done(RecordingFetch{answer.status, answer.network, answer.headers.value("content-type"),
                            answer.body});
    };
    m_api.send(std::move(request));
}

} // namespace vox::ui
