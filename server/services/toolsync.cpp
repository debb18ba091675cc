#include "server/services/toolsync.h"

#include "core/logging/log.h"
#include "server/events/eventpublisher.h"
#include "server/jobs/followingjob.h"
#include "server/jobs/jobqueue.h"
#include "server/services/providerlease.h"
#include "server/services/publicurl.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

providers::VapiClient vapiClient(const AppContext &app)
{
    return providers::VapiClient(app.config.vapiBaseUrl, app.config.vapiPrivateKey, app.retry);
}

// A sync waits this long for another to register the same tool, then fails the attempt (the
// job runner tries again later).
constexpr ProviderLease::Timing toolLease{.holdMs = 300000, .waitMs = 30000, .pollMs = 50};

struct Assistant
{
    QString agentId;
    QString vapiId;
};

// What the assistant should link: what it has, minus Vapi's native calendar tools and stale
// copies of ours, plus our current ids. True when the model changed.
bool mergeTools(QJsonObject &model, const QStringList &ours, const QSet<QString> &remove,
                int &nativeRemoved)
{
    bool changed = false;
    QJsonArray ids;
    QSet<QString> seen;
    for (const QJsonValue &v : model.value(u"toolIds"_s).toArray()) {
        const QString id = v.toString();
        if (remove.contains(id)) {
            changed = true;
            continue;
        }
        if (!seen.contains(id)) {
            ids.append(id);
            seen.insert(id);
        }
    }
    for (const QString &id : ours) {
        if (!seen.contains(id)) {
            ids.append(id);
            seen.insert(id);
            changed = true;
        }
    }
    model.insert(u"toolIds"_s, ids);
    if (model.contains(u"tools"_s)) {
        QJsonArray inline_;
        for (const QJsonValue &t : model.value(u"tools"_s).toArray()) {
            if (isNativeCalendarTool(t.toObject())) {
                ++nativeRemoved;
                changed = true;
                continue;
            }
            inline_.append(t);
        }
        model.insert(u"tools"_s, inline_);
    }
    return changed;
}

} // namespace

bool isTransientVapiError(const Error &error)
{
    if (error.kind != ErrorKind::ProviderFailed)
        return false; // not configured (503), or a database problem handled by the caller
    const int status = error.subject.toInt();
    return status == 0 || status == 429 || status >= 500;
}

bool isWorthAnotherAttempt(const Error &error)
{
    // 409: another job held the lease (or took it over) the whole time.
    return isTransientVapiError(error) || error.sqlstate.startsWith(u"08"_s) ||
           error.sqlstate == u"40001" || error.sqlstate == u"40P01" ||
           error.kind == ErrorKind::Conflict;
}

ToolSync::ToolSync(AppContext &app)
    : m_app(app)
{}

QList<ToolDefinition> ToolSync::definitions() const
{
    return toolDefinitions(publicUrl(m_app.config, QString()), m_app.config.vapiWebhookSecret);
}

Result<void> ToolSync::queue(db::Transaction &tx, const QString &orgId)
{
    // A sync already running may have read the org's assistants before the change that queues
    // this one (a first assistant created meanwhile), or be finishing: it gets a follow-up.
    auto queued = jobs::enqueue(tx, jobs::perClinicJob(QString::fromLatin1(jobKind), orgId));
    if (!queued)
        return queued.error();
    return {};
}

Result<QString> ToolSync::registeredId(const ToolDefinition &tool)
{
    auto row = m_app.db.query(db::Access::service(),
                              "SELECT vapi_tool_id FROM vapi_tools WHERE tool_name = $1 AND "
                              "definition_hash = $2",
                              {tool.name, tool.hash});
    if (!row)
        return row.error();
    return row->isEmpty() ? QString() : row->text(0, 0);
}

