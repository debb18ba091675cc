// The five-step telephony wizard (C-telephony, PRD §17.6) with real widgets against the real
// server and the provider sandbox's Twilio: the number is formatted and checked as it is typed,
// Twilio's call is answered on the sandbox's keypad, wrong codes count down, the carrier's code
// is previewed by the server's own rule, and the refusals appear in the step they belong to.
#include "core/forwardingcodes.h"
#include "core/phonenumber.h"
#include "pagehost.h"
#include "sandboxfixture.h"
#include "ui/api/apiclient.h"
#include "ui/pages/telephonypage.h"
#include "ui/telephony/activationcodestep.h"
#include "ui/telephony/carrierstep.h"
#include "ui/telephony/confirmationstep.h"
#include "ui/telephony/deactivationdialog.h"
#include "ui/telephony/phonenumberstep.h"
#include "ui/telephony/telephonywizard.h"
#include "ui/telephony/verificationstep.h"
#include "ui/widgets/codedisplay.h"
#include "ui/widgets/toastarea.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSlider>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using vox::ui::TelephonyWizard;

class TestTelephonyWizard : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::SandboxFixture> m_fixture;
    vox::test::Clinic m_clinic;
    vox::test::SandboxFixture::TwilioAccount m_twilio;
    int m_numbers = 0;

    QString newNumber() { return u"+1555404%1"_s.arg(++m_numbers, 4, 10, QLatin1Char('0')); }

    // A console's telephony page with its API client, signed in as the clinic's owner.
    struct Console : vox::test::PageHost<vox::ui::TelephonyPage>
    {
        Console(const QString &url, const vox::ui::Session &session)
            : PageHost(url, session, {1000, 600})
        {}
    };

    static vox::ui::PhoneNumberStep *phoneStep(TelephonyWizard *w)
    {
        return qobject_cast<vox::ui::PhoneNumberStep *>(w->page(TelephonyWizard::PhoneStep));
    }
    static vox::ui::VerificationStep *verifyStep(TelephonyWizard *w)
    {
        return qobject_cast<vox::ui::VerificationStep *>(w->page(TelephonyWizard::VerifyStep));
    }
    static vox::ui::CarrierStep *carrierStep(TelephonyWizard *w)
    {
        return qobject_cast<vox::ui::CarrierStep *>(w->page(TelephonyWizard::CarrierStep));
    }
    static vox::ui::ActivationCodeStep *codeStep(TelephonyWizard *w)
    {
        return qobject_cast<vox::ui::ActivationCodeStep *>(w->page(TelephonyWizard::CodeStep));
    }

    // Types the number and asks for the call; answers once the code is on screen.
    static bool startVerification(TelephonyWizard *w, const QString &typed)
    {
        QLineEdit *input = phoneStep(w)->numberInput();
        input->clear();
        QTest::keyClicks(input, typed);
        QAbstractButton *next = w->button(QWizard::NextButton);
        if (!next->isEnabled())
            return false;
        next->click();
        return QTest::qWaitFor([w] { return w->currentId() == TelephonyWizard::VerifyStep; },
                               10000);
    }

    static void typeCode(TelephonyWizard *w, const QString &code)
    {
        QLineEdit *input = verifyStep(w)->codeInput();
        input->clear();
        QTest::keyClicks(input, code);
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::SandboxFixture>(u"ui_telephony"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        m_clinic = m_fixture->console().createClinic(u"Forwarding Clinic"_s);
        QVERIFY2(!m_clinic.orgId.isEmpty(), qPrintable(m_fixture->console().lastError()));
        m_twilio = m_fixture->newTwilioAccount();
        const QString problem = m_fixture->connectTwilioAndWait(m_clinic, m_twilio);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void invalidNumberKeepsTheCallButtonDisabled()
    {
        Console console(m_fixture->console().url(), m_clinic.session);
        TelephonyWizard *w = console.page->openWizard();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QCOMPARE(w->currentId(), int(TelephonyWizard::PhoneStep));
        QAbstractButton *call = w->button(QWizard::NextButton);
        QVERIFY(!call->isEnabled()); // nothing typed yet

        // No area code: said at the field, the button stays off.
        QTest::keyClicks(phoneStep(w)->numberInput(), u"555-1234"_s);
        QVERIFY(!call->isEnabled());
        QVERIFY(phoneStep(w)->problemText().contains(u"area code"_s));
        // The clinic's own way of writing it (US by default), read and shown the same way.
        phoneStep(w)->numberInput()->clear();
        QTest::keyClicks(phoneStep(w)->numberInput(), u"(555) 404-0001"_s);
        QVERIFY(call->isEnabled());
        QCOMPARE(phoneStep(w)->normalized(), u"+15554040001"_s);
        QVERIFY(w->findChild<QLabel *>(u"formattedNumber"_s)->text().contains(u"(555) 404-0001"_s));
        // Too short for E.164.
        phoneStep(w)->numberInput()->clear();
        QTest::keyClicks(phoneStep(w)->numberInput(), u"+1 555"_s);
        QVERIFY(!call->isEnabled());
        QVERIFY(phoneStep(w)->problemText().contains(u"short"_s));
        // The way people write it, formatted live to E.164.
        phoneStep(w)->numberInput()->clear();
        QTest::keyClicks(phoneStep(w)->numberInput(), u"+1 (555) 404-0000"_s);
        QVERIFY(call->isEnabled());
        QCOMPARE(phoneStep(w)->normalized(), u"+15554040000"_s);
        QVERIFY(phoneStep(w)->problemText().isEmpty());
        w->reject();
    }

    void wholeWayForEachMode_data()
    {
        QTest::addColumn<QString>("carrier");
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("ringSeconds");
        QTest::newRow("T-Mobile, Total AI") << u"tmobile"_s << u"total_ai"_s << 25;
        QTest::newRow("AT&T, Safety Net, 15 s") << u"att"_s << u"safety_net"_s << 15;
        QTest::newRow("Verizon, Safety Net (carrier's ring time)")
            << u"verizon"_s << u"safety_net"_s << 25;
    }
    void wholeWayForEachMode()
    {
        QFETCH(QString, carrier);
        QFETCH(QString, mode);
        QFETCH(int, ringSeconds);
        // The countdown's clock, fixed once the code is known: what it shows does not depend on
        // how long the steps before took.
        auto now = std::make_shared<QDateTime>();
        Console console(m_fixture->console().url(), m_clinic.session);
        TelephonyWizard *w = console.page->openWizard();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        verifyStep(w)->setClock(
            [now] { return now->isValid() ? *now : QDateTime::currentDateTimeUtc(); });
        const QString number = newNumber();

        // 1. The number: Twilio calls and the code appears, large, with ten minutes to use it.
        QVERIFY(startVerification(w, number));
        const QString code = w->verification().code;
        QCOMPARE(code.size(), 6);
        QCOMPARE(verifyStep(w)->codeDisplay()->code(), code);
        const QDateTime expires = w->verification().expiresAt;
        QVERIFY(expires.isValid());
        *now = expires.addSecs(-(9 * 60 + 55));
        QTRY_COMPARE(verifyStep(w)->expiryLabel()->text(), u"The code expires in 9:55."_s);
        *now = expires.addSecs(1);
        QTRY_COMPARE(verifyStep(w)->expiryLabel()->text(),
                     u"The code has expired. Ask for a new call."_s);
        *now = expires.addSecs(-(9 * 60 + 55));
        QCOMPARE(verifyStep(w)->attemptsLabel()->text(), u"3 attempts left"_s);

        // 2. A wrong code first: refused in this step, one attempt fewer.
        const QString wrong = code == u"000000" ? u"111111"_s : u"000000"_s;
        typeCode(w, wrong);
        QAbstractButton *confirm = w->button(QWizard::CommitButton);
        QVERIFY(confirm->isEnabled());
        confirm->click();
        QTRY_VERIFY(verifyStep(w)->problemText().contains(u"not right"_s));
        QCOMPARE(verifyStep(w)->attemptsLabel()->text(), u"2 attempts left"_s);
        // The count is said once, beside the field, not again in the problem.
        QVERIFY(!verifyStep(w)->problemText().contains(u"attempt"_s));
        QCOMPARE(w->currentId(), int(TelephonyWizard::VerifyStep));

        // The right code, typed on the phone's keypad (the sandbox is the phone), then here.
        QVERIFY(m_fixture->sandbox().twilio().keypad(number, code).verified);
        typeCode(w, code);
        confirm->click();
        QTRY_COMPARE(w->currentId(), int(TelephonyWizard::CarrierStep));
        QVERIFY(!w->verifiedCallerId().isEmpty());

        // 3. Carrier and mode: nothing to create until both are chosen; the preview is the
        // server's own code for the AI's number.
        vox::ui::CarrierStep *step = carrierStep(w);
        QAbstractButton *create = w->button(QWizard::NextButton);
        QVERIFY(!create->isEnabled());
        step->carrierCombo()->setCurrentIndex(step->carrierCombo()->findData(carrier));
        (mode == u"total_ai" ? step->totalAiButton() : step->safetyNetButton())->click();
        QVERIFY(create->isEnabled());
        const auto c = *vox::forwarding::carrierFromString(carrier);
        const auto m = *vox::forwarding::modeFromString(mode);
        const bool ringApplies =
            m == vox::forwarding::Mode::SafetyNet && vox::forwarding::supportsRingTime(c);
        QCOMPARE(step->ringSlider()->isEnabled(), ringApplies);
        if (ringApplies) {
            // The slider offers only what the carrier accepts.
            const auto rule = vox::forwarding::ringTimeRule();
            QCOMPARE(step->ringSlider()->minimum() * rule.step, rule.minimum);
            QCOMPARE(step->ringSlider()->maximum() * rule.step, rule.maximum);
            step->ringSlider()->setValue(ringSeconds / rule.step);
        }
        QTRY_VERIFY(!w->aiNumber().isEmpty());
        QCOMPARE(w->aiNumber(), m_twilio.number);
        const auto expected = vox::forwarding::generate(c, m, m_twilio.number, ringSeconds);
        QVERIFY(expected);
        QTRY_COMPARE(step->previewText(), expected->activation);
        create->click();
        QTRY_COMPARE(w->currentId(), int(TelephonyWizard::CodeStep));

        // 4. The code to dial, with Copy; the turn-off code for reference.
        vox::ui::ActivationCodeStep *dial = codeStep(w);
        QCOMPARE(dial->codeDisplay()->code(), expected->activation);
        QVERIFY(dial->deactivationLabel()->text().contains(expected->deactivation.toHtmlEscaped()));
        QVERIFY(dial->instructions()->text().contains(u"<ol"_s));
        dial->copyButton()->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), expected->activation);
        QTRY_VERIFY(!w->toasts().toasts().isEmpty());
        QVERIFY(w->toasts().toasts().constLast()->text().contains(expected->activation));
        QCOMPARE(w->button(QWizard::CommitButton)->text(), u"I've dialed the code"_s);
        w->button(QWizard::CommitButton)->click();
        QTRY_COMPARE(w->currentId(), int(TelephonyWizard::DoneStep));

        // 5. The summary, and back to the list with the number forwarding.
        auto *done = qobject_cast<vox::ui::ConfirmationStep *>(w->currentPage());
        // Numbers as their owners write them, not the network's raw form.
        QVERIFY(done->summaryText().contains(vox::phone::display(number)));
        QVERIFY(!done->summaryText().contains(number));
        QVERIFY(
            done->summaryText().contains(mode == u"total_ai" ? u"Total AI"_s : u"Safety Net"_s));
        QVERIFY(w->button(QWizard::CustomButton1)->isVisible()); // Add another number
        w->button(QWizard::FinishButton)->click();
        QTRY_VERIFY(console.page->numbers().size() > 0);
        QTRY_VERIFY([&] {
            for (const auto &n : console.page->numbers())
                if (n.phoneNumber == number)
                    return n.forwardingStatus == u"active" && n.forwardingType == mode;
            return false;
        }());
        QTRY_COMPARE(
            console.page->table()->currentRow() >= 0 &&
                console.page->table()->item(console.page->table()->currentRow(), 0)->text() ==
                    vox::phone::display(number),
            true);
    }

    // A wizard closed while waiting for the code is not a dead end: the number's "Verify again…"
    // starts a new call for it; a wizard closed before the code was dialled comes back with the
    // carrier and mode chosen before.
    void aClosedWizardCarriesOnWhereItStopped()
    {
        Console console(m_fixture->console().url(), m_clinic.session);
        TelephonyWizard *w = console.page->openWizard();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const QString number = newNumber();
        QVERIFY(startVerification(w, number));
        w->reject(); // closed while "Waiting for the code"
        QTRY_VERIFY(!console.page->wizard());

        console.page->refresh();
        console.page->selectNumber(number);
        auto *forward = console.page->findChild<QPushButton *>(u"setUpForwardingButton"_s);
        QTRY_COMPARE(forward->text(), u"Verify again…"_s);
        QVERIFY(forward->isEnabled());
        forward->click();
        QTRY_VERIFY((w = console.page->wizard()));
        QCOMPARE(w->currentId(), int(TelephonyWizard::PhoneStep));
        QCOMPARE(phoneStep(w)->numberInput()->text(), vox::phone::display(number));
        QAbstractButton *next = w->button(QWizard::NextButton);
        QTRY_VERIFY(next->isEnabled());
        next->click();
        QTRY_COMPARE(w->currentId(), int(TelephonyWizard::VerifyStep));
        const QString code = w->verification().code;
        QVERIFY(m_fixture->sandbox().twilio().keypad(number, code).verified);
        typeCode(w, code);
        w->button(QWizard::CommitButton)->click();
        QTRY_COMPARE(w->currentId(), int(TelephonyWizard::CarrierStep));

        vox::ui::CarrierStep *step = carrierStep(w);
        step->carrierCombo()->setCurrentIndex(step->carrierCombo()->findData(u"verizon"_s));
        step->safetyNetButton()->click();
        QTRY_VERIFY(!w->aiNumber().isEmpty());
        w->button(QWizard::NextButton)->click();
        QTRY_COMPARE(w->currentId(), int(TelephonyWizard::CodeStep));
        w->reject(); // closed before dialling the code
        QTRY_VERIFY(!console.page->wizard());

        console.page->refresh();
        console.page->selectNumber(number);
        QTRY_COMPARE(forward->text(), u"Set up forwarding…"_s);
        QTRY_VERIFY(forward->isEnabled());
        forward->click();
        QTRY_VERIFY((w = console.page->wizard()));
        QTRY_COMPARE(w->currentId(), int(TelephonyWizard::CarrierStep));
        step = carrierStep(w);
        QCOMPARE(step->carrierCombo()->currentData().toString(), u"verizon"_s);
        QVERIFY(step->safetyNetButton()->isChecked());
        w->reject();
    }

    void tooManyCallsShowsTheWait()
    {
        Console console(m_fixture->console().url(), m_clinic.session);
        TelephonyWizard *w = console.page->openWizard();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const QString number = newNumber();
        QVERIFY(startVerification(w, number)); // call 1 of 3 this hour
        vox::ui::VerificationStep *step = verifyStep(w);
        for (int call = 2; call <= 3; ++call) {
            QTRY_VERIFY(step->resendButton()->isEnabled());
            step->resendButton()->click();
            QTRY_VERIFY(step->problemText().isEmpty() && step->resendButton()->isEnabled());
        }
        step->resendButton()->click(); // the fourth within the hour
        QTRY_VERIFY(step->problemText().contains(u"Too many verification calls"_s));
        QVERIFY(step->problemText().contains(u"minute"_s) ||
                step->problemText().contains(u"hour"_s));
        // The wait is shown and counts down; asking again is off until then.
        QTRY_VERIFY(
            w->findChild<QLabel *>(u"resendWaitLabel"_s)->text().contains(u"another call"_s));
        QVERIFY(!step->resendButton()->isEnabled());

        // The same number from the first step: refused there, with the wait.
        w->back();
        QCOMPARE(w->currentId(), int(TelephonyWizard::PhoneStep));
        phoneStep(w)->numberInput()->clear();
        QTest::keyClicks(phoneStep(w)->numberInput(), number);
        w->button(QWizard::NextButton)->click();
        QTRY_VERIFY(phoneStep(w)->problemText().contains(u"Too many verification calls"_s));
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        w->reject();
    }

    void threeWrongCodesLockTheNumber()
    {
        Console console(m_fixture->console().url(), m_clinic.session);
        TelephonyWizard *w = console.page->openWizard();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QVERIFY(startVerification(w, newNumber()));
        const QString code = w->verification().code;
        const QString wrong = code == u"000000" ? u"111111"_s : u"000000"_s;
        for (const QString &left : {u"2 attempts left"_s, u"1 attempt left"_s}) {
            typeCode(w, wrong);
            w->button(QWizard::CommitButton)->click();
            QTRY_COMPARE(verifyStep(w)->attemptsLabel()->text(), left);
        }
        typeCode(w, wrong);
        w->button(QWizard::CommitButton)->click();
        QTRY_VERIFY(verifyStep(w)->problemText().contains(u"locked"_s));
        QVERIFY(verifyStep(w)->problemText().contains(u"hour"_s) ||
                verifyStep(w)->problemText().contains(u"minutes"_s));
        QCOMPARE(verifyStep(w)->attemptsLabel()->text(), u"0 attempts left"_s);
        w->reject();
    }

    void noSimulatedAnswerAgainstProvidersThatAreNotTheSandbox()
    {
        // This server is given each provider's address, as a real one is: it never claims to
        // be a sandbox, so nobody can "answer" a real verification call from the console.
        Console console(m_fixture->console().url(), m_clinic.session);
        TelephonyWizard *w = console.page->openWizard();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QVERIFY(startVerification(w, newNumber()));
        bool answered = false;
        bool sandbox = true;
        console.api.sandboxMode(w, [&](vox::Result<bool> mode) {
            sandbox = mode && *mode;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QVERIFY(!sandbox);
        QTest::qWait(100); // the step's own question was asked before this one
        QVERIFY(verifyStep(w)->simulateButton()->isHidden());
        // And the server refuses it when asked directly.
        auto client = m_fixture->console().server().client();
        client->setToken(m_clinic.session.accessToken);
        const auto refused = client->post(u"/api/telephony/verify-caller-id/sandbox-answer"_s,
                                          {{u"verificationId"_s, w->verification().verificationId},
                                           {u"verificationCode"_s, w->verification().code}});
        QCOMPARE(refused.status, 404);
        w->reject();
    }

    void inSandboxModeTheSandboxAnswersTheCall()
    {
        vox::test::SandboxFixture demo(u"ui_telephony_sandbox"_s, /*sandboxMode=*/true);
        QVERIFY2(demo.ok(), qPrintable(demo.error()));
        const vox::test::Clinic clinic = demo.console().createClinic(u"Demo Clinic"_s);
        QVERIFY2(!clinic.orgId.isEmpty(), qPrintable(demo.console().lastError()));
        const QString problem = demo.connectTwilioAndWait(clinic, demo.newTwilioAccount());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        Console console(demo.console().url(), clinic.session);
        TelephonyWizard *w = console.page->openWizard();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QVERIFY(startVerification(w, newNumber()));
        QPushButton *simulate = verifyStep(w)->simulateButton();
        QTRY_VERIFY(simulate->isVisible());
        QVERIFY(verifyStep(w)->codeInput()->text().isEmpty());
        simulate->click();
        // The sandbox took the code on its keypad; the code is filled in to confirm.
        QTRY_COMPARE(verifyStep(w)->codeInput()->text(), w->verification().code);
        QVERIFY(verifyStep(w)->problemText().isEmpty());
        w->button(QWizard::CommitButton)->click();
        QTRY_COMPARE(w->currentId(), int(TelephonyWizard::CarrierStep));
        QVERIFY(!w->verifiedCallerId().isEmpty());
        w->reject();
    }

    void expiredCodeSaysSoAndOffersANewCall()
    {
        Console console(m_fixture->console().url(), m_clinic.session);
        TelephonyWizard *w = console.page->openWizard();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const QString number = newNumber();
        QVERIFY(startVerification(w, number));
        auto admin = m_fixture->console().database().connectAsAdmin();
        QVERIFY(admin->exec("UPDATE verified_caller_ids SET verification_code_expires_at = now() "
                            "- interval '1 minute' WHERE id = $1::uuid",
                            {w->verification().verificationId}));
        typeCode(w, w->verification().code);
        w->button(QWizard::CommitButton)->click();
        QTRY_VERIFY(verifyStep(w)->problemText().contains(u"expired"_s));
        QVERIFY(verifyStep(w)->resendButton()->isEnabled());
        w->reject();
    }

    void alreadyVerifiedNumberOffersToShowIt()
    {
        Console console(m_fixture->console().url(), m_clinic.session);
        TelephonyWizard *w = console.page->openWizard();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const QString number = newNumber();
        QVERIFY(startVerification(w, number));
        QVERIFY(m_fixture->sandbox().twilio().keypad(number, w->verification().code).verified);
        typeCode(w, w->verification().code);
        w->button(QWizard::CommitButton)->click();
        QTRY_COMPARE(w->currentId(), int(TelephonyWizard::CarrierStep));
        w->reject();
        QTRY_VERIFY(!console.page->wizard());

        TelephonyWizard *again = console.page->openWizard();
        QVERIFY(QTest::qWaitForWindowExposed(again));
        QTest::keyClicks(phoneStep(again)->numberInput(), number);
        again->button(QWizard::NextButton)->click();
        QTRY_VERIFY(phoneStep(again)->problemText().contains(u"already verified"_s));
        QPushButton *show = phoneStep(again)->showExistingButton();
        QVERIFY(show->isVisible());
        show->click();
        QTRY_VERIFY(!console.page->wizard());
        QTRY_VERIFY(console.page->table()->currentRow() >= 0);
        // Shown as its owner writes it.
        QCOMPARE(console.page->table()->item(console.page->table()->currentRow(), 0)->text(),
                 vox::phone::display(number));
    }

    void disableShowsTheCodeAndRemoveAsksFirst()
    {
        Console console(m_fixture->console().url(), m_clinic.session);
        QTRY_VERIFY([&] {
            for (const auto &n : console.page->numbers())
                if (n.forwardingStatus == u"active")
                    return true;
            return false;
        }());
        QString phone;
        for (const auto &n : console.page->numbers())
            if (n.forwardingStatus == u"active")
                phone = n.phoneNumber;
        console.page->selectNumber(phone);
        auto *disable = console.page->findChild<QPushButton *>(u"disableForwardingButton"_s);
        QVERIFY(disable->isEnabled());
        disable->click();
        // Asked first: keeping it changes nothing.
        QMessageBox *ask = nullptr;
        QTRY_VERIFY(
            (ask = console.page->findChild<QMessageBox *>(u"disableForwardingConfirmation"_s)));
        QVERIFY(ask->text().contains(vox::phone::display(phone)));
        ask->reject();
        QTest::qWait(300);
        QVERIFY(!console.page->findChild<vox::ui::DeactivationDialog *>());
        QVERIFY(disable->isEnabled());
        disable->click();
        QTRY_VERIFY(
            (ask = console.page->findChild<QMessageBox *>(u"disableForwardingConfirmation"_s)));
        for (QAbstractButton *b : ask->buttons())
            if (ask->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
        vox::ui::DeactivationDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = console.page->findChild<vox::ui::DeactivationDialog *>()));
        QVERIFY(!dialog->code().isEmpty());
        QVERIFY(dialog->code().startsWith(u"#"_s) || dialog->code().startsWith(u"*"_s));
        dialog->accept();
        QTRY_VERIFY([&] {
            for (const auto &n : console.page->numbers())
                if (n.phoneNumber == phone)
                    return n.forwardingStatus == u"disabled";
            return false;
        }());

        console.page->selectNumber(phone);
        console.page->findChild<QPushButton *>(u"removeNumberButton"_s)->click();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = console.page->findChild<QMessageBox *>(u"removeNumberConfirmation"_s)));
        QVERIFY(box->text().contains(phone));
        const auto buttons = box->buttons();
        for (QAbstractButton *b : buttons)
            if (box->buttonRole(b) == QMessageBox::AcceptRole)
                b->click();
        QTRY_VERIFY([&] {
            for (const auto &n : console.page->numbers())
                if (n.phoneNumber == phone)
                    return false;
            return true;
        }());
    }
};

QTEST_MAIN(TestTelephonyWizard)
#include "tst_telephonywizard.moc"
