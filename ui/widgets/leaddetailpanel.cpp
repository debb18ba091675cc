#include "ui/widgets/leaddetailpanel.h"

#include "core/phonenumber.h"
#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/leadeditdialog.h"
#include "ui/widgets/patientdataactions.h"
#include "ui/widgets/temperaturedelegate.h"
#include "ui/widgets/toastarea.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

QTreeWidget *listWidget(const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    // The last column (a call's summary) takes what the others leave and is elided with "…";
    // a stretched last section would keep a default width and be cut off at the panel's edge.
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(int(headers.size()) - 1, QHeaderView::Stretch);
    tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    tree->setTextElideMode(Qt::ElideRight);
    tree->setMinimumHeight(110);
    return tree;
}

} // namespace

LeadDetailPanel::LeadDetailPanel(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_content(new QWidget(this))
    , m_placeholder(new QLabel(tr("Choose a lead to see their calls and appointments."), this))
{
    setObjectName(u"leadDetailPanel"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    outer->addWidget(m_placeholder, 1);
    outer->addWidget(m_content, 1);

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(12, 8, 12, 8);
    m_name = new QLabel(m_content);
    m_name->setObjectName(u"leadName"_s);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_contactLine = new QLabel(m_content);
    m_contactLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_standing = new QLabel(m_content);
    m_standing->setTextFormat(Qt::RichText);
    m_attention = new QLabel(m_content);
    m_attention->setObjectName(u"leadNeedsAttention"_s);
    m_attention->setWordWrap(true);
    m_attention->setText(
        tr("⚠ Needs attention: urgent, or a concern after a treatment. Call them today."));
    QFont bold = m_attention->font();
    bold.setBold(true);
    m_attention->setFont(bold);
    m_interests = new QLabel(m_content);
    m_interests->setWordWrap(true);
    m_notes = new QLabel(m_content);
    m_notes->setWordWrap(true);
    m_notes->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_name);
    layout->addWidget(m_contactLine);
    layout->addWidget(m_standing);
    layout->addWidget(m_attention);
    layout->addWidget(m_interests);
    layout->addWidget(m_notes);

    auto *actions = new QHBoxLayout;
    m_callBack = new QPushButton(tr("Call back now"), m_content);
    m_callBack->setObjectName(u"callBackButton"_s);
    m_callBack->setToolTip(tr("Your AI receptionist calls this person now"));
    m_book = new QPushButton(tr("Book appointment…"), m_content);
    m_book->setObjectName(u"bookForLeadButton"_s);
    actions->addWidget(m_callBack);
    actions->addWidget(m_book);
    m_edit = new QPushButton(tr("Edit…"), m_content);
    m_edit->setObjectName(u"editLeadButton"_s);
    m_edit->setToolTip(tr("Change the name, e-mail, status, language, texts or notes"));
    actions->addWidget(m_edit);
    actions->addStretch();
    layout->addLayout(actions);
    m_callBackStatus = new QLabel(m_content);
    m_callBackStatus->setObjectName(u"callBackStatus"_s);
    m_callBackStatus->setWordWrap(true);
    m_callBackStatus->hide();
    layout->addWidget(m_callBackStatus);
    m_patientData = new PatientDataActions(m_api, m_toasts, m_content);
    layout->addWidget(m_patientData);
    connect(m_patientData, &PatientDataActions::erased, this, [this] { clear(); });

    auto *callsBox = new QGroupBox(tr("Calls"), m_content);
    auto *callsLayout = new QVBoxLayout(callsBox);
    m_calls = listWidget({tr("When"), tr("Type"), tr("Length"), tr("Summary")}, callsBox);
    m_calls->setObjectName(u"leadCalls"_s);
    m_calls->setAccessibleName(tr("Calls with this lead"));
    m_calls->setAccessibleDescription(tr("Every call with this person; Enter opens one"));
    callsLayout->addWidget(m_calls);
    layout->addWidget(callsBox, 1);

    auto *appointmentsBox = new QGroupBox(tr("Appointments"), m_content);
    auto *appointmentsLayout = new QVBoxLayout(appointmentsBox);
    m_appointments = listWidget({tr("When"), tr("Service"), tr("Status")}, appointmentsBox);
    m_appointments->setObjectName(u"leadAppointments"_s);
    m_appointments->setAccessibleName(tr("Appointments of this lead"));
    m_appointments->setAccessibleDescription(tr("This person's appointments, past and coming"));
    appointmentsLayout->addWidget(m_appointments);
    layout->addWidget(appointmentsBox, 1);

    connect(m_callBack, &QPushButton::clicked, this, &LeadDetailPanel::askCallBack);
    connect(m_book, &QPushButton::clicked, this, [this] { emit newAppointment(m_detail.contact); });
    connect(m_edit, &QPushButton::clicked, this, [this] { edit(); });
    connect(m_calls, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit openCall(item->data(0, Qt::UserRole).toString());
    });
    clear();
}

