#include "sandbox/sandbox.h"

#include "server/http/httpserver.h"

#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

Sandbox::Sandbox(QObject *parent)
    : QObject(parent)
{
    m_state.registerControl(m_router);
    m_router.get(u"/health"_s, http::Auth::Public, [](Context &) {
        return http::Response::json({{u"status"_s, u"ok"_s}, {u"sandbox"_s, true}});
    });
    // One stand-in per provider, each in its own file.
    m_vapi.registerRoutes(m_router);
    m_twilio.registerRoutes(m_router);
    m_google.registerRoutes(m_router);
    m_resend.registerRoutes(m_router);
    m_recordings.registerRoutes(m_router);
    m_liveCalls.registerRoutes(m_router);
    auto noUsers = [](const http::Request &) -> Result<http::Nobody> {
        return http::status::unauthorized(u"The sandbox has no users."_s);
    };
    m_http = std::make_unique<http::HttpServer>(m_router, noUsers, http::HttpServer::Options{});
    m_http->setWebSocketHandler(
        LiveCallSandbox::listenPath(),
        [this](std::unique_ptr<QWebSocket> socket) { m_liveCalls.listen(std::move(socket)); });
}

Sandbox::~Sandbox() = default;

Result<quint16> Sandbox::listen(const QString &host, quint16 port)
{
    m_host = host;
    auto bound = m_http->listen(host, port);
    if (bound)
        m_vapi.setOwnUrl(url()); // its simulated calls' recordings are made here
    return bound;
}

QString Sandbox::url() const
{
    return u"http://%1:%2"_s.arg(m_host).arg(m_http->port());
}

} // namespace vox::sandbox
