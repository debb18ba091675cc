#pragma once

#include <QStyledItemDelegate>

namespace vox::ui {

// Paints a lead's temperature as a coloured badge (hot red, warm amber, cold blue), readable in
// light and dark themes alike.
class TemperatureDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TemperatureDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QColor colorFor(const QString &temperature);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace vox::ui
