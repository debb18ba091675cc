#pragma once

#include "ui/api/integrationstatus.h"
#include "ui/pages/page.h"

#include <QDateTime>
#include <QTimer>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vox::ui {

class ApiClient;
class FieldMessage;
class ToastArea;

// The clinic's own accounts: Twilio (texts, reminders, the AI's number: validated and linked to
// the AI step by step), Google Calendar (connected in the browser; the console notices when it
// is done) and the e-mail sender. Admins only.
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
    QLineEdit *twilioSidEdit() const { return m_sid; }
    QLineEdit *twilioTokenEdit() const { return m_token; }
    QLineEdit *twilioNumberEdit() const { return m_number; }
    QPushButton *twilioSaveButton() const { return m_twilioSave; }
    QLabel *twilioStatusLabel() const { return m_twilioStatus; }
    QString twilioProblem() const;
    QString twilioFieldProblem(const QString &field) const;
    // "validate: done", one line per step as shown.
    QStringList twilioStepTexts() const;
    QLabel *googleStatusLabel() const { return m_googleStatus; }
    QPushButton *googleConnectButton() const { return m_googleConnect; }
    bool isWaitingForGoogle() const { return m_googleWait.isActive(); }

    void validateAndSaveTwilio();
    void disconnectTwilio(bool confirm = true);
    void connectGoogle();
    void disconnectGoogle(bool confirm = true);
    void saveEmail();

private:
    void show(const IntegrationStatus &status);
    void showSteps(const QList<TwilioSyncStep> &steps, bool running);
    void showTwilio(const IntegrationStatus::Twilio &tw);
    // The connection the server's job was still finishing has settled: say how.
    void twilioSettled(const IntegrationStatus::Twilio &tw);
    void setTwilioEditing(bool editing);
    void clearTwilioProblems();

    ApiClient &m_api;
    ToastArea &m_toasts;
    IntegrationStatus m_status;
    QLabel *m_staffNote;
    QWidget *m_content;

    QLabel *m_twilioStatus;
    QWidget *m_twilioForm;
    QLineEdit *m_sid;
    QLineEdit *m_token;
    QLineEdit *m_number;
    FieldMessage *m_sidMessage;
    FieldMessage *m_tokenMessage;
    FieldMessage *m_numberMessage;
    FieldMessage *m_twilioMessage;
    QPushButton *m_twilioSave;
    QPushButton *m_twilioChange;
    QPushButton *m_twilioDisconnect;
    QList<QLabel *> m_stepLabels;
    QWidget *m_steps;

    QLabel *m_googleStatus;
    QPushButton *m_googleConnect;
    QPushButton *m_googleDisconnect;
    QTimer m_googleWait;
    // While Twilio is being connected, the page asks again now and then, in case no live event
    // reaches it (the event stream reconnecting).
    QTimer m_twilioPoll;
    bool m_followingTwilio = false; // this page started the connection the server is finishing
    QDateTime m_googleWaitUntil;

    QLabel *m_emailStatus;
    QLineEdit *m_from;
    QLineEdit *m_apiKey;
    FieldMessage *m_fromMessage;
    QPushButton *m_emailSave;

    bool m_twilioBusy = false;
    bool m_changingTwilio = false; // "Change account…" pressed: the form stays open
    bool m_loadedOnce = false;
};

} // namespace vox::ui
