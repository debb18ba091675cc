#pragma once

#include "httpclient.h"

#include <QString>

namespace vox::test {

struct TwilioLogin
{
    QString sid;
    QString token;
    QString number;
};

// Connecting Twilio answers 202 and a background job finishes the connection with Vapi. A test
// that needs a working connection connects and waits here until GET /api/integrations says
// "active" (bounded: `deadlineMs`). Empty when it is active; otherwise a sentence saying what
// the server answered, for QVERIFY2.
QString connectTwilioAndWait(HttpClient &admin, const TwilioLogin &login, int deadlineMs = 30000);

// Waits, within `deadlineMs`, until the clinic's Twilio connection is no longer "syncing", and
// returns the `twilio` object of GET /api/integrations as it then reads (the last one seen when
// the deadline passed).
QJsonObject settledTwilio(HttpClient &admin, int deadlineMs = 30000);

} // namespace vox::test
