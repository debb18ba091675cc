#include "ui/pages/settingspage.h"

#include "core/phonenumber.h"
#include "core/timezonename.h"
#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"
#include "ui/shell/preferences.h"
#include "ui/widgets/accesslogpanel.h"
#include "ui/widgets/changepassworddialog.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/missedcalltextbackbox.h"
#include "ui/widgets/redactionbox.h"
#include "ui/widgets/remindersbox.h"
#include "ui/widgets/retentionbox.h"
#include "ui/widgets/temporarypassworddialog.h"
#include "ui/widgets/toastarea.h"
#include "ui/widgets/transferdestinationsbox.h"

#include <QBoxLayout>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDesktopServices>
#include <QDir>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSet>
#include <QTableWidget>
#include <QTimeEdit>
#include <QTimeZone>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// The zones people choose from, by city and zone name ("New York (Eastern Time)"), each with its
// IANA id, in the order of their names. Naming them all takes a while (ICU), so once a language.
const QList<std::pair<QString, QString>> &timeZoneChoices()
{
    static QHash<QString, QList<std::pair<QString, QString>>> byLanguage;
    const QLocale locale;
    auto found = byLanguage.find(locale.name());
    if (found != byLanguage.end())
        return *found;
    QList<std::pair<QString, QString>> choices;
    QSet<QString> named;
    for (const QByteArray &zone : QTimeZone::availableTimeZoneIds()) {
        const QString id = QString::fromLatin1(zone);
        const QString label = timeZoneLabel(id, locale);
        // Aliases of one zone share its label; the list shows it once.
        if (!label.isEmpty() && !named.contains(label)) {
            named.insert(label);
            choices.append({label, id});
        }
    }
    std::sort(choices.begin(), choices.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.first, b.first) < 0;
    });
    return *byLanguage.insert(locale.name(), choices);
}

QString roleName(const QString &role)
{
    if (role == u"owner")
        return QCoreApplication::translate("SettingsPage", "Owner");
    if (role == u"admin")
        return QCoreApplication::translate("SettingsPage", "Admin");
    if (role == u"staff")
        return QCoreApplication::translate("SettingsPage", "Front desk (staff)");
    return role;
}

enum UserColumn {
    NameColumn,
    EmailColumn,
    RoleColumn,
    StateColumn,
    LastSignInColumn,
    ActionColumn
};

} // namespace

