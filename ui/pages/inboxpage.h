#pragma once

#include "ui/pages/page.h"

#include <QJsonArray>
#include <QTimer>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace vox::ui {

class ApiClient;
class ToastArea;

// Inbox: the patients' texts. One conversation per patient who texted, newest first with their
// unread counts; the chosen one's thread (their texts and ours, with our delivery state), a reply
// box counting the SMS parts Twilio bills, and "Mark done". Replies go through the server's one
// send path (opt-out, once only); new texts and delivery reports arrive as live events.
class InboxPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxPage)

public:
    InboxPage(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    QString title() const override { return tr("Inbox"); }
    void refresh() override;
    void applyEvent(const LiveEvent &event) override;
    void activated() override;
    // "inbox": the patient's conversation (from a notice of their text).
    bool openRecord(const QString &entityType, const QString &id) override;
    QString unsavedChanges() const override;
    void discardChanges() override;

    QListWidget *conversations() const { return m_list; }
    QTextBrowser *thread() const { return m_thread; }
    QPlainTextEdit *replyBox() const { return m_reply; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *doneButton() const { return m_done; }
    QLabel *segmentsLabel() const { return m_segments; }
    int unread() const { return m_unread; }
    void selectContact(const QString &contactId);
    // Conversations come a page at a time; scrolling to the end of the list asks for the next.
    static constexpr int pageSize = 50;
    bool hasMore() const { return !m_nextCursor.isEmpty(); }
    void loadMore();

signals:
    // The clinic's unread texts, for the navigation's badge.
    void unreadChanged(int unread);
    void loaded();

private:
    void loadConversations();
    void loadThread();
    void showConversations(const QJsonArray &items);
    void appendConversations(const QJsonArray &items);
    void showThread(const QJsonArray &newestFirst);
    void updateSegments();
    void sendReply();
    void markDone();
    QString chosenContact() const;

    ApiClient &m_api;
    ToastArea &m_toasts;
    QListWidget *m_list;
    QLabel *m_heading;
    QLabel *m_optedOut;
    QTextBrowser *m_thread;
    QPlainTextEdit *m_reply;
    QLabel *m_segments;
    QPushButton *m_send;
    QPushButton *m_done;
    QTimer m_reload;
    QJsonArray m_items;
    QString m_nextCursor; // where the next page starts; empty: all loaded
    bool m_loadingMore = false;
    QString m_pendingContact; // asked for before the list had it
    QString m_requestId;      // one per reply written: a repeat of its request is the same text
    int m_unread = 0;
    bool m_loadedOnce = false;
};

} // namespace vox::ui
