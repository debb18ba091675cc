// The credential store (S-credentials): secrets sealed per org and provider, still readable after
// a key rotation through ENCRYPTION_KEYS_PREVIOUS, and `voxanne-server credentials reencrypt`
// moving every row to the current key.
#include "server/db/database.h"
#include "server/services/credentialstore.h"
#include "server/services/livecalls.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::server::CredentialStore;

namespace {
const QString oldKey = QString::fromLatin1(QByteArray(32, 'o').toBase64());
const QString newKey = QString::fromLatin1(QByteArray(32, 'n').toBase64());
} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::db::Database> m_database;
    std::unique_ptr<vox::db::Connection> m_admin;

    static vox::crypto::KeyRing ring(const QString &current, const QStringList &previous = {})
    {
        return vox::crypto::KeyRing::fromBase64(current, previous).value();
    }
    QString newOrg()
    {
        return m_admin->exec("INSERT INTO organizations (name) VALUES ('Vault') RETURNING id")
            ->text(0, 0);
    }
    vox::Result<void> save(const CredentialStore &store, const QString &org,
                           const QString &provider, const QJsonObject &secret)
    {
        auto done = m_database->transaction<bool>(
            vox::db::Access::service(), [&](vox::db::Transaction &tx) -> vox::Result<bool> {
                auto s = store.save(tx, org, provider, secret, {{u"hint"_s, u"shown"_s}},
                                    u"active"_s, QString());
                if (!s)
                    return s.error();
                return true;
            });
        if (!done)
            return done.error();
        return {};
    }
    vox::Result<std::optional<QJsonObject>> reveal(const CredentialStore &store, const QString &org,
                                                   const QString &provider)
    {
        return m_database->transaction<std::optional<QJsonObject>>(
            vox::db::Access::service(),
            [&](vox::db::Transaction &tx) { return store.reveal(tx, org, provider); });
    }
    QString keyIdOf(const QString &org, const QString &provider)
    {
        return m_admin
            ->exec("SELECT key_id FROM org_credentials WHERE org_id = $1::uuid AND provider = $2",
                   {org, provider})
            ->text(0, 0);
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"credentialstore"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_database = std::make_unique<vox::db::Database>(m_db->settings());
        m_admin = m_db->connectAsAdmin();
        QVERIFY(m_admin);
    }

    void aSecretOpensOnlyInItsOwnRow()
    {
        const auto keys = ring(newKey);
        const CredentialStore store(keys);
        const QString a = newOrg();
        const QString b = newOrg();
        QVERIFY(save(store, a, u"twilio"_s, {{u"auth_token"_s, u"token-of-a"_s}}).ok());
        QVERIFY(save(store, b, u"twilio"_s, {{u"auth_token"_s, u"token-of-b"_s}}).ok());
        auto opened = reveal(store, a, u"twilio"_s);
        QVERIFY(opened.ok() && opened->has_value());
        QCOMPARE((*opened)->value(u"auth_token"_s).toString(), u"token-of-a"_s);
        // Org A's ciphertext pasted into org B's row (or A's Google row) does not open.
        QVERIFY(m_admin->exec("UPDATE org_credentials SET ciphertext = (SELECT ciphertext FROM "
                              "org_credentials WHERE org_id = $1::uuid AND provider = 'twilio') "
                              "WHERE org_id = $2::uuid AND provider = 'twilio'",
                              {a, b}));
        auto moved = reveal(store, b, u"twilio"_s);
        QVERIFY(!moved.ok());
        QVERIFY(!moved.errorMessage().contains(u"token-of"_s));
        QVERIFY(m_admin->exec("INSERT INTO org_credentials (org_id, provider, key_id, ciphertext) "
                              "SELECT org_id, 'google', key_id, ciphertext FROM org_credentials "
                              "WHERE org_id = $1::uuid AND provider = 'twilio'",
                              {a}));
        QVERIFY(!reveal(store, a, u"google"_s).ok());
        // Nothing stored: nothing to open, and that is not an error.
        auto none = reveal(store, a, u"resend"_s);
        QVERIFY(none.ok() && !none->has_value());
    }

    void aRotatedKeyStillOpensOldRowsUntilReencrypted()
    {
        const QString org = newOrg();
        const auto before = ring(oldKey);
        QVERIFY(
            save(CredentialStore(before), org, u"resend"_s, {{u"api_key"_s, u"re_old"_s}}).ok());
        QCOMPARE(keyIdOf(org, u"resend"_s), before.currentKeyId());

        // The new key alone cannot read it; with the old one as "previous" it can.
        QVERIFY(!reveal(CredentialStore(ring(newKey)), org, u"resend"_s).ok());
        const auto rotated = ring(newKey, {oldKey});
        const CredentialStore store(rotated);
        auto opened = reveal(store, org, u"resend"_s);
        QVERIFY(opened.ok() && opened->has_value());
        QCOMPARE((*opened)->value(u"api_key"_s).toString(), u"re_old"_s);

        auto rewritten = store.reencryptAll(*m_database);
        QVERIFY2(rewritten.ok(), qPrintable(rewritten.ok() ? QString() : rewritten.errorMessage()));
        QVERIFY(*rewritten >= 1);
        QCOMPARE(keyIdOf(org, u"resend"_s), rotated.currentKeyId());
        // Now the new key alone suffices, and a second run has nothing to do.
        QCOMPARE((*reveal(CredentialStore(ring(newKey)), org, u"resend"_s))
                     ->value(u"api_key"_s)
                     .toString(),
                 u"re_old"_s);
        QCOMPARE(*store.reencryptAll(*m_database), 0);
    }

    void theReencryptCommandRotatesEveryRow()
    {
        // Rows left by the tests above that no key opens would stop the command: start clean.
        QVERIFY(m_admin->exec("DELETE FROM org_credentials"));
        const QString org = newOrg();
        QVERIFY(save(CredentialStore(ring(oldKey)), org, u"twilio"_s, {{u"auth_token"_s, u"t"_s}})
                    .ok());
        QVERIFY(
            save(CredentialStore(ring(oldKey)), org, u"google"_s, {{u"refresh_token"_s, u"r"_s}})
                .ok());

        // A call going on: its monitor addresses, sealed under the old key too.
        const auto old = ring(oldKey);
        const QByteArray aad = vox::server::LiveCalls::monitorAssociatedData(org, u"vapi-live-1"_s);
        QVERIFY(m_admin->exec(
            "INSERT INTO call_monitors (vapi_call_id, org_id, key_id, listen_url, control_url) "
            "VALUES ('vapi-live-1', $1::uuid, $2, $3::bytea, NULL)",
            {org, old.currentKeyId(),
             vox::db::Param::bytea(old.seal("wss://phone.vapi.ai/live-1/listen", aad).blob)}));

        QTemporaryDir data;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"VOXANNE_DATABASE_URL"_s, m_db->url());
        env.insert(u"VOXANNE_DATA_DIR"_s, data.path());
        env.insert(u"JWT_SECRET"_s, u"a-jwt-secret-for-the-command-test-0123"_s);
        env.insert(u"VAPI_WEBHOOK_SECRET"_s, u"webhook"_s);
        env.insert(u"VAPI_PRIVATE_KEY"_s, u"vapi"_s);
        env.insert(u"BACKEND_URL"_s, u"http://127.0.0.1:1"_s);
        env.insert(u"ENCRYPTION_KEY"_s, newKey);
        for (const QString &setting : vox::test::TestServer::providerUrlSettings)
            env.insert(setting, vox::test::TestServer::unreachableProvider);
        const QString binary = QStringLiteral(VOXANNE_BINARY_DIR) + u"/app/voxanne-server"_s;

        // Without the old key the command refuses and changes nothing.
        QProcess refused;
        refused.setProcessEnvironment(env);
        refused.start(binary, {u"credentials"_s, u"reencrypt"_s});
        QVERIFY(refused.waitForFinished(60000));
        QCOMPARE(refused.exitCode(), 1);
        QVERIFY(
            QString::fromUtf8(refused.readAllStandardError()).contains(u"cannot be decrypted"_s));
        QCOMPARE(keyIdOf(org, u"twilio"_s), ring(oldKey).currentKeyId());

        env.insert(u"ENCRYPTION_KEYS_PREVIOUS"_s, oldKey);
        QProcess command;
        command.setProcessEnvironment(env);
        command.start(binary, {u"credentials"_s, u"reencrypt"_s});
        QVERIFY(command.waitForFinished(60000));
        QCOMPARE(command.exitCode(), 0);
        QVERIFY(QString::fromUtf8(command.readAllStandardOutput())
                    .contains(u"re-encrypted 2 credential(s) and the monitor addresses of 1 "
                              "live call(s) under key "_s +
                              ring(newKey).currentKeyId()));
        for (const QString &provider : {u"twilio"_s, u"google"_s})
            QCOMPARE(keyIdOf(org, provider), ring(newKey).currentKeyId());
        // The new key alone now opens the call's address, and the missing one stays missing.
        auto monitor = m_admin->exec("SELECT key_id, listen_url, control_url IS NULL FROM "
                                     "call_monitors WHERE vapi_call_id = 'vapi-live-1'");
        QVERIFY(monitor);
        QCOMPARE(monitor->text(0, 0), ring(newKey).currentKeyId());
        auto opened = ring(newKey).open(monitor->text(0, 0), monitor->toBytea(0, 1), aad);
        QVERIFY(opened);
        QCOMPARE(*opened, QByteArray("wss://phone.vapi.ai/live-1/listen"));
        QVERIFY(monitor->toBool(0, 2));
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
