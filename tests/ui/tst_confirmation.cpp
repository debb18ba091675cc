// A question before something hard to take back: only a deliberate click on the button that says
// what happens goes ahead; Enter, Escape and closing the box keep things as they are.
#include "ui/widgets/confirmation.h"

#include <QAbstractButton>
#include <QMessageBox>
#include <QPointer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::ui::Confirmation;

class TestConfirmation : public QObject
{
    Q_OBJECT

private slots:
    void onlyTheConfirmButtonGoesAhead_data()
    {
        QTest::addColumn<QString>("keepLabel");
        QTest::addColumn<QString>("action");
        QTest::addColumn<bool>("confirmed");
        for (const QString &keep : {u"Keep it"_s, QString()}) {
            const QString tag = keep.isEmpty() ? u"standard Cancel: "_s : u"Keep it: "_s;
            QTest::newRow(qPrintable(tag + u"Enter"_s)) << keep << u"enter"_s << false;
            QTest::newRow(qPrintable(tag + u"Return"_s)) << keep << u"return"_s << false;
            QTest::newRow(qPrintable(tag + u"Escape"_s)) << keep << u"escape"_s << false;
            QTest::newRow(qPrintable(tag + u"keep clicked"_s)) << keep << u"keep"_s << false;
            QTest::newRow(qPrintable(tag + u"confirm clicked"_s)) << keep << u"confirm"_s << true;
        }
    }
    void onlyTheConfirmButtonGoesAhead()
    {
        QFETCH(QString, keepLabel);
        QFETCH(QString, action);
        QFETCH(bool, confirmed);
        QWidget parent;
        parent.show();
        int ran = 0;
        QPointer<QMessageBox> box =
            Confirmation{u"Cancel appointment"_s, u"Cancel Ana's cleaning on Friday?"_s,
                         u"Cancel appointment"_s, keepLabel}
                .open(&parent, [&ran] { ++ran; });
        QVERIFY(QTest::qWaitForWindowExposed(box));
        QAbstractButton *confirm = nullptr;
        QAbstractButton *keep = nullptr;
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::AcceptRole)
                confirm = button;
            else
                keep = button;
        }
        QVERIFY(confirm && keep);
        if (action == u"enter")
            QTest::keyClick(box, Qt::Key_Enter);
        else if (action == u"return")
            QTest::keyClick(box, Qt::Key_Return);
        else if (action == u"escape")
            QTest::keyClick(box, Qt::Key_Escape);
        else
            QTest::mouseClick(action == u"confirm" ? confirm : keep, Qt::LeftButton);
        QTRY_VERIFY(!box || !box->isVisible());
        QCoreApplication::processEvents();
        QCOMPARE(ran, confirmed ? 1 : 0);
    }
};

QTEST_MAIN(TestConfirmation)
#include "tst_confirmation.moc"
