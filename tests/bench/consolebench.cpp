// The console's start and its memory over a long calls list, measured on the console's own code:
// the same controller and embedded server (with the demo's sandbox) that voxanne-console's main
// builds, driven offscreen. Prints figures; coldstart_bench.sh runs it and explains them.
//
//   voxanne-console-bench DATA_DIR [ROWS]
//
// Times are from the process's exec (its start time in /proc), so loading the libraries counts.
#include "app/console/embeddedserver.h"
#include "core/logging/log.h"
#include "ui/models/callsmodel.h"
#include "ui/pages/callspage.h"
#include "ui/shell/consolecontroller.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/startupoptions.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace vox;

namespace {

// Milliseconds since this process was exec'd: now (CLOCK_BOOTTIME) minus field 22 of
// /proc/self/stat (the start time in clock ticks since boot).
double sinceExecMs()
{
    static const double startMs = [] {
        QFile stat(u"/proc/self/stat"_s);
        if (!stat.open(QIODevice::ReadOnly))
            return 0.0;
        const QByteArray line = stat.readAll();
        // Fields after the command name, which is in parentheses and may hold spaces.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        return fields.value(19).toDouble() * 1000.0 / double(sysconf(_SC_CLK_TCK));
    }();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6 - startMs;
}

qint64 statusMb(const QByteArray &field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong() / 1024;
    }
    return -1;
}

void figure(const char *name, const QString &value)
{
    std::printf("%-40s %s\n", name, qPrintable(value));
    std::fflush(stdout);
}

// Runs the event loop until `signal` of `sender` fires or `timeoutMs` passes.
template<typename Sender, typename Signal>
bool waitFor(Sender *sender, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    bool fired = false;
    QObject::connect(sender, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return fired;
}

} // namespace

int main(int argc, char *argv[])
{
    sinceExecMs();
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DATA_DIR [ROWS]\n", argv[0]);
        return 2;
    }
    QApplication app(argc, argv);
    // BENCH_LOG=1: the console's and the server's log on stderr, to see where the time goes.
    if (qEnvironmentVariableIsSet("BENCH_LOG"))
        log::setupStderr(log::Level::Info);
    // The event loop's longest stall until interactive: a timer that should tick every 5 ms,
    // and the longest gap between two of its ticks (a window that freezes shows here).
    double lastTick = sinceExecMs();
    double longestStall = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const double now = sinceExecMs();
        longestStall = std::max(longestStall, now - lastTick);
        lastTick = now;
    });
    ticker.start(5);
    QCoreApplication::setOrganizationName(u"Voxanne"_s);
    QCoreApplication::setApplicationName(u"voxanne-console-bench"_s);
    QApplication::setQuitOnLastWindowClosed(false);
    const int rows = argc > 2 ? QByteArray(argv[2]).toInt() : 100000;

    ui::StartupOptions options;
    options.demo = true;
    options.dataDir = QString::fromLocal8Bit(argv[1]);
    console::EmbeddedServer host(true);
    ui::ConsoleController controller(options, &host);
    double windowMs = -1;
    double readyMs = -1;
    double signedInMs = -1;
    QObject::connect(&controller, &ui::ConsoleController::windowShown,
                     [&] { windowMs = sinceExecMs(); });
    QObject::connect(&host, &ui::EmbeddedServerHost::started, [&] { readyMs = sinceExecMs(); });
    QObject::connect(&host, &ui::EmbeddedServerHost::failed, [](const QString &reason) {
        std::fprintf(stderr, "the server did not start: %s\n", qPrintable(reason));
        QCoreApplication::exit(1);
    });
    QObject::connect(&controller, &ui::ConsoleController::mainWindowShown,
                     [&] { signedInMs = sinceExecMs(); });
    controller.start();
    if (!waitFor(&controller, &ui::ConsoleController::mainWindowShown, 120000)) {
        std::fprintf(stderr, "no signed-in window after 120 s\n");
        return 1;
    }
    // Interactive: the server answers and the calls page, the list people open first, is read.
    ui::MainWindow *window = controller.mainWindow();
    ui::CallsModel *model = window->callsPage()->model();
    window->showPage(ui::MainWindow::CallsIndex);
    if (model->rowCount() == 0 && !waitFor(model, &ui::CallsModel::pageLoaded, 60000)) {
        std::fprintf(stderr, "the calls page did not load\n");
        return 1;
    }
    const double interactiveMs = sinceExecMs();
    ticker.stop();
    figure("window shown (ms since exec)", QString::number(windowMs, 'f', 0));
    figure("server ready (ms since exec)", QString::number(readyMs, 'f', 0));
    figure("signed in (ms since exec)", QString::number(signedInMs, 'f', 0));
    figure("interactive (ms since exec)", QString::number(interactiveMs, 'f', 0));
    figure("longest event-loop stall (ms)", QString::number(longestStall, 'f', 0));
    figure("RSS at interactive (MB)", QString::number(statusMb("VmRSS")));

    // Scroll the calls list to its end, page after page, as a person holding End would.
    auto *table = window->callsPage()->findChild<QTableView *>();
    const double browseStart = sinceExecMs();
    while (model->rowCount() < rows && model->canFetchMore({})) {
        if (table)
            table->scrollToBottom();
        model->fetchMore({});
        if (!waitFor(model, &ui::CallsModel::pageLoaded, 60000)) {
            std::fprintf(stderr, "a page of calls did not load\n");
            break;
        }
    }
    figure("calls browsed", QString::number(model->rowCount()));
    figure("browsing took (ms)", QString::number(sinceExecMs() - browseStart, 'f', 0));
    figure("RSS after browsing (MB)", QString::number(statusMb("VmRSS")));
    figure("peak RSS (MB)", QString::number(statusMb("VmHWM")));
    controller.shutdown();
    return 0;
}
