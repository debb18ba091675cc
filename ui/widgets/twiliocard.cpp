#include "ui/widgets/twiliocard.h"

#include "core/phonenumber.h"
#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"
#include "ui/telephony/telephonytext.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/toastarea.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

const QStringList stepOrder{u"validate"_s, u"store"_s, u"vapi_credential"_s, u"vapi_number"_s};

constexpr int pollMs = 2000;

} // namespace

TwilioCard::TwilioCard(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : QGroupBox(tr("Twilio: text messages and the AI's phone number"), parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_statusLabel(new QLabel(this))
    , m_form(new QWidget(this))
    , m_sid(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_number(new QLineEdit(this))
    , m_sidMessage(new FieldMessage(this))
    , m_tokenMessage(new FieldMessage(this))
    , m_numberMessage(new FieldMessage(this))
    , m_message(new FieldMessage(this))
    , m_save(new QPushButton(tr("Validate && save"), this))
    , m_change(new QPushButton(tr("Change account…"), this))
    , m_disconnect(new QPushButton(tr("Disconnect"), this))
    , m_steps(new QWidget(this))
{
    setObjectName(u"twilioGroup"_s);
    auto *t = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Your clinic's own Twilio account sends reminders and follow-up "
                                "texts, and its number is the one the AI receptionist answers."),
                             this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);
    t->addWidget(intro);
    m_statusLabel->setObjectName(u"twilioStatus"_s);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::RichText);
    t->addWidget(m_statusLabel);
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    m_sid->setObjectName(u"twilioSidEdit"_s);
    m_sid->setPlaceholderText(tr("AC followed by 32 letters and digits"));
    m_token->setObjectName(u"twilioTokenEdit"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("From your Twilio console"));
    m_number->setObjectName(u"twilioNumberEdit"_s);
    m_number->setPlaceholderText(DisplayFormat::phoneExample());
    m_sidMessage->setObjectName(u"twilioSidMessage"_s);
    m_tokenMessage->setObjectName(u"twilioTokenMessage"_s);
    m_numberMessage->setObjectName(u"twilioNumberMessage"_s);
    addFieldRow(form, tr("Account SID:"), m_sid, m_sidMessage, m_form);
    addFieldRow(form, tr("Auth Token:"), m_token, m_tokenMessage, m_form);
    addFieldRow(form, tr("Twilio number:"), m_number, m_numberMessage, m_form);
    t->addWidget(m_form);
    m_steps->setObjectName(u"twilioSteps"_s);
    auto *steps = new QVBoxLayout(m_steps);
    steps->setContentsMargins(0, 4, 0, 4);
    steps->setSpacing(3);
    for (int i = 0; i < stepOrder.size(); ++i) {
        auto *label = new QLabel(m_steps);
        label->setTextFormat(Qt::RichText);
        label->setObjectName(u"twilioStep_"_s + stepOrder.at(i));
        m_stepLabels << label;
        steps->addWidget(label);
    }
    m_steps->hide();
    t->addWidget(m_steps);
    m_message->setObjectName(u"twilioMessage"_s);
    t->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    m_save->setObjectName(u"twilioSaveButton"_s);
    m_change->setObjectName(u"twilioChangeButton"_s);
    m_disconnect->setObjectName(u"twilioDisconnectButton"_s);
    buttons->addWidget(m_save);
    buttons->addWidget(m_change);
    buttons->addStretch();
    buttons->addWidget(m_disconnect);
    t->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &TwilioCard::validateAndSave);
    connect(m_change, &QPushButton::clicked, this, [this] {
        m_changing = true;
        setEditing(true);
    });
    connect(m_disconnect, &QPushButton::clicked, this, [this] { disconnectAccount(); });
    for (QLineEdit *edit : {m_sid, m_token, m_number})
        connect(edit, &QLineEdit::returnPressed, this, &TwilioCard::validateAndSave);

    m_poll.setSingleShot(true);
    m_poll.setInterval(pollMs);
    connect(&m_poll, &QTimer::timeout, this, &TwilioCard::refreshWanted);
}

