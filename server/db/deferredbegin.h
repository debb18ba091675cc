#pragma once

#include "core/result.h"
#include "server/db/connection.h"

#include <QByteArray>
#include <QList>

namespace vox::db::deferredbegin {

// A transaction's BEGIN and role setup, held back until its first statement so that the three
// travel to PostgreSQL in one pipeline (one round trip instead of two). Database opens
// transactions this way; Connection sends what is held back with the next statement it runs
// (or on its own before anything that cannot join a pipeline).
struct Statement
{
    QByteArray sql;
    Params params;
};

void hold(Connection &connection, QList<Statement> opening);

// Forgets what `connection` held back and tells whether it was sent, and if the round trip that
// carried it failed, why.
struct Outcome
{
    bool sent = false;
    bool failed = false;
    Error error;
};
Outcome release(Connection &connection);

} // namespace vox::db::deferredbegin