Result<QHash<QString, QString>> ToolSync::ensureRegistered(providers::VapiClient &vapi,
                                                           int &registered)
{
    QHash<QString, QString> ids;
    const QList<ToolDefinition> tools = definitions();
    for (const ToolDefinition &tool : tools) {
        auto known = registeredId(tool);
        if (!known)
            return known.error();
        if (!known->isEmpty()) {
            ids.insert(tool.name, *known);
            continue;
        }
        // Vapi is called with no transaction open: a transaction can be re-run after a
        // serialization failure, or fail to commit after Vapi acted, and either would register
        // the tool twice. Concurrent syncs of different clinics, on any instance, take turns on
        // the lease; the second finds the first's id.
        auto lease = ProviderLease::acquire(m_app.db, ProviderLease::toolKey(tool.name), toolLease);
        if (!lease)
            return lease.error();
        known = registeredId(tool);
        if (!known)
            return known.error();
        if (!known->isEmpty()) {
            ids.insert(tool.name, *known);
            continue;
        }
        // A create Vapi acted on while we never heard so (a 5xx after acting, an answer that
        // never came) left a copy carrying this definition's marker: adopt it, never a second.
        auto orphan = findUnrecorded(vapi, tool);
        if (!orphan)
            return orphan.error();
        const bool adopted = !orphan->isEmpty();
        QString vapiId = *orphan;
        if (!adopted) {
            // Sent once: if the answer is lost, the next attempt finds the tool by its marker.
            auto created = vapi.createTool(tool.definition);
            if (!created)
                return created.error();
            vapiId = created->value(u"id"_s).toString();
            if (vapiId.isEmpty())
                return fail(u"Vapi created the %1 tool without an id."_s.arg(tool.name),
                            ErrorKind::ProviderFailed, u"200"_s);
        }
        auto stored = m_app.db.transaction<bool>(
            db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
                if (auto held = lease.value().releaseWithin(tx); !held)
                    return held.error();
                auto upserted =
                    tx.exec("INSERT INTO vapi_tools (tool_name, vapi_tool_id, definition_hash, "
                            "definition) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT (tool_name) DO "
                            "UPDATE SET vapi_tool_id = EXCLUDED.vapi_tool_id, definition_hash = "
                            "EXCLUDED.definition_hash, definition = EXCLUDED.definition, "
                            "registered_at = now()",
                            {tool.name, vapiId, tool.hash,
                             QJsonValue(storableDefinition(tool.definition))});
                if (!upserted)
                    return upserted.error();
                return true;
            });
        if (!stored) {
            // A COMMIT whose answer was lost may have gone through; otherwise nobody knows of
            // the tool just created, and the next sync would register another: remove it.
            auto holds = registeredId(tool);
            if (holds && *holds == vapiId) {
                ids.insert(tool.name, vapiId);
                continue;
            }
            // An adopted copy is left for the next attempt to adopt again.
            if (holds && !adopted) {
                if (auto removed = vapi.deleteTool(vapiId); !removed)
                    log::warn("toolsync", u"An unrecorded tool could not be removed from Vapi."_s,
                              {{u"tool"_s, tool.name},
                               {u"vapi_tool_id"_s, vapiId},
                               {u"error"_s, removed.errorMessage()}});
            }
            return stored.error();
        }
        ++registered;
        log::info("toolsync",
                  adopted ? u"Adopted a tool whose registration was never recorded."_s
                          : u"Registered a tool with Vapi."_s,
                  {{u"tool"_s, tool.name}, {u"vapi_tool_id"_s, vapiId}});
        ids.insert(tool.name, vapiId);
    }
    return ids;
}

Result<QString> ToolSync::findUnrecorded(providers::VapiClient &vapi, const ToolDefinition &tool)
{
    auto all = vapi.listTools();
    if (!all)
        return all.error();
    // A registration we hold is not an orphan, whatever it carries: one whose definition is
    // outdated is replaced, not taken back.
    auto recorded = m_app.db.query(db::Access::service(), "SELECT vapi_tool_id FROM vapi_tools");
    if (!recorded)
        return recorded.error();
    QSet<QString> known;
    for (int r = 0; r < recorded->rowCount(); ++r)
        known.insert(recorded->text(r, 0));
    for (const QJsonValue &v : std::as_const(*all)) {
        const QJsonObject t = v.toObject();
        const QString id = t.value(u"id"_s).toString();
        if (!id.isEmpty() && !known.contains(id) && toolMarker(t) == tool.hash &&
            toolName(t) == tool.name)
            return id;
    }
    return QString();
}

