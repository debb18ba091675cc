#pragma once

#include <QString>

// The demo clinic that `run.sh` and `voxanne-console --demo` open: one clinic shared by the
// console and the call feed (which creates it and keeps it connected to the sandbox). The console
// signs in as the front desk, as a clinic's staff use it all day; the owner's account is there
// for the admin pages (sign out and in with it). It lives only in a local, sandboxed demo; no real
// provider is ever reached with it.
namespace vox::demo {

// The owner, who signed the clinic up.
inline QString email()
{
    return QStringLiteral("demo@voxanne.local");
}
inline QString password()
{
    return QStringLiteral("voxanne-demo-clinic");
}

// The front desk: a staff member, the demo's own user.
inline QString frontDeskEmail()
{
    return QStringLiteral("frontdesk@voxanne.local");
}
inline QString frontDeskPassword()
{
    return QStringLiteral("voxanne-front-desk");
}

} // namespace vox::demo
