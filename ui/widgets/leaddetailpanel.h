#pragma once

#include "ui/api/contactdetail.h"
#include "ui/api/liveevent.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace vox::ui {

class ApiClient;
class LeadEditDialog;
class PatientDataActions;
class ToastArea;

// One lead: how to reach them, how warm they are, what they asked about, their calls and
// appointments, and Call Back, which has the AI receptionist call them now. The call-back's
// progress (starting → dialling → on the call → ended) follows the live events.
class LeadDetailPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeadDetailPanel)

public:
    LeadDetailPanel(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    void showContact(const QString &contactId);
    void clear();
    QString contactId() const { return m_detail.contact.id; }
    // How the shown lead is called: their name, else their number; empty before it is read.
    QString contactName() const;
    void applyEvent(const LiveEvent &event);

    QPushButton *callBackButton() const { return m_callBack; }
    QPushButton *editButton() const { return m_edit; }
    // Opens the lead's edit dialog (returned, for tests; it deletes itself when closed).
    LeadEditDialog *edit();
    QString callBackStatus() const;
    // Skips the "Call now?" question (tests, and a future "don't ask again").
    void setConfirmCallBack(bool confirm) { m_confirm = confirm; }

signals:
    void contactShown();
    void openCall(const QString &callId);
    void newAppointment(const vox::ui::ContactRecord &contact);

private:
    void load();
    void render();
    void askCallBack();
    void startCallBack();
    void showCallBackStatus(const QString &status, const QString &detail = {});
    void followCallBack();

    ApiClient &m_api;
    ToastArea &m_toasts;
    PatientDataActions *m_patientData = nullptr;
    ContactDetail m_detail;
    QString m_wantedId;
    QString m_callBackId;
    bool m_confirm = true;

    QWidget *m_content;
    QLabel *m_placeholder;
    QLabel *m_name;
    QLabel *m_contactLine;
    QLabel *m_standing;
    QLabel *m_attention;
    QLabel *m_interests;
    QLabel *m_notes;
    QPushButton *m_callBack;
    QPushButton *m_book;
    QPushButton *m_edit;
    QLabel *m_callBackStatus;
    QTreeWidget *m_calls;
    QTreeWidget *m_appointments;
};

} // namespace vox::ui
