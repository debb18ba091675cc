// Toasts: a problem that can be retried says so on its button, the button does it once and the
// toast goes; the same problem twice is one toast.
#include "ui/widgets/toastarea.h"

#include <QPushButton>
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
