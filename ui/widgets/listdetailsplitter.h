#pragma once

#include <QSplitter>

namespace vox::ui {

// The record pages' layout: the list on the left with the larger share, the selected record on
// the right in a scroll area of its own (a long transcript scrolls without the list moving);
// neither side can be collapsed away.
class ListDetailSplitter final : public QSplitter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListDetailSplitter)

public:
    // Takes `detail` into the scroll area.
    ListDetailSplitter(QWidget *list, QWidget *detail, QWidget *parent = nullptr);
};

} // namespace vox::ui
