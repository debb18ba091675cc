// voxanne-console: the desktop console for clinic staff.
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Voxanne"_s);
    QApplication::setApplicationName(u"voxanne-console"_s);
    QApplication::setApplicationVersion(QStringLiteral(VOXANNE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Voxanne Console"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(u"server"_s, u"Server URL."_s, u"URL"_s);
    parser.addOption(server);
    parser.process(app);

    vox::ui::MainWindow window(parser.value(server));
    window.show();
    return app.exec();
}
