#pragma once

#include <QString>

// Whether a call's monitor URL (Vapi's `call.monitor.listenUrl` / `controlUrl`) may be used.
// The URLs are bearer-like secrets that the server dials on its own: a message that named any
// host would make the server send Vapi's public key there, so only Vapi's own hosts are taken.
namespace vox::calls {

enum class MonitorUrlKind {
    Listen, // a WebSocket: wss://
    Control // JSON over HTTP: https://
};

// Empty when `url` may be used, else why not. The reason never quotes the URL (it is a secret).
// `sandboxOrigin` ("host:port") is the provider sandbox's address, given only when the server
// runs against the sandbox alone: there plain ws:// and http:// to that exact origin are taken.
QString monitorUrlProblem(const QString &url, MonitorUrlKind kind,
                          const QString &sandboxOrigin = {});

} // namespace vox::calls
