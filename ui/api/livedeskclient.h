#pragma once

#include "ui/api/apicallbacks.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

namespace vox::ui {

class ApiClient;

// One line said on a call in progress.
struct LiveLine
{
    QString role; // assistant | user
    QString text;
};

// A call in progress as GET /api/live-calls lists it (docs/api.md, "Live call desk").
struct LiveCall
{
    QString id;
    QString status;
    QString callerName;
    QString phoneNumber;
    QDateTime startedAt; // or when it rang, before it was answered
    bool canControl = false;
    QList<LiveLine> lines;
    // Filled by live events: who speaks now, and what the transcriber has so far.
    QString speaking; // assistant | user | empty
    QString partialRole;
    QString partialText;

    static LiveCall fromJson(const QJsonObject &json);
};

struct TransferDestination
{
    QString id;
    QString name;
    QString number;
    bool emergency = false;
};

// The live call desk's calls (server/routes/livedesk).
class LiveDeskClient final
{
    Q_DISABLE_COPY_MOVE(LiveDeskClient)

public:
    explicit LiveDeskClient(ApiClient &api)
        : m_api(api)
    {}

    void calls(QObject *context, Callback<QList<LiveCall>> done);
    void destinations(QObject *context, Callback<QList<TransferDestination>> done);
    // type: say | whisper | mute | unmute | end | transfer
    void control(const QString &callId, const QJsonObject &action, QObject *context,
                 Callback<QJsonObject> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
