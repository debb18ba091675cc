#include "core/monitorurl.h"

#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace vox::calls {

QString monitorUrlProblem(const QString &url, MonitorUrlKind kind, const QString &sandboxOrigin)
{
    if (url.trimmed().isEmpty())
        return u"The call has no monitor address."_s;
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return u"The call's monitor address is not a valid URL."_s;
    if (!parsed.userInfo().isEmpty())
        return u"The call's monitor address carries credentials."_s;
    const QString scheme = parsed.scheme().toLower();
    const QString host = parsed.host().toLower();
    const bool listen = kind == MonitorUrlKind::Listen;
    if (!sandboxOrigin.isEmpty()) {
        const QString origin = host + u':' + QString::number(parsed.port(-1));
        const bool plain = scheme == (listen ? u"ws"_s : u"http"_s);
        if (plain && origin == sandboxOrigin.toLower())
            return {};
    }
    if (scheme != (listen ? u"wss"_s : u"https"_s))
        return listen ? u"The call's listen address is not a secure WebSocket (wss://)."_s
                      : u"The call's control address is not HTTPS."_s;
    if (host != u"vapi.ai" && !host.endsWith(u".vapi.ai"_s))
        return u"The call's monitor address is not on Vapi's servers."_s;
    return {};
}

} // namespace vox::calls