SettingsPage::SettingsPage(ApiClient &api, ToastArea &toasts, const QString &serverDescription,
                           QWidget *parent)
    : Page(parent)
    , m_api(api)
    , m_toasts(toasts)
{
    setObjectName(u"settingsPage"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(12);
    m_columns = new QBoxLayout(QBoxLayout::LeftToRight);
    m_columns->setSpacing(12);
    auto *left = new QVBoxLayout;
    m_computerBox = buildComputer(serverDescription);
    left->addWidget(m_computerBox);
    m_reminders = new RemindersBox(api, toasts, this);
    left->addWidget(m_reminders);
    m_redaction = new RedactionBox(api, toasts, this);
    left->addWidget(m_redaction);
    m_transferDestinations = new TransferDestinationsBox(api, toasts, this);
    left->addWidget(m_transferDestinations);
    // What the table shows decides whether the boxes fit side by side.
    connect(m_transferDestinations, &TransferDestinationsBox::loaded, this,
            &SettingsPage::arrangeColumns);
    left->addStretch();
    m_columns->addLayout(left, 1);
    auto *right = new QVBoxLayout;
    m_clinicBox = buildClinic();
    right->addWidget(m_clinicBox);
    m_retention = new RetentionBox(api, toasts, this);
    right->addWidget(m_retention);
    m_textBack = new MissedCallTextBackBox(api, toasts, this);
    right->addWidget(m_textBack);
    right->addStretch();
    m_columns->addLayout(right, 1);
    layout->addLayout(m_columns);
    // The people table has six columns; it gets the page's whole width.
    layout->addWidget(buildPeople(), 1);
    m_accessLog = new AccessLogPanel(api, toasts, content);
    m_accessLog->hide();
    layout->addWidget(m_accessLog, 1);
    scroll->setWidget(content);
    outer->addWidget(scroll);
}

void SettingsPage::resizeEvent(QResizeEvent *event)
{
    Page::resizeEvent(event);
    arrangeColumns();
}

void SettingsPage::arrangeColumns()
{
    // The page's margins and the gap between the boxes, and room for a vertical scroll bar.
    constexpr int chrome = 12 + 12 + 12 + 20;
    // Each column is as wide as its widest box needs: the first boxes as they like to be, the
    // others at least as they must be (in Spanish a retention or reminder label is the widest),
    // and the transfer destinations' table shows its columns whole. The two columns share the
    // width equally, so each must fit the wider of the two, or the boxes stack rather than push
    // the page into scrolling sideways.
    const auto columnWidth = [](QWidget *first, std::initializer_list<QWidget *> others) {
        int width = first->sizeHint().width();
        for (QWidget *box : others)
            width = std::max(width, box->minimumSizeHint().width());
        return width;
    };
    const int left = std::max(columnWidth(m_computerBox, {m_reminders, m_redaction}),
                              m_transferDestinations->sizeHint().width());
    const int right = columnWidth(m_clinicBox, {m_retention, m_textBack});
    const int sideBySide = 2 * std::max(left, right) + chrome;
    const auto direction =
        width() >= sideBySide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
    if (m_columns->direction() != direction)
        m_columns->setDirection(direction);
}

QWidget *SettingsPage::buildComputer(const QString &serverDescription)
{
    auto *box = new QGroupBox(tr("This computer"), this);
    auto *form = new QFormLayout(box);
    auto *server = new QLabel(serverDescription, box);
    server->setObjectName(u"serverDescription"_s);
    server->setWordWrap(true);
    form->addRow(tr("Connected to:"), server);
    if (Preferences::usesRemoteServer()) {
        auto *row = new QWidget(box);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        m_serverUrl = new QLineEdit(Preferences::serverUrl(), row);
        m_serverUrl->setObjectName(u"serverUrlEdit"_s);
        m_serverUrl->setAccessibleName(tr("Server address"));
        m_serverUrl->setAccessibleDescription(tr("The clinic's server this console connects to"));
        auto *use = new QPushButton(tr("Use from next start"), row);
        h->addWidget(m_serverUrl, 1);
        h->addWidget(use);
        form->addRow(tr("Server address:"), row);
        connect(use, &QPushButton::clicked, this, [this] {
            const QUrl url = QUrl::fromUserInput(m_serverUrl->text().trimmed());
            if (!url.isValid() || url.host().isEmpty()) {
                m_toasts.problem(tr("That is not a server address (for example "
                                    "https://voxanne.clinic.example)."));
                return;
            }
            Preferences::setServerUrl(url.toString());
            m_toasts.success(
                tr("The console connects to %1 from its next start.").arg(url.toString()));
        });
    }

    m_theme = new QComboBox(box);
    m_theme->setObjectName(u"themeCombo"_s);
    m_theme->setAccessibleDescription(tr("Light or dark colours on this computer"));
    m_theme->addItem(tr("Same as the system"), int(Theme::System));
    m_theme->addItem(tr("Light"), int(Theme::Light));
    m_theme->addItem(tr("Dark"), int(Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(Preferences::theme())));
    form->addRow(tr("Appearance:"), m_theme);
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] {
        const auto theme = Theme(m_theme->currentData().toInt());
        Preferences::setTheme(theme);
        applyTheme(theme);
    });

    m_language = new QComboBox(box);
    m_language->setObjectName(u"languageCombo"_s);
    m_language->setAccessibleDescription(tr("The console's language on this computer"));
    m_language->addItem(tr("Same as the system"), QString());
    // Each language by its own name, as people look for it.
    m_language->addItem(QLocale(QLocale::English).nativeLanguageName(), u"en"_s);
    m_language->addItem(QLocale(QLocale::Spanish).nativeLanguageName(), u"es"_s);
    m_language->setCurrentIndex(qMax(0, m_language->findData(Preferences::language())));
    auto *languageBox = new QWidget(box);
    auto *languageLayout = new QVBoxLayout(languageBox);
    languageLayout->setContentsMargins(0, 0, 0, 0);
    languageLayout->addWidget(m_language);
    auto *restart = new FieldMessage(languageBox);
    restart->setObjectName(u"languageNote"_s);
    languageLayout->addWidget(restart);
    form->addRow(tr("Language:"), languageBox);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this, restart] {
        Preferences::setLanguage(m_language->currentData().toString());
        restart->showNote(tr("The console changes language the next time it starts."));
    });

    m_notifications = new QCheckBox(tr("For hot leads and new bookings"), box);
    m_notifications->setObjectName(u"notificationsCheck"_s);
    m_notifications->setChecked(Preferences::desktopNotifications());
    form->addRow(tr("Desktop notifications:"), m_notifications);
    connect(m_notifications, &QCheckBox::toggled, this,
            [](bool on) { Preferences::setDesktopNotifications(on); });
    auto *texts = new QCheckBox(tr("When a patient texts and the Inbox is not open"), box);
    texts->setObjectName(u"textNotificationsCheck"_s);
    texts->setChecked(Preferences::textNotifications());
    form->addRow(QString(), texts);
    connect(texts, &QCheckBox::toggled, this,
            [](bool on) { Preferences::setTextNotifications(on); });

    auto *logRow = new QWidget(box);
    auto *logLayout = new QHBoxLayout(logRow);
    logLayout->setContentsMargins(0, 0, 0, 0);
    // Shown the way people write it: the home folder as "~", like a file manager's path bar.
    QString shownLogFolder = Preferences::logFolder();
    if (const QString home = QDir::homePath(); shownLogFolder.startsWith(home + u'/'))
        shownLogFolder = u"~"_s + shownLogFolder.mid(home.size());
    auto *logPath = new QLabel(QDir::toNativeSeparators(shownLogFolder), logRow);
    logPath->setToolTip(QDir::toNativeSeparators(Preferences::logFolder()));
    logPath->setObjectName(u"logFolder"_s);
    logPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    logPath->setWordWrap(true);
    auto *open = new QPushButton(tr("Open"), logRow);
    open->setToolTip(tr("Open the log folder, to send the logs to support"));
    logLayout->addWidget(logPath, 1);
    logLayout->addWidget(open);
    form->addRow(tr("Log folder:"), logRow);
    connect(open, &QPushButton::clicked, this, [this] {
        QDir().mkpath(Preferences::logFolder());
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(Preferences::logFolder())))
            m_toasts.problem(tr("The folder could not be opened."));
    });
    auto *about = new QPushButton(tr("About Voxanne Console…"), box);
    connect(about, &QPushButton::clicked, this, &SettingsPage::aboutRequested);
    form->addRow(QString(), about);
    return box;
}

