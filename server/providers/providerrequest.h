#pragma once

#include "core/result.h"
#include "server/providers/providerhttp.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <functional>
#include <optional>

namespace vox::server::providers {

// One provider as its calls speak of it, in the errors they return and in the log. Every client
// (Vapi, Twilio, Google, Resend) asks through ask() with one of these, so a call that got no
// answer, or a refusal, reads and logs the same way whichever provider it was.
struct Provider
{
    // The log's category, and the prefix of the refusal's field: "vapi" logs "vapi_message".
    const char *logger = "providers";
    // How sentences name it: "Vapi did not answer: …", "Vapi refused a request."
    QString name;
    // Its error body as one sentence, in the provider's own words (never a credential).
    std::function<QString(const HttpAnswer &answer)> words;
    // What a refusal (an answer other than 2xx) is as an Error, given the provider's words. By
    // default "<name> answered <status>: <words>" with code "502" and subject the status.
    // std::nullopt: the answer means the call is done after all (a revocation of a token the
    // provider no longer knows), and ask() returns it as an answer.
    std::function<std::optional<Error>(const HttpAnswer &answer, const QString &words)> refusal;
    // The refusal's log line, by default "<name> refused a request.".
    QString refusedLine;
    // The refusal's log fields besides method, path, status and attempts; by default
    // {"<logger>_message": words}. Patients' data (phone numbers) is left out here.
    std::function<QJsonObject(const HttpAnswer &answer, const QString &words)> refusalFields;
};

// Sends `call` (through send(), so its retry and send-once rules hold) and reads the answer:
// - no answer: logged "<name> did not answer.", and an Error "<name> did not answer: <why>" with
//   code "502" and subject providers::unreachable or providers::noAnswer;
// - a refusal: logged with the provider's words, and the provider's Error for it;
// - a 2xx answer (or a refusal the provider counts as done) is returned.
// `path` names the call in the log: the provider's documented path, without the query (queries
// carry phone numbers) or the account it is under.
Result<HttpAnswer> ask(const Provider &provider, const HttpCall &call, const RetryPolicy &policy,
                       const QString &path);

// A successful answer's JSON: an empty body is an empty object; a body that is not JSON is an
// Error "<name> answered with something that is not JSON." (code "502", subject the status).
Result<QJsonValue> jsonBody(const Provider &provider, const HttpAnswer &answer);
// The same, where the provider always answers an object: anything else is an Error "<name>
// answered with something that is not a JSON object.".
Result<QJsonObject> jsonObject(const Provider &provider, const HttpAnswer &answer);

} // namespace vox::server::providers
