#include "ui/shell/traynotifier.h"

#include "ui/shell/preferences.h"
#include "ui/shell/theme.h"
#include "ui/widgets/toastarea.h"

#include <QSystemTrayIcon>

namespace vox::ui {

TrayNotifier::TrayNotifier(ToastArea &fallback, QObject *parent)
    : QObject(parent)
    , m_fallback(fallback)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(appIcon(), this);
    m_tray->setToolTip(tr("Voxanne Console"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        emit showWindowRequested();
        if (!m_lastId.isEmpty())
            emit openRequested(m_lastType, m_lastId);
    });
    connect(m_tray, &QSystemTrayIcon::activated, this, [this] { emit showWindowRequested(); });
    m_tray->show();
}

TrayNotifier::~TrayNotifier() = default;

void TrayNotifier::notify(const QString &title, const QString &text, const QString &entityType,
                          const QString &entityId)
{
    ++m_shown;
    // The tray reports clicks on "the" message, so the latest one is what a click opens.
    m_lastType = entityType;
    m_lastId = entityId;
    // Desktop notifications can be turned off in Settings; the notice then stays in the window.
    if (m_tray && QSystemTrayIcon::supportsMessages() && Preferences::desktopNotifications()) {
        m_tray->showMessage(title, text, appIcon(), 8000);
        return;
    }
    m_fallback.info(title + QStringLiteral(": ") + text, tr("Open"), [this, entityType, entityId] {
        emit showWindowRequested();
        emit openRequested(entityType, entityId);
    });
}

} // namespace vox::ui