Result<void> ToolSync::recordFailure(const QString &orgId, const QString &message, bool final)
{
    auto done =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            // Only agents this sync works on: one saved meanwhile waits for its own push, which
            // queues another sync, and one whose settings Vapi refused keeps saying so.
            auto agents = tx.exec("UPDATE agents SET sync_status = $2, sync_error = $3 "
                                  "WHERE org_id = $1::uuid AND vapi_assistant_id IS NOT NULL "
                                  "AND sync_status = 'syncing' RETURNING id",
                                  {orgId, final ? u"failed"_s : u"syncing"_s, message.left(1000)});
            if (!agents)
                return agents.error();
            if (agents->isEmpty())
                return true;
            auto e = events::publish(tx, orgId, u"agent.updated"_s, u"agent"_s, {},
                                     {{u"sync_status"_s, final ? u"failed"_s : u"syncing"_s},
                                      {u"sync_error"_s, message.left(1000)}});
            if (!e)
                return e.error();
            return true;
        });
    if (!done)
        return done.error();
    return {};
}

Result<void> ToolSync::runJob(const jobs::Job &job)
{
    if (job.orgId.isEmpty())
        return fail(u"A tool sync job needs an org."_s);
    auto outcome = syncOrg(job.orgId);
    if (outcome)
        return {};
    const Error &error = outcome.error();
    const bool transient = isWorthAnotherAttempt(error);
    const bool lastAttempt = job.attempt >= job.maxAttempts;
    QString message = error.message;
    if (transient && !lastAttempt)
        message += u" (will try again)"_s;
    if (auto recorded = recordFailure(job.orgId, message, !transient || lastAttempt); !recorded)
        log::warn("toolsync", u"Could not record a failed sync."_s,
                  {{u"org_id"_s, job.orgId}, {u"error"_s, recorded.errorMessage()}});
    log::warn("toolsync",
              transient ? u"Tool sync failed; retrying later."_s
                        : u"Tool sync failed: Vapi refused the request."_s,
              {{u"org_id"_s, job.orgId},
               {u"attempt"_s, job.attempt},
               {u"error"_s, error.message},
               {u"status"_s, error.subject}});
    if (transient)
        return error; // the job runner retries with backoff
    return {};        // final: the reason is on the agent, for the console to show
}

