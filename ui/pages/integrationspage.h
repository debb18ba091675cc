#pragma once

#include "core/result.h"
#include "ui/api/integrationstatus.h"
#include "ui/pages/page.h"
#include "ui/widgets/twiliocard.h"

#include <QDateTime>
#include <QTimer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vox::ui {

class ApiClient;
class FieldMessage;
class ToastArea;

// The clinic's own accounts: Twilio (texts, reminders, the AI's number: validated and linked to
// the AI step by step, in its own card), Google Calendar (connected in the browser; the console
// notices when it is done) and the e-mail sender. Admins only.
class IntegrationsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntegrationsPage)

public:
    IntegrationsPage(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    QString title() const override { return tr("Integrations"); }
    void refresh() override;
    void applyEvent(const LiveEvent &event) override;
    void activated() override;

    const IntegrationStatus &status() const { return m_status; }
    QLineEdit *twilioSidEdit() const { return m_twilio->sidEdit(); }
    QLineEdit *twilioTokenEdit() const { return m_twilio->tokenEdit(); }
    QLineEdit *twilioNumberEdit() const { return m_twilio->numberEdit(); }
    QPushButton *twilioSaveButton() const { return m_twilio->saveButton(); }
    QLabel *twilioStatusLabel() const { return m_twilio->statusLabel(); }
    QString twilioProblem() const { return m_twilio->problem(); }
    QString twilioFieldProblem(const QString &field) const { return m_twilio->fieldProblem(field); }
    // "validate: done", one line per step as shown.
    QStringList twilioStepTexts() const { return m_twilio->stepTexts(); }
    QLabel *googleStatusLabel() const { return m_googleStatus; }
    QLabel *emailStatusLabel() const { return m_emailStatus; }
    // Shown when every provider of the server is the sandbox.
    QLabel *sandboxNote() const { return m_sandboxNote; }
    QPushButton *googleConnectButton() const { return m_googleConnect; }
    bool isWaitingForGoogle() const { return m_googleWait.isActive(); }

    void validateAndSaveTwilio() { m_twilio->validateAndSave(); }
    void disconnectTwilio(bool confirm = true) { m_twilio->disconnectAccount(confirm); }
    void connectGoogle();
    void disconnectGoogle(bool confirm = true);
    void saveEmail();

private:
    void show(const IntegrationStatus &status);
    // Staff cannot change the accounts, but the front desk needs to know whether texts, e-mails
    // and the calendar work: a plain summary instead of the forms.
    void showToStaff(const Result<IntegrationStatus> &status);

    ApiClient &m_api;
    ToastArea &m_toasts;
    IntegrationStatus m_status;
    QLabel *m_staffNote;
    QWidget *m_adminArea = nullptr;
    QLabel *m_sandboxNote;
    QWidget *m_content;

    TwilioCard *m_twilio;

    QLabel *m_googleStatus;
    QPushButton *m_googleConnect;
    QPushButton *m_googleDisconnect;
    QTimer m_googleWait;
    QDateTime m_googleWaitUntil;

    QLabel *m_emailStatus;
    QLineEdit *m_from;
    QLineEdit *m_apiKey;
    FieldMessage *m_fromMessage;
    QPushButton *m_emailSave;

    bool m_loadedOnce = false;
};

} // namespace vox::ui
