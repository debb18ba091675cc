#include "ui/api/listenstream.h"

#include "ui/api/apiclient.h"
#include "ui/audio/pcmoutput.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

ListenStream::ListenStream(ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_factory([] { return std::make_unique<AudioSinkOutput>(); })
{}

ListenStream::~ListenStream()
{
    if (m_socket)
        m_socket->disconnect(this);
}

QString ListenStream::closeMessage(int code, const QString &reason)
{
    switch (code) {
    case QWebSocketProtocol::CloseCodeNormal:
        return tr("The call has ended.");
    case 4001:
        return tr("Sign in again to listen.");
    case 4404:
        return tr("This call is not one of your clinic's calls in progress.");
    case 4409:
        return tr("The call has ended; there is nothing to listen to.");
    default:
        return reason.isEmpty() ? tr("Listening stopped: the connection to the server was lost.")
                                : tr("Listening stopped: %1").arg(reason);
    }
}

void ListenStream::start(const QString &callId)
{
    stop();
    m_callId = callId;
    m_received = 0;
    m_played = 0;
    m_format = {};
    setState(State::Connecting);
    const quint64 attempt = ++m_attempt;
    m_api.withFreshToken(this, [this, attempt](Result<QString> token) {
        if (attempt != m_attempt || m_state != State::Connecting)
            return;
        if (!token) {
            setState(State::Ended, token.errorMessage());
            return;
        }
        open(*token);
    });
}

void ListenStream::open(const QString &token)
{
    QUrl url = m_api.baseUrl();
    url.setScheme(url.scheme() == u"https" ? u"wss"_s : u"ws"_s);
    url.setPath(url.path() + u"/api/calls/%1/listen"_s.arg(m_callId));
    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socket = socket;
    connect(socket, &QWebSocket::textMessageReceived, this, &ListenStream::onText);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &ListenStream::onAudio);
    connect(socket, &QWebSocket::disconnected, this, &ListenStream::onClosed);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    socket->open(request);
}

void ListenStream::stop()
{
    ++m_attempt;
    if (m_socket) {
        QWebSocket *socket = m_socket;
        socket->disconnect(this);
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        if (socket->state() == QAbstractSocket::UnconnectedState)
            socket->deleteLater();
        else
            socket->close();
        m_socket = nullptr;
    }
    m_output.reset();
    if (m_state != State::Idle)
        setState(State::Idle);
}

void ListenStream::setVolume(double volume)
{
    m_volume = volume;
    if (m_output)
        m_output->setVolume(volume);
}

void ListenStream::onText(const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    if (message.value(u"type"_s).toString() != u"format")
        return;
    m_format.setSampleRate(message.value(u"sample_rate"_s).toInt(16000));
    m_format.setChannelCount(message.value(u"channels"_s).toInt(2));
    m_format.setSampleFormat(QAudioFormat::Int16);
    m_output = m_factory();
    m_output->setVolume(m_volume);
    const QString problem = m_output->start(m_format);
    if (!problem.isEmpty())
        m_output.reset();
    // Without an output the call is still followed, so the message can say why it is not heard.
    setState(State::Listening, problem);
}

void ListenStream::onAudio(const QByteArray &frame)
{
    m_received += frame.size();
    if (!m_output)
        return;
    m_output->write(frame);
    m_played += frame.size();
}

void ListenStream::onClosed()
{
    const int code = m_socket ? int(m_socket->closeCode()) : 0;
    const QString reason = m_socket ? m_socket->closeReason() : QString();
    if (m_socket)
        m_socket->deleteLater();
    m_socket = nullptr;
    m_output.reset();
    setState(State::Ended, closeMessage(code, reason));
}

void ListenStream::setState(State state, const QString &message)
{
    m_state = state;
    m_message = message;
    emit changed();
}

} // namespace vox::ui
