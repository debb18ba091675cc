#include "server/db/connection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QVarLengthArray>

#include <optional>

#include <libpq-fe.h>

using namespace Qt::Literals::StringLiterals;

namespace vox::db {

Param::Param(const QString &value)
    : m_text(value.toUtf8())
    , m_null(value.isNull())
{}

Param::Param(const char *utf8)
    : m_text(utf8)
    , m_null(utf8 == nullptr)
{}

Param::Param(const QDateTime &value)
    : m_text(value.toUTC().toString(Qt::ISODateWithMs).toLatin1())
    , m_null(!value.isValid())
{}

Param::Param(const QJsonValue &value)
    : m_null(value.isNull() || value.isUndefined())
{
    if (value.isObject())
        m_text = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    else if (value.isArray())
        m_text = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    else if (!m_null) // scalars as JSON text, so $1::jsonb accepts them
        m_text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

Param::Param(const QStringList &values)
    : m_null(false)
{
    m_text = "{";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            m_text += ',';
        m_text += '"';
        for (const char c : values.at(i).toUtf8()) {
            if (c == '"' || c == '\\')
                m_text += '\\';
            m_text += c;
        }
        m_text += '"';
    }
    m_text += '}';
}

Param Param::bytea(const QByteArray &bytes)
{
    return Param(QByteArray("\\x" + bytes.toHex()));
}

PgResult::PgResult(pg_result *result)
    : m_result(result, PQclear)
{}

int PgResult::rowCount() const
{
    return m_result ? PQntuples(m_result.get()) : 0;
}

int PgResult::columnCount() const
{
    return m_result ? PQnfields(m_result.get()) : 0;
}

int PgResult::column(const char *name) const
{
    return m_result ? PQfnumber(m_result.get(), name) : -1;
}

qint64 PgResult::affectedRows() const
{
    return m_result ? QByteArray(PQcmdTuples(m_result.get())).toLongLong() : 0;
}

bool PgResult::isNull(int row, int column) const
{
    return !m_result || column < 0 || row >= rowCount() || PQgetisnull(m_result.get(), row, column);
}

QByteArray PgResult::raw(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return QByteArray(PQgetvalue(m_result.get(), row, column),
                      PQgetlength(m_result.get(), row, column));
}

QString PgResult::text(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return QString::fromUtf8(PQgetvalue(m_result.get(), row, column),
                             PQgetlength(m_result.get(), row, column));
}

qint64 PgResult::toInt(int row, int column) const
{
    return raw(row, column).toLongLong();
}

double PgResult::toDouble(int row, int column) const
{
    return raw(row, column).toDouble();
}

bool PgResult::toBool(int row, int column) const
{
    return raw(row, column) == "t";
}

namespace {

// "2026-01-25 14:03:07[.123456]+00" read by hand. QDateTime::fromString would make a local time
// first, and each local time asks the C library for the zone (a stat of /etc/localtime per
// value): that was most of an availability check's time. nullopt for any other shape.
std::optional<QDateTime> parseUtcTimestamp(const QByteArray &v)
{
    const auto number = [&v](qsizetype from, qsizetype length) {
        int n = 0;
        for (qsizetype i = from; i < from + length; ++i) {
            if (v.at(i) < '0' || v.at(i) > '9')
                return -1;
            n = n * 10 + (v.at(i) - '0');
        }
        return n;
    };
    if (v.size() < 22 || v.at(4) != '-' || v.at(7) != '-' || v.at(10) != ' ' || v.at(13) != ':' ||
        v.at(16) != ':')
        return std::nullopt;
    qsizetype at = 19;
    int ms = 0;
    if (v.at(at) == '.') {
        qsizetype end = at + 1;
        while (end < v.size() && v.at(end) >= '0' && v.at(end) <= '9')
            ++end;
        const QByteArray fraction = QByteArray(v.mid(at + 1, end - at - 1) + "000").left(3);
        ms = fraction.toInt();
        at = end;
    }
    if (v.mid(at) != "+00")
        return std::nullopt;
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime time(number(11, 2), number(14, 2), number(17, 2), ms);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    static const QTimeZone utc = QTimeZone::utc();
    return QDateTime(date, time, utc);
}

} // namespace

QDateTime PgResult::toDateTime(int row, int column) const
{
    if (isNull(row, column))
        return {};
    // Sessions run in UTC, so timestamptz arrives as "2026-01-25 14:03:07.123+00".
    if (auto parsed = parseUtcTimestamp(raw(row, column)))
        return *parsed;
    QByteArray value = raw(row, column);
    value.replace(' ', 'T');
    if (value.endsWith("+00"))
        value.chop(3);
    QDateTime dt = QDateTime::fromString(QString::fromLatin1(value), Qt::ISODateWithMs);
    dt.setTimeZone(QTimeZone::utc());
    return dt;
}

QJsonValue PgResult::toJson(int row, int column) const
{
    if (isNull(row, column))
        return QJsonValue::Null;
    const QByteArray value = raw(row, column);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(value, &error);
    if (error.error == QJsonParseError::NoError) {
        if (doc.isObject())
            return doc.object();
        if (doc.isArray())
            return doc.array();
    }
    // A scalar JSON value ("text", 3, true): parse it inside an array.
    const QJsonDocument wrapped = QJsonDocument::fromJson("[" + value + "]", &error);
    if (error.error == QJsonParseError::NoError && wrapped.isArray() && !wrapped.array().isEmpty())
        return wrapped.array().first();
    return QJsonValue::Null;
}

QByteArray PgResult::toBytea(int row, int column) const
{
    if (isNull(row, column))
        return {};
    size_t length = 0;
    unsigned char *bytes = PQunescapeBytea(
        reinterpret_cast<const unsigned char *>(PQgetvalue(m_result.get(), row, column)), &length);
    if (!bytes)
        return {};
    QByteArray out(reinterpret_cast<const char *>(bytes), qsizetype(length));
    PQfreemem(bytes);
    return out;
}

namespace {

Error lostConnection(pg_conn *conn, const QString &what)
{
    return sqlstate::failed(
        u"%1: %2"_s.arg(what, QString::fromUtf8(PQerrorMessage(conn)).trimmed()),
        sqlstate::connectionFailure);
}

} // namespace

Result<std::unique_ptr<Connection>> Connection::open(const ConnectionSettings &settings)
{
    // Sessions speak UTC so that timestamps read back unambiguously.
    const QByteArray info = settings.conninfo() + " options='-c TimeZone=UTC'";
    pg_conn *conn = PQconnectdb(info.constData());
    if (PQstatus(conn) != CONNECTION_OK) {
        const QString why = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        PQfinish(conn);
        return sqlstate::failed(
            u"Cannot connect to PostgreSQL at %1: %2"_s.arg(settings.describe(), why),
            sqlstate::connectionFailure);
    }
    PQsetNoticeProcessor(
        conn, [](void *, const char *) {}, nullptr);
    return std::unique_ptr<Connection>(new Connection(conn));
}

Connection::~Connection()
{
    PQfinish(m_conn);
}

Result<PgResult> Connection::check(pg_result *result, const QByteArray &sql)
{
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN)
        return PgResult(result);

