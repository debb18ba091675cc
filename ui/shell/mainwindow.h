#pragma once

#include <QMainWindow>

namespace vox::ui {

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const QString &serverUrl, QWidget *parent = nullptr);
};

} // namespace vox::ui
