#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QString>
#include <QUrlQuery>

namespace vox::http {

// A request copied out of QtHttpServer's object, so it can travel to a worker thread and outlive
// the socket it came from.
struct Request
{
    QByteArray method; // "GET", "POST", ...
    QString path;      // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    qint64 bodyBytes = 0; // the body's size, kept after the body is let go
    QString remoteAddress;
    QString requestId;
    QHash<QString, QString> params; // from the route pattern (":id")
    QElapsedTimer received;
    QString orgId; // set once the caller is authenticated, for the access log

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        return headers.value(lowerCaseName);
    }
    QString param(const QString &name) const { return params.value(name); }
    QString queryValue(const QString &name) const
    {
        return query.queryItemValue(name, QUrl::FullyDecoded);
    }
    bool hasQuery(const QString &name) const { return query.hasQueryItem(name); }
    bool wantsClose() const;
    // Whether any part a handler reads as text carries a NUL character (raw, percent-encoded in the
    // path, query or X-Filename, or escaped as \u0000 in a JSON body). PostgreSQL cannot store one,
    // so such a request is refused at the edge instead of failing deep inside a transaction.
    bool carriesNul() const;
};

// Whether JSON text holds the escape \u0000 (an escaped backslash before "u0000" is text).
bool jsonHasNulEscape(QByteArrayView json);

} // namespace vox::http
