#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace vox::db {

// Where and as whom to connect. Built from a postgresql:// URL (production) or from the embedded
// cluster's socket folder.
struct ConnectionSettings
{
    QString host; // a hostname, the folder of a Unix socket, or several hosts: "db1,db2"
    int port = 5432;
    // With several hosts, their ports in the same order ("5432,5433"); empty: `port` for all.
    QString ports;
    // libpq's target_session_attrs: "read-write" makes a multi-host URL reach the primary,
    // whichever host that is after a failover.
    QString targetSessionAttrs;
    QString database;
    QString user;
    QString password;
    QString sslMode;
    QString applicationName = QStringLiteral("voxanne-server");

    // Also libpq's multi-host form, postgresql://user@db1:5432,db2:5432/db?target_session_attrs=…
    static Result<ConnectionSettings> fromUrl(const QString &url);

    // The port, or the ports of several hosts, as libpq's `port` keyword and PGPORT take them.
    QString portText() const { return ports.isEmpty() ? QString::number(port) : ports; }
    // libpq conninfo string (keyword=value with quoting).
    QByteArray conninfo() const;
    // For logs and error messages: never the password.
    QString describe() const;
    // The same server and user, another database.
    ConnectionSettings withDatabase(const QString &name) const;
};

} // namespace vox::db
