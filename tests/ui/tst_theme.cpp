// Switching light and dark while the console is open (Settings) repaints what is already on
// screen: style sheets that name palette colours and the dashboard's chart follow the new
// palette, not the one they were built in.
#include "ui/api/apiclient.h"
#include "ui/pages/dashboardpage.h"
#include "ui/shell/theme.h"
#include "ui/widgets/toastarea.h"

#include <QChart>
#include <QChartView>
#include <QListWidget>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::ui::Theme;

class TestTheme : public QObject
{
    Q_OBJECT

    static QColor middleOf(QWidget &widget)
    {
        return widget.grab().toImage().pixelColor(widget.width() / 2, widget.height() / 2);
    }

private slots:
    void styleSheetsFollowASwitch_data()
    {
        QTest::addColumn<Theme>("from");
        QTest::addColumn<Theme>("to");
        QTest::newRow("light to dark") << Theme::Light << Theme::Dark;
        QTest::newRow("dark to light") << Theme::Dark << Theme::Light;
    }
    void styleSheetsFollowASwitch()
    {
        QFETCH(Theme, from);
        QFETCH(Theme, to);
        vox::ui::applyTheme(from);
        QListWidget navigation; // as the main window's navigation is styled
        navigation.setObjectName(u"navigation"_s);
        navigation.setStyleSheet(u"QListWidget#navigation { background: palette(base); }"_s);
        navigation.resize(200, 200);
        navigation.show();
        QVERIFY(QTest::qWaitForWindowExposed(&navigation));
        QCOMPARE(middleOf(navigation), QApplication::palette().color(QPalette::Base));

        vox::ui::applyTheme(to);
        QCOMPARE(vox::ui::isDarkPalette(), to == Theme::Dark);
        QTRY_COMPARE(middleOf(navigation), QApplication::palette().color(QPalette::Base));
    }

    void theDashboardChartFollowsASwitch()
    {
        vox::ui::applyTheme(Theme::Light);
        vox::ui::ApiClient api; // never asked: the page is not activated
        QWidget window;
        vox::ui::ToastArea toasts(&window);
        vox::ui::DashboardPage page(api, toasts, &window);
        window.resize(1000, 700);
        window.show();
        QCOMPARE(page.chartView()->chart()->theme(), QChart::ChartThemeLight);
        vox::ui::applyTheme(Theme::Dark);
        QTRY_COMPARE(page.chartView()->chart()->theme(), QChart::ChartThemeDark);
        vox::ui::applyTheme(Theme::Light);
        QTRY_COMPARE(page.chartView()->chart()->theme(), QChart::ChartThemeLight);
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
