// voxanne-sandbox: the provider sandbox (and, later, the call simulator).
#include "core/logging/log.h"
#include "server/sandbox/sandbox.h"
#include "server/unixsignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>
#include <QTextStream>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"voxanne-sandbox"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(VOXANNE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Stand-ins for Vapi, Twilio, Google and Resend."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(u"listen"_s, u"HOST:PORT (default 127.0.0.1:8788)."_s,
                                    u"HOST:PORT"_s, u"127.0.0.1:8788"_s);
    parser.addOption(listen);
    parser.process(app);
    vox::log::setupStderr(vox::log::Level::Info);

    const QString where = parser.value(listen);
    const qsizetype colon = where.lastIndexOf(u':');
    bool ok = false;
    const uint port = where.mid(colon + 1).toUInt(&ok);
    if (colon <= 0 || !ok || port > 65535 || QHostAddress(where.left(colon)).isNull()) {
        QTextStream(stderr) << "voxanne-sandbox: --listen must be HOST:PORT\n";
        return 1;
    }
    vox::sandbox::Sandbox sandbox;
    auto bound = sandbox.listen(where.left(colon), quint16(port));
    if (!bound) {
        QTextStream(stderr) << "voxanne-sandbox: " << bound.errorMessage() << '\n';
        return 1;
    }
    std::fprintf(stdout, "listening on %s\n", qPrintable(sandbox.url()));
    std::fflush(stdout);
    vox::server::UnixSignals unixSignals;
    QObject::connect(&unixSignals, &vox::server::UnixSignals::terminationRequested, &app,
                     &QCoreApplication::quit);
    return app.exec();
}
