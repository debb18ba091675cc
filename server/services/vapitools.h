#pragma once

#include "server/appcontext.h"
#include "server/services/booking.h"
#include "server/services/vapimessage.h"

#include <QJsonObject>
#include <QString>

namespace vox::server {

// The AI's tools during a live call: checkAvailability, bookClinicAppointment,
// rescheduleAppointment, cancelAppointment, lookupCaller, queryKnowledgeBase. Every call gets a
// result the assistant can say; a bad argument, an unknown service, a closed day, a taken slot or a
// failing database become sentences, never an HTTP error (Vapi would read the call as failed and
// the caller would hear silence).
class VapiToolService
{
public:
    VapiToolService(AppContext &app, BookingService &booking)
        : m_app(app)
        , m_booking(booking)
    {}

    // {"results": [{"toolCallId", "name", "result"}]}, one per tool call in the message, in order.
    QJsonObject answer(const vapi::Message &message);

    struct CallContext
    {
        QString orgId;
        QString vapiCallId;
        QString callerNumber;
        QString callerName;
        // When Vapi says it sent the tool calls; invalid when the message does not say.
        QDateTime sentAt;
        ClinicCalendar calendar;
        // What went wrong in the tool call being run (a tool_errors kind), empty when it went
        // well; the tools set it as they answer, the quality report counts it.
        mutable QString errorKind;
    };

private:
    QString run(const CallContext &context, const vapi::ToolCall &call);
    QString checkAvailability(const CallContext &context, const QJsonObject &args);
    QString book(const CallContext &context, const vapi::ToolCall &call);
    QString reschedule(const CallContext &context, const QJsonObject &args);
    QString cancel(const CallContext &context, const QJsonObject &args);
    QString lookupCaller(const CallContext &context, const QJsonObject &args);
    QString queryKnowledgeBase(const CallContext &context, const QJsonObject &args);

    // The appointment a caller means: by id (or its first eight characters), else by phone and
    // time, else the number's only upcoming one. A sentence when it cannot tell.
    Result<QString> identifyAppointment(const CallContext &context, const QJsonObject &args,
                                        const QString &timeKey);

    void recordError(const CallContext &context, const QString &tool);

    AppContext &m_app;
    BookingService &m_booking;
};

} // namespace vox::server
