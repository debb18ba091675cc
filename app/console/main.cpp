// voxanne-console: the desktop console for clinic staff. The composition root: the UI library
// talks to servers over HTTP only; this file alone also links the server, to run it in-process
// for "Create my clinic on this computer" and the demo.
#include "app/console/embeddedserver.h"
#include "core/logging/log.h"
#include "server/unixsignals.h"
#include "ui/shell/consolecontroller.h"
#include "ui/shell/startupoptions.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;
using namespace vox;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Voxanne"_s);
    QApplication::setApplicationName(u"voxanne-console"_s);
    QApplication::setApplicationDisplayName(u"Voxanne Console"_s);
    QApplication::setApplicationVersion(QStringLiteral(VOXANNE_VERSION));
    QApplication::setWindowIcon(ui::appIcon());
    // The controller decides when the console is done (a sign-in dialog closing is not a quit).
    QApplication::setQuitOnLastWindowClosed(false);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Voxanne Console: calls, leads and appointments of your AI receptionist.\n\n"
        "Without options it opens the clinic you used last, or asks how to start."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(u"server"_s, u"Connect to the Voxanne server at URL."_s,
                                    u"URL"_s);
    const QCommandLineOption embedded(u"embedded"_s,
                                      u"Run the clinic's server on this computer."_s);
    const QCommandLineOption dataDir(u"data-dir"_s,
                                     u"Folder of the server on this computer (its database and "
                                     "secrets)."_s,
                                     u"DIR"_s);
    const QCommandLineOption demo(u"demo"_s, u"Open a demo clinic on this computer (simulated "
                                             "phone, text and e-mail providers) and sign in."_s);
    const QCommandLineOption theme(u"theme"_s, u"light, dark or system (default)."_s, u"THEME"_s,
                                   u"system"_s);
    parser.addOptions({server, embedded, dataDir, demo, theme});
    parser.process(app);

    const QString logDir =
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"logs"_s);
    log::setupRotatingFile(logDir, u"voxanne-console"_s, log::Level::Info, false);
    log::installQtMessageHandler();

    const QString themeName = parser.value(theme).toLower();
    ui::applyTheme(themeName == u"dark"    ? ui::Theme::Dark
                   : themeName == u"light" ? ui::Theme::Light
                                           : ui::Theme::System);

    ui::StartupOptions options;
    options.serverUrl = parser.value(server);
    options.embedded = parser.isSet(embedded);
    options.dataDir = parser.value(dataDir);
    options.demo = parser.isSet(demo);

    console::EmbeddedServer host(options.demo);
    ui::ConsoleController controller(options, &host);
    QObject::connect(&controller, &ui::ConsoleController::finished, &app, &QApplication::quit);
    // Ctrl+C or a TERM from a script: the same clean stop as the Quit menu.
    server::UnixSignals signals_;
    QObject::connect(&signals_, &server::UnixSignals::terminationRequested, &app,
                     &QApplication::quit);
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &controller,
                     &ui::ConsoleController::shutdown);
    controller.start();
    const int code = QApplication::exec();
    controller.shutdown();
    log::flush();
    return code;
}
