#include "app/console/embeddedserver.h"

#include "core/democlinic.h"
#include "core/logging/log.h"
#include "core/timezonename.h"
#include "sandbox/demofeed.h"
#include "sandbox/sandbox.h"
#include "server/config/serverconfig.h"
#include "server/db/backup.h"
#include "server/server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QTimeZone>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace vox::console {

namespace {

// In the data folder once the demo feed has made the clinic, its owner and its front desk.
QString demoPreparedMarker(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"demo-clinic-prepared"_s);
}

} // namespace

// Lives on the server thread: everything it owns is created, used and destroyed there.
class EmbeddedServerWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddedServerWorker)

public:
    explicit EmbeddedServerWorker(bool withSandbox)
        : m_withSandbox(withSandbox)
    {}

    void start(const QString &dataDir)
    {
        if (m_server) {
            emit started(QUrl(m_server->url()), {});
            return;
        }
        QStringList arguments{u"voxanne-console"_s, u"--mode"_s, u"embedded"_s,
                              u"--data-dir"_s,      dataDir,     u"--listen"_s,
                              u"127.0.0.1:0"_s};
        if (m_withSandbox) {
            m_sandbox = std::make_unique<sandbox::Sandbox>();
            // A call-back in the demo plays its call like Vapi would.
            m_sandbox->vapi().setSimulateOutboundCalls(true);
            auto bound = m_sandbox->listen(u"127.0.0.1"_s, 0);
            if (!bound) {
                m_sandbox.reset();
                emit failed(bound.errorMessage());
                return;
            }
            arguments << u"--sandbox"_s << m_sandbox->url();
        }
        // The server's own option table and loader: the same precedence (flags, environment,
        // config file, generated secrets) as voxanne-server, so an IT person's environment
        // variables apply to the embedded server too.
        QCommandLineParser parser;
        server::ServerConfig::describe(parser);
        if (!parser.parse(arguments)) {
            emit failed(parser.errorText());
            return;
        }
        auto config = server::ServerConfig::load(parser, QDir(dataDir).absolutePath());
        if (!config) {
            emit failed(config.errorMessage());
            return;
        }
        auto server = std::make_unique<server::Server>(*config);
        if (auto running = server->start(); !running) {
            emit failed(running.errorMessage());
            return;
        }
        m_server = std::move(server);
        if (m_withSandbox) {
            // The demo clinic gets calls as the day goes by, played through the sandbox's Vapi.
            sandbox::DemoFeed::Options feed;
            feed.serverUrl = m_server->url();
            feed.webhookSecret = config->vapiWebhookSecret;
            feed.sandboxUrl = m_sandbox->url();
            feed.email = demo::email();
            feed.password = demo::password();
            feed.ownerSession = [server = m_server.get()] {
                return server->localSession(demo::email());
            };
            feed.frontDeskEmail = demo::frontDeskEmail();
            feed.frontDeskPassword = demo::frontDeskPassword();
            feed.signUpIfMissing = true;
            // A demo clinic reads better in the computer's own city zone; not "Etc/UTC" or a
            // bare offset.
            const QString zone = QString::fromLatin1(QTimeZone::systemTimeZoneId());
            if (isTimeZoneName(zone) && zone.contains(u'/') && !zone.startsWith(u"Etc/"_s))
                feed.timeZone = zone;
            // The first time, the console signs the front desk in once the feed has made the
            // clinic and its people. On later starts they exist already: the console opens at
            // once and the feed reconnects the sandbox (a new assistant and number there) behind
            // it, a second or so in which a call-back says the number is still connecting.
            const QUrl url(m_server->url());
            const QString marker = demoPreparedMarker(dataDir);
            const bool preparedBefore = QFileInfo::exists(marker);
            feed.prepared = [this, url, marker, preparedBefore](const QString &problem) {
                if (!problem.isEmpty()) {
                    log::warn("console", u"The demo clinic is not fully set up: %1"_s.arg(problem));
                } else if (!preparedBefore) {
                    QFile written(marker);
                    if (!written.open(QIODevice::WriteOnly))
                        log::warn("console", u"Cannot note that the demo clinic is made."_s);
                }
                if (!preparedBefore)
                    emit started(url, {});
            };
            m_feed = std::make_unique<sandbox::DemoFeed>(feed);
            m_feed->start();
            if (preparedBefore) {
                // The front desk exists: a session made here, without the password, spares the
                // start a bcrypt the console's sign-in would cost.
                QString refreshToken;
                if (auto session = m_server->localSession(demo::frontDeskEmail()))
                    refreshToken = session->value(u"refresh_token"_s).toString();
                else
                    log::warn("console",
                              u"The demo's front desk signs in with the password: %1"_s.arg(
                                  session.errorMessage()));
                emit started(url, refreshToken);
            }
            return;
        }
        emit started(QUrl(m_server->url()), {});
    }

    // Who can read every row of the embedded cluster; empty when no server runs.
    db::ConnectionSettings backupSource() const
    {
        return m_server && m_server->config().usesEmbeddedDatabase() ? m_server->backupSource()
                                                                     : db::ConnectionSettings{};
    }

    QString dataDir() const { return m_server ? m_server->config().dataDir : QString(); }

    void stop()
    {
        if (m_feed) {
            // The feed may be waiting for this server's answer, and the server's I/O runs on
            // this thread: keep it turning until the feed has ended, or the two wait for each
            // other (a quit during the demo's first start hung).
            m_feed->requestStop();
            while (!m_feed->hasEnded()) {
                QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
                QThread::msleep(2);
            }
            m_feed.reset();
        }
        if (m_server) {
            m_server->stop();
            m_server.reset();
        }
        m_sandbox.reset();
    }

