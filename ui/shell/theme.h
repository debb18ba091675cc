#pragma once

#include <QIcon>

namespace vox::ui {

enum class Theme { System, Light, Dark };

// The Fusion style with the console's light or dark palette: the one the user chose, or the one
// matching the system's (System). Applies at once, to every open window.
void applyTheme(Theme theme);
// Whether the desktop was dark when the console started.
bool systemPrefersDark();
bool isDarkPalette();

// The console's icon, drawn so it needs no image files.
QIcon appIcon();

} // namespace vox::ui
