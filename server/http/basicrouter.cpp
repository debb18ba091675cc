#include "server/http/basicrouter.h"

namespace vox::http {

void RouteTable::addRoute(QByteArray method, const QString &pattern, Auth auth,
                          bool inlineOnIoThread)
{
    RouteInfo route;
    route.method = std::move(method);
    route.pattern = pattern;
    route.segments = pattern.split(u'/', Qt::SkipEmptyParts);
    route.auth = auth;
    route.inlineOnIoThread = inlineOnIoThread;
    m_routes.append(std::move(route));
}

RouteTable::Match RouteTable::match(const QByteArray &method, const QString &path) const
{
    Match result;
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    // Literal segments beat parameters: "/contacts/stats" wins over "/contacts/:id".
    int bestScore = -1;
    for (qsizetype index = 0; index < m_routes.size(); ++index) {
        const RouteInfo &route = m_routes.at(index);
        if (route.segments.size() != parts.size())
            continue;
        QHash<QString, QString> params;
        int score = 0;
        bool matches = true;
        for (qsizetype i = 0; i < parts.size() && matches; ++i) {
            const QString &segment = route.segments.at(i);
            if (segment.startsWith(u':'))
                params.insert(segment.mid(1), parts.at(i));
            else if (segment == parts.at(i))
                score += 1 << (parts.size() - i);
            else
                matches = false;
        }
        if (!matches)
            continue;
        if (route.method != method && !(method == "HEAD" && route.method == "GET")) {
            if (!result.allowedMethods.contains(route.method))
                result.allowedMethods.append(route.method);
            continue;
        }
        if (score > bestScore) {
            bestScore = score;
            result.route = &route;
            result.index = index;
            result.params = std::move(params);
        }
    }
    if (result.route)
        result.allowedMethods.clear();
    return result;
}

bool RouteTable::setBodyLimit(const QByteArray &method, const QString &pattern, qint64 bytes)
{
    for (RouteInfo &route : m_routes) {
        if (route.method == method && route.pattern == pattern) {
            route.maxBodyBytes = bytes;
            return true;
        }
    }
    return false;
}

bool RouteTable::reserve(const QByteArray &method, const QString &pattern)
{
    for (RouteInfo &route : m_routes) {
        if (route.method == method && route.pattern == pattern) {
            route.lane = Lane::Reserved;
            return true;
        }
    }
    return false;
}

qint64 RouteTable::bodyLimit(const QByteArray &method, const QString &path, qint64 fallback) const
{
    const RouteInfo *route = match(method, path).route;
    return route && route->maxBodyBytes > 0 ? route->maxBodyBytes : fallback;
}

} // namespace vox::http
