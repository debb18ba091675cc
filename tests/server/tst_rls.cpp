// Row-level security at the database level: with one org's claims, no statement reaches
// another org's rows in any tenant table.
#include "server/db/database.h"
#include "server/http/router.h"
#include "testdatabase.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString orgA = u"aaaaaaaa-0000-0000-0000-00000000000a"_s;
const QString orgB = u"bbbbbbbb-0000-0000-0000-00000000000b"_s;

// The claims the server sets for a signed-in user (db::Access::claimsJson): the org and the
// user's role in it.
QByteArray claimsFor(const QString &org, const QString &userRole = u"owner"_s)
{
    return QJsonDocument(QJsonObject{{u"sub"_s, u"00000000-0000-0000-0000-000000000000"_s},
                                     {u"role"_s, u"authenticated"_s},
                                     {u"app_metadata"_s,
                                      QJsonObject{{u"org_id"_s, org}, {u"role"_s, userRole}}}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

class TestRls : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::db::Connection> m_app;
    QStringList m_tenantTables;

    // Opens a transaction in the authenticated role with `claims` (as db::Database does for a
    // request); the caller rolls it back.
    void beginAuthenticated(const QByteArray &claims)
    {
        (void)m_app->execScript(
            "BEGIN; SELECT set_config('role', 'authenticated', true), set_config("
            "'request.jwt.claims', " +
            m_app->literal(claims) + ", true)");
    }

    // Runs `sql` as `authenticated` with `claims`, in a transaction rolled back afterwards.
    vox::Result<vox::db::PgResult> asClaims(const QByteArray &claims, const QByteArray &sql,
                                            const vox::db::Params &params = {})
    {
        beginAuthenticated(claims);
        auto result = m_app->execUncached(sql, params);
        (void)m_app->execScript("ROLLBACK");
        return result;
    }

    // The same with org A's claims.
    vox::Result<vox::db::PgResult> asOrgA(const QByteArray &sql, const vox::db::Params &params = {},
                                          const QString &userRole = u"owner"_s)
    {
        return asClaims(claimsFor(orgA, userRole), sql, params);
    }

    QString orgColumn(const QString &table) const
    {
        return table == u"organizations" ? u"id"_s : u"org_id"_s;
    }
    // Tables `authenticated` has no privileges on at all: every statement is refused outright.
    static bool serviceOnly(const QString &table)
    {
        return table == u"jobs" || table == u"refresh_tokens";
    }
    // Tables `authenticated` may only read (the service role writes them).
    static bool readOnly(const QString &table) { return table == u"webhook_problems"; }
    // Tables nobody may change or delete from once written (the access log).
    static bool appendOnly(const QString &table) { return table == u"phi_access_log"; }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"rls"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        QFile fixture(QStringLiteral(VOXANNE_TEST_FIXTURES) + u"/tenant_rows.sql"_s);
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        const QByteArray sql = fixture.readAll();
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin);
        int n = 1;
        for (const QString &org : {orgA, orgB}) {
            QByteArray rows = sql;
            rows.replace("{{ORG_PREFIX}}", org.left(8).toLatin1());
            rows.replace("{{ORG}}", org.toLatin1());
            rows.replace("{{N}}", QByteArray::number(n++));
            const auto inserted = admin->execScript(rows);
            QVERIFY2(inserted.ok(),
                     qPrintable(inserted.ok() ? QString() : inserted.errorMessage()));
        }
        // Every table that carries an org_id is a tenant table, plus organizations itself.
        const auto tables =
            admin->exec("SELECT c.table_name FROM information_schema.columns c "
                        "JOIN information_schema.tables t USING (table_schema, table_name) "
                        "WHERE c.table_schema = 'public' AND c.column_name = 'org_id' AND "
                        "t.table_type = 'BASE TABLE' "
                        "ORDER BY 1");
        QVERIFY(tables.ok());
        m_tenantTables << u"organizations"_s;
        for (int r = 0; r < tables->rowCount(); ++r)
            m_tenantTables << tables->text(r, 0);
        QVERIFY(m_tenantTables.size() >= 20);
        m_app = m_db->connect();
        QVERIFY(m_app);
    }

    void everyTenantTableHasForcedRlsAndBothPolicies()
    {
        auto admin = m_db->connectAsAdmin();
        for (const QString &table : std::as_const(m_tenantTables)) {
            const auto rls = admin->exec("SELECT relrowsecurity, relforcerowsecurity FROM pg_class "
                                         "WHERE oid = to_regclass($1)",
                                         {table});
            QVERIFY2(rls->toBool(0, 0) && rls->toBool(0, 1),
                     qPrintable(table + u": RLS not enabled and forced"_s));
            const auto policies = admin->exec(
                "SELECT array_agg(roles::text ORDER BY policyname)::text FROM pg_policies "
                "WHERE tablename = $1",
                {table});
            const QString roles = policies->text(0, 0);
            QVERIFY2(roles.contains(u"authenticated"_s) || table == u"jobs" ||
                         table == u"rate_limit_buckets",
                     qPrintable(table + u" has no policy for authenticated: "_s + roles));
            QVERIFY2(roles.contains(u"service_role"_s),
                     qPrintable(table + u" has no service_role policy"_s));
        }
    }

    void theFixtureCoversEveryTenantTable()
    {
        auto admin = m_db->connectAsAdmin();
        for (const QString &table : std::as_const(m_tenantTables)) {
            const auto counts = admin->execUncached(
                "SELECT count(*) FILTER (WHERE " + orgColumn(table).toLatin1() +
                    " = $1::uuid), count(*) FILTER (WHERE " + orgColumn(table).toLatin1() +
                    " = $2::uuid) FROM " + table.toLatin1(),
                {orgA, orgB});
            QVERIFY2(counts.ok(), qPrintable(table));
            QVERIFY2(counts->toInt(0, 0) > 0 && counts->toInt(0, 1) > 0,
                     qPrintable(u"tenant_rows.sql has no rows for both orgs in "_s + table));
        }
    }

    void selectSeesOnlyTheCallersOrg()
    {
        for (const QString &table : std::as_const(m_tenantTables)) {
            const QByteArray column = orgColumn(table).toLatin1();
            const auto counts = asOrgA("SELECT count(*) FILTER (WHERE " + column +
                                           " = $1::uuid), "
                                           "count(*) FILTER (WHERE " +
                                           column + " <> $1::uuid) FROM " + table.toLatin1(),
                                       {orgA});
            if (serviceOnly(table)) {
                QVERIFY2(!counts.ok() && counts.errorMessage().contains(u"permission denied"_s),
                         qPrintable(table));
                continue;
            }
            QVERIFY2(counts.ok(), qPrintable(table + u": "_s +
                                             (counts.ok() ? QString() : counts.errorMessage())));
            QVERIFY2(counts->toInt(0, 0) > 0,
                     qPrintable(table + u": org A cannot see its own rows"_s));
            QCOMPARE(counts->toInt(0, 1), 0);
        }
    }

    void insertingARowForAnotherOrgFails()
    {
        auto admin = m_db->connectAsAdmin();
        for (const QString &table : std::as_const(m_tenantTables)) {
            if (table == u"organizations")
                continue; // not insertable by `authenticated` at all (only sign-up creates orgs)
            // Org B's own row, re-inserted with a new id by org A.
            const auto columns = admin->exec(
                "SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position) "
                "FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 "
                "AND is_generated = 'NEVER' AND is_identity = 'NO'",
                {table});
            const QByteArray cols = columns->text(0, 0).toLatin1();
            const auto row = admin->execUncached("SELECT row_to_json(t) FROM " + table.toLatin1() +
                                                     " t WHERE org_id = $1::uuid LIMIT 1",
                                                 {orgB});
            QJsonObject json = row->toJson(0, 0).toObject();
            if (json.contains(u"id"_s) && json.value(u"id"_s).isString())
                json[u"id"_s] = u"cccccccc-0000-0000-0000-0000000000%1"_s.arg(
                    int(m_tenantTables.indexOf(table)), 2, 10, QChar(u'0'));
            const auto inserted =
                asOrgA("INSERT INTO " + table.toLatin1() + " (" + cols + ") SELECT " + cols +
                           " FROM json_populate_record(NULL::" + table.toLatin1() + ", $1::json)",
                       {QJsonValue(json)});
            QVERIFY2(!inserted.ok(), qPrintable(table + u": org A inserted a row for org B"_s));
            const QString expected = serviceOnly(table) || readOnly(table)
                                         ? u"permission denied"_s
                                         : u"row-level security"_s;
            QVERIFY2(inserted.errorMessage().contains(expected),
                     qPrintable(table + u": "_s + inserted.errorMessage()));
        }
    }

    void updatesAndDeletesCannotReachOrMoveRows()
    {
        for (const QString &table : std::as_const(m_tenantTables)) {
            if (table == u"organizations")
                continue;
            const QByteArray t = table.toLatin1();
            const auto deleted = asOrgA("DELETE FROM " + t + " WHERE org_id = $1::uuid", {orgB});
            if (serviceOnly(table) || readOnly(table) || appendOnly(table)) {
                QVERIFY2(!deleted.ok(), qPrintable(table));
                continue;
            }
            QVERIFY2(deleted.ok(), qPrintable(table));
            QCOMPARE(deleted->affectedRows(), 0);
            const auto moved = asOrgA(
                "UPDATE " + t + " SET org_id = $1::uuid WHERE org_id = $2::uuid", {orgB, orgA});
            QVERIFY2(!moved.ok(), qPrintable(table + u": org A moved its rows to org B"_s));
        }
        const auto renamed =
            asOrgA("UPDATE organizations SET name = 'taken' WHERE id = $1::uuid", {orgB});
        QVERIFY(renamed.ok());
        QCOMPARE(renamed->affectedRows(), 0);
    }

    // Kept webhook problems are for the clinic's owners and admins, not every staff member.
    void onlyOwnersAndAdminsReadWebhookProblems_data()
    {
        QTest::addColumn<QString>("userRole");
        QTest::addColumn<qint64>("visible");
        QTest::newRow("owner") << u"owner"_s << qint64(1);
        QTest::newRow("admin") << u"admin"_s << qint64(1);
        QTest::newRow("staff") << u"staff"_s << qint64(0);
        QTest::newRow("no role") << QString() << qint64(0);
    }
    void onlyOwnersAndAdminsReadWebhookProblems()
    {
        QFETCH(QString, userRole);
        QFETCH(qint64, visible);
        const auto rows = asOrgA("SELECT count(*) FROM webhook_problems", {}, userRole);
        QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.errorMessage()));
        QCOMPARE(rows->toInt(0, 0), visible);
    }

    // The queue is the service role's table; vox_queue_job is a user's transaction's one door to
    // it, and only for their own clinic's work. A key another clinic's job holds is not theirs to
    // re-arm.
    void aUsersTransactionQueuesOnlyItsOwnClinicsWork_data()
    {
        QTest::addColumn<QString>("org");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("sqlstate"); // empty: allowed
        QTest::addColumn<bool>("queued");

        QTest::newRow("its own clinic") << orgA << QString() << QString() << true;
        QTest::newRow("another clinic") << orgB << QString() << u"42501"_s << false;
        QTest::newRow("platform work") << QString() << QString() << u"42501"_s << false;
        QTest::newRow("a key another clinic's finished job holds")
            << orgA << u"rls-shared-key"_s << QString() << false;
    }

    void aUsersTransactionQueuesOnlyItsOwnClinicsWork()
    {
        QFETCH(QString, org);
        QFETCH(QString, key);
        QFETCH(QString, sqlstate);
        QFETCH(bool, queued);
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin);
        QVERIFY(admin
                    ->execScript("DELETE FROM jobs WHERE unique_key = 'rls-shared-key'; "
                                 "INSERT INTO jobs (kind, org_id, payload, unique_key, status) "
                                 "VALUES ('test.kind', '" +
                                 orgB.toLatin1() +
                                 "', '{\"clinic\": \"b\"}', 'rls-shared-key', 'done')")
                    .ok());

        const auto result = asOrgA("SELECT vox_queue_job('test.kind', $1::uuid, '{}'::jsonb, $2, "
                                   "now(), 3, 'rearm')",
                                   {org, key});
        if (!sqlstate.isEmpty()) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().sqlstate, sqlstate);
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.errorMessage()));
        QCOMPARE(!result->isNull(0, 0), queued);
        const auto other = admin->exec(
            "SELECT status, payload->>'clinic' FROM jobs WHERE unique_key = 'rls-shared-key'");
        QVERIFY(other.ok());
        QCOMPARE(other->text(0, 0), u"done"_s);
        QCOMPARE(other->text(0, 1), u"b"_s);
    }

    void queueingWorkLeavesTheTransactionInTheUsersRole()
    {
        beginAuthenticated(claimsFor(orgA));
        const auto queued = m_app->exec("SELECT vox_queue_job('test.kind', $1::uuid, '{}'::jsonb, "
                                        "NULL, now(), 3, 'rearm')",
                                        {orgA});
        const auto role = m_app->exec("SELECT current_user::text, current_setting('role')");
        const auto jobs = m_app->exec("SELECT count(*) FROM jobs");
        (void)m_app->execScript("ROLLBACK");
        QVERIFY2(queued.ok(), qPrintable(queued.ok() ? QString() : queued.errorMessage()));
        QVERIFY(role.ok());
        QCOMPARE(role->text(0, 0), u"authenticated"_s);
        QCOMPARE(role->text(0, 1), u"authenticated"_s);
        QVERIFY(!jobs.ok()); // and the queue itself stays out of its reach
    }

    // What a route gets when nobody is signed in, and what any Access nobody chose is: the
    // authenticated role with no clinic, which reads nothing and queues nothing. The service
    // role's bypass is asked for by name.
    void anAccessNobodyChoseReadsAndQueuesNothing()
    {
        const vox::http::Request request;
        const vox::http::Context publicRoute{request};
        const vox::db::Access nobody = publicRoute.access();
        QCOMPARE(nobody.role, vox::db::Access::Role::Authenticated);
        QCOMPARE(vox::db::Access().role, vox::db::Access::Role::Authenticated);
        QCOMPARE(vox::db::Access::service().role, vox::db::Access::Role::Service);

        const auto contacts = asClaims(nobody.claimsJson(), "SELECT count(*) FROM contacts");
        QVERIFY(contacts.ok());
        QCOMPARE(contacts->toInt(0, 0), 0);
        const auto queued = asClaims(nobody.claimsJson(),
                                     "SELECT vox_queue_job('test.kind', $1::uuid, '{}'::jsonb, "
                                     "NULL, now(), 3, 'rearm')",
                                     {orgA});
        QVERIFY(!queued.ok());
        QCOMPARE(queued.error().sqlstate, u"42501"_s);
    }

    // A provider lease goes back only with its token: a user's transaction cannot end a lease
    // another request holds.
    void aLeaseIsGivenBackOnlyWithItsToken_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("released");
        QTest::newRow("its token") << u"11111111-1111-1111-1111-111111111111"_s << true;
        QTest::newRow("another token") << u"22222222-2222-2222-2222-222222222222"_s << false;
    }

    void aLeaseIsGivenBackOnlyWithItsToken()
    {
        QFETCH(QString, token);
        QFETCH(bool, released);
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin);
        QVERIFY(admin
                    ->execScript("DELETE FROM provider_leases WHERE key = 'rls-lease'; "
                                 "INSERT INTO provider_leases (key, token, holder_pid, "
                                 "expires_at) VALUES ('rls-lease', "
                                 "'11111111-1111-1111-1111-111111111111', 0, now() + "
                                 "interval '1 minute')")
                    .ok());
        const auto result =
            asOrgA("SELECT vox_release_provider_lease('rls-lease', $1::uuid)", {token});
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.errorMessage()));
        QCOMPARE(result->toBool(0, 0), released);
    }

    void withoutClaimsNothingIsVisible()
    {
        (void)m_app->execScript("BEGIN; SET LOCAL ROLE authenticated");
        const auto contacts = m_app->exec("SELECT count(*) FROM contacts");
        (void)m_app->execScript("ROLLBACK");
        QVERIFY(contacts.ok());
        QCOMPARE(contacts->toInt(0, 0), 0);
    }

    void cleanupTestCase()
    {
        m_app.reset();
        m_db.reset();
    }
};

QTEST_GUILESS_MAIN(TestRls)
#include "tst_rls.moc"
