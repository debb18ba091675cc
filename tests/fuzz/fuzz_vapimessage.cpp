// Vapi's server messages: the webhook reads every field of whatever arrives with a valid
// signature, so nothing in a message may crash it.

#include "fuzzinput.h"
#include "server/services/vapimessage.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;
using namespace vox::server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = vox::fuzz::bytes(data, size);
    auto message = vapi::Message::parse(body);
    if (!message)
        return 0;
    message->type();
    message->call();
    message->callId();
    message->assistantId();
    message->phoneNumberId();
    message->customerNumber();
    message->customerName();
    message->clinicNumber();
    message->direction();
    message->timestamp();
    message->callCreatedAt();
    message->startedAt();
    message->endedAt();
    message->status();
    message->endedReason();
    message->recordingUrl();
    message->stereoRecordingUrl();
    message->analysis();
    message->summary();
    message->successEvaluation();
    message->destination();
    message->voxanneCallId();
    for (const vapi::ToolCall &call : message->toolCalls())
        vox::fuzz::expect(call.argumentsError.isEmpty() || call.arguments.isEmpty(),
                          "arguments that could not be read are empty");
    const QJsonArray raw = message->artifactMessages();
    const QJsonArray normalized = vapi::normalizeMessages(raw);
    vapi::callerText(normalized, message->transcript());
    vapi::toolCallIds(raw, u"bookAppointment"_s);
    for (const QString &key : message->json().keys())
        vapi::parseTime(message->json().value(key));
    return 0;
}
