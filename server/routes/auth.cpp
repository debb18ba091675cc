#include "server/routes/auth.h"

#include "server/http/jsonbody.h"
#include "server/services/authservice.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// The session as the client sees it (internal bookkeeping removed).
http::Reply sessionResponse(Result<QJsonObject> session, int status = 200)
{
    if (!session)
        return session.error();
    QJsonObject out = *session;
    out.remove(u"refresh_token_id"_s);
    return http::Response::json(out, status);
}

QString userAgent(const http::Request &request)
{
    return QString::fromUtf8(request.header("user-agent"));
}

} // namespace

void registerAuthRoutes(http::Router &router, AppContext &app)
{
    auto auth = std::make_shared<AuthService>(app);

    router.post(u"/api/auth/signup"_s, http::Auth::Public, [auth](http::Context &c) -> http::Reply {
        auto body = http::JsonBody::parse(c.request);
        if (!body)
            return body.error();
        AuthService::SignUp request;
        auto org = body->requiredString(u"organization_name"_s, 200);
        auto email = body->requiredString(u"email"_s, 254);
        auto password = body->requiredString(u"password"_s, 200);
        auto name = body->optionalString(u"full_name"_s, 200);
        auto zone = body->optionalString(u"time_zone"_s, 64);
        auto language = body->optionalString(u"language"_s, 8);
        for (const auto *e :
             {org ? nullptr : &org.error(), email ? nullptr : &email.error(),
              password ? nullptr : &password.error(), name ? nullptr : &name.error(),
              zone ? nullptr : &zone.error(), language ? nullptr : &language.error()}) {
            if (e)
                return *e;
        }
        request.organizationName = *org;
        request.email = *email;
        request.password = *password;
        request.fullName = name->value_or(QString());
        request.timeZone = zone->value_or(QString());
        request.language = language->value_or(QString());
        return sessionResponse(auth->signUp(request, c.request.remoteAddress), 201);
    });

    router.post(u"/api/auth/login"_s, http::Auth::Public, [auth](http::Context &c) -> http::Reply {
        auto body = http::JsonBody::parse(c.request);
        if (!body)
            return body.error();
        auto email = body->requiredString(u"email"_s, 254);
        if (!email)
            return email.error();
        auto password = body->requiredString(u"password"_s, 200);
        if (!password)
            return password.error();
        return sessionResponse(
            auth->login(*email, *password, c.request.remoteAddress, userAgent(c.request)));
    });

    router.post(u"/api/auth/refresh"_s, http::Auth::Public,
                [auth](http::Context &c) -> http::Reply {
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    auto token = body->requiredString(u"refresh_token"_s, 200);
                    if (!token)
                        return token.error();
                    return sessionResponse(
                        auth->refresh(*token, c.request.remoteAddress, userAgent(c.request)));
                });

    router.post(u"/api/auth/logout"_s, http::Auth::Public, [auth](http::Context &c) -> http::Reply {
        auto body = http::JsonBody::parse(c.request);
        if (!body)
            return body.error();
        auto token = body->requiredString(u"refresh_token"_s, 200);
        if (!token)
            return token.error();
        if (auto done = auth->logout(*token); !done)
            return done.error();
        return http::Response::json(QJsonObject{{u"success"_s, true}});
    });

    router.post(u"/api/auth/password"_s, http::Auth::User, [auth](http::Context &c) -> http::Reply {
        auto body = http::JsonBody::parse(c.request);
        if (!body)
            return body.error();
        auto current = body->requiredString(u"current_password"_s, 200);
        if (!current)
            return current.error();
        auto replacement = body->requiredString(u"new_password"_s, 200);
        if (!replacement)
            return replacement.error();
        // The caller's own session, which stays signed in.
        auto keep = body->optionalString(u"refresh_token"_s, 200);
        if (!keep)
            return keep.error();
        auto ended =
            auth->changePassword(c.access(), *current, *replacement, keep->value_or(QString()));
        if (!ended)
            return ended.error();
        return http::Response::json(
            QJsonObject{{u"success"_s, true}, {u"other_sessions_ended"_s, *ended}});
    });

    router.get(u"/api/me"_s, http::Auth::User, [auth](http::Context &c) -> http::Reply {
        auto me = auth->me(c.access());
        if (!me)
            return me.error();
        return http::Response::json(*me);
    });

    router.get(u"/api/org/users"_s, http::Auth::User, [&app](http::Context &c) -> http::Reply {
        auto users = app.db.transaction<QByteArray>(
            c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
                auto rows =
                    tx.exec("SELECT coalesce(json_agg(json_build_object('id', id, 'email', email, "
                            "'full_name', "
                            "full_name, 'role', role, 'disabled', disabled, 'last_login_at', "
                            "last_login_at, "
                            "'created_at', created_at) ORDER BY created_at), '[]') FROM profiles "
                            "WHERE org_id = $1::uuid",
                            {c.orgId()});
                if (!rows)
                    return rows.error();
                return QByteArray("{\"items\":" + rows->raw(0, 0) + '}');
            });
        if (!users)
            return users.error();
        return http::Response::rawJson(*users);
    });

    router.post(u"/api/org/users"_s, http::Auth::Admin, [auth](http::Context &c) -> http::Reply {
        auto body = http::JsonBody::parse(c.request);
        if (!body)
            return body.error();
        auto email = body->requiredString(u"email"_s, 254);
        if (!email)
            return email.error();
        auto role = body->requiredEnum(u"role"_s, {u"owner"_s, u"admin"_s, u"staff"_s});
        if (!role)
            return role.error();
        auto name = body->optionalString(u"full_name"_s, 200);
        if (!name)
            return name.error();
        auto password = body->optionalString(u"password"_s, 200);
        if (!password)
            return password.error();
        auto invited = auth->invite(c.access(), *email, *role, name->value_or(QString()),
                                    password->value_or(QString()));
        if (!invited)
            return invited.error();
        return http::Response::json(*invited, 201);
    });

    router.post(u"/api/org/users/:id/password-reset"_s, http::Auth::Admin,
                [auth](http::Context &c) -> http::Reply {
                    auto id = http::uuidParam(c.request, u"id"_s);
                    if (!id)
                        return id.error();
                    auto temporary = auth->resetPassword(c.access(), *id, c.request.remoteAddress);
                    if (!temporary)
                        return temporary.error();
                    return http::Response::json(QJsonObject{{u"temporary_password"_s, *temporary}})
                        .withHeader("Cache-Control", "no-store");
                });

    router.patch(
        u"/api/org/users/:id"_s, http::Auth::Admin, [auth](http::Context &c) -> http::Reply {
            auto id = http::uuidParam(c.request, u"id"_s);
            if (!id)
                return id.error();
            auto body = http::JsonBody::parse(c.request);
            if (!body)
                return body.error();
            auto disabled = body->optionalBool(u"disabled"_s);
            if (!disabled)
                return disabled.error();
            if (!disabled->has_value())
                return http::status::badRequest(u"'disabled' (true or false) is required."_s,
                                                u"disabled"_s);
            auto user = auth->setDisabled(c.access(), *id, **disabled, c.request.remoteAddress);
            if (!user)
                return user.error();
            return http::Response::json(QJsonObject{{u"user"_s, *user}});
        });
}

} // namespace vox::server
