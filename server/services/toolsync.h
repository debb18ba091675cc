#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/jobs/jobqueue.h"
#include "server/providers/vapiclient.h"
#include "server/services/tooldefinitions.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace vox::server {

// Links our tools to a clinic's Vapi assistants: each tool is registered once for the whole
// platform (vapi_tools) and re-registered only when its definition's hash changes; every org's
// assistants get the ids in `model.toolIds`, merged with what the assistant already has
// (fetch-merge-patch, nothing else dropped); Vapi's native calendar tools are removed from the
// assistant. Runs as the durable job `vapi.sync_tools`, so an agent save never waits for it and a
// crash part-way resumes: every step is idempotent. Vapi is called between transactions, never
// inside one; a tool is registered under a lease (ProviderLease), so concurrent syncs on any
// instance register it once, and a copy whose creation was never recorded is adopted by its
// marker (see ToolDefinition) rather than created again.
class ToolSync
{
public:
    static constexpr const char *jobKind = "vapi.sync_tools";

    explicit ToolSync(AppContext &app);

    // Queues the org's sync in `tx` (one pending sync per org absorbs further requests; one
    // running gets a single follow-up).
    static Result<void> queue(db::Transaction &tx, const QString &orgId);

    // The job handler. Vapi refusing for good (a 4xx other than 429) is recorded on the agent
    // and ends the job: retrying cannot help. Network errors, 429 and 5xx that outlast the
    // client's own retries fail the attempt, and the job runner tries again later.
    Result<void> runJob(const jobs::Job &job);

    struct Outcome
    {
        int assistants = 0;
        int registered = 0;    // tools registered with Vapi in this run
        int nativeRemoved = 0; // native calendar tools taken off assistants
        QStringList toolIds;   // what the assistants now link, in definition order
    };
    Result<Outcome> syncOrg(const QString &orgId);

    // `voxanne-server tools check [--fix]`: what is wrong between our database, Vapi's tools and
    // every assistant (with --fix, a full clean-up: native calendar tools and stale copies of ours
    // are deleted from Vapi, every org is synced again).
    struct CheckReport
    {
        QStringList lines;
        int problems = 0;
    };
    Result<CheckReport> check(bool fix);

private:
    // Our tool ids by name, registering what is missing or changed.
    Result<QHash<QString, QString>> ensureRegistered(providers::VapiClient &vapi, int &registered);
    // The tool's registered id when its definition is current, else empty.
    Result<QString> registeredId(const ToolDefinition &tool);
    // The id of a copy of `tool` at Vapi that carries its marker and that we never recorded (its
    // create was acted on while the answer failed or never came), else empty.
    Result<QString> findUnrecorded(providers::VapiClient &vapi, const ToolDefinition &tool);
    Result<void> recordFailure(const QString &orgId, const QString &message, bool final);

    // Computed when used: the listening port is known only once the server listens.
    QList<ToolDefinition> definitions() const;

    AppContext &m_app;
};

// Whether a Vapi error is worth another attempt: no answer, 429, 5xx.
bool isTransientVapiError(const Error &error);

// Whether a job that failed this way should run again later: a transient Vapi error, the
// database unreachable or a serialization failure, a lease another job held throughout.
bool isWorthAnotherAttempt(const Error &error);

} // namespace vox::server
