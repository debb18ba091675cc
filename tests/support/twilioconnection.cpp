#include "twilioconnection.h"

#include <QDeadlineTimer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace vox::test {

QJsonObject settledTwilio(HttpClient &admin, int deadlineMs)
{
    const QDeadlineTimer deadline(deadlineMs);
    QJsonObject twilio;
    while (true) {
        twilio = admin.get(u"/api/integrations"_s).json().value(u"twilio"_s).toObject();
        if (twilio.value(u"status"_s).toString() != u"syncing" || deadline.hasExpired())
            return twilio;
        QTest::qWait(20);
    }
}

QString connectTwilioAndWait(HttpClient &admin, const TwilioLogin &login, int deadlineMs)
{
    const HttpReply reply =
        admin.put(u"/api/integrations/twilio"_s, {{u"account_sid"_s, login.sid},
                                                  {u"auth_token"_s, login.token},
                                                  {u"phone_number"_s, login.number}});
    if (reply.status != 202)
        return u"connecting Twilio answered %1: %2"_s.arg(reply.status)
            .arg(QString::fromUtf8(reply.body));
    const QJsonObject twilio = settledTwilio(admin, deadlineMs);
    const QString status = twilio.value(u"status"_s).toString();
    if (status == u"active")
        return {};
    if (status == u"syncing")
        return u"Twilio was still syncing after %1 ms"_s.arg(deadlineMs);
    return u"Twilio ended %1: %2"_s.arg(status, twilio.value(u"error"_s).toString());
}

} // namespace vox::test
