#pragma once

#include "core/result.h"
#include "ui/api/apitypes.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace vox::ui {

class ApiClient;

// Writes and sends a follow-up text message to the caller of a call. One SMS is at most 160
// characters: the counter says how many are left, and Send stays off beyond the limit (the text
// is kept, so nothing typed is lost).
class FollowUpDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FollowUpDialog)

public:
    FollowUpDialog(ApiClient &api, QString callId, const QString &recipient,
                   const QString &suggestion, QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_text; }
    QPushButton *sendButton() const { return m_send; }
    QString counterText() const;

signals:
    void sent(const vox::ui::MessageSent &receipt);
    void failed(const vox::Error &error);

private:
    void updateCounter();
    void send();

    ApiClient &m_api;
    QString m_callId;
    QPlainTextEdit *m_text;
    QLabel *m_counter;
    QLabel *m_problem;
    QPushButton *m_send;
    QDialogButtonBox *m_buttons;
    bool m_sending = false;
};

} // namespace vox::ui
