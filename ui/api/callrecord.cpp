#include "ui/api/callrecord.h"

#include "ui/api/jsonfields.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

QString CallRecord::partyName() const
{
    if (!contactName.isEmpty())
        return contactName;
    if (!callerName.isEmpty())
        return callerName;
    return phoneNumber;
}

CallRecord CallRecord::fromJson(const QJsonObject &json)
{
    CallRecord c;
    c.id = json.value(u"id"_s).toString();
    c.occurredAt = json::time(json.value(u"occurred_at"_s));
    c.startedAt = json::time(json.value(u"started_at"_s));
    c.endedAt = json::time(json.value(u"ended_at"_s));
    c.durationSeconds = json.value(u"duration_seconds"_s).toInt();
    c.direction = json::string(json, u"direction"_s, u"call_type"_s);
    c.status = json.value(u"status"_s).toString();
    c.phoneNumber = json.value(u"phone_number"_s).toString();
    c.callerName = json.value(u"caller_name"_s).toString();
    c.contactId = json.value(u"contact_id"_s).toString();
    c.contactName = json.value(u"contact_name"_s).toString();
    c.sentimentLabel = json.value(u"sentiment_label"_s).toString();
    c.sentimentScore = json.value(u"sentiment_score"_s).toDouble();
    c.sentimentUrgency = json.value(u"sentiment_urgency"_s).toString();
    c.bookingConfirmed = json.value(u"booking_confirmed"_s).toBool();
    c.financialValueCents = json::cents(json, u"financial_value_cents"_s, u"financial_value"_s);
    c.recordingStatus = json.value(u"recording_status"_s).toString();
    c.hasRecording = json.value(u"has_recording"_s).toBool();
    c.hasTranscript = json.value(u"has_transcript"_s).toBool();
    c.summary = json.value(u"summary"_s).toString();
    c.transferTo = json.value(u"transfer_to"_s).toString();

    // The detail adds these; a list item has none of them.
    c.detailLoaded = json.contains(u"transcript"_s) || json.contains(u"messages"_s);
    c.transcript = json.value(u"transcript"_s).toString();
    const QJsonArray lines = json.value(u"messages"_s).toArray();
    for (const QJsonValue &value : lines) {
        const QJsonObject line = value.toObject();
        TranscriptLine t;
        t.role = line.value(u"role"_s).toString();
        t.message = line.value(u"message"_s).toString();
        t.secondsFromStart = line.value(u"seconds_from_start"_s).toDouble(-1);
        if (!t.message.isEmpty())
            c.messages << t;
    }
    c.transferTime = json::time(json.value(u"transfer_time"_s));
    c.transferReason = json.value(u"transfer_reason"_s).toString();
    c.endedReason = json.value(u"ended_reason"_s).toString();
    c.matchedServices = json::strings(json.value(u"matched_services"_s));
    c.matchedTerms = json::strings(json.value(u"matched_terms"_s));
    c.leadScore = json.value(u"lead_score"_s).toInt(-1);
    return c;
}

} // namespace vox::ui
