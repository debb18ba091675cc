#pragma once

#include "ui/api/apitypes.h"
#include "ui/api/appointmentrecord.h"
#include "ui/api/contactrecord.h"
#include "ui/api/servicerecord.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace vox::ui {

class ApiClient;
class FieldMessage;

// Books a new appointment, or moves an existing one: pick the service, then a day, then one of
// the free times the server offers for that service (business hours, buffers and other bookings
// already taken into account). A clash found at the last moment is explained, and the free times
// are read again.
class AppointmentDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppointmentDialog)

public:
    explicit AppointmentDialog(ApiClient &api, QWidget *parent = nullptr);

    // For a known contact (from a lead): no name or number to type.
    void setContact(const ContactRecord &contact);
    // Moves this appointment instead of creating one.
    void setReschedule(const AppointmentRecord &appointment);
    void setDate(const QDate &date);

    QComboBox *serviceBox() const { return m_service; }
    QListWidget *slotList() const { return m_slots; }
    QPushButton *saveButton() const { return m_save; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *phoneField() const { return m_phone; }
    FieldMessage *phoneMessage() const { return m_phoneMessage; }

signals:
    void saved(const vox::ui::AppointmentRecord &appointment);

private:
    void loadServices();
    void loadSlots();
    void validate();
    // The typed number in E.164, or empty with the reason under the field once `insist`
    // (the person left the field or pressed Book); a reason already shown follows the typing.
    QString checkedPhone(bool insist);
    void save();
    void showProblem(const QString &text);

    ApiClient &m_api;
    QList<ServiceRecord> m_services;
    QString m_contactId;
    QString m_rescheduleId;
    QString m_rescheduleServiceId;
    int m_slotGeneration = 0;
    bool m_saving = false;

    QLabel *m_who;
    QLineEdit *m_name;
    QLineEdit *m_phone;
    FieldMessage *m_phoneMessage;
    QComboBox *m_service;
    QDateEdit *m_date;
    QListWidget *m_slots;
    QLabel *m_slotNote;
    QLineEdit *m_notes;
    QLabel *m_problem;
    QPushButton *m_save;
};

} // namespace vox::ui
