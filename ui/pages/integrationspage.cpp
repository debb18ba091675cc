#include "ui/pages/integrationspage.h"

#include "ui/api/apiclient.h"
#include "ui/api/apierror.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/toastarea.h"

#include <QDesktopServices>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

const QStringList stepOrder{u"validate"_s, u"store"_s, u"vapi_credential"_s, u"vapi_number"_s};

// How long the console watches for the browser's Google sign-in (the server's
// state lasts 10 minutes) and how often it asks when no live event says so
// first.
constexpr int googleWaitSeconds = 10 * 60;
constexpr int googlePollMs = 3000;
constexpr int twilioPollMs = 2000;

QString stepName(const QString &step)
{
    if (step == u"validate")
        return QCoreApplication::translate("IntegrationsPage", "Check the account with Twilio");
    if (step == u"store")
        return QCoreApplication::translate("IntegrationsPage", "Keep the credentials, encrypted");
    if (step == u"vapi_credential")
        return QCoreApplication::translate("IntegrationsPage", "Give the AI access to Twilio");
    if (step == u"vapi_number")
        return QCoreApplication::translate("IntegrationsPage",
                                           "Connect the number to the AI receptionist");
    return step;
}

QLabel *paragraph(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

IntegrationsPage::IntegrationsPage(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : Page(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_staffNote(new QLabel(this))
    , m_content(new QWidget(this))
    , m_twilioStatus(new QLabel(this))
    , m_twilioForm(new QWidget(this))
    , m_sid(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_number(new QLineEdit(this))
    , m_sidMessage(new FieldMessage(this))
    , m_tokenMessage(new FieldMessage(this))
    , m_numberMessage(new FieldMessage(this))
    , m_twilioMessage(new FieldMessage(this))
    , m_twilioSave(new QPushButton(tr("Validate && save"), this))
    , m_twilioChange(new QPushButton(tr("Change account…"), this))
    , m_twilioDisconnect(new QPushButton(tr("Disconnect"), this))
    , m_steps(new QWidget(this))
    , m_googleStatus(new QLabel(this))
    , m_googleConnect(new QPushButton(tr("Connect Google Calendar…"), this))
    , m_googleDisconnect(new QPushButton(tr("Disconnect"), this))
    , m_emailStatus(new QLabel(this))
    , m_from(new QLineEdit(this))
    , m_apiKey(new QLineEdit(this))
    , m_fromMessage(new FieldMessage(this))
    , m_emailSave(new QPushButton(tr("Save e-mail settings"), this))
{
    setObjectName(u"integrationsPage"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_staffNote->setObjectName(u"staffNote"_s);
    m_staffNote->setWordWrap(true);
    m_staffNote->setContentsMargins(12, 12, 12, 0);
    m_staffNote->setText(tr("Only the clinic's owner or an admin can connect accounts."));
    m_staffNote->hide();
    outer->addWidget(m_staffNote);
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_content);
    outer->addWidget(scroll, 1);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(12);

    // Twilio
    auto *twilio = new QGroupBox(tr("Twilio: text messages and the AI's phone number"), this);
    twilio->setObjectName(u"twilioGroup"_s);
    auto *t = new QVBoxLayout(twilio);
    t->addWidget(paragraph(tr("Your clinic's own Twilio account sends reminders and follow-up "
                              "texts, and its number is the one the AI receptionist answers."),
                           twilio));
    m_twilioStatus->setObjectName(u"twilioStatus"_s);
    m_twilioStatus->setWordWrap(true);
    m_twilioStatus->setTextFormat(Qt::RichText);
    t->addWidget(m_twilioStatus);
    auto *twilioForm = new QFormLayout(m_twilioForm);
    twilioForm->setContentsMargins(0, 0, 0, 0);
    m_sid->setObjectName(u"twilioSidEdit"_s);
    m_sid->setPlaceholderText(tr("AC followed by 32 letters and digits"));
    m_token->setObjectName(u"twilioTokenEdit"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("From your Twilio console"));
    m_number->setObjectName(u"twilioNumberEdit"_s);
    m_number->setPlaceholderText(tr("+1 555 010 9999"));
    m_sidMessage->setObjectName(u"twilioSidMessage"_s);
    m_tokenMessage->setObjectName(u"twilioTokenMessage"_s);
    m_numberMessage->setObjectName(u"twilioNumberMessage"_s);
    twilioForm->addRow(tr("Account SID:"), withFieldMessage(m_sid, m_sidMessage, m_twilioForm));
    twilioForm->addRow(tr("Auth Token:"), withFieldMessage(m_token, m_tokenMessage, m_twilioForm));
    twilioForm->addRow(tr("Twilio number:"),
                       withFieldMessage(m_number, m_numberMessage, m_twilioForm));
    t->addWidget(m_twilioForm);
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
    m_twilioMessage->setObjectName(u"twilioMessage"_s);
    t->addWidget(m_twilioMessage);
    auto *twilioButtons = new QHBoxLayout;
    m_twilioSave->setObjectName(u"twilioSaveButton"_s);
    m_twilioChange->setObjectName(u"twilioChangeButton"_s);
    m_twilioDisconnect->setObjectName(u"twilioDisconnectButton"_s);
    twilioButtons->addWidget(m_twilioSave);
    twilioButtons->addWidget(m_twilioChange);
    twilioButtons->addStretch();
    twilioButtons->addWidget(m_twilioDisconnect);
    t->addLayout(twilioButtons);
    layout->addWidget(twilio);

    // Google Calendar
    auto *google = new QGroupBox(tr("Google Calendar: bookings in your calendar"), this);
    google->setObjectName(u"googleGroup"_s);
    auto *g = new QVBoxLayout(google);
    g->addWidget(paragraph(tr("Appointments the AI books appear in the clinic's Google Calendar, "
                              "and busy times there are never offered to callers."),
                           google));
    m_googleStatus->setObjectName(u"googleStatus"_s);
    m_googleStatus->setWordWrap(true);
    m_googleStatus->setTextFormat(Qt::RichText);
    g->addWidget(m_googleStatus);
    auto *googleButtons = new QHBoxLayout;
    m_googleConnect->setObjectName(u"googleConnectButton"_s);
    m_googleDisconnect->setObjectName(u"googleDisconnectButton"_s);
    googleButtons->addWidget(m_googleConnect);
    googleButtons->addStretch();
    googleButtons->addWidget(m_googleDisconnect);
    g->addLayout(googleButtons);
    layout->addWidget(google);

    // E-mail
    auto *email = new QGroupBox(tr("E-mail: reminders and shared recordings"), this);
    email->setObjectName(u"emailGroup"_s);
    auto *e = new QVBoxLayout(email);
    m_emailStatus->setObjectName(u"emailStatus"_s);
    m_emailStatus->setWordWrap(true);
    e->addWidget(m_emailStatus);
    auto *emailForm = new QFormLayout;
    m_from->setObjectName(u"emailFromEdit"_s);
    m_from->setPlaceholderText(tr("Glow Med Spa <desk@glowmedspa.com>"));
    m_apiKey->setObjectName(u"emailKeyEdit"_s);
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("re_… (leave empty to keep the current key)"));
    m_fromMessage->setObjectName(u"emailFromMessage"_s);
    emailForm->addRow(tr("Send as:"), withFieldMessage(m_from, m_fromMessage, email));
    emailForm->addRow(tr("Resend API key:"), m_apiKey);
    e->addLayout(emailForm);
    auto *emailButtons = new QHBoxLayout;
    m_emailSave->setObjectName(u"emailSaveButton"_s);
    emailButtons->addWidget(m_emailSave);
    emailButtons->addStretch();
    e->addLayout(emailButtons);
    layout->addWidget(email);
    layout->addStretch();

    connect(m_twilioSave, &QPushButton::clicked, this, &IntegrationsPage::validateAndSaveTwilio);
    connect(m_twilioChange, &QPushButton::clicked, this, [this] {
        m_changingTwilio = true;
        setTwilioEditing(true);
    });
    connect(m_twilioDisconnect, &QPushButton::clicked, this, [this] { disconnectTwilio(); });
    connect(m_googleConnect, &QPushButton::clicked, this, &IntegrationsPage::connectGoogle);
    connect(m_googleDisconnect, &QPushButton::clicked, this, [this] { disconnectGoogle(); });
    connect(m_emailSave, &QPushButton::clicked, this, &IntegrationsPage::saveEmail);
    for (QLineEdit *edit : {m_sid, m_token, m_number})
        connect(edit, &QLineEdit::returnPressed, this, &IntegrationsPage::validateAndSaveTwilio);

    m_twilioPoll.setSingleShot(true);
    m_twilioPoll.setInterval(twilioPollMs);
    connect(&m_twilioPoll, &QTimer::timeout, this, [this] { refresh(); });
    m_googleWait.setInterval(googlePollMs);
    connect(&m_googleWait, &QTimer::timeout, this, [this] {
        if (QDateTime::currentDateTimeUtc() > m_googleWaitUntil) {
            m_googleWait.stop();
            show(m_status);
            return;
        }
        refresh();
    });
    show(m_status);
}

void IntegrationsPage::activated()
{
    if (!m_loadedOnce)
        refresh();
}

void IntegrationsPage::refresh()
{
    m_loadedOnce = true;
    const bool admin = m_api.session().isAdmin();
    m_staffNote->setVisible(!admin);
    m_content->setEnabled(admin);
    if (!admin)
        return;
    m_api.integrations().status(this, [this](Result<IntegrationStatus> status) {
        if (!status) {
            if (!m_googleWait.isActive())
                m_toasts.problem(status.error(), [this] { refresh(); });
            return;
        }
        const bool googleWasConnected = m_status.google.configured;
        show(*status);
        if (m_googleWait.isActive() && status->google.configured && !googleWasConnected) {
            m_googleWait.stop();
            show(*status);
            m_toasts.success(
                tr("Google Calendar is connected (%1).").arg(status->google.connectedEmail));
        }
    });
}

void IntegrationsPage::show(const IntegrationStatus &status)
{
    m_status = status;
    const QString good = DisplayFormat::tone(DisplayFormat::Tone::Good).name();
    const QString bad = DisplayFormat::tone(DisplayFormat::Tone::Bad).name();

    showTwilio(status.twilio);

    // Google
    const IntegrationStatus::Google &go = status.google;
    if (m_googleWait.isActive()) {
        m_googleStatus->setText(tr("Finish connecting in your web browser; this page notices "
                                   "when it is done."));
    } else if (go.configured && go.status == u"broken") {
        m_googleStatus->setText(tr("<span style=\"color:%1\">●</span> The calendar link of "
                                   "<b>%2</b> stopped working. Connect again.")
                                    .arg(bad, go.connectedEmail.toHtmlEscaped()));
    } else if (go.configured) {
        m_googleStatus->setText(tr("<span style=\"color:%1\">●</span> Connected as <b>%2</b>.")
                                    .arg(good, go.connectedEmail.toHtmlEscaped()));
    } else if (!go.available) {
        m_googleStatus->setText(tr("This server is not set up for Google sign-in (it has no "
                                   "Google client). Ask your IT contact."));
    } else {
        m_googleStatus->setText(tr("Not connected."));
    }
    m_googleConnect->setEnabled(go.available && !m_googleWait.isActive());
    m_googleConnect->setText(go.configured ? tr("Connect again…") : tr("Connect Google Calendar…"));
    m_googleDisconnect->setVisible(go.configured);

    // E-mail
    const IntegrationStatus::Resend &re = status.resend;
    if (re.configured && !re.apiKeyLast4.isEmpty())
        m_emailStatus->setText(tr("E-mails go out as %1, with the clinic's Resend key (ending "
                                  "%2).")
                                   .arg(re.from, re.apiKeyLast4));
    else if (re.configured)
        m_emailStatus->setText(
            tr("E-mails go out as %1, with the server's Resend key.").arg(re.from));
    else if (!re.from.isEmpty())
        m_emailStatus->setText(tr("E-mails would go out as %1, but there is no Resend key yet: "
                                  "enter the clinic's key.")
                                   .arg(re.from));
    else
        m_emailStatus->setText(tr("Not set up: enter the address e-mails should come from."));
    if (!m_from->hasFocus() && m_from->text().isEmpty())
        m_from->setText(re.from);
}

void IntegrationsPage::showTwilio(const IntegrationStatus::Twilio &tw)
{
    const QString good = DisplayFormat::tone(DisplayFormat::Tone::Good).name();
    const QString bad = DisplayFormat::tone(DisplayFormat::Tone::Bad).name();
    const QString muted = palette().color(QPalette::PlaceholderText).name();
    const bool syncing = tw.status == u"syncing";
    const bool failed = tw.status == u"failed";
    if (syncing) {
        m_twilioStatus->setText(
            tr("<span style=\"color:%1\">●</span> Connecting… (checking "
               "with Vapi): account <b>AC••••%2</b>, number <b>%3</b>.")
                .arg(muted, tw.accountSidLast4.toHtmlEscaped(), tw.phoneNumber.toHtmlEscaped()));
    } else if (failed) {
        m_twilioStatus->setText(tr("<span style=\"color:%1\">●</span> Not "
                                   "connected: %2 Enter the account again "
                                   "to retry.")
                                    .arg(bad, tw.error.toHtmlEscaped()));
    } else if (tw.configured) {
        QString text = tr("<span style=\"color:%1\">●</span> Connected: account "
                          "<b>AC••••%2</b>, number <b>%3</b>.")
                           .arg(tw.status == u"broken" ? bad : good,
                                tw.accountSidLast4.toHtmlEscaped(), tw.phoneNumber.toHtmlEscaped());
        if (tw.status == u"broken")
            text += u" "_s + tr("The connection is broken: enter the account again.");
        else if (tw.vapiLinked)
            text += u" "_s + tr("The AI receptionist answers this number.");
        if (!tw.error.isEmpty())
            text +=
                u" "_s + tr("The last change did not go through: %1").arg(tw.error.toHtmlEscaped());
        m_twilioStatus->setText(text);
    } else {
        m_twilioStatus->setText(tr("Not connected. Texts and reminders cannot be sent until you "
                                   "connect the clinic's Twilio account."));
    }
    // While the server's job holds the connection, nothing else may change it.
    m_twilioDisconnect->setVisible(tw.configured && !syncing);
    m_twilioChange->setVisible(tw.configured && !syncing && m_twilioForm->isHidden());
    if (!m_twilioBusy)
        setTwilioEditing(!syncing &&
                         (!tw.configured || failed || tw.status == u"broken" || m_changingTwilio));
    if (syncing) {
        if (!m_twilioPoll.isActive())
            m_twilioPoll.start();
    } else if (m_followingTwilio) {
        m_followingTwilio = false;
        twilioSettled(tw);
    }
}

void IntegrationsPage::twilioSettled(const IntegrationStatus::Twilio &tw)
{
    const bool connected = tw.status == u"active" && tw.error.isEmpty();
    const QString vapiState = connected ? u"done"_s : u"failed"_s;
    showSteps({{u"validate"_s, u"done"_s, {}},
               {u"store"_s, u"done"_s, {}},
               {u"vapi_credential"_s, vapiState, tw.error},
               {u"vapi_number"_s, vapiState, tw.error}},
              false);
    if (connected) {
        m_toasts.success(tr("Twilio is connected."));
        return;
    }
    m_twilioMessage->showProblem(tw.error.isEmpty()
                                     ? tr("Twilio could not be connected.")
                                     : tr("Twilio could not be connected: %1").arg(tw.error));
}

void IntegrationsPage::setTwilioEditing(bool editing)
{
    m_twilioForm->setVisible(editing);
    m_twilioSave->setVisible(editing);
    m_twilioChange->setVisible(!editing && m_status.twilio.configured);
    if (editing && m_number->text().isEmpty())
        m_number->setText(m_status.twilio.phoneNumber);
}

void IntegrationsPage::clearTwilioProblems()
{
    for (FieldMessage *m : {m_sidMessage, m_tokenMessage, m_numberMessage, m_twilioMessage})
        m->clear();
}

QString IntegrationsPage::twilioProblem() const
{
    return m_twilioMessage->hasProblem() ? m_twilioMessage->text() : QString();
}

QString IntegrationsPage::twilioFieldProblem(const QString &field) const
{
    FieldMessage *m = field == u"account_sid"  ? m_sidMessage
                      : field == u"auth_token" ? m_tokenMessage
                                               : m_numberMessage;
    return m->hasProblem() ? m->text() : QString();
}

QStringList IntegrationsPage::twilioStepTexts() const
{
    QStringList texts;
    if (m_steps->isHidden())
        return texts;
    for (const QLabel *label : m_stepLabels)
        texts << label->property("stepState").toString();
    return texts;
}

void IntegrationsPage::showSteps(const QList<TwilioSyncStep> &steps, bool running)
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

void IntegrationsPage::validateAndSaveTwilio()
{
    if (m_twilioBusy)
        return;
    clearTwilioProblems();
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
    if (credentials.phoneNumber.isEmpty()) {
        m_numberMessage->showProblem(tr("Enter the Twilio number, with + and the country code."));
        missing = true;
    }
    if (missing)
        return;
    m_twilioBusy = true;
    m_twilioSave->setEnabled(false);
    showSteps({}, true);
    m_api.integrations().connectTwilio(
        credentials, this,
        [this, credentials](Result<QList<TwilioSyncStep>> steps, const Refusal &refusal) {
            m_twilioBusy = false;
            m_twilioSave->setEnabled(true);
            if (steps) {
                // Accepted: the server finishes with Vapi in the background and says
                // when.
                showSteps(*steps, false);
                m_token->clear();
                m_sid->clear();
                m_changingTwilio = false;
                m_followingTwilio = true;
                m_status.twilio.configured = true;
                m_status.twilio.status = u"syncing"_s;
                m_status.twilio.error.clear();
                m_status.twilio.accountSidLast4 = credentials.accountSid.right(4);
                m_status.twilio.phoneNumber = credentials.phoneNumber;
                showTwilio(m_status.twilio);
                refresh();
                return;
            }
            const QList<TwilioSyncStep> reported = [&] {
                QList<TwilioSyncStep> out;
                const QJsonArray items = refusal.body.value(u"steps"_s).toArray();
                for (const QJsonValue &item : items) {
                    const QJsonObject s = item.toObject();
                    out << TwilioSyncStep{s.value(u"step"_s).toString(),
                                          s.value(u"status"_s).toString(),
                                          s.value(u"detail"_s).toString()};
                }
                return out;
            }();
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
                m_numberMessage->showProblem(tr("Enter the number with + and the country code, "
                                                "for example +1 555 010 9999."));
            } else if (refusal.status == 400 && said.contains(u"not one of"_s)) {
                m_numberMessage->showProblem(tr("This number is not one of this Twilio "
                                                "account's numbers."));
                m_twilioMessage->showProblem(tr("Nothing was changed."));
            } else if (refusal.status == 400 && said.contains(u"not active"_s)) {
                m_twilioMessage->showProblem(tr("This Twilio account is suspended or closed. "
                                                "Nothing was changed."));
            } else if (refusal.status == 400) {
                m_tokenMessage->showProblem(tr("Twilio did not accept this Account SID and Auth "
                                               "Token."));
                m_twilioMessage->showProblem(tr("Check both on your Twilio console. Nothing was "
                                                "changed."));
            } else if (refusal.status == 409) {
                m_twilioMessage->showProblem(tr("Another change of the Twilio connection is "
                                                "under way. Try again once it is finished."));
            } else if (refusal.status == 502) {
                m_twilioMessage->showProblem(tr("Twilio or the AI service did not answer. "
                                                "Nothing was changed; please try again."));
            } else {
                m_twilioMessage->showProblem(steps.error().message);
            }
        });
}

void IntegrationsPage::disconnectTwilio(bool confirm)
{
    const auto go = [this] {
        m_api.integrations().disconnectTwilio(this, [this](Result<void> done) {
            if (!done) {
                m_toasts.problem(done.error());
                return;
            }
            m_steps->hide();
            m_toasts.success(tr("Twilio is disconnected."));
            refresh();
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

void IntegrationsPage::connectGoogle()
{
    m_googleConnect->setEnabled(false);
    m_api.integrations().googleAuthUrl(this, [this](Result<QUrl> url) {
        if (!url) {
            m_googleConnect->setEnabled(true);
            m_toasts.problem(url.error());
            return;
        }
        if (!QDesktopServices::openUrl(*url)) {
            m_googleConnect->setEnabled(true);
            m_toasts.problem(tr("The web browser could not be opened."));
            return;
        }
        m_googleWaitUntil = QDateTime::currentDateTimeUtc().addSecs(googleWaitSeconds);
        m_googleWait.start();
        show(m_status);
    });
}

void IntegrationsPage::disconnectGoogle(bool confirm)
{
    const auto go = [this] {
        m_api.integrations().disconnectGoogle(this, [this](Result<bool> revokedAtGoogle) {
            if (!revokedAtGoogle) {
                m_toasts.problem(revokedAtGoogle.error());
                return;
            }
            if (*revokedAtGoogle)
                m_toasts.success(tr("Google Calendar is disconnected."));
            else
                m_toasts.info(tr("Google Calendar is disconnected here, but Google did not "
                                 "confirm it. To be sure, remove Voxanne under Third-party "
                                 "access in the Google account's security settings."));
            refresh();
        });
    };
    if (!confirm) {
        go();
        return;
    }
    Confirmation{tr("Disconnect Google Calendar"),
                 tr("Disconnect Google Calendar? New bookings no longer appear in "
                    "it."),
                 tr("Disconnect"), tr("Keep it")}
        .open(this, go);
}

void IntegrationsPage::saveEmail()
{
    m_fromMessage->clear();
    const QString key = m_apiKey->text().trimmed();
    m_emailSave->setEnabled(false);
    m_api.integrations().configureEmail(
        m_from->text(), key.isEmpty() ? std::nullopt : std::optional(key), this,
        [this](Result<IntegrationStatus> status) {
            m_emailSave->setEnabled(true);
            if (!status) {
                if (status.error().subject == u"from")
                    m_fromMessage->showProblem(
                        tr("Enter an address (desk@clinic.com) or a name and "
                           "an address (Glow Med Spa <desk@clinic.com>)."));
                else if (status.error().subject == u"api_key")
                    m_fromMessage->showProblem(tr("A Resend API key starts with re_."));
                else
                    m_toasts.problem(status.error());
                return;
            }
            m_apiKey->clear();
            show(*status);
            m_toasts.success(tr("E-mail settings saved."));
        });
}

void IntegrationsPage::applyEvent(const LiveEvent &event)
{
    if (m_loadedOnce && event.type == u"integration.updated")
        refresh();
}

} // namespace vox::ui
