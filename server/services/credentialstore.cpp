#include "server/services/credentialstore.h"

#include "core/logging/log.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

QByteArray CredentialStore::associatedData(const QString &orgId, const QString &provider)
{
    return "voxanne/org_credentials/" + orgId.toLower().toLatin1() + '/' + provider.toLatin1();
}

QString CredentialStore::lastFour(const QString &value)
{
    return value.size() <= 4 ? QString() : value.right(4);
}

Result<void> CredentialStore::save(db::Transaction &tx, const QString &orgId,
                                   const QString &provider, const QJsonObject &secret,
                                   const QJsonObject &metadata, const QString &status,
                                   const QString &userId) const
{
    const auto sealed = m_keys.seal(QJsonDocument(secret).toJson(QJsonDocument::Compact),
                                    associatedData(orgId, provider));
    auto row = tx.exec(
        "INSERT INTO org_credentials (org_id, provider, key_id, ciphertext, metadata, status, "
        "status_detail, created_by) VALUES ($1::uuid, $2, $3, $4::bytea, $5::jsonb, $6, NULL, "
        "$7::uuid) ON CONFLICT (org_id, provider) DO UPDATE SET key_id = EXCLUDED.key_id, "
        "ciphertext = EXCLUDED.ciphertext, metadata = EXCLUDED.metadata, status = "
        "EXCLUDED.status, status_detail = NULL, created_by = EXCLUDED.created_by",
        {orgId, provider, sealed.keyId, db::Param::bytea(sealed.blob), QJsonValue(metadata), status,
         userId.isEmpty() ? QString() : userId});
    if (!row)
        return row.error();
    return {};
}

Result<void> CredentialStore::replaceSecret(db::Transaction &tx, const QString &orgId,
                                            const QString &provider,
                                            const QJsonObject &secret) const
{
    const auto sealed = m_keys.seal(QJsonDocument(secret).toJson(QJsonDocument::Compact),
                                    associatedData(orgId, provider));
    auto row = tx.exec("UPDATE org_credentials SET key_id = $3, ciphertext = $4::bytea "
                       "WHERE org_id = $1::uuid AND provider = $2",
                       {orgId, provider, sealed.keyId, db::Param::bytea(sealed.blob)});
    if (!row)
        return row.error();
    return {};
}

Result<void> CredentialStore::setStatus(db::Transaction &tx, const QString &orgId,
                                        const QString &provider, const QString &status,
                                        const QString &detail) const
{
    auto row = tx.exec("UPDATE org_credentials SET status = $3, status_detail = $4 "
                       "WHERE org_id = $1::uuid AND provider = $2",
                       {orgId, provider, status, detail.isEmpty() ? QString() : detail});
    if (!row)
        return row.error();
    return {};
}

Result<void> CredentialStore::mergeMetadata(db::Transaction &tx, const QString &orgId,
                                            const QString &provider,
                                            const QJsonObject &fields) const
{
    auto row = tx.exec("UPDATE org_credentials SET metadata = metadata || $3::jsonb "
                       "WHERE org_id = $1::uuid AND provider = $2",
                       {orgId, provider, QJsonValue(fields)});
    if (!row)
        return row.error();
    return {};
}

Result<bool> CredentialStore::remove(db::Transaction &tx, const QString &orgId,
                                     const QString &provider) const
{
    auto row = tx.exec("DELETE FROM org_credentials WHERE org_id = $1::uuid AND provider = $2",
                       {orgId, provider});
    if (!row)
        return row.error();
    return row->affectedRows() > 0;
}

Result<std::optional<CredentialStore::Summary>>
CredentialStore::describe(db::Transaction &tx, const QString &orgId, const QString &provider) const
{
    auto row = tx.exec("SELECT id, status, status_detail, metadata, key_id, created_by, updated_at "
                       "FROM org_credentials WHERE org_id = $1::uuid AND provider = $2",
                       {orgId, provider});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return std::optional<Summary>();
    Summary s;
    s.id = row->text(0, 0);
    s.status = row->text(0, 1);
    s.statusDetail = row->text(0, 2);
    s.metadata = row->toJson(0, 3).toObject();
    s.keyId = row->text(0, 4);
    s.createdBy = row->text(0, 5);
    s.updatedAt = row->toDateTime(0, 6);
    return std::optional<Summary>(s);
}

