#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace vox::ui {

class ApiClient;
class FieldMessage;
class ToastArea;

// Changing one's own password: the current one, the new one twice, each problem under its field.
// Required after signing in with a temporary password (an invitation, an admin's reset): then it
// cannot be put off, only left by signing out.
class ChangePasswordDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangePasswordDialog)

public:
    enum class Mode { Voluntary, Required };

    ChangePasswordDialog(ApiClient &api, ToastArea &toasts, Mode mode, QWidget *parent = nullptr);

    QLineEdit *currentEdit() const { return m_current; }
    QLineEdit *newEdit() const { return m_new; }
    QLineEdit *repeatEdit() const { return m_repeat; }
    QPushButton *saveButton() const { return m_save; }
    // The sentence under a field ("current", "new", "repeat"), or empty.
    QString problem(const QString &field) const;

    // A required change cannot be put off (Escape, the window's close button): only "Sign out"
    // leaves it.
    void reject() override;

signals:
    void changed();
    void signOutRequested();

private:
    void save();

    ApiClient &m_api;
    ToastArea &m_toasts;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    FieldMessage *m_currentMessage;
    FieldMessage *m_newMessage;
    FieldMessage *m_repeatMessage;
    QPushButton *m_save;
    bool m_required;
};

} // namespace vox::ui
