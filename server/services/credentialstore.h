#pragma once

#include "core/crypto/aesgcm.h"
#include "core/result.h"
#include "server/db/database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace vox::server {

// org_credentials: the one store of a clinic's Twilio, Google and Resend secrets. A secret is a
// small JSON object sealed with AES-256-GCM under the server's current key; the additional data
// binds the ciphertext to its org and provider, so a blob copied to another row does not open. Only
// `metadata` (last four characters, connected e-mail, ids at the provider) is ever shown; the
// secret is opened only where it is about to be used.
class CredentialStore
{
public:
    static inline const QString twilio = QStringLiteral("twilio");
    static inline const QString google = QStringLiteral("google");
    static inline const QString resend = QStringLiteral("resend");

    explicit CredentialStore(const crypto::KeyRing &keys)
        : m_keys(keys)
    {}

    // What may be shown about a stored credential.
    struct Summary
    {
        QString id;
        QString status; // active, broken, syncing
        QString statusDetail;
        QJsonObject metadata;
        QString keyId;
        QString createdBy;
        QDateTime updatedAt;
    };

    // The previous state of a row, so a multi-step change can put it back exactly.
    struct Snapshot
    {
        bool existed = false;
        QString keyId;
        QByteArray ciphertext;
        QJsonObject metadata;
        QString status;
        QString statusDetail;
        QString createdBy;
    };

    // Seals `secret` and inserts or replaces the org's row for `provider`.
    Result<void> save(db::Transaction &tx, const QString &orgId, const QString &provider,
                      const QJsonObject &secret, const QJsonObject &metadata, const QString &status,
                      const QString &userId) const;
    // Re-seals the secret of an existing row, keeping everything else (a refreshed access token).
    Result<void> replaceSecret(db::Transaction &tx, const QString &orgId, const QString &provider,
                               const QJsonObject &secret) const;
    Result<void> setStatus(db::Transaction &tx, const QString &orgId, const QString &provider,
                           const QString &status, const QString &detail = {}) const;
    Result<void> mergeMetadata(db::Transaction &tx, const QString &orgId, const QString &provider,
                               const QJsonObject &fields) const;
    Result<bool> remove(db::Transaction &tx, const QString &orgId, const QString &provider) const;

    Result<std::optional<Summary>> describe(db::Transaction &tx, const QString &orgId,
                                            const QString &provider) const;
    // Decrypts the secret: call it right before the provider call that needs it.
    Result<std::optional<QJsonObject>> reveal(db::Transaction &tx, const QString &orgId,
                                              const QString &provider) const;

    Result<Snapshot> snapshot(db::Transaction &tx, const QString &orgId,
                              const QString &provider) const;
    Result<void> restore(db::Transaction &tx, const QString &orgId, const QString &provider,
                         const Snapshot &previous) const;

    // Rotation: every row sealed under an older key is opened and sealed again under the current
    // key (`voxanne-server credentials reencrypt`). Returns how many rows were rewritten.
    Result<int> reencryptAll(db::Database &database) const;

    static QByteArray associatedData(const QString &orgId, const QString &provider);
    // The last four characters of a secret or id, for "configured, ending in 1234".
    static QString lastFour(const QString &value);

private:
    const crypto::KeyRing &m_keys;
};

} // namespace vox::server