QWidget *SettingsPage::buildClinic()
{
    auto *box = new QGroupBox(tr("The clinic"), this);
    auto *layout = new QVBoxLayout(box);
    m_clinicNote = new QLabel(box);
    m_clinicNote->setWordWrap(true);
    m_clinicNote->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_clinicNote);
    auto *form = new QFormLayout;
    m_clinicName = new QLineEdit(box);
    m_clinicName->setObjectName(u"clinicNameEdit"_s);
    m_clinicName->setAccessibleDescription(tr("The name the AI gives callers"));
    m_clinicNameMessage = new FieldMessage(box);
    addFieldRow(form, tr("Name:"), m_clinicName, m_clinicNameMessage, box);
    m_timeZone = new QComboBox(box);
    m_timeZone->setObjectName(u"timeZoneCombo"_s);
    m_timeZone->setAccessibleDescription(tr("Where the clinic is: opening hours and "
                                            "appointments are in this zone"));
    m_timeZone->setEditable(true);
    m_timeZone->lineEdit()->setAccessibleName(tr("Time zone"));
    m_timeZone->lineEdit()->setAccessibleDescription(
        tr("Type a city or a zone's name to find it, such as New York or Eastern"));
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    // Filled when the page is first opened (refresh): naming every zone takes a while, and the
    // console builds this page while it starts.
    m_timeZone->completer()->setFilterMode(Qt::MatchContains);
    m_timeZone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_timeZoneMessage = new FieldMessage(box);
    addFieldRow(form, tr("Time zone:"), m_timeZone, m_timeZoneMessage, box);
    // What the server starts the clinic with is worded in this language; the console's own
    // language is each computer's choice (above).
    m_clinicLanguage = new QComboBox(box);
    m_clinicLanguage->setObjectName(u"clinicLanguageCombo"_s);
    m_clinicLanguage->setAccessibleName(tr("Clinic language"));
    m_clinicLanguage->setAccessibleDescription(
        tr("The language the clinic works in: its default review tags and the other words it "
           "starts with are in it. Tags already edited stay as they are."));
    // Each language by its own name, as people look for it: not translated.
    static const std::pair<QString, QString> clinicLanguages[]{{u"English"_s, u"en"_s},
                                                               {u"Español"_s, u"es"_s}};
    for (const auto &[name, code] : clinicLanguages)
        m_clinicLanguage->addItem(name, code);
    m_clinicLanguageMessage = new FieldMessage(box);
    m_clinicLanguageMessage->setObjectName(u"clinicLanguageMessage"_s);
    showClinicLanguageNote();
    addFieldRow(form, tr("Clinic language:"), m_clinicLanguage, m_clinicLanguageMessage, box);
    m_phoneCountry = new QComboBox(box);
    m_phoneCountry->setObjectName(u"phoneCountryCombo"_s);
    m_phoneCountry->setAccessibleDescription(
        tr("Numbers typed without + and a country code are read as this country's"));
    for (const phone::Country &c : phone::countries())
        m_phoneCountry->addItem(DisplayFormat::phoneCountryName(c.iso), c.iso);
    m_phoneCountryMessage = new FieldMessage(box);
    m_phoneCountryMessage->setObjectName(u"phoneCountryMessage"_s);
    showPhoneCountryNote();
    addFieldRow(form, tr("Phone numbers:"), m_phoneCountry, m_phoneCountryMessage, box);
    layout->addLayout(form);

    auto *hoursTitle = new QLabel(tr("Opening hours (the AI only books inside them):"), box);
    hoursTitle->setWordWrap(true);
    layout->addWidget(hoursTitle);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto *open = new QCheckBox(locale.dayName(day), box);
        open->setObjectName(u"openCheck%1"_s.arg(day));
        auto *opens = new QTimeEdit(QTime(9, 0), box);
        auto *closes = new QTimeEdit(QTime(17, 0), box);
        opens->setObjectName(u"opensEdit%1"_s.arg(day));
        closes->setObjectName(u"closesEdit%1"_s.arg(day));
        // A screen reader hears which day each time belongs to, not "time, time, time".
        open->setAccessibleDescription(
            tr("Whether the clinic opens on %1").arg(locale.dayName(day)));
        opens->setAccessibleName(tr("%1 opens at").arg(locale.dayName(day)));
        opens->setAccessibleDescription(
            tr("The time the clinic opens on %1").arg(locale.dayName(day)));
        closes->setAccessibleName(tr("%1 closes at").arg(locale.dayName(day)));
        closes->setAccessibleDescription(
            tr("The time the clinic closes on %1").arg(locale.dayName(day)));
        for (QTimeEdit *edit : {opens, closes}) {
            edit->setDisplayFormat(u"HH:mm"_s);
            edit->setMinimumWidth(80);
        }
        grid->addWidget(open, day - 1, 0);
        grid->addWidget(opens, day - 1, 1);
        grid->addWidget(new QLabel(tr("to"), box), day - 1, 2);
        grid->addWidget(closes, day - 1, 3);
        grid->setColumnStretch(4, 1);
        connect(open, &QCheckBox::toggled, opens, &QWidget::setEnabled);
        connect(open, &QCheckBox::toggled, closes, &QWidget::setEnabled);
        m_open << open;
        m_opens << opens;
        m_closes << closes;
    }
    layout->addLayout(grid);
    m_extraPeriods = new QLabel(box);
    m_extraPeriods->setWordWrap(true);
    m_extraPeriods->setForegroundRole(QPalette::PlaceholderText);
    m_extraPeriods->hide();
    layout->addWidget(m_extraPeriods);
    m_hoursMessage = new FieldMessage(box);
    m_hoursMessage->setObjectName(u"hoursMessage"_s);
    layout->addWidget(m_hoursMessage);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_saveClinic = new QPushButton(tr("Save"), box);
    m_saveClinic->setObjectName(u"saveClinicButton"_s);
    buttons->addWidget(m_saveClinic);
    layout->addLayout(buttons);
    connect(m_saveClinic, &QPushButton::clicked, this, &SettingsPage::saveClinic);
    return box;
}

