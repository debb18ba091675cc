#pragma once

#include <QObject>

namespace vox::ui {

// How the keyboard moves through every window of the console, set once for the application
// rather than per widget: a table or list is one Tab stop (Tab leaves it; the arrow keys move
// inside it), so tabbing through a page never walks cell by cell and never changes the
// selected call on the way.
class KeyboardConventions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyboardConventions)

public:
    // Applies to every widget the application shows from now on (installed on `application`).
    static void install(QObject *application);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace vox::ui
