// voxanne-console: the desktop console for clinic staff. The composition root: the UI library
// talks to servers over HTTP only; this file alone also links the server, to run it in-process
// for "Create my clinic on this computer" and the demo.
#include "app/console/embeddedserver.h"
#include "core/logging/log.h"
#include "core/unixsignals.h"
#include "ui/shell/consolecontroller.h"
#include "ui/shell/preferences.h"
#include "ui/shell/startupoptions.h"
#include "ui/shell/theme.h"
#include "ui/shell/translations.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Qt::Literals::StringLiterals;
using namespace vox;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Voxanne"_s);
    QApplication::setApplicationName(u"voxanne-console"_s);
    QApplication::setApplicationVersion(QStringLiteral(VOXANNE_VERSION));
    QApplication::setWindowIcon(ui::appIcon());
    // The controller decides when the console is done (a sign-in dialog closing is not a quit).
    QApplication::setQuitOnLastWindowClosed(false);

    // The language is chosen in Settings and applies from the next start (--language overrides
    // it once); everything below, the command line's help included, speaks it.
    QString language = ui::Preferences::effectiveLanguage();
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--language") == 0)
            language = QString::fromLocal8Bit(argv[i + 1]);
    }
    ui::installTranslations(language);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Voxanne Console"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Voxanne Console: calls, leads and appointments of your "
                                        "AI receptionist.\n\nWithout options it opens the "
                                        "clinic you used last, or asks how to start."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(
        u"server"_s, QApplication::translate("main", "Connect to the Voxanne server at URL."),
        u"URL"_s);
    const QCommandLineOption embedded(
        u"embedded"_s,
        QApplication::translate("main", "Run the clinic's server on this computer."));
    const QCommandLineOption dataDir(
        u"data-dir"_s,
        QApplication::translate("main", "Folder of the server on this computer (its database and "
                                        "secrets)."),
        u"DIR"_s);
    const QCommandLineOption demo(
        u"demo"_s, QApplication::translate("main", "Open a demo clinic on this computer (simulated "
                                                   "phone, text and e-mail providers) and sign "
                                                   "in."));
    const QCommandLineOption theme(
        u"theme"_s,
        QApplication::translate("main", "light, dark or system (default: the choice in "
                                        "Settings)."),
        u"THEME"_s);
    const QCommandLineOption languageOption(
        u"language"_s,
        QApplication::translate("main", "en or es (default: the choice in Settings)."), u"LANG"_s);
    parser.addOptions({server, embedded, dataDir, demo, theme, languageOption});
    parser.process(app);

    const QString logDir = ui::Preferences::logFolder();
    log::setupRotatingFile(logDir, u"voxanne-console"_s, log::Level::Info, false);
    log::installQtMessageHandler();

    const QString themeName = parser.value(theme).toLower();
    ui::applyTheme(themeName == u"dark"     ? ui::Theme::Dark
                   : themeName == u"light"  ? ui::Theme::Light
                   : themeName == u"system" ? ui::Theme::System
                                            : ui::Preferences::theme());

    ui::StartupOptions options;
    options.serverUrl = parser.value(server);
    options.embedded = parser.isSet(embedded);
    options.dataDir = parser.value(dataDir);
    options.demo = parser.isSet(demo);

    console::EmbeddedServer host(options.demo);
    ui::ConsoleController controller(options, &host);
    QObject::connect(&controller, &ui::ConsoleController::finished, &app, &QApplication::quit);
    // Ctrl+C or a TERM from a script: the same clean stop as the Quit menu.
    UnixSignals signals_;
    QObject::connect(&signals_, &UnixSignals::terminationRequested, &app, &QApplication::quit);
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &controller,
                     &ui::ConsoleController::shutdown);
    controller.start();
    const int code = QApplication::exec();
    controller.shutdown();
    log::flush();
    return code;
}
