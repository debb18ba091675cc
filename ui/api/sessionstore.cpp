#include "ui/api/sessionstore.h"

#include "core/logging/log.h"

#include <QPointer>

#include <qt6keychain/keychain.h>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

bool meansNoKeychain(QKeychain::Error error)
{
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError || error == QKeychain::AccessDenied;
}

} // namespace

SessionStore::SessionStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service))
{}

SessionStore::~SessionStore() = default;

void SessionStore::forceMemoryOnly()
{
    m_backend = Backend::MemoryOnly;
}

void SessionStore::fallBackToMemory(const QString &detail)
{
    if (m_backend == Backend::MemoryOnly)
        return;
    m_backend = Backend::MemoryOnly;
    log::warn("console.session", u"No keychain service; the session stays in memory only."_s,
              {{u"detail"_s, detail}});
    emit keychainUnavailable(
        tr("This computer has no password keychain, so Voxanne cannot remember your sign-in. "
           "You will be asked to sign in again next time."));
}

void SessionStore::load(const QString &account, QObject *context, std::function<void(QString)> done)
{
    if (m_backend == Backend::MemoryOnly) {
        done(m_memory.value(account));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [this, job, account, guard, done = std::move(done)] {
                QString token;
                if (job->error() == QKeychain::NoError)
                    token = job->textData();
                else if (job->error() != QKeychain::EntryNotFound && meansNoKeychain(job->error()))
                    fallBackToMemory(job->errorString());
                if (token.isEmpty())
                    token = m_memory.value(account);
                if (guard)
                    done(token);
            });
    job->start();
}

void SessionStore::save(const QString &account, const QString &token)
{
    m_memory.insert(account, token);
    if (m_backend == Backend::MemoryOnly)
        return;
    Pending &pending = m_pending[account];
    pending.hasNext = true;
    pending.next = token;
    if (!pending.busy)
        writeNext(account);
}

void SessionStore::remove(const QString &account)
{
    m_memory.remove(account);
    if (m_backend == Backend::MemoryOnly)
        return;
    Pending &pending = m_pending[account];
    pending.hasNext = true;
    pending.next.clear();
    if (!pending.busy)
        writeNext(account);
}

void SessionStore::writeNext(const QString &account)
{
    Pending &pending = m_pending[account];
    if (!pending.hasNext || m_backend == Backend::MemoryOnly) {
        pending.busy = false;
        return;
    }
    pending.busy = true;
    pending.hasNext = false;
    const QString value = std::exchange(pending.next, {});
    QKeychain::Job *job = nullptr;
    if (value.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(m_service, this);
    } else {
        auto *write = new QKeychain::WritePasswordJob(m_service, this);
        write->setTextData(value);
        job = write;
    }
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, job, account] {
        const QKeychain::Error error = job->error();
        if (error != QKeychain::NoError && error != QKeychain::EntryNotFound &&
            meansNoKeychain(error))
            fallBackToMemory(job->errorString());
        writeNext(account);
    });
    job->start();
}

} // namespace vox::ui
