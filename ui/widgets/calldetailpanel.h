#pragma once

#include "core/result.h"
#include "ui/api/apitypes.h"
#include "ui/api/callrecord.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QGroupBox;

namespace vox::ui {

class ApiClient;
class CallReviewBox;
class RecordingPlayer;
class RecordingSharesList;
class ToastArea;
class TranscriptView;

// Everything about one call: who, when, the AI's summary and the caller's mood, the transcript by
// speaker, the recording, a transfer if there was one, and the three actions exactly when the call
// has what they act on. Results show as toasts; the panel never blocks.
class CallDetailPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallDetailPanel)

public:
    CallDetailPanel(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    // Shows what the list knows at once, then reads the call's detail.
    void showCall(const CallRecord &call);
    void clear();
    // Refreshes the shown call if it is this one (a live update).
    void callChanged(const CallRecord &call);
    const CallRecord &call() const { return m_call; }

    void setFeatures(const FeatureAvailability &features);

    QPushButton *shareButton() const { return m_share; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *followUpButton() const { return m_followUp; }
    RecordingPlayer *player() const { return m_player; }
    RecordingSharesList *sharesList() const { return m_sharesList; }
    TranscriptView *transcript() const { return m_transcript; }
    CallReviewBox *reviewBox() const { return m_review; }
    // Plays or pauses the shown call's recording (Space in the calls list).
    void togglePlayback();

signals:
    void detailLoaded(const vox::ui::CallRecord &call);
    void openContact(const QString &contactId);

private:
    void render();
    void renderTranscript();
    void updateActions();
    void loadDetail();
    void startShare();
    void startExport();
    void startFollowUp();
    void markUnavailable(const Error &error, bool sms);

    ApiClient &m_api;
    ToastArea &m_toasts;
    CallRecord m_call;
    FeatureAvailability m_features;
    bool m_smsRefused = false;
    bool m_emailRefused = false;
    int m_detailGeneration = 0;

    QWidget *m_content;
    QLabel *m_placeholder;
    QLabel *m_title;
    QLabel *m_subtitle;
    QPushButton *m_openContact;
    QPushButton *m_share;
    RecordingSharesList *m_sharesList = nullptr;
    QPushButton *m_export;
    QPushButton *m_followUp;
    CallReviewBox *m_review = nullptr;
    QLabel *m_summary;
    QLabel *m_facts;
    QGroupBox *m_transferBox;
    QLabel *m_transfer;
    QGroupBox *m_recordingBox;
    RecordingPlayer *m_player;
    QLabel *m_recordingNote;
    TranscriptView *m_transcript;
    QLabel *m_marksLegend;
};

} // namespace vox::ui
