#pragma once

#include "core/result.h"
#include "server/db/connection.h"
#include "server/http/request.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include <optional>

namespace vox::server {

// A keyset position: the sort key of the last row a page gave, (time, id). Pages that start
// after it stay stable while new rows arrive, and cost an index range however deep they go.
struct Keyset
{
    QString at; // a timestamptz in PostgreSQL's text form
    QString id; // uuid
};

// Whether `text` is a real instant in ISO form ("2026-03-01 09:30:00.123456+00", "...Z"): the
// date exists, the clock reads a real time, and the offset is one PostgreSQL accepts.
bool isTimestampText(const QString &text);

// The opaque cursor clients pass back: base64url of the key. Not signed: a forged cursor only
// moves the caller within rows RLS and the org filter already allow.
QString encodeCursor(const Keyset &key);
Result<Keyset> decodeCursor(const QString &cursor);

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
