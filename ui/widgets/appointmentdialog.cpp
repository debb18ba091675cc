#include "ui/widgets/appointmentdialog.h"

#include "core/phonenumber.h"
#include "ui/api/apiclient.h"
#include "ui/api/apierror.h"
#include "ui/models/displayformat.h"
#include "ui/telephony/telephonytext.h"
#include "ui/widgets/fieldmessage.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

AppointmentDialog::AppointmentDialog(ApiClient &api, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_who(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_phone(new QLineEdit(this))
    , m_phoneMessage(new FieldMessage(this))
    , m_service(new QComboBox(this))
    , m_date(new QDateEdit(this))
    , m_slots(new QListWidget(this))
    , m_slotNote(new QLabel(this))
    , m_notes(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setObjectName(u"appointmentDialog"_s);
    setWindowTitle(tr("New appointment"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_who->hide();
    form->addRow(m_who);
    m_name->setObjectName(u"appointmentName"_s);
    m_name->setPlaceholderText(tr("Jane Doe"));
    m_phone->setObjectName(u"appointmentPhone"_s);
    m_phone->setPlaceholderText(DisplayFormat::phoneExample());
    m_phoneMessage->setObjectName(u"appointmentPhoneMessage"_s);
    form->addRow(tr("Name:"), m_name);
    addFieldRow(form, tr("Phone:"), m_phone, m_phoneMessage, this);
    m_service->setObjectName(u"appointmentService"_s);
    form->addRow(tr("Service:"), m_service);
    m_date->setObjectName(u"appointmentDate"_s);
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(u"ddd d MMM yyyy"_s);
    const QDate today = DisplayFormat::inClinicZone(QDateTime::currentDateTimeUtc()).date();
    m_date->setMinimumDate(today);
    m_date->setDate(today);
    form->addRow(tr("Day:"), m_date);
    m_slots->setObjectName(u"appointmentSlots"_s);
    m_slots->setFlow(QListView::LeftToRight);
    m_slots->setWrapping(true);
    m_slots->setResizeMode(QListView::Adjust);
    m_slots->setSpacing(4);
    m_slots->setMinimumHeight(120);
    m_slots->setUniformItemSizes(true);
    form->addRow(tr("Free times:"), m_slots);
    m_slotNote->setWordWrap(true);
    m_slotNote->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_slotNote);
    m_notes->setObjectName(u"appointmentNotes"_s);
    m_notes->setPlaceholderText(tr("Optional"));
    form->addRow(tr("Notes:"), m_notes);
    layout->addLayout(form);
    m_problem->setObjectName(u"appointmentProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #c62828;"_s);
    m_problem->hide();
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("Book"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(u"appointmentSave"_s);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    setMinimumWidth(480);

    connect(buttons, &QDialogButtonBox::accepted, this, &AppointmentDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_service, &QComboBox::currentIndexChanged, this, &AppointmentDialog::loadSlots);
    connect(m_date, &QDateEdit::dateChanged, this, &AppointmentDialog::loadSlots);
    connect(m_slots, &QListWidget::currentRowChanged, this, &AppointmentDialog::validate);
    connect(m_name, &QLineEdit::textChanged, this, &AppointmentDialog::validate);
    connect(m_phone, &QLineEdit::textChanged, this, &AppointmentDialog::validate);
    connect(m_phone, &QLineEdit::editingFinished, this, [this] {
        if (m_contactId.isEmpty() && !m_phone->text().trimmed().isEmpty())
            checkedPhone(true);
    });
    loadServices();
    validate();
}

void AppointmentDialog::setContact(const ContactRecord &contact)
{
    m_contactId = contact.id;
    const QString number = phone::display(contact.phoneNumber);
    m_who->setText(tr("For <b>%1</b> (%2)")
                       .arg(contact.displayName().toHtmlEscaped(), number.toHtmlEscaped()));
    m_who->show();
    m_name->setText(contact.name);
    m_phone->setText(number);
    m_phoneMessage->clear();
    m_name->setEnabled(false);
    m_phone->setEnabled(false);
    validate();
}

void AppointmentDialog::setReschedule(const AppointmentRecord &appointment)
{
    m_rescheduleId = appointment.id;
    m_rescheduleServiceId = appointment.serviceId;
    setWindowTitle(tr("Move appointment"));
    m_save->setText(tr("Move"));
    ContactRecord contact;
    contact.id = appointment.contactId;
    contact.name = appointment.contactName;
    contact.phoneNumber = appointment.phoneNumber;
    setContact(contact);
    m_who->setText(tr("Move <b>%1</b>'s %2 from %3")
                       .arg(appointment.contactName.toHtmlEscaped(),
                            appointment.serviceName.toHtmlEscaped(),
                            DisplayFormat::dateTime(appointment.scheduledTime).toHtmlEscaped()));
    const int index = m_service->findData(appointment.serviceId);
    if (index >= 0)
        m_service->setCurrentIndex(index);
    m_service->setEnabled(false);
    const QDate day = DisplayFormat::inClinicZone(appointment.scheduledTime).date();
    if (day >= m_date->minimumDate())
        m_date->setDate(day);
}

void AppointmentDialog::setDate(const QDate &date)
{
    if (date >= m_date->minimumDate())
        m_date->setDate(date);
}

void AppointmentDialog::loadServices()
{
    m_service->setEnabled(false);
    m_api.services().list(this, [this](Result<QList<ServiceRecord>> services) {
        if (!services) {
            showProblem(services.errorMessage());
            return;
        }
        m_services.clear();
        m_service->blockSignals(true);
        m_service->clear();
        for (const ServiceRecord &s : *services) {
            if (!s.active)
                continue;
            m_services << s;
            m_service->addItem(tr("%1 — %2 min, %3")
                                   .arg(s.name)
                                   .arg(s.durationMinutes)
                                   .arg(DisplayFormat::money(s.priceCents)),
                               s.id);
        }
        if (!m_rescheduleServiceId.isEmpty()) {
            const int index = m_service->findData(m_rescheduleServiceId);
            if (index >= 0)
                m_service->setCurrentIndex(index);
        }
        m_service->blockSignals(false);
        m_service->setEnabled(m_rescheduleId.isEmpty());
        loadSlots();
    });
}

void AppointmentDialog::loadSlots()
{
    const QString serviceId = m_service->currentData().toString();
    m_slots->clear();
    validate();
    if (serviceId.isEmpty())
        return;
    const int generation = ++m_slotGeneration;
    m_slotNote->setText(tr("Looking for free times…"));
    m_api.appointments().availability(
        m_date->date(), serviceId, m_rescheduleId, this,
        [this, generation](Result<QList<TimeSlot>> free) {
            if (generation != m_slotGeneration)
                return;
            if (!free) {
                m_slotNote->setText(free.errorMessage());
                return;
            }
            m_slots->clear();
            for (const TimeSlot &slot : *free) {
                auto *item = new QListWidgetItem(DisplayFormat::time(slot.start), m_slots);
                item->setData(Qt::UserRole, slot.start);
                item->setTextAlignment(Qt::AlignCenter);
                item->setSizeHint(QSize(72, 28));
            }
            m_slotNote->setText(free->isEmpty() ? tr("No free times on this day. Try "
                                                     "another day.")
                                                : tr("Times are in the clinic's time zone."));
            validate();
        });
}

QString AppointmentDialog::checkedPhone(bool insist)
{
    const Result<QString> number = phone::normalize(m_phone->text(), DisplayFormat::phoneCountry());
    if (number) {
        m_phoneMessage->clear();
        return *number;
    }
    if (m_phone->text().trimmed().isEmpty())
        m_phoneMessage->clear();
    else if (insist || m_phoneMessage->hasProblem())
        m_phoneMessage->showProblem(TelephonyText::phoneProblem(number.errorMessage()));
    return {};
}

void AppointmentDialog::validate()
{
    const bool person = !m_contactId.isEmpty() || !checkedPhone(false).isEmpty();
    m_save->setEnabled(!m_saving && person && m_slots->currentItem() != nullptr);
}

void AppointmentDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

void AppointmentDialog::save()
{
    QListWidgetItem *slot = m_slots->currentItem();
    if (m_saving || !slot)
        return;
    const QDateTime when = slot->data(Qt::UserRole).toDateTime();
    m_saving = true;
    showProblem({});
    validate();
    const auto done = [this](Result<AppointmentRecord> result) {
        m_saving = false;
        validate();
        if (!result) {
            if (result.error().subject == u"phone") {
                m_phoneMessage->showProblem(TelephonyText::phoneProblem(result.errorMessage()));
                m_phone->setFocus();
                return;
            }
            showProblem(result.errorMessage());
            // Someone else took the time meanwhile: offer what is still free.
            if (result.error().code == apierror::conflict)
                loadSlots();
            return;
        }
        emit saved(*result);
        accept();
    };
    if (!m_rescheduleId.isEmpty()) {
        m_api.appointments().reschedule(m_rescheduleId, when, this, done);
        return;
    }
    NewAppointment appointment;
    appointment.serviceId = m_service->currentData().toString();
    appointment.scheduledTime = when;
    appointment.contactId = m_contactId;
    appointment.name = m_name->text();
    // As typed: the server reads it in the clinic's country, whatever this console last heard.
    appointment.phone = m_phone->text();
    appointment.notes = m_notes->text();
    m_api.appointments().create(appointment, this, done);
}

} // namespace vox::ui
