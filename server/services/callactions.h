#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/http/principal.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace vox::server {

// The call dashboard's actions: a follow-up SMS to the caller, a recording shared by e-mail through
// a signed 24-hour link, and the transcript as a text file; and the appointment reminder. Each
// leaves an audit row; provider failures are logged and answered in words: 422 when Twilio refused
// what it was asked (the clinic can fix it), 502 when it failed, and a 202 with status "unknown"
// when Twilio never confirmed a text (it may have gone, so it is not sent again).
class CallActions
{
public:
    static constexpr int followUpWindowSeconds = 60 * 60;
    static constexpr int shareLinkSeconds = 24 * 60 * 60;

    explicit CallActions(AppContext &app)
        : m_app(app)
    {}

    // {success, messageId, externalMessageId, phone}. One SMS per caller per hour unless an admin
    // forces it (429 with Retry-After otherwise).
    Result<QJsonObject> followUp(const http::Principal &who, const QString &callId,
                                 const QString &message, bool force);
    // {success, email, expiresAt}
    Result<QJsonObject> shareRecording(const http::Principal &who, const QString &callId,
                                       const QString &email);

    struct Export
    {
        QString fileName;
        QByteArray text;
    };
    Result<Export> exportTranscript(const http::Principal &who, const QString &callId);

    // The recording behind a shared link: 404 when the token is forged or altered, 410 when it
    // has expired.
    Result<QString> sharedRecording(const QString &token, const QString &clientAddress);
    // Whether a stored recording address may go into the shared link's redirect.
    static bool isSafeRecordingLocation(const QString &url, const QString &sandboxUrl);

    // {success, recipient, method, messageId}; sets the appointment's confirmation_sent.
    Result<QJsonObject> sendReminder(const http::Principal &who, const QString &appointmentId,
                                     const QString &method);

    QString shareLink(const QString &orgId, const QString &callId,
                      const QDateTime &expiresAt) const;

private:
    QByteArray shareKey() const;

    AppContext &m_app;
};

// The HTTP status for a sent message's answer: 202 when Twilio never confirmed it, else 200.
inline int sendStatus(const QJsonObject &answer)
{
    return answer.value(QStringLiteral("status")).toString() == QStringLiteral("unknown") ? 202
                                                                                          : 200;
}

} // namespace vox::server
