#include "ui/pages/dashboardpage.h"

#include "core/activityfeed.h"

#include "ui/api/apiclient.h"
#include "ui/models/activitymodel.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/livecallspanel.h"
#include "ui/widgets/statcard.h"
#include "ui/widgets/toastarea.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFontMetrics>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QListView>
#include <QResizeEvent>
#include <QStyledItemDelegate>
#include <QValueAxis>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

const QColor callsColour(0x1e, 0x6f, 0xc8);
const QColor bookingsColour(0x2e, 0x9d, 0x4f);

// Counts are whole numbers: ticks fall on whole numbers too (0, 1, 2 … or 0, 5, 10 …).
void setWholeNumberTicks(QValueAxis *axis, int peak)
{
    const int step = peak <= 6 ? 1 : peak <= 15 ? 2 : peak <= 40 ? 5 : peak <= 80 ? 10 : 20;
    const int top = (peak / step + 1) * step;
    axis->setRange(0, top);
    axis->setTickCount(top / step + 1);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

// What happened, wrapped to the list's width so advice such as "reconnect it on the
// Integrations page" is never cut off, then when (quieter).
class ActivityDelegate final : public QStyledItemDelegate
{
public:
    explicit ActivityDelegate(QListView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {}

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const QRect area = opt.rect.adjusted(margin, padding, -margin, -padding);
        painter->save();
        painter->setPen(opt.palette.color(
            opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(area, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                          index.data(Qt::DisplayRole).toString());
        painter->setPen(opt.palette.color(QPalette::PlaceholderText));
        painter->drawText(area, Qt::AlignLeft | Qt::AlignBottom | Qt::TextSingleLine,
                          index.data(ActivityModel::TimeTextRole).toString());
        painter->restore();
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QFontMetrics metrics(option.font);
        const int width = qMax(100, m_view->viewport()->width() - 2 * margin);
        const int text = metrics
                             .boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap,
                                           index.data(Qt::DisplayRole).toString())
                             .height();
        return {width, text + metrics.height() + 2 * padding + gap};
    }

private:
    static constexpr int margin = 10;
    static constexpr int padding = 6;
    static constexpr int gap = 4;
    QListView *m_view;
};

} // namespace

DashboardPage::DashboardPage(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : Page(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_activity(new ActivityModel(this))
    , m_range(new QComboBox(this))
    , m_greeting(new QLabel(this))
    , m_pipeline(new StatCard(tr("Pipeline value"), this))
    , m_successRate(new StatCard(tr("Calls that booked"), this))
    , m_averageDuration(new StatCard(tr("Average call length"), this))
    , m_callsToday(new StatCard(tr("Calls today"), this))
    , m_callsThisWeek(new StatCard(tr("Calls this week"), this))
    , m_hotLeads(new StatCard(tr("Hot leads"), this))
    , m_chart(new QChartView(this))
    , m_activityView(new QListView(this))
    , m_activityEmpty(new QLabel(tr("Nothing yet today. New calls and bookings show up here as "
                                    "they happen."),
                                 this))
{
    setObjectName(u"dashboardPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(14);

    auto *top = new QHBoxLayout;
    QFont big = m_greeting->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_greeting->setFont(big);
    m_greeting->setText(tr("Dashboard"));
    top->addWidget(m_greeting, 1);
    top->addWidget(new QLabel(tr("Show:"), this));
    m_range->setObjectName(u"dashboardRange"_s);
    m_range->setAccessibleName(tr("Period"));
    m_range->setAccessibleDescription(tr("The period the figures and the chart cover"));
    m_range->addItem(tr("Today"), u"today"_s);
    m_range->addItem(tr("Last 7 days"), u"7d"_s);
    m_range->addItem(tr("Last 30 days"), u"30d"_s);
    m_range->addItem(tr("Last 90 days"), u"90d"_s);
    m_range->addItem(tr("All time"), u"all"_s);
    m_range->setCurrentIndex(1);
    top->addWidget(m_range);
    layout->addLayout(top);

    auto *cards = new QGridLayout;
    cards->setSpacing(12);
    m_pipeline->setObjectName(u"pipelineCard"_s);
    m_pipeline->setAccent(QColor(0x6a, 0x1b, 0x9a));
    m_successRate->setObjectName(u"successRateCard"_s);
    m_successRate->setAccent(bookingsColour);
    m_averageDuration->setObjectName(u"averageDurationCard"_s);
    m_averageDuration->setAccent(QColor(0x00, 0x83, 0x8f));
    m_callsToday->setObjectName(u"callsTodayCard"_s);
    m_callsToday->setAccent(callsColour);
    m_callsThisWeek->setObjectName(u"callsThisWeekCard"_s);
    m_callsThisWeek->setAccent(callsColour);
    m_hotLeads->setObjectName(u"hotLeadsCard"_s);
    m_hotLeads->setAccent(QColor(0xd8, 0x43, 0x15));
    cards->addWidget(m_pipeline, 0, 0);
    cards->addWidget(m_successRate, 0, 1);
    cards->addWidget(m_averageDuration, 0, 2);
    cards->addWidget(m_callsToday, 1, 0);
    cards->addWidget(m_callsThisWeek, 1, 1);
    cards->addWidget(m_hotLeads, 1, 2);
    layout->addLayout(cards);

    auto *bottom = new QHBoxLayout;
    bottom->setSpacing(12);
    auto *chartBox = new QGroupBox(tr("Calls and bookings per day"), this);
    auto *chartLayout = new QVBoxLayout(chartBox);
    m_chart->setObjectName(u"dashboardChart"_s);
    m_chart->setAccessibleName(tr("Calls and bookings per day"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(240);
    chartLayout->addWidget(m_chart);
    bottom->addWidget(chartBox, 3);

    auto *activityBox = new QGroupBox(tr("Recent activity"), this);
    auto *activityLayout = new QVBoxLayout(activityBox);
    m_activityView->setObjectName(u"recentActivity"_s);
    m_activityView->setAccessibleName(tr("Recent activity"));
    m_activityView->setAccessibleDescription(
        tr("Calls, bookings and hot leads as they happen; Enter or a double-click opens one"));
    m_activityView->setModel(m_activity);
    m_activityView->setItemDelegate(new ActivityDelegate(m_activityView));
    // Lines wrap to the width, so each row's height follows its text and the width.
    m_activityView->setResizeMode(QListView::Adjust);
    m_activityView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_activityView->setToolTip(tr("Double-click to open"));
    m_activityEmpty->setWordWrap(true);
    m_activityEmpty->setAlignment(Qt::AlignCenter);
    m_activityEmpty->setForegroundRole(QPalette::PlaceholderText);
    activityLayout->addWidget(m_activityView);
    activityLayout->addWidget(m_activityEmpty);
    m_activityView->hide();
    // The calls in progress (setLiveCalls) go above what just happened.
    m_side = new QVBoxLayout;
    m_side->setSpacing(12);
    m_side->addWidget(activityBox, 1);
    bottom->addLayout(m_side, 2);
    layout->addLayout(bottom, 1);

    connect(m_range, &QComboBox::currentIndexChanged, this, &DashboardPage::refresh);
    connect(m_activityView, &QListView::activated, this, [this](const QModelIndex &index) {
        if (const LiveEvent *event = m_activity->eventAt(index.row()))
            emit recordRequested(event->entityType, event->entityId);
    });
    const auto activityChanged = [this] {
        const bool any = m_activity->rowCount() > 0;
        m_activityView->setVisible(any);
        m_activityEmpty->setVisible(!any);
    };
    connect(m_activity, &QAbstractItemModel::rowsInserted, this, activityChanged);
    connect(m_activity, &QAbstractItemModel::modelReset, this, activityChanged);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(1500);
    connect(&m_debounce, &QTimer::timeout, this, &DashboardPage::refresh);
    rebuildChart({});
}

QString DashboardPage::range() const
{
    return m_range->currentData().toString();
}

void DashboardPage::setRange(const QString &range)
{
    const int index = m_range->findData(range);
    if (index >= 0)
        m_range->setCurrentIndex(index);
}

StatCard *DashboardPage::card(const QString &name) const
{
    return findChild<StatCard *>(name);
}

void DashboardPage::activated()
{
    if (!m_loadedOnce)
        refresh();
}

void DashboardPage::refresh()
{
    m_loadedOnce = true;
    const int generation = ++m_generation;
    const QString name = m_api.session().fullName.section(u' ', 0, 0);
    m_greeting->setText(name.isEmpty() ? tr("Dashboard") : tr("Hello, %1").arg(name));
    m_api.dashboard().summary(range(), this, [this, generation](Result<DashboardSummary> summary) {
        if (generation != m_generation)
            return;
        if (!summary) {
            m_toasts.problem(summary.error(), [this] { refresh(); });
            return;
        }
        show(*summary);
    });
    m_api.dashboard().recentActivity(this, [this](Result<QList<LiveEvent>> events) {
        if (events)
            m_activity->setEvents(*events);
    });
}

void DashboardPage::show(const DashboardSummary &s)
{
    m_pipeline->setValue(DisplayFormat::money(s.pipelineValueCents));
    m_pipeline->setCaption(tr("Value of the services callers asked about"));
    m_successRate->setValue(DisplayFormat::percent(s.successRate));
    m_successRate->setCaption(
        tr("%1 of %2 incoming calls booked").arg(s.bookedCalls).arg(s.inboundCalls));
    m_averageDuration->setValue(DisplayFormat::duration(s.averageDurationSeconds));
    m_averageDuration->setCaption(s.totalCalls == 1
                                      ? tr("1 call in this period")
                                      : tr("%1 calls in this period").arg(s.totalCalls));
    m_callsToday->setValue(QString::number(s.callsToday));
    m_callsThisWeek->setValue(QString::number(s.callsThisWeek));
    m_hotLeads->setValue(QString::number(s.hotLeads));
    m_hotLeads->setCaption(tr("Worth a call back soon"));
    rebuildChart(s);
}

void DashboardPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Light to dark or back while the page is open: the chart's theme (axes, labels, grid) is
    // chosen when it is built, so it is built again in the new palette.
    if (event->type() == QEvent::PaletteChange)
        rebuildChart(m_shown);
}

void DashboardPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!m_shown.perDay.isEmpty() && dayNamesFit(m_shown) != m_dayNames)
        rebuildChart(m_shown);
}

bool DashboardPage::dayNamesFit(const DashboardSummary &summary) const
{
    const auto days = summary.perDay.size();
    if (days == 0 || days > 7)
        return false;
    // The value axis and the chart's margins take about this much of the view's width.
    constexpr int besideThePlot = 60;
    // Qt Charts cuts the first and last labels unless they have room beyond their width.
    constexpr int gap = 24;
    const QFontMetrics metrics(m_chart->font());
    int widest = 0;
    for (const auto &day : summary.perDay)
        widest = qMax(widest, metrics.horizontalAdvance(QLocale().toString(day.date, u"ddd d"_s)));
    return widest + gap <= (m_chart->width() - besideThePlot) / int(days);
}

void DashboardPage::rebuildChart(const DashboardSummary &summary)
{
    m_shown = summary;
    auto *chart = new QChart;
    chart->setTheme(isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);

    int peak = 1;
    for (const auto &day : summary.perDay)
        peak = qMax(peak, qMax(day.calls, day.bookings));

    if (summary.perDay.size() <= 14) {
        auto *calls = new QBarSet(tr("Calls"));
        auto *bookings = new QBarSet(tr("Bookings"));
        calls->setColor(callsColour);
        bookings->setColor(bookingsColour);
        QStringList days;
        // A week's days with their names where they fit whole; otherwise only their numbers
        // (the month is in the axis title).
        const bool roomy = dayNamesFit(summary);
        m_dayNames = roomy;
        for (const auto &day : summary.perDay) {
            *calls << day.calls;
            *bookings << day.bookings;
            days << QLocale().toString(day.date, roomy ? u"ddd d"_s : u"d"_s);
        }
        auto *series = new QBarSeries;
        series->append(calls);
        series->append(bookings);
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(days);
        if (!roomy && !summary.perDay.isEmpty()) {
            const QString first = QLocale().toString(summary.perDay.constFirst().date, u"MMMM"_s);
            const QString last = QLocale().toString(summary.perDay.constLast().date, u"MMMM"_s);
            x->setTitleText(first == last ? first : tr("%1 – %2").arg(first, last));
        }
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        auto *y = new QValueAxis;
        y->setLabelFormat(u"%d"_s);
        setWholeNumberTicks(y, peak);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
    } else {
        auto *calls = new QLineSeries;
        calls->setName(tr("Calls"));
        calls->setColor(callsColour);
        auto *bookings = new QLineSeries;
        bookings->setName(tr("Bookings"));
        bookings->setColor(bookingsColour);
        for (const auto &day : summary.perDay) {
            const qreal x = QDateTime(day.date, QTime(12, 0)).toMSecsSinceEpoch();
            calls->append(x, day.calls);
            bookings->append(x, day.bookings);
        }
        chart->addSeries(calls);
        chart->addSeries(bookings);
        auto *x = new QDateTimeAxis;
        x->setFormat(u"d MMM"_s);
        x->setTickCount(6);
        chart->addAxis(x, Qt::AlignBottom);
        calls->attachAxis(x);
        bookings->attachAxis(x);
        auto *y = new QValueAxis;
        y->setLabelFormat(u"%d"_s);
        setWholeNumberTicks(y, peak);
        chart->addAxis(y, Qt::AlignLeft);
        calls->attachAxis(y);
        bookings->attachAxis(y);
    }
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;
    // The chart's text alternative: what a screen reader says for it, day by day.
    QStringList spoken;
    for (const auto &day : summary.perDay)
        spoken << tr("%1: %n call(s)", nullptr, day.calls)
                          .arg(QLocale().toString(day.date, u"dddd d MMMM"_s)) +
                      u", "_s + tr("%n booking(s)", nullptr, day.bookings);
    m_chart->setAccessibleDescription(spoken.isEmpty() ? tr("No calls in this period.")
                                                       : spoken.join(u"; "_s));
}

void DashboardPage::applyEvent(const LiveEvent &event)
{
    if (activity::belongsInFeed(event.type, event.payload))
        m_activity->prepend(event);
    if (event.type.startsWith(u"call."_s) || event.type.startsWith(u"appointment."_s) ||
        event.type.startsWith(u"lead."_s) || event.type.startsWith(u"contact."_s))
        m_debounce.start();
}

void DashboardPage::setLiveCalls(LiveCallsModel &calls)
{
    if (m_livePanel)
        return;
    m_livePanel = new LiveCallsPanel(calls, this);
    m_side->insertWidget(0, m_livePanel);
    connect(m_livePanel, &LiveCallsPanel::openCallRequested, this,
            &DashboardPage::liveCallRequested);
}

} // namespace vox::ui
