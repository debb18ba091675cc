#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/apitypes.h"
#include "ui/api/callquery.h"
#include "ui/api/callrecord.h"
#include "ui/api/listpage.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QObject>
#include <QUrl>

namespace vox::ui {

class ApiClient;

// The call log and what can be done with a call (server/routes/calls, callactions).
class CallsClient final
{
    Q_DISABLE_COPY_MOVE(CallsClient)

public:
    explicit CallsClient(ApiClient &api)
        : m_api(api)
    {}

    void list(const CallQuery &query, const QString &cursor, int limit, QObject *context,
              Callback<ListPage<CallRecord>> done);
    void get(const QString &id, QObject *context, Callback<CallRecord> done);
    void sendFollowUp(const QString &callId, const QString &message, QObject *context,
                      Callback<MessageSent> done);
    void shareRecording(const QString &callId, const QString &email, QObject *context,
                        Callback<QString> done);
    void exportTranscript(const QString &callId, QObject *context, Callback<TranscriptFile> done);
    // What a recording's address answers, as it came, so the player can say why it cannot play.
    struct RecordingFetch
    {
        int status = 0; // 0: no answer at all
        QNetworkReply::NetworkError network = QNetworkReply::NoError;
        QByteArray contentType;
        QByteArray body;
    };
    // The start of a provider's recording (a Range request), to learn whether its address answers
    // with audio before the player streams it. Our own server's recordings are streamed through
    // RecordingRelay instead, which adds the session the player cannot send.
    void recordingStart(const QUrl &url, QObject *context,
                        std::function<void(const RecordingFetch &)> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
