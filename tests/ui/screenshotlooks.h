#pragma once

#include "ui/shell/theme.h"
#include "ui/shell/translations.h"

#include <QString>
#include <QTest>

namespace vox::test {

// The rows of a screenshot test: each palette in each language the console ships, with the
// columns `dark` and `language`.
inline void addScreenshotLookRows()
{
    using namespace Qt::Literals::StringLiterals;
    QTest::addColumn<bool>("dark");
    QTest::addColumn<QString>("language");
    for (const bool dark : {false, true})
        for (const QString &language : {u"en"_s, u"es"_s})
            QTest::addRow("%s %s", dark ? "dark" : "light", qPrintable(language))
                << dark << language;
}

// Dresses the console as the row asks; false when the language's translation cannot be loaded.
[[nodiscard]] inline bool applyScreenshotLook(bool dark, const QString &language)
{
    if (!ui::installTranslations(language))
        return false;
    ui::applyTheme(dark ? ui::Theme::Dark : ui::Theme::Light);
    return true;
}

} // namespace vox::test
