#pragma once

#include "core/result.h"
#include "server/db/connection.h"
#include "server/http/request.h"
#include "server/routes/listcursor.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include <optional>

namespace vox::server {

// The shared shape of list endpoints: `limit` (1–200, default 50), `cursor`, and the WHERE
// clause built from the filters a request gives. Conditions are added with their parameters,
// so the SQL text varies only with which filters are present (each shape is prepared once).
class ListQuery
{
public:
    static constexpr int defaultLimit = 50;
    static constexpr int maxLimit = 200;

    // Reads `limit` and `cursor` from the query string (400 naming the field when invalid).
    static Result<ListQuery> fromRequest(const http::Request &request);

    int limit() const { return m_limit; }
    const std::optional<Keyset> &cursor() const { return m_cursor; }

    // Appends a parameter and answers its placeholder ("$3").
    QByteArray bind(const db::Param &value);
    void where(const QByteArray &condition) { m_conditions.append(condition); }
    // The list's period: `from` <= `column` < `to`, each optional (ISO 8601 with an offset;
    // 400 naming the field when unreadable).
    Result<void> wherePeriod(const http::Request &request, const QByteArray &column);
    // "a AND b AND c" (or "true").
    QByteArray conditions() const;
    const db::Params &params() const { return m_params; }

    // {"items": [...], "next_cursor": ...} from rows of (item JSON, key time, key id) fetched
    // with LIMIT limit()+1: the extra row only tells that another page exists.
    QByteArray pageJson(const db::PgResult &rows) const;

private:
    int m_limit = defaultLimit;
    std::optional<Keyset> m_cursor;
    db::Params m_params;
    QByteArrayList m_conditions;
};

// Escapes LIKE wildcards so user text matches literally ("50%" finds "50%").
QString likePattern(const QString &text);
// The digits of a search term ("(555) 12" -> "55512").
QString digitsOf(const QString &text);

} // namespace vox::server
