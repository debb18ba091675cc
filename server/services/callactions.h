#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/http/principal.h"
#include "server/http/response.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace vox::server {

// The call dashboard's actions: a follow-up SMS to the caller, a recording shared by e-mail through
// a signed 24-hour link that the server itself serves (until it expires or an admin revokes it),
// the recording played through the server, and the transcript as a text file; and the appointment
// reminder. Each leaves an audit row, and each access to a patient's content an access log row;
// provider failures are logged and answered in words: 422 when Twilio refused what it was asked
// (the clinic can fix it), 502 when it failed, and a 202 with status "unknown" when Twilio never
// confirmed a text (it may have gone, so it is not sent again).
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
    // {success, email, expiresAt, shareId}
    Result<QJsonObject> shareRecording(const http::Principal &who, const QString &callId,
                                       const QString &email, const QString &clientAddress);
    // The call's shares that still work: {items: [{id, email, created_at, expires_at, shared_by}]}.
    Result<QJsonObject> activeShares(const http::Principal &who, const QString &callId);
    // Withdraws a share at once; revoking one already revoked answers it unchanged.
    Result<QJsonObject> revokeShare(const http::Principal &who, const QString &shareId);
    // The call's recording, relayed through the server for a signed-in user (the range asked for).
    Result<http::Response> playRecording(const http::Principal &who, const QString &callId,
                                         const QString &clientAddress,
                                         const QByteArray &rangeHeader);

    struct Export
    {
        QString fileName;
        QByteArray text;
    };
    Result<Export> exportTranscript(const http::Principal &who, const QString &callId,
                                    const QString &clientAddress);

    // The recording behind a shared link, relayed (the range asked for): 404 when the token is
    // forged or altered, 410 when the link has expired or was revoked.
    Result<http::Response> sharedRecording(const QString &token, const QString &clientAddress,
                                           const QByteArray &rangeHeader);
    // Whether a stored recording address may be fetched for a listener: plain https, or the
    // sandbox's own recordings in a demo.
    static bool isSafeRecordingLocation(const QString &url, const QString &sandboxUrl);

    // {success, recipient, method, messageId}; sets the appointment's confirmation_sent.
    Result<QJsonObject> sendReminder(const http::Principal &who, const QString &appointmentId,
                                     const QString &method);

    QString shareLink(const QString &orgId, const QString &callId, const QString &shareId,
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