    QString code;
    QString subject;
    QString message;
    if (result) {
        code = QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE));
        subject = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME));
        if (subject.isEmpty())
            subject = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_COLUMN_NAME));
        message = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
        PQclear(result);
    }
    if (message.isEmpty())
        message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    if (code.isEmpty() && PQstatus(m_conn) != CONNECTION_OK)
        code = sqlstate::connectionFailure;
    Q_UNUSED(sql);
    return sqlstate::failed(message, code, subject);
}

void Connection::holdOpening(QList<Statement> statements)
{
    m_opening = Opening{std::move(statements), false, std::nullopt};
}

Connection::OpeningOutcome Connection::releaseOpening()
{
    if (!m_opening)
        return {};
    OpeningOutcome outcome;
    outcome.sent = m_opening->sent;
    if (m_opening->error) {
        outcome.failed = true;
        outcome.error = *m_opening->error;
    }
    m_opening.reset();
    return outcome;
}

Result<PgResult> Connection::exec(const QByteArray &sql, const Params &params)
{
    if (m_prepared.size() > 512) {
        // Statements built at run time could grow the cache without bound; start afresh.
        PQclear(PQexec(m_conn, "DEALLOCATE ALL"));
        m_prepared.clear();
    }
    QList<Statement> statements;
    const bool opens = m_opening && !m_opening->sent;
    if (opens) {
        statements = m_opening->statements;
        m_opening->sent = true;
    }
    if (!sql.isEmpty())
        statements.append({sql, params});
    if (statements.size() == 1) { // the usual case: one statement, one round trip
        auto name = m_prepared.constFind(sql);
        if (name == m_prepared.cend()) {
            const QByteArray statement = "s" + QByteArray::number(++m_nextStatement);
            auto prepared = check(PQprepare(m_conn, statement.constData(), sql.constData(),
                                            int(params.size()), nullptr),
                                  sql);
            if (!prepared)
                return prepared.error();
            name = m_prepared.insert(sql, statement);
        }
        QVarLengthArray<const char *, 16> values(params.size());
        for (qsizetype i = 0; i < params.size(); ++i)
            values[i] = params.at(i).isNull() ? nullptr : params.at(i).text().constData();
        return check(PQexecPrepared(m_conn, name->constData(), int(params.size()), values.data(),
                                    nullptr, nullptr, 0),
                     sql);
    }

    // Several statements in one pipeline: each prepared (in the same pipeline when new) and
    // executed; the last one's rows, or the first error. PostgreSQL skips the statements after
    // a failed one.
    auto outcome = [&]() -> Result<PgResult> {
        if (PQenterPipelineMode(m_conn) != 1)
            return lostConnection(m_conn, u"Cannot start a pipeline"_s);
        struct Sent
        {
            QByteArray prepares; // the name a Parse gives its statement, cached once it succeeds
            QByteArray sql;
            bool last = false;
        };
        QVarLengthArray<Sent, 8> sent;
        QHash<QByteArray, QByteArray> preparing;
        for (qsizetype i = 0; i < statements.size(); ++i) {
            const Statement &st = statements.at(i);
            QByteArray name = m_prepared.value(st.sql, preparing.value(st.sql));
            if (name.isEmpty()) {
                name = "s" + QByteArray::number(++m_nextStatement);
                if (PQsendPrepare(m_conn, name.constData(), st.sql.constData(),
                                  int(st.params.size()), nullptr) != 1) {
                    m_abandoned = true;
                    return lostConnection(m_conn, u"Cannot send statements"_s);
                }
                preparing.insert(st.sql, name);
                sent.append({name, st.sql, false});
            }
            QVarLengthArray<const char *, 16> values(st.params.size());
            for (qsizetype p = 0; p < st.params.size(); ++p)
                values[p] = st.params.at(p).isNull() ? nullptr : st.params.at(p).text().constData();
            if (PQsendQueryPrepared(m_conn, name.constData(), int(st.params.size()), values.data(),
                                    nullptr, nullptr, 0) != 1) {
                m_abandoned = true;
                return lostConnection(m_conn, u"Cannot send statements"_s);
            }
            sent.append({{}, st.sql, i == statements.size() - 1});
        }
        if (PQpipelineSync(m_conn) != 1) {
            m_abandoned = true;
            return lostConnection(m_conn, u"Cannot send statements"_s);
        }
        std::optional<Error> firstError;
        PgResult last;
        for (const Sent &one : sent) {
            pg_result *result = PQgetResult(m_conn);
            if (!result) {
                m_abandoned = true;
                return firstError.value_or(lostConnection(m_conn, u"Connection lost"_s));
            }
            const ExecStatusType status = PQresultStatus(result);
            if (status == PGRES_PIPELINE_ABORTED) {
                PQclear(result);
            } else if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
                auto failed = check(result, one.sql); // clears it
                if (!firstError)
                    firstError = failed.error();
            } else if (!one.prepares.isEmpty()) {
                PQclear(result);
                m_prepared.insert(one.sql, one.prepares);
            } else if (one.last) {
                last = PgResult(result);
            } else {
                PQclear(result);
            }
            if (pg_result *extra = PQgetResult(m_conn)) { // each command's results end in null
                PQclear(extra);
                m_abandoned = true;
                return lostConnection(m_conn, u"Unexpected results in a pipeline"_s);
            }
        }
        if (PQstatus(m_conn) != CONNECTION_OK)
            return firstError.value_or(lostConnection(m_conn, u"Connection lost"_s));
        pg_result *sync = PQgetResult(m_conn);
        const bool synced = sync && PQresultStatus(sync) == PGRES_PIPELINE_SYNC;
        PQclear(sync);
        if (!synced || PQexitPipelineMode(m_conn) != 1) {
            m_abandoned = true;
            return firstError.value_or(lostConnection(m_conn, u"Cannot leave a pipeline"_s));
        }
        if (firstError)
            return *firstError;
        return last;
    }();
    if (!outcome && opens)
        m_opening->error = outcome.error();
    return outcome;
}

