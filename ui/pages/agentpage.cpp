#include "ui/pages/agentpage.h"

#include "ui/api/apiclient.h"
#include "ui/api/apierror.h"
#include "ui/api/privacyclient.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/toastarea.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// Vapi's PlayHT voices (the agent's default provider); another voice id can be typed.
const QStringList knownVoices{u"jennifer"_s, u"melissa"_s, u"ruby"_s, u"donna"_s,
                              u"will"_s,     u"chris"_s,   u"matt"_s, u"michael"_s};

QString voiceLabel(const QString &id)
{
    return id.isEmpty() ? id : id.at(0).toUpper() + id.mid(1);
}

} // namespace

AgentPage::AgentPage(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : Page(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_readOnlyNote(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_nameMessage(new FieldMessage(this))
    , m_voice(new QComboBox(this))
    , m_firstMessage(new QPlainTextEdit(this))
    , m_prompt(new QPlainTextEdit(this))
    , m_sync(new QLabel(this))
    , m_tools(new QLabel(this))
    , m_save(new QPushButton(tr("Save"), this))
    , m_revert(new QPushButton(tr("Undo changes"), this))
    , m_sendAgain(new QPushButton(tr("Send again"), this))
{
    setObjectName(u"agentPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);
    auto *intro = new QLabel(tr("How your AI receptionist introduces itself and what it knows "
                                "about the clinic."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_readOnlyNote->setObjectName(u"readOnlyNote"_s);
    m_readOnlyNote->setText(tr("Only the clinic's owner or an admin can change the agent."));
    m_readOnlyNote->hide();
    layout->addWidget(m_readOnlyNote);

    auto *form = new QFormLayout;
    m_name->setObjectName(u"agentNameEdit"_s);
    m_name->setAccessibleDescription(tr("The name the AI receptionist gives callers"));
    m_name->setMaxLength(100);
    m_nameMessage->setObjectName(u"agentNameMessage"_s);
    addFieldRow(form, tr("Name:"), m_name, m_nameMessage, this);
    m_voice->setObjectName(u"agentVoiceEdit"_s);
    m_voice->setAccessibleDescription(tr("The voice the AI receptionist speaks with"));
    m_voice->setEditable(true);
    m_voice->lineEdit()->setAccessibleName(tr("Voice"));
    m_voice->lineEdit()->setAccessibleDescription(tr("Choose a voice or type a voice's id"));
    for (const QString &voice : knownVoices)
        m_voice->addItem(voiceLabel(voice), voice);
    form->addRow(tr("Voice:"), m_voice);
    m_firstMessage->setObjectName(u"agentFirstMessageEdit"_s);
    m_firstMessage->setAccessibleDescription(tr("What the AI says when it answers a call"));
    m_firstMessage->setPlaceholderText(tr("Thank you for calling Glow Med Spa, this is Voxanne. "
                                          "How can I help you today?"));
    m_firstMessage->setFixedHeight(m_firstMessage->fontMetrics().lineSpacing() * 3 + 14);
    m_firstMessage->setTabChangesFocus(true);
    form->addRow(tr("First words:"), m_firstMessage);
    m_disclosure = new QCheckBox(tr("Start every call with the recording disclosure"), this);
    m_disclosure->setObjectName(u"recordingDisclosureCheck"_s);
    m_disclosure->setToolTip(tr("\"This call is recorded for quality and your care.\" Several US "
                                "states require every caller to be told; it is on by default "
                                "where the clinic's time zone covers one of them."));
    form->addRow(QString(), m_disclosure);
    m_heard = new QLabel(this);
    m_heard->setObjectName(u"firstMessageHeard"_s);
    m_heard->setWordWrap(true);
    m_heard->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_heard);
    connect(m_disclosure, &QCheckBox::clicked, this, &AgentPage::setDisclosure);
    layout->addLayout(form);
    auto *promptLabel = new QLabel(tr("Instructions (what the AI should know and how it should "
                                      "behave):"),
                                   this);
    layout->addWidget(promptLabel);
    m_prompt->setObjectName(u"agentPromptEdit"_s);
    m_prompt->setAccessibleName(tr("Instructions"));
    m_prompt->setAccessibleDescription(tr("How the AI receptionist behaves on calls"));
    m_prompt->setTabChangesFocus(true);
    promptLabel->setBuddy(m_prompt);
    layout->addWidget(m_prompt, 1);

    auto *syncBox = new QGroupBox(tr("Connection to the AI service"), this);
    auto *syncLayout = new QVBoxLayout(syncBox);
    m_sync->setObjectName(u"agentSyncStatus"_s);
    m_sync->setWordWrap(true);
    m_sync->setTextFormat(Qt::RichText);
    syncLayout->addWidget(m_sync);
    m_tools->setObjectName(u"agentTools"_s);
    m_tools->setWordWrap(true);
    m_tools->setForegroundRole(QPalette::PlaceholderText);
    syncLayout->addWidget(m_tools);
    auto *sendAgainRow = new QHBoxLayout;
    m_sendAgain->setObjectName(u"agentSendAgainButton"_s);
    m_sendAgain->setToolTip(tr("Send the saved settings to Vapi again."));
    m_sendAgain->hide();
    sendAgainRow->addWidget(m_sendAgain);
    sendAgainRow->addStretch();
    syncLayout->addLayout(sendAgainRow);
    layout->addWidget(syncBox);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_revert->setObjectName(u"agentRevertButton"_s);
    m_save->setObjectName(u"agentSaveButton"_s);
    m_save->setDefault(true);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &AgentPage::save);
    connect(m_sendAgain, &QPushButton::clicked, this, &AgentPage::sendAgain);
    connect(m_revert, &QPushButton::clicked, this, [this] { show(m_agent); });
    connect(m_name, &QLineEdit::textEdited, this, [this] {
        if (m_name->text().trimmed().isEmpty())
            m_nameMessage->showProblem(tr("Give the receptionist a name."));
        else
            m_nameMessage->clear();
        updateActions();
    });
    connect(m_voice, &QComboBox::currentTextChanged, this, &AgentPage::updateActions);
    connect(m_firstMessage, &QPlainTextEdit::textChanged, this, &AgentPage::updateActions);
    connect(m_prompt, &QPlainTextEdit::textChanged, this, &AgentPage::updateActions);
    m_syncPoll.setInterval(2000);
    connect(&m_syncPoll, &QTimer::timeout, this, [this] {
        m_api.agent().get(this, [this](Result<AgentConfig> agent) {
            if (agent)
                showSync(*agent);
        });
    });
    updateActions();
}

void AgentPage::activated()
{
    if (!m_loadedOnce)
        refresh();
}

void AgentPage::setFeatures(const FeatureAvailability &features)
{
    m_sandbox = features.sandbox;
    if (!m_agent.syncStatus.isEmpty())
        showSync(m_agent);
}

void AgentPage::refresh()
{
    m_loadedOnce = true;
    const bool admin = m_api.session().isAdmin();
    m_readOnlyNote->setVisible(!admin);
    for (QWidget *w : std::initializer_list<QWidget *>{m_save, m_revert})
        w->setVisible(admin);
    m_name->setReadOnly(!admin);
    m_voice->setEnabled(admin);
    m_firstMessage->setReadOnly(!admin);
    m_prompt->setReadOnly(!admin);
    m_disclosure->setEnabled(admin);
    if (isEdited())
        return; // keep what is being typed; "Undo changes" goes back
    m_api.agent().get(this, [this](Result<AgentConfig> agent) {
        if (!agent) {
            if (agent.error().code == apierror::notFound)
                m_sync->setText(tr("This server does not offer the agent's settings yet."));
            else
                m_toasts.problem(agent.error(), [this] { refresh(); });
            return;
        }
        show(*agent);
    });
}

void AgentPage::setDisclosure(bool on)
{
    m_disclosure->setEnabled(false);
    PrivacyClient(m_api).update(
        {{u"recording_disclosure"_s, on}}, this, [this, on](Result<QJsonObject> saved) {
            m_disclosure->setEnabled(true);
            if (!saved) {
                m_disclosure->setChecked(!on);
                m_toasts.problem(saved.error());
                return;
            }
            m_toasts.success(on ? tr("Callers will hear the recording disclosure first.")
                                : tr("Callers will no longer hear the recording disclosure."));
            if (!isEdited())
                refresh();
        });
}

void AgentPage::show(const AgentConfig &agent)
{
    m_agent = agent;
    m_shown = true;
    m_name->setText(agent.name);
    m_nameMessage->clear();
    const int known = m_voice->findData(agent.voice);
    if (known >= 0)
        m_voice->setCurrentIndex(known);
    else
        m_voice->setEditText(agent.voice);
    m_firstMessage->setPlainText(agent.firstMessage);
    m_disclosure->setChecked(agent.recordingDisclosure);
    m_heard->setText(tr("Callers hear: %1").arg(agent.firstMessageHeard));
    m_prompt->setPlainText(agent.systemPrompt);
    showSync(agent);
    updateActions();
}

void AgentPage::showSync(const AgentConfig &agent)
{
    m_agent.syncStatus = agent.syncStatus;
    m_agent.syncError = agent.syncError;
    m_agent.syncedAt = agent.syncedAt;
    m_agent.tools = agent.tools;
    m_agent.vapiAssistantId = agent.vapiAssistantId;
    const QString good = DisplayFormat::tone(DisplayFormat::Tone::Good).name();
    const QString bad = DisplayFormat::tone(DisplayFormat::Tone::Bad).name();
    const QString status = agent.syncStatus;
    const bool working = status == u"pending" || status == u"syncing";
    const QString error = agent.syncError.toHtmlEscaped();
    if (status == u"synced" && m_sandbox)
        m_sync->setText(tr("<span style=\"color:%1\">●</span> In sync with the sandbox's Vapi "
                           "(since %2): no real calls are answered with it.")
                            .arg(good, DisplayFormat::dateTime(agent.syncedAt)));
    else if (status == u"synced")
        m_sync->setText(tr("<span style=\"color:%1\">●</span> In sync with Vapi (since %2).")
                            .arg(good, DisplayFormat::dateTime(agent.syncedAt)));
    else if (status == u"pending" && error.isEmpty())
        m_sync->setText(tr("Saved · sending to Vapi…"));
    else if (status == u"pending")
        m_sync->setText(tr("Saved · sending to Vapi… %1").arg(error));
    else if (status == u"syncing")
        m_sync->setText(tr("Saved and sent to Vapi. Linking the AI's tools (booking, "
                           "availability, questions)…"));
    else if (status == u"send_failed")
        m_sync->setText(tr("<span style=\"color:%1\">●</span> Saved here, but not in sync with "
                           "Vapi. %2")
                            .arg(bad, error));
    else if (status == u"failed")
        m_sync->setText(tr("<span style=\"color:%1\">●</span> The AI's tools could not be "
                           "linked: %2")
                            .arg(bad, error));
    else
        m_sync->setText(tr("Not yet sent to the AI service."));
    // Sending again is saving the stored settings again: the same request, the same push. Never
    // sent, the settings still need that push, and Save stays off until something changes.
    const bool neverSent =
        !working && status != u"synced" && status != u"send_failed" && status != u"failed";
    m_sendAgain->setText(neverSent ? tr("Send to the AI service") : tr("Send again"));
    m_sendAgain->setToolTip(neverSent ? tr("Send the saved settings to Vapi.")
                                      : tr("Send the saved settings to Vapi again."));
    m_sendAgain->setVisible(m_api.session().isAdmin() &&
                            (neverSent || status == u"send_failed" || status == u"failed"));
    QStringList names;
    for (const AgentConfig::Tool &tool : agent.tools)
        names << tool.name;
    m_tools->setText(names.isEmpty() ? QString()
                                     : tr("Tools the AI can use: %1").arg(names.join(u", "_s)));
    m_tools->setVisible(!names.isEmpty());
    if (working && !m_syncPoll.isActive())
        m_syncPoll.start();
    else if (!working)
        m_syncPoll.stop();
}

bool AgentPage::isEdited() const
{
    if (m_agent.id.isEmpty())
        return false;
    const QString voice = currentVoice();
    return m_name->text() != m_agent.name || voice != m_agent.voice ||
           m_firstMessage->toPlainText() != m_agent.firstMessage ||
           m_prompt->toPlainText() != m_agent.systemPrompt;
}

QString AgentPage::currentVoice() const
{
    const int index = m_voice->findText(m_voice->currentText(), Qt::MatchFixedString);
    return index >= 0 ? m_voice->itemData(index).toString() : m_voice->currentText().trimmed();
}

QString AgentPage::unsavedChanges() const
{
    // A save on its way is not lost by leaving: its answer still lands here.
    return m_shown && !m_saving && isEdited() ? tr("The receptionist's changes are not saved.")
                                              : QString();
}

void AgentPage::discardChanges()
{
    show(m_agent);
}

void AgentPage::updateActions()
{
    const bool edited = isEdited();
    m_save->setEnabled(edited && !m_saving && !m_name->text().trimmed().isEmpty());
    m_revert->setEnabled(edited && !m_saving);
}

void AgentPage::save()
{
    if (m_saving || m_name->text().trimmed().isEmpty())
        return;
    AgentConfig changed = m_agent;
    changed.name = m_name->text();
    changed.voice = currentVoice();
    changed.firstMessage = m_firstMessage->toPlainText();
    changed.systemPrompt = m_prompt->toPlainText();
    m_saving = true;
    updateActions();
    m_sync->setText(tr("Saving…"));
    m_api.agent().save(changed, this, [this](Result<AgentConfig> saved) {
        m_saving = false;
        if (!saved) {
            showSync(m_agent);
            if (saved.error().subject == u"name")
                m_nameMessage->showProblem(saved.errorMessage());
            m_toasts.problem(saved.error());
            updateActions();
            return;
        }
        show(*saved);
        m_toasts.success(tr("The agent was saved."));
    });
}

void AgentPage::sendAgain()
{
    if (m_saving || m_agent.id.isEmpty())
        return;
    m_saving = true;
    updateActions();
    m_sendAgain->setEnabled(false);
    m_api.agent().save(m_agent, this, [this](Result<AgentConfig> sent) {
        m_saving = false;
        m_sendAgain->setEnabled(true);
        if (!sent) {
            m_toasts.problem(sent.error());
            updateActions();
            return;
        }
        if (isEdited())
            showSync(*sent);
        else
            show(*sent);
    });
}

void AgentPage::applyEvent(const LiveEvent &event)
{
    if (!m_loadedOnce || event.type != u"agent.updated")
        return;
    m_api.agent().get(this, [this](Result<AgentConfig> agent) {
        if (!agent)
            return;
        if (isEdited())
            showSync(*agent);
        else
            show(*agent);
    });
}

} // namespace vox::ui
