#include "tcprelay.h"

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace vox::test {

TcpRelay::TcpRelay(QString targetHost, quint16 targetPort, QObject *parent)
    : QObject(parent)
    , m_targetHost(std::move(targetHost))
    , m_targetPort(targetPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &TcpRelay::accept);
}

bool TcpRelay::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString TcpRelay::url() const
{
    return u"http://127.0.0.1:%1"_s.arg(m_server.serverPort());
}

void TcpRelay::accept()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        if (m_refusing) {
            client->abort();
            client->deleteLater();
            continue;
        }
        ++m_accepted;
        auto *upstream = new QTcpSocket(client);
        // QAbstractSocket, not QTcpSocket: `disconnected` can fire from ~QAbstractSocket, when
        // the object is no longer a QTcpSocket, and a QPointer<QTcpSocket> would downcast it.
        QPointer<QAbstractSocket> in(client);
        QPointer<QAbstractSocket> out(upstream);
        connect(client, &QTcpSocket::readyRead, upstream, [in, out] {
            if (in && out)
                out->write(in->readAll());
        });
        // Bytes the client may still receive; the rest stays unread in the upstream socket.
        auto allowance = std::make_shared<qint64>(m_serverBytesPassed);
        connect(upstream, &QTcpSocket::readyRead, client, [in, out, allowance] {
            if (!in || !out)
                return;
            if (*allowance < 0) {
                in->write(out->readAll());
                return;
            }
            const QByteArray piece = out->read(*allowance);
            *allowance -= piece.size();
            in->write(piece);
        });
        connect(upstream, &QTcpSocket::connected, client, [in, out] {
            // Anything the client sent before the upstream was ready.
            if (in && out && in->bytesAvailable() > 0)
                out->write(in->readAll());
        });
        connect(client, &QTcpSocket::disconnected, upstream, [out] {
            if (out)
                out->disconnectFromHost();
        });
        connect(upstream, &QTcpSocket::disconnected, client, [in, allowance] {
            // A held answer stays held: the client must not see its end.
            if (in && *allowance < 0)
                in->disconnectFromHost();
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        upstream->connectToHost(m_targetHost, m_targetPort);
        m_pairs.append({in, out});
    }
}

void TcpRelay::dropAll()
{
    for (auto &[in, out] : m_pairs) {
        if (out)
            out->abort();
        if (in)
            in->abort();
    }
    m_pairs.clear();
}

} // namespace vox::test
