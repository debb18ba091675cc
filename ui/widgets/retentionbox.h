#pragma once

#include <QGroupBox>

class QLabel;
class QPushButton;
class QSpinBox;

namespace vox::ui {

class ApiClient;
class ToastArea;

// Settings → Retention: how long the clinic keeps recordings, transcripts and message content
// before the daily job removes them (admins change it; others read it).
class RetentionBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RetentionBox)

public:
    RetentionBox(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    void refresh();
    void save();

    QSpinBox *recordingsSpin() const { return m_recordings; }
    QSpinBox *transcriptsSpin() const { return m_transcripts; }
    QSpinBox *messagesSpin() const { return m_messages; }

private:
    QSpinBox *daysSpin();

    ApiClient &m_api;
    ToastArea &m_toasts;
    QLabel *m_note = nullptr;
    QSpinBox *m_recordings = nullptr;
    QSpinBox *m_transcripts = nullptr;
    QSpinBox *m_messages = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace vox::ui
