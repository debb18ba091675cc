#include "ui/pages/reportexport.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPixmap>
#include <QWidget>

namespace vox::ui::reportexport {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vox::ui::reportexport", text);
}

Result<void> written(const QString &path)
{
    if (QFileInfo(path).size() <= 0)
        return Error{tr("The file %1 could not be written.").arg(path)};
    return {};
}

} // namespace

Result<void> toPng(QWidget *widget, const QString &path)
{
    const QPixmap image = widget->grab();
    if (image.isNull() || !image.save(path, "PNG"))
        return Error{tr("The image could not be saved to %1.").arg(path)};
    return written(path);
}

Result<void> toPdf(QWidget *widget, const QString &path, const QString &title)
{
    // Drawn at twice the screen's scale so that text stays sharp when printed.
    const QSize size = widget->size();
    QPixmap image(size * 2);
    image.setDevicePixelRatio(2);
    image.fill(widget->palette().color(QPalette::Window));
    widget->render(&image);

    QPdfWriter pdf(path);
    pdf.setTitle(title);
    pdf.setCreator(QCoreApplication::applicationName());
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    pdf.setResolution(150);
    QPainter painter;
    if (!painter.begin(&pdf))
        return Error{tr("The PDF could not be written to %1.").arg(path)};
    const QRect page = painter.viewport();
    // The report's width fills the page's; what does not fit below goes on the next page.
    const double scale = double(page.width()) / size.width();
    const int sliceHeight = int(page.height() / scale);
    for (int top = 0; top < size.height(); top += sliceHeight) {
        if (top > 0)
            pdf.newPage();
        const int height = std::min(sliceHeight, size.height() - top);
        painter.drawPixmap(QRectF(0, 0, page.width(), height * scale), image,
                           QRectF(0, top * 2, size.width() * 2, height * 2));
    }
    painter.end();
    return written(path);
}

} // namespace vox::ui::reportexport
