#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;
class QRadioButton;
class QLabel;

namespace vox::ui {

// The first question on a new computer: run the clinic here (the server and its database start
// inside the console), or connect to the clinic's server somewhere else.
class FirstRunDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRunDialog)

public:
    enum class Choice { Embedded, Remote };

    explicit FirstRunDialog(QWidget *parent = nullptr);

    Choice choice() const;
    QString serverUrl() const;
    void setServerUrl(const QString &url);
    void chooseRemote();

private:
    void validate();

    QRadioButton *m_embedded;
    QRadioButton *m_remote;
    QLineEdit *m_url;
    QLabel *m_problem;
    QPushButton *m_continue;
};

} // namespace vox::ui
