#include "ui/widgets/toastarea.h"

#include <QEvent>
#include <QWidget>

namespace vox::ui {

namespace {
constexpr int maxVisible = 4;
constexpr int margin = 16;
constexpr int toastWidth = 380;
} // namespace

ToastArea::ToastArea(QWidget *host)
    : QObject(host)
    , m_host(host)
{
    m_host->installEventFilter(this);
}

Toast *ToastArea::info(const QString &text, const QString &actionText, std::function<void()> action)
{
    return add(Toast::Kind::Info, text, actionText, std::move(action));
}

Toast *ToastArea::success(const QString &text)
{
    return add(Toast::Kind::Success, text, {}, {});
}

Toast *ToastArea::problem(const QString &text, std::function<void()> retry)
{
    for (const auto &toast : std::as_const(m_toasts)) {
        if (toast && toast->kind() == Toast::Kind::Problem && toast->text() == text)
            return toast;
    }
    // Named before the call: an argument that moves `retry` may be evaluated first, and the
    // button then had no label.
    const QString retryLabel = retry ? tr("Try again") : QString();
    return add(Toast::Kind::Problem, text, retryLabel, std::move(retry));
}

Toast *ToastArea::problem(const Error &error, std::function<void()> retry)
{
    return problem(error.message, std::move(retry));
}

QList<Toast *> ToastArea::toasts() const
{
    QList<Toast *> out;
    for (const auto &toast : m_toasts) {
        if (toast)
            out << toast.data();
    }
    return out;
}

void ToastArea::clear()
{
    const auto all = toasts();
    for (Toast *toast : all)
        remove(toast);
}

Toast *ToastArea::add(Toast::Kind kind, const QString &text, const QString &actionText,
                      std::function<void()> action)
{
    auto *toast = new Toast(kind, text, actionText, std::move(action), m_host);
    connect(toast, &Toast::dismissed, this, &ToastArea::remove);
    m_toasts.prepend(toast);
    // The oldest go when too many pile up.
    while (m_toasts.size() > maxVisible) {
        if (auto oldest = m_toasts.takeLast())
            oldest->deleteLater();
    }
    toast->show();
    toast->raise();
    layoutToasts();
    return toast;
}

void ToastArea::remove(Toast *toast)
{
    m_toasts.removeAll(toast);
    toast->hide();
    toast->deleteLater();
    layoutToasts();
}

void ToastArea::layoutToasts()
{
    int bottom = m_host->height() - margin;
    const int width = qMin(toastWidth, m_host->width() - 2 * margin);
    for (const auto &toast : std::as_const(m_toasts)) {
        if (!toast)
            continue;
        toast->setFixedWidth(width);
        toast->adjustSize();
        const int h = toast->heightForWidth(width) > 0 ? toast->heightForWidth(width)
                                                       : toast->sizeHint().height();
        bottom -= h;
        toast->setGeometry(m_host->width() - width - margin, bottom, width, h);
        toast->raise();
        bottom -= 8;
    }
}

bool ToastArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_host && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        layoutToasts();
    return QObject::eventFilter(watched, event);
}

} // namespace vox::ui
