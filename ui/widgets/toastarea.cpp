#include "ui/widgets/toastarea.h"

#include <QAbstractButton>
#include <QApplication>
#include <QEvent>
#include <QTimer>
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
    , m_relayout(new QTimer(this))
{
    m_host->installEventFilter(this);
    // Many widgets move at once when a page changes: one placement after they all have.
    m_relayout->setSingleShot(true);
    m_relayout->setInterval(0);
    connect(m_relayout, &QTimer::timeout, this, &ToastArea::layoutToasts);
}

ToastArea::~ToastArea()
{
    followHost(false);
}

void ToastArea::followHost(bool follow)
{
    if (follow == m_following)
        return;
    m_following = follow;
    if (follow)
        qApp->installEventFilter(this);
    else
        qApp->removeEventFilter(this);
}

bool ToastArea::changesWhatToastsAvoid(QObject *watched, QEvent::Type type) const
{
    if (type != QEvent::Show && type != QEvent::Hide && type != QEvent::Move &&
        type != QEvent::Resize)
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || !m_host->isAncestorOf(widget))
        return false;
    for (QWidget *w = widget; w && w != m_host; w = w->parentWidget())
        if (qobject_cast<Toast *>(w))
            return false;
    return true;
}

QList<QRect> ToastArea::placeStack(const QSize &host, int width, const QList<int> &heights,
                                   const QList<QRect> &avoid)
{
    constexpr int gap = 8;
    QList<QRect> places;
    const int x = host.width() - width - margin;
    int bottom = host.height() - margin;
    for (const int h : heights) {
        QRect place(x, bottom - h, width, h);
        for (bool moved = true; moved;) {
            moved = false;
            for (const QRect &obstacle : avoid) {
                const QRect around = obstacle.adjusted(-gap, -gap, gap, gap);
                if (!place.intersects(around) || around.top() - h < margin)
                    continue;
                place.moveBottom(around.top() - 1);
                moved = true;
            }
        }
        places << place;
        bottom = place.top() - gap;
    }
    return places;
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
    const int width = qMin(toastWidth, m_host->width() - 2 * margin);
    QList<Toast *> shown;
    QList<int> heights;
    for (const auto &toast : std::as_const(m_toasts)) {
        if (!toast)
            continue;
        toast->setFixedWidth(width);
        toast->adjustSize();
        heights << (toast->heightForWidth(width) > 0 ? toast->heightForWidth(width)
                                                     : toast->sizeHint().height());
        shown << toast;
    }
    // While toasts show, the widgets under them are followed: a page switch, a button shown or
    // moved places them again.
    followHost(!shown.isEmpty());
    if (shown.isEmpty())
        return;
    // The buttons a person can see and press, wherever they are in the window.
    QList<QRect> buttons;
    const auto all = m_host->findChildren<QAbstractButton *>();
    for (QAbstractButton *b : all) {
        if (!b->isVisible() || b->visibleRegion().isEmpty() || qobject_cast<Toast *>(b->window()))
            continue;
        bool inToast = false;
        for (QWidget *p = b->parentWidget(); p && p != m_host && !inToast; p = p->parentWidget())
            inToast = qobject_cast<Toast *>(p) != nullptr;
        if (!inToast)
            buttons << QRect(b->mapTo(m_host, QPoint(0, 0)), b->size());
    }
    const QList<QRect> places = placeStack(m_host->size(), width, heights, buttons);
    for (int i = 0; i < shown.size(); ++i) {
        if (shown.at(i)->geometry() != places.at(i))
            shown.at(i)->setGeometry(places.at(i));
        shown.at(i)->raise();
    }
}

bool ToastArea::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_host && (event->type() == QEvent::Resize || event->type() == QEvent::Show))
        layoutToasts();
    else if (m_following && changesWhatToastsAvoid(watched, event->type()))
        m_relayout->start();
    return QObject::eventFilter(watched, event);
}

} // namespace vox::ui
