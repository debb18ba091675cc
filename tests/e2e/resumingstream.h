// A console's live event stream as the console keeps it: when the connection ends it connects
// again with `since` = the last event id it saw, so it catches up on what it missed, whichever
// instance answers.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSet>
#include <QTimer>
#include <QWebSocket>

namespace vox::test {

class ResumingStream
{
public:
    ResumingStream(QString url, QString token)
        : m_url(std::move(url))
        , m_token(std::move(token))
    {
        QObject::connect(&m_socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
            const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
            const QString type = m.value(QStringLiteral("type")).toString();
            if (type == u"ready") {
                ready = true;
                if (startId < 0)
                    startId = m.value(QStringLiteral("last_event_id")).toInteger();
            } else if (type == u"event") {
                const qint64 id = m.value(QStringLiteral("event"))
                                      .toObject()
                                      .value(QStringLiteral("id"))
                                      .toInteger();
                ids.insert(id);
                m_lastId = qMax(m_lastId, id);
            }
        });
        QObject::connect(&m_socket, &QWebSocket::disconnected, [this] { reopenSoon(); });
        // A connection refused never connected, so it may end without `disconnected`.
        QObject::connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error),
                         [this] {
                             if (m_socket.state() == QAbstractSocket::UnconnectedState)
                                 reopenSoon();
                         });
        open();
    }
    ~ResumingStream()
    {
        m_closing = true;
        m_socket.close();
    }

    bool ready = false;
    qint64 startId = -1; // the newest event when the stream first opened
    QSet<qint64> ids;    // every event id received, live or replayed
    int reconnects = 0;

private:
    void reopenSoon()
    {
        ready = false;
        if (m_closing || m_reopening)
            return;
        m_reopening = true;
        ++reconnects;
        // A moment's pause, as the console's backoff does, and again with `since`.
        QTimer::singleShot(200, &m_socket, [this] {
            m_reopening = false;
            open();
        });
    }
    void open()
    {
        QString url = m_url;
        if (startId >= 0)
            url += QStringLiteral("?since=%1").arg(qMax(m_lastId, startId));
        QNetworkRequest request{QUrl(url)};
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        m_socket.open(request);
    }

    QString m_url;
    QString m_token;
    QWebSocket m_socket;
    qint64 m_lastId = 0;
    bool m_closing = false;
    bool m_reopening = false;
};

} // namespace vox::test