Result<std::optional<QJsonObject>>
CredentialStore::reveal(db::Transaction &tx, const QString &orgId, const QString &provider) const
{
    auto row = tx.exec("SELECT key_id, ciphertext FROM org_credentials "
                       "WHERE org_id = $1::uuid AND provider = $2",
                       {orgId, provider});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return std::optional<QJsonObject>();
    auto opened = m_keys.open(row->text(0, 0), row->toBytea(0, 1), associatedData(orgId, provider));
    if (!opened) {
        // Never the blob or the key: which row and why is enough to act on.
        log::error("credentials", u"A stored credential could not be decrypted."_s,
                   {{u"org_id"_s, orgId},
                    {u"provider"_s, provider},
                    {u"key_id"_s, row->text(0, 0)},
                    {u"reason"_s, opened.errorMessage()}});
        return fail(u"The stored %1 credentials cannot be read with this server's encryption "
                    "keys; enter them again."_s.arg(provider));
    }
    const QJsonDocument doc = QJsonDocument::fromJson(*opened);
    if (!doc.isObject())
        return fail(u"The stored %1 credentials are damaged; enter them again."_s.arg(provider));
    return std::optional<QJsonObject>(doc.object());
}

Result<CredentialStore::Snapshot>
CredentialStore::snapshot(db::Transaction &tx, const QString &orgId, const QString &provider) const
{
    auto row = tx.exec("SELECT key_id, ciphertext, metadata, status, status_detail, created_by "
                       "FROM org_credentials WHERE org_id = $1::uuid AND provider = $2",
                       {orgId, provider});
    if (!row)
        return row.error();
    Snapshot s;
    if (row->isEmpty())
        return s;
    s.existed = true;
    s.keyId = row->text(0, 0);
    s.ciphertext = row->toBytea(0, 1);
    s.metadata = row->toJson(0, 2).toObject();
    s.status = row->text(0, 3);
    s.statusDetail = row->text(0, 4);
    s.createdBy = row->text(0, 5);
    return s;
}

Result<void> CredentialStore::restore(db::Transaction &tx, const QString &orgId,
                                      const QString &provider, const Snapshot &previous) const
{
    if (!previous.existed) {
        auto gone = remove(tx, orgId, provider);
        if (!gone)
            return gone.error();
        return {};
    }
    auto row = tx.exec(
        "INSERT INTO org_credentials (org_id, provider, key_id, ciphertext, metadata, status, "
        "status_detail, created_by) VALUES ($1::uuid, $2, $3, $4::bytea, $5::jsonb, $6, $7, "
        "$8::uuid) ON CONFLICT (org_id, provider) DO UPDATE SET key_id = EXCLUDED.key_id, "
        "ciphertext = EXCLUDED.ciphertext, metadata = EXCLUDED.metadata, status = "
        "EXCLUDED.status, status_detail = EXCLUDED.status_detail, created_by = "
        "EXCLUDED.created_by",
        {orgId, provider, previous.keyId, db::Param::bytea(previous.ciphertext),
         QJsonValue(previous.metadata), previous.status,
         previous.statusDetail.isEmpty() ? QString() : previous.statusDetail,
         previous.createdBy.isEmpty() ? QString() : previous.createdBy});
    if (!row)
        return row.error();
    return {};
}

Result<int> CredentialStore::reencryptAll(db::Database &database) const
{
    // One row per transaction, locked while it is rewritten: a server running beside the
    // command keeps working, and an interrupted run simply continues where it stopped.
    int rewritten = 0;
    while (true) {
        auto done = database.transaction<bool>(
            db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
                auto row = tx.exec("SELECT id, org_id, provider, key_id, ciphertext FROM "
                                   "org_credentials WHERE key_id <> $1 ORDER BY id "
                                   "LIMIT 1 FOR UPDATE SKIP LOCKED",
                                   {m_keys.currentKeyId()});
                if (!row)
                    return row.error();
                if (row->isEmpty())
                    return false;
                const QString orgId = row->text(0, 1);
                const QString provider = row->text(0, 2);
                const QByteArray aad = associatedData(orgId, provider);
                auto plain = m_keys.open(row->text(0, 3), row->toBytea(0, 4), aad);
                if (!plain)
                    return fail(u"Credential %1 (%2) cannot be decrypted: %3"_s.arg(
                        row->text(0, 0), provider, plain.errorMessage()));
                const auto sealed = m_keys.seal(*plain, aad);
                auto updated =
                    tx.exec("UPDATE org_credentials SET key_id = $2, ciphertext = "
                            "$3::bytea WHERE id = $1::uuid",
                            {row->text(0, 0), sealed.keyId, db::Param::bytea(sealed.blob)});
                if (!updated)
                    return updated.error();
                return true;
            });
        if (!done)
            return done.error();
        if (!*done)
            return rewritten;
        ++rewritten;
    }
}

} // namespace vox::server