signals:
    // `localSession`: a refresh token for the console's account, or empty.
    void started(const QUrl &url, const QString &localSession);
    void failed(const QString &reason);

private:
    bool m_withSandbox;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<server::Server> m_server;
    std::unique_ptr<sandbox::DemoFeed> m_feed;
};

EmbeddedServer::EmbeddedServer(bool withSandbox, QObject *parent)
    : ui::EmbeddedServerHost(parent)
    , m_worker(new EmbeddedServerWorker(withSandbox))
{
    m_thread.setObjectName(u"embedded-server"_s);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &EmbeddedServerWorker::started, this,
            [this](const QUrl &url, const QString &localSession) {
                m_running = true;
                setLocalSession(localSession);
                emit started(url);
            });
    connect(m_worker, &EmbeddedServerWorker::failed, this, &EmbeddedServer::failed);
    m_thread.start();
}

EmbeddedServer::~EmbeddedServer()
{
    if (m_backup)
        m_backup->wait();
    stop();
    m_thread.quit();
    m_thread.wait();
}

void EmbeddedServer::start(const QString &dataDir)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, dataDir] { worker->start(dataDir); }, Qt::QueuedConnection);
}

// (translate() with the full context: lupdate files tr() here under the bare class name.)
void EmbeddedServer::backUp(const QString &file)
{
    if (m_backup) {
        emit backupFinished(QCoreApplication::translate("vox::console::EmbeddedServer",
                                                        "A backup is already being written."));
        return;
    }
    db::ConnectionSettings source;
    QString dataDir;
    QMetaObject::invokeMethod(
        m_worker,
        [&] {
            source = m_worker->backupSource();
            dataDir = m_worker->dataDir();
        },
        Qt::BlockingQueuedConnection);
    if (source.database.isEmpty()) {
        emit backupFinished(
            QCoreApplication::translate("vox::console::EmbeddedServer",
                                        "The clinic's server on this computer is not running."));
        return;
    }
    QPointer<EmbeddedServer> self(this);
    m_backup = QThread::create([self, source, dataDir, file] {
        const auto written =
            db::Backup::dumpEmbedded(source, dataDir, file, [self](int done, int total) {
                QMetaObject::invokeMethod(
                    self, [self, done, total] { emit self->backupProgress(done, total); },
                    Qt::QueuedConnection);
            });
        const QString failure = written ? QString() : written.errorMessage();
        if (!written)
            log::warn("console", u"The backup failed: %1"_s.arg(failure));
        QMetaObject::invokeMethod(
            self, [self, failure] { emit self->backupFinished(failure); }, Qt::QueuedConnection);
    });
    m_backup->setObjectName(u"backup"_s);
    connect(m_backup, &QThread::finished, m_backup, &QObject::deleteLater);
    m_backup->start();
}

void EmbeddedServer::stop()
{
    if (!m_thread.isRunning())
        return;
    // Blocks until the server answered what was in flight and its database stopped: quitting
    // must never leave PostgreSQL running behind the console.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->stop(); }, Qt::BlockingQueuedConnection);
    if (m_running)
        log::info("console", u"The embedded server stopped."_s);
    m_running = false;
}

} // namespace vox::console

#include "embeddedserver.moc"
