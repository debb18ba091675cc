#pragma once

#include "ui/api/apicallbacks.h"

#include <QDateTime>
#include <QJsonArray>
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

// Where a caller is put through to a person (GET /api/transfer-destinations).
struct TransferDestination
{
    QString id;
    QString name;
    QString number;
    bool emergency = false;
    // [{day: 1..7, open: "HH:MM", close: "HH:MM"}] in the clinic's time zone; none: never.
    QJsonArray hours = {};
    int position = 0;
    QString description = {}; // for the people choosing one: "Dr Lee's mobile, surgeries only"

    static TransferDestination fromJson(const QJsonObject &json);
    // The clinic's order, the one the AI tries them in (ties as listed).
    static QList<TransferDestination> inOrder(QList<TransferDestination> destinations);
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
    // Admins: `fields` as docs/api.md lists them ({name, description, number, hours, emergency,
    // position}).
    void createDestination(const QJsonObject &fields, QObject *context,
                           Callback<TransferDestination> done);
    void updateDestination(const QString &id, const QJsonObject &fields, QObject *context,
                           Callback<TransferDestination> done);
    void removeDestination(const QString &id, QObject *context, Callback<void> done);
    // Admins: every destination's id, first to last; answers the list in its new order.
    void reorderDestinations(const QStringList &ids, QObject *context,
                             Callback<QList<TransferDestination>> done);
    // type: say | whisper | mute | unmute | end | transfer
    void control(const QString &callId, const QJsonObject &action, QObject *context,
                 Callback<QJsonObject> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
