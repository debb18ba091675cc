#include "server/db/datafolderlock.h"

#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace vox::db {

DataFolderLock::DataFolderLock(const QString &path)
    : m_lock(path)
{
    // Only a dead owner makes the lock stale, never its age: a server runs for months.
    m_lock.setStaleLockTime(0);
}

DataFolderLock::~DataFolderLock()
{
    m_lock.unlock();
}

Result<std::unique_ptr<DataFolderLock>> DataFolderLock::acquire(const QString &dataDir)
{
    const QDir dir(dataDir);
    if (!dir.exists() && !QDir().mkpath(dir.absolutePath()))
        return fail(u"Cannot create the data folder %1."_s.arg(dir.absolutePath()),
                    ErrorKind::Unavailable);
    std::unique_ptr<DataFolderLock> lock(new DataFolderLock(dir.filePath(fileName())));
    if (lock->m_lock.tryLock(0))
        return lock;
    if (lock->m_lock.error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString application;
        lock->m_lock.getLockInfo(&pid, &host, &application);
        return fail(u"The data folder %1 is in use by another Voxanne server (process %2 on this "
                    "computer). Stop that one first, or give this one its own data folder."_s
                        .arg(dir.absolutePath())
                        .arg(pid),
                    ErrorKind::Conflict);
    }
    return fail(u"Cannot lock the data folder %1: it is not writable."_s.arg(dir.absolutePath()),
                ErrorKind::Unavailable);
}

} // namespace vox::db
