#include "ui/pages/appointmentspage.h"

#include "core/phonenumber.h"

#include "ui/api/apiclient.h"
#include "ui/api/apierror.h"
#include "ui/models/appointmentsmodel.h"
#include "ui/models/calendarlayout.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/appointmentcalendar.h"
#include "ui/widgets/appointmentdialog.h"
#include "ui/widgets/columnfit.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/csvexportbutton.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/toastarea.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

AppointmentsPage::AppointmentsPage(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : Page(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_model(new AppointmentsModel(api, this))
    , m_range(new QComboBox(this))
    , m_rangeLabel(new QLabel(tr("Show:"), this))
    , m_listView(new QToolButton(this))
    , m_dayView(new QToolButton(this))
    , m_weekView(new QToolButton(this))
    , m_previous(new QToolButton(this))
    , m_today(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_periodLabel(new QLabel(this))
    , m_views(new QStackedWidget(this))
    , m_calendar(new AppointmentCalendar(this))
    , m_new(new QPushButton(tr("New appointment…"), this))
    , m_move(new QPushButton(tr("Move…"), this))
    , m_cancel(new QPushButton(tr("Cancel appointment"), this))
    , m_remind(new QToolButton(this))
    , m_table(new QTableView(this))
    , m_detail(new QLabel(this))
{
    setObjectName(u"appointmentsPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);

    // The way of looking: a list of a period, or a day or a week on a time grid.
    auto *bar = new QHBoxLayout;
    auto *views = new QButtonGroup(this);
    const auto viewButton = [&](QToolButton *button, const QString &name, const QString &text,
                                const QString &spoken, const QString &description, View view) {
        button->setObjectName(name);
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setAccessibleName(spoken);
        button->setAccessibleDescription(description);
        button->setToolTip(description);
        views->addButton(button, int(view));
        bar->addWidget(button);
    };
    viewButton(m_listView, u"appointmentsListView"_s, tr("List"), tr("List view"),
               tr("The appointments of a period, one per line"), View::List);
    viewButton(m_dayView, u"appointmentsDayView"_s, tr("Day"), tr("Day view"),
               tr("One day's appointments by time, within the opening hours"), View::Day);
    viewButton(m_weekView, u"appointmentsWeekView"_s, tr("Week"), tr("Week view"),
               tr("A week's appointments by time, a column per day"), View::Week);
    m_listView->setChecked(true);
    connect(views, &QButtonGroup::idClicked, this, [this](int id) { setView(View(id)); });
    bar->addSpacing(12);

    bar->addWidget(m_rangeLabel);
    m_range->setObjectName(u"appointmentsRange"_s);
    m_range->setAccessibleName(tr("Period shown"));
    m_range->setAccessibleDescription(tr("Which appointments the list shows"));
    m_range->addItem(tr("Today"), u"today"_s);
    m_range->addItem(tr("Next 7 days"), u"next7"_s);
    m_range->addItem(tr("Next 30 days"), u"next30"_s);
    m_range->addItem(tr("Past 7 days"), u"past7"_s);
    m_range->addItem(tr("Past 30 days"), u"past30"_s);
    m_range->setCurrentIndex(1);
    bar->addWidget(m_range);

    m_previous->setObjectName(u"appointmentsPrevious"_s);
    m_previous->setArrowType(Qt::LeftArrow);
    m_today->setObjectName(u"appointmentsToday"_s);
    m_today->setText(tr("Today"));
    m_today->setAccessibleName(tr("Go to today"));
    m_today->setAccessibleDescription(tr("Shows the grid of today"));
    m_next->setObjectName(u"appointmentsNext"_s);
    m_next->setArrowType(Qt::RightArrow);
    m_periodLabel->setObjectName(u"appointmentsPeriod"_s);
    QFont periodFont = m_periodLabel->font();
    periodFont.setBold(true);
    m_periodLabel->setFont(periodFont);
    for (QWidget *w : std::initializer_list<QWidget *>{m_previous, m_today, m_next})
        bar->addWidget(w);
    bar->addSpacing(8);
    bar->addWidget(m_periodLabel);
    connect(m_previous, &QToolButton::clicked, this, &AppointmentsPage::showPrevious);
    connect(m_next, &QToolButton::clicked, this, &AppointmentsPage::showNext);
    connect(m_today, &QToolButton::clicked, this, &AppointmentsPage::showToday);
    bar->addStretch();
    // The export takes what the list or the grid shows: the same period.
    m_export = new CsvExportButton(
        api, toasts, u"appointments"_s, tr("appointments"),
        [this] {
            QUrlQuery q;
            if (m_model->from().isValid())
                q.addQueryItem(u"from"_s, m_model->from().toUTC().toString(Qt::ISODateWithMs));
            if (m_model->to().isValid())
                q.addQueryItem(u"to"_s, m_model->to().toUTC().toString(Qt::ISODateWithMs));
            return q;
        },
        this);
    bar->addWidget(m_export);
    m_new->setObjectName(u"newAppointmentButton"_s);
    bar->addWidget(m_new);
    layout->addLayout(bar);

    m_move->setObjectName(u"moveAppointmentButton"_s);
    m_cancel->setObjectName(u"cancelAppointmentButton"_s);
    m_remind->setObjectName(u"reminderButton"_s);
    m_remind->setText(tr("Send reminder"));
    m_remind->setPopupMode(QToolButton::InstantPopup);
    m_remind->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(m_remind);
    menu->addAction(tr("By text message"), this, [this] { sendReminder(u"sms"_s); });
    menu->addAction(tr("By e-mail"), this, [this] { sendReminder(u"email"_s); });
    m_remind->setMenu(menu);

    m_table->setObjectName(u"appointmentsTable"_s);
    m_table->setAccessibleName(tr("Appointments"));
    m_table->setAccessibleDescription(tr("The appointments in the chosen period, earliest "
                                         "first"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);

    m_table->horizontalHeader()->setHighlightSections(false);
    // Columns are as wide as what they show; the patient's name takes what is left.
    // When narrow, where the booking came from and the reminder step aside first.
    new ColumnFit(m_table, AppointmentsModel::PatientColumn,
                  {AppointmentsModel::WhenColumn, AppointmentsModel::PhoneColumn},
                  {AppointmentsModel::SourceColumn, AppointmentsModel::ReminderColumn,
                   AppointmentsModel::LengthColumn});
    m_tableState = new EmptyState(m_table, this);
    m_views->addWidget(m_tableState);
    m_calendarState = new EmptyState(m_calendar, this);
    m_views->addWidget(m_calendarState);
    layout->addWidget(m_views, 1);
    connect(m_calendar, &AppointmentCalendar::appointmentChosen, this,
            &AppointmentsPage::selectAppointment);

    m_detail->setObjectName(u"appointmentDetail"_s);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setMinimumHeight(48);
    m_detail->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_detail->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_detail, &QLabel::linkActivated, this, [this](const QString &link) {
        const qsizetype colon = link.indexOf(u':');
        if (colon > 0)
            emit openRecordRequested(link.left(colon), link.mid(colon + 1));
    });
    layout->addWidget(m_detail);
    // The actions on the chosen appointment sit under it, the same in every view.
    auto *actions = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_move, m_cancel, m_remind})
        actions->addWidget(w);
    actions->addStretch();
    layout->addLayout(actions);

    connect(m_range, &QComboBox::currentIndexChanged, this, &AppointmentsPage::refresh);
    connect(m_new, &QPushButton::clicked, this, [this] { newAppointment(); });
    connect(m_move, &QPushButton::clicked, this, &AppointmentsPage::rescheduleSelected);
    connect(m_cancel, &QPushButton::clicked, this, [this] { cancelSelected(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AppointmentsPage::updateActions);
    connect(m_model, &AppointmentsModel::loadingChanged, this, &AppointmentsPage::updateState);
    connect(m_model, &AppointmentsModel::loaded, this, [this] {
        updateState();
        updateCalendar();
        if (!m_pendingSelection.isEmpty()) {
            const int row = m_model->rowOf(m_pendingSelection);
            if (row >= 0)
                m_table->selectRow(row);
            m_pendingSelection.clear();
        }
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AppointmentsPage::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AppointmentsPage::updateCalendar);
    connect(m_model, &AppointmentsModel::loadFailed, this, [this](const Error &error) {
        for (EmptyState *state : {m_tableState, m_calendarState})
            state->showMessage(tr("The appointments could not be loaded."), error.message,
                               [this] { refresh(); });
    });
    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(500);
    connect(&m_reloadDelay, &QTimer::timeout, this, &AppointmentsPage::refresh);
    updateViewControls();
    updateActions();
}

void AppointmentsPage::activated()
{
    if (!m_loadedOnce)
        refresh();
}

void AppointmentsPage::setRange(const QString &range)
{
    const int index = m_range->findData(range);
    if (index >= 0)
        m_range->setCurrentIndex(index);
}

void AppointmentsPage::setView(View view)
{
    if (view == m_view)
        return;
    m_view = view;
    if (!m_day.isValid())
        m_day = clinicToday();
    updateViewControls();
    refresh();
}

void AppointmentsPage::showDay(const QDate &day)
{
    m_day = day;
    updateViewControls();
    refresh();
}

void AppointmentsPage::showPrevious()
{
    showDay(dayShown().addDays(m_view == View::Week ? -7 : -1));
}

void AppointmentsPage::showNext()
{
    showDay(dayShown().addDays(m_view == View::Week ? 7 : 1));
}

void AppointmentsPage::showToday()
{
    showDay(clinicToday());
}

QDate AppointmentsPage::clinicToday() const
{
    return DisplayFormat::inClinicZone(QDateTime::currentDateTimeUtc()).date();
}

void AppointmentsPage::updateViewControls()
{
    const bool grid = m_view != View::List;
    m_listView->setChecked(m_view == View::List);
    m_dayView->setChecked(m_view == View::Day);
    m_weekView->setChecked(m_view == View::Week);
    // The chosen view in bold too: a pressed tool button is faint in some palettes.
    for (QToolButton *button : {m_listView, m_dayView, m_weekView}) {
        QFont font = button->font();
        font.setBold(button->isChecked());
        button->setFont(font);
    }
    m_rangeLabel->setVisible(!grid);
    m_range->setVisible(!grid);
    for (QWidget *w : std::initializer_list<QWidget *>{m_previous, m_today, m_next, m_periodLabel})
        w->setVisible(grid);
    m_views->setCurrentIndex(grid ? 1 : 0);
    const bool week = m_view == View::Week;
    m_previous->setAccessibleName(week ? tr("Previous week") : tr("Previous day"));
    m_previous->setToolTip(m_previous->accessibleName());
    m_previous->setAccessibleDescription(tr("Shows the grid before this one"));
    m_next->setAccessibleName(week ? tr("Next week") : tr("Next day"));
    m_next->setToolTip(m_next->accessibleName());
    m_next->setAccessibleDescription(tr("Shows the grid after this one"));
    const auto [first, count] =
        calendar::daysShown(week ? calendar::Span::Week : calendar::Span::Day, dayShown());
    const QLocale locale;
    m_periodLabel->setText(
        // The pattern is the translator's: Spanish says "martes, 8 de diciembre de 2026".
        count == 1 ? locale.toString(first, tr("dddd d MMMM yyyy", "date pattern of one day"))
                   : tr("%1 – %2").arg(locale.toString(first, u"d MMM"_s),
                                       locale.toString(first.addDays(count - 1), u"d MMM yyyy"_s)));
    m_calendar->setToday(clinicToday());
    m_calendar->setDays(first, count);
}

void AppointmentsPage::updateCalendar()
{
    QList<AppointmentRecord> shown;
    for (int row = 0; row < m_model->rowCount(); ++row)
        shown << *m_model->appointmentAt(row);
    m_calendar->setAppointments(shown);
    const AppointmentRecord *a = selected();
    m_calendar->setSelectedId(a ? a->id : QString());
}

void AppointmentsPage::selectAppointment(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
}

void AppointmentsPage::refresh()
{
    m_loadedOnce = true;
    if (const AppointmentRecord *a = selected(); a && m_pendingSelection.isEmpty())
        m_pendingSelection = a->id;
    if (m_view != View::List && !m_hoursRead) {
        // The grid shows the opening hours; until they are read it shows 8 to 18.
        m_hoursRead = true;
        m_api.settings().get(this, [this](Result<OrgSettings> settings) {
            if (!settings) {
                m_hoursRead = false;
                return;
            }
            m_openingHours = settings->businessHours;
            m_calendar->setOpeningHours(m_openingHours);
        });
    }
    const QTimeZone zone = DisplayFormat::clinicTimeZone();
    const auto [from, to] =
        m_view == View::List
            ? rangeFor(m_range->currentData().toString(), QDateTime::currentDateTimeUtc(), zone)
            : calendar::period(m_view == View::Week ? calendar::Span::Week : calendar::Span::Day,
                               m_day, zone);
    m_model->setRange(from, to);
    updateState();
}

std::pair<QDateTime, QDateTime>
AppointmentsPage::rangeFor(const QString &choice, const QDateTime &now, const QTimeZone &zone)
{
    const QDate today = now.toTimeZone(zone).date();
    const QDateTime startOfToday(today, QTime(0, 0), zone);
    const QDateTime endOfToday(today.addDays(1), QTime(0, 0), zone);
    // "Next" starts now and "past" ends now, so an appointment is in one of them, never both
    // (a cancelled one this afternoon included); "today" is the whole day.
    if (choice == u"next7")
        return {now, QDateTime(today.addDays(7), QTime(0, 0), zone)};
    if (choice == u"next30")
        return {now, QDateTime(today.addDays(30), QTime(0, 0), zone)};
    if (choice == u"past7")
        return {QDateTime(today.addDays(-7), QTime(0, 0), zone), now};
    if (choice == u"past30")
        return {QDateTime(today.addDays(-30), QTime(0, 0), zone), now};
    return {startOfToday, endOfToday};
}

void AppointmentsPage::updateState()
{
    // The grid is itself the answer when nothing is booked: empty hours.
    if (m_model->isLoading() && m_model->rowCount() == 0)
        m_calendarState->showMessage(tr("Loading appointments…"));
    else
        m_calendarState->showContent();
    if (m_model->isLoading() && m_model->rowCount() == 0)
        m_tableState->showMessage(tr("Loading appointments…"));
    else if (!m_model->isLoading() && m_model->rowCount() == 0)
        m_tableState->showMessage(tr("No appointments in this period."),
                                  tr("Book one with “New appointment”, or choose another "
                                     "period."));
    else
        m_tableState->showContent();
}

const AppointmentRecord *AppointmentsPage::selected() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->appointmentAt(current.row()) : nullptr;
}

void AppointmentsPage::updateActions()
{
    const AppointmentRecord *a = selected();
    m_calendar->setSelectedId(a ? a->id : QString());
    const bool active = a && a->isActive();
    const bool upcoming = active && a->scheduledTime > QDateTime::currentDateTimeUtc();
    m_move->setEnabled(upcoming);
    m_cancel->setEnabled(active);
    m_remind->setEnabled(upcoming);
    const QString why = !a        ? tr("Choose an appointment first")
                        : !active ? tr("This appointment is %1")
                                        .arg(DisplayFormat::appointmentStatus(a->status).toLower())
                                  : tr("This appointment has already started");
    m_move->setToolTip(upcoming ? tr("Move to another free time") : why);
    m_cancel->setToolTip(active ? tr("Cancel and free the time") : why);
    m_remind->setToolTip(upcoming ? tr("Remind the patient by text or e-mail") : why);
    if (!a) {
        m_detail->setText(tr("Choose an appointment to move it, cancel it or send a reminder."));
        return;
    }
    QStringList parts;
    parts
        << tr("<b>%1</b> — %2").arg(a->contactName.toHtmlEscaped(), a->serviceName.toHtmlEscaped());
    parts << DisplayFormat::dateTime(a->scheduledTime).toHtmlEscaped() + u" ("_s +
                 tr("%1 min").arg(a->durationMinutes) + u")"_s;
    parts << (a->confirmationSent ? tr("Reminder sent ✓") : tr("No reminder sent yet"));
    if (!a->notes.isEmpty())
        parts << tr("Notes: %1").arg(a->notes.toHtmlEscaped());
    // Booked by the AI on a call: the call (recording, transcript) is one click away.
    if (!a->callId.isEmpty())
        parts << u"<a href=\"call:%1\">%2</a>"_s.arg(a->callId.toHtmlEscaped(),
                                                     tr("Open the call that booked it"));
    if (!a->contactId.isEmpty())
        parts << u"<a href=\"contact:%1\">%2</a>"_s.arg(a->contactId.toHtmlEscaped(),
                                                        tr("Open the patient"));
    m_detail->setText(parts.join(u"  ·  "_s));
}

void AppointmentsPage::newAppointment(const ContactRecord &contact)
{
    auto *dialog = new AppointmentDialog(m_api, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!contact.id.isEmpty())
        dialog->setContact(contact);
    connect(dialog, &AppointmentDialog::saved, this, [this](const AppointmentRecord &a) {
        m_toasts.success(
            tr("Booked %1 for %2 on %3.")
                .arg(a.serviceName, a.contactName, DisplayFormat::dateTime(a.scheduledTime)));
        m_pendingSelection = a.id;
        refresh();
    });
    dialog->open();
}

void AppointmentsPage::rescheduleSelected()
{
    const AppointmentRecord *a = selected();
    if (!a)
        return;
    auto *dialog = new AppointmentDialog(m_api, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setReschedule(*a);
    connect(dialog, &AppointmentDialog::saved, this, [this](const AppointmentRecord &moved) {
        m_toasts.success(tr("Moved to %1.").arg(DisplayFormat::dateTime(moved.scheduledTime)));
        m_pendingSelection = moved.id;
        refresh();
    });
    dialog->open();
}

void AppointmentsPage::cancelSelected(bool confirm)
{
    const AppointmentRecord *a = selected();
    if (!a)
        return;
    const QString id = a->id;
    const auto cancel = [this, id] {
        m_api.appointments().cancel(id, QString(), this, [this](Result<AppointmentRecord> result) {
            if (!result) {
                m_toasts.problem(result.error());
                return;
            }
            m_model->update(*result);
            m_toasts.success(tr("The appointment was cancelled; the time is free again."));
        });
    };
    if (!confirm) {
        cancel();
        return;
    }
    Confirmation{
        tr("Cancel appointment"),
        tr("Cancel %1's %2 on %3?")
            .arg(a->contactName, a->serviceName, DisplayFormat::dateTime(a->scheduledTime)),
        tr("Cancel appointment"), tr("Keep it")}
        .open(this, cancel);
}

void AppointmentsPage::sendReminder(const QString &method)
{
    const AppointmentRecord *a = selected();
    if (!a)
        return;
    const QString id = a->id;
    m_remind->setEnabled(false);
    m_api.appointments().sendReminder(
        id, method, this, [this, id, method](Result<MessageSent> receipt) {
            updateActions();
            if (!receipt) {
                const Error &error = receipt.error();
                // Not set up: say where it is set up; pressing "Try again" would change nothing.
                if (apierror::isNotConfigured(error)) {
                    m_toasts.problem(method == u"sms"
                                         ? tr("Text messages are not set up for this clinic "
                                              "yet. An admin can connect Twilio under "
                                              "Integrations.")
                                         : tr("E-mail is not set up for this clinic yet. An "
                                              "admin can set it up under Integrations."));
                    return;
                }
                // Worth repeating only when the request did not get through; a refusal (no
                // e-mail address) stays one until someone changes the patient.
                const bool notThrough =
                    error.code == apierror::network || error.code == apierror::busy;
                m_toasts.problem(error, notThrough ? std::function<void()>(
                                                         [this, method] { sendReminder(method); })
                                                   : std::function<void()>());
                return;
            }
            // A number as the table shows it (and kept on one line), not as Twilio is given it.
            const QString to = method == u"sms"
                                   ? phone::display(receipt->recipient).replace(u' ', QChar(0x00A0))
                                   : receipt->recipient;
            if (!receipt->confirmed) {
                // No retry offered: a second text could reach the patient twice.
                m_toasts.info(
                    tr("Twilio did not confirm the reminder to %1. It may have arrived, so "
                       "do not send it again: Recent activity will show the outcome in a "
                       "few minutes.")
                        .arg(to));
                return;
            }
            if (const int row = m_model->rowOf(id); row >= 0) {
                AppointmentRecord updated = *m_model->appointmentAt(row);
                updated.confirmationSent = true;
                m_model->update(updated);
            }
            m_toasts.success(method == u"sms" ? tr("Reminder texted to %1.").arg(to)
                                              : tr("Reminder e-mailed to %1.").arg(to));
        });
}

void AppointmentsPage::applyEvent(const LiveEvent &event)
{
    if (m_loadedOnce && event.type.startsWith(u"appointment."_s))
        m_reloadDelay.start();
}

bool AppointmentsPage::openRecord(const QString &entityType, const QString &id)
{
    if (entityType != u"appointment")
        return false;
    m_pendingSelection = id;
    const int row = m_model->rowOf(id);
    if (row >= 0) {
        m_table->selectRow(row);
        m_pendingSelection.clear();
        return true;
    }
    refresh();
    return true;
}

} // namespace vox::ui
