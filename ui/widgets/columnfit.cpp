#include "ui/widgets/columnfit.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QFontMetrics>
#include <QHeaderView>
#include <QHelpEvent>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <numeric>

namespace vox::ui {

namespace {

constexpr int cellPadding = 16;   // the style's margins either side of a cell's text
constexpr int headerPadding = 28; // margins and the sort arrow
constexpr int headerMargins = 14; // margins alone
constexpr int rowsMeasured = 200; // enough to find the widest value, cheap on 100k rows
constexpr int smallest = 40;

int total(const QList<int> &widths)
{
    return std::accumulate(widths.cbegin(), widths.cend(), 0);
}

} // namespace

QList<int> fitColumns(const QList<ColumnNeed> &needs, int available)
{
    // Hide what can go, in order, while the rest does not fit whole.
    QList<bool> shown(needs.size(), true);
    const auto wholeWidth = [&] {
        int sum = 0;
        for (int i = 0; i < needs.size(); ++i)
            sum += shown.at(i) ? std::max(needs.at(i).natural, needs.at(i).minimum) : 0;
        return sum;
    };
    for (int order = 1; wholeWidth() > available; ++order) {
        bool any = false;
        for (int i = 0; i < needs.size(); ++i) {
            if (needs.at(i).hideOrder >= order) {
                any = true;
                if (needs.at(i).hideOrder == order)
                    shown[i] = false;
            }
        }
        if (!any)
            break;
    }
    if (shown.contains(false)) {
        QList<ColumnNeed> rest;
        for (int i = 0; i < needs.size(); ++i) {
            if (shown.at(i))
                rest << needs.at(i);
        }
        const QList<int> restWidths = fitColumns(rest, available);
        QList<int> widths;
        for (int i = 0, r = 0; i < needs.size(); ++i)
            widths << (shown.at(i) ? restWidths.at(r++) : 0);
        return widths;
    }

    QList<int> widths;
    for (const ColumnNeed &n : needs)
        widths << std::max(n.natural, n.minimum);
    const int wanted = total(widths);
    if (wanted <= available) {
        // Room to spare: the elastic column takes it.
        for (int i = 0; i < needs.size(); ++i) {
            if (needs.at(i).elastic) {
                widths[i] += available - wanted;
                break;
            }
        }
        return widths;
    }
    // Too wide: the elastic column gives way first, down to its minimum …
    int over = wanted - available;
    for (int i = 0; i < needs.size() && over > 0; ++i) {
        if (!needs.at(i).elastic)
            continue;
        const int give = std::min(over, widths.at(i) - needs.at(i).minimum);
        widths[i] -= give;
        over -= give;
    }
    if (over <= 0)
        return widths;
    // … then the widest ones, evenly: a cap no column is wider than (its minimum aside), the
    // highest cap that fits.
    int low = 0;
    int high = *std::max_element(widths.cbegin(), widths.cend());
    const auto capped = [&](int cap) {
        QList<int> out = widths;
        for (int i = 0; i < out.size(); ++i)
            out[i] = std::max(needs.at(i).minimum, std::min(out.at(i), cap));
        return out;
    };
    while (low < high) {
        const int cap = (low + high + 1) / 2;
        if (total(capped(cap)) <= available)
            low = cap;
        else
            high = cap - 1;
    }
    // With every column at its minimum and still too wide, the table scrolls sideways.
    return capped(low);
}

ColumnFit::ColumnFit(QTableView *table, int elastic, const QList<int> &whole,
                     const QList<int> &hideable)
    : QObject(table)
    , m_table(table)
    , m_elastic(elastic)
    , m_whole(whole)
    , m_hideable(hideable)
{
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->viewport()->installEventFilter(this);
    m_table->installEventFilter(this);
    // Rows arrive in pages and live events: measured once they are in, not per row.
    auto *later = new QTimer(this);
    later->setSingleShot(true);
    later->setInterval(0);
    connect(later, &QTimer::timeout, this, &ColumnFit::refit);
    const auto watch = [this, later] {
        QAbstractItemModel *model = m_table->model();
        if (!model)
            return;
        connect(model, &QAbstractItemModel::modelReset, later, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::layoutChanged, later, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::rowsInserted, later, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::dataChanged, later, qOverload<>(&QTimer::start));
        connect(model, &QAbstractItemModel::headerDataChanged, later, qOverload<>(&QTimer::start));
    };
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, later,
            qOverload<>(&QTimer::start));
    watch();
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, [this] {
        if (!m_applying && m_table->horizontalHeader()->underMouse())
            m_personChose = true;
    });
    later->start();
}

