// The services pricing editor (C-services) with real widgets against the real server: what is
// wrong is said at the field (empty name, duplicate name, negative price), edits are marked and
// undoable until saved, saving goes through the API (and a refusal comes back to the field),
// staff only read, and the keyword test uses the pricing engine's rule.
#include "consolefixture.h"
#include "httpclient.h"
#include "pagehost.h"
#include "ui/api/apiclient.h"
#include "ui/models/servicesmodel.h"
#include "ui/pages/servicespage.h"
#include "ui/services/keywordtester.h"
#include "ui/widgets/keywordchips.h"
#include "ui/widgets/toastarea.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace Qt::Literals::StringLiterals;
using Field = vox::ui::ServicesModel::Field;

class TestServicesEditor : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;

    struct Console : vox::test::PageHost<vox::ui::ServicesPage>
    {
        Console(const QString &url, const vox::ui::Session &session)
            : PageHost(url, session, {1100, 700})
        {}
    };

    static void retype(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }

    QJsonArray serverServices(const vox::test::Clinic &clinic)
    {
        auto client = m_fixture->server().client();
        client->setToken(clinic.session.accessToken);
        return client->get(u"/api/services"_s).json().value(u"items"_s).toArray();
    }

    static QJsonObject byName(const QJsonArray &services, const QString &name)
    {
        for (const QJsonValue &s : services)
            if (s.toObject().value(u"name"_s).toString() == name)
                return s.toObject();
        return {};
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_services"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    }

    void problemsAreSaidAtTheFieldAndBlockSaving()
    {
        const auto clinic = m_fixture->createClinic(u"Field Clinic"_s);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::ServicesPage &page = *c.page;
        QTRY_COMPARE(page.model()->rowCount(), 7); // the clinic's default services
        page.selectService(u"Botox"_s);
        QCOMPARE(page.nameEdit()->text(), u"Botox"_s);
        QVERIFY(!page.saveButton()->isEnabled()); // nothing to save yet

        retype(page.nameEdit(), QString());
        QCOMPARE(page.fieldProblem(Field::Name), u"Enter a name for the service."_s);
        QVERIFY(!page.saveButton()->isEnabled());

        retype(page.nameEdit(), u"fillers "_s); // another service's name, however written
        QVERIFY(page.fieldProblem(Field::Name).contains(u"already called “Fillers”"_s));
        QVERIFY(!page.saveButton()->isEnabled());

        retype(page.nameEdit(), u"Botox Plus"_s);
        QVERIFY(page.fieldProblem(Field::Name).isEmpty());
        QVERIFY(page.saveButton()->isEnabled());

        retype(page.priceEdit(), u"-50"_s);
        QCOMPARE(page.fieldProblem(Field::Price), u"The price cannot be negative."_s);
        QVERIFY(!page.saveButton()->isEnabled());
        retype(page.priceEdit(), u"4oo"_s);
        QVERIFY(page.fieldProblem(Field::Price).contains(u"as a number"_s));
        QVERIFY(!page.saveButton()->isEnabled());
        retype(page.priceEdit(), u"450.5"_s);
        QVERIFY(page.fieldProblem(Field::Price).isEmpty());
        QVERIFY(page.saveButton()->isEnabled());

        // The row is marked as changed, not saved.
        const int row = page.table()->currentIndex().row();
        QVERIFY(page.model()
                    ->data(page.model()->index(row, 0), Qt::DisplayRole)
                    .toString()
                    .startsWith(u"●"_s));
        QCOMPARE(page.findChild<QLabel *>(u"unsavedLabel"_s)->text(), u"1 unsaved change"_s);
    }

    // Choosing a service is enough to delete it: no edit first.
    void deleteAppliesToTheChosenService()
    {
        const auto clinic = m_fixture->createClinic(u"Delete Clinic"_s);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::ServicesPage &page = *c.page;
        QTRY_COMPARE(page.model()->rowCount(), 7);
        auto *remove = page.findChild<QPushButton *>(u"deleteServiceButton"_s);
        QVERIFY(remove);
        page.selectService(u"Botox"_s);
        QVERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(page.findChild<QLabel *>(u"unsavedLabel"_s)->text(), u"1 unsaved change"_s);
        QVERIFY(!remove->isEnabled()); // already marked for deletion
        page.selectService(u"Fillers"_s);
        QVERIFY(remove->isEnabled());
    }

    void editsAreUndoneAndRedone()
    {
        const auto clinic = m_fixture->createClinic(u"Undo Clinic"_s);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::ServicesPage &page = *c.page;
        QTRY_COMPARE(page.model()->rowCount(), 7);
        page.selectService(u"Consultation"_s);
        retype(page.nameEdit(), u"First visit"_s);
        retype(page.priceEdit(), u"99"_s);
        page.durationEdit()->setValue(45);
        // Typing a name is one step, not one per letter.
        QCOMPARE(page.undoStack()->count(), 3);
        page.addService();
        QCOMPARE(page.model()->rowCount(), 8);

        page.undoStack()->undo(); // the added service
        QCOMPARE(page.model()->rowCount(), 7);
        page.undoStack()->undo(); // the length
        page.selectService(u"First visit"_s);
        QCOMPARE(page.durationEdit()->value(), 30);
        page.undoStack()->undo(); // the price
        QCOMPARE(page.priceEdit()->text(), u"150"_s);
        page.undoStack()->undo(); // the name
        QCOMPARE(page.nameEdit()->text(), u"Consultation"_s);
        QCOMPARE(page.model()->unsavedCount(), 0);
        QVERIFY(!page.saveButton()->isEnabled());
        page.undoStack()->redo();
        QCOMPARE(page.nameEdit()->text(), u"First visit"_s);
        QCOMPARE(page.model()->unsavedCount(), 1);

        // Deleting is undoable too, until saved.
        page.selectService(u"Facelift"_s);
        page.deleteSelected();
        QVERIFY(page.model()
                    ->data(page.model()->index(page.table()->currentIndex().row(), 0),
                           vox::ui::ServicesModel::DeletedRole)
                    .toBool());
        page.undoStack()->undo();
        QVERIFY(!page.model()
                     ->data(page.model()->index(page.table()->currentIndex().row(), 0),
                            vox::ui::ServicesModel::DeletedRole)
                     .toBool());
    }

    void savesThroughTheApi()
    {
        const auto clinic = m_fixture->createClinic(u"Save Clinic"_s);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::ServicesPage &page = *c.page;
        QTRY_COMPARE(page.model()->rowCount(), 7);

        page.selectService(u"Botox"_s);
        retype(page.priceEdit(), u"450"_s);
        QTest::keyClicks(page.keywordsEdit()->input(), u"Anti  Wrinkle"_s);
        page.keywordsEdit()->commitInput();
        QVERIFY(page.keywordsEdit()->keywords().contains(u"anti wrinkle"_s));

        page.addService();
        retype(page.nameEdit(), u"Microneedling"_s);
        retype(page.priceEdit(), u"300"_s);
        QTest::keyClicks(page.keywordsEdit()->input(), u"microneedling, collagen,"_s);
        page.findChild<QSpinBox *>(u"bufferAfterEdit"_s)->setValue(10);

        page.selectService(u"Facelift"_s);
        page.deleteSelected();
        QCOMPARE(page.model()->unsavedCount(), 3);

        QVERIFY(page.saveButton()->isEnabled());
        page.saveButton()->click();
        QTRY_VERIFY(!page.isSaving());
        QCOMPARE(page.model()->unsavedCount(), 0);
        QCOMPARE(page.undoStack()->count(), 0);
        QTRY_VERIFY(!c.toasts.toasts().isEmpty());
        QCOMPARE(c.toasts.toasts().constLast()->text(), u"Services saved."_s);

        const QJsonArray saved = serverServices(clinic);
        QCOMPARE(saved.size(), 7);
        const QJsonObject botox = byName(saved, u"Botox"_s);
        QCOMPARE(botox.value(u"price_cents"_s).toInt(), 45000);
        QVERIFY(botox.value(u"keywords"_s).toArray().contains(u"anti wrinkle"_s));
        const QJsonObject micro = byName(saved, u"Microneedling"_s);
        QCOMPARE(micro.value(u"price_cents"_s).toInt(), 30000);
        QCOMPARE(micro.value(u"buffer_after_minutes"_s).toInt(), 10);
        QCOMPARE(micro.value(u"keywords"_s).toArray(),
                 QJsonArray({u"microneedling"_s, u"collagen"_s}));
        QVERIFY(byName(saved, u"Facelift"_s).isEmpty());
    }

    void aRefusedSaveComesBackToTheField()
    {
        const auto clinic = m_fixture->createClinic(u"Race Clinic"_s);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::ServicesPage &page = *c.page;
        QTRY_COMPARE(page.model()->rowCount(), 7);
        page.addService();
        retype(page.nameEdit(), u"Chemical Peel"_s);
        retype(page.priceEdit(), u"200"_s);
        // Meanwhile someone else adds the same service.
        auto client = m_fixture->server().client();
        client->setToken(clinic.session.accessToken);
        QCOMPARE(
            client->post(u"/api/services"_s, {{u"name"_s, u"chemical peel"_s}, {u"price"_s, 180}})
                .status,
            201);
        page.saveButton()->click();
        QTRY_VERIFY(!page.isSaving());
        page.selectService(u"Chemical Peel"_s);
        QVERIFY(page.fieldProblem(Field::Name).contains(u"already exists"_s));
        QCOMPARE(page.model()->unsavedCount(), 1); // kept, to be renamed and saved again
        retype(page.nameEdit(), u"Deep Chemical Peel"_s);
        QVERIFY(page.fieldProblem(Field::Name).isEmpty());
        page.saveButton()->click();
        QTRY_VERIFY(!page.isSaving());
        QCOMPARE(page.model()->unsavedCount(), 0);
        QVERIFY(!byName(serverServices(clinic), u"Deep Chemical Peel"_s).isEmpty());
    }

    void staffSeeTheListButCannotChangeIt()
    {
        auto clinic = m_fixture->createClinic(u"Staff Clinic"_s);
        auto owner = m_fixture->server().client();
        owner->setToken(clinic.session.accessToken);
        QCOMPARE(owner
                     ->post(u"/api/org/users"_s, {{u"email"_s, u"desk@staffclinic.test"_s},
                                                  {u"role"_s, u"staff"_s},
                                                  {u"password"_s, u"front desk password"_s}})
                     .status,
                 201);
        auto staff = m_fixture->server().client();
        const auto login =
            staff->post(u"/api/auth/login"_s, {{u"email"_s, u"desk@staffclinic.test"_s},
                                               {u"password"_s, u"front desk password"_s}});
        QCOMPARE(login.status, 200);
        Console c(m_fixture->url(),
                  vox::ui::Session::fromJson(login.json(), QDateTime::currentDateTimeUtc()));
        vox::ui::ServicesPage &page = *c.page;
        QTRY_COMPARE(page.model()->rowCount(), 7);
        QVERIFY(page.isReadOnly());
        QVERIFY(page.nameEdit()->isReadOnly());
        QVERIFY(!page.saveButton()->isVisible());
        QVERIFY(!page.addButton()->isVisible());
        QVERIFY(page.findChild<QLabel *>(u"readOnlyNote"_s)->isVisible());
        page.addService();
        QCOMPARE(page.model()->rowCount(), 7);
    }

    void keywordTestUsesThePricingRule()
    {
        const auto clinic = m_fixture->createClinic(u"Keyword Clinic"_s);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::ServicesPage &page = *c.page;
        QTRY_COMPARE(page.model()->rowCount(), 7);
        vox::ui::KeywordTester *tester = page.tester();
        tester->setSentence(u"Hi! How much is a nose-job? And lip fillers, maybe."_s);
        QCOMPARE(tester->matchedNames(), QStringList({u"Fillers"_s, u"Rhinoplasty"_s}));
        QCOMPARE(tester->valueCents(), 650000);
        QVERIFY(tester->resultText().contains(u"$6,500"_s));

        tester->setSentence(u"Do you do chemical peels?"_s);
        QVERIFY(tester->matchedNames().isEmpty());
        QVERIFY(tester->resultText().contains(u"No service matches"_s));
        // An unsaved keyword counts at once: the test is for the list being edited.
        page.selectService(u"Consultation"_s);
        QTest::keyClicks(page.keywordsEdit()->input(), u"chemical peel"_s);
        page.keywordsEdit()->commitInput();
        QCOMPARE(tester->matchedNames(), QStringList({u"Consultation"_s}));
        QCOMPARE(tester->valueCents(), 15000);
    }
};

QTEST_MAIN(TestServicesEditor)
#include "tst_serviceseditor.moc"
