#include "core/logging/log.h"

#include "core/logging/loglevels.h"

#include "core/logmask.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QReadWriteLock>
#include <QRegularExpression>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

using namespace Qt::Literals::StringLiterals;

namespace vox::log {

namespace {

// The areas that get a named logger of their own even when no level names them.
const QStringList &knownAreas()
{
    static const QStringList areas{u"http"_s,   u"db"_s,     u"vapi"_s,      u"twilio"_s,
                                   u"google"_s, u"resend"_s, u"jobs"_s,      u"events"_s,
                                   u"auth"_s,   u"server"_s, u"providers"_s, u"qt"_s};
    return areas;
}

struct State
{
    QReadWriteLock lock; // write: replacing the loggers; read: logging through them
    // One named spdlog logger per area over the same sinks, each at its area's level; `other`
    // serves areas without one (the console's), at the default level.
    QHash<QString, std::shared_ptr<spdlog::logger>> loggers;
    std::shared_ptr<spdlog::logger> other;
    std::vector<spdlog::sink_ptr> sinks;                                  // from setup*()
    std::vector<std::pair<std::ostream *, spdlog::sink_ptr>> streamSinks; // tests' captures
    QStringList secrets;
    Levels levels;
};

State &state()
{
    static State s;
    return s;
}

spdlog::level::level_enum toSpd(Level level)
{
    switch (level) {
    case Level::Debug:
        return spdlog::level::debug;
    case Level::Info:
        return spdlog::level::info;
    case Level::Warn:
        return spdlog::level::warn;
    case Level::Error:
        return spdlog::level::err;
    case Level::Off:
        return spdlog::level::off;
    }
    return spdlog::level::info;
}

QString levelName(Level level)
{
    switch (level) {
    case Level::Debug:
        return u"debug"_s;
    case Level::Info:
        return u"info"_s;
    case Level::Warn:
        return u"warn"_s;
    case Level::Error:
        return u"error"_s;
    case Level::Off:
        return u"off"_s;
    }
    return u"info"_s;
}

// Builds the loggers from the set-up's sinks and the tests' stream sinks. Called with the write
// lock held: loggers are replaced, never changed, while other threads may be logging.
void rebuild(State &s)
{
    std::vector<spdlog::sink_ptr> all = s.sinks;
    for (const auto &[stream, sink] : s.streamSinks)
        all.push_back(sink);
    const auto make = [&all](const QString &name, Level level) {
        auto logger = std::make_shared<spdlog::logger>(name.toStdString(), all.begin(), all.end());
        logger->set_pattern("%v");
        logger->set_level(toSpd(level));
        logger->flush_on(spdlog::level::warn);
        return logger;
    };
    s.loggers.clear();
    QStringList areas = knownAreas();
    for (auto it = s.levels.areas.cbegin(); it != s.levels.areas.cend(); ++it) {
        if (!areas.contains(it.key()))
            areas.append(it.key());
    }
    for (const QString &area : std::as_const(areas))
        s.loggers.insert(area, make(area, s.levels.of(area)));
    s.other = make(u"voxanne"_s, s.levels.fallback);
}

spdlog::logger *loggerOf(const State &s, const char *name)
{
    if (!s.other)
        return nullptr;
    const auto it = s.loggers.constFind(areaOf(QString::fromLatin1(name)));
    return it != s.loggers.cend() ? it->get() : s.other.get();
}

void install(std::vector<spdlog::sink_ptr> sinks, const Levels &levels)
{
    State &s = state();
    QWriteLocker locker(&s.lock);
    s.sinks = std::move(sinks);
    s.levels = levels;
    rebuild(s);
}

void install(std::vector<spdlog::sink_ptr> sinks, Level minimum)
{
    install(std::move(sinks), Levels{minimum, {}});
}

// Waits until every line handed to writeLater is written.
void drainLaterLines();

QString withoutSecrets(QString text, const QStringList &secrets)
{
    for (const QString &secret : secrets)
        text.replace(secret, u"[redacted]"_s);
    return text;
}

QJsonValue withoutSecrets(const QJsonValue &value, const QStringList &secrets)
{
    if (value.isString())
        return withoutSecrets(value.toString(), secrets);
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), withoutSecrets(it.value(), secrets));
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(withoutSecrets(item, secrets));
        return out;
    }
    return value;
}

} // namespace

