#pragma once

#include <QAudioFormat>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QWebSocket;

namespace vox::ui {

class ApiClient;
class PcmOutput;

// Listening in to a call in progress: GET /api/calls/:id/listen as a WebSocket. The server first
// says the format ({"type":"format","sample_rate","channels"}), then relays the call's sound as
// binary frames of 16-bit little-endian PCM, which go to a PcmOutput (the sound card unless told
// otherwise). It ends when the call ends, when the server refuses (another clinic's call, an
// ended one), or when stopped; message() then says why in words.
class ListenStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenStream)

public:
    enum class State { Idle, Connecting, Listening, Ended };
    using OutputFactory = std::function<std::unique_ptr<PcmOutput>()>;

    explicit ListenStream(ApiClient &api, QObject *parent = nullptr);
    ~ListenStream() override;

    // Tests hand in an output that counts; the console plays on the sound card.
    void setOutputFactory(OutputFactory factory) { m_factory = std::move(factory); }

    void start(const QString &callId);
    void stop();
    void setVolume(double volume);

    State state() const { return m_state; }
    QString callId() const { return m_callId; }
    // Why listening ended, or why the sound is not heard (no audio output); empty otherwise.
    QString message() const { return m_message; }
    QAudioFormat format() const { return m_format; }
    qint64 bytesReceived() const { return m_received; }
    // What was handed to the output (nothing while there is no output to play on).
    qint64 bytesPlayed() const { return m_played; }

    // Words for how the server closed the stream (`code`, `reason`).
    static QString closeMessage(int code, const QString &reason);

signals:
    void changed();

private:
    void open(const QString &token);
    void onText(const QString &text);
    void onAudio(const QByteArray &frame);
    void onClosed();
    void setState(State state, const QString &message = {});

    ApiClient &m_api;
    OutputFactory m_factory;
    QPointer<QWebSocket> m_socket;
    std::unique_ptr<PcmOutput> m_output;
    State m_state = State::Idle;
    QString m_callId;
    QString m_message;
    QAudioFormat m_format;
    double m_volume = 1.0;
    qint64 m_received = 0;
    qint64 m_played = 0;
    quint64 m_attempt = 0;
};

} // namespace vox::ui
