#pragma once

#include "ui/api/todayentry.h"
#include "ui/pages/page.h"

#include <QTimer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace vox::ui {

class ApiClient;
class EmptyState;
class LiveCallsModel;
class LiveCallsPanel;
class TodayModel;
class ToastArea;

// Today: the front desk's home. One list of who needs a person today, the most pressing first
// (core/todayqueue.h orders it on the server), and for the chosen person Done, Called and
// Booked…, who looks after them, and a note. The actions sit under the list and act on the chosen
// row, so the list stays one Tab stop. Other consoles' marks arrive as live events. Above the
// list, while a call is in progress, the console's calls in progress (the Live page's and the
// dashboard's one list), each a way into the Live page.
class TodayPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TodayPage)

public:
    TodayPage(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    QString title() const override { return tr("Today"); }
    void refresh() override;
    void applyEvent(const LiveEvent &event) override;
    void activated() override;
    QString unsavedChanges() const override;
    void discardChanges() override;

    TodayModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    EmptyState *tableState() const { return m_tableState; }
    QPushButton *doneButton() const { return m_done; }
    QPushButton *calledButton() const { return m_called; }
    QPushButton *bookedButton() const { return m_booked; }
    QComboBox *ownerBox() const { return m_owner; }
    QLineEdit *noteField() const { return m_note; }
    QPushButton *saveNoteButton() const { return m_saveNote; }
    void selectEntry(const QString &id);
    // Shows the console's calls in progress above the list, while there are any.
    void setLiveCalls(LiveCallsModel &calls);
    LiveCallsPanel *livePanel() const { return m_livePanel; }
    QString chosenId() const { return m_chosenId; }

signals:
    // The list was read and shown (for tests and the status of the page).
    void loaded();
    // A call in progress was chosen in the panel: open it on the Live page.
    void liveCallRequested(const QString &callId);

private:
    const TodayEntry *chosen() const;
    void chosenRowChanged();
    void showChosen();
    void setState(const QString &state);
    void book();
    void setOwner();
    void saveNote();
    void send(const QJsonObject &changes);
    void updateEmptyState();

    ApiClient &m_api;
    ToastArea &m_toasts;
    TodayModel *m_model;
    QLabel *m_heading;
    LiveCallsPanel *m_livePanel = nullptr;
    QTableView *m_table;
    EmptyState *m_tableState;
    QLabel *m_chosenLabel;
    QPushButton *m_done;
    QPushButton *m_called;
    QPushButton *m_booked;
    QComboBox *m_owner;
    QLineEdit *m_note;
    QPushButton *m_saveNote;
    QList<TodayPerson> m_people;
    QString m_chosenId; // the entry the person chose; never swapped for a neighbour
    QTimer m_reloadDelay;
    bool m_loadedOnce = false;
    bool m_loading = false;
    bool m_failed = false;
};

} // namespace vox::ui
