#pragma once

#include <QString>

#include <functional>

class QMessageBox;
class QWidget;

namespace vox::ui {

// A question asked before something that is hard to take back (remove a number, disconnect an
// account, cancel an appointment). The buttons say what they do ("Remove" / "Keep it") rather
// than Yes/No, so a hurried reader cannot pick the wrong one, and Enter keeps things as they are.
// The box is window-modal and opened without a nested event loop, so live updates keep arriving
// while it is up.
struct Confirmation
{
    QString title;
    QString text;
    QString confirmLabel;    // what happens: "Remove", "Disconnect", "Call now"
    QString keepLabel;       // what staying means: "Keep it"; empty for the standard Cancel
    QString objectName = {}; // lets tests find the box

    // Opens the box over `parent`; `onConfirm` runs once if the user confirms.
    QMessageBox *open(QWidget *parent, std::function<void()> onConfirm) const;
};

} // namespace vox::ui