Result<ToolSync::Outcome> ToolSync::syncOrg(const QString &orgId)
{
    auto assistants = m_app.db.transaction<QList<Assistant>>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<QList<Assistant>> {
            // Every assistant gets the tools; the status is left to the agent's push while
            // the clinic's latest settings are not yet at Vapi ('pending'), or Vapi refused them
            // ('send_failed'): tools being linked does not make those settings current.
            auto rows = tx.exec("UPDATE agents SET sync_status = CASE WHEN sync_status IN "
                                "('pending', 'send_failed') THEN sync_status ELSE 'syncing' END "
                                "WHERE org_id = $1::uuid AND vapi_assistant_id IS NOT NULL "
                                "RETURNING id, vapi_assistant_id",
                                {orgId});
            if (!rows)
                return rows.error();
            QList<Assistant> out;
            for (int r = 0; r < rows->rowCount(); ++r)
                out.append({rows->text(r, 0), rows->text(r, 1)});
            return out;
        });
    if (!assistants)
        return assistants.error();
    Outcome outcome;
    if (assistants->isEmpty())
        return outcome; // nothing saved to Vapi yet: the agent save queues another sync

    providers::VapiClient vapi = vapiClient(m_app);
    const QList<ToolDefinition> tools = definitions();
    auto ids = ensureRegistered(vapi, outcome.registered);
    if (!ids)
        return ids.error();
    for (const ToolDefinition &tool : tools)
        outcome.toolIds << ids->value(tool.name);

    auto recorded = m_app.db.transaction<QStringList>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<QStringList> {
            auto previous =
                tx.exec("SELECT vapi_tool_id FROM org_tools WHERE org_id = $1::uuid", {orgId});
            if (!previous)
                return previous.error();
            QStringList old;
            for (int r = 0; r < previous->rowCount(); ++r)
                old << previous->text(r, 0);
            for (const ToolDefinition &tool : tools) {
                auto upserted = tx.exec(
                    "INSERT INTO org_tools (org_id, tool_name, vapi_tool_id, definition_hash) "
                    "VALUES ($1::uuid, $2, $3, $4) ON CONFLICT (org_id, tool_name) DO UPDATE SET "
                    "  linked_at = CASE WHEN org_tools.vapi_tool_id = EXCLUDED.vapi_tool_id "
                    "              THEN org_tools.linked_at END, "
                    "  vapi_tool_id = EXCLUDED.vapi_tool_id, "
                    "  definition_hash = EXCLUDED.definition_hash",
                    {orgId, tool.name, ids->value(tool.name), tool.hash});
                if (!upserted)
                    return upserted.error();
            }
            return old;
        });
    if (!recorded)
        return recorded.error();

    // What must come off the assistants: Vapi's native calendar tools, and copies of our tools
    // other than the current ones (an older definition, a duplicate registration).
    auto all = vapi.listTools();
    if (!all)
        return all.error();
    QSet<QString> ourNames;
    for (const ToolDefinition &tool : tools)
        ourNames.insert(tool.name);
    const QSet<QString> current(outcome.toolIds.cbegin(), outcome.toolIds.cend());
    QSet<QString> remove;
    QSet<QString> native;
    for (const QJsonValue &v : std::as_const(*all)) {
        const QJsonObject t = v.toObject();
        const QString id = t.value(u"id"_s).toString();
        if (isNativeCalendarTool(t)) {
            remove.insert(id);
            native.insert(id);
        } else if (ourNames.contains(toolName(t)) && !current.contains(id)) {
            remove.insert(id);
        }
    }
    for (const QString &id : std::as_const(*recorded)) {
        if (!current.contains(id))
            remove.insert(id);
    }

    for (const Assistant &a : std::as_const(*assistants)) {
        // An agent save patches the same assistant, and each PATCH sends the whole model: they
        // take turns, or one would put back what the other just changed.
        auto lease =
            ProviderLease::acquire(m_app.db, ProviderLease::assistantKey(a.agentId), toolLease);
        if (!lease)
            return lease.error();
        auto assistant = vapi.getAssistant(a.vapiId);
        if (!assistant)
            return assistant.error();
        QJsonObject model = assistant->value(u"model"_s).toObject();
        for (const QJsonValue &id : model.value(u"toolIds"_s).toArray()) {
            if (native.contains(id.toString()))
                ++outcome.nativeRemoved;
        }
        if (mergeTools(model, outcome.toolIds, remove, outcome.nativeRemoved)) {
            // PATCH replaces the whole model: send it complete (fetch-merge-patch).
            auto patched = vapi.updateAssistant(a.vapiId, {{u"model"_s, model}});
            if (!patched) {
                Error unlinked = patched.error();
                unlinked.message =
                    u"Tools are registered but could not be linked to the assistant: "_s +
                    patched.errorMessage();
                return unlinked;
            }
        }
        ++outcome.assistants;
    }

    auto finished =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            if (auto linked = tx.exec("UPDATE org_tools SET linked_at = coalesce(linked_at, now()) "
                                      "WHERE org_id = $1::uuid",
                                      {orgId});
                !linked)
                return linked.error();
            auto agents =
                tx.exec("UPDATE agents SET sync_status = 'synced', sync_error = NULL, synced_at = "
                        "now() WHERE org_id = $1::uuid AND vapi_assistant_id IS NOT NULL AND "
                        "sync_status = 'syncing' RETURNING id",
                        {orgId});
            if (!agents)
                return agents.error();
            if (agents->isEmpty())
                return true; // saved meanwhile: its push reports, then queues another sync
            auto e = events::publish(tx, orgId, u"agent.updated"_s, u"agent"_s, {},
                                     {{u"sync_status"_s, u"synced"_s},
                                      {u"tools"_s, QJsonArray::fromStringList(outcome.toolIds)}});
            if (!e)
                return e.error();
            return true;
        });
    if (!finished)
        return finished.error();
    log::info("toolsync", u"Tools linked."_s,
              {{u"org_id"_s, orgId},
               {u"assistants"_s, outcome.assistants},
               {u"registered"_s, outcome.registered},
               {u"native_removed"_s, outcome.nativeRemoved}});
    return outcome;
}

