#include "ui/api/authclient.h"

#include "ui/api/apiclient.h"

#include <QJsonObject>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

void AuthClient::login(const QString &email, const QString &password, QObject *context,
                       Callback<Session> done)
{
    m_api.requestSession(u"/api/auth/login"_s,
                         {{u"email"_s, email.trimmed()}, {u"password"_s, password}}, context,
                         std::move(done));
}

void AuthClient::signUp(const SignUpForm &form, QObject *context, Callback<Session> done)
{
    QJsonObject body{{u"organization_name"_s, form.organizationName.trimmed()},
                     {u"email"_s, form.email.trimmed()},
                     {u"password"_s, form.password}};
    if (!form.fullName.trimmed().isEmpty())
        body.insert(u"full_name"_s, form.fullName.trimmed());
    if (!form.timeZone.isEmpty())
        body.insert(u"time_zone"_s, form.timeZone);
    // The person signing up works in the console's language: the clinic starts in it, so the
    // words seeded for it (its review tags) read as its staff speak.
    body.insert(u"language"_s, QLocale().language() == QLocale::Spanish ? u"es"_s : u"en"_s);
    m_api.requestSession(u"/api/auth/signup"_s, body, context, std::move(done));
}

void AuthClient::resume(const QString &refreshToken, QObject *context, Callback<Session> done)
{
    m_api.requestSession(u"/api/auth/refresh"_s, {{u"refresh_token"_s, refreshToken}}, context,
                         std::move(done));
}

void AuthClient::logout(QObject *context, Callback<void> done)
{
    const QJsonObject body{{u"refresh_token"_s, m_api.session().refreshToken}};
    m_api.requestVoid("POST", u"/api/auth/logout"_s, &body, context, std::move(done), false);
    m_api.clearSession();
}

void AuthClient::changePassword(const QString &current, const QString &replacement,
                                QObject *context, Callback<int> done)
{
    const QJsonObject body{{u"current_password"_s, current},
                           {u"new_password"_s, replacement},
                           {u"refresh_token"_s, m_api.session().refreshToken}};
    m_api.requestJson<int>(
        "POST", u"/api/auth/password"_s, {}, &body, context, std::move(done),
        [](const QJsonObject &json) { return json.value(u"other_sessions_ended"_s).toInt(); });
}

void AuthClient::me(QObject *context, Callback<Session> done)
{
    m_api.requestJson<Session>("GET", u"/api/me"_s, {}, nullptr, context, std::move(done),
                               [](const QJsonObject &json) {
                                   return Session::fromJson(json, QDateTime::currentDateTimeUtc());
                               });
}

} // namespace vox::ui
