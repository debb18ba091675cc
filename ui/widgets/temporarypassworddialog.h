#pragma once

#include <QDialog>

namespace vox::ui {

class CodeDisplay;
class ToastArea;

// The password the server made for a new user, shown this once (it is never shown again), with
// Copy, to pass on to them.
class TemporaryPasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemporaryPasswordDialog)

public:
    TemporaryPasswordDialog(const QString &email, const QString &password, ToastArea &toasts,
                            QWidget *parent = nullptr);

    QString password() const;

private:
    CodeDisplay *m_password;
};

} // namespace vox::ui
