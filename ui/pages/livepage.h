#pragma once

#include "ui/api/livedeskclient.h"
#include "ui/pages/page.h"

#include <QSet>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace vox::ui {

class ApiClient;
class EmptyState;
class ListenPanel;
class LiveCallsModel;
class ToastArea;

// Live: the calls in progress, each with its caller, how long it has run and who is speaking,
// and for the chosen one the transcript as it is spoken, with the ways to step in: whisper to the
// AI (a note the caller does not hear), say something to the caller, transfer the caller to one of
// the clinic's destinations, mute the AI, or end the call (admins), and listen in to it.
// Transferring and ending ask first: neither can be undone. The calls are the console's one
// LiveCallsModel (the dashboard shows the same), which live events keep up to date.
class LivePage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LivePage)

public:
    LivePage(ApiClient &api, ToastArea &toasts, LiveCallsModel &calls, QWidget *parent = nullptr);

    QString title() const override { return tr("Live"); }
    void refresh() override;
    void activated() override;
    // An admin's change to the transfer destinations (another console's too) is read again, so
    // the transfer menu follows the clinic's order.
    void applyEvent(const LiveEvent &event) override;
    bool openRecord(const QString &entityType, const QString &id) override;

    QListWidget *callList() const { return m_list; }
    QPlainTextEdit *transcript() const { return m_transcript; }
    QLineEdit *messageField() const { return m_message; }
    QPushButton *whisperButton() const { return m_whisper; }
    QPushButton *sayButton() const { return m_say; }
    QPushButton *transferButton() const { return m_transfer; }
    QPushButton *endButton() const { return m_end; }
    QPushButton *muteButton() const { return m_mute; }
    QComboBox *destinationBox() const { return m_destinations; }
    ListenPanel *listenPanel() const { return m_listen; }
    QString chosenId() const { return m_chosenId; }
    // For tests and screenshots: shows `calls` as if the server had listed them.
    void showCalls(const QList<LiveCall> &calls);
    void showDestinations(const QList<TransferDestination> &destinations);

signals:
    void loaded();

private:
    const LiveCall *chosen() const;
    void loadDestinations();
    void rebuildList();
    void updateRow(int row);
    void showChosen();
    void updateActions();
    void send(const QJsonObject &action, const QString &done);
    void whisper();
    void say();
    void transfer();
    void endCall();
    void toggleMute();

    ApiClient &m_api;
    ToastArea &m_toasts;
    LiveDeskClient m_client;
    LiveCallsModel &m_model;
    QLabel *m_heading;
    QListWidget *m_list;
    EmptyState *m_listState;
    QLabel *m_chosenLabel;
    ListenPanel *m_listen;
    QPlainTextEdit *m_transcript;
    QLineEdit *m_message;
    QPushButton *m_whisper;
    QPushButton *m_say;
    QComboBox *m_destinations;
    QPushButton *m_transfer;
    QPushButton *m_mute;
    QPushButton *m_end;
    QList<TransferDestination> m_destinationList;
    QString m_chosenId;
    QSet<QString> m_muted;
    bool m_busy = false;
};

} // namespace vox::ui
