#pragma once

#include "core/result.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vox::ui {

class ApiClient;

// E-mails a link to a call's recording (valid for 24 hours) to a colleague.
class ShareDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShareDialog)

public:
    ShareDialog(ApiClient &api, QString callId, QWidget *parent = nullptr);

    QLineEdit *emailField() const { return m_email; }
    QPushButton *sendButton() const { return m_send; }

signals:
    void shared(const QString &email);
    void failed(const vox::Error &error);

private:
    void send();
    void validate();

    ApiClient &m_api;
    QString m_callId;
    QLineEdit *m_email;
    QLabel *m_problem;
    QPushButton *m_send;
    bool m_sending = false;
};

} // namespace vox::ui
