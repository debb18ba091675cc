#include "ui/widgets/hourheatmap.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {
constexpr int days = 7;
constexpr int hours = 24;
constexpr int headerHeight = 18;
} // namespace

HourHeatMap::HourHeatMap(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"hourHeatMap"_s);
    setAccessibleName(tr("Inbound calls by weekday and hour"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void HourHeatMap::setData(const QList<QList<int>> &counts, const QList<QList<bool>> &open)
{
    m_counts = counts;
    m_open = open;
    m_peak = 0;
    for (const QList<int> &row : counts)
        for (int n : row)
            m_peak = std::max(m_peak, n);
    update();
}

int HourHeatMap::count(int weekday, int hour) const
{
    return m_counts.value(weekday).value(hour);
}

int HourHeatMap::labelWidth() const
{
    int widest = 0;
    for (int d = 1; d <= days; ++d)
        widest = std::max(
            widest, fontMetrics().horizontalAdvance(QLocale().dayName(d, QLocale::ShortFormat)));
    return widest + 8;
}

QSize HourHeatMap::sizeHint() const
{
    return {labelWidth() + hours * 28, headerHeight + days * 24 + 4};
}

QSize HourHeatMap::minimumSizeHint() const
{
    return {labelWidth() + hours * 14, headerHeight + days * 18 + 4};
}

QRect HourHeatMap::cellRect(int weekday, int hour) const
{
    const int left = labelWidth();
    const double w = double(width() - left - 1) / hours;
    const double h = double(height() - headerHeight - 1) / days;
    return QRectF(left + hour * w, headerHeight + weekday * h, w, h)
        .toAlignedRect()
        .adjusted(0, 0, -1, -1);
}

void HourHeatMap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QColor text = palette().color(QPalette::WindowText);
    const QColor base = palette().color(QPalette::Base);
    const QColor accent(0x1e, 0x6f, 0xc8);
    p.setPen(text);
    for (int hour = 0; hour < hours; hour += 3) {
        const QRect cell = cellRect(0, hour);
        p.drawText(QRect(cell.left(), 0, cell.width() * 3, headerHeight),
                   Qt::AlignLeft | Qt::AlignVCenter, QString::number(hour));
    }
    for (int d = 0; d < days; ++d) {
        const QRect first = cellRect(d, 0);
        p.setPen(text);
        p.drawText(QRect(0, first.top(), labelWidth() - 6, first.height()),
                   Qt::AlignRight | Qt::AlignVCenter,
                   QLocale().dayName(d + 1, QLocale::ShortFormat));
        for (int hour = 0; hour < hours; ++hour) {
            const QRect cell = cellRect(d, hour);
            const int n = count(d, hour);
            // The share of the busiest hour, never invisible once there is a call.
            const double share = m_peak == 0 || n == 0 ? 0.0 : 0.15 + 0.85 * n / m_peak;
            QColor fill = base;
            if (share > 0) {
                fill = QColor::fromRgbF(
                    float(base.redF() + (accent.redF() - base.redF()) * share),
                    float(base.greenF() + (accent.greenF() - base.greenF()) * share),
                    float(base.blueF() + (accent.blueF() - base.blueF()) * share));
            }
            p.fillRect(cell, fill);
            const bool open = m_open.value(d).value(hour, true);
            if (!open) {
                QColor hatch = text;
                hatch.setAlphaF(0.25f);
                p.fillRect(cell, QBrush(hatch, Qt::BDiagPattern));
            }
            QColor grid = text;
            grid.setAlphaF(0.15f);
            p.setPen(grid);
            p.drawRect(cell);
        }
    }
}

bool HourHeatMap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        for (int d = 0; d < days; ++d) {
            for (int hour = 0; hour < hours; ++hour) {
                if (!cellRect(d, hour).contains(help->pos()))
                    continue;
                const bool open = m_open.value(d).value(hour, true);
                QToolTip::showText(help->globalPos(),
                                   tr("%1 %2:00–%3:00: %n call(s)%4", nullptr, count(d, hour))
                                       .arg(QLocale().dayName(d + 1, QLocale::LongFormat))
                                       .arg(hour, 2, 10, QChar(u'0'))
                                       .arg((hour + 1) % 24, 2, 10, QChar(u'0'))
                                       .arg(open ? QString() : tr(" (closed)")),
                                   this);
                return true;
            }
        }
        QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace vox::ui
