#pragma once

#include <QJsonObject>

namespace vox::ui {

// The details of a refused request that a screen needs beyond the sentence: how many attempts
// are left, how long a number stays locked, how long to wait, the steps that ran. Empty (status
// 0) when the request succeeded or never reached the server.
struct Refusal
{
    int status = 0;
    QJsonObject body;
    int retryAfterSeconds = 0;

    // -1 when the server did not say.
    int attemptsRemaining() const
    {
        return body.value(QLatin1String("attemptsRemaining")).toInt(-1);
    }
    int lockedForSeconds() const { return body.value(QLatin1String("lockedForSeconds")).toInt(0); }
    int waitSeconds() const
    {
        const int said = body.value(QLatin1String("retryAfterSeconds")).toInt(0);
        return said > 0 ? said : retryAfterSeconds;
    }
    QString field() const { return body.value(QLatin1String("field")).toString(); }
};

} // namespace vox::ui
