// A real `voxanne-server serve` process for tests that need several instances or a crash.
#pragma once

#include "testserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTest>

#include <csignal>

namespace vox::test {

// The settings of a production server on the given database with every provider pointed at a
// port that refuses, as the e2e tests start it; a test adds or overrides what it is about.
inline QHash<QString, QString>
productionEnvironment(const QString &databaseUrl, const QString &dataDir,
                      const QString &logLevel = QStringLiteral("warn"))
{
    return {{QStringLiteral("VOXANNE_MODE"), QStringLiteral("production")},
            {QStringLiteral("VOXANNE_DATABASE_URL"), databaseUrl},
            {QStringLiteral("VOXANNE_DATA_DIR"), dataDir},
            {QStringLiteral("VOXANNE_LISTEN"), QStringLiteral("127.0.0.1:0")},
            {QStringLiteral("JWT_SECRET"), TestServer::jwtSecret},
            {QStringLiteral("ENCRYPTION_KEY"), TestServer::encryptionKey},
            {QStringLiteral("VAPI_WEBHOOK_SECRET"), TestServer::webhookSecret},
            {QStringLiteral("VAPI_PRIVATE_KEY"), QStringLiteral("test-vapi-private-key")},
            {QStringLiteral("BACKEND_URL"), QStringLiteral("http://127.0.0.1:1")},
            {QStringLiteral("VOXANNE_BCRYPT_COST"), QStringLiteral("4")},
            {QStringLiteral("VOXANNE_LOG_LEVEL"), logLevel}};
}

class ServerProcess
{
public:
    static QString binary() { return QStringLiteral(VOXANNE_BINARY_DIR "/app/voxanne-server"); }

    ~ServerProcess() { kill(); }

    // Starts `serve` with `arguments` and `environment` added to this process's environment,
    // and waits for its "listening on URL" line.
    bool start(const QStringList &arguments, const QHash<QString, QString> &environment,
               int timeoutMs = 120000)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Whatever this machine's environment names, providers are the test's to choose.
        const auto settings = TestServer::withoutRealProviders(environment);
        for (auto it = settings.cbegin(); it != settings.cend(); ++it)
            env.insert(it.key(), it.value());
        m_process.setProcessEnvironment(env);
        m_process.setProgram(binary());
        m_process.setArguments(QStringList{QStringLiteral("serve")} + arguments);
        m_output.clear();
        m_url.clear();
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression listening(QStringLiteral("listening on (\\S+)"));
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(100);
            m_output += m_process.readAllStandardOutput();
            const auto match = listening.match(QString::fromUtf8(m_output));
            if (match.hasMatch()) {
                m_url = match.captured(1);
                return true;
            }
        }
        return false;
    }

    QString url() const { return m_url; }
    QString webSocketUrl(const QString &path) const
    {
        QString ws = m_url;
        ws.replace(QStringLiteral("http://"), QStringLiteral("ws://"));
        return ws + path;
    }
    qint64 pid() const { return m_process.processId(); }
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    // What the server wrote on stderr (its JSON log), for failure messages.
    QByteArray log() { return m_process.readAllStandardError(); }

    // SIGTERM, then wait for a graceful exit; true when it exited with status 0.
    bool terminate(int timeoutMs = 30000)
    {
        if (m_process.state() != QProcess::Running)
            return false;
        m_process.terminate();
        return m_process.waitForFinished(timeoutMs) &&
               m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }
    // SIGTERM without waiting, for tests that watch what happens meanwhile.
    void signalTerminate()
    {
        if (m_process.state() == QProcess::Running)
            m_process.terminate();
    }
    int exitCode() const { return m_process.exitCode(); }
    bool exitedNormally() const { return m_process.exitStatus() == QProcess::NormalExit; }
    // SIGKILL: no shutdown code runs at all.
    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process.processId()), SIGKILL);
        m_process.waitForFinished(10000);
    }

private:
    QProcess m_process;
    QByteArray m_output;
    QString m_url;
};

} // namespace vox::test
