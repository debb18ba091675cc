#pragma once

#include <QDialog>

class QLabel;

namespace vox::ui {

class ApiClient;

// Versions of the console, Qt and the server it is connected to: what support asks for first.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    AboutDialog(ApiClient &api, const QString &serverDescription, QWidget *parent = nullptr);

    QString text() const;
    // A paragraph under the versions (the demo's accounts); none when empty.
    void setNote(const QString &note);

private:
    QLabel *m_text;
    QLabel *m_note;
};

} // namespace vox::ui