void TwilioCard::showStatus(const IntegrationStatus::Twilio &tw)
{
    m_twilio = tw;
    const QString good = DisplayFormat::tone(DisplayFormat::Tone::Good).name();
    const QString bad = DisplayFormat::tone(DisplayFormat::Tone::Bad).name();
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    const bool syncing = tw.status == u"syncing";
    const bool failed = tw.status == u"failed";
    if (syncing) {
        m_statusLabel->setText(tr("<span style=\"color:%1\">●</span> Connecting… (checking "
                                  "with Vapi): account <b>AC••••%2</b>, number <b>%3</b>.")
                                   .arg(muted, tw.accountSidLast4.toHtmlEscaped(),
                                        phone::display(tw.phoneNumber).toHtmlEscaped()));
    } else if (failed) {
        m_statusLabel->setText(
            tr("<span style=\"color:%1\">●</span> Not connected: %2 Enter the account again "
               "to retry.")
                .arg(bad, tw.error.toHtmlEscaped()));
    } else if (tw.configured) {
        QString text =
            (tw.sandbox ? tr("<span style=\"color:%1\">●</span> Connected to the "
                             "<b>sandbox's</b> Twilio: account <b>AC••••%2</b>, number <b>%3</b>. "
                             "Texts and calls stay on this computer; nobody receives them.")
                        : tr("<span style=\"color:%1\">●</span> Connected: account "
                             "<b>AC••••%2</b>, number <b>%3</b>."))
                .arg(tw.status == u"broken" ? bad : good, tw.accountSidLast4.toHtmlEscaped(),
                     phone::display(tw.phoneNumber).toHtmlEscaped());
        if (tw.status == u"broken")
            text += u" "_s + tr("The connection is broken: enter the account again.");
        else if (tw.vapiLinked)
            text += u" "_s + tr("The AI receptionist answers this number.");
        if (!tw.error.isEmpty())
            text +=
                u" "_s + tr("The last change did not go through: %1").arg(tw.error.toHtmlEscaped());
        m_statusLabel->setText(text);
    } else {
        m_statusLabel->setText(tr("Not connected. Texts and reminders cannot be sent until you "
                                  "connect the clinic's Twilio account."));
    }
    // While the server's job holds the connection, nothing else may change it.
    m_disconnect->setVisible(tw.configured && !syncing);
    m_change->setVisible(tw.configured && !syncing && m_form->isHidden());
    if (!m_busy)
        setEditing(!syncing && (!tw.configured || failed || tw.status == u"broken" || m_changing));
    if (syncing) {
        if (!m_poll.isActive())
            m_poll.start();
    } else if (m_following) {
        m_following = false;
        settled(tw);
    }
}

void TwilioCard::settled(const IntegrationStatus::Twilio &tw)
{
    const bool connected = tw.status == u"active" && tw.error.isEmpty();
    // Only the step the server names failed: the ones before it were done, the ones after it
    // never ran. The status label says why, once.
    QList<TwilioSyncStep> steps{{u"validate"_s, u"done"_s, {}}};
    const qsizetype failedAt = stepOrder.indexOf(tw.failedStep);
    for (qsizetype i = 1; i < stepOrder.size(); ++i) {
        const QString &step = stepOrder.at(i);
        if (connected || i < failedAt)
            steps.append({step, u"done"_s, {}});
        else if (i == failedAt)
            steps.append({step, u"failed"_s, tw.error});
        else if (failedAt < 0 && step == u"store")
            steps.append({step, u"done"_s, {}}); // the request stored it before the job ran
    }
    showSteps(steps, false);
    if (connected)
        m_toasts.success(tr("Twilio is connected."));
}

