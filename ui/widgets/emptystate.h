#pragma once

#include <QStackedWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace vox::ui {

// Shows either its content (a table) or a plain sentence in its place: "No calls yet", "Loading
// calls…", or a problem with "Try again". A busy person never stares at an empty grid.
class EmptyState final : public QStackedWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyState)

public:
    EmptyState(QWidget *content, QWidget *parent = nullptr);

    void showContent();
    void showMessage(const QString &title, const QString &detail = {},
                     std::function<void()> retry = {});
    bool isShowingMessage() const { return currentIndex() == 1; }
    QString messageTitle() const;

private:
    QLabel *m_title;
    QLabel *m_detail;
    QPushButton *m_retry;
    std::function<void()> m_retryAction;
};

} // namespace vox::ui
