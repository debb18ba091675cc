#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>

namespace vox::ui {

// Help -> Keyboard shortcuts: every key the console answers to, in the platform's own writing
// (Ctrl+F here, ⌘F on a Mac), so a front desk that lives on the keyboard can find them.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    struct Shortcut
    {
        QKeySequence keys;
        QString where;
        QString what;
    };

    explicit ShortcutsDialog(QWidget *parent = nullptr);

    // The list the window shows, also for tests: one place names the console's keys.
    static QList<Shortcut> shortcuts();
};

} // namespace vox::ui
