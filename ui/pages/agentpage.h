#pragma once

#include "ui/api/agentconfig.h"
#include "ui/pages/page.h"

#include <QTimer>

class QComboBox;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace vox::ui {

class ApiClient;
class FieldMessage;
class ToastArea;

// The AI receptionist: its name, voice, greeting and instructions. Saving stores them at once;
// the server then sends them to Vapi and links the tools (booking, availability, knowledge) in
// the background, and the page follows that through `agent.updated` until it is done, showing
// Vapi's reason and a way to send again when Vapi refuses.
class AgentPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentPage)

public:
    AgentPage(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    QString title() const override { return tr("Agent"); }
    void refresh() override;
    void applyEvent(const LiveEvent &event) override;
    void activated() override;
    QString unsavedChanges() const override;
    void discardChanges() override;
    void setFeatures(const FeatureAvailability &features) override;

    void save();
    // Sends the saved settings to Vapi again, after Vapi refused them or could not be reached.
    void sendAgain();
    const AgentConfig &agent() const { return m_agent; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *voiceEdit() const { return m_voice; }
    QPlainTextEdit *firstMessageEdit() const { return m_firstMessage; }
    QPlainTextEdit *promptEdit() const { return m_prompt; }
    QLabel *syncLabel() const { return m_sync; }
    QCheckBox *disclosureCheck() const { return m_disclosure; }
    // Turns the recording disclosure on or off at once (a clinic setting, not part of Save).
    void setDisclosure(bool on);

private:
    void show(const AgentConfig &agent);
    void showSync(const AgentConfig &agent);
    void updateActions();
    bool isEdited() const;
    QString currentVoice() const;

    ApiClient &m_api;
    ToastArea &m_toasts;
    AgentConfig m_agent;
    QLabel *m_readOnlyNote;
    QLineEdit *m_name;
    FieldMessage *m_nameMessage;
    QComboBox *m_voice;
    QPlainTextEdit *m_firstMessage;
    QCheckBox *m_disclosure = nullptr;
    QLabel *m_heard = nullptr;
    QPlainTextEdit *m_prompt;
    QLabel *m_sync;
    QLabel *m_tools;
    QPushButton *m_save;
    QPushButton *m_revert;
    QPushButton *m_sendAgain;
    QTimer m_syncPoll;
    bool m_saving = false;
    bool m_loadedOnce = false;
    bool m_shown = false;   // the form holds the server's agent, so it can differ from it
    bool m_sandbox = false; // the server's Vapi is the sandbox's
};

} // namespace vox::ui
