#pragma once

#include "ui/api/integrationstatus.h"

#include <QGroupBox>
#include <QTimer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vox::ui {

class ApiClient;
class FieldMessage;
class ToastArea;

// The Integrations page's Twilio card: the clinic's account for texts, reminders and the AI's
// number. It checks the form, shows the connection's steps as the server reports them (validated,
// stored, then linked to the AI by a job the server finishes in the background) and says how it
// settled. The page owns the card and hands it each status it reads from the server.
class TwilioCard final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TwilioCard)

public:
    TwilioCard(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    void showStatus(const IntegrationStatus::Twilio &tw);

    QLineEdit *sidEdit() const { return m_sid; }
    QLineEdit *tokenEdit() const { return m_token; }
    QLineEdit *numberEdit() const { return m_number; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *statusLabel() const { return m_statusLabel; }
    QString problem() const;
    QString fieldProblem(const QString &field) const;
    // "validate: done", one line per step as shown.
    QStringList stepTexts() const;

    void validateAndSave();
    void disconnectAccount(bool confirm = true);

signals:
    // The server took the account and finishes the connection in the background: `assumed` is
    // the status to show until it says more.
    void connectionStarted(const IntegrationStatus::Twilio &assumed);
    // The server's state changed or is changing: the page asks for it again.
    void refreshWanted();

private:
    void showSteps(const QList<TwilioSyncStep> &steps, bool running);
    // The connection the server's job was still finishing has settled: say how.
    void settled(const IntegrationStatus::Twilio &tw);
    void setEditing(bool editing);
    void clearProblems();
    static QString stepName(const QString &step);

    ApiClient &m_api;
    ToastArea &m_toasts;
    IntegrationStatus::Twilio m_twilio;

    QLabel *m_statusLabel;
    QWidget *m_form;
    QLineEdit *m_sid;
    QLineEdit *m_token;
    QLineEdit *m_number;
    FieldMessage *m_sidMessage;
    FieldMessage *m_tokenMessage;
    FieldMessage *m_numberMessage;
    FieldMessage *m_message;
    QPushButton *m_save;
    QPushButton *m_change;
    QPushButton *m_disconnect;
    QList<QLabel *> m_stepLabels;
    QWidget *m_steps;
    // While Twilio is being connected, the card asks again now and then, in case no live event
    // reaches the page (the event stream reconnecting).
    QTimer m_poll;

    bool m_following = false; // this card started the connection the server is finishing
    bool m_busy = false;
    bool m_changing = false; // "Change account…" pressed: the form stays open
};

} // namespace vox::ui
