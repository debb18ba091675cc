#pragma once

#include "core/result.h"
#include "server/providers/providerhttp.h"

#include <QString>

namespace vox::server::providers {

struct Email
{
    QString from; // "Glow Med Spa <no-reply@glow.example>" or a bare address
    QString to;
    QString subject;
    QString text;
    QString html;
    // Resend sends an e-mail once per key, however often the request is retried.
    QString idempotencyKey;
};

// Resend's POST /emails with a bearer API key; answers the e-mail's id. A failure is an Error with
// code "502", subject the HTTP status (providers::unreachable / providers::noAnswer when Resend
// never answered) and Resend's own message ({"statusCode", "message", "name"}), never the key.
class ResendClient
{
public:
    ResendClient(QString baseUrl, QString apiKey, RetryPolicy retry = {});

    bool isConfigured() const { return !m_apiKey.isEmpty(); }
    Result<QString> send(const Email &email);

private:
    QString m_baseUrl;
    QString m_apiKey;
    RetryPolicy m_retry;
};

} // namespace vox::server::providers
