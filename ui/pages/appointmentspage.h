#pragma once

#include "ui/api/contactrecord.h"
#include "ui/api/orgsettings.h"
#include "ui/pages/page.h"

#include <QDateTime>
#include <QTimer>
#include <QTimeZone>

#include <utility>

class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace vox::ui {

class ApiClient;
class AppointmentCalendar;
class AppointmentsModel;
class CsvExportButton;
struct AppointmentRecord;
class EmptyState;
class ToastArea;

// Appointments of a chosen range (today, the coming week, ...) as a list, or of a day or a week
// on a time grid of the opening hours: book a new one, move or cancel one, and send a reminder by
// text or e-mail; "Reminder: Sent" shows once one went out. The list and the grids share one
// selection, so the actions are the same in each.
class AppointmentsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppointmentsPage)

public:
    enum class View { List, Day, Week };

    AppointmentsPage(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    QString title() const override { return tr("Appointments"); }
    void refresh() override;
    void applyEvent(const LiveEvent &event) override;
    bool openRecord(const QString &entityType, const QString &id) override;
    void activated() override;

    AppointmentsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    CsvExportButton *exportButton() const { return m_export; }
    void setRange(const QString &range);
    void setView(View view);
    View view() const { return m_view; }
    AppointmentCalendar *calendar() const { return m_calendar; }
    // The day the grids show (its week in the week view); today when none was chosen.
    void showDay(const QDate &day);
    QDate dayShown() const { return m_day.isValid() ? m_day : clinicToday(); }
    // The grids step a day or a week at a time.
    void showPrevious();
    void showNext();
    void showToday();
    // Opens the booking dialog, for a known contact when one is given.
    void newAppointment(const ContactRecord &contact = {});
    void sendReminder(const QString &method);
    void cancelSelected(bool confirm = true);
    void rescheduleSelected();
    // The period a choice of the "Show" list means at `now` in the clinic's `zone`: "today" is
    // the whole day, "next…" starts now, "past…" ends now.
    static std::pair<QDateTime, QDateTime> rangeFor(const QString &choice, const QDateTime &now,
                                                    const QTimeZone &zone);

signals:
    // A link in the detail: the call that booked the appointment, or the patient.
    void openRecordRequested(const QString &entityType, const QString &id);

private:
    const AppointmentRecord *selected() const;
    void updateActions();
    void updateState();
    void updateCalendar();
    void updateViewControls();
    void selectAppointment(const QString &id);
    QDate clinicToday() const;

    ApiClient &m_api;
    ToastArea &m_toasts;
    AppointmentsModel *m_model;
    QComboBox *m_range;
    QLabel *m_rangeLabel;
    QToolButton *m_listView;
    QToolButton *m_dayView;
    QToolButton *m_weekView;
    QToolButton *m_previous;
    QToolButton *m_today;
    QToolButton *m_next;
    QLabel *m_periodLabel;
    QStackedWidget *m_views;
    AppointmentCalendar *m_calendar;
    EmptyState *m_calendarState;
    View m_view = View::List;
    QDate m_day;
    QList<OpeningPeriod> m_openingHours;
    bool m_hoursRead = false;
    QPushButton *m_new;
    CsvExportButton *m_export = nullptr;
    QPushButton *m_move;
    QPushButton *m_cancel;
    QToolButton *m_remind;
    QTableView *m_table;
    EmptyState *m_tableState;
    QLabel *m_detail;
    QTimer m_reloadDelay;
    QString m_pendingSelection;
    bool m_loadedOnce = false;
};

} // namespace vox::ui
