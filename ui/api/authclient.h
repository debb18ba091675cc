#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/apitypes.h"
#include "ui/api/session.h"

#include <QObject>

namespace vox::ui {

class ApiClient;

// Signing in and out (server/routes/auth): the session the transport keeps comes from here.
class AuthClient final
{
    Q_DISABLE_COPY_MOVE(AuthClient)

public:
    explicit AuthClient(ApiClient &api)
        : m_api(api)
    {}

    void login(const QString &email, const QString &password, QObject *context,
               Callback<Session> done);
    void signUp(const SignUpForm &form, QObject *context, Callback<Session> done);
    // Starts a session from a refresh token kept from an earlier run.
    void resume(const QString &refreshToken, QObject *context, Callback<Session> done);
    void logout(QObject *context, Callback<void> done);
    // Who is signed in and for which clinic (GET /api/me); the tokens stay as they are.
    void me(QObject *context, Callback<Session> done);
    // Sets the signed-in person's new password; their other sessions end, this one stays.
    // Answers how many other sessions ended.
    void changePassword(const QString &current, const QString &replacement, QObject *context,
                        Callback<int> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
