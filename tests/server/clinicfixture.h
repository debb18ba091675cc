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
