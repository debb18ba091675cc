#pragma once

#include "core/crypto/aesgcm.h"
#include "server/config/serverconfig.h"
#include "server/db/database.h"
#include "server/jobs/jobrunner.h"
#include "server/providers/providerhttp.h"

#include <QDateTime>
#include <QList>

#include <functional>

namespace vox::server {

class AccountState;

struct BusyInterval
{
    QDateTime start;
    QDateTime end;
};
// Busy times of an org's connected external calendar (Google), for availability. Empty when no
// calendar module is wired or the org has none connected.
using CalendarBusyLookup = std::function<Result<QList<BusyInterval>>(
    const QString &orgId, const QDateTime &from, const QDateTime &to)>;

// The shared services that route modules and job handlers are built from. Owned by Server;
// every member outlives the routes and handlers that capture it.
struct AppContext
{
    const ServerConfig &config;
    db::Database &db;
    const crypto::KeyRing &keys;
    jobs::JobRunner &jobs;
    providers::RetryPolicy retry; // for provider calls (config: VOXANNE_PROVIDER_RETRY_MS)
    // Set by the calendar integration when it registers; availability subtracts what it returns.
    CalendarBusyLookup calendarBusy = {};
    // The integration calendarBusy reads (a credential provider): a clinic known to have no
    // working link of it is not asked about. Empty: every clinic is asked.
    QString calendarBusyLink = {};
    // Whether users may still act; told at once when this instance disables one.
    AccountState *accounts = nullptr;
};

} // namespace vox::server
