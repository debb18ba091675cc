#pragma once

#include <QBuffer>
#include <QUrl>
#include <QWidget>

class QAudioOutput;
class QComboBox;
class QLabel;
class QMediaPlayer;
class QSlider;
class QToolButton;

namespace vox::ui {

class ApiClient;

// Plays a call recording in the console: play/pause, a position slider to seek, and the speed
// (people skim long calls at 1.5x). Recordings on our own server are fetched with the session
// (the media backend cannot send it); a provider's public URL is streamed directly. The player
// is created on the first Play, so browsing calls costs nothing.
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

private:
    void ensurePlayer();
    void startPlaying();
    void showPosition(qint64 ms);
    void showProblem(const QString &text);

    ApiClient &m_api;
    QUrl m_url;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_output = nullptr;
    QBuffer m_buffer;
    bool m_sourceSet = false;
    bool m_fetching = false;
    QToolButton *m_play;
    QSlider *m_position;
    QLabel *m_time;
    QComboBox *m_speed;
    QLabel *m_problem;
    qint64 m_duration = 0;
};

} // namespace vox::ui
