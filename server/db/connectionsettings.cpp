#include "server/db/connectionsettings.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

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

struct HostList
{
    QString singleHostUrl; // the URL with only the first host, for QUrl to read the rest
    QString hosts;
    QString ports;
};

// QUrl reads one host; libpq also takes "host1:port1,host2:port2" in the authority. The list
// is taken apart here and the URL is given to QUrl with its first host only.
std::optional<HostList> splitHostList(const QString &text)
{
    static const QRegularExpression shape(
        QStringLiteral("^(postgres(?:ql)?://(?:[^@/?#]*@)?)([^/?#]*,[^/?#]*)(.*)$"));
    const auto match = shape.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    static const QRegularExpression entry(
        QStringLiteral("^(\\[[^\\]]+\\]|[^:\\[\\]]+)(?::(\\d+))?$"));
    HostList list;
    QStringList hosts;
    QStringList ports;
    for (const QString &part : match.captured(2).split(u',')) {
        const auto e = entry.match(part);
        if (!e.hasMatch())
            return HostList{}; // malformed: the caller's error
        QString host = e.captured(1);
        if (host.startsWith(u'['))
            host = host.mid(1, host.size() - 2);
        hosts.append(QUrl::fromPercentEncoding(host.toUtf8()));
        ports.append(e.captured(2).isEmpty() ? u"5432"_s : e.captured(2));
    }
    list.singleHostUrl =
        match.captured(1) + match.captured(2).section(u',', 0, 0) + match.captured(3);
    list.hosts = hosts.join(u',');
    list.ports = ports.join(u',');
    return list;
}

} // namespace

Result<ConnectionSettings> ConnectionSettings::fromUrl(const QString &text)
{
    const std::optional<HostList> hostList = splitHostList(text);
    if (hostList && hostList->hosts.isEmpty())
        return fail(u"The database URL's host list must look like host1:5432,host2:5432."_s);
    const QUrl url(hostList ? hostList->singleHostUrl : text, QUrl::StrictMode);
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
    s.targetSessionAttrs = query.queryItemValue(u"target_session_attrs"_s);
    if (hostList) {
        s.host = hostList->hosts;
        s.ports = hostList->ports;
    }
    if (s.host.isEmpty())
        return fail(u"The database URL names no host."_s);
    if (s.database.isEmpty())
        return fail(u"The database URL names no database (…/dbname)."_s);
    return s;
}

QByteArray ConnectionSettings::conninfo() const
{
    QByteArray info = "host=" + quoted(host) + " port=" + quoted(portText()) +
                      " dbname=" + quoted(database) + " connect_timeout=10";
    if (!user.isEmpty())
        info += " user=" + quoted(user);
    if (!password.isEmpty())
        info += " password=" + quoted(password);
    if (!sslMode.isEmpty())
        info += " sslmode=" + quoted(sslMode);
    if (!applicationName.isEmpty())
        info += " application_name=" + quoted(applicationName);
    if (!targetSessionAttrs.isEmpty())
        info += " target_session_attrs=" + quoted(targetSessionAttrs);
    return info;
}

QString ConnectionSettings::describe() const
{
    return u"%1@%2:%3/%4"_s.arg(user.isEmpty() ? u"(default user)"_s : user, host, portText(),
                                database);
}

ConnectionSettings ConnectionSettings::withDatabase(const QString &name) const
{
    ConnectionSettings s = *this;
    s.database = name;
    return s;
}

} // namespace vox::db
