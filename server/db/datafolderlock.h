#pragma once

#include "core/result.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace vox::db {

// One server per data folder. A second server started on the same folder would adopt the first
// one's PostgreSQL (it answers, as a cluster left by a killed server does) and stop it when it
// quits, leaving the first serving pages that all fail. The lock is a file the operating system
// ties to this process: a server that was killed leaves a stale lock that the next start takes
// over, so adopting a killed server's cluster keeps working.
class DataFolderLock final
{
    Q_DISABLE_COPY_MOVE(DataFolderLock)

public:
    ~DataFolderLock();

    // Conflict when another live process holds the folder, with its process id in the message.
    static Result<std::unique_ptr<DataFolderLock>> acquire(const QString &dataDir);

    static QString fileName() { return QStringLiteral("server.lock"); }

private:
    explicit DataFolderLock(const QString &path);

    QLockFile m_lock;
};

} // namespace vox::db
