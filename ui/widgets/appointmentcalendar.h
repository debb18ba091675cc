#pragma once

#include "ui/api/appointmentrecord.h"
#include "ui/api/orgsettings.h"
#include "ui/models/calendarlayout.h"

#include <QAbstractButton>
#include <QDate>
#include <QScrollArea>

namespace vox::ui {

class CalendarCanvas;
class CalendarHeader;

// One appointment on the grid: its time, patient and service, as much as the block's size allows
// (all of it in the tooltip and the accessible name). A cancelled one is drawn hollow, dashed and
// struck through, and says "Cancelled".
class AppointmentBlock final : public QAbstractButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppointmentBlock)

public:
    AppointmentBlock(const AppointmentRecord &appointment, QWidget *parent = nullptr);

    const AppointmentRecord &appointment() const { return m_appointment; }
    QString summary() const;
    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }
    void setBoldName(bool bold);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    AppointmentRecord m_appointment;
    bool m_selected = false;
    bool m_boldName = true;
};

// The appointments of a day or a week on a time grid of the clinic's opening hours (closed times
// shaded), one column per day; appointments at the same time sit side by side. Choosing a block
// says which appointment was chosen; the page keeps the selection.
class AppointmentCalendar final : public QScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppointmentCalendar)

public:
    explicit AppointmentCalendar(QWidget *parent = nullptr);

    void setDays(const QDate &first, int count);
    void setOpeningHours(const QList<OpeningPeriod> &hours);
    void setAppointments(const QList<AppointmentRecord> &appointments);
    void setSelectedId(const QString &id);
    // Today in the clinic, drawn in bold.
    void setToday(const QDate &today);

    QDate firstDay() const { return m_first; }
    QDate today() const { return m_today; }
    int dayCount() const { return m_days; }
    std::pair<int, int> hours() const { return m_hours; }
    QList<AppointmentBlock *> blocks() const { return m_blocks; }
    AppointmentBlock *blockOf(const QString &id) const;

signals:
    void appointmentChosen(const QString &id);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    friend class CalendarCanvas;
    void rebuild();
    void layOutBlocks();
    void scrollToFirstAppointment();

    CalendarCanvas *m_canvas;
    CalendarHeader *m_header;
    QDate m_first;
    int m_days = 1;
    QDate m_today;
    QList<OpeningPeriod> m_openingHours;
    QList<AppointmentRecord> m_appointments;
    QList<calendar::Placement> m_placed;
    QList<AppointmentBlock *> m_blocks;
    std::pair<int, int> m_hours{8, 18};
    QString m_selectedId;
    bool m_scrollToFirst = true;
};

} // namespace vox::ui
