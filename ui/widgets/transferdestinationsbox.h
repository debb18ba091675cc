#pragma once

#include "ui/api/livedeskclient.h"

#include <QGroupBox>
#include <QList>
#include <QTime>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimeEdit;

namespace vox::ui {

class ApiClient;
class FieldMessage;
class ToastArea;

// Settings → Transfer destinations: where callers are put through to a person (the front desk, a
// named person, an on-call number), in the order the AI tries them, each with its number, a
// description for the people choosing one, the hours it takes calls (the clinic's time zone) and
// whether it is for emergencies. Admins add, change, remove and reorder them (Move up / Move down,
// Alt+Up / Alt+Down anywhere in the box); others read them. The number is checked before it is
// sent: written with
// + and its country code, as the telephone network needs it.
class TransferDestinationsBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferDestinationsBox)

public:
    TransferDestinationsBox(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    void refresh();
    // Wide enough to show every column of the table whole beside the move buttons.
    QSize sizeHint() const override;
    // For tests and screenshots: shows `destinations` as if the server had listed them.
    void showDestinations(const QList<TransferDestination> &destinations);

    QTableWidget *table() const { return m_table; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *numberEdit() const { return m_number; }
    QLineEdit *descriptionEdit() const { return m_description; }
    FieldMessage *descriptionMessage() const { return m_descriptionMessage; }
    QPushButton *moveUpButton() const { return m_moveUp; }
    QPushButton *moveDownButton() const { return m_moveDown; }
    FieldMessage *nameMessage() const { return m_nameMessage; }
    FieldMessage *numberMessage() const { return m_numberMessage; }
    QCheckBox *dayCheck(int weekday) const { return m_days.value(weekday - 1); }
    QTimeEdit *opensEdit() const { return m_opens; }
    QTimeEdit *closesEdit() const { return m_closes; }
    QCheckBox *allDayCheck() const { return m_allDay; }
    QCheckBox *emergencyCheck() const { return m_emergency; }
    QPushButton *newButton() const { return m_new; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *removeButton() const { return m_remove; }

    // What the form would send, or nothing when a field is wrong (its message then says why).
    std::optional<QJsonObject> checkedFields();
    void save();
    // Moves the chosen destination `steps` places (-1: up, 1: down) in the clinic's order.
    void move(int steps);

signals:
    void loaded();
    void saved();

private:
    // What the form shows, unsaved edits included: reordering reads the list again, and the
    // person's typing must survive it.
    struct FormState
    {
        QString name;
        QString number;
        QString description;
        QList<bool> days;
        QTime opens;
        QTime closes;
        bool allDay = false;
        bool emergency = false;
        bool hoursTouched = false;
    };
    FormState formState() const;
    void restoreForm(const FormState &state);
    // Shows `destinations` and, when the chosen one is still there, puts back the edits the form
    // had.
    void showKeepingEdits(const QList<TransferDestination> &destinations);
    void chosenChanged();
    void clearForm();
    void updateEnabled();
    void remove();
    // The chosen destination's row in the clinic's order, or -1.
    qsizetype chosenRow() const;

    ApiClient &m_api;
    ToastArea &m_toasts;
    LiveDeskClient m_client;
    QList<TransferDestination> m_destinations;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_name = nullptr;
    FieldMessage *m_nameMessage = nullptr;
    QLineEdit *m_number = nullptr;
    FieldMessage *m_numberMessage = nullptr;
    QLineEdit *m_description = nullptr;
    FieldMessage *m_descriptionMessage = nullptr;
    QList<QCheckBox *> m_days;
    QTimeEdit *m_opens = nullptr;
    QTimeEdit *m_closes = nullptr;
    QCheckBox *m_allDay = nullptr;
    FieldMessage *m_hoursMessage = nullptr;
    QCheckBox *m_emergency = nullptr;
    QLabel *m_readOnlyNote = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_moveUp = nullptr;
    QPushButton *m_moveDown = nullptr;
    QString m_editingId; // empty: the form makes a new destination
    // Stored hours that differ by day stay as they are unless the days or times are touched.
    bool m_hoursTouched = false;
    bool m_hoursVary = false;
    bool m_busy = false;
};

} // namespace vox::ui
