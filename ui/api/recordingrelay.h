#pragma once

#include "ui/api/apicallbacks.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QTcpServer;

namespace vox::ui {

class ApiClient;

// Lets the media player stream a call's recording from our server, which wants the session that
// the player cannot send: a relay on 127.0.0.1 that the player opens like any web address. Each
// of the player's requests is passed to our server with the session and the player's Range (so
// seeking works), and the answer is passed back as it arrives. The player's reading paces the
// server's sending, so the relay holds at most a couple of windows of the recording, whatever its
// length, and playing starts with the first bytes instead of after the whole file.
//
// The address carries a secret made for each recording, so no other program on the computer can
// borrow the session through it.
class RecordingRelay final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingRelay)

public:
    // What our server first answered for the recording, for the player to say why it cannot play.
    struct FirstAnswer
    {
        int status = 0; // 0: no answer at all
        QNetworkReply::NetworkError network = QNetworkReply::NoError;
        QByteArray contentType;
        QByteArray head; // the first bytes of the body
    };

    // The most of the recording held at once per request: what the server sent that the player
    // has not read yet, on each side of the relay.
    static constexpr qint64 windowBytes = 64 * 1024;

    explicit RecordingRelay(ApiClient &api, QObject *parent = nullptr);
    ~RecordingRelay() override;

    // Asks our server for the recording at `route` (a path on it) from its start, and calls
    // `answered` once the status and the first bytes are known. After a good answer url() serves
    // the recording, and the player's first request from the start is given this same answer: one
    // listening is one request from the start, which the server logs once.
    void open(const QUrl &route, std::function<void(const FirstAnswer &)> answered);
    // Stops serving the recording: the address no longer answers and every request is dropped.
    void close();

    // Where the player finds the opened recording; empty when nothing is open.
    QUrl url() const;
    // The most bytes of recordings the relay held at once since it was made (tests).
    qint64 peakHeldBytes() const { return m_peakHeld; }

private:
    class Connection;
    friend class Connection;

    // The address's path: the secret, then the route on our server.
    QByteArray relayPath() const;
    // The session's token, fresh; empty without a session (our server then refuses as it would).
    void withToken(QObject *context, Callback<QString> done);
    QNetworkReply *get(const QString &accessToken, const QByteArray &range);
    void firstAnswerArrived();
    // The opened first answer, for a request from the start; null when it is gone or taken.
    QNetworkReply *takeFirstAnswer();
    void noteHeld();

    ApiClient &m_api;
    QNetworkAccessManager *m_network;
    QTcpServer *m_server;
    QUrl m_route;
    QByteArray m_secret;
    QPointer<QNetworkReply> m_first;
    bool m_firstReported = false;
    QList<Connection *> m_connections;
    std::function<void(const FirstAnswer &)> m_answered;
    qint64 m_peakHeld = 0;
};

} // namespace vox::ui
