#pragma once

#include <QByteArray>
#include <QUrl>
#include <QWidget>

class QAudioOutput;
class QComboBox;
class QLabel;
class QMediaPlayer;
class QPushButton;
class QSlider;
class QToolButton;

namespace vox::ui {

class ApiClient;
class RecordingRelay;

// Plays a call recording in the console: play/pause, 10 seconds back and on, a position slider to
// seek, and the speed (people skim long calls at 1.5x). Recordings on our own server are streamed
// through a RecordingRelay, which adds the session the media backend cannot send; a provider's
// public URL is first asked for its first bytes. Either way a recording that cannot be fetched
// says why (not found, expired, refused, offline, not audio) with a Retry, and one that can plays
// as soon as its first bytes are in, never held whole in memory. The player is created on the
// first Play, so browsing calls costs nothing.
class RecordingPlayer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingPlayer)

public:
    RecordingPlayer(ApiClient &api, QWidget *parent = nullptr);
    ~RecordingPlayer() override;

    void setRecording(const QUrl &url);
    void clear();
    QUrl recording() const { return m_url; }
    // Play, or pause when playing: the Play button, and Space in the calls list.
    void togglePlay();
    // Plays from `ms` (a transcript line): starts the recording first when it is not loaded yet.
    void playFrom(qint64 ms);
    // 10 seconds back or on (negative: back), within the recording.
    void skip(qint64 deltaMs);
    bool isPlaying() const;
    qint64 position() const;
    // The problem shown under the player, empty when there is none (tests).
    QString problem() const;

    static constexpr qint64 skipMs = 10000;

signals:
    void positionChanged(qint64 ms);

private:
    void ensurePlayer();
    void load();
    void startPlaying();
    void showPosition(qint64 ms);
    void showProblem(const QString &text);
    void hideProblem();
    void applyPendingSeek();
    // Whether the recording's first answer is one to play; shows why not when it is not.
    bool playable(const QUrl &wanted, int status, const QByteArray &contentType,
                  const QByteArray &head);

    ApiClient &m_api;
    QUrl m_url;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_output = nullptr;
    RecordingRelay *m_relay = nullptr;
    bool m_sourceSet = false;
    bool m_fetching = false;
    qint64 m_pendingSeek = -1;
    QToolButton *m_play;
    QToolButton *m_back;
    QToolButton *m_forward;
    QSlider *m_position;
    QLabel *m_time;
    QComboBox *m_speed;
    QWidget *m_problemRow;
    QLabel *m_problem;
    QPushButton *m_retry;
    qint64 m_duration = 0;
};

} // namespace vox::ui
