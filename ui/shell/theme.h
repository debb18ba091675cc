#pragma once

#include <QIcon>

namespace vox::ui {

enum class Theme { System, Light, Dark };

// The Fusion style with a light or dark palette (screenshots, and a user's choice), or the
// platform's own look.
void applyTheme(Theme theme);
bool isDarkPalette();

// The console's icon, drawn so it needs no image files.
QIcon appIcon();

} // namespace vox::ui
