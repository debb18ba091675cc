#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/apitypes.h"
#include "ui/api/callquery.h"
#include "ui/api/callrecord.h"
#include "ui/api/listpage.h"

#include <QByteArray>
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
    // The recording's bytes, fetched with the session (the player cannot send the token).
    void recording(const QUrl &url, QObject *context, Callback<QByteArray> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
