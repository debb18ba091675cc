#pragma once

#include "core/result.h"
#include "server/db/connectionsettings.h"

#include <QString>

#include <functional>

namespace vox::db {

// A whole Voxanne database to one file and back, with PostgreSQL's own pg_dump and pg_restore
// (custom format) of the server's major version, so a backup restores on any PostgreSQL that
// can run the schema.
//
// Every clinic's rows are in the file: the dump refuses to run as a role that row-level security
// applies to (pg_dump would stop half-way, or with --enable-row-security leave rows out). A
// failed dump never leaves a file behind: it is written beside the target and renamed into place
// only once pg_dump succeeded.
class Backup final
{
public:
    // How far a dump or restore is, in tables: called as each table's rows are written or read.
    using Progress = std::function<void(int done, int total)>;

    // Writes a snapshot of `source` (one transaction) to `file`, replacing it if it exists.
    // `source` must be a superuser or a role with BYPASSRLS.
    static Result<void> dump(const ConnectionSettings &source, const QString &file,
                             const Progress &progress = {});

    // Restores `file` into `target`, an existing database that must hold no tables. The objects
    // end up owned by the role `target` connects as (the role the server will log in as), and the
    // roles row-level security is written for (authenticated, service_role) must exist and be
    // granted to it. Everything or nothing: one transaction.
    static Result<void> restore(const QString &file, const ConnectionSettings &target,
                                const Progress &progress = {});

    // The embedded mode's generated secrets (the key that seals stored provider credentials among
    // them) live in the data folder, not the database: its backup carries them in this private
    // file beside the dump, without which a restored clinic reconnects Twilio and Google.
    static QString secretsFileFor(const QString &file) { return file + u".secrets.ini"; }
    // An embedded install: the dump as the cluster's superuser, then the data folder's secrets.
    static Result<void> dumpEmbedded(const ConnectionSettings &superuser, const QString &dataDir,
                                     const QString &file, const Progress &progress = {});
    // Restores into the embedded cluster of `dataDir` and puts the backup's secrets there.
    // Answers whether the secrets were found beside the dump.
    static Result<bool> restoreEmbedded(const QString &file, const ConnectionSettings &target,
                                        const QString &dataDir, const Progress &progress = {});

    // Copies `from` to `to`, readable by its owner only, replacing `to` only once complete.
    static Result<void> copyPrivately(const QString &from, const QString &to);
};

} // namespace vox::db
