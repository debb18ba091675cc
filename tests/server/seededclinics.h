// Two clinics seeded in SQL (fixtures/clinics_0_1_0.sql), and what proves their data came through
// a backup or an upgrade unchanged: a fingerprint of every row of every table, and their owners
// signing in.
#pragma once

#include "core/crypto/passwordhash.h"
#include "httpclient.h"
#include "server/db/connection.h"

#include <QFile>
#include <QMap>
#include <QString>
#include <QStringList>

namespace vox::test::seeded {

inline const QString password = QStringLiteral("maple and birch grow slowly");
inline const QString mapleOwner = QStringLiteral("owner@maple.example");
inline const QString birchOwner = QStringLiteral("owner@birch.example");

// Loads the fixture as the cluster's superuser; an empty answer when it went in.
inline QString seed(db::Connection &admin)
{
    QFile fixture(QStringLiteral(VOXANNE_TEST_FIXTURES "/clinics_0_1_0.sql"));
    if (!fixture.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1").arg(fixture.fileName());
    const auto hash = crypto::password::hash(password, 4);
    if (!hash)
        return hash.errorMessage();
    QByteArray sql = fixture.readAll();
    sql.replace("@PASSWORD_HASH@", hash->toLatin1());
    const Result<void> loaded = admin.execScript(sql);
    return loaded ? QString() : loaded.errorMessage();
}

// Table -> its columns, for every table of the public schema.
inline QMap<QString, QStringList> columnsOf(db::Connection &admin)
{
    QMap<QString, QStringList> columns;
    auto rows = admin.exec("SELECT c.table_name, c.column_name FROM information_schema.columns c "
                           "JOIN information_schema.tables t USING (table_schema, table_name) "
                           "WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' "
                           "ORDER BY c.table_name, c.ordinal_position");
    if (!rows)
        return columns;
    for (int r = 0; r < rows->rowCount(); ++r)
        columns[rows->text(r, 0)].append(rows->text(r, 1));
    return columns;
}

// Table -> "<row count> <md5 of every row over `columns`>". A table or column that is gone reads
// as the error, so the comparison fails and names it.
inline QMap<QString, QString> fingerprints(db::Connection &admin,
                                           const QMap<QString, QStringList> &columns)
{
    QMap<QString, QString> prints;
    for (auto it = columns.cbegin(); it != columns.cend(); ++it) {
        QStringList quoted;
        for (const QString &column : it.value())
            quoted << QStringLiteral("\"%1\"").arg(column);
        const QByteArray sql =
            "SELECT count(*) || ' ' || coalesce(md5(string_agg(r::text, E'\\n' ORDER BY "
            "r::text)), '') FROM (SELECT " +
            quoted.join(QStringLiteral(", ")).toUtf8() + " FROM \"" + it.key().toUtf8() + "\") r";
        auto row = admin.execUncached(sql);
        prints.insert(it.key(), row ? row->text(0, 0) : row.errorMessage());
    }
    return prints;
}

inline qint64 rowCount(const QString &fingerprint)
{
    return fingerprint.section(QLatin1Char(' '), 0, 0).toLongLong();
}

// Signs in at `baseUrl`; the access token, or empty with the reason in `why`.
inline QString signIn(const QString &baseUrl, const QString &email, QString *why = nullptr)
{
    HttpClient client(baseUrl);
    const HttpReply reply =
        client.post(QStringLiteral("/api/auth/login"),
                    {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
    if (reply.status != 200 && why)
        *why = QStringLiteral("%1 %2").arg(reply.status).arg(QString::fromUtf8(reply.body));
    return reply.status == 200 ? reply.json().value(QStringLiteral("access_token")).toString()
                               : QString();
}

// The contacts a signed-in clinic sees (its own only: row-level security after the trip).
inline QByteArray contactsSeenBy(const QString &baseUrl, const QString &token)
{
    HttpClient client(baseUrl);
    client.setToken(token);
    const HttpReply reply = client.get(QStringLiteral("/api/contacts"));
    return reply.status == 200 ? reply.body : QByteArray();
}

} // namespace vox::test::seeded