QList<ColumnNeed> ColumnFit::needs() const
{
    QList<ColumnNeed> out;
    const QAbstractItemModel *model = m_table->model();
    if (!model)
        return out;
    const QFontMetrics cell(m_table->font());
    const QFontMetrics header(m_table->horizontalHeader()->font());
    const int rows = std::min(model->rowCount(), rowsMeasured);
    for (int column = 0; column < model->columnCount(); ++column) {
        ColumnNeed need;
        const QString title = model->headerData(column, Qt::Horizontal).toString();
        const int titleWidth = header.horizontalAdvance(title) + headerPadding;
        int widest = 0;
        // A value a delegate paints (a chip) is measured by it and cannot end in "…".
        QAbstractItemDelegate *painter = m_table->itemDelegateForColumn(column);
        QStyleOptionViewItem option;
        option.initFrom(m_table);
        option.font = m_table->font();
        for (int row = 0; row < rows; ++row) {
            const QModelIndex index = model->index(row, column);
            int w = cell.horizontalAdvance(index.data(Qt::DisplayRole).toString());
            if (!index.data(Qt::DecorationRole).isNull())
                w += m_table->iconSize().width() > 0 ? m_table->iconSize().width() + 4 : 20;
            if (painter)
                w = std::max(w, painter->sizeHint(option, index).width() - cellPadding);
            widest = std::max(widest, w);
        }
        need.natural = std::max(titleWidth, widest + cellPadding);
        // The header stays whole, a cut one hides what the column is; values may be cut (their
        // tooltip has them). Only the sorted column needs room for the arrow.
        const bool sorted = m_table->horizontalHeader()->isSortIndicatorShown() &&
                            m_table->horizontalHeader()->sortIndicatorSection() == column;
        need.minimum = std::max(smallest, header.horizontalAdvance(title) +
                                              (sorted ? headerPadding : headerMargins));
        need.minimum = m_whole.contains(column) || painter ? need.natural
                                                           : std::min(need.minimum, need.natural);
        need.elastic = column == m_elastic;
        need.hideOrder = static_cast<int>(m_hideable.indexOf(column)) + 1;
        out << need;
    }
    return out;
}

void ColumnFit::refit()
{
    if (m_personChose || !m_table->model())
        return;
    const QList<int> widths = fitColumns(needs(), m_table->viewport()->width());
    m_applying = true;
    for (int column = 0; column < widths.size(); ++column) {
        const bool hide = widths.at(column) == 0;
        if (m_table->isColumnHidden(column) != hide)
            m_table->setColumnHidden(column, hide);
        if (!hide && m_table->columnWidth(column) != widths.at(column))
            m_table->setColumnWidth(column, widths.at(column));
    }
    m_applying = false;
}

bool ColumnFit::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ToolTip && watched == m_table->viewport()) {
        // A value cut short shows in full where the pointer rests (a model's own tooltip wins).
        const auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = m_table->indexAt(help->pos());
        if (index.isValid() && index.data(Qt::ToolTipRole).isNull()) {
            const QString text = index.data(Qt::DisplayRole).toString();
            const int needed = QFontMetrics(m_table->font()).horizontalAdvance(text) + cellPadding;
            if (!text.isEmpty() && needed > m_table->columnWidth(index.column())) {
                QToolTip::showText(help->globalPos(), text, m_table->viewport(),
                                   m_table->visualRect(index));
                return true;
            }
        }
    }
    if (event->type() == QEvent::Resize && watched == m_table->viewport())
        refit();
    else if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        QTimer::singleShot(0, this, &ColumnFit::refit);
    return QObject::eventFilter(watched, event);
}

} // namespace vox::ui
