#pragma once

#include "ui/api/orgsettings.h"
#include "ui/api/orguser.h"
#include "ui/pages/page.h"

#include <QList>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimeEdit;

class QBoxLayout;
class QResizeEvent;

namespace vox::ui {

class AccessLogPanel;
class ApiClient;
class FieldMessage;
class RedactionBox;
class RemindersBox;
class RetentionBox;
class MissedCallTextBackBox;
class TransferDestinationsBox;
class ToastArea;

// Settings of this computer (server address, light or dark, language, desktop notifications,
// the log folder) and of the clinic (name, time zone, opening hours: admins), and the people
// who may use the console (admins invite them), and for admins the access log.
class SettingsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    SettingsPage(ApiClient &api, ToastArea &toasts, const QString &serverDescription,
                 QWidget *parent = nullptr);

    QString title() const override { return tr("Settings"); }
    void refresh() override;
    void applyEvent(const LiveEvent &event) override;
    void activated() override;
    QString unsavedChanges() const override;
    void discardChanges() override;

    void saveClinic();
    void invite();
    // Asks first, then disables or enables the person (their row's button does the same).
    void askToSetDisabled(const QString &userId, bool disabled);
    // Asks first, then gives the person a temporary password (their row's button does the same).
    void askToResetPassword(const QString &userId);
    QComboBox *themeCombo() const { return m_theme; }
    QComboBox *languageCombo() const { return m_language; }
    QLineEdit *clinicNameEdit() const { return m_clinicName; }
    QComboBox *timeZoneCombo() const { return m_timeZone; }
    QComboBox *phoneCountryCombo() const { return m_phoneCountry; }
    QComboBox *clinicLanguageCombo() const { return m_clinicLanguage; }
    QCheckBox *openCheck(int weekday) const { return m_open.value(weekday - 1); }
    QTimeEdit *opensEdit(int weekday) const { return m_opens.value(weekday - 1); }
    QTimeEdit *closesEdit(int weekday) const { return m_closes.value(weekday - 1); }
    QLineEdit *inviteEmailEdit() const { return m_inviteEmail; }
    QComboBox *inviteRoleCombo() const { return m_inviteRole; }
    QTableWidget *usersTable() const { return m_users; }
    // Owners and admins only; hidden for staff.
    AccessLogPanel *accessLogPanel() const { return m_accessLog; }
    TransferDestinationsBox *transferDestinationsBox() const { return m_transferDestinations; }
    const OrgSettings &settings() const { return m_settings; }

signals:
    void aboutRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *buildComputer(const QString &serverDescription);
    QWidget *buildClinic();
    QWidget *buildPeople();
    // This computer and the clinic side by side where both fit whole, one above the other where
    // they do not (a narrow window, longer words in Spanish).
    void arrangeColumns();

    QBoxLayout *m_columns = nullptr;
    QWidget *m_computerBox = nullptr;
    QWidget *m_clinicBox = nullptr;
    RetentionBox *m_retention = nullptr;
    MissedCallTextBackBox *m_textBack = nullptr;
    RemindersBox *m_reminders = nullptr;
    RedactionBox *m_redaction = nullptr;
    TransferDestinationsBox *m_transferDestinations = nullptr;
    void showSettings(const OrgSettings &settings);
    void showUsers(const QList<OrgUser> &users);
    bool mayChangeState(const OrgUser &user) const;
    void loadUsers();
    QList<OpeningPeriod> hoursFromForm() const;
    QString chosenTimeZone() const;
    void showPhoneCountryNote();
    void showClinicLanguageNote();

    ApiClient &m_api;
    ToastArea &m_toasts;
    OrgSettings m_settings;
    bool m_shown = false; // the clinic form holds m_settings, so it can differ from them
    QLabel *m_signedInAs = nullptr;
    QLineEdit *m_serverUrl = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_notifications = nullptr;
    QLineEdit *m_clinicName = nullptr;
    FieldMessage *m_clinicNameMessage = nullptr;
    QComboBox *m_timeZone = nullptr;
    FieldMessage *m_timeZoneMessage = nullptr;
    QComboBox *m_phoneCountry = nullptr;
    FieldMessage *m_phoneCountryMessage = nullptr;
    QComboBox *m_clinicLanguage = nullptr;
    FieldMessage *m_clinicLanguageMessage = nullptr;
    QList<QCheckBox *> m_open;
    QList<QTimeEdit *> m_opens;
    QList<QTimeEdit *> m_closes;
    FieldMessage *m_hoursMessage = nullptr;
    QLabel *m_extraPeriods = nullptr;
    QPushButton *m_saveClinic = nullptr;
    QLabel *m_clinicNote = nullptr;
    QTableWidget *m_users = nullptr;
    QList<OrgUser> m_shownUsers;
    QLineEdit *m_inviteEmail = nullptr;
    QLineEdit *m_inviteName = nullptr;
    QComboBox *m_inviteRole = nullptr;
    FieldMessage *m_inviteMessage = nullptr;
    QPushButton *m_inviteButton = nullptr;
    QWidget *m_inviteForm = nullptr;
    bool m_loadedOnce = false;
    AccessLogPanel *m_accessLog = nullptr;
};

} // namespace vox::ui
