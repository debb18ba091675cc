#include "ui/widgets/remindersbox.h"

#include "core/remindermessage.h"
#include "ui/api/apiclient.h"
#include "ui/widgets/toastarea.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QTimeEdit>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

QJsonObject same(const QJsonObject &json)
{
    return json;
}

// Exactly `lines` whole lines tall, margins and frame included, so the last one shown is never
// cut through the middle.
QPlainTextEdit *templateEdit(QWidget *parent, int lines)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(lines * edit->fontMetrics().lineSpacing() +
                         int(2 * edit->document()->documentMargin()) + 2 * edit->frameWidth());
    return edit;
}

} // namespace

RemindersBox::RemindersBox(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : QGroupBox(tr("Reminders"), parent)
    , m_api(api)
    , m_toasts(toasts)
{
    setObjectName(u"remindersBox"_s);
    auto *layout = new QVBoxLayout(this);
    auto *note = new QLabel(tr("Patients are reminded of their appointments by themselves. A "
                               "text due in the quiet hours goes when they end, in the morning."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_enabled = new QCheckBox(tr("Send reminders automatically"), this);
    m_enabled->setObjectName(u"remindersEnabled"_s);
    layout->addWidget(m_enabled);

    auto *form = new QFormLayout;
    auto *when = new QHBoxLayout;
    m_atBooking = new QCheckBox(tr("When booked"), this);
    m_dayBefore = new QCheckBox(tr("24 h before"), this);
    m_twoHours = new QCheckBox(tr("2 h before"), this);
    for (QCheckBox *box : {m_atBooking, m_dayBefore, m_twoHours})
        when->addWidget(box);
    when->addStretch();
    form->addRow(tr("Send"), when);
    auto *how = new QHBoxLayout;
    m_sms = new QCheckBox(tr("SMS"), this);
    m_email = new QCheckBox(tr("E-mail"), this);
    how->addWidget(m_sms);
    how->addWidget(m_email);
    how->addStretch();
    form->addRow(tr("By"), how);
    auto *quiet = new QHBoxLayout;
    m_quietStart = new QTimeEdit(this);
    m_quietEnd = new QTimeEdit(this);
    for (QTimeEdit *edit : {m_quietStart, m_quietEnd})
        edit->setDisplayFormat(u"HH:mm"_s);
    m_quietStart->setAccessibleName(tr("Quiet hours start"));
    m_quietEnd->setAccessibleName(tr("Quiet hours end"));
    m_quietStart->setAccessibleDescription(
        tr("From this time no reminder is texted; it waits until quiet hours end"));
    m_quietEnd->setAccessibleDescription(
        tr("Reminders held back overnight are texted at this time, in the clinic's time zone"));
    quiet->addWidget(m_quietStart);
    quiet->addWidget(new QLabel(tr("to"), this));
    quiet->addWidget(m_quietEnd);
    quiet->addStretch();
    form->addRow(tr("Quiet hours"), quiet);
    m_smsTemplate = templateEdit(this, 4); // an SMS is at most a few lines
    m_smsTemplate->setObjectName(u"smsTemplate"_s);
    m_smsTemplate->setAccessibleDescription(
        tr("The reminder's text message; {first_name}, {service}, {date}, {time} and {clinic} "
           "are filled in for each patient"));
    form->addRow(tr("Text message"), m_smsTemplate);
    m_emailSubject = new QLineEdit(this);
    form->addRow(tr("E-mail subject"), m_emailSubject);
    m_emailSubject->setAccessibleDescription(tr("The subject line of the reminder e-mail"));
    m_emailTemplate = templateEdit(this, 8); // the default e-mail shows whole
    m_emailTemplate->setAccessibleDescription(
        tr("The reminder e-mail's text; the same placeholders as the text message are filled in"));
    form->addRow(tr("E-mail"), m_emailTemplate);
    layout->addLayout(form);

    auto *placeholders =
        new QLabel(tr("Placeholders: %1").arg(reminders::placeholders().join(u", "_s)), this);
    placeholders->setWordWrap(true);
    placeholders->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(placeholders);
    auto *spanish = new QLabel(tr("Patients whose contact prefers Spanish get the default words "
                                  "in Spanish; words you write are sent as written."),
                               this);
    spanish->setWordWrap(true);
    layout->addWidget(spanish);
    m_preview = new QLabel(this);
    m_preview->setObjectName(u"reminderPreview"_s);
    m_preview->setWordWrap(true);
    m_preview->setFrameShape(QFrame::StyledPanel);
    m_preview->setMargin(6);
    layout->addWidget(m_preview);
    m_segments = new QLabel(this);
    m_segments->setObjectName(u"reminderSegments"_s);
    layout->addWidget(m_segments);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_save = new QPushButton(tr("Save reminders"), this);
    m_save->setObjectName(u"saveReminders"_s);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, &RemindersBox::save);
    connect(m_smsTemplate, &QPlainTextEdit::textChanged, this, &RemindersBox::updatePreview);
    m_smsTemplate->setPlainText(reminders::defaultSmsTemplate);
}

void RemindersBox::updatePreview()
{
    const QString text = m_smsTemplate->toPlainText();
    const auto checked = reminders::checkTemplate(text, tr("Text message"));
    if (!checked) {
        m_preview->setText(checked.errorMessage());
        m_segments->clear();
        return;
    }
    const Session &session = m_api.session();
    QTimeZone zone(session.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const reminders::Preview p =
        reminders::preview(text, reminders::sampleFields(session.orgName, zone));
    m_preview->setText(p.text);
    const int limit =
        p.sms.segments > 1 ? p.sms.unitsPerSegment * p.sms.segments : p.sms.unitsPerSegment;
    m_segments->setText(tr("%n SMS part(s), %1 of %2 characters (%3)", nullptr, p.sms.segments)
                            .arg(p.sms.units)
                            .arg(limit)
                            .arg(p.sms.encoding == sms::Encoding::Gsm7
                                     ? tr("plain text")
                                     : tr("Unicode, fewer per part")));
}

void RemindersBox::refresh()
{
    const bool admin = m_api.session().isAdmin();
    for (QWidget *w : std::initializer_list<QWidget *>{
             m_enabled, m_atBooking, m_dayBefore, m_twoHours, m_sms, m_email, m_quietStart,
             m_quietEnd, m_smsTemplate, m_emailSubject, m_emailTemplate, m_save})
        w->setEnabled(admin);
    m_api.requestJson<QJsonObject>(
        "GET", u"/api/settings/reminders"_s, {}, nullptr, this,
        [this](Result<QJsonObject> plan) {
            if (!plan)
                return;
            m_enabled->setChecked(plan->value(u"enabled"_s).toBool());
            m_atBooking->setChecked(plan->value(u"at_booking"_s).toBool());
            m_dayBefore->setChecked(plan->value(u"day_before"_s).toBool());
            m_twoHours->setChecked(plan->value(u"two_hours_before"_s).toBool());
            m_sms->setChecked(plan->value(u"sms"_s).toBool());
            m_email->setChecked(plan->value(u"email"_s).toBool());
            m_quietStart->setTime(
                QTime::fromString(plan->value(u"quiet_start"_s).toString(), u"HH:mm"_s));
            m_quietEnd->setTime(
                QTime::fromString(plan->value(u"quiet_end"_s).toString(), u"HH:mm"_s));
            m_smsTemplate->setPlainText(plan->value(u"sms_template"_s).toString());
            m_emailSubject->setText(plan->value(u"email_subject"_s).toString());
            m_emailTemplate->setPlainText(plan->value(u"email_template"_s).toString());
        },
        &same);
}

void RemindersBox::save()
{
    const QJsonObject changes{{u"enabled"_s, m_enabled->isChecked()},
                              {u"at_booking"_s, m_atBooking->isChecked()},
                              {u"day_before"_s, m_dayBefore->isChecked()},
                              {u"two_hours_before"_s, m_twoHours->isChecked()},
                              {u"sms"_s, m_sms->isChecked()},
                              {u"email"_s, m_email->isChecked()},
                              {u"quiet_start"_s, m_quietStart->time().toString(u"HH:mm"_s)},
                              {u"quiet_end"_s, m_quietEnd->time().toString(u"HH:mm"_s)},
                              {u"sms_template"_s, m_smsTemplate->toPlainText()},
                              {u"email_subject"_s, m_emailSubject->text()},
                              {u"email_template"_s, m_emailTemplate->toPlainText()}};
    m_save->setEnabled(false);
    m_api.requestJson<QJsonObject>(
        "PUT", u"/api/settings/reminders"_s, {}, &changes, this,
        [this](Result<QJsonObject> saved) {
            m_save->setEnabled(true);
            if (!saved) {
                m_toasts.problem(saved.error());
                return;
            }
            m_toasts.success(tr("Reminders saved."));
        },
        &same);
}

} // namespace vox::ui
