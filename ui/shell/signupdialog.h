#pragma once

#include "ui/api/session.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vox::ui {

class ApiClient;

// Creates the clinic and its owner's account (the first person to use it). The server adds the
// usual services and opening hours, which can be changed later.
class SignUpDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignUpDialog)

public:
    explicit SignUpDialog(ApiClient &api, QWidget *parent = nullptr);

    QLineEdit *clinicField() const { return m_clinic; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *emailField() const { return m_email; }
    QLineEdit *passwordField() const { return m_password; }
    QPushButton *createButton() const { return m_create; }
    // What is still missing before the clinic can be created, as shown under the form.
    QString stillNeeded() const;

signals:
    void signedUp(const vox::ui::Session &session);
    void signInRequested();

private:
    void validate();
    void create();

    ApiClient &m_api;
    QLineEdit *m_clinic;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QComboBox *m_zone;
    QLabel *m_problem;
    QLabel *m_needed;
    QPushButton *m_create;
    bool m_busy = false;
};

} // namespace vox::ui
