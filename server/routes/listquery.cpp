#include "server/routes/listquery.h"

#include "server/http/jsonbody.h"
#include "server/http/response.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTime>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

Error badCursor()
{
    return http::status::badRequest(
        u"'cursor' is not a cursor this server gave; start again from the first page."_s,
        u"cursor"_s);
}

} // namespace

bool isTimestampText(const QString &text)
{
    // A real instant only: a forged cursor such as "0000-00-00 00:00:00+99" must be a 400 here,
    // not a PostgreSQL error inside the query.
    static const QRegularExpression pattern(
        u"^(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,6})?"
        "(Z|([+-])(\\d{2})(:?(\\d{2}))?)$"_s);
    const auto m = pattern.match(text);
    if (!m.hasMatch())
        return false;
    const auto number = [&m](int group) { return m.captured(group).toInt(); };
    const QDate date(number(1), number(2), number(3));
    const QTime time(number(4), number(5), number(6));
    if (number(1) < 1 || !date.isValid() || !time.isValid())
        return false;
    // PostgreSQL accepts offsets up to 15:59.
    return m.captured(8) == u"Z" || (number(10) <= 15 && number(12) < 60);
}

QString encodeCursor(const Keyset &key)
{
    const QByteArray json =
        QJsonDocument(QJsonArray{key.at, key.id}).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<Keyset> decodeCursor(const QString &cursor)
{
    if (cursor.size() > 200)
        return badCursor();
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return badCursor();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 2)
        return badCursor();
    const QJsonArray parts = doc.array();
    Keyset key{parts.at(0).toString(), parts.at(1).toString()};
    if (!isTimestampText(key.at) || !http::isUuid(key.id))
        return badCursor();
    return key;
}

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
