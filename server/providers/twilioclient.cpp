#include "server/providers/twilioclient.h"

#include "server/providers/providerrequest.h"

#include <QRegularExpression>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::providers {

QString twilioErrorMessage(const HttpAnswer &answer)
{
    const QJsonObject body = answer.json().toObject();
    const QString message = body.value(u"message"_s).toString();
    const int code = body.value(u"code"_s).toInt();
    if (message.isEmpty())
        return QString::fromUtf8(answer.body.left(200)).trimmed();
    return code > 0 ? u"%1: %2"_s.arg(code).arg(message) : message;
}

int twilioErrorCode(const Error &error)
{
    static const QRegularExpression code(u"\\((\\d{5})\\)"_s);
    const auto match = code.match(error.message);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

namespace {

// Twilio quotes the numbers it refuses ("Invalid 'To' Phone Number: +1555..."): patients' data,
// kept out of logs and of what staff are shown.
QString withoutNumbers(QString text)
{
    static const QRegularExpression number(u"\\+?\\d[\\d ().-]{5,}\\d"_s);
    return text.replace(number, u"(number)"_s);
}

// A refusal carries Twilio's code and words: "Twilio answered 400 (21211): The 'To' number ...".
// It is the clinic's to fix (422) when Twilio refused the request as asked (a 4xx other than
// 429), Twilio's failure (502) otherwise. The log leaves the numbers Twilio quotes out.
const Provider &twilio()
{
    static const Provider provider{
        "twilio",
        u"Twilio"_s,
        twilioErrorMessage,
        [](const HttpAnswer &answer, const QString &words) -> std::optional<Error> {
            const QJsonObject body = answer.json().toObject();
            const int code = body.value(u"code"_s).toInt();
            const bool refused =
                answer.status >= 400 && answer.status < 500 && answer.status != 429;
            return fail(code > 0 ? u"Twilio answered %1 (%2): %3"_s.arg(answer.status)
                                       .arg(code)
                                       .arg(body.value(u"message"_s).toString())
                                 : u"Twilio answered %1: %2"_s.arg(answer.status).arg(words),
                        refused ? ErrorKind::Refused : ErrorKind::ProviderFailed,
                        QString::number(answer.status));
        },
        {},
        [](const HttpAnswer &answer, const QString &words) {
            return QJsonObject{
                {u"twilio_code"_s, answer.json().toObject().value(u"code"_s).toInt()},
                {u"twilio_message"_s, withoutNumbers(words)}};
        }};
    return provider;
}

} // namespace

QString twilioRefusalWords(const Error &error)
{
    static const QRegularExpression detail(u"^Twilio answered \\d+ \\((\\d+)\\): (.*)$"_s);
    const auto match = detail.match(error.message);
    QString words = withoutNumbers(match.hasMatch() ? match.captured(2) : error.message).trimmed();
    if (words.endsWith(u'.'))
        words.chop(1);
    return match.hasMatch() ? u"%1 (Twilio error %2)."_s.arg(words, match.captured(1))
                            : words + u'.';
}

TwilioClient::TwilioClient(QString baseUrl, TwilioCredentials credentials, RetryPolicy retry)
    : m_baseUrl(std::move(baseUrl))
    , m_credentials(std::move(credentials))
    , m_retry(std::move(retry))
{
    while (m_baseUrl.endsWith(u'/'))
        m_baseUrl.chop(1);
}

Result<QJsonObject> TwilioClient::call(const QByteArray &method, const QString &path,
                                       const QList<QPair<QString, QString>> &form,
                                       const QList<QPair<QString, QString>> &query,
                                       std::optional<bool> idempotent)
{
    if (m_credentials.accountSid.isEmpty() || m_credentials.authToken.isEmpty())
        return fail(u"Twilio is not configured."_s, ErrorKind::BadInput);
    HttpCall request;
    request.method = method;
    request.idempotent = idempotent;
    QUrl url(m_baseUrl + u"/2010-04-01/Accounts/"_s +
             QString::fromLatin1(QUrl::toPercentEncoding(m_credentials.accountSid)) + path);
    if (!query.isEmpty()) {
        QUrlQuery q;
        for (const auto &[name, value] : query)
            q.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        url.setQuery(q);
    }
    request.url = url;
    request.headers = {
        {"Authorization", basicAuth(m_credentials.accountSid, m_credentials.authToken)}};
    if (method == "POST") {
        request.contentType = "application/x-www-form-urlencoded";
        request.body = formEncode(form);
    }
    auto answer = ask(twilio(), request, m_retry, path);
    if (!answer)
        return answer.error();
    return jsonObject(twilio(), *answer);
}

Result<QJsonObject> TwilioClient::fetchAccount()
{
    return call("GET", u".json"_s);
}

Result<QJsonObject> TwilioClient::sendMessage(const QString &from, const QString &to,
                                              const QString &body, const QString &statusCallback)
{
    QList<QPair<QString, QString>> form{{u"To"_s, to}, {u"From"_s, from}, {u"Body"_s, body}};
    if (!statusCallback.isEmpty())
        form.append({u"StatusCallback"_s, statusCallback});
    return call("POST", u"/Messages.json"_s, form);
}

Result<QJsonObject> TwilioClient::setIncomingSmsUrl(const QString &numberSid, const QString &smsUrl)
{
    return call("POST",
                u"/IncomingPhoneNumbers/"_s +
                    QString::fromLatin1(QUrl::toPercentEncoding(numberSid)) + u".json"_s,
                {{u"SmsUrl"_s, smsUrl}, {u"SmsMethod"_s, u"POST"_s}}, {}, true);
}

Result<QJsonObject> TwilioClient::createValidationRequest(const QString &phoneNumber,
                                                          const QString &friendlyName,
                                                          const QString &statusCallback)
{
    QList<QPair<QString, QString>> form{{u"PhoneNumber"_s, phoneNumber}};
    if (!friendlyName.isEmpty())
        form.append({u"FriendlyName"_s, friendlyName.left(64)});
    if (!statusCallback.isEmpty()) {
        form.append({u"StatusCallback"_s, statusCallback});
        form.append({u"StatusCallbackMethod"_s, u"POST"_s});
    }
    return call("POST", u"/OutgoingCallerIds.json"_s, form);
}

Result<QJsonArray> TwilioClient::listOutgoingCallerIds(const QString &phoneNumber)
{
    auto page = call("GET", u"/OutgoingCallerIds.json"_s, {},
                     {{u"PhoneNumber"_s, phoneNumber}, {u"PageSize"_s, u"50"_s}});
    if (!page)
        return page.error();
    return page->value(u"outgoing_caller_ids"_s).toArray();
}

Result<void> TwilioClient::deleteOutgoingCallerId(const QString &callerIdSid)
{
    auto done = call("DELETE", u"/OutgoingCallerIds/"_s + callerIdSid + u".json"_s);
    if (!done)
        return done.error();
    return {};
}

Result<QJsonArray> TwilioClient::listIncomingPhoneNumbers(const QString &phoneNumber)
{
    auto page = call("GET", u"/IncomingPhoneNumbers.json"_s, {},
                     {{u"PhoneNumber"_s, phoneNumber}, {u"PageSize"_s, u"50"_s}});
    if (!page)
        return page.error();
    return page->value(u"incoming_phone_numbers"_s).toArray();
}

Result<QJsonArray> TwilioClient::listMessages(const QString &from, const QString &to, int pageSize)
{
    auto page =
        call("GET", u"/Messages.json"_s, {},
             {{u"To"_s, to}, {u"From"_s, from}, {u"PageSize"_s, QString::number(pageSize)}});
    if (!page)
        return page.error();
    return page->value(u"messages"_s).toArray();
}

} // namespace vox::server::providers
