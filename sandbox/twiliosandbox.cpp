#include "sandbox/twiliosandbox.h"

#include "core/crypto/securerandom.h"
#include "core/phonenumber.h"
#include "sandbox/demoreplies.h"
#include "sandbox/outboundhttp.h"
#include "server/http/formbody.h"
#include "server/http/jsonbody.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QThread>
#include <QThreadPool>
#include <QUrl>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

namespace {

http::Response twilioError(int status, int code, const QString &message)
{
    return http::Response::json(
        {{u"code"_s, code},
         {u"message"_s, message},
         {u"more_info"_s, u"https://www.twilio.com/docs/errors/%1"_s.arg(code)},
         {u"status"_s, status}},
        status);
}

// Twilio's dates are RFC 2822: "Wed, 18 Aug 2010 20:01:40 +0000".
QString rfc2822Now()
{
    return QLocale::c().toString(QDateTime::currentDateTimeUtc(),
                                 u"ddd, dd MMM yyyy HH:mm:ss +0000"_s);
}

// "AC123.json" -> "AC123"; anything else is not a resource path.
QString stripJson(const QString &segment)
{
    return segment.endsWith(u".json"_s) ? segment.chopped(5) : QString();
}

QJsonObject page(const QString &uri, const QString &key, const QJsonArray &items, int pageSize)
{
    return {{key, items},
            {u"page"_s, 0},
            {u"page_size"_s, pageSize},
            {u"start"_s, 0},
            {u"end"_s, qMax(0, int(items.size()) - 1)},
            {u"uri"_s, uri},
            {u"first_page_uri"_s, uri},
            {u"next_page_uri"_s, QJsonValue()},
            {u"previous_page_uri"_s, QJsonValue()}};
}

// X-Twilio-Signature as Twilio documents it: base64(HMAC-SHA1(auth token, the URL followed by
// each POST parameter's name and value, sorted by name)). Written here from Twilio's description
// rather than shared with the server, so the server's check is tested against another reading of
// the contract, not against itself.
QByteArray twilioSignature(const QString &authToken, const QString &url,
                           QList<QPair<QString, QString>> parameters)
{
    std::stable_sort(parameters.begin(), parameters.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray message = url.toUtf8();
    for (const auto &[name, value] : std::as_const(parameters))
        message += name.toUtf8() + value.toUtf8();
    return QMessageAuthenticationCode::hash(message, authToken.toUtf8(), QCryptographicHash::Sha1)
        .toBase64();
}

} // namespace

TwilioSandbox::TwilioSandbox(SandboxState &state)
    : m_state(state)
{
    addAccount(demoAccountSid, demoAuthToken, {demoPhoneNumber});
    m_reports.setMaxThreadCount(2);
}

TwilioSandbox::~TwilioSandbox()
{
    *m_open = false;
    m_reports.clear();
    m_reports.waitForDone();
}

void TwilioSandbox::addAccount(const QString &sid, const QString &token, const QStringList &numbers,
                               const QString &status)
{
    Account account;
    account.sid = sid;
    account.token = token;
    account.status = status;
    for (const QString &number : numbers) {
        account.incomingNumbers.append(QJsonObject{
            {u"sid"_s, SandboxState::twilioSid(u"PN"_s)},
            {u"account_sid"_s, sid},
            {u"phone_number"_s, number},
            {u"friendly_name"_s, number},
            {u"capabilities"_s,
             QJsonObject{
                 {u"voice"_s, true}, {u"sms"_s, true}, {u"mms"_s, true}, {u"fax"_s, false}}},
            {u"status"_s, u"in-use"_s},
            {u"date_created"_s, rfc2822Now()},
            {u"api_version"_s, u"2010-04-01"_s}});
    }
    QMutexLocker locker(&m_state.mutex());
    m_accounts.insert(sid, account);
}

std::optional<http::Response> TwilioSandbox::authenticate(const http::Request &request,
                                                          const QString &pathSid) const
{
    const QByteArray header = request.header("authorization");
    const auto unauthenticated = twilioError(401, 20003, u"Authenticate"_s);
    if (!header.startsWith("Basic "))
        return unauthenticated;
    const QByteArray decoded = QByteArray::fromBase64(header.mid(6));
    const qsizetype colon = decoded.indexOf(':');
    if (colon <= 0)
        return unauthenticated;
    const QString user = QString::fromUtf8(decoded.left(colon));
    const QString password = QString::fromUtf8(decoded.mid(colon + 1));
    QMutexLocker locker(&m_state.mutex());
    const auto account = m_accounts.constFind(user);
    if (account == m_accounts.cend() || account->token != password || user != pathSid)
        return unauthenticated;
    return std::nullopt;
}

void TwilioSandbox::listByPhoneNumber(Router &router, const QString &resource, const QString &key,
                                      QJsonArray Account::*list)
{
    m_state.route(router, "GET", u"/twilio/2010-04-01/Accounts/:sid/%1.json"_s.arg(resource),
                  u"twilio"_s, [this, resource, key, list](Context &c) {
                      const QString sid = c.request.param(u"sid"_s);
                      if (auto denied = authenticate(c.request, sid))
                          return *denied;
                      const QString filter = c.request.queryValue(u"PhoneNumber"_s);
                      QMutexLocker locker(&m_state.mutex());
                      QJsonArray items;
                      for (const QJsonValue &item : std::as_const(m_accounts[sid].*list)) {
                          if (filter.isEmpty() ||
                              item.toObject().value(u"phone_number"_s).toString() == filter)
                              items.append(item);
                      }
                      return http::Response::json(page(
                          u"/2010-04-01/Accounts/%1/%2.json"_s.arg(sid, resource), key, items, 50));
                  });
}

void TwilioSandbox::registerRoutes(Router &router)
{
    const QString base = u"/twilio/2010-04-01/Accounts/"_s;

    m_state.route(router, "GET", base + u":file"_s, u"twilio"_s, [this](Context &c) {
        const QString sid = stripJson(c.request.param(u"file"_s));
        if (auto denied = authenticate(c.request, sid))
            return *denied;
        QMutexLocker locker(&m_state.mutex());
        const Account &a = m_accounts[sid];
        return http::Response::json({{u"sid"_s, a.sid},
                                     {u"owner_account_sid"_s, a.sid},
                                     {u"friendly_name"_s, u"Sandbox clinic account"_s},
                                     {u"status"_s, a.status},
                                     {u"type"_s, u"Full"_s},
                                     {u"date_created"_s, rfc2822Now()},
                                     {u"date_updated"_s, rfc2822Now()},
                                     {u"uri"_s, u"/2010-04-01/Accounts/%1.json"_s.arg(a.sid)}});
    });

    m_state.route(router, "POST", base + u":sid/Messages.json"_s, u"twilio"_s, [this](Context &c) {
        const QString sid = c.request.param(u"sid"_s);
        if (auto denied = authenticate(c.request, sid))
            return *denied;
        const auto f = http::formFields(c.request.body);
        const QString to = f.value(u"To"_s);
        const QString from = f.value(u"From"_s);
        const QString body = f.value(u"Body"_s);
        if (to.isEmpty())
            return twilioError(400, 21604, u"A 'To' phone number is required."_s);
        if (!phone::isE164(to))
            return twilioError(400, 21211, u"Invalid 'To' Phone Number: %1"_s.arg(to));
        if (from.isEmpty() && f.value(u"MessagingServiceSid"_s).isEmpty())
            return twilioError(400, 21603, u"A 'From' phone number is required."_s);
        if (body.isEmpty() && f.value(u"MediaUrl"_s).isEmpty())
            return twilioError(400, 21602, u"Message body is required."_s);
        if (body.size() > 1600)
            return twilioError(400, 21617,
                               u"The concatenated message body exceeds the 1600 "
                               "character limit."_s);
        QMutexLocker locker(&m_state.mutex());
        Account &a = m_accounts[sid];
        bool owned = false;
        for (const QJsonValue &n : std::as_const(a.incomingNumbers))
            owned = owned || n.toObject().value(u"phone_number"_s).toString() == from;
        if (!owned)
            return twilioError(400, 21606,
                               u"The From phone number %1 is not a valid, SMS-capable inbound "
                               "phone number or short code for your account."_s.arg(from));
        const QString messageSid = SandboxState::twilioSid(u"SM"_s);
        const QJsonObject message{
            {u"sid"_s, messageSid},
            {u"account_sid"_s, sid},
            {u"from"_s, from},
            {u"to"_s, to},
            {u"body"_s, body},
            {u"status"_s, u"queued"_s},
            {u"direction"_s, u"outbound-api"_s},
            {u"num_segments"_s, QString::number((body.size() + 152) / 153)},
            {u"num_media"_s, u"0"_s},
            {u"api_version"_s, u"2010-04-01"_s},
            {u"error_code"_s, QJsonValue()},
            {u"error_message"_s, QJsonValue()},
            {u"price"_s, QJsonValue()},
            {u"price_unit"_s, u"USD"_s},
            {u"date_created"_s, rfc2822Now()},
            {u"date_updated"_s, rfc2822Now()},
            {u"date_sent"_s, QJsonValue()},
            {u"uri"_s, u"/2010-04-01/Accounts/%1/Messages/%2.json"_s.arg(sid, messageSid)}};
        a.messages.append(message);
        if (const QString callback = f.value(u"StatusCallback"_s); !callback.isEmpty())
            reportStatus(message, callback);
        if (sid == demoAccountSid)
            answerAsDemoPatient(to, from, body);
        return http::Response::json(message, 201);
    });

    // Newest first, filtered by To and From, as Twilio lists them.
    m_state.route(router, "GET", base + u":sid/Messages.json"_s, u"twilio"_s, [this](Context &c) {
        const QString sid = c.request.param(u"sid"_s);
        if (auto denied = authenticate(c.request, sid))
            return *denied;
        const QString to = c.request.queryValue(u"To"_s);
        const QString from = c.request.queryValue(u"From"_s);
        const int asked = c.request.queryValue(u"PageSize"_s).toInt();
        const int pageSize = asked > 0 ? qMin(asked, 1000) : 50;
        QMutexLocker locker(&m_state.mutex());
        QJsonArray items;
        const QJsonArray &all = m_accounts[sid].messages;
        for (qsizetype i = all.size() - 1; i >= 0 && items.size() < pageSize; --i) {
            const QJsonObject m = all.at(i).toObject();
            if ((to.isEmpty() || m.value(u"to"_s).toString() == to) &&
                (from.isEmpty() || m.value(u"from"_s).toString() == from))
                items.append(m);
        }
        return http::Response::json(page(u"/2010-04-01/Accounts/%1/Messages.json"_s.arg(sid),
                                         u"messages"_s, items, pageSize));
    });

    m_state.route(
        router, "POST", base + u":sid/OutgoingCallerIds.json"_s, u"twilio"_s, [this](Context &c) {
            const QString sid = c.request.param(u"sid"_s);
            if (auto denied = authenticate(c.request, sid))
                return *denied;
            const auto f = http::formFields(c.request.body);
            const QString number = f.value(u"PhoneNumber"_s);
            if (number.isEmpty())
                return twilioError(400, 21604, u"A 'PhoneNumber' is required."_s);
            if (!phone::isE164(number))
                return twilioError(400, 21211, u"The phone number %1 is not valid."_s.arg(number));
            QMutexLocker locker(&m_state.mutex());
            const Account &a = m_accounts[sid];
            for (const QJsonValue &id : a.callerIds) {
                if (id.toObject().value(u"phone_number"_s).toString() == number)
                    return twilioError(400, 21450, u"Phone number is already verified."_s);
            }
            Validation v;
            v.accountSid = sid;
            v.phoneNumber = number;
            v.friendlyName = f.value(u"FriendlyName"_s, number);
            v.code = crypto::randomDigits(6);
            v.callSid = SandboxState::twilioSid(u"CA"_s);
            v.statusCallback = f.value(u"StatusCallback"_s);
            m_validations.insert(number, v);
            return http::Response::json({{u"account_sid"_s, sid},
                                         {u"call_sid"_s, v.callSid},
                                         {u"friendly_name"_s, v.friendlyName},
                                         {u"phone_number"_s, number},
                                         {u"validation_code"_s, v.code}});
        });

    listByPhoneNumber(router, u"OutgoingCallerIds"_s, u"outgoing_caller_ids"_s,
                      &Account::callerIds);

    m_state.route(router, "DELETE", base + u":sid/OutgoingCallerIds/:file"_s, u"twilio"_s,
                  [this](Context &c) {
                      const QString sid = c.request.param(u"sid"_s);
                      if (auto denied = authenticate(c.request, sid))
                          return *denied;
                      const QString callerId = stripJson(c.request.param(u"file"_s));
                      QMutexLocker locker(&m_state.mutex());
                      QJsonArray &ids = m_accounts[sid].callerIds;
                      for (qsizetype i = 0; i < ids.size(); ++i) {
                          if (ids.at(i).toObject().value(u"sid"_s).toString() == callerId) {
                              ids.removeAt(i);
                              http::Response gone;
                              gone.status = 204;
                              return gone;
                          }
                      }
                      return twilioError(
                          404, 20404,
                          u"The requested resource /2010-04-01/Accounts/%1/OutgoingCallerIds/"
                          "%2.json was not found"_s.arg(sid, callerId));
                  });

    listByPhoneNumber(router, u"IncomingPhoneNumbers"_s, u"incoming_phone_numbers"_s,
                      &Account::incomingNumbers);

    // Updating a number: the webhooks Twilio calls for it (the server sets SmsUrl).
    m_state.route(router, "POST", base + u":sid/IncomingPhoneNumbers/:file"_s, u"twilio"_s,
                  [this](Context &c) {
                      const QString sid = c.request.param(u"sid"_s);
                      if (auto denied = authenticate(c.request, sid))
                          return *denied;
                      const QString numberSid = stripJson(c.request.param(u"file"_s));
                      const auto f = http::formFields(c.request.body);
                      const QString smsUrl = f.value(u"SmsUrl"_s);
                      if (!smsUrl.isEmpty() && !QUrl(smsUrl, QUrl::StrictMode).isValid())
                          return twilioError(400, 21502, u"SmsUrl is not valid: %1"_s.arg(smsUrl));
                      const QString method = f.value(u"SmsMethod"_s);
                      if (!method.isEmpty() && method != u"GET"_s && method != u"POST"_s)
                          return twilioError(400, 21503, u"SmsMethod must be GET or POST."_s);
                      QMutexLocker locker(&m_state.mutex());
                      QJsonArray &numbers = m_accounts[sid].incomingNumbers;
                      for (qsizetype i = 0; i < numbers.size(); ++i) {
                          QJsonObject n = numbers.at(i).toObject();
                          if (n.value(u"sid"_s).toString() != numberSid)
                              continue;
                          if (f.contains(u"SmsUrl"_s))
                              n.insert(u"sms_url"_s, smsUrl);
                          if (!method.isEmpty())
                              n.insert(u"sms_method"_s, method);
                          n.insert(u"date_updated"_s, rfc2822Now());
                          numbers.replace(i, n);
                          return http::Response::json(n);
                      }
                      return twilioError(
                          404, 20404,
                          u"The requested resource /2010-04-01/Accounts/%1/"
                          "IncomingPhoneNumbers/%2.json was not found"_s.arg(sid, numberSid));
                  });

    // Control: the person typing the code when Twilio calls; accounts for tests.
    router.post(u"/_sandbox/twilio/keypad"_s, http::Auth::Public,
                [this](Context &c) -> http::Reply {
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    const QString number = body->object().value(u"phone_number"_s).toString();
                    const QString code = body->object().value(u"code"_s).toString();
                    const KeypadResult typed = keypad(number, code);
                    return http::Response::json({{u"verified"_s, typed.verified},
                                                 {u"caller_id_sid"_s, typed.callerIdSid},
                                                 {u"callback_status"_s, typed.callbackStatus}},
                                                typed.verified ? 200 : 400);
                });
    router.post(u"/_sandbox/twilio/inbound-sms"_s, http::Auth::Public,
                [this](Context &c) -> http::Reply {
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    QStringList values{body->object().value(u"url"_s).toString()};
                    for (const QString &name : {u"from"_s, u"to"_s, u"body"_s}) {
                        auto value = body->requiredString(name, 1600);
                        if (!value)
                            return value.error();
                        values << *value;
                    }
                    const InboundResult r =
                        inboundSms(values.at(0), values.at(1), values.at(2), values.at(3),
                                   body->object().value(u"message_sid"_s).toString(),
                                   body->object().value(u"deliver_to"_s).toString());
                    if (r.status == 0 && r.messageSid.isEmpty())
                        return http::Response::error(
                            404, u"No sandbox account has the number %1."_s.arg(values.at(2)));
                    return http::Response::json({{u"status"_s, r.status},
                                                 {u"message_sid"_s, r.messageSid},
                                                 {u"reply"_s, r.reply},
                                                 {u"response"_s, QString::fromUtf8(r.response)}});
                });
    router.post(u"/_sandbox/twilio/undeliverable"_s, http::Auth::Public,
                [this](Context &c) -> http::Reply {
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    auto number = body->requiredString(u"phone_number"_s, 20);
                    if (!number)
                        return number.error();
                    failDelivery(*number, body->object().value(u"error_code"_s).toInt(30003));
                    return http::Response::json(QJsonObject{{u"phone_number"_s, *number}});
                });
    router.post(u"/_sandbox/twilio/callback-route"_s, http::Auth::Public,
                [this](Context &c) -> http::Reply {
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    auto from = body->requiredString(u"public_base"_s, 500);
                    if (!from)
                        return from.error();
                    auto to = body->requiredString(u"deliver_to"_s, 500);
                    if (!to)
                        return to.error();
                    routeCallbacks(*from, *to);
                    return http::Response::json(QJsonObject{{u"routed"_s, true}});
                });
    router.post(u"/_sandbox/twilio/accounts"_s, http::Auth::Public,
                [this](Context &c) -> http::Reply {
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    const QJsonObject o = body->object();
                    QStringList numbers;
                    for (const QJsonValue &n : o.value(u"phone_numbers"_s).toArray())
                        numbers << n.toString();
                    const QString sid = o.value(u"account_sid"_s).toString();
                    const QString token = o.value(u"auth_token"_s).toString();
                    if (!sid.startsWith(u"AC"_s) || token.isEmpty())
                        return http::Response::error(
                            400, u"account_sid (AC...) and auth_token are needed."_s);
                    addAccount(sid, token, numbers, o.value(u"status"_s).toString(u"active"_s));
                    return http::Response::json(QJsonObject{{u"created"_s, true}}, 201);
                });
}

TwilioSandbox::KeypadResult TwilioSandbox::keypad(const QString &phoneNumber, const QString &code)
{
    KeypadResult result;
    Validation v;
    QString token;
    {
        QMutexLocker locker(&m_state.mutex());
        const auto it = m_validations.constFind(phoneNumber);
        if (it == m_validations.cend())
            return result;
        v = *it;
        m_validations.erase(it); // the call ends either way
        Account &account = m_accounts[v.accountSid];
        token = account.token;
        if (v.code == code) {
            result.verified = true;
            result.callerIdSid = SandboxState::twilioSid(u"PN"_s);
            account.callerIds.append(
                QJsonObject{{u"sid"_s, result.callerIdSid},
                            {u"account_sid"_s, v.accountSid},
                            {u"phone_number"_s, v.phoneNumber},
                            {u"friendly_name"_s, v.friendlyName},
                            {u"date_created"_s, rfc2822Now()},
                            {u"date_updated"_s, rfc2822Now()},
                            {u"uri"_s, u"/2010-04-01/Accounts/%1/OutgoingCallerIds/%2.json"_s.arg(
                                           v.accountSid, result.callerIdSid)}});
        }
    }
    if (v.statusCallback.isEmpty())
        return result;
    // Twilio's StatusCallback after the verification call, signed as Twilio signs it.
    QList<QPair<QString, QString>> params{
        {u"AccountSid"_s, v.accountSid},
        {u"CallSid"_s, v.callSid},
        {u"To"_s, v.phoneNumber},
        {u"CallStatus"_s, u"completed"_s},
        {u"VerificationStatus"_s, result.verified ? u"success"_s : u"failed"_s}};
    if (result.verified)
        params.append({u"OutgoingCallerIdSid"_s, result.callerIdSid});
    http::OutboundCall call;
    call.method = "POST";
    call.url = QUrl(v.statusCallback);
    call.contentType = "application/x-www-form-urlencoded";
    call.body = http::formEncode(params);
    call.timeoutMs = 3000;
    call.headers = {{"X-Twilio-Signature", twilioSignature(token, v.statusCallback, params)}};
    auto answer = sendOnce(call);
    if (answer)
        result.callbackStatus = answer->status;
    return result;
}

TwilioSandbox::InboundResult TwilioSandbox::inboundSms(const QString &url, const QString &from,
                                                       const QString &to, const QString &body,
                                                       const QString &messageSid,
                                                       const QString &deliverTo)
{
    InboundResult result;
    QString accountSid;
    QString token;
    QString smsUrl;
    {
        QMutexLocker locker(&m_state.mutex());
        for (const Account &a : std::as_const(m_accounts)) {
            for (const QJsonValue &n : a.incomingNumbers) {
                if (n.toObject().value(u"phone_number"_s).toString() == to) {
                    accountSid = a.sid;
                    token = a.token;
                    smsUrl = n.toObject().value(u"sms_url"_s).toString();
                }
            }
        }
    }
    if (accountSid.isEmpty())
        return result;
    // Twilio posts to the number's SmsUrl; a test may name the URL itself.
    const QString webhook = url.isEmpty() ? smsUrl : url;
    if (webhook.isEmpty())
        return result;
    if (deliverTo.isEmpty())
        return inboundSms(webhook, from, to, body, messageSid, routed(webhook));
    result.messageSid = messageSid.isEmpty() ? SandboxState::twilioSid(u"SM"_s) : messageSid;
    // The parameters of Twilio's incoming-message request, as its webhook documentation lists.
    const QList<QPair<QString, QString>> params{{u"MessageSid"_s, result.messageSid},
                                                {u"SmsSid"_s, result.messageSid},
                                                {u"SmsMessageSid"_s, result.messageSid},
                                                {u"AccountSid"_s, accountSid},
                                                {u"MessagingServiceSid"_s, QString()},
                                                {u"From"_s, from},
                                                {u"To"_s, to},
                                                {u"Body"_s, body},
                                                {u"NumMedia"_s, u"0"_s},
                                                {u"NumSegments"_s, u"1"_s},
                                                {u"SmsStatus"_s, u"received"_s},
                                                {u"ApiVersion"_s, u"2010-04-01"_s}};
    http::OutboundCall call;
    call.method = "POST";
    call.url = QUrl(deliverTo);
    call.contentType = "application/x-www-form-urlencoded";
    call.body = http::formEncode(params);
    call.timeoutMs = 15000;
    call.headers = {{"X-Twilio-Signature", twilioSignature(token, webhook, params)}};
    auto answer = sendOnce(call);
    if (!answer)
        return result;
    result.status = answer->status;
    result.response = answer->body;
    // Twilio sends a TwiML <Message> from the number that was texted.
    static const QRegularExpression message(u"<Message>([^<]*)</Message>"_s);
    const auto found = message.match(QString::fromUtf8(answer->body));
    if (found.hasMatch()) {
        result.reply = found.captured(1)
                           .replace(u"&lt;"_s, u"<"_s)
                           .replace(u"&gt;"_s, u">"_s)
                           .replace(u"&quot;"_s, u"\""_s)
                           .replace(u"&#39;"_s, u"'"_s)
                           .replace(u"&amp;"_s, u"&"_s);
        QMutexLocker locker(&m_state.mutex());
        const QString sid = SandboxState::twilioSid(u"SM"_s);
        m_accounts[accountSid].messages.append(QJsonObject{
            {u"sid"_s, sid},
            {u"account_sid"_s, accountSid},
            {u"from"_s, to},
            {u"to"_s, from},
            {u"body"_s, result.reply},
            {u"status"_s, u"sent"_s},
            {u"direction"_s, u"outbound-reply"_s},
            {u"date_created"_s, rfc2822Now()},
            {u"date_updated"_s, rfc2822Now()},
            {u"uri"_s, u"/2010-04-01/Accounts/%1/Messages/%2.json"_s.arg(accountSid, sid)}});
    }
    return result;
}

void TwilioSandbox::routeCallbacks(const QString &publicBase, const QString &deliverTo)
{
    QMutexLocker locker(&m_state.mutex());
    m_callbackRoutes.insert(publicBase, deliverTo);
}

void TwilioSandbox::failDelivery(const QString &phoneNumber, int errorCode)
{
    QMutexLocker locker(&m_state.mutex());
    if (errorCode > 0)
        m_undeliverable.insert(phoneNumber, errorCode);
    else
        m_undeliverable.remove(phoneNumber);
}

QString TwilioSandbox::routed(const QString &url) const
{
    QMutexLocker locker(&m_state.mutex());
    for (auto it = m_callbackRoutes.cbegin(); it != m_callbackRoutes.cend(); ++it) {
        if (url.startsWith(it.key()))
            return it.value() + url.mid(it.key().size());
    }
    return url;
}

// Called with the state's mutex held (from the Messages POST).
void TwilioSandbox::reportStatus(const QJsonObject &message, const QString &statusCallback)
{
    const QString accountSid = message.value(u"account_sid"_s).toString();
    const QString token = m_accounts.value(accountSid).token;
    const QString to = message.value(u"to"_s).toString();
    const int errorCode = m_undeliverable.value(to);
    QString target = statusCallback;
    for (auto it = m_callbackRoutes.cbegin(); it != m_callbackRoutes.cend(); ++it) {
        if (statusCallback.startsWith(it.key()))
            target = it.value() + statusCallback.mid(it.key().size());
    }
    // The parameters of Twilio's message status request, as its documentation lists them.
    QList<QPair<QString, QString>> common{{u"MessageSid"_s, message.value(u"sid"_s).toString()},
                                          {u"SmsSid"_s, message.value(u"sid"_s).toString()},
                                          {u"AccountSid"_s, accountSid},
                                          {u"From"_s, message.value(u"from"_s).toString()},
                                          {u"To"_s, to},
                                          {u"ApiVersion"_s, u"2010-04-01"_s}};
    QList<QList<QPair<QString, QString>>> reports;
    for (const QString &status : {u"sent"_s, errorCode > 0 ? u"undelivered"_s : u"delivered"_s}) {
        auto params = common;
        params.append({u"MessageStatus"_s, status});
        params.append({u"SmsStatus"_s, status});
        if (status == u"undelivered"_s)
            params.append({u"ErrorCode"_s, QString::number(errorCode)});
        reports.append(params);
    }
    // After the send is answered, as Twilio's carrier reports come later.
    m_reports.start([open = m_open, token, statusCallback, target, reports] {
        for (const auto &params : reports) {
            QThread::msleep(100);
            if (!open->load())
                return;
            http::OutboundCall call;
            call.method = "POST";
            call.url = QUrl(target);
            call.contentType = "application/x-www-form-urlencoded";
            call.body = http::formEncode(params);
            call.timeoutMs = 2000;
            call.headers = {{"X-Twilio-Signature", twilioSignature(token, statusCallback, params)}};
            (void)sendOnce(call); // Twilio does not wait on a callback's answer either
        }
    });
}

void TwilioSandbox::answerAsDemoPatient(const QString &patient, const QString &clinicNumber,
                                        const QString &body)
{
    const QString reply = demoreplies::replyTo(patient, body);
    if (reply.isEmpty())
        return;
    m_reports.start([this, open = m_open, patient, clinicNumber, reply] {
        // In short naps, so closing the sandbox never waits out the whole pause.
        for (int waited = 0; waited < demoreplies::delayMs; waited += 100) {
            QThread::msleep(100);
            if (!open->load())
                return;
        }
        (void)inboundSms({}, patient, clinicNumber, reply); // to the number's SmsUrl
    });
}

QJsonArray TwilioSandbox::messages(const QString &accountSid) const
{
    QMutexLocker locker(&m_state.mutex());
    return m_accounts.value(accountSid).messages;
}

QJsonArray TwilioSandbox::callerIds(const QString &accountSid) const
{
    QMutexLocker locker(&m_state.mutex());
    return m_accounts.value(accountSid).callerIds;
}

} // namespace vox::sandbox
