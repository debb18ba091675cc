#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace vox::ui {

class ToastArea;

// Desktop notifications for what should not be missed (a hot lead, a booking). Clicking one
// opens the record. Without a system tray (some desktops, offscreen) the same notice appears as a
// toast in the window with an "Open" button.
class TrayNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)

public:
    TrayNotifier(ToastArea &fallback, QObject *parent = nullptr);
    ~TrayNotifier() override;

    void notify(const QString &title, const QString &text, const QString &entityType,
                const QString &entityId);
    bool usesSystemTray() const { return m_tray != nullptr; }
    int shownCount() const { return m_shown; }

signals:
    void openRequested(const QString &entityType, const QString &entityId);
    void showWindowRequested();

private:
    ToastArea &m_fallback;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastType;
    QString m_lastId;
    int m_shown = 0;
};

} // namespace vox::ui
