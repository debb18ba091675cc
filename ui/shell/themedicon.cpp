#include "ui/shell/themedicon.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

QPixmap tinted(QSvgRenderer &renderer, int size, qreal ratio, const QColor &colour)
{
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, 0, size, size));
    // The drawing's own colour is replaced by the palette's, keeping its shape and edges.
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(QRectF(0, 0, size, size), colour);
    painter.end();
    return pixmap;
}

} // namespace

QIcon themedIcon(const QString &name)
{
    QSvgRenderer renderer(u":/icons/%1.svg"_s.arg(name));
    if (!renderer.isValid())
        return {};
    const QPalette palette = QApplication::palette();
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    QIcon icon;
    for (const int size : {16, 20, 24, 32}) {
        icon.addPixmap(tinted(renderer, size, ratio, palette.color(QPalette::WindowText)),
                       QIcon::Normal);
        icon.addPixmap(tinted(renderer, size, ratio, palette.color(QPalette::HighlightedText)),
                       QIcon::Selected);
        icon.addPixmap(
            tinted(renderer, size, ratio, palette.color(QPalette::Disabled, QPalette::WindowText)),
            QIcon::Disabled);
    }
    return icon;
}

} // namespace vox::ui
