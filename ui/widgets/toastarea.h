#pragma once

#include "core/result.h"
#include "ui/widgets/toast.h"

#include <QEvent>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QRect>

#include <functional>

class QTimer;

namespace vox::ui {

// Stacks toasts in the bottom-right corner of a window, above its content, and keeps them there
// when the window is resized, moved up past any button they would cover (a page's Save, the
// wizard's Next). Never modal: the user keeps working while they show.
class ToastArea final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToastArea)

public:
    explicit ToastArea(QWidget *host);
    ~ToastArea() override;

    Toast *info(const QString &text, const QString &actionText = {},
                std::function<void()> action = {});
    Toast *success(const QString &text);
    // A problem with an optional retry; the same sentence is not stacked twice.
    Toast *problem(const QString &text, std::function<void()> retry = {});
    Toast *problem(const Error &error, std::function<void()> retry = {});

    QList<Toast *> toasts() const;
    void clear();

    // Where toasts of `heights` (newest first) go in a `host` of that size: from the bottom-right
    // corner upwards, each moved above any of `avoid` it would overlap; one that cannot clear
    // them keeps the last place it tried.
    static QList<QRect> placeStack(const QSize &host, int width, const QList<int> &heights,
                                   const QList<QRect> &avoid);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Toast *add(Toast::Kind kind, const QString &text, const QString &actionText,
               std::function<void()> action);
    void remove(Toast *toast);
    void layoutToasts();
    void followHost(bool follow);
    // A widget in the host shown, hidden, moved or resized, other than a toast.
    bool changesWhatToastsAvoid(QObject *watched, QEvent::Type type) const;

    QWidget *m_host;
    QList<QPointer<Toast>> m_toasts;
    QTimer *m_relayout;
    bool m_following = false;
};

} // namespace vox::ui
