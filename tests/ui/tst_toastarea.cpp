// Toasts: a problem that can be retried says so on its button, the button does it once and the
// toast goes; the same problem twice is one toast.
#include "ui/widgets/toastarea.h"

#include <QPushButton>
#include <QRect>
#include <QStackedWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::ui::Toast;
using vox::ui::ToastArea;

class TestToastArea : public QObject
{
    Q_OBJECT

    static QPushButton *actionOf(Toast *toast)
    {
        return toast->findChild<QPushButton *>(u"toastAction"_s);
    }

private slots:
    // Host 1000×700, toasts 380 wide at x = 604, the stack's bottom at 684.
    void toastsStackAboveTheButtonsTheyWouldCover_data()
    {
        QTest::addColumn<QList<int>>("heights");
        QTest::addColumn<QList<QRect>>("buttons");
        QTest::addColumn<QList<QRect>>("expected");
        QTest::newRow("nothing in the way: the corner")
            << QList<int>{60, 40} << QList<QRect>{}
            << QList<QRect>{{604, 624, 380, 60}, {604, 576, 380, 40}};
        QTest::newRow("a button elsewhere changes nothing")
            << QList<int>{60} << QList<QRect>{{20, 650, 100, 30}}
            << QList<QRect>{{604, 624, 380, 60}};
        QTest::newRow("a Save button in the corner: above it")
            << QList<int>{60} << QList<QRect>{{880, 650, 100, 30}}
            << QList<QRect>{{604, 582, 380, 60}};
        QTest::newRow("two buttons one above the other: above both")
            << QList<int>{60} << QList<QRect>{{880, 650, 100, 30}, {880, 600, 100, 30}}
            << QList<QRect>{{604, 532, 380, 60}};
        QTest::newRow("the second toast clears the button too")
            << QList<int>{60, 40} << QList<QRect>{{880, 650, 100, 30}}
            << QList<QRect>{{604, 582, 380, 60}, {604, 534, 380, 40}};
        QTest::newRow("no room above: the toast stays where it was")
            << QList<int>{60} << QList<QRect>{{880, 20, 100, 660}}
            << QList<QRect>{{604, 624, 380, 60}};
    }
    void toastsStackAboveTheButtonsTheyWouldCover()
    {
        QFETCH(QList<int>, heights);
        QFETCH(QList<QRect>, buttons);
        QFETCH(QList<QRect>, expected);
        QCOMPARE(ToastArea::placeStack({1000, 700}, 380, heights, buttons), expected);
    }

    // In a real window: a toast shown over a page's Save button moves up off it.
    void aToastNeverCoversAButton()
    {
        QWidget window;
        window.resize(800, 600);
        auto *save = new QPushButton(u"Save"_s, &window);
        save->setGeometry(680, 550, 100, 32);
        ToastArea toasts(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Toast *toast = toasts.info(u"Saved."_s);
        QVERIFY(!toast->geometry().intersects(save->geometry()));
        QVERIFY(toast->geometry().bottom() < save->geometry().top());
        // The page changes under it: the corner is free again and the toast goes back there;
        // a button appearing where it stands moves it up again.
        save->setGeometry(680, 300, 100, 32);
        QTRY_COMPARE(toast->geometry().bottom(), 600 - 16 - 1);
        auto *next = new QPushButton(u"Next"_s, &window);
        next->setGeometry(500, toast->geometry().center().y() - 16, 100, 32);
        next->show();
        QTRY_VERIFY(toast->geometry().bottom() < next->geometry().top());
        QVERIFY(!toast->geometry().intersects(save->geometry()));
    }

    // A page switch shows a page whose button sits where the toast stands: the toast moves up
    // off it, and back down when the page goes away again.
    void aToastFollowsAPageSwitch()
    {
        QWidget window;
        window.resize(800, 600);
        auto *pages = new QStackedWidget(&window);
        pages->setGeometry(0, 0, 800, 600);
        pages->addWidget(new QWidget);
        auto *wizard = new QWidget;
        auto *next = new QPushButton(u"Next"_s, wizard);
        next->setGeometry(680, 550, 100, 32);
        pages->addWidget(wizard);
        ToastArea toasts(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Toast *toast = toasts.info(u"Saved."_s);
        const int corner = toast->geometry().bottom();
        QCOMPARE(corner, 600 - 16 - 1);
        pages->setCurrentIndex(1);
        QTRY_VERIFY(toast->geometry().bottom() < next->geometry().top());
        pages->setCurrentIndex(0);
        QTRY_COMPARE(toast->geometry().bottom(), corner);
    }

    void anActionButtonSaysWhatItDoes_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("withAction");
        QTest::addColumn<QString>("label");
        QTest::newRow("problem with a retry") << u"problem"_s << true << u"Try again"_s;
        QTest::newRow("problem without") << u"problem"_s << false << QString();
        QTest::newRow("information with an action") << u"info"_s << true << u"Undo"_s;
        QTest::newRow("information without") << u"info"_s << false << QString();
    }
    void anActionButtonSaysWhatItDoes()
    {
        QFETCH(QString, kind);
        QFETCH(bool, withAction);
        QFETCH(QString, label);
        QWidget host;
        host.resize(900, 500);
        ToastArea area(&host);
        host.show();
        int ran = 0;
        std::function<void()> action;
        if (withAction)
            action = [&ran] { ++ran; };
        Toast *toast =
            kind == u"problem"
                ? area.problem(u"The server did not answer."_s, std::move(action))
                : area.info(u"Saved."_s, withAction ? u"Undo"_s : QString(), std::move(action));
        QPushButton *button = actionOf(toast);
        QCOMPARE(button != nullptr, withAction);
        if (!button)
            return;
        QCOMPARE(button->text(), label);
        QVERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(ran, 1);
        QTRY_VERIFY(area.toasts().isEmpty());
    }

    void theSameProblemTwiceIsOneToast()
    {
        QWidget host;
        host.resize(900, 500);
        ToastArea area(&host);
        host.show();
        Toast *first = area.problem(u"The server did not answer."_s, [] {});
        Toast *second = area.problem(u"The server did not answer."_s, [] {});
        QCOMPARE(first, second);
        QCOMPARE(area.toasts().size(), 1);
        area.problem(u"Twilio refused the SMS."_s);
        QCOMPARE(area.toasts().size(), 2);
    }
};

QTEST_MAIN(TestToastArea)
#include "tst_toastarea.moc"
