#include "ui/shell/mainwindow.h"

#include <QLabel>
#include <QStatusBar>

namespace vox::ui {

MainWindow::MainWindow(const QString &serverUrl, QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Voxanne Console"));
    auto *label = new QLabel(tr("Voxanne Console"), this);
    label->setAlignment(Qt::AlignCenter);
    setCentralWidget(label);
    statusBar()->showMessage(tr("Server: %1").arg(serverUrl));
    resize(1280, 800);
}

} // namespace vox::ui