void LeadDetailPanel::clear()
{
    m_detail = {};
    m_wantedId.clear();
    m_callBackId.clear();
    m_content->hide();
    m_placeholder->show();
}

void LeadDetailPanel::showContact(const QString &contactId)
{
    if (contactId != m_detail.contact.id) {
        m_callBackId.clear();
        m_callBackStatus->hide();
    }
    m_wantedId = contactId;
    load();
}

void LeadDetailPanel::load()
{
    const QString id = m_wantedId;
    m_api.contacts().get(id, this, [this, id](Result<ContactDetail> detail) {
        if (id != m_wantedId)
            return;
        if (!detail) {
            m_toasts.problem(detail.error(), [this] { load(); });
            return;
        }
        m_detail = *detail;
        render();
        emit contactShown();
    });
}

QString LeadDetailPanel::contactName() const
{
    const ContactRecord &c = m_detail.contact;
    if (c.id.isEmpty() || c.id != m_wantedId)
        return {};
    return c.name.isEmpty() ? phone::display(c.phoneNumber) : c.name;
}

void LeadDetailPanel::render()
{
    const ContactRecord &c = m_detail.contact;
    m_placeholder->hide();
    m_content->show();
    m_name->setText(DisplayFormat::personName(c.name));
    QStringList line{phone::display(c.phoneNumber)};
    if (!c.email.isEmpty())
        line << c.email;
    if (c.preferredLanguage == u"es")
        line << tr("Speaks Spanish");
    else if (c.preferredLanguage == u"en")
        line << tr("Speaks English");
    if (c.doNotText)
        line << tr("No text messages");
    m_contactLine->setText(line.join(u"  ·  "_s));
    m_standing->setText(
        tr("<span style=\"color: %1; font-weight: bold\">%2</span> · score %3 of 100 · %4")
            .arg(TemperatureDelegate::colorFor(c.leadTemperature).name(),
                 DisplayFormat::temperature(c.leadTemperature).toHtmlEscaped())
            .arg(c.leadScore)
            .arg(DisplayFormat::leadStatus(c.leadStatus).toHtmlEscaped()));
    m_attention->setVisible(c.needsAttention);
    m_interests->setText(c.serviceInterests.isEmpty()
                             ? tr("No services mentioned yet.")
                             : tr("Interested in: %1").arg(c.serviceInterests.join(u", "_s)));
    m_notes->setText(c.notes);
    m_notes->setVisible(!c.notes.isEmpty());
    m_patientData->showContact(c.id, c.name, c.legalHold);

    m_calls->clear();
    for (const CallRecord &call : std::as_const(m_detail.calls)) {
        auto *item = new QTreeWidgetItem(
            m_calls,
            {DisplayFormat::relativeDateTime(call.occurredAt, QDateTime::currentDateTimeUtc()),
             DisplayFormat::direction(call.direction), DisplayFormat::clock(call.durationSeconds),
             call.summary});
        item->setData(0, Qt::UserRole, call.id);
        item->setToolTip(3, call.summary);
    }
    if (m_detail.calls.isEmpty())
        new QTreeWidgetItem(m_calls, {tr("No calls yet")});
    for (int column = 0; column < 3; ++column)
        m_calls->resizeColumnToContents(column);

    m_appointments->clear();
    for (const AppointmentRecord &a : std::as_const(m_detail.appointments)) {
        new QTreeWidgetItem(
            m_appointments,
            {DisplayFormat::relativeDateTime(a.scheduledTime, QDateTime::currentDateTimeUtc()),
             a.serviceName, DisplayFormat::appointmentStatus(a.status)});
    }
    if (m_detail.appointments.isEmpty())
        new QTreeWidgetItem(m_appointments, {tr("No appointments yet")});
    m_appointments->resizeColumnToContents(0);
    m_appointments->resizeColumnToContents(1);
}

