#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace vox::ui {

// What the main window shows while the clinic's server on this computer starts behind it: a
// window that is already there and says what it is waiting for, rather than nothing or a grid of
// empty pages. When the start fails it says why and offers to try again, to use another server,
// or to quit.
class StartingPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartingPanel)

public:
    explicit StartingPanel(QWidget *parent = nullptr);

    void showStarting();
    void showFailure(const QString &reason);
    bool isFailure() const { return m_failed; }
    QString message() const;
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *connectElsewhereButton() const { return m_elsewhere; }

signals:
    void retryRequested();
    void connectElsewhereRequested();
    void quitRequested();

private:
    QLabel *m_title;
    QLabel *m_detail;
    QProgressBar *m_busy;
    QPushButton *m_retry;
    QPushButton *m_elsewhere;
    QPushButton *m_quit;
    bool m_failed = false;
};

} // namespace vox::ui
