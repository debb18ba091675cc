#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// The small request and answer values of the API's calls that have no life of their own
// elsewhere in the console (the records the pages show have their own headers).
namespace vox::ui {

struct SignUpForm
{
    QString organizationName;
    QString email;
    QString password;
    QString fullName;
    QString timeZone;
};

struct TimeSlot
{
    QDateTime start;
    QDateTime end;
};

struct NewAppointment
{
    QString serviceId;
    QDateTime scheduledTime;
    QString contactId; // or name + phone for someone not yet a contact
    QString name;
    QString phone;
    QString notes;
};

struct CallBackStarted
{
    QString callId;
    QString phone;
    QString status;
};

// A text or e-mail the server handed to its provider. `confirmed` is false when Twilio never
// confirmed a text: it may have reached the patient, so it must not be sent again, and the
// Messages list shows the outcome once the server has looked it up.
struct MessageSent
{
    QString recipient;
    bool confirmed = true;

    // "status": "unknown" is the server saying Twilio never confirmed the text.
    static MessageSent fromJson(const QJsonObject &json, const QString &recipient)
    {
        return MessageSent{recipient, json.value(QLatin1String("status")).toString() !=
                                          QLatin1String("unknown")};
    }
};

struct TranscriptFile
{
    QString fileName;
    QByteArray text;
};

// Which optional features the server can use for this clinic. `known` is false when the user may
// not read the integrations (staff): the server then decides when the button is pressed.
struct FeatureAvailability
{
    bool known = false;
    bool smsConfigured = false;
    bool emailConfigured = false;
    // Every provider of the server is the sandbox (known to staff too).
    bool sandbox = false;
};

} // namespace vox::ui
