#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace vox::ui {

// What the server says about the clinic's connected accounts (GET /api/integrations). Never a
// secret: the Twilio SID only by its last four characters.
struct IntegrationStatus
{
    struct Twilio
    {
        bool configured = false;
        QString status; // active, syncing (being connected with Vapi), failed, broken,
                        // not_connected
        QString statusDetail;
        // Why the last connection did not go through; the previous one may still be active.
        QString error;
        // The step of that connection that failed (store, vapi_credential, vapi_number); empty
        // when it went through, or the server does not say.
        QString failedStep;
        QString accountSidLast4;
        QString phoneNumber;
        bool vapiLinked = false;
        QDateTime updatedAt;
        bool sandbox = false; // the sandbox's Twilio: nothing is really sent
    };
    struct Google
    {
        bool configured = false;
        bool available = false; // the server has a Google client
        QString status;         // active, broken, not_connected
        QString statusDetail;
        QString connectedEmail;
        QDateTime updatedAt;
    };
    struct Resend
    {
        bool configured = false;
        QString from;
        bool usesServerKey = false;
        QString apiKeyLast4;
    };

    Twilio twilio;
    Google google;
    Resend resend;
    // Every provider of the server (Twilio, Resend, Google, Vapi) is the provider sandbox.
    bool sandbox = false;

    static IntegrationStatus fromJson(const QJsonObject &json);
};

// One step of connecting Twilio (validate, store, vapi_credential, vapi_number) as the server
// reports it: done, pending (the server's job is still on it), failed or skipped, with a
// sentence about it.
struct TwilioSyncStep
{
    QString step;
    QString status;
    QString detail;

    // The `steps` of a connect answer, accepted or refused alike.
    static QList<TwilioSyncStep> listFromJson(const QJsonObject &json);
};

struct TwilioCredentials
{
    QString accountSid;
    QString authToken;
    QString phoneNumber;
};

} // namespace vox::ui