Level levelFromString(const QString &name, Level fallback)
{
    const QString n = name.trimmed().toLower();
    if (n == u"debug" || n == u"trace")
        return Level::Debug;
    if (n == u"info")
        return Level::Info;
    if (n == u"warn" || n == u"warning")
        return Level::Warn;
    if (n == u"error")
        return Level::Error;
    if (n == u"off")
        return Level::Off;
    return fallback;
}

Result<Levels> parseLevels(const QString &spec)
{
    Levels levels;
    const auto level = [](const QString &name) -> std::optional<Level> {
        const Level parsed = levelFromString(name, Level(-1));
        if (parsed == Level(-1))
            return std::nullopt;
        return parsed;
    };
    for (const QString &part : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString entry = part.trimmed();
        if (entry.isEmpty())
            continue;
        const qsizetype eq = entry.indexOf(u'=');
        const QString name = eq < 0 ? entry : entry.mid(eq + 1).trimmed();
        const std::optional<Level> parsed = level(name);
        if (!parsed)
            return fail(
                u"Unknown log level \"%1\" (use debug, info, warn, error or off)."_s.arg(name));
        if (eq < 0) {
            levels.fallback = *parsed;
            continue;
        }
        const QString area = entry.left(eq).trimmed().toLower();
        static const QRegularExpression areaName(u"^[a-z][a-z0-9_-]*$"_s);
        if (!areaName.match(area).hasMatch())
            return fail(
                u"\"%1\" is not a log area (expected AREA=LEVEL, e.g. http=warn)."_s.arg(entry));
        levels.areas.insert(area, *parsed);
    }
    return levels;
}

QString areaOf(QStringView logger)
{
    const qsizetype dot = logger.indexOf(u'.');
    const QStringView head = dot < 0 ? logger : logger.left(dot);
    // Older names that write about one area under another name.
    static const QHash<QString, QString> aliases{
        {u"postgres"_s, u"db"_s},      {u"migrations"_s, u"db"_s}, {u"telephony"_s, u"twilio"_s},
        {u"messaging"_s, u"twilio"_s}, {u"toolsync"_s, u"vapi"_s}, {u"agent"_s, u"vapi"_s}};
    const QString area = head.toString();
    return aliases.value(area, area);
}

void setupStderr(Level minimum)
{
    install({std::make_shared<spdlog::sinks::stderr_sink_mt>()}, minimum);
}

void setupStderr(const Levels &levels)
{
    install({std::make_shared<spdlog::sinks::stderr_sink_mt>()}, levels);
}

void setLevels(const Levels &levels)
{
    State &s = state();
    QWriteLocker locker(&s.lock);
    s.levels = levels;
    rebuild(s);
}

QString setupRotatingFile(const QString &directory, const QString &baseName, Level minimum,
                          bool alsoStderr)
{
    QDir().mkpath(directory);
    const QString path = QDir(directory).filePath(baseName + u".log"_s);
    std::vector<spdlog::sink_ptr> sinks{std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
        path.toStdString(), 5 * 1024 * 1024, 5)};
    if (alsoStderr)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_sink_mt>());
    install(std::move(sinks), minimum);
    return path;
}

void addStreamSink(std::ostream &stream)
{
    State &s = state();
    QWriteLocker locker(&s.lock);
    if (!s.other)
        s.levels = Levels{Level::Debug, {}}; // a test's capture before any set-up: everything
    s.streamSinks.emplace_back(&stream,
                               std::make_shared<spdlog::sinks::ostream_sink_mt>(stream, true));
    rebuild(s);
}

void removeStreamSink(std::ostream &stream)
{
    State &s = state();
    QWriteLocker locker(&s.lock);
    std::erase_if(s.streamSinks, [&stream](const auto &entry) {
        if (entry.first != &stream)
            return false;
        entry.second->flush();
        return true;
    });
    rebuild(s);
}

void flush()
{
    drainLaterLines();
    State &s = state();
    QReadLocker locker(&s.lock);
    for (const auto &logger : std::as_const(s.loggers))
        logger->flush();
    if (s.other)
        s.other->flush();
}

void registerSecret(const QString &secret)
{
    // Short values would mask ordinary words; real secrets are long.
    if (secret.size() < 8)
        return;
    State &s = state();
    QWriteLocker locker(&s.lock);
    if (!s.secrets.contains(secret))
        s.secrets.append(secret);
}

