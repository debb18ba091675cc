#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace vox::test {

// A TCP relay between the console and the server that a test can cut, as a network does: drop
// every open connection, and refuse new ones until allowed again.
class TcpRelay final : public QObject
{
    Q_OBJECT

public:
    TcpRelay(QString targetHost, quint16 targetPort, QObject *parent = nullptr);

    bool listen();
    QString url() const;
    void dropAll();
    void setRefusing(bool refusing) { m_refusing = refusing; }
    int accepted() const { return m_accepted; }
    // From now on each connection passes at most `bytes` of the server's answer to the client and
    // holds the rest, as a stalled network does; -1 passes everything.
    void holdServerBytesAfter(qint64 bytes) { m_serverBytesPassed = bytes; }

private:
    void accept();

    QTcpServer m_server;
    QString m_targetHost;
    quint16 m_targetPort;
    bool m_refusing = false;
    int m_accepted = 0;
    qint64 m_serverBytesPassed = -1;
    QList<std::pair<QPointer<QAbstractSocket>, QPointer<QAbstractSocket>>> m_pairs;
};

} // namespace vox::test
