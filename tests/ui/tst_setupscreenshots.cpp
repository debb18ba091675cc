// Renders the setup areas of the console (part 2) for docs/screenshots/: each step of the
// telephony wizard, the services editor, integrations, knowledge, telephony and settings — in
// the light and dark palettes, in English and Spanish — from a clinic on the real server with
// the provider sandbox. The PNGs go to $VOXANNE_SCREENSHOT_DIR when set (refresh with
// `VOXANNE_SCREENSHOT_DIR=$PWD/docs/screenshots ctest --preset dev -R tst_setupscreenshots`), else
// to a temporary folder; the test checks that each picture has content.
#include "sandboxfixture.h"
#include "ui/api/apiclient.h"
#include "ui/api/eventstream.h"
#include "ui/pages/integrationspage.h"
#include "ui/pages/knowledgepage.h"
#include "ui/pages/servicespage.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/telephonypage.h"
#include "ui/services/keywordtester.h"
#include "ui/shell/consolecontroller.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/theme.h"
#include "ui/shell/translations.h"
#include "ui/telephony/carrierstep.h"
#include "ui/telephony/phonenumberstep.h"
#include "ui/telephony/telephonywizard.h"
#include "ui/telephony/verificationstep.h"
#include "ui/widgets/toastarea.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::ui::MainWindow;
using vox::ui::TelephonyWizard;

class TestSetupScreenshots : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::SandboxFixture> m_fixture;
    vox::test::Clinic m_clinic;
    vox::test::SandboxFixture::TwilioAccount m_twilio;
    QTemporaryDir m_temporary;
    QTemporaryDir m_documents;
    QString m_folder;
    int m_numbers = 0;
    bool m_seeded = false;

    void save(QWidget *widget, const QString &name, const QSize &size)
    {
        // Toasts of the steps before would cover the page.
        for (vox::ui::ToastArea *area : widget->findChildren<vox::ui::ToastArea *>())
            area->clear();
        QTest::qWait(120); // the last layout pass and paint
        const QImage image = widget->grab().toImage();
        QCOMPARE(image.size(), size);
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(name));
        QVERIFY(image.save(QDir(m_folder).filePath(name + u".png"_s)));
    }

    QString writeDocument(const QString &name, const QByteArray &content)
    {
        const QString path = m_documents.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(content);
        return path;
    }

