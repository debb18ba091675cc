#include "ui/widgets/retentionbox.h"

#include "ui/api/apiclient.h"
#include "ui/api/privacyclient.h"
#include "ui/widgets/toastarea.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// 0 stands for "forever" (null on the server).
QJsonValue daysValue(const QSpinBox *spin)
{
    return spin->value() == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(spin->value());
}

void showDays(QSpinBox *spin, const QJsonValue &days)
{
    spin->setValue(days.isNull() || days.isUndefined() ? 0 : days.toInt());
}

} // namespace

RetentionBox::RetentionBox(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : QGroupBox(tr("Retention"), parent)
    , m_api(api)
    , m_toasts(toasts)
{
    setObjectName(u"retentionBox"_s);
    auto *layout = new QVBoxLayout(this);
    m_note = new QLabel(
        tr("Each night the content older than these windows is removed: recordings (also at "
           "Vapi), transcripts with their summaries, and the text of messages. That a call or "
           "message happened, its length, outcome and value stay. Patients on legal hold are "
           "skipped. New clinics start with recordings for 365 days and transcripts and messages "
           "for six years (2190 days), how long HIPAA asks for documentation to be kept."),
        this);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    auto *form = new QFormLayout;
    m_recordings = daysSpin();
    m_recordings->setObjectName(u"keepRecordingsDays"_s);
    m_transcripts = daysSpin();
    m_transcripts->setObjectName(u"keepTranscriptsDays"_s);
    m_messages = daysSpin();
    m_messages->setObjectName(u"keepMessageContentDays"_s);
    form->addRow(tr("Keep recordings"), m_recordings);
    form->addRow(tr("Keep transcripts"), m_transcripts);
    form->addRow(tr("Keep message content"), m_messages);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_save = new QPushButton(tr("Save retention"), this);
    m_save->setObjectName(u"saveRetention"_s);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, &RetentionBox::save);
}

QSpinBox *RetentionBox::daysSpin()
{
    auto *spin = new QSpinBox(this);
    spin->setRange(0, 36500);
    spin->setSpecialValueText(tr("Forever"));
    spin->setSuffix(tr(" days"));
    spin->setToolTip(tr("Down to 0 keeps it forever."));
    return spin;
}

void RetentionBox::refresh()
{
    const bool admin = m_api.session().isAdmin();
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_recordings, m_transcripts, m_messages, m_save})
        w->setEnabled(admin);
    PrivacyClient(m_api).get(this, [this](Result<QJsonObject> privacy) {
        if (!privacy) {
            m_toasts.problem(privacy.error());
            return;
        }
        showDays(m_recordings, privacy->value(u"keep_recordings_days"_s));
        showDays(m_transcripts, privacy->value(u"keep_transcripts_days"_s));
        showDays(m_messages, privacy->value(u"keep_message_content_days"_s));
    });
}

void RetentionBox::save()
{
    const QJsonObject changes{{u"keep_recordings_days"_s, daysValue(m_recordings)},
                              {u"keep_transcripts_days"_s, daysValue(m_transcripts)},
                              {u"keep_message_content_days"_s, daysValue(m_messages)}};
    m_save->setEnabled(false);
    PrivacyClient(m_api).update(changes, this, [this](Result<QJsonObject> saved) {
        m_save->setEnabled(true);
        if (!saved) {
            m_toasts.problem(saved.error());
            return;
        }
        m_toasts.success(tr("Retention saved."));
    });
}

} // namespace vox::ui
