#pragma once

#include <QString>

namespace vox::ui {

// Installs the console's translation for `language` ("en" or "es", compiled into the
// executable) and Qt's own for the standard dialogs, in place of those a previous call installed,
// and makes dates and numbers follow it.
// Answers whether the console's catalogue was found.
bool installTranslations(const QString &language);

} // namespace vox::ui
