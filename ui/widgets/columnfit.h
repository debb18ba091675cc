#pragma once

#include <QList>
#include <QObject>

class QTableView;

namespace vox::ui {

// How a table's columns share its width, one rule for every list in the console. Each column
// wants its content's width (its header and the widest value it shows); one column is elastic and
// takes what is left. When the total does not fit, the columns a list can do without (what the
// selected record's panel shows anyway) are hidden first, in their order, so that nothing is cut
// while something can go; then the widest columns give way, never below their minimum; text cut
// short ends in "…" and shows in full in its tooltip.
struct ColumnNeed
{
    int natural = 0; // header or widest value, padding included
    int minimum = 0; // never narrower (the whole header, or a short value)
    bool elastic = false;
    int hideOrder = 0; // 0: always shown; 1 is hidden first, then 2, …
};

// The widths for `needs` in `available` pixels, 0 for a hidden column. Pure: the rule, for tests
// and for ColumnFit.
QList<int> fitColumns(const QList<ColumnNeed> &needs, int available);

// Keeps a table's columns fitted by that rule as rows arrive, the language changes and the window
// is resized, until the person drags a column: from then on their widths stay theirs.
class ColumnFit final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColumnFit)

public:
    // `elastic`: the column that takes the room left over (a name, the services asked about);
    // `whole`: columns whose values are useless cut (a phone number, a time, an amount): they
    // keep their full width and the others give way; `hideable`: columns hidden when the table is
    // too narrow for everything whole, the first listed first, shown again when there is room.
    ColumnFit(QTableView *table, int elastic, const QList<int> &whole = {},
              const QList<int> &hideable = {});

    void refit();
    // What the rule asks of each column now (measured from the header and the rows shown).
    QList<ColumnNeed> needs() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTableView *m_table;
    int m_elastic;
    QList<int> m_whole;
    QList<int> m_hideable;
    bool m_applying = false;
    bool m_personChose = false;
};

} // namespace vox::ui