QWidget *SettingsPage::buildPeople()
{
    auto *box = new QGroupBox(tr("People who use the console"), this);
    auto *layout = new QVBoxLayout(box);
    auto *me = new QHBoxLayout;
    m_signedInAs = new QLabel(box);
    m_signedInAs->setObjectName(u"signedInAs"_s);
    m_signedInAs->setTextFormat(Qt::PlainText);
    me->addWidget(m_signedInAs, 1);
    auto *change = new QPushButton(tr("Change my password…"), box);
    change->setObjectName(u"changePasswordButton"_s);
    connect(change, &QPushButton::clicked, this, [this] {
        auto *dialog =
            new ChangePasswordDialog(m_api, m_toasts, ChangePasswordDialog::Mode::Voluntary, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    me->addWidget(change);
    layout->addLayout(me);
    m_users = new QTableWidget(box);
    m_users->setObjectName(u"usersTable"_s);
    m_users->setAccessibleName(tr("People who use the console"));
    m_users->setAccessibleDescription(tr("Everyone who can sign in to this clinic, with their "
                                         "role and last sign-in"));
    m_users->setColumnCount(6);
    m_users->setHorizontalHeaderLabels(
        {tr("Name"), tr("E-mail"), tr("Role"), tr("State"), tr("Last sign-in"), QString()});
    m_users->setSelectionMode(QAbstractItemView::NoSelection);
    m_users->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_users->verticalHeader()->hide();
    m_users->setShowGrid(false);
    m_users->setAlternatingRowColors(true);
    // The e-mail takes what is left; the other columns are as wide as what they show, in any
    // language.
    m_users->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_users->horizontalHeader()->setSectionResizeMode(EmailColumn, QHeaderView::Stretch);
    m_users->setMinimumHeight(120);
    layout->addWidget(m_users, 1);

    m_inviteForm = new QWidget(box);
    // A form for one address and a name: as wide as half the page, not the whole table.
    m_inviteForm->setMaximumWidth(560);
    auto *form = new QFormLayout(m_inviteForm);
    form->setContentsMargins(0, 6, 0, 0);
    m_inviteEmail = new QLineEdit(m_inviteForm);
    m_inviteEmail->setObjectName(u"inviteEmailEdit"_s);
    m_inviteEmail->setAccessibleDescription(tr("The new person's e-mail address; they sign in "
                                               "with it"));
    m_inviteEmail->setPlaceholderText(tr("name@clinic.com"));
    m_inviteName = new QLineEdit(m_inviteForm);
    m_inviteName->setObjectName(u"inviteNameEdit"_s);
    m_inviteName->setAccessibleDescription(tr("Shown to colleagues; optional"));
    m_inviteRole = new QComboBox(m_inviteForm);
    m_inviteRole->setObjectName(u"inviteRoleCombo"_s);
    m_inviteRole->setAccessibleDescription(tr("Staff use the console; admins and owners also "
                                              "change the clinic's settings"));
    m_inviteMessage = new FieldMessage(m_inviteForm);
    m_inviteMessage->setObjectName(u"inviteMessage"_s);
    addFieldRow(form, tr("E-mail:"), m_inviteEmail, m_inviteMessage, m_inviteForm);
    form->addRow(tr("Name:"), m_inviteName);
    form->addRow(tr("Role:"), m_inviteRole);
    m_inviteButton = new QPushButton(tr("Add person"), m_inviteForm);
    m_inviteButton->setObjectName(u"inviteButton"_s);
    form->addRow(QString(), m_inviteButton);
    layout->addWidget(m_inviteForm);
    connect(m_inviteButton, &QPushButton::clicked, this, &SettingsPage::invite);
    connect(m_inviteEmail, &QLineEdit::returnPressed, this, &SettingsPage::invite);
    return box;
}

void SettingsPage::activated()
{
    if (!m_loadedOnce)
        refresh();
}

void SettingsPage::refresh()
{
    m_loadedOnce = true;
    // Shown by name; the IANA id is what is saved (the item's data).
    if (m_timeZone->count() == 0) {
        for (const auto &[label, id] : timeZoneChoices())
            m_timeZone->addItem(label, id);
    }
    const Session &session = m_api.session();
    m_signedInAs->setText(
        tr("You are signed in as %1 (%2).").arg(session.displayName(), roleName(session.role)));
    const bool admin = session.isAdmin();
    m_clinicNote->setText(admin ? tr("Used by the AI when it talks about the clinic and books "
                                     "appointments.")
                                : tr("Only the clinic's owner or an admin can change these."));
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_clinicName, m_timeZone, m_phoneCountry, m_saveClinic})
        w->setEnabled(admin);
    m_clinicLanguage->setEnabled(admin);
    for (int i = 0; i < 7; ++i)
        m_open[i]->setEnabled(admin);
    m_inviteForm->setVisible(admin);
    m_accessLog->setVisible(admin);
    if (admin)
        m_accessLog->reload();
    m_retention->refresh();
    m_textBack->refresh();
    m_reminders->refresh();
    m_redaction->refresh();
    m_transferDestinations->refresh();
    m_inviteRole->clear();
    m_inviteRole->addItem(roleName(u"staff"_s), u"staff"_s);
    m_inviteRole->addItem(roleName(u"admin"_s), u"admin"_s);
    // Only an owner adds owners (docs/api.md).
    if (session.role == u"owner")
        m_inviteRole->addItem(roleName(u"owner"_s), u"owner"_s);

    m_api.settings().get(this, [this](Result<OrgSettings> settings) {
        if (!settings) {
            m_toasts.problem(settings.error(), [this] { refresh(); });
            return;
        }
        if (!unsavedChanges().isEmpty()) {
            m_settings = *settings; // never over what is being typed; Discard shows these
            return;
        }
        showSettings(*settings);
    });
    loadUsers();
}

void SettingsPage::showSettings(const OrgSettings &settings)
{
    m_settings = settings;
    m_shown = true;
    m_clinicName->setText(settings.name);
    m_clinicNameMessage->clear();
    m_timeZoneMessage->clear();
    showPhoneCountryNote();
    m_hoursMessage->clear();
    if (const int zone = m_timeZone->findData(settings.timeZone); zone >= 0)
        m_timeZone->setCurrentIndex(zone);
    else
        m_timeZone->setEditText(settings.timeZone); // an alias the list names by another id
    m_phoneCountry->setCurrentIndex(std::max(0, m_phoneCountry->findData(settings.phoneCountry)));
    m_clinicLanguage->setCurrentIndex(std::max(0, m_clinicLanguage->findData(settings.language)));
    showClinicLanguageNote();
    const bool admin = m_api.session().isAdmin();
    int extra = 0;
    for (int day = 1; day <= 7; ++day) {
        bool first = true;
        m_open[day - 1]->setChecked(false);
        for (const OpeningPeriod &p : settings.businessHours) {
            if (p.weekday != day)
                continue;
            if (!first) {
                ++extra;
                continue;
            }
            first = false;
            m_open[day - 1]->setChecked(true);
            m_opens[day - 1]->setTime(QTime::fromString(p.opensAt, u"HH:mm"_s));
            // 24:00 (open until midnight) shows as the last minute of the day.
            m_closes[day - 1]->setTime(
                p.closesAt == u"24:00" ? QTime(23, 59) : QTime::fromString(p.closesAt, u"HH:mm"_s));
        }
        m_opens[day - 1]->setEnabled(admin && m_open[day - 1]->isChecked());
        m_closes[day - 1]->setEnabled(admin && m_open[day - 1]->isChecked());
    }
    // The form edits one opening a day; a split day (set up elsewhere) is kept as it is.
    m_extraPeriods->setVisible(extra > 0);
    m_extraPeriods->setText(tr("Some days have a second opening (a lunch break). Saving here "
                               "keeps only the first opening of each day."));
}

void SettingsPage::showClinicLanguageNote()
{
    m_clinicLanguageMessage->showNote(tr("The language of the default review tags and of the "
                                         "other words the clinic's defaults start in. Tags "
                                         "already edited stay as they are."));
}

void SettingsPage::showPhoneCountryNote()
{
    m_phoneCountryMessage->showNote(
        tr("Numbers typed without + and a country code are read as this country's."));
}

QString SettingsPage::unsavedChanges() const
{
    if (!m_shown || !m_saveClinic->isEnabled())
        return {};
    // The form edits the first opening of each day (see showSettings).
    QList<OpeningPeriod> saved;
    for (const OpeningPeriod &p : m_settings.businessHours) {
        if (std::none_of(saved.cbegin(), saved.cend(),
                         [&p](const OpeningPeriod &s) { return s.weekday == p.weekday; }))
            saved << p;
    }
    std::sort(saved.begin(), saved.end(),
              [](const OpeningPeriod &a, const OpeningPeriod &b) { return a.weekday < b.weekday; });
    const bool edited = m_clinicName->text().trimmed() != m_settings.name ||
                        chosenTimeZone() != m_settings.timeZone ||
                        m_phoneCountry->currentData().toString() != m_settings.phoneCountry ||
                        m_clinicLanguage->currentData().toString() != m_settings.language ||
                        hoursFromForm() != saved;
    return edited ? tr("The clinic's details are not saved.") : QString();
}

void SettingsPage::discardChanges()
{
    showSettings(m_settings);
}

QString SettingsPage::chosenTimeZone() const
{
    // A zone chosen or typed by its name, or typed as its IANA id.
    const QString typed = m_timeZone->currentText().trimmed();
    const int chosen = m_timeZone->findText(typed, Qt::MatchFixedString);
    return chosen >= 0 ? m_timeZone->itemData(chosen).toString() : typed;
}

QList<OpeningPeriod> SettingsPage::hoursFromForm() const
{
    QList<OpeningPeriod> hours;
    for (int day = 1; day <= 7; ++day) {
        if (!m_open[day - 1]->isChecked())
            continue;
        const QTime closes = m_closes[day - 1]->time();
        hours << OpeningPeriod{day, m_opens[day - 1]->time().toString(u"HH:mm"_s),
                               closes == QTime(23, 59) ? u"24:00"_s : closes.toString(u"HH:mm"_s)};
    }
    return hours;
}

void SettingsPage::saveClinic()
{
    m_clinicNameMessage->clear();
    m_timeZoneMessage->clear();
    showPhoneCountryNote();
    showClinicLanguageNote();
    m_hoursMessage->clear();
    if (m_clinicName->text().trimmed().isEmpty()) {
        m_clinicNameMessage->showProblem(tr("Enter the clinic's name."));
        return;
    }
    const QString zone = chosenTimeZone();
    // The server's rule (core/timezonename.h): any IANA name the system's tzdata has.
    if (!isTimeZoneName(zone)) {
        m_timeZoneMessage->showProblem(tr("Choose a time zone from the list, such as %1.")
                                           .arg(timeZoneLabel(u"America/New_York"_s, QLocale())));
        return;
    }
    const QList<OpeningPeriod> hours = hoursFromForm();
    for (const OpeningPeriod &p : hours) {
        if (p.closesAt != u"24:00" && p.closesAt <= p.opensAt) {
            m_hoursMessage->showProblem(
                tr("On %1 the clinic closes before it opens.").arg(QLocale().dayName(p.weekday)));
            return;
        }
    }
    QJsonObject changes{{u"name"_s, m_clinicName->text().trimmed()},
                        {u"time_zone"_s, zone},
                        {u"phone_country"_s, m_phoneCountry->currentData().toString()}};
    QJsonArray week;
    for (const OpeningPeriod &p : hours)
        week.append(QJsonObject{
            {u"weekday"_s, p.weekday}, {u"opens_at"_s, p.opensAt}, {u"closes_at"_s, p.closesAt}});
    changes.insert(u"business_hours"_s, week);
    changes.insert(u"language"_s, m_clinicLanguage->currentData().toString());
    m_saveClinic->setEnabled(false);
    m_api.settings().update(changes, this, [this](Result<OrgSettings> saved) {
        m_saveClinic->setEnabled(true);
        if (!saved) {
            const QString field = saved.error().subject;
            if (field == u"name")
                m_clinicNameMessage->showProblem(saved.errorMessage());
            else if (field == u"time_zone")
                m_timeZoneMessage->showProblem(saved.errorMessage());
            else if (field == u"phone_country")
                m_phoneCountryMessage->showProblem(saved.errorMessage());
            else if (field == u"language")
                m_clinicLanguageMessage->showProblem(saved.errorMessage());
            else if (field.startsWith(u"business_hours"_s))
                m_hoursMessage->showProblem(saved.errorMessage());
            else
                m_toasts.problem(saved.error());
            return;
        }
        showSettings(*saved);
        DisplayFormat::setClinicTimeZone(QTimeZone(saved->timeZone.toLatin1()));
        DisplayFormat::setPhoneCountry(saved->phoneCountry);
        m_toasts.success(tr("Clinic settings saved."));
    });
}

void SettingsPage::loadUsers()
{
    m_api.settings().users(this, [this](Result<QList<OrgUser>> users) {
        if (!users) {
            m_toasts.problem(users.error());
            return;
        }
        showUsers(*users);
        m_accessLog->setPeople(*users);
    });
}

bool SettingsPage::mayChangeState(const OrgUser &user) const
{
    const Session &session = m_api.session();
    // The server's rules (docs/api.md): admins, not on themselves, owners only by an owner.
    return session.isAdmin() && user.id != session.userId &&
           (user.role != u"owner" || session.role == u"owner");
}

void SettingsPage::showUsers(const QList<OrgUser> &users)
{
    m_shownUsers = users;
    m_users->setRowCount(int(users.size()));
    for (int row = 0; row < users.size(); ++row) {
        const OrgUser &u = users.at(row);
        const QStringList cells{
            u.fullName, u.email, roleName(u.role), u.disabled ? tr("Disabled") : tr("Active"),
            u.lastLoginAt.isValid() ? DisplayFormat::dateTime(u.lastLoginAt) : tr("Never")};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (u.disabled)
                item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
            m_users->setItem(row, c, item);
        }
        if (!mayChangeState(u)) {
            m_users->removeCellWidget(row, ActionColumn);
            continue;
        }
        auto *actions = new QWidget(m_users);
        auto *buttons = new QHBoxLayout(actions);
        buttons->setContentsMargins(2, 0, 2, 0);
        buttons->setSpacing(6);
        const QString who = u.fullName.isEmpty() ? u.email : u.fullName;
        if (!u.disabled) {
            auto *reset = new QPushButton(tr("Reset password…"), actions);
            reset->setObjectName(u"resetPasswordButton_"_s + u.id);
            reset->setAccessibleName(tr("Reset %1's password").arg(who));
            connect(reset, &QPushButton::clicked, this,
                    [this, id = u.id] { askToResetPassword(id); });
            buttons->addWidget(reset);
        }
        auto *button = new QPushButton(u.disabled ? tr("Enable") : tr("Disable"), actions);
        button->setObjectName(u"userStateButton_"_s + u.id);
        button->setAccessibleName(u.disabled ? tr("Enable %1").arg(who)
                                             : tr("Disable %1").arg(who));
        connect(button, &QPushButton::clicked, this,
                [this, id = u.id, disabled = !u.disabled] { askToSetDisabled(id, disabled); });
        buttons->addWidget(button);
        m_users->setCellWidget(row, ActionColumn, actions);
    }
}

