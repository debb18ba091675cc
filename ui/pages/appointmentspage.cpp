#include "ui/pages/appointmentspage.h"

#include "core/phonenumber.h"

#include "ui/api/apiclient.h"
#include "ui/models/appointmentsmodel.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/appointmentdialog.h"
#include "ui/widgets/columnfit.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/toastarea.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
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

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show:"), this));
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
    bar->addStretch();
    m_new->setObjectName(u"newAppointmentButton"_s);
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
    for (QWidget *w : std::initializer_list<QWidget *>{m_new, m_move, m_cancel, m_remind})
        bar->addWidget(w);
    layout->addLayout(bar);

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
    new ColumnFit(m_table, AppointmentsModel::PatientColumn,
                  {AppointmentsModel::WhenColumn, AppointmentsModel::PhoneColumn});
    m_tableState = new EmptyState(m_table, this);
    layout->addWidget(m_tableState, 1);

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

    connect(m_range, &QComboBox::currentIndexChanged, this, &AppointmentsPage::refresh);
    connect(m_new, &QPushButton::clicked, this, [this] { newAppointment(); });
    connect(m_move, &QPushButton::clicked, this, &AppointmentsPage::rescheduleSelected);
    connect(m_cancel, &QPushButton::clicked, this, [this] { cancelSelected(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AppointmentsPage::updateActions);
    connect(m_model, &AppointmentsModel::loadingChanged, this, &AppointmentsPage::updateState);
    connect(m_model, &AppointmentsModel::loaded, this, [this] {
        updateState();
        if (!m_pendingSelection.isEmpty()) {
            const int row = m_model->rowOf(m_pendingSelection);
            if (row >= 0)
                m_table->selectRow(row);
            m_pendingSelection.clear();
        }
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AppointmentsPage::updateActions);
    connect(m_model, &AppointmentsModel::loadFailed, this, [this](const Error &error) {
        m_tableState->showMessage(tr("The appointments could not be loaded."), error.message,
                                  [this] { refresh(); });
    });
    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(500);
    connect(&m_reloadDelay, &QTimer::timeout, this, &AppointmentsPage::refresh);
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

void AppointmentsPage::refresh()
{
    m_loadedOnce = true;
    if (const AppointmentRecord *a = selected(); a && m_pendingSelection.isEmpty())
        m_pendingSelection = a->id;
    const auto [from, to] =
        rangeFor(m_range->currentData().toString(), QDateTime::currentDateTimeUtc(),
                 DisplayFormat::clinicTimeZone());
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
                m_toasts.problem(receipt.error(), [this, method] { sendReminder(method); });
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
