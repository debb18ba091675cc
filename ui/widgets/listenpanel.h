#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSlider;

namespace vox::ui {

class ApiClient;
class ListenStream;

// Listen in to the chosen call in progress: a Listen toggle, the volume, and a line saying what is
// happening (connecting, listening and in which format, or why not: no audio output, the call
// ended, refused). Choosing another call stops listening to the previous one.
class ListenPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenPanel)

public:
    ListenPanel(ApiClient &api, QWidget *parent = nullptr);

    // The call Listen would open; empty: none chosen.
    void setCall(const QString &callId);

    QPushButton *listenButton() const { return m_listen; }
    QSlider *volumeSlider() const { return m_volume; }
    QLabel *statusLabel() const { return m_status; }
    ListenStream &stream() const { return *m_stream; }

private:
    void toggle();
    void showState();

    ListenStream *m_stream;
    QString m_callId;
    QPushButton *m_listen;
    QSlider *m_volume;
    QLabel *m_status;
};

} // namespace vox::ui
