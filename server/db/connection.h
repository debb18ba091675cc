#pragma once

#include "core/result.h"
#include "core/sqlstate.h"
#include "server/db/connectionsettings.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

struct pg_conn;
struct pg_result;

namespace vox::db {

// SQLSTATEs callers branch on, and whether an error means the database is unreachable (they live
// in core so the HTTP layer maps them without linking the database).
namespace sqlstate = vox::sqlstate;
using sqlstate::isUnavailable;

// One statement parameter, sent as text in PostgreSQL's input syntax (the statement casts it:
// $1::uuid, $2::timestamptz). A null QString, std::nullopt or nullptr is SQL NULL.
class Param
{
public:
    Param(std::nullptr_t) {}
    Param(const QString &value);
    Param(const char *utf8);
    Param(const QByteArray &utf8)
        : m_text(utf8)
        , m_null(utf8.isNull())
    {}
    Param(int value)
        : m_text(QByteArray::number(value))
        , m_null(false)
    {}
    Param(qint64 value)
        : m_text(QByteArray::number(value))
        , m_null(false)
    {}
    Param(double value)
        : m_text(QByteArray::number(value, 'g', 17))
        , m_null(false)
    {}
    Param(bool value)
        : m_text(value ? "true" : "false")
        , m_null(false)
    {}
    Param(const QDateTime &value);
    Param(const QJsonValue &value);
    Param(const QStringList &values); // a text[] literal
    template<typename T>
    Param(const std::optional<T> &value)
        : Param(value ? Param(*value) : Param(nullptr))
    {}

    static Param bytea(const QByteArray &bytes);

    bool isNull() const { return m_null; }
    const QByteArray &text() const { return m_text; }

private:
    QByteArray m_text;
    bool m_null = true;
};

using Params = QList<Param>;

// A statement's rows, read as text and converted on access.
class PgResult
{
public:
    PgResult() = default;
    explicit PgResult(pg_result *result);

    int rowCount() const;
    int columnCount() const;
    int column(const char *name) const; // -1 when absent
    qint64 affectedRows() const;
    bool isEmpty() const { return rowCount() == 0; }

    bool isNull(int row, int column) const;
    QByteArray raw(int row, int column) const;
    QString text(int row, int column) const;
    qint64 toInt(int row, int column) const;
    double toDouble(int row, int column) const;
    bool toBool(int row, int column) const;
    QDateTime toDateTime(int row, int column) const;
    QJsonValue toJson(int row, int column) const;
    QByteArray toBytea(int row, int column) const;

    // The same, by column name, for readability where speed does not matter.
    QString text(int row, const char *name) const { return text(row, column(name)); }
    qint64 toInt(int row, const char *name) const { return toInt(row, column(name)); }
    bool toBool(int row, const char *name) const { return toBool(row, column(name)); }
    bool isNull(int row, const char *name) const { return isNull(row, column(name)); }
    QDateTime toDateTime(int row, const char *name) const { return toDateTime(row, column(name)); }
    QJsonValue toJson(int row, const char *name) const { return toJson(row, column(name)); }

private:
    std::shared_ptr<pg_result> m_result;
};

struct Notification
{
    QString channel;
    QByteArray payload;
};

// One libpq connection. Not thread-safe: it belongs to the thread that uses it (Database hands
// each thread its own). Statements run through exec() are prepared once and cached.
class Connection
{
public:
    static Result<std::unique_ptr<Connection>> open(const ConnectionSettings &settings);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // A statement with parameters, prepared on first use and cached on this connection.
    Result<PgResult> exec(const QByteArray &sql, const Params &params = {});
    // A statement without caching (built at run time from many possible shapes).
    Result<PgResult> execUncached(const QByteArray &sql, const Params &params = {});
    // Several statements as one simple-protocol script (migrations, BEGIN + settings).
    Result<void> execScript(const QByteArray &sql);
    // COPY ... FROM STDIN: `next` fills the next chunk and returns false when done.
    Result<qint64> copyIn(const QByteArray &copySql, const std::function<bool(QByteArray &)> &next);

    // A transaction's opening (BEGIN and role setup), held back until its first statement so that
    // they travel to PostgreSQL in one pipeline: one round trip instead of two. The next exec()
    // sends it ahead of its statement; statements that cannot join a pipeline send it alone first.
    struct Statement
    {
        QByteArray sql;
        Params params;
    };
    void holdOpening(QList<Statement> statements);
    // Forgets the held opening and tells whether it was sent and, if the round trip that carried
    // it failed, why.
    struct OpeningOutcome
    {
        bool sent = false;
        bool failed = false;
        Error error;
    };
    OpeningOutcome releaseOpening();

    // Quotes a value as an SQL literal with this connection's rules.
    QByteArray literal(const QByteArray &value) const;

    bool isBroken() const;
    int socket() const;
    bool consumeInput();
    QList<Notification> takeNotifications();
    QString serverVersion() const;

private:
    explicit Connection(pg_conn *conn)
        : m_conn(conn)
    {}
    Result<PgResult> check(pg_result *result, const QByteArray &sql);
    Result<void> sendHeldOpening();

    struct Opening
    {
        QList<Statement> statements;
        bool sent = false;
        std::optional<Error> error;
    };

    pg_conn *m_conn = nullptr;
    std::optional<Opening> m_opening;
    // A pipeline left the connection in a state nothing can trust.
    bool m_abandoned = false;
    QHash<QByteArray, QByteArray> m_prepared; // sql -> statement name
    int m_nextStatement = 0;
};

} // namespace vox::db
