// Clinics for the API tests: one signed-up org with an owner, an admin and a staff member, and
// rows seeded straight into the database (calls and messages arrive through webhooks and
// actions that other modules own).
#pragma once

#include "testserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QTest>

#include <atomic>
#include <memory>

namespace vox::test {

struct Clinic
{
    QString orgId;
    QString ownerToken;
    QString adminToken;
    QString staffToken;

    QString token(const QString &role) const
    {
        return role == u"owner" ? ownerToken : role == u"admin" ? adminToken : staffToken;
    }
};

inline QString uniqueLabel()
{
    static std::atomic<int> counter{0};
    return QString::number(QCoreApplication::applicationPid()) + u'-' + QString::number(++counter);
}

// Signs up a clinic and adds an admin and a staff member; empty orgId on failure.
inline Clinic createClinic(const QString &baseUrl, const QString &name,
                           const QString &timeZone = QStringLiteral("America/New_York"))
{
    Clinic clinic;
    HttpClient client(baseUrl);
    const QString tag = uniqueLabel();
    const HttpReply signedUp =
        client.post(QStringLiteral("/api/auth/signup"),
                    {{QStringLiteral("organization_name"), name},
                     {QStringLiteral("email"), QStringLiteral("owner.%1@clinic.test").arg(tag)},
                     {QStringLiteral("password"), QStringLiteral("correct horse battery")},
                     {QStringLiteral("time_zone"), timeZone}});
    if (signedUp.status != 201)
        return clinic;
    clinic.ownerToken = signedUp.json().value(QStringLiteral("access_token")).toString();
    clinic.orgId = signedUp.json()
                       .value(QStringLiteral("organization"))
                       .toObject()
                       .value(QStringLiteral("id"))
                       .toString();
    client.setToken(clinic.ownerToken);
    for (const QString &role : {QStringLiteral("admin"), QStringLiteral("staff")}) {
        const QString email = QStringLiteral("%1.%2@clinic.test").arg(role, tag);
        const HttpReply invited =
            client.post(QStringLiteral("/api/org/users"),
                        {{QStringLiteral("email"), email},
                         {QStringLiteral("role"), role},
                         {QStringLiteral("password"), QStringLiteral("another good password")}});
        HttpClient login(baseUrl);
        const HttpReply session =
            login.post(QStringLiteral("/api/auth/login"),
                       {{QStringLiteral("email"), email},
                        {QStringLiteral("password"), QStringLiteral("another good password")}});
        if (invited.status != 201 || session.status != 200)
            return Clinic{};
        const QString token = session.json().value(QStringLiteral("access_token")).toString();
        (role == u"admin" ? clinic.adminToken : clinic.staffToken) = token;
    }
    return clinic;
}

// A server on a throwaway database with one clinic created by createClinic(): the set-up of the
// API tests that reach no provider. Each role's requests go through as().
struct ClinicServer
{
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<db::Connection> admin; // the cluster's superuser, for reading rows
    Clinic clinic;
    QString error;

    bool start(const QString &label, const QString &clinicName,
               const QString &timeZone = QStringLiteral("America/New_York"))
    {
        db = std::make_unique<TestDatabase>(label);
        if (!db->ok()) {
            error = db->error();
            return false;
        }
        server = std::make_unique<TestServer>(*db);
        if (!server->ok()) {
            error = server->error();
            return false;
        }
        admin = db->connectAsAdmin();
        clinic = createClinic(server->url(), clinicName, timeZone);
        if (clinic.orgId.isEmpty()) {
            error = QStringLiteral("the clinic could not be created");
            return false;
        }
        return true;
    }

    // A client signed in as the clinic's owner, admin or staff member.
    std::unique_ptr<HttpClient> as(const QString &role) const
    {
        auto client = server->client();
        client->setToken(clinic.token(role));
        return client;
    }
};

// Inserts a row as the cluster's superuser: `columns` maps column names to values in
// PostgreSQL's text input syntax (null for NULL). Answers the new row's id.
inline QString insertRow(db::Connection &admin, const QString &table, const QString &orgId,
                         const QJsonObject &columns)
{
    QByteArray names = "org_id";
    QByteArray values = "$1::uuid";
    db::Params params{orgId};
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        names += ", " + it.key().toLatin1();
        params.append(it.value().isNull()     ? db::Param(nullptr)
                      : it.value().isBool()   ? db::Param(it.value().toBool())
                      : it.value().isDouble() ? db::Param(qint64(it.value().toDouble()))
                      : it.value().isArray()  ? db::Param(it.value())
                                              : db::Param(it.value().toString()));
        values += ", $" + QByteArray::number(params.size());
    }
    auto row = admin.execUncached("INSERT INTO " + table.toLatin1() + " (" + names + ") VALUES (" +
                                      values + ") RETURNING id",
                                  params);
    if (!row) {
        qWarning("insertRow(%s): %s", qPrintable(table), qPrintable(row.errorMessage()));
        return {};
    }
    return row->text(0, 0);
}

inline QStringList idsOf(const QJsonArray &items)
{
    QStringList ids;
    for (const QJsonValue &item : items)
        ids.append(item.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

} // namespace vox::test
