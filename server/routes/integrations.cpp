#include "server/routes/integrations.h"

#include "server/http/jsonbody.h"
#include "server/services/googlecalendarlink.h"
#include "server/services/integrationservice.h"
#include "server/services/resendsetup.h"
#include "server/services/twilioconnection.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// The page the clinic's browser lands on after Google: it says what happened and that the
// console can take over.
http::Response browserPage(int status, const QString &title, const QString &message)
{
    http::Response r;
    r.status = status;
    r.contentType = "text/html; charset=utf-8";
    r.body = u"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%1</title>"
             "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;"
             "padding:0 1rem;line-height:1.5}</style></head><body><h1>%1</h1><p>%2</p></body>"
             "</html>"_s.arg(title.toHtmlEscaped(), message.toHtmlEscaped())
                 .toUtf8();
    r.withHeader("Cache-Control", "no-store");
    r.withHeader("Referrer-Policy", "no-referrer");
    return r;
}

} // namespace

void registerIntegrationRoutes(http::Router &router, AppContext &app)
{
    auto service = std::make_shared<IntegrationService>(app);

    router.get(u"/api/integrations"_s, http::Auth::User,
               [service](http::Context &c) -> http::Reply {
                   auto status = service->status(c.access());
                   if (!status)
                       return status.error();
                   if (!c.user().isAdmin())
                       return http::Response::json(IntegrationService::staffView(*status));
                   return http::Response::json(*status);
               });

    auto twilio = std::make_shared<TwilioConnection>(app);
    router.put(u"/api/integrations/twilio"_s, http::Auth::Admin,
               [twilio](http::Context &c) -> http::Reply {
                   auto body = http::JsonBody::parse(c.request);
                   if (!body)
                       return body.error();
                   auto sid = body->requiredString(u"account_sid"_s, 64);
                   if (!sid)
                       return sid.error();
                   auto token = body->requiredString(u"auth_token"_s, 200);
                   if (!token)
                       return token.error();
                   auto number = body->requiredString(u"phone_number"_s, 40);
                   if (!number)
                       return number.error();
                   auto report = twilio->connectTwilio(c.access(), *sid, *token, *number);
                   if (!report)
                       return report.error();
                   if (report->status >= 300)
                       return http::Response::json({{u"success"_s, false},
                                                    {u"error"_s, report->error},
                                                    {u"step"_s, report->failedStep},
                                                    {u"steps"_s, report->steps}},
                                                   report->status);
                   // Accepted: the job finishes with Vapi and `integration.updated` says how it
                   // ended.
                   return http::Response::json({{u"success"_s, true},
                                                {u"status"_s, u"syncing"_s},
                                                {u"steps"_s, report->steps}},
                                               report->status);
               });

    router.del(u"/api/integrations/twilio"_s, http::Auth::Admin,
               [twilio](http::Context &c) -> http::Reply {
                   if (auto done = twilio->disconnectTwilio(c.access()); !done)
                       return done.error();
                   return http::Response::json(QJsonObject{{u"success"_s, true}});
               });

    auto google = std::make_shared<GoogleCalendarLink>(app);
    router.get(
        u"/api/integrations/google/auth-url"_s, http::Auth::Admin,
        [google](http::Context &c) -> http::Reply {
            auto url = google->googleAuthorizationUrl(c.user());
            if (!url)
                return url.error();
            return http::Response::json(
                {{u"url"_s, *url}, {u"expires_in"_s, GoogleCalendarLink::oauthStateSeconds}});
        });

    router.get(u"/api/integrations/google/callback"_s, http::Auth::Public,
               [google](http::Context &c) -> http::Reply {
                   auto email = google->completeGoogleConnection(c.request.queryValue(u"code"_s),
                                                                 c.request.queryValue(u"state"_s),
                                                                 c.request.queryValue(u"error"_s));
                   if (!email) {
                       const int status = http::statusOf(email.error().kind);
                       return browserPage(status ? status : 500,
                                          u"Google Calendar was not connected"_s,
                                          status ? email.errorMessage()
                                                 : u"Something went wrong on the server. Please "
                                                   "try again."_s);
                   }
                   return browserPage(200, u"Google Calendar is connected"_s,
                                      u"Voxanne can now use the calendar of %1. You can close "
                                      "this window and return to Voxanne."_s.arg(*email));
               });

    router.del(u"/api/integrations/google"_s, http::Auth::Admin,
               [google](http::Context &c) -> http::Reply {
                   auto done = google->disconnectGoogle(c.access());
                   if (!done)
                       return done.error();
                   return http::Response::json(
                       QJsonObject{{u"success"_s, true}, {u"revoked_at_google"_s, *done}});
               });

    auto resend = std::make_shared<ResendSetup>(app);
    router.put(u"/api/integrations/resend"_s, http::Auth::Admin,
               [service, resend](http::Context &c) -> http::Reply {
                   auto body = http::JsonBody::parse(c.request);
                   if (!body)
                       return body.error();
                   auto from = body->requiredString(u"from"_s, 320);
                   if (!from)
                       return from.error();
                   std::optional<QString> key;
                   if (body->has(u"api_key"_s)) {
                       auto given = body->optionalString(u"api_key"_s, 200);
                       if (!given)
                           return given.error();
                       key = given->value_or(QString()); // null or "" removes the clinic's key
                   }
                   if (auto configured = resend->configure(c.access(), key, *from); !configured)
                       return configured.error();
                   // The answer is the whole listing, as GET /api/integrations reads after the
                   // change.
                   auto status = service->status(c.access());
                   if (!status)
                       return status.error();
                   return http::Response::json(*status);
               });
}

} // namespace vox::server
