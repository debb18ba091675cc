#pragma once

#include <QDialog>

namespace vox::ui {

class CodeDisplay;
class ToastArea;

// After forwarding is turned off here: the code to dial on the clinic's phone so the phone
// company stops forwarding too, with Copy.
class DeactivationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeactivationDialog)

public:
    DeactivationDialog(const QString &phoneNumber, const QString &code, ToastArea &toasts,
                       QWidget *parent = nullptr);

    QString code() const;

private:
    CodeDisplay *m_code;
};

} // namespace vox::ui