namespace {

void writeAt(const QDateTime &at, Level level, const char *logger, const QString &message,
             const QJsonObject &fields)
{
    State &s = state();
    QReadLocker locker(&s.lock);
    spdlog::logger *out = loggerOf(s, logger);
    if (!out || level == Level::Off || !out->should_log(toSpd(level)))
        return;

    QJsonObject line;
    line.insert(u"ts"_s, at.toString(Qt::ISODateWithMs));
    line.insert(u"level"_s, levelName(level));
    line.insert(u"logger"_s, QString::fromLatin1(logger));
    line.insert(u"msg"_s, withoutSecrets(logmask::scrubText(message), s.secrets));
    const QJsonObject masked = logmask::maskFields(fields);
    for (auto it = masked.begin(); it != masked.end(); ++it) {
        if (!line.contains(it.key()))
            line.insert(it.key(), withoutSecrets(it.value(), s.secrets));
    }
    const QByteArray json = QJsonDocument(line).toJson(QJsonDocument::Compact);
    out->log(toSpd(level), std::string_view(json.constData(), size_t(json.size())));
}

bool enabled(Level level, const char *logger)
{
    State &s = state();
    QReadLocker locker(&s.lock);
    spdlog::logger *out = loggerOf(s, logger);
    return out && level != Level::Off && out->should_log(toSpd(level));
}

// The log's thread: it masks, formats and writes the lines handed over, so the threads that serve
// requests never wait on stderr or spend their time on masking expressions. spdlog's own
// asynchronous logger (1.10 in Debian 12) would take only the writing off the caller, and its
// flush returns before the lines are out, which tests and a fatal message need.
class LaterWriter
{
public:
    struct Line
    {
        QDateTime at;
        Level level;
        const char *logger;
        QString message;
        QJsonObject fields;
    };

    ~LaterWriter()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        if (m_thread.joinable())
            m_thread.join(); // after writing what was queued
        gone.store(true);
    }

    // Set once the writer is destroyed at exit: lines from later destructors are written by
    // their own thread.
    static inline std::atomic<bool> gone{false};

    void push(Line line)
    {
        std::unique_lock lock(m_mutex);
        if (m_queue.size() >= maxQueued) {
            // The writer is behind (a blocked stderr): the caller waits its turn rather than
            // the queue growing without bound or lines being lost.
            lock.unlock();
            writeAt(line.at, line.level, line.logger, line.message, line.fields);
            return;
        }
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
        m_queue.push_back(std::move(line));
        lock.unlock();
        m_wake.notify_one();
    }

    void drain()
    {
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [this] { return m_queue.empty() && !m_writing; });
    }

private:
    static constexpr std::size_t maxQueued = 65536;

    void run()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, nothing left
            std::deque<Line> batch;
            batch.swap(m_queue);
            m_writing = true;
            lock.unlock();
            for (const Line &line : batch)
                writeAt(line.at, line.level, line.logger, line.message, line.fields);
            lock.lock();
            m_writing = false;
            m_idle.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<Line> m_queue;
    bool m_writing = false;
    bool m_stopping = false;
    std::thread m_thread;
};

LaterWriter &laterWriter()
{
    static LaterWriter writer;
    return writer;
}

void drainLaterLines()
{
    laterWriter().drain();
}

} // namespace

void write(Level level, const char *logger, const QString &message, const QJsonObject &fields)
{
    if (!enabled(level, logger))
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (LaterWriter::gone.load())
        writeAt(now, level, logger, message, fields);
    else
        laterWriter().push({now, level, logger, message, fields});
}

void writeLater(Level level, const char *logger, const QString &message, const QJsonObject &fields)
{
    write(level, logger, message, fields);
}

void installQtMessageHandler()
{
    qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            Level level = Level::Info;
            switch (type) {
            case QtDebugMsg:
                level = Level::Debug;
                break;
            case QtInfoMsg:
                level = Level::Info;
                break;
            case QtWarningMsg:
                level = Level::Warn;
                break;
            case QtCriticalMsg:
            case QtFatalMsg:
                level = Level::Error;
                break;
            }
            QJsonObject fields;
            if (context.category && qstrcmp(context.category, "default") != 0)
                fields.insert(u"category"_s, QString::fromLatin1(context.category));
            write(level, "qt", message, fields);
            if (type == QtFatalMsg) {
                flush();
                std::abort();
            }
        });
}

} // namespace vox::log
