// One rule for every list's columns: as wide as what they show, the elastic column takes what is
// left, and when the window is too narrow the widest give way first, never below their minimum.
#include "ui/widgets/columnfit.h"

#include <QFontMetrics>
#include <QHeaderView>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::ui::ColumnNeed;

Q_DECLARE_METATYPE(ColumnNeed)

class TestColumnFit : public QObject
{
    Q_OBJECT

private slots:
    void columnsShareTheWidth_data()
    {
        QTest::addColumn<QList<ColumnNeed>>("needs");
        QTest::addColumn<int>("available");
        QTest::addColumn<QList<int>>("widths");
        const QList<ColumnNeed> three{{100, 50, false}, {200, 60, true}, {80, 40, false}};
        QTest::newRow("room to spare: the elastic column takes it")
            << three << 500 << QList<int>{100, 320, 80};
        QTest::newRow("exactly enough") << three << 380 << QList<int>{100, 200, 80};
        QTest::newRow("a little short: the elastic column gives way")
            << three << 330 << QList<int>{100, 150, 80};
        const QList<ColumnNeed> wide{{300, 50, false}, {100, 60, true}, {80, 40, false}};
        QTest::newRow("short: then the widest column, not the small ones")
            << wide << 300 << QList<int>{160, 60, 80};
        QTest::newRow("very short: the wide ones evenly") << wide << 200 << QList<int>{70, 60, 70};
        QTest::newRow("narrower than every minimum: minimums (the table scrolls)")
            << QList<ColumnNeed>{{100, 90, false}, {100, 90, true}} << 100 << QList<int>{90, 90};
        // A name, a type and a duration that the selected call's panel also shows.
        const QList<ColumnNeed> hideable{
            {120, 60, true}, {80, 50, false, 1}, {70, 50, false, 2}, {90, 90, false}};
        QTest::newRow("room for everything: nothing hidden")
            << hideable << 400 << QList<int>{160, 80, 70, 90};
        QTest::newRow("short: the first hideable column goes before anything is cut")
            << hideable << 330 << QList<int>{170, 0, 70, 90};
        QTest::newRow("shorter: the next one goes too")
            << hideable << 260 << QList<int>{170, 0, 0, 90};
        QTest::newRow("shorter still: with all hidden, the elastic column gives way")
            << hideable << 180 << QList<int>{90, 0, 0, 90};
        const QList<ColumnNeed> sameOrder{{100, 60, true}, {80, 50, false, 1}, {80, 50, false, 1}};
        QTest::newRow("columns of one order go together")
            << sameOrder << 200 << QList<int>{200, 0, 0};
    }
    void columnsShareTheWidth()
    {
        QFETCH(QList<ColumnNeed>, needs);
        QFETCH(int, available);
        QFETCH(QList<int>, widths);
        QCOMPARE(vox::ui::fitColumns(needs, available), widths);
    }

    // In a table: a money value is never cut, and the elastic column fills the rest.
    void aTableShowsEveryValueWhole()
    {
        QStandardItemModel model(0, 3);
        model.setHorizontalHeaderLabels({u"Caller"_s, u"Status"_s, u"Value"_s});
        for (int i = 0; i < 20; ++i)
            model.appendRow({new QStandardItem(u"Caller %1"_s.arg(i)),
                             new QStandardItem(u"ended"_s), new QStandardItem(u"$14,500"_s)});
        QTableView table;
        table.setModel(&model);
        table.resize(600, 300);
        auto *fit = new vox::ui::ColumnFit(&table, 0);
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        fit->refit();
        const QFontMetrics metrics(table.font());
        QVERIFY(table.columnWidth(2) >= metrics.horizontalAdvance(u"$14,500"_s) + 8);
        QCOMPARE(table.columnWidth(0) + table.columnWidth(1) + table.columnWidth(2),
                 table.viewport()->width());
        // A column kept whole is never cut, however narrow the table: the others give way.
        table.resize(260, 300);
        auto *whole = new vox::ui::ColumnFit(&table, 0, {2});
        whole->refit();
        QVERIFY(table.columnWidth(2) >= metrics.horizontalAdvance(u"$14,500"_s) + 8);
        delete whole;
        table.resize(600, 300);
        QTRY_COMPARE(table.columnWidth(0) + table.columnWidth(1) + table.columnWidth(2),
                     table.viewport()->width());
        // More rows with a longer value: the column grows to it.
        model.appendRow({new QStandardItem(u"Caller with a long name"_s),
                         new QStandardItem(u"ended"_s), new QStandardItem(u"$1,214,500"_s)});
        QTRY_VERIFY(table.columnWidth(2) >= metrics.horizontalAdvance(u"$1,214,500"_s) + 8);
    }

    // A table too narrow for every column whole hides the ones it can do without, and shows them
    // again when it widens.
    void hideableColumnsComeAndGo()
    {
        QStandardItemModel model(0, 3);
        model.setHorizontalHeaderLabels({u"Caller"_s, u"Type"_s, u"Value"_s});
        for (int i = 0; i < 10; ++i)
            model.appendRow({new QStandardItem(u"Jessica Martinez %1"_s.arg(i)),
                             new QStandardItem(u"Inbound"_s), new QStandardItem(u"$14,500"_s)});
        QTableView table;
        table.setModel(&model);
        table.verticalHeader()->hide();
        table.resize(700, 300);
        auto *fit = new vox::ui::ColumnFit(&table, 0, {2}, {1});
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        fit->refit();
        QVERIFY(!table.isColumnHidden(1));
        const QFontMetrics metrics(table.font());
        table.resize(metrics.horizontalAdvance(u"Jessica Martinez 0$14,500"_s) + 60, 300);
        QTRY_VERIFY(table.isColumnHidden(1));
        QVERIFY(table.columnWidth(0) >= metrics.horizontalAdvance(u"Jessica Martinez 0"_s));
        table.resize(700, 300);
        QTRY_VERIFY(!table.isColumnHidden(1));
        QCOMPARE(table.columnWidth(0) + table.columnWidth(1) + table.columnWidth(2),
                 table.viewport()->width());
    }

    // However narrow the table, a header stays whole ("Devolver llamada", not "evolver llamad"):
    // the values under it give way, not the words that say what they are.
    void headersAreNeverCut()
    {
        QStandardItemModel model(0, 3);
        model.setHorizontalHeaderLabels(
            {u"Nombre"_s, u"Devolver llamada"_s, u"Último contacto del cliente"_s});
        for (int i = 0; i < 5; ++i)
            model.appendRow({new QStandardItem(u"Persona con un nombre largo %1"_s.arg(i)),
                             new QStandardItem(u"Alta"_s), new QStandardItem(u"Hoy"_s)});
        QTableView table;
        table.setModel(&model);
        table.resize(300, 300);
        auto *fit = new vox::ui::ColumnFit(&table, 0);
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        fit->refit();
        const QFontMetrics header(table.horizontalHeader()->font());
        for (int column = 0; column < model.columnCount(); ++column) {
            const QString title = model.headerData(column, Qt::Horizontal).toString();
            QVERIFY2(table.columnWidth(column) >= header.horizontalAdvance(title) + 8,
                     qPrintable(title));
        }
    }
};

QTEST_MAIN(TestColumnFit)
#include "tst_columnfit.moc"
