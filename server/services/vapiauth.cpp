#include "server/services/vapiauth.h"

#include "core/logging/log.h"
#include "core/vapisignature.h"
#include "server/http/response.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

Result<void> authenticateVapi(const http::Request &request, const ServerConfig &config)
{
    const vapi::Verdict verdict =
        vapi::verify({request.header("x-vapi-secret"), request.header("x-signature"),
                      request.header("x-timestamp")},
                     request.body, config.vapiWebhookSecret, config.vapiHmacSecret,
                     QDateTime::currentMSecsSinceEpoch());
    if (verdict == vapi::Verdict::Accepted)
        return {};
    log::warn("vapi.auth", u"Refused a request that did not prove it came from Vapi."_s,
              {{u"path"_s, request.path},
               {u"remote"_s, request.remoteAddress},
               {u"reason"_s, vapi::describe(verdict)},
               {u"request_id"_s, request.requestId}});
    return http::status::unauthorized(u"Not authorised."_s);
}

} // namespace vox::server
