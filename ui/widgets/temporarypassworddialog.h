#pragma once

#include <QDialog>

namespace vox::ui {

class CodeDisplay;
class ToastArea;

// The password the server made for a new member, or for one who forgot theirs, shown this once
// (it is never shown again), with Copy, to pass on to them. They choose their own at sign-in.
class TemporaryPasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemporaryPasswordDialog)

public:
    enum class Reason { NewMember, Reset };

    TemporaryPasswordDialog(const QString &email, const QString &password, ToastArea &toasts,
                            QWidget *parent = nullptr, Reason reason = Reason::NewMember);

    QString password() const;

private:
    CodeDisplay *m_password;
};

} // namespace vox::ui
