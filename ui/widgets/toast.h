#pragma once

#include <QFrame>
#include <QTimer>

#include <functional>

class QLabel;
class QPushButton;

namespace vox::ui {

// One non-blocking notification: a sentence, an optional action ("Try again", "Open"), and a
// close button. Successes fade on their own; problems stay until dismissed or acted on.
class Toast final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Toast)

public:
    enum class Kind { Info, Success, Problem };

    Toast(Kind kind, const QString &text, const QString &actionText, std::function<void()> action,
          QWidget *parent);

    Kind kind() const { return m_kind; }
    QString text() const;
    QPushButton *actionButton() const { return m_actionButton; }

signals:
    void dismissed(vox::ui::Toast *toast);

private:
    Kind m_kind;
    QLabel *m_text;
    QPushButton *m_actionButton = nullptr;
    QTimer m_expiry;
};

} // namespace vox::ui
