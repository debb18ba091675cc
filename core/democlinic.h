#pragma once

#include <QString>

// The demo clinic that `run.sh` and `voxanne-console --demo` open: one account shared by the
// console (which signs it up or in) and the call feed (which needs to find the same clinic).
// It lives only in a local, sandboxed demo; no real provider is ever reached with it.
namespace vox::demo {

inline QString email()
{
    return QStringLiteral("demo@voxanne.local");
}
inline QString password()
{
    return QStringLiteral("voxanne-demo-clinic");
}

} // namespace vox::demo
