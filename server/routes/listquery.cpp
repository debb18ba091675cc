#include "server/routes/listquery.h"

#include "server/http/jsonbody.h"
#include "server/http/response.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

Result<ListQuery> ListQuery::fromRequest(const http::Request &request)
{
    ListQuery query;
    if (request.hasQuery(u"limit"_s)) {
        bool ok = false;
        const int limit = request.queryValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > maxLimit)
            return http::status::badRequest(
                u"'limit' must be a whole number from 1 to %1."_s.arg(maxLimit), u"limit"_s);
        query.m_limit = limit;
    }
    const QString cursor = request.queryValue(u"cursor"_s);
    if (!cursor.isEmpty()) {
        auto key = decodeCursor(cursor);
        if (!key)
            return key.error();
        query.m_cursor = *key;
    }
    return query;
}

Result<void> ListQuery::wherePeriod(const http::Request &request, const QByteArray &column)
{
    for (const auto &[name, op] : {std::pair{u"from"_s, ">="}, std::pair{u"to"_s, "<"}}) {
        const QString text = request.queryValue(name);
        if (text.isEmpty())
            continue;
        auto at = http::parseDateTime(text, name);
        if (!at)
            return at.error();
        where(column + ' ' + op + ' ' + bind(*at) + "::timestamptz");
    }
    return {};
}

QByteArray ListQuery::bind(const db::Param &value)
{
    m_params.append(value);
    return '$' + QByteArray::number(m_params.size());
}

QByteArray ListQuery::conditions() const
{
    return m_conditions.isEmpty() ? QByteArray("true") : m_conditions.join(" AND ");
}

QByteArray ListQuery::pageJson(const db::PgResult &rows) const
{
    const int shown = qMin(rows.rowCount(), m_limit);
    QByteArray out = "{\"items\":[";
    for (int r = 0; r < shown; ++r) {
        if (r)
            out += ',';
        out += rows.raw(r, 0);
    }
    out += "],\"next_cursor\":";
    if (rows.rowCount() > m_limit) {
        const Keyset last{rows.text(shown - 1, 1), rows.text(shown - 1, 2)};
        out += '"' + encodeCursor(last).toLatin1() + '"';
    } else {
        out += "null";
    }
    out += '}';
    return out;
}

QString likePattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    for (const QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\')
            escaped += u'\\';
        escaped += c;
    }
    return u'%' + escaped + u'%';
}

QString digitsOf(const QString &text)
{
    QString digits;
    for (const QChar c : text) {
        if (c.isDigit())
            digits += c;
    }
    return digits;
}

} // namespace vox::server
