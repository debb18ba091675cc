#include "ui/widgets/leadeditdialog.h"

#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/fieldmessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// "" and null both mean "none" to the server; send null for an emptied field.
QJsonValue textOrNull(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? QJsonValue() : QJsonValue(trimmed);
}

} // namespace

LeadEditDialog::LeadEditDialog(ApiClient &api, const ContactRecord &contact, QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_contact(contact)
    , m_name(new QLineEdit(contact.name, this))
    , m_email(new QLineEdit(contact.email, this))
    , m_status(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_doNotText(new QCheckBox(tr("Do not send text messages"), this))
    , m_notes(new QPlainTextEdit(contact.notes, this))
    , m_buttons(new QDialogButtonBox(this))
{
    setObjectName(u"leadEditDialog"_s);
    setWindowTitle(tr("Edit lead"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    const auto row = [&](const QString &label, QWidget *field, const QString &apiField,
                         const QString &description) {
        auto *message = new FieldMessage(this);
        m_messages.insert(apiField, message);
        field->setObjectName(u"leadEdit_"_s + apiField);
        field->setAccessibleName(label);
        field->setAccessibleDescription(description);
        addFieldRow(form, label, field, message, this);
    };

    m_name->setMaxLength(200);
    row(tr("Name"), m_name, u"name"_s, tr("The lead's name as the clinic writes it"));
    m_email->setMaxLength(254);
    m_email->setPlaceholderText(tr("name@example.com"));
    row(tr("E-mail"), m_email, u"email"_s, tr("Where reminders by e-mail go"));
    for (const QString &status : {u"new"_s, u"contacted"_s, u"booked"_s, u"lost"_s})
        m_status->addItem(DisplayFormat::leadStatus(status), status);
    m_status->setCurrentIndex(qMax(0, m_status->findData(contact.leadStatus)));
    row(tr("Status"), m_status, u"lead_status"_s,
        tr("Lost takes the lead off the call-back list; New or Contacted puts it back"));
    m_language->addItem(tr("Not set"), QString());
    m_language->addItem(tr("English"), u"en"_s);
    m_language->addItem(tr("Spanish"), u"es"_s);
    m_language->setCurrentIndex(qMax(0, m_language->findData(contact.preferredLanguage)));
    row(tr("Language"), m_language, u"preferred_language"_s,
        tr("The language to speak and write to this person in"));
    m_doNotText->setChecked(contact.doNotText);
    row(tr("Texts"), m_doNotText, u"do_not_text"_s,
        tr("When checked, the clinic sends this person no SMS"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(80);
    row(tr("Notes"), m_notes, u"notes"_s, tr("Anything the front desk should know"));
    layout->addLayout(form);
    auto *general = new FieldMessage(this); // what is not about one field (offline, say)
    general->setObjectName(u"leadEditProblem"_s);
    m_messages.insert(QString(), general);
    layout->addWidget(general);

    m_save = m_buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(u"leadEditSave"_s);
    m_save->setDefault(true);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LeadEditDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QJsonObject LeadEditDialog::changes() const
{
    QJsonObject out;
    if (m_name->text().trimmed() != m_contact.name)
        out.insert(u"name"_s, textOrNull(m_name->text()));
    if (m_email->text().trimmed() != m_contact.email)
        out.insert(u"email"_s, textOrNull(m_email->text()));
    const QString status = m_status->currentData().toString();
    if (status != m_contact.leadStatus)
        out.insert(u"lead_status"_s, status);
    const QString language = m_language->currentData().toString();
    if (language != m_contact.preferredLanguage)
        out.insert(u"preferred_language"_s, textOrNull(language));
    if (m_doNotText->isChecked() != m_contact.doNotText)
        out.insert(u"do_not_text"_s, m_doNotText->isChecked());
    if (m_notes->toPlainText().trimmed() != m_contact.notes)
        out.insert(u"notes"_s, textOrNull(m_notes->toPlainText()));
    return out;
}

QString LeadEditDialog::problemFor(const QString &field) const
{
    const FieldMessage *message = m_messages.value(field);
    return message && message->hasProblem() ? message->text() : QString();
}

void LeadEditDialog::save()
{
    for (FieldMessage *message : std::as_const(m_messages))
        message->clear();
    const QJsonObject body = changes();
    if (body.isEmpty()) {
        accept();
        return;
    }
    m_save->setEnabled(false);
    m_api.contacts().update(m_contact.id, body, this, [this](Result<ContactDetail> detail) {
        m_save->setEnabled(true);
        if (!detail) {
            showProblem(detail.error());
            return;
        }
        emit saved(*detail);
        accept();
    });
}

void LeadEditDialog::showProblem(const Error &error)
{
    // The server names the field it refused; an older name maps to the field shown here.
    QString field = error.subject;
    if (field == u"contact_name")
        field = u"name"_s;
    FieldMessage *message = m_messages.value(field);
    if (!message)
        message = m_messages.value(QString());
    message->showProblem(error.message);
}

} // namespace vox::ui
