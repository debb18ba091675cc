#include "ui/shell/translations.h"

#include "core/logging/log.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QList>
#include <QLocale>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

bool installTranslations(const QString &language)
{
    // A second call (the language changed in Settings) replaces the catalogues of the first, so
    // an earlier language's words never show through one the new catalogue lacks.
    static QList<QTranslator *> installed;
    for (QTranslator *earlier : std::as_const(installed)) {
        QCoreApplication::removeTranslator(earlier);
        delete earlier;
    }
    installed.clear();

    auto *console = new QTranslator(QCoreApplication::instance());
    installed.append(console);
    // English has a catalogue too: it carries the plural forms ("1 attempt", "2 attempts").
    const bool found = console->load(u":/i18n/voxanne_%1.qm"_s.arg(language));
    if (found)
        QCoreApplication::installTranslator(console);
    else
        log::warn("console", u"No translation for the chosen language."_s,
                  {{u"language"_s, language}});
    if (language != u"en") {
        auto *qt = new QTranslator(QCoreApplication::instance());
        installed.append(qt);
        if (qt->load(QLocale(language), u"qtbase"_s, u"_"_s,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        else // Debian's qt6-translations-l10n is missing: Qt's buttons stay in English.
            log::warn("console", u"No translation of Qt's own words for the chosen language."_s,
                      {{u"language"_s, language}});
    }
    // Month and day names, and number formats, in the same language (a US clinic keeps its
    // country's conventions).
    const QLocale system = QLocale::system();
    QLocale::setDefault(
        QLocale(language == u"es" ? QLocale::Spanish : QLocale::English, system.territory()));
    return found;
}

} // namespace vox::ui