Result<ToolSync::CheckReport> ToolSync::check(bool fix)
{
    CheckReport report;
    providers::VapiClient vapi = vapiClient(m_app);
    const QList<ToolDefinition> tools = definitions();
    auto all = vapi.listTools();
    if (!all)
        return all.error();

    auto registered = m_app.db.transaction<QHash<QString, QPair<QString, QString>>>(
        db::Access::service(),
        [&](db::Transaction &tx) -> Result<QHash<QString, QPair<QString, QString>>> {
            auto rows = tx.exec("SELECT tool_name, vapi_tool_id, definition_hash FROM vapi_tools");
            if (!rows)
                return rows.error();
            QHash<QString, QPair<QString, QString>> out;
            for (int r = 0; r < rows->rowCount(); ++r)
                out.insert(rows->text(r, 0), {rows->text(r, 1), rows->text(r, 2)});
            return out;
        });
    if (!registered)
        return registered.error();

    QSet<QString> atVapi;
    QSet<QString> ourNames;
    for (const ToolDefinition &tool : tools)
        ourNames.insert(tool.name);
    QSet<QString> current;
    for (const ToolDefinition &tool : tools) {
        const auto it = registered->constFind(tool.name);
        if (it != registered->cend())
            current.insert(it->first);
    }
    QStringList stale;
    QSet<QString> native;
    for (const QJsonValue &v : std::as_const(*all)) {
        const QJsonObject t = v.toObject();
        const QString id = t.value(u"id"_s).toString();
        atVapi.insert(id);
        const QString name = toolName(t);
        if (isNativeCalendarTool(t)) {
            native.insert(id);
            report.lines << u"problem: Vapi has a native calendar tool %1 (%2)"_s.arg(
                id, t.value(u"type"_s).toString());
        } else if (ourNames.contains(name) && !current.contains(id)) {
            report.lines << u"problem: stale copy of %1 at Vapi: %2"_s.arg(name, id);
            stale << id;
        }
    }
    QStringList forget;
    for (const ToolDefinition &tool : tools) {
        const auto it = registered->constFind(tool.name);
        if (it == registered->cend()) {
            report.lines << u"problem: %1 is not registered"_s.arg(tool.name);
        } else if (!atVapi.contains(it->first)) {
            report.lines << u"problem: %1 (%2) no longer exists at Vapi"_s.arg(tool.name,
                                                                               it->first);
            forget << tool.name;
        } else if (it->second != tool.hash) {
            report.lines << u"problem: %1 has a changed definition (registered %2)"_s.arg(
                tool.name, it->first);
        } else {
            report.lines << u"ok: %1 registered as %2"_s.arg(tool.name, it->first);
        }
    }

    auto orgs = m_app.db.transaction<QList<QPair<QString, QString>>>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<QList<QPair<QString, QString>>> {
            auto rows = tx.exec("SELECT org_id, vapi_assistant_id FROM agents WHERE "
                                "vapi_assistant_id IS NOT NULL ORDER BY org_id, direction");
            if (!rows)
                return rows.error();
            QList<QPair<QString, QString>> out;
            for (int r = 0; r < rows->rowCount(); ++r)
                out.append({rows->text(r, 0), rows->text(r, 1)});
            return out;
        });
    if (!orgs)
        return orgs.error();
    QStringList orgsToSync;
    for (const auto &[orgId, assistantId] : std::as_const(*orgs)) {
        auto assistant = vapi.getAssistant(assistantId);
        if (!assistant) {
            report.lines << u"problem: assistant %1 of org %2: %3"_s.arg(assistantId, orgId,
                                                                         assistant.errorMessage());
            continue;
        }
        const QJsonObject model = assistant->value(u"model"_s).toObject();
        QSet<QString> linked;
        for (const QJsonValue &id : model.value(u"toolIds"_s).toArray())
            linked.insert(id.toString());
        QStringList issues;
        for (const QString &id : std::as_const(current)) {
            if (!linked.contains(id))
                issues << u"missing %1"_s.arg(id);
        }
        for (const QString &id : std::as_const(linked)) {
            if (native.contains(id))
                issues << u"native calendar tool %1 linked"_s.arg(id);
            else if (stale.contains(id))
                issues << u"stale tool %1 linked"_s.arg(id);
        }
        for (const QJsonValue &t : model.value(u"tools"_s).toArray()) {
            if (isNativeCalendarTool(t.toObject()))
                issues << u"inline native tool %1"_s.arg(t.toObject().value(u"type"_s).toString());
        }
        if (issues.isEmpty()) {
            report.lines << u"ok: assistant %1 of org %2"_s.arg(assistantId, orgId);
        } else {
            issues.sort();
            report.lines << u"problem: assistant %1 of org %2: %3"_s.arg(assistantId, orgId,
                                                                         issues.join(u", "_s));
            if (!orgsToSync.contains(orgId))
                orgsToSync << orgId;
        }
    }
    for (const QString &line : std::as_const(report.lines)) {
        if (line.startsWith(u"problem"_s))
            ++report.problems;
    }
    if (!fix || report.problems == 0)
        return report;

    // The full clean-up: forget registrations Vapi lost, sync every org (which registers, links and
    // takes native tools off the assistants), then delete what must not exist.
    if (!forget.isEmpty()) {
        auto forgotten = m_app.db.transaction<bool>(
            db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
                auto d =
                    tx.exec("DELETE FROM vapi_tools WHERE tool_name = ANY($1::text[])", {forget});
                if (!d)
                    return d.error();
                return true;
            });
        if (!forgotten)
            return forgotten.error();
    }
    QSet<QString> allOrgs;
    for (const auto &[orgId, assistantId] : std::as_const(*orgs))
        allOrgs.insert(orgId);
    for (const QString &orgId : std::as_const(allOrgs)) {
        auto synced = syncOrg(orgId);
        report.lines << (synced ? u"fixed: org %1 synced (%2 assistant(s), %3 native removed)"_s
                                      .arg(orgId)
                                      .arg(synced->assistants)
                                      .arg(synced->nativeRemoved)
                                : u"failed: org %1: %2"_s.arg(orgId, synced.errorMessage()));
    }
    // Only now, with every assistant linked to the current ids, can the rest go: Vapi's native
    // calendar tools and every other copy of ours (the sync may just have replaced some).
    auto registeredNow = m_app.db.transaction<QSet<QString>>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<QSet<QString>> {
            auto rows = tx.exec("SELECT vapi_tool_id FROM vapi_tools");
            if (!rows)
                return rows.error();
            QSet<QString> ids;
            for (int r = 0; r < rows->rowCount(); ++r)
                ids.insert(rows->text(r, 0));
            return ids;
        });
    if (!registeredNow)
        return registeredNow.error();
    auto remaining = vapi.listTools();
    if (!remaining)
        return remaining.error();
    for (const QJsonValue &v : std::as_const(*remaining)) {
        const QJsonObject t = v.toObject();
        const QString id = t.value(u"id"_s).toString();
        const bool ours = ourNames.contains(toolName(t));
        if (!isNativeCalendarTool(t) && !(ours && !registeredNow->contains(id)))
            continue;
        auto deleted = vapi.deleteTool(id);
        report.lines << (deleted
                             ? u"fixed: deleted tool %1 at Vapi"_s.arg(id)
                             : u"failed: deleting tool %1: %2"_s.arg(id, deleted.errorMessage()));
    }
    auto after = check(false);
    if (!after)
        return after.error();
    report.lines << u"after fixing:"_s;
    report.lines += after->lines;
    report.problems = after->problems;
    return report;
}

} // namespace vox::server
