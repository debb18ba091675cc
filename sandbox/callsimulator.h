#pragma once

#include "core/result.h"
#include "sandbox/vapimessages.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace vox::sandbox {

// One request the simulator sent, and what the server answered.
struct Delivery
{
    QString path; // /api/webhooks/vapi or /api/vapi/tools
    QJsonObject body;
    int status = 0;
    QJsonObject answer;
};

// Plays realistic Vapi call sequences against a server (X-sandbox): status-update ringing →
// in-progress → tool calls (through the real /api/vapi/tools: lookups, availability, bookings)
// → status-update ended → end-of-call-report with transcript, messages, recording and analysis.
// Callers vary: some book, some only ask about prices, one is transferred to a nurse, one calls
// again, one is angry and hangs up; transcripts carry the kind of patient data redaction must
// catch. Runs are reproducible from the seed (ids, numbers, names, times).
//
// Two mixes: `Cycle` plays the six kinds of caller in turn (tests count on it); `Varied` draws
// each call's kind, words and booking time from the seed, as a demo that plays one call at a
// time over a day needs (a different caller each time, bookings spread over the coming weeks).
class CallSimulator
{
public:
    struct Options
    {
        QString serverUrl;
        QString secret;     // sent as x-vapi-secret
        QString hmacSecret; // when set, requests are signed (x-signature, x-timestamp) instead
        QString assistantId;
        QString phoneNumberId;
        QString clinicNumber = QStringLiteral("+15550100000");
        // The provider sandbox that records the calls (speech made from their transcripts);
        // without one the calls have no recording.
        QString sandboxUrl;
        int calls = 6;
        quint32 seed = 1;
        // Time between the calls' starts; the last call starts about now.
        int spacingSeconds = 6 * 60;
        // Bookings go to weekdays from this day on (default: the Monday after next; with the
        // `Varied` mix, the next weekday).
        QDate firstDay;
        enum class Mix { Cycle, Varied };
        Mix mix = Mix::Cycle;
        // While a call is in progress its lines are sent as Vapi sends them live (speech
        // updates, partial and final transcripts, conversation updates), this long apart: 0
        // plays them back to back; a demo paces them like speech.
        int liveLineDelayMs = 0;
        // Someone who booked earlier (in another run), for the caller who calls again.
        QString returningName;
        QString returningNumber;
    };

    struct Summary
    {
        int calls = 0;
        int booked = 0;
        int transferred = 0;
        int failedDeliveries = 0; // answers other than 2xx
        QList<Delivery> deliveries;
        QStringList lines; // one per call, for the command line
        // The last caller who booked, to call again in a later run.
        QString bookedName;
        QString bookedNumber;
    };

    // The caller of call `index` of a run with `seed`: a name and a number that belong together
    // (the same person has the same number in every run), different for every call of a run.
    struct Person
    {
        QString name;
        QString phone;
    };
    static Person person(quint32 seed, int index);

    explicit CallSimulator(Options options);

    // Plays every call, one after another; each delivery waits for the server's answer.
    Result<Summary> run();

    // The headers Vapi would send for `body`: the shared secret or an HMAC signature.
    static QHash<QByteArray, QByteArray> headersFor(const QByteArray &body, const QString &secret,
                                                    const QString &hmacSecret);
    // Posts {"message": message} to serverUrl + path.
    static Delivery post(const QString &serverUrl, const QString &path,
                         const QHash<QByteArray, QByteArray> &headers, const QJsonObject &message);

    // What Vapi does after POST /call: the outbound call's webhooks (queued → ringing →
    // in-progress → ended → end-of-call-report) to the assistant's server URL with its headers.
    // `call` is the call as the sandbox stored it (with the request's assistantOverrides).
    static QList<Delivery> playOutbound(const QJsonObject &call, const QString &serverUrl,
                                        const QHash<QByteArray, QByteArray> &headers,
                                        const QString &sandboxUrl = {});

    // Tells the sandbox at `sandboxUrl` what was said in the call, and answers the recording's
    // base URL there (for vapimessages::Report::recordingBase); empty when there is no sandbox
    // or it refused.
    static QString recordIn(const QString &sandboxUrl, const QString &callId,
                            const QList<vapimessages::Turn> &turns);

    // The live side of a call in progress: for each spoken line, speech-update started, a
    // partial transcript, the final one, speech-update stopped and a conversation-update.
    // `send` posts one message to the server's webhook; `spoken` is told each line once said and
    // answers false when the call was ended meanwhile (from the sandbox's control endpoint):
    // playLive then stops and answers false.
    static bool playLive(const vapimessages::CallInfo &call, const QList<vapimessages::Turn> &turns,
                         int delayMs, const std::function<void(const QJsonObject &)> &send,
                         const std::function<bool(const vapimessages::Turn &)> &spoken = {});

    // Tells the sandbox at `sandboxUrl` that `call` is playing and reports to `serverUrl`, so its
    // control endpoint can act on it; false when there is no sandbox or it refused.
    static bool registerLive(const QString &sandboxUrl, const vapimessages::CallInfo &call,
                             const QString &serverUrl,
                             const QHash<QByteArray, QByteArray> &headers);

private:
    struct Caller;
    Delivery send(const QString &path, const QJsonObject &message);
    QString askTool(const vapimessages::CallInfo &call, vapimessages::Turn &turn,
                    QList<vapimessages::Turn> &turns, const QDateTime &at);

    Options m_options;
    Summary m_summary;
    int m_toolCalls = 0;
};

} // namespace vox::sandbox