// A held-back opening sent on its own, before a statement that cannot join its pipeline.
Result<void> Connection::sendHeldOpening()
{
    if (!m_opening || m_opening->sent)
        return {};
    auto opened = exec({}); // the opening alone
    if (!opened)
        return opened.error();
    return {};
}

Result<PgResult> Connection::execUncached(const QByteArray &sql, const Params &params)
{
    if (auto opened = sendHeldOpening(); !opened)
        return opened.error();
    QVarLengthArray<const char *, 16> values(params.size());
    for (qsizetype i = 0; i < params.size(); ++i)
        values[i] = params.at(i).isNull() ? nullptr : params.at(i).text().constData();
    return check(PQexecParams(m_conn, sql.constData(), int(params.size()), nullptr, values.data(),
                              nullptr, nullptr, 0),
                 sql);
}

Result<void> Connection::execScript(const QByteArray &sql)
{
    if (auto opened = sendHeldOpening(); !opened)
        return opened.error();
    // PQexec runs every statement and returns the last result, or the first error (it stops
    // there), which is what a migration needs.
    auto result = check(PQexec(m_conn, sql.constData()), sql);
    if (!result)
        return result.error();
    return {};
}

Result<qint64> Connection::copyIn(const QByteArray &copySql,
                                  const std::function<bool(QByteArray &)> &next)
{
    if (auto opened = sendHeldOpening(); !opened)
        return opened.error();
    auto started = check(PQexec(m_conn, copySql.constData()), copySql);
    if (!started)
        return started.error();
    QByteArray chunk;
    while (next(chunk)) {
        if (PQputCopyData(m_conn, chunk.constData(), int(chunk.size())) != 1)
            break;
        chunk.clear();
    }
    if (PQputCopyEnd(m_conn, nullptr) != 1)
        return fail(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
    auto finished = check(PQgetResult(m_conn), copySql);
    while (pg_result *extra = PQgetResult(m_conn))
        PQclear(extra);
    if (!finished)
        return finished.error();
    return finished->affectedRows();
}

QByteArray Connection::literal(const QByteArray &value) const
{
    char *escaped = PQescapeLiteral(m_conn, value.constData(), size_t(value.size()));
    if (!escaped)
        return "NULL";
    QByteArray out(escaped);
    PQfreemem(escaped);
    return out;
}

bool Connection::isBroken() const
{
    return m_abandoned || PQstatus(m_conn) != CONNECTION_OK;
}

int Connection::socket() const
{
    return PQsocket(m_conn);
}

bool Connection::consumeInput()
{
    return PQconsumeInput(m_conn) == 1;
}

QList<Notification> Connection::takeNotifications()
{
    QList<Notification> out;
    while (PGnotify *n = PQnotifies(m_conn)) {
        out.append({QString::fromUtf8(n->relname), QByteArray(n->extra)});
        PQfreemem(n);
    }
    return out;
}

QString Connection::serverVersion() const
{
    const int v = PQserverVersion(m_conn);
    return u"%1.%2"_s.arg(v / 10000).arg(v % 10000);
}

} // namespace vox::db
