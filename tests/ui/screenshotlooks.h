#pragma once

#include "ui/shell/theme.h"
#include "ui/shell/translations.h"

#include <QDir>
#include <QImage>
#include <QString>
#include <QTemporaryDir>
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

// Saves a screenshot of the row's look as `<stem>-<light|dark>[-<language>]<suffix>.png` in
// VOXANNE_SCREENSHOT_DIR (where the committed images are made), or in a folder thrown away
// afterwards when it is not set, so the saving is exercised either way.
[[nodiscard]] inline bool saveScreenshot(const QImage &image, const QString &stem, bool dark,
                                         const QString &language, const QString &suffix = {})
{
    using namespace Qt::Literals::StringLiterals;
    QString folder = qEnvironmentVariable("VOXANNE_SCREENSHOT_DIR");
    QTemporaryDir temporary;
    if (folder.isEmpty())
        folder = temporary.path();
    if (image.isNull() || !QDir().mkpath(folder))
        return false;
    const QString name =
        u"%1-%2%3%4.png"_s.arg(stem, dark ? u"dark"_s : u"light"_s,
                               language == u"en" ? QString() : u"-"_s + language, suffix);
    return image.save(QDir(folder).filePath(name));
}

} // namespace vox::test
