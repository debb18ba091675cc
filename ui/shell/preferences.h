#pragma once

#include "ui/shell/theme.h"

#include <QString>

namespace vox::ui {

// This computer's choices for the console (QSettings): look, language, desktop notifications.
// The clinic's own settings live on the server.
class Preferences final
{
public:
    Preferences() = delete;

    static Theme theme();
    static void setTheme(Theme theme);
    // "" follows the system; otherwise "en" or "es". Applies from the next start.
    static QString language();
    static void setLanguage(const QString &language);
    // The language the console shows now: "en" or "es".
    static QString effectiveLanguage();
    static bool desktopNotifications();
    static void setDesktopNotifications(bool on);
    // A notice when a patient texts while the Inbox is not in view (on unless turned off).
    static bool textNotifications();
    static void setTextNotifications(bool on);
    // Where the console writes its rotating log.
    static QString logFolder();
    // The server address used when the console connects to a server (not this computer's).
    static QString serverUrl();
    static void setServerUrl(const QString &url);
    static bool usesRemoteServer();
};

} // namespace vox::ui
