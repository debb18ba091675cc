#pragma once

#include <QByteArray>
#include <QString>

// Whether a request really comes from Vapi: either the shared secret that our server puts in every
// `server.headers` it configures (`x-vapi-secret`), or Vapi's HMAC credential
// (`HMACAuthenticationPlan` defaults: `x-signature` = hex HMAC-SHA256 of "{timestamp}.{body}",
// `x-timestamp`). Both compared in constant time.
namespace vox::vapi {

enum class Verdict {
    Accepted,
    NoCredentials,  // neither header was sent
    WrongSecret,    // x-vapi-secret does not match
    BadSignature,   // x-signature does not match (or HMAC is not configured here)
    StaleTimestamp, // x-timestamp missing, unreadable or more than 5 minutes off
};

struct Credentials
{
    QByteArray secretHeader;    // x-vapi-secret
    QByteArray signatureHeader; // x-signature
    QByteArray timestampHeader; // x-timestamp
};

inline constexpr qint64 timestampToleranceSeconds = 5 * 60;

// `webhookSecret` is VAPI_WEBHOOK_SECRET, `hmacSecret` VAPI_HMAC_SECRET (either may be empty:
// that method is then refused). Vapi does not say whether x-timestamp counts seconds or
// milliseconds, so both are accepted: values above 10^11 are milliseconds.
Verdict verify(const Credentials &sent, const QByteArray &body, const QString &webhookSecret,
               const QString &hmacSecret, qint64 nowMs);

// The x-signature value Vapi would send (lower-case hex), for the simulator and tests.
QByteArray signature(const QByteArray &timestamp, const QByteArray &body,
                     const QString &hmacSecret);

QString describe(Verdict verdict);

} // namespace vox::vapi
