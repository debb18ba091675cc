#include "ui/widgets/missedcalltextbackbox.h"

#include "core/missedcall.h"
#include "ui/api/apiclient.h"
#include "ui/widgets/toastarea.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {
const QString path = u"/api/org/missed-call-textback"_s;
} // namespace

MissedCallTextBackBox::MissedCallTextBackBox(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : QGroupBox(tr("Missed-call text-back"), parent)
    , m_api(api)
    , m_toasts(toasts)
{
    setObjectName(u"missedCallTextBackBox"_s);
    auto *layout = new QVBoxLayout(this);
    auto *note = new QLabel(tr("When a caller reaches nobody (hangs up during the greeting, "
                               "silence, voicemail, a transfer nobody took, a failed call), "
                               "they get one text so they can answer or wait for a call back. "
                               "Numbers that opted out, landlines and toll-free numbers get "
                               "none. A call in the quiet hours (Reminders) is texted back when "
                               "they end."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *form = new QFormLayout;
    m_enabled = new QCheckBox(tr("Text callers we missed"), this);
    m_enabled->setObjectName(u"textBackEnabled"_s);
    m_template = new QLineEdit(this);
    m_template->setObjectName(u"textBackTemplate"_s);
    m_template->setMaxLength(480);
    m_template->setToolTip(tr("{clinic} becomes the clinic's name. Empty: the default wording."));
    m_hours = new QSpinBox(this);
    m_hours->setObjectName(u"textBackHours"_s);
    m_hours->setRange(1, 720);
    m_hours->setSuffix(tr(" hours"));
    m_hours->setToolTip(tr("A number is texted back at most once in this time."));
    m_preview = new QLabel(this);
    m_preview->setObjectName(u"textBackPreview"_s);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), m_enabled);
    form->addRow(tr("Message:"), m_template);
    form->addRow(tr("Callers get:"), m_preview);
    form->addRow(tr("Once per number every:"), m_hours);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_save = new QPushButton(tr("Save text-back"), this);
    m_save->setObjectName(u"saveTextBack"_s);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    connect(m_template, &QLineEdit::textChanged, this, &MissedCallTextBackBox::updatePreview);
    connect(m_save, &QPushButton::clicked, this, &MissedCallTextBackBox::save);
    updatePreview();
}

void MissedCallTextBackBox::refresh()
{
    const bool admin = m_api.session().isAdmin();
    for (QWidget *w : std::initializer_list<QWidget *>{m_enabled, m_template, m_hours, m_save})
        w->setEnabled(admin);
    m_api.requestObject("GET", path, {}, nullptr, this, [this](Result<QJsonObject> setting) {
        if (!setting)
            return; // an older server without the setting: the box stays as it is
        showSetting(*setting);
        emit loaded();
    });
}

void MissedCallTextBackBox::showSetting(const QJsonObject &setting)
{
    m_clinicName = setting.value(u"clinic_name"_s).toString();
    m_defaultTemplate = setting.value(u"default_template"_s).toString();
    m_template->setPlaceholderText(m_defaultTemplate);
    m_enabled->setChecked(setting.value(u"enabled"_s).toBool());
    m_template->setText(setting.value(u"template"_s).toString());
    m_hours->setValue(setting.value(u"hours"_s).toInt(24));
    updatePreview();
}

void MissedCallTextBackBox::updatePreview()
{
    // The same rule the server sends with, so what is shown is what callers get.
    m_preview->setText(missedcall::textBackBody(m_clinicName, m_template->text()));
}

void MissedCallTextBackBox::save()
{
    const QString wording = m_template->text().trimmed();
    const QJsonObject changes{
        {u"enabled"_s, m_enabled->isChecked()},
        {u"template"_s, wording.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(wording)},
        {u"hours"_s, m_hours->value()}};
    m_save->setEnabled(false);
    m_api.requestObject("PUT", path, {}, &changes, this, [this](Result<QJsonObject> stored) {
        m_save->setEnabled(true);
        if (!stored) {
            m_toasts.problem(stored.error());
            return;
        }
        showSetting(*stored);
        m_toasts.success(tr("Missed-call text-back saved."));
        emit saved();
    });
}

} // namespace vox::ui
