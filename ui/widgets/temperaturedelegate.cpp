#include "ui/widgets/temperaturedelegate.h"

#include "ui/models/leadsmodel.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

QColor TemperatureDelegate::colorFor(const QString &temperature)
{
    if (temperature == u"hot")
        return QColor(0xd8, 0x43, 0x15);
    if (temperature == u"warm")
        return QColor(0xef, 0x8f, 0x00);
    return QColor(0x1e, 0x6f, 0xc8);
}

void TemperatureDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    if (text.isEmpty())
        return;

    const QString temperature = index.data(LeadsModel::TemperatureRole).toString();
    const QFontMetrics metrics(opt.font);
    const int width = metrics.horizontalAdvance(text) + 18;
    const int height = qMin(opt.rect.height() - 6, metrics.height() + 6);
    const QRect badge(opt.rect.left() + 6, opt.rect.center().y() - height / 2, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colorFor(temperature));
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

QSize TemperatureDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width() + 30);
    return size;
}

} // namespace vox::ui
