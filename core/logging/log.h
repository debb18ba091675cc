#pragma once

#include <QJsonObject>
#include <QString>

#include <iosfwd>

// Structured logging for the server and the console: one JSON object per line (ts, level, logger,
// msg, then the fields), written through spdlog. Every message and field is masked
// (vox::logmask) and every registered secret is replaced before a line is formatted, so a caller
// cannot leak a token by mistake. Lines are masked, formatted and written on the log's own thread;
// the caller only hands them over, stamped with the time they were made. Each area has a logger
// and a level of its own (core/logging/loglevels.h).
namespace vox::log {

enum class Level { Debug, Info, Warn, Error, Off };

Level levelFromString(const QString &name, Level fallback = Level::Info);

// The server: JSON lines on stderr.
void setupStderr(Level minimum);
// The console: a rotating file (5 MiB x 5) in `directory`, plus stderr when `alsoStderr`.
// Returns the file's path.
QString setupRotatingFile(const QString &directory, const QString &baseName, Level minimum,
                          bool alsoStderr);
// Tests: every line also goes to `stream` until removeStreamSink(stream), which must come before
// the stream is destroyed (servers still log while they shut down).
void addStreamSink(std::ostream &stream);
void removeStreamSink(std::ostream &stream);
// Writes out every line handed to writeLater, then flushes the sinks.
void flush();

// Values that must never appear in output, whatever field or message carries them (the server's
// keys and tokens are registered at start-up).
void registerSecret(const QString &secret);

// Routes qDebug/qWarning/qCritical (Qt's own messages included) into this log.
void installQtMessageHandler();

// Hands a line to the log's thread when its area logs `level`. `logger` must outlive the program
// (a literal). flush() waits for every line handed over before it.
void write(Level level, const char *logger, const QString &message, const QJsonObject &fields = {});
// The same as write(), named by the hot paths (the access log on the server's I/O thread).
void writeLater(Level level, const char *logger, const QString &message,
                const QJsonObject &fields = {});

inline void debug(const char *logger, const QString &message, const QJsonObject &fields = {})
{
    write(Level::Debug, logger, message, fields);
}
inline void info(const char *logger, const QString &message, const QJsonObject &fields = {})
{
    write(Level::Info, logger, message, fields);
}
inline void warn(const char *logger, const QString &message, const QJsonObject &fields = {})
{
    write(Level::Warn, logger, message, fields);
}
inline void error(const char *logger, const QString &message, const QJsonObject &fields = {})
{
    write(Level::Error, logger, message, fields);
}

} // namespace vox::log
