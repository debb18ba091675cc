// voxanne-testdb start|stop DIR: the CTest fixture around the run's throwaway cluster.
#include "core/logging/log.h"
#include "server/db/embeddedpostgres.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    vox::log::setupStderr(vox::log::Level::Warn);
    const QStringList args = app.arguments();
    if (args.size() != 3 || (args.at(1) != u"start" && args.at(1) != u"stop")) {
        QTextStream(stderr) << "usage: voxanne-testdb start|stop DIR\n";
        return 2;
    }
    const QString dir = args.at(2);
    if (args.at(1) == u"start") {
        // Every run starts from nothing; a cluster left running by an earlier run is stopped first.
        if (QFile::exists(QDir(dir).filePath(u"PG_VERSION"_s))) {
            vox::db::EmbeddedPostgres previous({dir, false, 300});
            if (previous.start(u"postgres"_s))
                (void)previous.stop();
        }
        QDir(dir).removeRecursively();
        vox::db::EmbeddedPostgres cluster({dir, /*durable=*/false, 300});
        auto started = cluster.start(u"postgres"_s);
        if (!started) {
            QTextStream(stderr) << started.errorMessage() << '\n';
            return 1;
        }
        QTextStream(stdout) << "test cluster running in " << cluster.clusterDir() << '\n';
        cluster.detach(); // the tests use it until the cleanup fixture stops it
        return 0;
    }
    vox::db::EmbeddedPostgres cluster({dir, false, 300});
    auto started = cluster.start(u"postgres"_s); // adopts the running cluster
    if (!started) {
        QTextStream(stderr) << started.errorMessage() << '\n';
        return 1;
    }
    auto stopped = cluster.stop();
    const QString actual = cluster.clusterDir();
    QDir(actual).removeRecursively();
    QDir(dir).removeRecursively();
    if (!stopped) {
        QTextStream(stderr) << stopped.errorMessage() << '\n';
        return 1;
    }
    QTextStream(stdout) << "test cluster stopped and removed\n";
    return 0;
}
