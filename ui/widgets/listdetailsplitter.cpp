#include "ui/widgets/listdetailsplitter.h"

#include <QScrollArea>

namespace vox::ui {

ListDetailSplitter::ListDetailSplitter(QWidget *list, QWidget *detail, QWidget *parent)
    : QSplitter(Qt::Horizontal, parent)
{
    auto *detailScroll = new QScrollArea(this);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    detailScroll->setWidget(detail);
    detailScroll->setMinimumWidth(360);

    addWidget(list);
    addWidget(detailScroll);
    setStretchFactor(0, 3);
    setStretchFactor(1, 2);
    setChildrenCollapsible(false);
    setSizes({720, 360});
}

} // namespace vox::ui
