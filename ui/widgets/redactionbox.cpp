#include "ui/widgets/redactionbox.h"

#include "ui/api/apiclient.h"
#include "ui/api/redactionclient.h"
#include "ui/widgets/toastarea.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

RedactionBox::RedactionBox(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : QGroupBox(tr("Redaction"), parent)
    , m_api(api)
    , m_toasts(toasts)
{
    setObjectName(u"redactionBox"_s);
    auto *layout = new QVBoxLayout(this);
    m_note = new QLabel(
        tr("What is checked is replaced by a [REDACTED] mark before transcripts, summaries, live "
           "lines, patients' texts and CSV exports are kept or leave the console. The caller's "
           "own number and name stay on the call and the contact, so you can always call back. "
           "New clinics redact all seven; a change applies to what is stored from then on."),
        this);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);

    const struct
    {
        QString name;
        QString label;
        QString description;
    } kinds[] = {
        {u"ssn"_s, tr("Social security numbers"),
         tr("123-45-6789, or nine digits after \"social security\".")},
        {u"card"_s, tr("Payment card numbers"),
         tr("13 to 19 digits that pass the card number checksum.")},
        {u"dob"_s, tr("Dates of birth"),
         tr("Dates after \"born\" or \"date of birth\", and dates two years back or more; "
            "appointment dates stay.")},
        {u"phone"_s, tr("Phone numbers said in the call"),
         tr("Numbers such as 555-123-4567 or +34 912 345 678; times and prices stay.")},
        {u"email"_s, tr("E-mail addresses"),
         tr("Written, or spoken as in \"jane dot doe at gmail dot com\".")},
        {u"address"_s, tr("Street addresses"),
         tr("A house number and street, such as 42 Oak Street, Apt 3B, and PO boxes.")},
        {u"medical_id"_s, tr("Medical record and insurance numbers"),
         tr("The number after MRN, medical record, patient ID, member ID or policy number.")},
    };
    for (const auto &kind : kinds) {
        auto *check = new QCheckBox(kind.label, this);
        check->setObjectName(u"redact_"_s + kind.name);
        check->setToolTip(kind.description);
        check->setAccessibleName(kind.label);
        check->setAccessibleDescription(kind.description);
        layout->addWidget(check);
        m_categories.append({kind.name, check});
    }

    m_state = new QLabel(this);
    m_state->setObjectName(u"redactionState"_s);
    m_state->setWordWrap(true);
    m_state->hide();
    layout->addWidget(m_state);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_save = new QPushButton(tr("Save redaction"), this);
    m_save->setObjectName(u"saveRedaction"_s);
    m_save->setAccessibleDescription(tr("Saves which kinds of patient data are redacted."));
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, &RedactionBox::save);
}

QCheckBox *RedactionBox::categoryCheck(const QString &name) const
{
    for (const Category &c : m_categories)
        if (c.name == name)
            return c.check;
    return nullptr;
}

void RedactionBox::refresh()
{
    const bool admin = m_api.session().isAdmin();
    for (const Category &c : std::as_const(m_categories))
        c.check->setEnabled(admin);
    m_save->setVisible(admin);
    RedactionClient(m_api).get(this, [this](Result<QJsonObject> settings) {
        if (!settings) {
            m_toasts.problem(settings.error());
            return;
        }
        show(*settings);
    });
}

void RedactionBox::show(const QJsonObject &settings)
{
    const QJsonArray chosen = settings.value(u"categories"_s).toArray();
    for (const Category &c : std::as_const(m_categories))
        c.check->setChecked(chosen.contains(c.name));
    QString state;
    if (!settings.value(u"redact_pii"_s).toBool(true))
        state = tr("Redaction is switched off for this clinic: text is kept as it was said.");
    else if (!m_api.session().isAdmin())
        state = tr("Only the clinic's owner or an admin can change these.");
    m_state->setText(state);
    m_state->setVisible(!state.isEmpty());
}

void RedactionBox::save()
{
    QJsonArray chosen;
    for (const Category &c : std::as_const(m_categories))
        if (c.check->isChecked())
            chosen.append(c.name);
    m_save->setEnabled(false);
    RedactionClient(m_api).update({{u"categories"_s, chosen}}, this,
                                  [this](Result<QJsonObject> saved) {
                                      m_save->setEnabled(true);
                                      if (!saved) {
                                          m_toasts.problem(saved.error());
                                          return;
                                      }
                                      show(*saved);
                                      m_toasts.success(tr("Redaction saved."));
                                  });
}

} // namespace vox::ui
