// A table is one Tab stop: Tab enters it and Tab leaves it, the arrows move inside it, and
// passing through never changes which row is chosen.
#include "ui/shell/keyboardconventions.h"

#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

class TestKeyboardConventions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { vox::ui::KeyboardConventions::install(qApp); }

    void aTableIsOneTabStop_data()
    {
        QTest::addColumn<bool>("list"); // a list view rather than a table
        QTest::newRow("table") << false;
        QTest::newRow("list") << true;
    }
    void aTableIsOneTabStop()
    {
        QFETCH(bool, list);
        QWidget page;
        auto *layout = new QVBoxLayout(&page);
        auto *search = new QLineEdit(&page);
        layout->addWidget(search);
        QAbstractItemView *view = nullptr;
        if (list) {
            auto *calls = new QListWidget(&page);
            calls->addItems({u"Ana"_s, u"Ben"_s, u"Cleo"_s});
            view = calls;
        } else {
            auto *calls = new QTableWidget(3, 3, &page);
            for (int r = 0; r < 3; ++r)
                for (int c = 0; c < 3; ++c)
                    calls->setItem(r, c, new QTableWidgetItem(u"%1,%2"_s.arg(r).arg(c)));
            view = calls;
        }
        layout->addWidget(view);
        auto *callBack = new QPushButton(u"Call back"_s, &page);
        layout->addWidget(callBack);
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        view->setCurrentIndex(view->model()->index(0, 0));

        search->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), view);
        QTest::keyClick(view, Qt::Key_Down); // the arrows move inside
        QCOMPARE(view->currentIndex().row(), 1);
        QTest::keyClick(view, Qt::Key_Tab); // and Tab leaves, the chosen row kept
        QCOMPARE(QApplication::focusWidget(), callBack);
        QCOMPARE(view->currentIndex().row(), 1);
        QCOMPARE(view->currentIndex().column(), 0);
        QTest::keyClick(callBack, Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), view);
        QTest::keyClick(view, Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), search);
        QCOMPARE(view->currentIndex().row(), 1);
    }
};

QTEST_MAIN(TestKeyboardConventions)
#include "tst_keyboardconventions.moc"
