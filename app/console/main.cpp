// voxanne-console: the desktop console for clinic staff. The composition root: the UI library
// talks to servers over HTTP only; this file alone also links the server, to run it in-process
// for "Create my clinic on this computer" and the demo.
#include "app/console/embeddedserver.h"
#include "core/logging/log.h"
#include "core/unixsignals.h"
#include "ui/shell/consolecontroller.h"
#include "ui/shell/keyboardconventions.h"
#include "ui/shell/preferences.h"
#include "ui/shell/startupoptions.h"
#include "ui/shell/theme.h"
#include "ui/shell/translations.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Qt::Literals::StringLiterals;
using namespace vox;

namespace {

void nameApplication()
{
    QCoreApplication::setOrganizationName(u"Voxanne"_s);
    QCoreApplication::setApplicationName(u"voxanne-console"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(VOXANNE_VERSION));
}

// The language is chosen in Settings and applies from the next start (--language overrides it
// once); everything below, the command line's help included, speaks it.
QString chosenLanguage(int argc, char *argv[])
{
    QString language = ui::Preferences::effectiveLanguage();
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--language") == 0)
            language = QString::fromLocal8Bit(argv[i + 1]);
    }
    return language;
}

// --help and --version print and stop: they need no display, so they must not open one (a
// QApplication without a display aborts).
bool asksOnlyForText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"-h", "--help", "--help-all", "-?", "-v", "--version"}) {
            if (qstrcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Voxanne Console: calls, leads and appointments of "
                                            "your AI receptionist.\n\nWithout options it opens "
                                            "the clinic you used last, or asks how to start."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {u"server"_s, QCoreApplication::translate("main", "Connect to the Voxanne server at URL."),
         u"URL"_s},
        {u"embedded"_s,
         QCoreApplication::translate("main", "Run the clinic's server on this computer.")},
        {u"data-dir"_s,
         QCoreApplication::translate("main", "Folder of the server on this computer (its "
                                             "database and secrets)."),
         u"DIR"_s},
        {u"demo"_s,
         QCoreApplication::translate("main", "Open a demo clinic on this computer (simulated "
                                             "phone, text and e-mail providers) and sign in.")},
        {u"theme"_s,
         QCoreApplication::translate("main", "light, dark or system (default: the choice in "
                                             "Settings)."),
         u"THEME"_s},
        {u"language"_s,
         QCoreApplication::translate("main", "en or es (default: the choice in Settings)."),
         u"LANG"_s},
    });
}

} // namespace

int main(int argc, char *argv[])
{
    if (asksOnlyForText(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        ui::installTranslations(chosenLanguage(argc, argv));
        QCommandLineParser parser;
        describeOptions(parser);
        parser.process(app); // prints the help or the version and exits
        return 0;
    }

    QApplication app(argc, argv);
    nameApplication();
    QApplication::setWindowIcon(ui::appIcon());
    // The controller decides when the console is done (a sign-in dialog closing is not a quit).
    QApplication::setQuitOnLastWindowClosed(false);
    ui::KeyboardConventions::install(&app);
    ui::installTranslations(chosenLanguage(argc, argv));
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Voxanne Console"));

    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);

    const QString logDir = ui::Preferences::logFolder();
    log::setupRotatingFile(logDir, u"voxanne-console"_s, log::Level::Info, false);
    log::installQtMessageHandler();

    const QString themeName = parser.value(u"theme"_s).toLower();
    ui::applyTheme(themeName == u"dark"     ? ui::Theme::Dark
                   : themeName == u"light"  ? ui::Theme::Light
                   : themeName == u"system" ? ui::Theme::System
                                            : ui::Preferences::theme());

    ui::StartupOptions options;
    options.serverUrl = parser.value(u"server"_s);
    options.embedded = parser.isSet(u"embedded"_s);
    options.dataDir = parser.value(u"data-dir"_s);
    options.demo = parser.isSet(u"demo"_s);

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
