#include "server/providers/providerrequest.h"

#include "core/logging/log.h"
#include "server/servermetrics.h"

#include <QElapsedTimer>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::providers {

namespace {

// What became of a call, as GET /metrics counts it.
QString outcomeOf(const Result<HttpAnswer> &answer)
{
    if (!answer)
        return answer.error().subject == unreachable ? u"unreachable"_s : u"no_answer"_s;
    if (answer->ok())
        return u"success"_s;
    if (answer->status == 429)
        return u"throttled"_s;
    return answer->status >= 500 ? u"server_error"_s : u"refused"_s;
}

void record(const Provider &provider, const Result<HttpAnswer> &answer, qint64 nanoseconds)
{
    const QString name = QString::fromLatin1(provider.logger);
    const QString outcome = outcomeOf(answer);
    servermetrics::providerRequests().labels({name, outcome}).inc();
    servermetrics::providerRequestDuration()
        .labels({name, outcome})
        .observe(double(nanoseconds) / 1e9);
}

} // namespace

Result<HttpAnswer> ask(const Provider &provider, const HttpCall &call, const RetryPolicy &policy,
                       const QString &path)
{
    const QString method = QString::fromLatin1(call.method);
    QElapsedTimer timer;
    timer.start();
    auto answer = send(call, policy);
    record(provider, answer, timer.nsecsElapsed());
    if (!answer) {
        log::warn(provider.logger, u"%1 did not answer."_s.arg(provider.name),
                  {{u"method"_s, method}, {u"path"_s, path}});
        return fail(u"%1 did not answer: %2"_s.arg(provider.name, answer.errorMessage()),
                    ErrorKind::ProviderFailed, answer.error().subject);
    }
    if (answer->ok())
        return answer;

    const QString words = provider.words ? provider.words(*answer) : QString();
    const std::optional<Error> refused =
        provider.refusal
            ? provider.refusal(*answer, words)
            : fail(u"%1 answered %2: %3"_s.arg(provider.name).arg(answer->status).arg(words),
                   ErrorKind::ProviderFailed, QString::number(answer->status));
    if (!refused)
        return answer;
    QJsonObject fields =
        provider.refusalFields
            ? provider.refusalFields(*answer, words)
            : QJsonObject{{QString::fromLatin1(provider.logger) + u"_message"_s, words}};
    fields.insert(u"method"_s, method);
    fields.insert(u"path"_s, path);
    fields.insert(u"status"_s, answer->status);
    fields.insert(u"attempts"_s, answer->attempts);
    log::warn(provider.logger,
              provider.refusedLine.isEmpty() ? u"%1 refused a request."_s.arg(provider.name)
                                             : provider.refusedLine,
              fields);
    return *refused;
}

Result<QJsonValue> jsonBody(const Provider &provider, const HttpAnswer &answer)
{
    if (answer.body.trimmed().isEmpty())
        return QJsonValue(QJsonObject{});
    const QJsonValue json = answer.json();
    if (json.isUndefined() || json.isNull())
        return fail(u"%1 answered with something that is not JSON."_s.arg(provider.name),
                    ErrorKind::ProviderFailed, QString::number(answer.status));
    return json;
}

Result<QJsonObject> jsonObject(const Provider &provider, const HttpAnswer &answer)
{
    if (answer.body.trimmed().isEmpty())
        return QJsonObject{};
    const QJsonValue json = answer.json();
    if (!json.isObject())
        return fail(u"%1 answered with something that is not a JSON object."_s.arg(provider.name),
                    ErrorKind::ProviderFailed, QString::number(answer.status));
    return json.toObject();
}

} // namespace vox::server::providers
