#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <mutex>

namespace vox::sandbox {

// One account's session, kept: its access token is handed out until it is about to expire, then
// the session is refreshed (the same session, its refresh token rotated). Opening a session
// writes a new one on the server each time, so a feed that asked before every batch left the
// account with dozens of sessions a day.
class SessionKeeper final
{
    Q_DISABLE_COPY_MOVE(SessionKeeper)

public:
    // Seconds on a clock that only moves forward; the steady clock unless a test gives its own.
    using Clock = std::function<qint64()>;
    // A session answer as /api/auth/login gives it: access_token, refresh_token, expires_in.
    using Open = std::function<Result<QJsonObject>()>;
    using Refresh = std::function<Result<QJsonObject>(const QString &refreshToken)>;

    // An access token with less than this left is not handed out: a batch of calls that starts
    // with it must not have it expire half way.
    static constexpr qint64 marginSeconds = 120;

    explicit SessionKeeper(Clock clock = {});

    // The kept access token while it has more than `marginSeconds` left; otherwise the session
    // refreshed with `refresh`, or, failing that (or with none kept), a new one from `open`.
    Result<QString> accessToken(const Open &open, const Refresh &refresh);
    // Drops the kept session: the server refused its token.
    void forget();

private:
    Result<QString> keep(const Result<QJsonObject> &session);

    Clock m_clock;
    std::mutex m_mutex;
    QString m_accessToken;
    QString m_refreshToken;
    qint64 m_expiresAt = 0;
};

} // namespace vox::sandbox