void TwilioCard::setEditing(bool editing)
{
    m_form->setVisible(editing);
    m_save->setVisible(editing);
    m_change->setVisible(!editing && m_twilio.configured && m_twilio.status != u"syncing"_s);
    if (editing && m_number->text().isEmpty())
        m_number->setText(phone::display(m_twilio.phoneNumber));
}

void TwilioCard::clearProblems()
{
    for (FieldMessage *m : {m_sidMessage, m_tokenMessage, m_numberMessage, m_message})
        m->clear();
}

QString TwilioCard::problem() const
{
    return m_message->hasProblem() ? m_message->text() : QString();
}

QString TwilioCard::fieldProblem(const QString &field) const
{
    FieldMessage *m = field == u"account_sid"  ? m_sidMessage
                      : field == u"auth_token" ? m_tokenMessage
                                               : m_numberMessage;
    return m->hasProblem() ? m->text() : QString();
}

QStringList TwilioCard::stepTexts() const
{
    QStringList texts;
    if (m_steps->isHidden())
        return texts;
    for (const QLabel *label : m_stepLabels)
        texts << label->property("stepState").toString();
    return texts;
}

void TwilioCard::showSteps(const QList<TwilioSyncStep> &steps, bool running)
{
    m_steps->show();
    const QString good = DisplayFormat::tone(DisplayFormat::Tone::Good).name();
    const QString bad = DisplayFormat::tone(DisplayFormat::Tone::Bad).name();
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    for (int i = 0; i < stepOrder.size(); ++i) {
        const QString id = stepOrder.at(i);
        QString state = running ? (i == 0 ? u"running"_s : u"waiting"_s) : u"not_run"_s;
        QString detail;
        for (const TwilioSyncStep &s : steps) {
            if (s.step == id) {
                state = s.status;
                detail = s.detail;
            }
        }
        QString mark;
        QString colour = muted;
        QString note;
        if (state == u"done") {
            mark = u"✓"_s;
            colour = good;
        } else if (state == u"failed") {
            mark = u"✗"_s;
            colour = bad;
            note = tr("failed");
        } else if (state == u"skipped") {
            mark = u"–"_s;
            note = tr("skipped: this server has no Vapi key");
        } else if (state == u"running") {
            mark = u"…"_s;
            note = tr("working");
        } else if (state == u"pending") {
            mark = u"…"_s;
            note = tr("checking with Vapi");
        } else if (state == u"waiting") {
            mark = u"○"_s;
        } else {
            mark = u"○"_s;
            note = tr("not done");
        }
        QLabel *label = m_stepLabels.at(i);
        label->setProperty("stepState", u"%1: %2"_s.arg(id, state));
        label->setToolTip(detail);
        label->setText(u"<span style=\"color:%1\"><b>%2</b></span> %3. %4%5"_s.arg(
            colour, mark, QString::number(i + 1), stepName(id).toHtmlEscaped(),
            note.isEmpty()
                ? QString()
                : u" <span style=\"color:%1\">(%2)</span>"_s.arg(colour, note.toHtmlEscaped())));
    }
}

QString TwilioCard::stepName(const QString &step)
{
    if (step == u"validate")
        return tr("Check the account with Twilio");
    if (step == u"store")
        return tr("Keep the credentials, encrypted");
    if (step == u"vapi_credential")
        return tr("Give the AI access to Twilio");
    if (step == u"vapi_number")
        return tr("Connect the number to the AI receptionist");
    return step;
}

