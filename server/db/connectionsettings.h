#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace vox::db {

// Where and as whom to connect. Built from a postgresql:// URL (production) or from the embedded
// cluster's socket folder.
struct ConnectionSettings
{
    QString host; // a hostname, or the folder of a Unix socket
    int port = 5432;
    QString database;
    QString user;
    QString password;
    QString sslMode;
    QString applicationName = QStringLiteral("voxanne-server");

    static Result<ConnectionSettings> fromUrl(const QString &url);

    // libpq conninfo string (keyword=value with quoting).
    QByteArray conninfo() const;
    // For logs and error messages: never the password.
    QString describe() const;
    // The same server and user, another database.
    ConnectionSettings withDatabase(const QString &name) const;
};

} // namespace vox::db
