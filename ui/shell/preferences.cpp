#include "ui/shell/preferences.h"

#include <QDir>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

const QString themeKey = u"appearance/theme"_s;
const QString languageKey = u"appearance/language"_s;
const QString notificationsKey = u"notifications/desktop"_s;
const QString textNotificationsKey = u"notifications/texts"_s;
// Shared with ConsoleController, which decides how the console starts.
const QString modeKey = u"connection/mode"_s;
const QString urlKey = u"connection/serverUrl"_s;

} // namespace

Theme Preferences::theme()
{
    const QString value = QSettings().value(themeKey).toString();
    if (value == u"light")
        return Theme::Light;
    if (value == u"dark")
        return Theme::Dark;
    return Theme::System;
}

void Preferences::setTheme(Theme theme)
{
    QSettings().setValue(themeKey, theme == Theme::Light  ? u"light"_s
                                   : theme == Theme::Dark ? u"dark"_s
                                                          : u"system"_s);
}

QString Preferences::language()
{
    const QString value = QSettings().value(languageKey).toString();
    return value == u"en" || value == u"es" ? value : QString();
}

void Preferences::setLanguage(const QString &language)
{
    QSettings().setValue(languageKey, language);
}

QString Preferences::effectiveLanguage()
{
    const QString chosen = language();
    if (!chosen.isEmpty())
        return chosen;
    return QLocale::system().language() == QLocale::Spanish ? u"es"_s : u"en"_s;
}

bool Preferences::desktopNotifications()
{
    return QSettings().value(notificationsKey, true).toBool();
}

void Preferences::setDesktopNotifications(bool on)
{
    QSettings().setValue(notificationsKey, on);
}

bool Preferences::textNotifications()
{
    return QSettings().value(textNotificationsKey, true).toBool();
}

void Preferences::setTextNotifications(bool on)
{
    QSettings().setValue(textNotificationsKey, on);
}

QString Preferences::logFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(u"logs"_s);
}

QString Preferences::serverUrl()
{
    return QSettings().value(urlKey).toString();
}

void Preferences::setServerUrl(const QString &url)
{
    QSettings settings;
    settings.setValue(urlKey, url);
    settings.setValue(modeKey, u"remote"_s);
}

bool Preferences::usesRemoteServer()
{
    return QSettings().value(modeKey).toString() == u"remote";
}

} // namespace vox::ui
