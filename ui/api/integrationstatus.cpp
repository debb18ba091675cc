#include "ui/api/integrationstatus.h"

#include "ui/api/jsonfields.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

IntegrationStatus IntegrationStatus::fromJson(const QJsonObject &json)
{
    IntegrationStatus s;
    s.sandbox = json.value(u"sandbox"_s).toBool();
    s.twilio.sandbox = s.sandbox;
    const QJsonObject t = json.value(u"twilio"_s).toObject();
    s.twilio.configured = t.value(u"configured"_s).toBool();
    s.twilio.status = t.value(u"status"_s).toString(u"not_connected"_s);
    s.twilio.statusDetail = t.value(u"status_detail"_s).toString();
    s.twilio.error = t.value(u"error"_s).toString();
    s.twilio.failedStep = t.value(u"failed_step"_s).toString();
    s.twilio.accountSidLast4 = t.value(u"account_sid_last4"_s).toString();
    s.twilio.phoneNumber = t.value(u"phone_number"_s).toString();
    s.twilio.vapiLinked = !t.value(u"vapi_phone_number_id"_s).toString().isEmpty();
    s.twilio.updatedAt = json::time(t.value(u"updated_at"_s));

    const QJsonObject g = json.value(u"google"_s).toObject();
    s.google.configured = g.value(u"configured"_s).toBool();
    s.google.available = g.value(u"available"_s).toBool();
    s.google.status = g.value(u"status"_s).toString(u"not_connected"_s);
    s.google.statusDetail = g.value(u"status_detail"_s).toString();
    s.google.connectedEmail = g.value(u"connected_email"_s).toString();
    s.google.updatedAt = json::time(g.value(u"updated_at"_s));

    const QJsonObject r = json.value(u"resend"_s).toObject();
    s.resend.configured = r.value(u"configured"_s).toBool();
    s.resend.from = r.value(u"from"_s).toString();
    s.resend.usesServerKey = r.value(u"uses_server_key"_s).toBool();
    s.resend.apiKeyLast4 = r.value(u"api_key_last4"_s).toString();
    return s;
}

QList<TwilioSyncStep> TwilioSyncStep::listFromJson(const QJsonObject &json)
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

} // namespace vox::ui
