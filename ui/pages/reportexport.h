#pragma once

#include "core/result.h"

#include <QString>

class QWidget;

// A report as a file to mail: the widget as it is drawn on screen, as a PNG image or as a PDF
// (A4, split over pages when it is taller than one).
namespace vox::ui::reportexport {

Result<void> toPng(QWidget *widget, const QString &path);
Result<void> toPdf(QWidget *widget, const QString &path, const QString &title);

} // namespace vox::ui::reportexport
