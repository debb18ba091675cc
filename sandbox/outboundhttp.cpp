#include "sandbox/outboundhttp.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

Result<http::OutboundAnswer> sendOnce(const http::OutboundCall &call)
{
    http::OutboundAnswer answer = http::exchangeOnce(call, "voxanne-sandbox");
    if (answer.status == 0) {
        const QString host = call.url.host();
        return answer.sent
                   ? fail(u"%1 did not answer (1 attempt)."_s.arg(host), ErrorKind::ProviderFailed)
                   : fail(u"%1 could not be reached (1 attempt)."_s.arg(host),
                          ErrorKind::ProviderFailed);
    }
    return answer;
}

} // namespace vox::sandbox
