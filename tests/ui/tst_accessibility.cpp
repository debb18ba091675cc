// C-a11y: a screen reader can name every control of every page. The test walks the accessibility
// tree Qt gives assistive technology (the same interfaces AT-SPI reads) for each page of the
// signed-in console, with calls, a lead and an appointment to show, and fails on any visible
// control a person can act on that has no name, or whose purpose needs a description and has
// none. The walk is shown to catch an unnamed control of its own first.
#include "consolefixture.h"
#include "ui/api/apiclient.h"
#include "ui/api/eventstream.h"
#include "ui/pages/appointmentspage.h"
#include "ui/pages/page.h"
#include "ui/shell/mainwindow.h"

#include <QAccessible>
#include <QApplication>
#include <QPushButton>
#include <QSlider>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;
using vox::ui::MainWindow;

namespace {

bool actsOnInput(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::Dial:
    case QAccessible::Table:
    case QAccessible::List:
    case QAccessible::Tree:
    case QAccessible::PageTab:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
        return true;
    default:
        return false;
    }
}

// A button's name says what it does; a field, a list or a slider also needs to say what it holds
// or how it is used, and that goes in the description.
bool needsDescription(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::Table:
    case QAccessible::List:
    case QAccessible::Tree:
    case QAccessible::ComboBox:
        return true;
    default:
        return false;
    }
}

QString describe(QAccessibleInterface *item)
{
    QObject *object = item->object();
    QString where = object ? QString::fromLatin1(object->metaObject()->className()) : u"?"_s;
    if (object && !object->objectName().isEmpty())
        where += u" \""_s + object->objectName() + u'"';
    for (QObject *p = object ? object->parent() : nullptr; p; p = p->parent()) {
        if (!p->objectName().isEmpty() && !p->objectName().startsWith(u"qt_"_s)) {
            where += u" in "_s + p->objectName();
            break;
        }
    }
    const QString text = item->text(QAccessible::Name) + item->text(QAccessible::Value);
    if (!text.isEmpty())
        where += u" [" + text.left(40) + u']';
    return where;
}

// Every visible control under `root` that lacks a name (or a needed description). The cells of a
// table are its data, named by their headers, so the walk does not go inside item views.
QStringList unnamedControls(QAccessibleInterface *root)
{
    QStringList problems;
    QList<QAccessibleInterface *> pending{root};
    while (!pending.isEmpty()) {
        QAccessibleInterface *item = pending.takeLast();
        if (!item || !item->isValid() || item->state().invisible)
            continue;
        const QAccessible::Role role = item->role();
        if (actsOnInput(role) && !item->state().disabled) {
            if (item->text(QAccessible::Name).trimmed().isEmpty())
                problems << u"no name: "_s + describe(item);
            else if (needsDescription(role) &&
                     item->text(QAccessible::Description).trimmed().isEmpty())
                problems << u"no description: "_s + describe(item);
        }
        if (role == QAccessible::Table || role == QAccessible::List || role == QAccessible::Tree ||
            role == QAccessible::ScrollBar)
            continue;
        for (int i = 0; i < item->childCount(); ++i)
            pending << item->child(i);
    }
    return problems;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;

private slots:
    void initTestCase()
    {
        QAccessible::setActive(true);
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_accessibility"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    }

    void theWalkFindsAnUnnamedControl()
    {
        QWidget page;
        auto *layout = new QVBoxLayout(&page);
        auto *named = new QPushButton(u"Call back"_s, &page);
        auto *iconOnly = new QPushButton(&page);
        iconOnly->setObjectName(u"iconOnly"_s);
        auto *slider = new QSlider(Qt::Horizontal, &page);
        slider->setObjectName(u"seek"_s);
        slider->setAccessibleName(u"Position"_s);
        auto *table = new QTableView(&page);
        table->setAccessibleName(u"Calls"_s);
        table->setAccessibleDescription(u"The clinic's calls, newest first"_s);
        for (QWidget *w : {static_cast<QWidget *>(named), static_cast<QWidget *>(iconOnly),
                           static_cast<QWidget *>(slider), static_cast<QWidget *>(table)})
            layout->addWidget(w);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        const QStringList problems = unnamedControls(QAccessible::queryAccessibleInterface(&page));
        QCOMPARE(problems.size(), 2);
        QVERIFY2(problems.filter(u"no name: QPushButton \"iconOnly\""_s).size() == 1,
                 qPrintable(problems.join(u'\n')));
        QVERIFY2(problems.filter(u"no description: QSlider \"seek\""_s).size() == 1,
                 qPrintable(problems.join(u'\n')));
    }

    void everyControlOfEveryPageHasAName_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<bool>("grid"); // the appointments' week grid instead of the list
        QTest::newRow("today") << int(MainWindow::TodayIndex) << false;
        QTest::newRow("live") << int(MainWindow::LiveIndex) << false;
        QTest::newRow("dashboard") << int(MainWindow::DashboardIndex) << false;
        QTest::newRow("calls") << int(MainWindow::CallsIndex) << false;
        QTest::newRow("leads") << int(MainWindow::LeadsIndex) << false;
        QTest::newRow("appointments") << int(MainWindow::AppointmentsIndex) << false;
        QTest::newRow("appointments, week grid") << int(MainWindow::AppointmentsIndex) << true;
        QTest::newRow("reports") << int(MainWindow::ReportsIndex) << false;
        QTest::newRow("services") << int(MainWindow::ServicesIndex) << false;
        QTest::newRow("knowledge") << int(MainWindow::KnowledgeIndex) << false;
        QTest::newRow("agent") << int(MainWindow::AgentIndex) << false;
        QTest::newRow("telephony") << int(MainWindow::TelephonyIndex) << false;
        QTest::newRow("integrations") << int(MainWindow::IntegrationsIndex) << false;
        QTest::newRow("settings") << int(MainWindow::SettingsIndex) << false;
    }
    void everyControlOfEveryPageHasAName()
    {
        QFETCH(int, page);
        QFETCH(bool, grid);
        const auto clinic = m_fixture->createClinic();
        m_fixture->insertPrdSampleCalls(clinic);
        m_fixture->insertContact(clinic, u"Maria Lopez"_s, u"+15125550142"_s, 80, u"hot"_s);
        // A call that failed just now puts someone on Today's list, with its actions enabled.
        vox::test::CallSeed failed;
        failed.status = u"failed"_s;
        failed.phone = u"+15125550143"_s;
        QVERIFY(!m_fixture->insertCall(clinic, failed).isEmpty());

        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->url()));
        api.setSession(clinic.session);
        vox::ui::EventStream events(api);
        MainWindow window(api, events, u"test server"_s);
        window.resize(1280, 800);
        window.show();
        window.sessionStarted();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(page);
        if (grid)
            window.appointmentsPage()->setView(vox::ui::AppointmentsPage::View::Week);
        // A table with rows has its first row chosen, so the detail pane's controls are there to
        // be walked too.
        QVERIFY(vox::test::settle(api));
        if (auto *table = window.page(page)->findChild<QTableView *>();
            table && table->isVisible() && table->model() && table->model()->rowCount() > 0) {
            table->setFocus();
            table->selectRow(0);
            QVERIFY(vox::test::settle(api));
        }

        const QStringList problems =
            unnamedControls(QAccessible::queryAccessibleInterface(&window));
        QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_s + problems.join(u'\n')));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
