#pragma once

#include "ui/api/session.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vox::ui {

class ApiClient;

// Sign in with e-mail and password. Problems (wrong password, too many tries, server away) are
// said in the dialog, in words; the dialog never freezes while it waits.
class LoginDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)

public:
    LoginDialog(ApiClient &api, const QString &serverDescription, QWidget *parent = nullptr);

    void setEmail(const QString &email);
    void setNotice(const QString &text);
    // Offers "Create a clinic" (embedded) and "Use another server" (remote) links.
    void setAlternatives(bool canCreateClinic, bool canChangeServer);

    QLineEdit *emailField() const { return m_email; }
    QLineEdit *passwordField() const { return m_password; }
    QPushButton *signInButton() const { return m_signIn; }
    QString problem() const;

signals:
    void signedIn(const vox::ui::Session &session);
    void createClinicRequested();
    void changeServerRequested();

private:
    void signIn();
    void validate();

    ApiClient &m_api;
    QLabel *m_notice;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLabel *m_problem;
    QPushButton *m_signIn;
    QLabel *m_alternatives;
    bool m_busy = false;
};

} // namespace vox::ui