private slots:
    void initTestCase()
    {
        m_folder = qEnvironmentVariable("VOXANNE_SCREENSHOT_DIR");
        if (m_folder.isEmpty())
            m_folder = m_temporary.path();
        QVERIFY(QDir().mkpath(m_folder));
        m_fixture = std::make_unique<vox::test::SandboxFixture>(u"ui_setupshots"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        m_clinic = m_fixture->console().createClinic(u"Glow Med Spa"_s);
        QVERIFY2(!m_clinic.orgId.isEmpty(), qPrintable(m_fixture->console().lastError()));
        m_twilio = m_fixture->newTwilioAccount();
    }

    void cleanupTestCase() { QVERIFY(vox::ui::installTranslations(u"en"_s)); }

    void setup_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<QString>("language");
        QTest::newRow("light, English") << false << u"en"_s;
        QTest::newRow("dark, English") << true << u"en"_s;
        QTest::newRow("light, Spanish") << false << u"es"_s;
        QTest::newRow("dark, Spanish") << true << u"es"_s;
    }
    void setup()
    {
        QFETCH(bool, dark);
        QFETCH(QString, language);
        QVERIFY(vox::ui::installTranslations(language));
        vox::ui::applyTheme(dark ? vox::ui::Theme::Dark : vox::ui::Theme::Light);
        const QString suffix = (dark ? u"-dark-"_s : u"-light-"_s) + language;
        const QSize windowSize(1280, 800);

        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->console().url()));
        api.setSession(m_clinic.session);
        vox::ui::EventStream events(api);
        MainWindow window(api, events,
                          QCoreApplication::translate("vox::ui::ConsoleController",
                                                      "Clinic server on this computer"));
        window.setDemo(vox::ui::ConsoleController::demoAccountsNote());
        window.resize(windowSize);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.sessionStarted();
        events.start();
        QTRY_VERIFY_WITH_TIMEOUT(events.state() == vox::ui::EventStream::State::Live, 15000);

        // Integrations: Twilio connected through the form (its steps shown), Google connected.
        window.showPage(MainWindow::IntegrationsIndex);
        vox::ui::IntegrationsPage *integrations = window.integrationsPage();
        if (!m_seeded) {
            QTRY_VERIFY(integrations->twilioSaveButton()->isVisible());
            integrations->twilioSidEdit()->setText(m_twilio.sid);
            integrations->twilioTokenEdit()->setText(m_twilio.token);
            integrations->twilioNumberEdit()->setText(m_twilio.number);
            integrations->validateAndSaveTwilio();
            // The server's job finishes with Vapi; the page hears it from the event stream.
            QTRY_COMPARE_WITH_TIMEOUT(integrations->status().twilio.status, u"active"_s, 20000);
            auto client = m_fixture->console().server().client();
            client->setToken(m_clinic.session.accessToken);
            QCOMPARE(client
                         ->put(u"/api/integrations/resend"_s,
                               {{u"from"_s, u"Glow Med Spa <desk@glowmedspa.example>"_s}})
                         .status,
                     200);
        } else {
            QTRY_COMPARE_WITH_TIMEOUT(integrations->status().twilio.status, u"active"_s, 20000);
            // The steps of the connection, as the form showed them.
            integrations->twilioSidEdit()->clear();
        }
        QTRY_VERIFY(!integrations->twilioStatusLabel()->text().isEmpty());
        save(&window, u"integrations"_s + suffix, windowSize);

        // Services: Botox chosen, one unsaved change marked, and a keyword test.
        window.showPage(MainWindow::ServicesIndex);
        vox::ui::ServicesPage *services = window.servicesPage();
        QTRY_COMPARE(services->model()->rowCount(), 7);
        services->selectService(u"Botox"_s);
        services->priceEdit()->setFocus();
        services->priceEdit()->selectAll();
        QTest::keyClicks(services->priceEdit(), u"450"_s);
        services->tester()->setSentence(
            language == u"es" ? u"Hola, ¿cuánto cuesta el botox? ¿Y un lip filler?"_s
                              : u"Hi! How much is Botox, and do you do lip fillers?"_s);
        QTRY_VERIFY(!services->tester()->matchedNames().isEmpty());
        save(&window, u"services"_s + suffix, windowSize);
        services->discard();
        QTRY_COMPARE(services->model()->unsavedCount(), 0);

        // Knowledge: two documents and a question.
        window.showPage(MainWindow::KnowledgeIndex);
        vox::ui::KnowledgePage *knowledge = window.knowledgePage();
        if (!m_seeded) {
            QByteArray prices = "# Price list\n\n";
            for (const char *line :
                 {"Botox: $400 per area. Results last three to four months.",
                  "Lip filler: $500 per syringe. Swelling settles within a week.",
                  "Consultation: $150, taken off any treatment booked the same day.",
                  "Chemical peel: $200. Avoid the sun for a week afterwards."})
                prices += QByteArray(line) + "\n\n";
            knowledge->upload({writeDocument(u"price-list.md"_s, prices),
                               writeDocument(u"aftercare-faq.txt"_s,
                                             "How long does Botox last? Botox usually lasts "
                                             "three to four months.\n\nCan I exercise after "
                                             "Botox? Wait 24 hours before hard exercise.\n\nDo "
                                             "you offer financing? Yes, monthly plans for "
                                             "treatments over $1,000.\n")});
            QTRY_COMPARE(knowledge->documents().size(), 2);
            QTRY_VERIFY(!knowledge->isUploading());
        } else {
            QTRY_COMPARE(knowledge->documents().size(), 2);
        }
        knowledge->ask(language == u"es" ? u"How long does Botox last?"_s
                                         : u"How long does Botox last?"_s);
        QTRY_VERIFY(knowledge->passages()->count() > 0);
        save(&window, u"knowledge"_s + suffix, windowSize);

        // Settings.
        window.showPage(MainWindow::SettingsIndex);
        QTRY_VERIFY(!window.settingsPage()->settings().name.isEmpty());
        save(&window, u"settings"_s + suffix, windowSize);

        // The telephony wizard, step by step.
        window.showPage(MainWindow::TelephonyIndex);
        vox::ui::TelephonyPage *telephony = window.telephonyPage();
        TelephonyWizard *w = telephony->openWizard();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const QSize wizardSize = w->size();
        const QString number = u"+1 (512) 555-0%1"_s.arg(100 + ++m_numbers);
        auto *phone = qobject_cast<vox::ui::PhoneNumberStep *>(w->currentPage());
        QTest::keyClicks(phone->numberInput(), number);
        QVERIFY(w->button(QWizard::NextButton)->isEnabled());
        save(w, u"wizard-1-number"_s + suffix, wizardSize);

        w->button(QWizard::NextButton)->click();
        QTRY_COMPARE(w->currentId(), int(TelephonyWizard::VerifyStep));
        auto *verify = qobject_cast<vox::ui::VerificationStep *>(w->currentPage());
        const QString code = w->verification().code;
        const QString e164 = w->verification().phoneNumber;
        QTest::keyClicks(verify->codeInput(), code == u"000000" ? u"111111"_s : u"000000"_s);
        w->button(QWizard::CommitButton)->click();
        QTRY_VERIFY(!verify->problemText().isEmpty());
        QTest::keyClicks(verify->codeInput(), code.left(4));
        save(w, u"wizard-2-code"_s + suffix, wizardSize);

        QVERIFY(m_fixture->sandbox().twilio().keypad(e164, code).verified);
        verify->codeInput()->clear();
        QTest::keyClicks(verify->codeInput(), code);
        w->button(QWizard::CommitButton)->click();
        QTRY_COMPARE(w->currentId(), int(TelephonyWizard::CarrierStep));
        auto *carrier = qobject_cast<vox::ui::CarrierStep *>(w->currentPage());
        carrier->carrierCombo()->setCurrentIndex(carrier->carrierCombo()->findData(u"tmobile"_s));
        carrier->safetyNetButton()->click();
        QTRY_VERIFY(carrier->previewText().contains(m_twilio.number));
        save(w, u"wizard-3-carrier"_s + suffix, wizardSize);

        w->button(QWizard::NextButton)->click();
        QTRY_COMPARE(w->currentId(), int(TelephonyWizard::CodeStep));
        save(w, u"wizard-4-dial"_s + suffix, wizardSize);

        w->button(QWizard::CommitButton)->click();
        QTRY_COMPARE(w->currentId(), int(TelephonyWizard::DoneStep));
        save(w, u"wizard-5-done"_s + suffix, wizardSize);
        w->button(QWizard::FinishButton)->click();
        QTRY_VERIFY(!telephony->numbers().isEmpty());
        QTRY_VERIFY(telephony->table()->currentRow() >= 0);
        save(&window, u"telephony"_s + suffix, windowSize);
        m_seeded = true;
        events.stop();
    }
};

QTEST_MAIN(TestSetupScreenshots)
#include "tst_setupscreenshots.moc"
