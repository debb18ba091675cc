#include "sandbox/sessionkeeper.h"

#include <chrono>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

namespace {

qint64 steadySeconds()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

SessionKeeper::SessionKeeper(Clock clock)
    : m_clock(clock ? std::move(clock) : Clock(steadySeconds))
{}

Result<QString> SessionKeeper::accessToken(const Open &open, const Refresh &refresh)
{
    const std::lock_guard lock(m_mutex);
    if (!m_accessToken.isEmpty() && m_clock() < m_expiresAt - marginSeconds)
        return m_accessToken;
    if (!m_refreshToken.isEmpty() && refresh) {
        if (auto refreshed = keep(refresh(m_refreshToken)))
            return refreshed;
    }
    m_accessToken.clear();
    m_refreshToken.clear();
    return keep(open());
}

void SessionKeeper::forget()
{
    const std::lock_guard lock(m_mutex);
    m_accessToken.clear();
    m_refreshToken.clear();
}

Result<QString> SessionKeeper::keep(const Result<QJsonObject> &session)
{
    if (!session)
        return session.error();
    const QString token = session->value(u"access_token"_s).toString();
    if (token.isEmpty())
        return fail(u"The session has no access token."_s);
    m_accessToken = token;
    m_refreshToken = session->value(u"refresh_token"_s).toString();
    m_expiresAt = m_clock() + session->value(u"expires_in"_s).toInteger();
    return token;
}

} // namespace vox::sandbox