void SettingsPage::askToResetPassword(const QString &userId)
{
    const auto it = std::find_if(m_shownUsers.cbegin(), m_shownUsers.cend(),
                                 [&](const OrgUser &u) { return u.id == userId; });
    if (it == m_shownUsers.cend())
        return;
    const QString who = it->fullName.isEmpty() ? it->email : it->fullName;
    const QString email = it->email;
    Confirmation question;
    question.objectName = u"resetPasswordConfirmation"_s;
    question.title = tr("Reset %1's password?").arg(who);
    question.text = tr("Their current password stops working and they are signed out on every "
                       "computer. You get a temporary password to give them; they choose their "
                       "own when they sign in with it.");
    question.confirmLabel = tr("Reset password");
    question.keepLabel = tr("Keep it");
    question.open(this, [this, userId, email] {
        m_api.settings().resetPassword(userId, this, [this, email](Result<QString> temporary) {
            if (!temporary) {
                m_toasts.problem(temporary.error());
                return;
            }
            auto *dialog = new TemporaryPasswordDialog(email, *temporary, m_toasts, this,
                                                       TemporaryPasswordDialog::Reason::Reset);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
    });
}

void SettingsPage::askToSetDisabled(const QString &userId, bool disabled)
{
    const auto it = std::find_if(m_shownUsers.cbegin(), m_shownUsers.cend(),
                                 [&](const OrgUser &u) { return u.id == userId; });
    if (it == m_shownUsers.cend())
        return;
    const QString who = it->fullName.isEmpty() ? it->email : it->fullName;
    Confirmation question;
    question.objectName = u"userStateConfirmation"_s;
    if (disabled) {
        question.title = tr("Disable %1?").arg(who);
        question.text = tr("%1 is signed out on every computer at once and cannot sign in until "
                           "enabled again. Nothing they entered is deleted.")
                            .arg(who);
        question.confirmLabel = tr("Disable");
        question.keepLabel = tr("Keep access");
    } else {
        question.title = tr("Enable %1?").arg(who);
        question.text = tr("%1 can sign in again with their password.").arg(who);
        question.confirmLabel = tr("Enable");
        question.keepLabel = tr("Leave disabled");
    }
    question.open(this, [this, userId, disabled, who] {
        m_api.settings().setUserDisabled(
            userId, disabled, this, [this, disabled, who](Result<OrgUser> done) {
                if (!done) {
                    m_toasts.problem(done.error());
                    return;
                }
                m_toasts.success(disabled ? tr("%1 was disabled and signed out.").arg(who)
                                          : tr("%1 can sign in again.").arg(who));
                loadUsers();
            });
    });
}

void SettingsPage::invite()
{
    m_inviteMessage->clear();
    NewOrgUser user{m_inviteEmail->text().trimmed(), m_inviteName->text().trimmed(),
                    m_inviteRole->currentData().toString()};
    if (!user.email.contains(u'@')) {
        m_inviteMessage->showProblem(tr("Enter the person's e-mail address."));
        return;
    }
    m_inviteButton->setEnabled(false);
    m_api.settings().inviteUser(user, this, [this](Result<InvitedUser> invited) {
        m_inviteButton->setEnabled(true);
        if (!invited) {
            if (invited.error().code == u"conflict")
                m_inviteMessage->showProblem(tr("Someone with this e-mail address already has an "
                                                "account."));
            else if (invited.error().subject == u"email")
                m_inviteMessage->showProblem(tr("That is not an e-mail address."));
            else
                m_toasts.problem(invited.error());
            return;
        }
        m_inviteEmail->clear();
        m_inviteName->clear();
        loadUsers();
        if (invited->temporaryPassword.isEmpty()) {
            m_toasts.success(tr("%1 was added.").arg(invited->user.email));
            return;
        }
        auto *dialog = new TemporaryPasswordDialog(invited->user.email, invited->temporaryPassword,
                                                   m_toasts, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void SettingsPage::applyEvent(const LiveEvent &event)
{
    if (m_loadedOnce && event.type == u"settings.updated")
        m_api.settings().get(this, [this](Result<OrgSettings> settings) {
            if (!settings)
                return;
            // Another admin's change of country applies to what is typed here from now on.
            DisplayFormat::setPhoneCountry(settings->phoneCountry);
            // Edits in progress stay on screen; "Discard changes" then shows the new details.
            if (!unsavedChanges().isEmpty()) {
                m_settings = *settings;
                return;
            }
            showSettings(*settings);
        });
}

} // namespace vox::ui
