#pragma once

#include <QIcon>
#include <QString>

namespace vox::ui {

// One of the console's line icons (resources/icons/NAME.svg), drawn in the palette's text
// colour so it reads on light and dark alike: the window text colour normally, the highlighted
// text colour when selected, the disabled colour when disabled. Call again after the palette
// changes.
QIcon themedIcon(const QString &name);

} // namespace vox::ui
