#include "server/db/connectionsettings.h"

#include <QUrl>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace vox::db {

namespace {

QByteArray quoted(const QString &value)
{
    QByteArray out = "'";
    for (const char c : value.toUtf8()) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '\'';
}

} // namespace

Result<ConnectionSettings> ConnectionSettings::fromUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"postgresql" && url.scheme() != u"postgres"))
        return fail(u"The database URL must look like postgresql://user:password@host:5432/db."_s);
    ConnectionSettings s;
    s.host = url.host();
    s.port = url.port(5432);
    s.user = url.userName(QUrl::FullyDecoded);
    s.password = url.password(QUrl::FullyDecoded);
    s.database = url.path(QUrl::FullyDecoded).mid(1);
    const QUrlQuery query(url);
    // libpq's own convention: ?host=/path/to/socket-folder selects a Unix socket.
    if (query.hasQueryItem(u"host"_s))
        s.host = query.queryItemValue(u"host"_s, QUrl::FullyDecoded);
    s.sslMode = query.queryItemValue(u"sslmode"_s);
    if (s.host.isEmpty())
        return fail(u"The database URL names no host."_s);
    if (s.database.isEmpty())
        return fail(u"The database URL names no database (…/dbname)."_s);
    return s;
}

QByteArray ConnectionSettings::conninfo() const
{
    QByteArray info = "host=" + quoted(host) + " port=" + QByteArray::number(port) +
                      " dbname=" + quoted(database) + " connect_timeout=10";
    if (!user.isEmpty())
        info += " user=" + quoted(user);
    if (!password.isEmpty())
        info += " password=" + quoted(password);
    if (!sslMode.isEmpty())
        info += " sslmode=" + quoted(sslMode);
    if (!applicationName.isEmpty())
        info += " application_name=" + quoted(applicationName);
    return info;
}

QString ConnectionSettings::describe() const
{
    return u"%1@%2:%3/%4"_s.arg(user.isEmpty() ? u"(default user)"_s : user, host,
                                QString::number(port), database);
}

ConnectionSettings ConnectionSettings::withDatabase(const QString &name) const
{
    ConnectionSettings s = *this;
    s.database = name;
    return s;
}

} // namespace vox::db
