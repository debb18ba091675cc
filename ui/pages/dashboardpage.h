#pragma once

#include "ui/api/dashboardsummary.h"
#include "ui/pages/page.h"

#include <QTimer>

class QChartView;
class QResizeEvent;
class QComboBox;
class QLabel;
class QListView;
class QVBoxLayout;

namespace vox::ui {

class ActivityModel;
class ApiClient;
class LiveCallsModel;
class LiveCallsPanel;
class StatCard;
class ToastArea;

// The clinic at a glance: pipeline value, how many calls end in a booking, how long calls last,
// calls today and this week, hot leads; calls and bookings per day as a chart; what just
// happened; the calls in progress right now. Live events bring the figures up to date on their
// own.
class DashboardPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPage)

public:
    DashboardPage(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    QString title() const override { return tr("Dashboard"); }
    void refresh() override;
    void applyEvent(const LiveEvent &event) override;
    void activated() override;

    QString range() const;
    void setRange(const QString &range);
    StatCard *card(const QString &name) const;
    QChartView *chartView() const { return m_chart; }
    ActivityModel *activity() const { return m_activity; }
    // Shows the calls in progress above the recent activity (the console's one list of them).
    void setLiveCalls(LiveCallsModel &calls);
    LiveCallsPanel *livePanel() const { return m_livePanel; }

signals:
    void recordRequested(const QString &entityType, const QString &id);
    // A call in progress was clicked: follow it on the Live page.
    void liveCallRequested(const QString &callId);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void show(const DashboardSummary &summary);
    void rebuildChart(const DashboardSummary &summary);

    ApiClient &m_api;
    ToastArea &m_toasts;
    ActivityModel *m_activity;
    QComboBox *m_range;
    QLabel *m_greeting;
    StatCard *m_pipeline;
    StatCard *m_successRate;
    StatCard *m_averageDuration;
    StatCard *m_callsToday;
    StatCard *m_callsThisWeek;
    StatCard *m_hotLeads;
    QChartView *m_chart;
    // Whether a week's bars are labelled "Mon 30" (true) or "30" with the months in the axis
    // title: the names only where each fits under its day whole.
    bool dayNamesFit(const DashboardSummary &summary) const;

    DashboardSummary m_shown; // what the chart draws, to draw it again in a new palette
    bool m_dayNames = false;
    QListView *m_activityView;
    QLabel *m_activityEmpty;
    QVBoxLayout *m_side = nullptr;
    LiveCallsPanel *m_livePanel = nullptr;
    QTimer m_debounce;
    int m_generation = 0;
    bool m_loadedOnce = false;
};

} // namespace vox::ui