void TwilioCard::validateAndSave()
{
    if (m_busy)
        return;
    clearProblems();
    TwilioCredentials credentials{m_sid->text().trimmed(), m_token->text().trimmed(),
                                  m_number->text().trimmed()};
    // What can be said before asking anyone.
    bool missing = false;
    if (credentials.accountSid.isEmpty()) {
        m_sidMessage->showProblem(tr("Enter the Account SID from your Twilio console."));
        missing = true;
    }
    if (credentials.authToken.isEmpty()) {
        m_tokenMessage->showProblem(tr("Enter the Auth Token from your Twilio console."));
        missing = true;
    }
    const Result<QString> number =
        phone::normalize(credentials.phoneNumber, DisplayFormat::phoneCountry());
    if (credentials.phoneNumber.isEmpty()) {
        m_numberMessage->showProblem(tr("Enter the clinic's Twilio number."));
        missing = true;
    } else if (!number) {
        m_numberMessage->showProblem(TelephonyText::phoneProblem(number.errorMessage()));
        missing = true;
    }
    if (missing)
        return;
    m_busy = true;
    m_save->setEnabled(false);
    showSteps({}, true);
    m_api.integrations().connectTwilio(
        credentials, this,
        [this, credentials](Result<QList<TwilioSyncStep>> steps, const Refusal &refusal) {
            m_busy = false;
            m_save->setEnabled(true);
            if (steps) {
                // Accepted: the server finishes with Vapi in the background and says when.
                showSteps(*steps, false);
                m_token->clear();
                m_sid->clear();
                m_changing = false;
                m_following = true;
                m_twilio.configured = true;
                m_twilio.status = u"syncing"_s;
                m_twilio.error.clear();
                m_twilio.accountSidLast4 = credentials.accountSid.right(4);
                const auto read =
                    phone::normalize(credentials.phoneNumber, DisplayFormat::phoneCountry());
                m_twilio.phoneNumber = read ? *read : credentials.phoneNumber;
                emit connectionStarted(m_twilio);
                showStatus(m_twilio);
                emit refreshWanted();
                return;
            }
            const QList<TwilioSyncStep> reported = TwilioSyncStep::listFromJson(refusal.body);
            if (reported.isEmpty())
                m_steps->hide();
            else
                showSteps(reported, false);
            const QString field = refusal.field();
            const QString said = refusal.body.value(u"error"_s).toString();
            if (field == u"account_sid") {
                m_sidMessage->showProblem(tr("The Account SID is the 34 characters starting "
                                             "with AC on your Twilio console."));
            } else if (field == u"auth_token") {
                m_tokenMessage->showProblem(tr("Enter the account's Auth Token."));
            } else if (field == u"phone_number") {
                m_numberMessage->showProblem(TelephonyText::phoneProblem(said));
            } else if (refusal.status == 400 && said.contains(u"not one of"_s)) {
                m_numberMessage->showProblem(tr("This number is not one of this Twilio "
                                                "account's numbers."));
                m_message->showProblem(tr("Nothing was changed."));
            } else if (refusal.status == 400 && said.contains(u"not active"_s)) {
                m_message->showProblem(tr("This Twilio account is suspended or closed. "
                                          "Nothing was changed."));
            } else if (refusal.status == 400) {
                m_tokenMessage->showProblem(tr("Twilio did not accept this Account SID and Auth "
                                               "Token."));
                m_message->showProblem(tr("Check both on your Twilio console. Nothing was "
                                          "changed."));
            } else if (refusal.status == 409) {
                m_message->showProblem(tr("Another change of the Twilio connection is "
                                          "under way. Try again once it is finished."));
            } else if (refusal.status == 502) {
                m_message->showProblem(tr("Twilio or the AI service did not answer. "
                                          "Nothing was changed; please try again."));
            } else {
                m_message->showProblem(steps.error().message);
            }
        });
}

void TwilioCard::disconnectAccount(bool confirm)
{
    const auto go = [this] {
        m_api.integrations().disconnectTwilio(this, [this](Result<void> done) {
            if (!done) {
                m_toasts.problem(done.error());
                return;
            }
            m_steps->hide();
            m_toasts.success(tr("Twilio is disconnected."));
            emit refreshWanted();
        });
    };
    if (!confirm) {
        go();
        return;
    }
    Confirmation{tr("Disconnect Twilio"),
                 tr("Disconnect the clinic's Twilio account? The AI stops "
                    "answering its number, and no texts can be sent."),
                 tr("Disconnect"), tr("Keep it")}
        .open(this, go);
}

} // namespace vox::ui
