#pragma once

#include "core/result.h"

#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace vox::sandbox {

// Keeps a demo clinic busy, so the console shows calls arriving as they would on a real day:
// signs in as the demo account (or signs it up), saves its agent so the sandbox's Vapi has an
// assistant pointing at the server, on a clinic's first start plays a past week of calls (so the
// dashboard has a week to show), then a first batch of recent calls, then one more call every
// `intervalSeconds` until stopped. Everything goes through the server's public HTTP API
// and webhooks, exactly as Vapi and the console would.
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
        QString email;
        QString password;
        // Sign the clinic up when the account does not exist (headless runs); the console signs
        // it up itself, so there the feed waits for the account instead.
        bool signUpIfMissing = false;
        int firstBatch = 8;
        int intervalSeconds = 45;
        int pastWeekCalls = 24; // played once, when the clinic has no calls yet
    };

    struct Clinic
    {
        QString assistantId;
        bool hasCalls = false;
    };

    explicit DemoFeed(Options options);
    ~DemoFeed();

    void start(); // on a thread of its own
    void stop();

    // Signs in (or up) and makes sure the agent has a Vapi assistant.
    static Result<Clinic> prepareClinic(const Options &options);
    // Plays `calls` simulated calls for the clinic whose assistant is `assistantId`, started
    // `spacingSeconds` apart, the last about now.
    static Result<int> playCalls(const Options &options, const QString &assistantId, int calls,
                                 quint32 seed, int spacingSeconds = 6 * 60);

private:
    void run();

    Options m_options;
    std::atomic<bool> m_running{false};
    QThread *m_thread = nullptr;
};

} // namespace vox::sandbox
