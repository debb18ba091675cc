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

private:
    QLabel *m_text;
};

} // namespace vox::ui
