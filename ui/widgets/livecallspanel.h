#pragma once

#include <QGroupBox>

class QLabel;
class QTableView;

namespace vox::ui {

class LiveCallsModel;

// The dashboard's glance at the calls in progress: how many, and for each the caller, how long it
// has run (ticking) and what is happening now. It shows the console's one LiveCallsModel, the
// same the Live page shows. A click, or Enter on a row, asks to open that call on the Live page.
// On Today it stays out of the way while no call is on (setHiddenWhenIdle).
class LiveCallsPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveCallsPanel)

public:
    explicit LiveCallsPanel(LiveCallsModel &calls, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QLabel *countLabel() const { return m_count; }
    // Hidden while no call is in progress (and while the calls cannot be read): for a page whose
    // own work comes first, where "no calls" would only take room.
    void setHiddenWhenIdle(bool hidden);

signals:
    void openCallRequested(const QString &callId);

private:
    void update();

    LiveCallsModel &m_calls;
    QLabel *m_count;
    QTableView *m_table;
    bool m_hiddenWhenIdle = false;
};

} // namespace vox::ui
