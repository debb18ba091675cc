#pragma once

#include <QList>
#include <QWidget>

namespace vox::ui {

// Calls by weekday (rows, Monday first) and hour of the day (columns) as a grid of cells whose
// colour deepens with the count; hours the clinic is closed are hatched, so calls that came in
// while nobody was there stand out.
class HourHeatMap final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HourHeatMap)

public:
    explicit HourHeatMap(QWidget *parent = nullptr);

    // 7 rows of 24 counts; `open` the same shape (missing rows count as open).
    void setData(const QList<QList<int>> &counts, const QList<QList<bool>> &open);
    int count(int weekday, int hour) const; // weekday 0 = Monday
    int peak() const { return m_peak; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect cellRect(int weekday, int hour) const;
    int labelWidth() const;

    QList<QList<int>> m_counts;
    QList<QList<bool>> m_open;
    int m_peak = 0;
};

} // namespace vox::ui
