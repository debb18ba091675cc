#include "server/services/sandboxkeypad.h"

#include "core/logging/log.h"
#include "server/providers/providerhttp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

Result<telephony::Answer> SandboxKeypad::typeCode(const db::Access &access,
                                                  const QString &verificationId,
                                                  const QString &code)
{
    if (!m_app.config.runsAgainstSandboxOnly())
        return telephony::refusal(404, u"Only a server that runs against the provider sandbox "
                                       "can answer the verification call for you."_s);
    static const QRegularExpression sixDigits(u"^\\d{6}$"_s);
    if (!sixDigits.match(code).hasMatch())
        return telephony::refusal(400, u"Enter the 6-digit verification code."_s);
    auto phone = m_app.db.transaction<QString>(access, [&](db::Transaction &tx) -> Result<QString> {
        auto row = tx.exec("SELECT phone_number FROM verified_caller_ids WHERE id = $1::uuid "
                           "AND org_id = $2::uuid AND status = 'pending'",
                           {verificationId, access.orgId});
        if (!row)
            return row.error();
        return row->isEmpty() ? QString() : row->text(0, 0);
    });
    if (!phone)
        return phone.error();
    if (phone->isEmpty())
        return telephony::refusal(404, u"There is no verification call waiting for that number. "
                                       "Ask for a new call."_s);

    providers::HttpCall call;
    call.method = "POST";
    call.url = QUrl(m_app.config.sandboxUrl + u"/_sandbox/twilio/keypad"_s);
    call.contentType = "application/json";
    call.body = QJsonDocument(QJsonObject{{u"phone_number"_s, *phone}, {u"code"_s, code}})
                    .toJson(QJsonDocument::Compact);
    call.idempotent = false; // a code is typed once; the sandbox ends the call after it
    auto typed = providers::send(call, m_app.retry);
    if (!typed)
        return telephony::refusal(502, u"The sandbox could not be reached. Please try again."_s);
    const bool verified = typed->json().toObject().value(u"verified"_s).toBool();
    log::info("telephony", u"The sandbox's verification call was answered for the clinic."_s,
              {{u"org_id"_s, access.orgId},
               {u"verification_id"_s, verificationId},
               {u"verified"_s, verified}});
    if (!verified)
        return telephony::refusal(409, u"The sandbox's call did not take the code: it may have "
                                       "ended. Ask for a new call."_s);
    return telephony::answer(200, {{u"success"_s, true}, {u"verified"_s, true}});
}

} // namespace vox::server
