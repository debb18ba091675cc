#pragma once

#include "core/result.h"
#include "sandbox/callsimulator.h"
#include "sandbox/sessionkeeper.h"

#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace vox::sandbox {

// Keeps a demo clinic busy, so the console shows calls arriving as they would on a real day:
// signs in as the demo's owner (or signs the clinic up), makes sure the front desk has an
// account, saves the agent so the sandbox's Vapi has an assistant pointing at the server,
// connects the sandbox's Twilio account (through the real API, so its number is imported into
// Vapi) and the clinic's e-mail (Resend in the sandbox). On a clinic's first start it plays a
// past week of calls (so the dashboard has a week to show) and a first batch of recent calls;
// then, on every start, one more call every `intervalSeconds` until stopped, each stamped when it
// is played. Callers who give their name get an e-mail address, so reminders can reach them.
// Everything goes through the server's public HTTP API and webhooks, exactly as Vapi and the
// console would.
class DemoFeed final
{
    Q_DISABLE_COPY_MOVE(DemoFeed)

public:
    struct Options
    {
        QString serverUrl;
        QString webhookSecret;
        // The provider sandbox that records the calls; none: calls without recordings.
        QString sandboxUrl;
        QString email; // the owner's
        QString password;
        // The owner's session without a sign-in (bcrypt is slow), when the feed runs beside the
        // server it feeds: a sign-in's answer (access_token, refresh_token, expires_in). Unset or
        // failing: the feed signs in with `password`.
        std::function<Result<QJsonObject>()> ownerSession;
        // Where the owner's session is kept once opened, shared by the copies of these options:
        // every step of the feed uses it until its access token is about to expire, then
        // refreshes it, so a day of the demo is one session of the owner.
        std::shared_ptr<SessionKeeper> ownerSessionKeeper = std::make_shared<SessionKeeper>();
        QString frontDeskEmail; // the staff account the console uses; none when empty
        QString frontDeskPassword;
        QString timeZone = QStringLiteral("America/New_York"); // for a clinic signed up here
        // Sign the clinic up when the account does not exist; otherwise wait for it.
        bool signUpIfMissing = false;
        int firstBatch = 8; // played once, when the clinic has no calls yet
        // Played once after the first batch, ending about now, from a fixed cycle (a booking, a
        // price question without one, a worried patient transferred to the nurse), so the front
        // desk's Today list has people in it whatever the varied mix drew.
        int todayCalls = 3;
        int intervalSeconds = 45;
        int pastWeekCalls = 24; // played once, when the clinic has no calls yet
        // The calls played one at a time after that are spoken live, a line this often, so the
        // console's live call desk has a call to watch.
        int liveLineDelayMs = 2000;
        // Called once, on the feed's thread, when the clinic is ready to sign in to (empty), or
        // with why it is not after a few tries (the feed keeps trying).
        std::function<void(const QString &problem)> prepared;
    };

    struct Clinic
    {
        QString assistantId;
        bool hasCalls = false;
    };

    explicit DemoFeed(Options options);
    ~DemoFeed();

    void start(); // on a thread of its own
    // Asks the feed to end after what it is sending now, without waiting.
    void requestStop() { m_running = false; }
    bool hasEnded() const;
    void stop(); // asks and waits

    // Signs in (or up), makes sure the front desk can sign in, the agent has a Vapi assistant,
    // and Twilio and e-mail are connected to the sandbox.
    static Result<Clinic> prepareClinic(const Options &options);
    // Plays `calls` simulated calls (a varied mix) for the clinic whose assistant is
    // `assistantId`, `spacingSeconds` apart, the last ending about now; then gives the callers
    // who said their name an e-mail address.
    static Result<CallSimulator::Summary>
    playCalls(const Options &options, const QString &assistantId, int calls, quint32 seed,
              int spacingSeconds = 6 * 60, const CallSimulator::Summary &earlier = {},
              CallSimulator::Options::Mix mix = CallSimulator::Options::Mix::Varied,
              int liveLineDelayMs = 0);
    // The address a demo caller's e-mail gets: made up from the name, at a reserved domain.
    static QString emailFor(const QString &name);
    // What the quality report shows, once per clinic (skipped when any call has a review): a
    // few of the recent calls reviewed by the owner (scores, tags of the clinic's list, a note)
    // and a handful of tool calls the server refuses, sent through the real tool route as Vapi
    // would (a service the clinic does not offer, a time taken by another caller, a booking
    // the rules refuse), so it records them as it records any, each on a day of the past week
    // it was sent on. Answers the reviews written.
    static Result<int> addQualityHistory(const Options &options, const QString &assistantId);

private:
    void run();

    Options m_options;
    std::atomic<bool> m_running{false};
    QThread *m_thread = nullptr;
};

} // namespace vox::sandbox
