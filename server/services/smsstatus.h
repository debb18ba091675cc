#pragma once

#include "core/result.h"
#include "server/appcontext.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace vox::server {

// Twilio's status callbacks for the texts we send: every Messages POST names a callback URL that
// carries the audit row's id, Twilio posts each change of the message's state there (form body,
// X-Twilio-Signature with the clinic's auth token over that exact URL), and the row moves forward
// to sent, delivered or failed with Twilio's error code in words (core/smsdelivery), publishing
// message.updated for the console. Repeats and late reports change nothing.
class SmsStatus
{
public:
    explicit SmsStatus(AppContext &app)
        : m_app(app)
    {}

    static inline const QString path = QStringLiteral("/api/webhooks/twilio/status");
    // The StatusCallback given to Twilio for the audit row `messageId`.
    static QString callbackUrl(const ServerConfig &config, const QString &messageId);

    // `messageId` is the callback URL's `message`. 400 when it is not an id; 403 when the
    // signature is missing or not that of the clinic the message belongs to (an unknown message
    // alike), and nothing changes. True when the row moved, false when the report changed nothing.
    Result<bool> receive(const QString &messageId, const QByteArray &signature,
                         const QList<QPair<QString, QString>> &parameters);

private:
    AppContext &m_app;
};

} // namespace vox::server
