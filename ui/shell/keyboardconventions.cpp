#include "ui/shell/keyboardconventions.h"

#include <QAbstractItemView>
#include <QEvent>

namespace vox::ui {

void KeyboardConventions::install(QObject *application)
{
    if (application->findChild<KeyboardConventions *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    application->installEventFilter(new KeyboardConventions(application));
}

bool KeyboardConventions::eventFilter(QObject *watched, QEvent *event)
{
    // Polish comes once per widget, before it is first shown.
    if (event->type() == QEvent::Polish) {
        if (auto *view = qobject_cast<QAbstractItemView *>(watched))
            view->setTabKeyNavigation(false);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace vox::ui
