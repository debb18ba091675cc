#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace vox::ui {

class ApiClient;
class ToastArea;

// The links to a call's recording that still work, for the clinic's owners and admins, each with
// "Revoke" to withdraw it before it expires (the link then answers that it was withdrawn).
class RecordingSharesList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordingSharesList)

public:
    struct Share
    {
        QString id;
        QString email;
        QDateTime expiresAt;
        QString sharedBy;
    };

    RecordingSharesList(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    // Loads the call's shares (nothing is shown to staff); an empty id clears the list.
    void showCall(const QString &callId);
    void reload() { showCall(m_callId); }
    void revoke(const QString &shareId);
    const QList<Share> &shares() const { return m_shares; }

private:
    void render();

    ApiClient &m_api;
    ToastArea &m_toasts;
    QString m_callId;
    QList<Share> m_shares;
    int m_generation = 0;
    QLabel *m_title = nullptr;
    QVBoxLayout *m_rows = nullptr;
};

} // namespace vox::ui
