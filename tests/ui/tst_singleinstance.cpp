// One console per clinic on this computer: the first launch for a data folder holds it, a second
// launch for the same folder is turned away and brings the first to the front, other folders are
// independent, and a socket left by a console that crashed does not block the next one.
#include "ui/shell/singleinstance.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using vox::ui::SingleInstance;

class TestSingleInstance : public QObject
{
    Q_OBJECT

    // A folder no other test run uses.
    static QString folder(const QString &name)
    {
        return u"/clinics/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) + u'/' + name;
    }

    // A second launch runs in another process in real life; its blocking knock is answered by the
    // first one's event loop (this thread's, while QTRY waits), so it claims from a thread here.
    static bool claimElsewhere(const QString &key)
    {
        bool claimed = true;
        QThread launch;
        QObject::connect(&launch, &QThread::started, [&] {
            SingleInstance other;
            claimed = other.claim(key);
            launch.quit();
        });
        launch.start();
        if (!QTest::qWaitFor([&] { return launch.isFinished(); }, 10000))
            qFatal("the second launch never finished its claim");
        return claimed;
    }

private slots:
    void aSecondLaunchForTheSameClinicBringsTheFirstForward()
    {
        const QString clinic = folder(u"clinic"_s);
        SingleInstance first;
        QSignalSpy asked(&first, &SingleInstance::activationRequested);
        QVERIFY(first.claim(clinic));
        QVERIFY(first.claim(clinic)); // holding it already

        QVERIFY(!claimElsewhere(clinic));
        QTRY_COMPARE(asked.size(), 1);
    }

    void anotherClinicIsIndependent()
    {
        SingleInstance first;
        SingleInstance second;
        QSignalSpy asked(&first, &SingleInstance::activationRequested);
        QVERIFY(first.claim(folder(u"clinic"_s)));
        QVERIFY(second.claim(folder(u"demo"_s)));
        QCOMPARE(asked.size(), 0);
    }

    void aSocketLeftByACrashedConsoleIsTakenOver()
    {
        const QString clinic = folder(u"clinic"_s);
        // A console that died leaves its socket file: bound, but nobody listens or answers.
        const QByteArray path =
            QFile::encodeName(QDir::temp().filePath(SingleInstance::socketName(clinic)));
        const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        QVERIFY(size_t(path.size()) < sizeof address.sun_path);
        std::copy(path.cbegin(), path.cend(), address.sun_path);
        QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        ::close(fd);
        QVERIFY(QFile::exists(QFile::decodeName(path)));

        SingleInstance next;
        QVERIFY(next.claim(clinic));
        QVERIFY(!claimElsewhere(clinic)); // and the launch after that is turned away again
    }

    void theNameDependsOnTheFolder_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("same folder") << u"/home/ana/clinic"_s << u"/home/ana/clinic"_s << true;
        QTest::newRow("demo and clinic") << u"/home/ana/clinic"_s << u"/home/ana/demo"_s << false;
        QTest::newRow("case matters") << u"/home/ana/Clinic"_s << u"/home/ana/clinic"_s << false;
    }
    void theNameDependsOnTheFolder()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(SingleInstance::socketName(a) == SingleInstance::socketName(b), same);
        QVERIFY(!SingleInstance::socketName(a).contains(u"ana"_s)); // no path in /tmp's listing
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
