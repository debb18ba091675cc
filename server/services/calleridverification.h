#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/services/telephony.h"

#include <QList>
#include <QPair>
#include <QString>

namespace vox::server {

// Hybrid telephony, first half: a clinic proves it owns its mobile number through Twilio's caller
// id verification before it may forward that number (ForwardingConfigs).
//
// Verification codes are Twilio's `validation_code`: shown once to the person (they type it on the
// keypad when Twilio calls) and kept only as a bcrypt hash for 10 minutes. Every limit lives in
// PostgreSQL (rate_limit_buckets), so it holds across restarts and server instances.
class CallerIdVerification
{
public:
    using Answer = telephony::Answer;

    static constexpr int codeSeconds = 10 * 60;
    static constexpr int maxWrongAttempts = 3;
    static constexpr int lockSeconds = 60 * 60;
    static constexpr int initiationsPerHour = 3;

    explicit CallerIdVerification(AppContext &app)
        : m_app(app)
    {}

    Result<Answer> initiate(const db::Access &access, const QString &phoneNumber,
                            const QString &friendlyName);
    Result<Answer> confirm(const db::Access &access, const QString &verificationId,
                           const QString &code);
    Result<Answer> verifiedNumbers(const db::Access &access);
    Result<Answer> removeVerifiedNumber(const db::Access &access, const QString &verifiedId);

    // Twilio's status callback for a validation call (when BACKEND_URL is set), authenticated by
    // its X-Twilio-Signature over `url` and the form parameters.
    Result<Answer> validationCallback(const QString &verificationId, const QString &url,
                                      const QByteArray &signature,
                                      const QList<QPair<QString, QString>> &parameters);
    QString callbackUrl(const QString &verificationId) const;

    // The daily clean-up: pending verifications past their code's life become expired; failed and
    // expired ones older than 24 h are deleted unless an active forwarding config uses them.
    struct CleanupCounts
    {
        int expired = 0;
        int deleted = 0;
    };
    Result<CleanupCounts> cleanup();

    // telephony.cleanup, daily at 03:00 UTC, once across instances.
    static void registerJobs(jobs::JobRunner &runner, AppContext &app);

    static QString lockBucket(const QString &orgId, const QString &phoneNumber);
    static QString initiationBucket(const QString &phoneNumber);

private:
    AppContext &m_app;
};

} // namespace vox::server
