#pragma once

#include <QString>

namespace vox::ui {

// What the command line asked for: `voxanne-console [--server URL] [--embedded]
// [--data-dir DIR] [--demo]`. Without any, the console goes to the user's last choice, or asks.
struct StartupOptions
{
    QString serverUrl;
    bool embedded = false;
    QString dataDir;
    bool demo = false;
};

} // namespace vox::ui
