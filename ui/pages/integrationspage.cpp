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
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// How long the console watches for the browser's Google sign-in (the server's state lasts 10
// minutes) and how often it asks when no live event says so first.
constexpr int googleWaitSeconds = 10 * 60;
constexpr int googlePollMs = 3000;

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
    , m_sandboxNote(new QLabel(this))
    , m_content(new QWidget(this))
    , m_twilio(new TwilioCard(api, toasts, this))
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
    m_sandboxNote->setObjectName(u"sandboxNote"_s);
    m_sandboxNote->setWordWrap(true);
    m_sandboxNote->setContentsMargins(12, 12, 12, 0);
    m_sandboxNote->setText(
        tr("<b>Sandbox:</b> Twilio, e-mail (Resend), Google Calendar and Vapi are the provider "
           "sandbox on this computer. Texts, calls and e-mails land there; no patient receives "
           "them."));
    m_sandboxNote->hide();
    outer->addWidget(m_sandboxNote);
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_content);
    m_adminArea = scroll;
    outer->addWidget(scroll, 1);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(12);

    layout->addWidget(m_twilio);

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
    addFieldRow(emailForm, tr("Send as:"), m_from, m_fromMessage, email);
    emailForm->addRow(tr("Resend API key:"), m_apiKey);
    e->addLayout(emailForm);
    auto *emailButtons = new QHBoxLayout;
    m_emailSave->setObjectName(u"emailSaveButton"_s);
    emailButtons->addWidget(m_emailSave);
    emailButtons->addStretch();
    e->addLayout(emailButtons);
    layout->addWidget(email);
    layout->addStretch();

    connect(m_twilio, &TwilioCard::refreshWanted, this, &IntegrationsPage::refresh);
    connect(m_twilio, &TwilioCard::connectionStarted, this,
            [this](const IntegrationStatus::Twilio &assumed) { m_status.twilio = assumed; });
    connect(m_googleConnect, &QPushButton::clicked, this, &IntegrationsPage::connectGoogle);
    connect(m_googleDisconnect, &QPushButton::clicked, this, [this] { disconnectGoogle(); });
    connect(m_emailSave, &QPushButton::clicked, this, &IntegrationsPage::saveEmail);

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
    m_adminArea->setVisible(admin);
    if (!admin) {
        m_api.integrations().status(
            this, [this](Result<IntegrationStatus> status) { showToStaff(status); });
        return;
    }
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

void IntegrationsPage::showToStaff(const Result<IntegrationStatus> &status)
{
    const QString note = tr("Only the clinic's owner or an admin can connect accounts.");
    if (!status) {
        m_staffNote->setText(note + u"<br><br>"_s +
                             tr("Whether the accounts work could not be read: %1")
                                 .arg(status.errorMessage().toHtmlEscaped()));
        return;
    }
    const auto line = [](const QString &what, const QColor &tone, const QString &state) {
        return u"<tr><td style=\"padding: 4px 16px 4px 0\">%1</td><td><span style=\"color:%2\">"
               u"●</span> %3</td></tr>"_s.arg(what, tone.name(), state);
    };
    struct
    {
        QColor good = DisplayFormat::tone(DisplayFormat::Tone::Good);
        QColor bad = DisplayFormat::tone(DisplayFormat::Tone::Bad);
        QColor busy = DisplayFormat::tone(DisplayFormat::Tone::Accent);
        QColor off = QPalette().color(QPalette::PlaceholderText);
    } const colour;
    const IntegrationStatus::Twilio &tw = status->twilio;
    const QString textsName = tr("Texts and reminders (Twilio)");
    QString texts;
    if (tw.status == u"active")
        texts = line(textsName, colour.good, tr("Working"));
    else if (tw.status == u"syncing")
        texts = line(textsName, colour.busy, tr("Being connected"));
    else if (tw.configured)
        texts = line(textsName, colour.bad, tr("Not working: ask an admin to connect it again"));
    else
        texts = line(textsName, colour.off, tr("Not connected"));
    const QString email = status->resend.configured
                              ? line(tr("E-mail"), colour.good, tr("Set up"))
                              : line(tr("E-mail"), colour.off, tr("Not set up"));
    const IntegrationStatus::Google &go = status->google;
    QString calendar;
    if (go.configured && go.status == u"broken")
        calendar = line(tr("Google Calendar"), colour.bad,
                        tr("Stopped working: ask an admin to connect it again"));
    else if (go.configured)
        calendar = line(tr("Google Calendar"), colour.good, tr("Connected"));
    else
        calendar = line(tr("Google Calendar"), colour.off, tr("Not connected"));
    m_staffNote->setText(note + u"<br><br><table>"_s + texts + email + calendar + u"</table>"_s);
}

void IntegrationsPage::show(const IntegrationStatus &status)
{
    m_status = status;
    m_sandboxNote->setVisible(status.sandbox);
    const QString good = DisplayFormat::tone(DisplayFormat::Tone::Good).name();
    const QString bad = DisplayFormat::tone(DisplayFormat::Tone::Bad).name();

    m_twilio->showStatus(status.twilio);

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
    if (re.configured && status.sandbox)
        m_emailStatus->setText(tr("E-mails go to the sandbox's Resend as %1: they stay on this "
                                  "computer and nobody receives them.")
                                   .arg(re.from));
    else if (re.configured && !re.apiKeyLast4.isEmpty())
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