LeadEditDialog *LeadDetailPanel::edit()
{
    if (m_detail.contact.id.isEmpty())
        return nullptr;
    auto *dialog = new LeadEditDialog(m_api, m_detail.contact, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = m_detail.contact.id;
    connect(dialog, &LeadEditDialog::saved, this, [this, id](const ContactDetail &detail) {
        if (id != m_detail.contact.id)
            return;
        m_detail = detail;
        render();
    });
    dialog->open();
    return dialog;
}

QString LeadDetailPanel::callBackStatus() const
{
    return m_callBackStatus->isVisible() ? m_callBackStatus->text() : QString();
}

void LeadDetailPanel::askCallBack()
{
    const ContactRecord c = m_detail.contact;
    if (c.id.isEmpty())
        return;
    if (!m_confirm) {
        startCallBack();
        return;
    }
    Confirmation{tr("Call back"),
                 tr("Call %1 at %2 now? Your AI receptionist will place the call.")
                     .arg(c.displayName(), phone::display(c.phoneNumber)),
                 tr("Call now"), QString(), u"callBackConfirmation"_s}
        .open(this, [this] { startCallBack(); });
}

void LeadDetailPanel::startCallBack()
{
    const QString contactId = m_detail.contact.id;
    m_callBack->setEnabled(false);
    showCallBackStatus(u"pending"_s);
    m_api.contacts().callBack(contactId, this, [this, contactId](Result<CallBackStarted> started) {
        m_callBack->setEnabled(true);
        if (contactId != m_detail.contact.id)
            return;
        if (!started) {
            showCallBackStatus(u"failed"_s, started.errorMessage());
            m_toasts.problem(started.error(), [this] { startCallBack(); });
            return;
        }
        m_callBackId = started->callId;
        showCallBackStatus(started->status.isEmpty() ? u"initiated"_s : started->status);
    });
}

void LeadDetailPanel::showCallBackStatus(const QString &status, const QString &detail)
{
    QString text;
    if (status == u"pending")
        text = tr("Call-back: starting the call…");
    else if (status == u"initiated" || status == u"queued" || status == u"ringing")
        text = tr("Call-back: dialling %1…").arg(phone::display(m_detail.contact.phoneNumber));
    else if (status == u"in-progress")
        text = tr("Call-back: on the call now.");
    else if (status == u"ended")
        text = tr("Call-back: the call has ended.");
    else if (status == u"failed")
        text = detail.isEmpty() ? tr("Call-back: the call could not be made.")
                                : tr("Call-back failed: %1").arg(detail);
    else
        text = tr("Call-back: %1").arg(DisplayFormat::callStatus(status));
    m_callBackStatus->setText(text);
    m_callBackStatus->setProperty("status", status);
    m_callBackStatus->show();
}

void LeadDetailPanel::followCallBack()
{
    if (m_callBackId.isEmpty())
        return;
    const QString callId = m_callBackId;
    m_api.calls().get(callId, this, [this, callId](Result<CallRecord> call) {
        if (!call || callId != m_callBackId)
            return;
        showCallBackStatus(call->status, call->endedReason);
        if (call->status == u"ended")
            load();
    });
}

void LeadDetailPanel::applyEvent(const LiveEvent &event)
{
    if (m_detail.contact.id.isEmpty())
        return;
    if (!m_callBackId.isEmpty() && (event.entityId == m_callBackId ||
                                    event.payload.value(u"call_id"_s).toString() == m_callBackId ||
                                    event.payload.value(u"callId"_s).toString() == m_callBackId)) {
        followCallBack();
        return;
    }
    if (event.entityId == m_detail.contact.id ||
        event.payload.value(u"contact_id"_s).toString() == m_detail.contact.id)
        load();
}

} // namespace vox::ui
