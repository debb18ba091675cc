#include "ui/shell/singleinstance.h"

#include "core/logging/log.h"

#include <QCryptographicHash>
#include <QLocalSocket>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

constexpr int answerWaitMs = 1000;
constexpr char activateRequest[] = "activate\n";

} // namespace

SingleInstance::SingleInstance(QObject *parent)
    : QObject(parent)
{
    // Only this user's processes may knock.
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->bytesAvailable() < qint64(sizeof activateRequest) - 1)
                    return; // the rest is on its way
                if (socket->readAll() == activateRequest)
                    emit activationRequested();
                socket->disconnectFromServer();
            });
        }
    });
}

QString SingleInstance::socketName(const QString &key)
{
    QString user;
#ifdef Q_OS_UNIX
    user = QString::number(::getuid());
#else
    user = qEnvironmentVariable("USERNAME");
#endif
    const QByteArray digest =
        QCryptographicHash::hash((user + u'\n' + key).toUtf8(), QCryptographicHash::Sha256);
    return u"voxanne-console-"_s + QString::fromLatin1(digest.toHex().left(24));
}

bool SingleInstance::claim(const QString &key)
{
    if (m_server.isListening() && key == m_key)
        return true;
    const QString name = socketName(key);
    QLocalSocket probe;
    probe.connectToServer(name);
    if (probe.waitForConnected(answerWaitMs)) {
        probe.write(activateRequest);
        probe.waitForBytesWritten(answerWaitMs);
        probe.waitForDisconnected(answerWaitMs); // the first console has read the request
        return false;
    }
    m_server.close();
    // Nobody answered: a socket file left by a console that crashed is taken over.
    QLocalServer::removeServer(name);
    if (!m_server.listen(name)) {
        // Without the socket this console cannot be found by the next launch; the server's own
        // lock on the data folder still refuses a second server on the same database.
        log::warn("console", u"Cannot listen for other launches of the console."_s,
                  {{u"reason"_s, m_server.errorString()}});
        return true;
    }
    m_key = key;
    return true;
}

} // namespace vox::ui
