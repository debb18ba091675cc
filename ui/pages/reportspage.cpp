#include "ui/pages/reportspage.h"

#include "ui/api/apiclient.h"
#include "ui/api/reportsclient.h"
#include "ui/models/displayformat.h"
#include "ui/pages/reportexport.h"
#include "ui/widgets/flowlayout.h"
#include "ui/widgets/hourheatmap.h"
#include "ui/widgets/messagesauditpanel.h"
#include "ui/widgets/statcard.h"
#include "ui/widgets/tablecsvbutton.h"
#include "ui/widgets/toastarea.h"

#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QStyle>
#include <QTableWidget>
#include <QTabWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

const QColor currentColour(0x1e, 0x6f, 0xc8);
const QColor previousColour(0x9e, 0x9e, 0x9e);
// Delivered and failed messages: a green and a red that read on light and dark backgrounds.
const QColor deliveredColour(0x2e, 0x9d, 0x5b);
const QColor failedColour(0xd6, 0x45, 0x45);

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QLabel *howLine(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    QFont small = label->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    label->setFont(small);
    return label;
}

QTableWidget *table(const QString &name, const QString &accessibleName, const QStringList &headers,
                    QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setAccessibleName(accessibleName);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionMode(QAbstractItemView::NoSelection);
    t->setFocusPolicy(Qt::NoFocus);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    t->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return t;
}

// A table as tall as its rows: the report scrolls as a whole, not each table in it. It is also
// never narrower than its headers and cells, so that a table sharing a row with another (and a
// longer Spanish header) keeps its first column readable instead of clipping it.
void fitHeight(QTableWidget *t)
{
    int height = t->horizontalHeader()->height() + 2 * t->frameWidth();
    for (int r = 0; r < t->rowCount(); ++r)
        height += t->rowHeight(r);
    t->setFixedHeight(height);
    // A cell's text and the view's padding around it (the style's focus frame margin, twice).
    const int padding = 2 * (t->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, t) + 1);
    int width = 2 * t->frameWidth();
    for (int c = 0; c < t->columnCount(); ++c) {
        if (t->isColumnHidden(c))
            continue;
        int column = t->horizontalHeader()->sectionSizeHint(c);
        for (int r = 0; r < t->rowCount(); ++r) {
            if (const QTableWidgetItem *item = t->item(r, c))
                column = qMax(column, t->fontMetrics().horizontalAdvance(item->text()) + padding);
        }
        width += column;
    }
    t->setMinimumWidth(width);
}

// One row: the cells as shown, and beside them the values a CSV export writes instead (a count,
// an amount, a percentage as a plain number); an invalid value leaves the shown text in the file.
void setRow(QTableWidget *t, int row, const QStringList &cells, const QVariantList &values = {})
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = new QTableWidgetItem(cells.at(c));
        if (c > 0)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (c < values.size() && values.at(c).isValid())
            item->setData(TableCsvButton::ExportRole, values.at(c));
        t->setItem(row, c, item);
    }
}

// A rate of a period as shown: "–" when the period had no calls to take a share of (the server
// says 0 then, but 0 % of nothing would read as a period that went badly).
QString shareOf(const QJsonObject &period, const char *calls, double rate)
{
    return period.value(QLatin1String(calls)).toInteger() > 0 ? DisplayFormat::percent(rate)
                                                              : u"–"_s;
}

// An amount in the clinic's currency as a spreadsheet wants it: units with decimals, not cents.
QVariant amount(qint64 cents)
{
    return double(cents) / 100.0;
}

QList<QList<int>> intGrid(const QJsonArray &rows)
{
    QList<QList<int>> grid;
    for (const QJsonValue &row : rows) {
        QList<int> cells;
        for (const QJsonValue &cell : row.toArray())
            cells << cell.toInt();
        grid << cells;
    }
    return grid;
}

QList<QList<bool>> boolGrid(const QJsonArray &rows)
{
    QList<QList<bool>> grid;
    for (const QJsonValue &row : rows) {
        QList<bool> cells;
        for (const QJsonValue &cell : row.toArray())
            cells << cell.toBool();
        grid << cells;
    }
    return grid;
}

// A value axis for whole counts up to `peak`: ticks on whole numbers, at most about six of them,
// so that its labels stay short and readable on a narrow window.
QValueAxis *countAxis(int peak)
{
    int step = 1;
    for (int scale = 1; step * 5 < peak; scale *= 10) {
        for (const int nice : {1, 2, 5}) {
            step = nice * scale;
            if (step * 5 >= peak)
                break;
        }
    }
    const int top = (peak / step + 1) * step;
    auto *y = new QValueAxis;
    y->setLabelFormat(u"%d"_s);
    y->setRange(0, top);
    y->setTickCount(top / step + 1);
    return y;
}

// Bars per day of the period, one set beside the other. Only some days are named under the bars
// (every day of a week, every other of a fortnight, then one a week), upright: thirty dates turned
// on their side do not fit a narrow window and would be cut to "…".
void addDayBars(QChart *chart, const QJsonArray &days, const QList<QBarSet *> &sets)
{
    int peak = 0;
    auto *series = new QBarSeries;
    for (QBarSet *set : sets) {
        for (int i = 0; i < set->count(); ++i)
            peak = std::max(peak, int(set->at(i)));
        series->append(set);
    }
    chart->addSeries(series);
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    x->setStartValue(-0.5);
    x->setRange(-0.5, double(std::max<qsizetype>(days.size(), 1)) - 0.5);
    const int every = days.size() <= 10 ? 1 : days.size() <= 20 ? 2 : 7;
    for (int i = 0; i < days.size(); i += every) {
        const QDate day =
            QDate::fromString(days.at(i).toObject().value(u"date"_s).toString(), Qt::ISODate);
        x->append(DisplayFormat::dayMonth(day), i);
    }
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = countAxis(peak);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
}

// A set of bars: one whole number per day, read from each day's `key`.
QBarSet *dayCounts(const QString &name, const QColor &colour, const QJsonArray &days,
                   const QString &key)
{
    auto *set = new QBarSet(name);
    set->setColor(colour);
    for (const QJsonValue &day : days)
        *set << day.toObject().value(key).toInt();
    return set;
}

} // namespace

ReportsPage::ReportsPage(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : Page(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_choice(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_compare(new QCheckBox(tr("Compare with the period before"), this))
    , m_exportPng(new QPushButton(tr("Export PNG…"), this))
    , m_exportPdf(new QPushButton(tr("Export PDF…"), this))
    , m_rangeLabel(new QLabel(this))
    , m_report(new QWidget)
    , m_callsChart(new QChartView)
    , m_sentimentChart(new QChartView)
    , m_toolErrorsChart(new QChartView)
    , m_messagesChart(new QChartView)
    , m_heatMap(new HourHeatMap)
    , m_heatMapNote(nullptr)
    , m_funnel(nullptr)
    , m_services(nullptr)
    , m_lengths(nullptr)
    , m_reasons(nullptr)
    , m_toolErrors(nullptr)
    , m_reviewTags(nullptr)
    , m_tabs(new QTabWidget(this))
    , m_messages(new MessagesAuditPanel(api, toasts))
{
    setObjectName(u"reportsPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 16);
    layout->setSpacing(10);

    auto *top = new QHBoxLayout;
    auto *heading = new QLabel(tr("Reports"), this);
    QFont big = heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    heading->setFont(big);
    top->addWidget(heading);
    top->addStretch(1);
    // The period's controls wrap under the heading where the window is narrow (1024 px, Spanish).
    auto *periodRow = new QWidget(this);
    auto *period = new FlowLayout(periodRow);
    period->setContentsMargins(0, 0, 0, 0);
    m_choice->setObjectName(u"reportRange"_s);
    m_choice->setAccessibleName(tr("Period"));
    m_choice->setAccessibleDescription(
        tr("The days the report covers; Custom takes the first and last day as typed"));
    m_choice->addItem(tr("This week"), int(Choice::ThisWeek));
    m_choice->addItem(tr("Last week"), int(Choice::LastWeek));
    m_choice->addItem(tr("This month"), int(Choice::ThisMonth));
    m_choice->addItem(tr("Last 30 days"), int(Choice::Last30Days));
    m_choice->addItem(tr("Last 90 days"), int(Choice::Last90Days));
    m_choice->addItem(tr("Custom"), int(Choice::Custom));
    period->addWidget(m_choice);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        // The locale's short date, as the page's other dates are written.
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    }
    m_from->setObjectName(u"reportFrom"_s);
    m_from->setAccessibleName(tr("First day"));
    m_to->setObjectName(u"reportTo"_s);
    m_to->setAccessibleName(tr("Last day"));
    period->addWidget(m_from);
    period->addWidget(new QLabel(u"–"_s, this));
    period->addWidget(m_to);
    m_compare->setObjectName(u"reportCompare"_s);
    m_compare->setChecked(true);
    period->addWidget(m_compare);
    m_exportPng->setObjectName(u"exportPng"_s);
    m_exportPdf->setObjectName(u"exportPdf"_s);
    top->addWidget(m_exportPng);
    top->addWidget(m_exportPdf);
    layout->addLayout(top);
    // One period for both tabs: the figures count it, the messages list shows it.
    layout->addWidget(periodRow);
    // The figures for a period, and the messages audit beside them.
    m_tabs->setObjectName(u"reportsTabs"_s);
    m_tabs->setDocumentMode(true);
    auto *figuresTab = new QWidget(m_tabs);
    auto *figuresLayout = new QVBoxLayout(figuresTab);
    figuresLayout->setContentsMargins(0, 8, 0, 0);
    m_tabs->addTab(figuresTab, tr("Figures"));
    m_tabs->addTab(m_messages, tr("Messages"));
    m_tabs->setTabToolTip(1, tr("Every text and e-mail sent and received, exportable to CSV"));
    layout->addWidget(m_tabs, 1);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        const bool figures = index == 0;
        m_exportPng->setVisible(figures);
        m_exportPdf->setVisible(figures);
        m_compare->setVisible(figures);
        if (!figures && !m_messages->loaded())
            m_messages->reload();
    });

    // Everything below is the report: what the exports draw.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_report->setObjectName(u"reportArea"_s);
    m_report->setAutoFillBackground(true);
    auto *body = new QVBoxLayout(m_report);
    body->setContentsMargins(0, 0, 8, 0);
    body->setSpacing(14);
    m_rangeLabel->setObjectName(u"reportRangeLabel"_s);
    m_rangeLabel->setWordWrap(true);
    body->addWidget(m_rangeLabel);

    // Volume.
    auto *volume = new QGroupBox(tr("Calls"), m_report);
    auto *volumeLayout = new QVBoxLayout(volume);
    auto *volumeGrid = new QGridLayout;
    volumeGrid->setSpacing(10);
    const QString handled =
        tr("Incoming calls. Transferred: the call was handed to a person. Missed: it failed or "
           "ended without anyone talking. Answered by the AI: the rest that ended.");
    addFigure(volumeGrid, 0, 0, u"volume.calls"_s, tr("Calls"),
              tr("Incoming and outgoing calls that started in the period, by the clinic's "
                 "calendar."));
    addFigure(volumeGrid, 0, 1, u"volume.ai"_s, tr("Answered by the AI"), handled);
    addFigure(volumeGrid, 0, 2, u"volume.transferred"_s, tr("Transferred"), handled);
    addFigure(volumeGrid, 0, 3, u"volume.missed"_s, tr("Missed"), handled);
    addFigure(volumeGrid, 0, 4, u"volume.closed"_s, tr("While closed"),
              tr("Incoming calls outside the opening hours set in Settings."));
    volumeLayout->addLayout(volumeGrid);
    m_callsChart->setObjectName(u"reportCallsChart"_s);
    m_callsChart->setAccessibleName(tr("Calls per day"));
    m_callsChart->setRenderHint(QPainter::Antialiasing);
    m_callsChart->setMinimumHeight(240);
    volumeLayout->addWidget(m_callsChart);
    volumeLayout->addWidget(howLine(tr("Calls per day of the clinic's calendar; the grey bars "
                                       "are the same day of the period before."),
                                    volume));
    volumeLayout->addWidget(new QLabel(tr("When callers call"), volume));
    volumeLayout->addWidget(m_heatMap);
    m_heatMapNote = howLine(QString(), volume);
    volumeLayout->addWidget(m_heatMapNote);
    body->addWidget(volume);

    // Outcomes.
    auto *outcomes = new QGroupBox(tr("From call to appointment"), m_report);
    auto *outcomesLayout = new QVBoxLayout(outcomes);
    auto *outcomeGrid = new QGridLayout;
    outcomeGrid->setSpacing(10);
    addFigure(outcomeGrid, 0, 0, u"outcomes.successRate"_s, tr("Success rate"),
              tr("Incoming calls that booked ÷ incoming calls × 100, as on the dashboard."));
    addFigure(outcomeGrid, 0, 1, u"outcomes.booked"_s, tr("Booked"),
              tr("Incoming calls during which an appointment was booked."));
    outcomesLayout->addLayout(outcomeGrid);
    m_funnel = table(u"reportFunnel"_s, tr("From call to appointment"),
                     {tr("Step"), tr("This period"), tr("Period before"), tr("Change")}, outcomes);
    m_funnel->setAccessibleDescription(
        tr("Each step from call to appointment in this period, the period before, and the change"));
    // The file holds the change as a number of per cent, so its header says the unit.
    m_funnel->horizontalHeaderItem(3)->setData(TableCsvButton::ExportRole, tr("Change (%)"));
    outcomesLayout->addWidget(withCsv(m_funnel, u"call-to-appointment"_s));
    outcomesLayout->addWidget(
        howLine(tr("Calls: incoming calls. Leads: different callers among them. Booked: calls "
                   "that booked. Attended, cancelled: what became of those appointments. No-show: "
                   "appointments already over but never marked attended or cancelled."),
                outcomes));
    body->addWidget(outcomes);

    // Money.
    auto *money = new QGroupBox(tr("Money"), m_report);
    auto *moneyLayout = new QVBoxLayout(money);
    auto *moneyGrid = new QGridLayout;
    moneyGrid->setSpacing(10);
    addFigure(moneyGrid, 0, 0, u"money.pipeline"_s, tr("Pipeline value"),
              tr("Sum of the calls' values: the booked service's price, otherwise the prices of "
                 "the services the caller mentioned."));
    addFigure(moneyGrid, 0, 1, u"money.booked"_s, tr("Booked value"),
              tr("The same sum over the calls that booked."));
    addFigure(moneyGrid, 0, 2, u"money.average"_s, tr("Average per call"),
              tr("Pipeline value ÷ calls."));
    moneyLayout->addLayout(moneyGrid);
    m_services = table(u"reportServices"_s, tr("Money per service"),
                       {tr("Service"), tr("Price"), tr("Asked about"), tr("Booked"), tr("Pipeline"),
                        tr("Booked value")},
                       money);
    m_services->setAccessibleDescription(tr("Per service: its price, the calls that asked about it "
                                            "and that booked it, and their value"));
    moneyLayout->addWidget(withCsv(m_services, u"money-per-service"_s));
    moneyLayout->addWidget(howLine(
        tr("Asked about: calls whose words matched the service's keywords. Booked: calls that "
           "booked it. Values are today's price times those calls."),
        money));
    body->addWidget(money);

    // Quality.
    auto *quality = new QGroupBox(tr("Quality"), m_report);
    auto *qualityLayout = new QVBoxLayout(quality);
    auto *qualityGrid = new QGridLayout;
    qualityGrid->setSpacing(10);
    addFigure(qualityGrid, 0, 0, u"quality.sentiment"_s, tr("Average sentiment"),
              tr("Mean sentiment score of the calls that have one, from −1 to 1."));
    addFigure(qualityGrid, 0, 1, u"quality.transferRate"_s, tr("Transfer rate"),
              tr("Transferred incoming calls ÷ incoming calls × 100."));
    addFigure(qualityGrid, 0, 2, u"quality.unresolved"_s, tr("Not resolved"),
              tr("Calls the AI answered that neither booked nor were transferred, and that "
                 "Vapi's success evaluation did not pass."));
    qualityLayout->addLayout(qualityGrid);
    m_sentimentChart->setObjectName(u"reportSentimentChart"_s);
    m_sentimentChart->setAccessibleName(tr("Sentiment per day"));
    m_sentimentChart->setRenderHint(QPainter::Antialiasing);
    m_sentimentChart->setMinimumHeight(200);
    qualityLayout->addWidget(m_sentimentChart);
    qualityLayout->addWidget(howLine(tr("Mean sentiment per day; days without a scored call "
                                        "are left out of the line."),
                                     quality));
    auto *tables = new QHBoxLayout;
    m_lengths = table(u"reportLengths"_s, tr("Calls by length"),
                      {tr("Call length"), tr("Calls"), tr("Period before")}, quality);
    m_reasons = table(u"reportReasons"_s, tr("Transfer reasons"),
                      {tr("Transfer reason"), tr("Calls")}, quality);
    m_reasons->setAccessibleDescription(tr("Transferred calls by the reason recorded"));
    m_lengths->setAccessibleDescription(
        tr("Ended calls by talk time, in this period and the period before"));
    tables->addWidget(withCsv(m_lengths, u"calls-by-length"_s), 2);
    tables->addWidget(withCsv(m_reasons, u"transfer-reasons"_s), 3);
    qualityLayout->addLayout(tables);
    qualityLayout->addWidget(howLine(tr("Ended calls by talk time. Transfer reasons as recorded, "
                                        "the ten most frequent."),
                                     quality));
    auto *judged = new QGridLayout;
    judged->setSpacing(10);
    addFigure(judged, 0, 0, u"quality.toolErrors"_s, tr("Tool errors"),
              tr("Times the AI's booking tools failed during calls: a booking the rules refused, a "
                 "service the clinic does not offer, a time already taken, an appointment not "
                 "found, unreadable details, or trouble on our side."));
    addFigure(judged, 0, 1, u"quality.reviewed"_s, tr("Calls reviewed"),
              tr("Calls in the period that someone at the clinic reviewed."));
    addFigure(judged, 0, 2, u"quality.reviewScore"_s, tr("Average review score"),
              tr("Mean score (1 to 5) of the reviewed calls."));
    qualityLayout->addLayout(judged);
    m_toolErrorsChart->setObjectName(u"reportToolErrorsChart"_s);
    m_toolErrorsChart->setAccessibleName(tr("Tool errors per day"));
    m_toolErrorsChart->setRenderHint(QPainter::Antialiasing);
    m_toolErrorsChart->setMinimumHeight(200);
    qualityLayout->addWidget(m_toolErrorsChart);
    auto *judgedTables = new QHBoxLayout;
    m_toolErrors = table(u"reportToolErrors"_s, tr("Tool errors by kind"),
                         {tr("Tool error"), tr("This period"), tr("Period before")}, quality);
    m_toolErrors->setAccessibleDescription(
        tr("Failed tool calls by kind, in this period and the period before"));
    m_reviewTags =
        table(u"reportReviewTags"_s, tr("Review tags"), {tr("Tag"), tr("Calls")}, quality);
    m_reviewTags->setAccessibleDescription(tr("Reviewed calls per tag"));
    judgedTables->addWidget(withCsv(m_toolErrors, u"tool-errors-by-kind"_s), 3);
    judgedTables->addWidget(withCsv(m_reviewTags, u"review-tags"_s), 2);
    qualityLayout->addLayout(judgedTables);
    qualityLayout->addWidget(howLine(tr("Tool errors per day; the grey bars are the same day of "
                                        "the period before. Tool errors are counted on the day "
                                        "they happened. A "
                                        "reviewed call counts once for each of its tags."),
                                     quality));
    body->addWidget(quality);

    // Reminders and messages.
    auto *messages = new QGroupBox(tr("Reminders and messages"), m_report);
    auto *messagesLayout = new QVBoxLayout(messages);
    auto *messagesGrid = new QGridLayout;
    messagesGrid->setSpacing(10);
    addFigure(messagesGrid, 0, 0, u"messages.sent"_s, tr("Sent"),
              tr("Texts and e-mails the clinic wrote in the period that the provider accepted."));
    addFigure(messagesGrid, 0, 1, u"messages.delivered"_s, tr("Delivered"),
              tr("Those the provider reported delivered."));
    addFigure(messagesGrid, 0, 2, u"messages.failed"_s, tr("Failed"),
              tr("Those that could not be sent or delivered."));
    addFigure(messagesGrid, 0, 3, u"messages.reminders"_s, tr("Reminders"),
              tr("Appointment reminders written, by text or e-mail."));
    addFigure(messagesGrid, 1, 0, u"messages.confirmed"_s, tr("Confirmed by reply"),
              tr("Texts from patients read as confirming their appointment."));
    addFigure(messagesGrid, 1, 1, u"messages.optOuts"_s, tr("Opt-outs"),
              tr("Texts from patients asking for no more texts (STOP and the like)."));
    addFigure(messagesGrid, 1, 2, u"messages.textbacks"_s, tr("Missed-call text-backs"),
              tr("Texts written to callers who reached nobody."));
    messagesLayout->addLayout(messagesGrid);
    m_messagesChart->setObjectName(u"reportMessagesChart"_s);
    m_messagesChart->setAccessibleName(tr("Messages per day"));
    m_messagesChart->setRenderHint(QPainter::Antialiasing);
    m_messagesChart->setMinimumHeight(200);
    messagesLayout->addWidget(m_messagesChart);
    messagesLayout->addWidget(howLine(tr("Sent, delivered and failed messages per day. "
                                         "Messages count on the day they were written, in the "
                                         "clinic's calendar; hover a figure for what it counts."),
                                      messages));
    body->addWidget(messages);
    body->addStretch(1);
    scroll->setWidget(m_report);
    figuresLayout->addWidget(scroll, 1);

    choose(Choice::Last30Days);
    connect(m_choice, &QComboBox::currentIndexChanged, this, [this] {
        const auto choice = Choice(m_choice->currentData().toInt());
        if (choice != Choice::Custom)
            choose(choice);
        m_from->setEnabled(choice == Choice::Custom);
        m_to->setEnabled(choice == Choice::Custom);
    });
    for (QDateEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (Choice(m_choice->currentData().toInt()) == Choice::Custom && m_loadedOnce)
                refresh();
        });
    }
    connect(m_compare, &QCheckBox::toggled, this, [this] {
        // The figures are in; only what is shown changes.
        for (const QString &name : m_data.keys())
            showReport(name, m_data.value(name));
        rebuildCharts();
    });
    connect(m_exportPng, &QPushButton::clicked, this, [this] { exportAs(u"png"_s); });
    connect(m_exportPdf, &QPushButton::clicked, this, [this] { exportAs(u"pdf"_s); });
}

QWidget *ReportsPage::withCsv(QTableWidget *table, const QString &fileName)
{
    auto *box = new QWidget(table->parentWidget());
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(table);
    auto *button = new TableCsvButton(m_toasts, table, fileName, box);
    layout->addWidget(button, 0, Qt::AlignRight);
    // Side by side with a taller table, this one and its button stay at the top of the row
    // instead of floating half-way down.
    layout->addStretch(1);
    m_tableExports.insert(table, button);
    return box;
}

StatCard *ReportsPage::addFigure(QGridLayout *grid, int row, int column, const QString &key,
                                 const QString &title, const QString &how)
{
    auto *card = new StatCard(title, m_report);
    card->setObjectName(key);
    card->setAccent(currentColour);
    card->setToolTip(how);
    card->setMinimumWidth(120);
    grid->addWidget(card, row, column);
    m_figures.insert(key, card);
    return card;
}

void ReportsPage::activated()
{
    if (!m_loadedOnce)
        refresh();
}

void ReportsPage::choose(Choice choice)
{
    if (choice != Choice::Custom) {
        static const QHash<Choice, reports::Preset> presets{
            {Choice::ThisWeek, reports::Preset::ThisWeek},
            {Choice::LastWeek, reports::Preset::LastWeek},
            {Choice::ThisMonth, reports::Preset::ThisMonth},
            {Choice::Last30Days, reports::Preset::Last30Days},
            {Choice::Last90Days, reports::Preset::Last90Days}};
        const QDate today = DisplayFormat::inClinicZone(QDateTime::currentDateTimeUtc()).date();
        const reports::DateRange r = reports::presetRange(presets.value(choice), today);
        const QSignalBlocker quietFrom(m_from);
        const QSignalBlocker quietTo(m_to);
        m_from->setDate(r.from);
        m_to->setDate(r.to);
    }
    {
        const QSignalBlocker quiet(m_choice);
        m_choice->setCurrentIndex(m_choice->findData(int(choice)));
    }
    m_from->setEnabled(choice == Choice::Custom);
    m_to->setEnabled(choice == Choice::Custom);
    if (m_loadedOnce)
        refresh();
}

void ReportsPage::setCustomRange(QDate from, QDate to)
{
    {
        const QSignalBlocker quiet(m_choice);
        m_choice->setCurrentIndex(m_choice->findData(int(Choice::Custom)));
    }
    const QSignalBlocker quietFrom(m_from);
    const QSignalBlocker quietTo(m_to);
    m_from->setEnabled(true);
    m_to->setEnabled(true);
    m_from->setDate(from);
    m_to->setDate(to);
    refresh();
}

reports::DateRange ReportsPage::range() const
{
    return {m_from->date(), m_to->date()};
}

void ReportsPage::setComparing(bool comparing)
{
    m_compare->setChecked(comparing);
}

void ReportsPage::updateRangeLabel()
{
    const reports::DateRange r = range();
    const reports::DateRange before = reports::previousPeriod(r);
    const QLocale locale;
    m_rangeLabel->setText(
        tr("%1 – %2 (%n day(s)), compared with %3 – %4. Days and hours are the clinic's.", nullptr,
           int(r.days()))
            .arg(locale.toString(r.from, QLocale::ShortFormat),
                 locale.toString(r.to, QLocale::ShortFormat),
                 locale.toString(before.from, QLocale::ShortFormat),
                 locale.toString(before.to, QLocale::ShortFormat)));
}

void ReportsPage::refresh()
{
    m_loadedOnce = true;
    const reports::DateRange r = range();
    updateRangeLabel();
    // Answers to an earlier range are dropped from here on, whether or not this one is asked.
    const int generation = ++m_generation;
    m_loaded = 0;
    // The server says why a range is refused too; here the obvious cases stop before asking.
    if (r.to < r.from || r.days() > reports::maxRangeDays) {
        m_toasts.problem(tr("Choose a last day on or after the first, at most %1 days later.")
                             .arg(reports::maxRangeDays));
        return;
    }
    m_messages->setDays(r.from, r.to, m_tabs->currentWidget() == m_messages);
    m_data.clear();
    ReportsClient client(m_api);
    for (const QString &name :
         {u"volume"_s, u"outcomes"_s, u"money"_s, u"quality"_s, u"messages"_s}) {
        client.report(name, r.from, r.to, this,
                      [this, generation, name](Result<QJsonObject> report) {
                          if (generation != m_generation)
                              return;
                          if (!report) {
                              m_toasts.problem(report.error(), [this] { refresh(); });
                              return;
                          }
                          m_data.insert(name, *report);
                          showReport(name, *report);
                          rebuildCharts();
                          ++m_loaded;
                      });
    }
}

void ReportsPage::showReport(const QString &name, const QJsonObject &report)
{
    if (name == u"volume")
        showVolume(report);
    else if (name == u"outcomes")
        showOutcomes(report);
    else if (name == u"money")
        showMoney(report);
    else if (name == u"quality")
        showQuality(report);
    else
        showMessages(report);
}

void ReportsPage::compare(const QString &key, const QString &shown, double current, double previous,
                          const QString &previousShown)
{
    StatCard *card = m_figures.value(key);
    card->setValue(shown);
    if (!m_compare->isChecked()) {
        card->setCaption(QString());
        return;
    }
    const auto change = reports::percentChange(current, previous);
    card->setCaption(change ? tr("Before: %1 (%2%3%)")
                                  .arg(previousShown, *change > 0 ? u"+"_s : QString(),
                                       QLocale().toString(*change, 'f', 0))
                            : tr("Before: %1").arg(previousShown));
}

void ReportsPage::compareCount(const QJsonObject &now, const QJsonObject &before, const char *key,
                               const QString &card)
{
    const qint64 a = now.value(QLatin1String(key)).toInteger();
    const qint64 b = before.value(QLatin1String(key)).toInteger();
    compare(card, number(a), double(a), double(b), number(b));
}

void ReportsPage::showVolume(const QJsonObject &report)
{
    const QJsonObject now = report.value(u"current"_s).toObject();
    const QJsonObject before = report.value(u"previous"_s).toObject();
    compareCount(now, before, "calls", u"volume.calls"_s);
    compareCount(now, before, "ai_answered", u"volume.ai"_s);
    compareCount(now, before, "transferred", u"volume.transferred"_s);
    compareCount(now, before, "missed", u"volume.missed"_s);
    compareCount(now, before, "inbound_while_closed", u"volume.closed"_s);
    m_heatMap->setData(intGrid(now.value(u"hour_of_week"_s).toArray()),
                       boolGrid(now.value(u"open_hours"_s).toArray()));
    m_heatMapNote->setText(
        tr("Incoming calls by weekday and hour of the clinic's clock; darker is busier (at most "
           "%n call(s) in one hour). Hatched hours are outside the opening hours.",
           nullptr, m_heatMap->peak()));
}

void ReportsPage::showOutcomes(const QJsonObject &report)
{
    const QJsonObject now = report.value(u"current"_s).toObject();
    const QJsonObject before = report.value(u"previous"_s).toObject();
    const double rate = now.value(u"success_rate"_s).toDouble();
    const double rateBefore = before.value(u"success_rate"_s).toDouble();
    compare(u"outcomes.successRate"_s, shareOf(now, "calls", rate), rate, rateBefore,
            shareOf(before, "calls", rateBefore));
    const qint64 booked = now.value(u"booked"_s).toInteger();
    const qint64 bookedBefore = before.value(u"booked"_s).toInteger();
    compare(u"outcomes.booked"_s, number(booked), double(booked), double(bookedBefore),
            number(bookedBefore));

    const std::pair<const char *, QString> steps[] = {
        {"calls", tr("Calls")},        {"leads", tr("Leads")},         {"booked", tr("Booked")},
        {"completed", tr("Attended")}, {"cancelled", tr("Cancelled")}, {"no_show", tr("No-show")}};
    m_funnel->setRowCount(int(std::size(steps)));
    m_funnel->setColumnHidden(2, !m_compare->isChecked());
    m_funnel->setColumnHidden(3, !m_compare->isChecked());
    int row = 0;
    for (const auto &[key, label] : steps) {
        const qint64 a = now.value(QLatin1String(key)).toInteger();
        const qint64 b = before.value(QLatin1String(key)).toInteger();
        const auto change = reports::percentChange(double(a), double(b));
        setRow(m_funnel, row++,
               {label, number(a), number(b),
                change ? u"%1%2%"_s.arg(*change > 0 ? u"+"_s : QString(),
                                        QLocale().toString(*change, 'f', 0))
                       : u"–"_s},
               {QVariant(), a, b, change ? QVariant(std::round(*change)) : QVariant(QString())});
    }
    fitHeight(m_funnel);
}

void ReportsPage::showMoney(const QJsonObject &report)
{
    const QJsonObject now = report.value(u"current"_s).toObject();
    const QJsonObject before = report.value(u"previous"_s).toObject();
    const auto cents = [&](const char *key, const QString &card) {
        const qint64 a = now.value(QLatin1String(key)).toInteger();
        const qint64 b = before.value(QLatin1String(key)).toInteger();
        compare(card, DisplayFormat::money(a), double(a), double(b), DisplayFormat::money(b));
    };
    cents("pipeline_cents", u"money.pipeline"_s);
    cents("booked_cents", u"money.booked"_s);
    cents("average_value_per_call_cents", u"money.average"_s);
    const QJsonArray services = now.value(u"per_service"_s).toArray();
    m_services->setRowCount(int(services.size()));
    int row = 0;
    for (const QJsonValue &v : services) {
        const QJsonObject s = v.toObject();
        const qint64 price = s.value(u"price_cents"_s).toInteger();
        const qint64 asked = s.value(u"asked_calls"_s).toInteger();
        const qint64 bookedCalls = s.value(u"booked_calls"_s).toInteger();
        const qint64 pipeline = s.value(u"pipeline_cents"_s).toInteger();
        const qint64 bookedValue = s.value(u"booked_cents"_s).toInteger();
        setRow(
            m_services, row++,
            {s.value(u"service"_s).toString(), DisplayFormat::money(price), number(asked),
             number(bookedCalls), DisplayFormat::money(pipeline),
             DisplayFormat::money(bookedValue)},
            {QVariant(), amount(price), asked, bookedCalls, amount(pipeline), amount(bookedValue)});
    }
    fitHeight(m_services);
}

void ReportsPage::showQuality(const QJsonObject &report)
{
    const QJsonObject now = report.value(u"current"_s).toObject();
    const QJsonObject before = report.value(u"previous"_s).toObject();
    const auto score = [](const QJsonValue &v) {
        return v.isNull() ? u"–"_s : QLocale().toString(v.toDouble(), 'f', 2);
    };
    compare(u"quality.sentiment"_s, score(now.value(u"average_sentiment"_s)),
            now.value(u"average_sentiment"_s).toDouble(),
            before.value(u"average_sentiment"_s).toDouble(),
            score(before.value(u"average_sentiment"_s)));
    const double rate = now.value(u"transfer_rate"_s).toDouble();
    const double rateBefore = before.value(u"transfer_rate"_s).toDouble();
    compare(u"quality.transferRate"_s, shareOf(now, "inbound", rate), rate, rateBefore,
            shareOf(before, "inbound", rateBefore));
    const qint64 unresolved = now.value(u"unresolved"_s).toInteger();
    const qint64 unresolvedBefore = before.value(u"unresolved"_s).toInteger();
    compare(u"quality.unresolved"_s, number(unresolved), double(unresolved),
            double(unresolvedBefore), number(unresolvedBefore));

    const QJsonArray lengths = now.value(u"call_length"_s).toArray();
    const QJsonArray lengthsBefore = before.value(u"call_length"_s).toArray();
    m_lengths->setRowCount(int(lengths.size()));
    m_lengths->setColumnHidden(2, !m_compare->isChecked());
    for (int i = 0; i < lengths.size(); ++i) {
        const QJsonObject b = lengths.at(i).toObject();
        const int from = b.value(u"from_seconds"_s).toInt();
        const QJsonValue to = b.value(u"to_seconds"_s);
        // The edges are whole seconds under a minute and whole minutes above.
        const auto edge = [](int seconds) {
            return seconds < 60 ? tr("%1 s").arg(seconds) : tr("%1 min").arg(seconds / 60);
        };
        const QString label = to.isNull() ? tr("%1 or more").arg(edge(from))
                                          : tr("%1 to %2").arg(edge(from), edge(to.toInt()));
        const qint64 calls = b.value(u"calls"_s).toInteger();
        const qint64 callsBefore = lengthsBefore.at(i).toObject().value(u"calls"_s).toInteger();
        setRow(m_lengths, i, {label, number(calls), number(callsBefore)},
               {QVariant(), calls, callsBefore});
    }
    fitHeight(m_lengths);
    const QJsonArray reasons = now.value(u"transfer_reasons"_s).toArray();
    m_reasons->setRowCount(int(reasons.size()));
    for (int i = 0; i < reasons.size(); ++i) {
        const QJsonObject r = reasons.at(i).toObject();
        const QString reason = r.value(u"reason"_s).toString();
        const qint64 calls = r.value(u"calls"_s).toInteger();
        setRow(m_reasons, i,
               {reason == u"No reason recorded" ? tr("No reason recorded") : reason, number(calls)},
               {QVariant(), calls});
    }
    fitHeight(m_reasons);

    compareCount(now, before, "tool_errors", u"quality.toolErrors"_s);
    compareCount(now, before, "reviewed", u"quality.reviewed"_s);
    compare(u"quality.reviewScore"_s, score(now.value(u"average_review_score"_s)),
            now.value(u"average_review_score"_s).toDouble(),
            before.value(u"average_review_score"_s).toDouble(),
            score(before.value(u"average_review_score"_s)));

    // Every kind either period had, this period's most frequent first.
    const auto byKind = [](const QJsonObject &period) {
        QList<std::pair<QString, qint64>> kinds;
        for (const QJsonValue &v : period.value(u"tool_errors_by_kind"_s).toArray())
            kinds.append({v[u"kind"_s].toString(), v[u"errors"_s].toInteger()});
        return kinds;
    };
    const auto kindsNow = byKind(now);
    const auto kindsBefore = byKind(before);
    QStringList kinds;
    for (const auto &[kind, n] : kindsNow + kindsBefore) {
        if (!kinds.contains(kind))
            kinds << kind;
    }
    const auto errorsOf = [](const QList<std::pair<QString, qint64>> &list, const QString &kind) {
        for (const auto &[k, n] : list) {
            if (k == kind)
                return n;
        }
        return qint64(0);
    };
    m_toolErrors->setRowCount(int(kinds.size()));
    m_toolErrors->setColumnHidden(2, !m_compare->isChecked());
    for (int i = 0; i < kinds.size(); ++i) {
        const qint64 errors = errorsOf(kindsNow, kinds.at(i));
        const qint64 errorsBefore = errorsOf(kindsBefore, kinds.at(i));
        setRow(m_toolErrors, i,
               {toolErrorKindName(kinds.at(i)), number(errors), number(errorsBefore)},
               {QVariant(), errors, errorsBefore});
    }
    fitHeight(m_toolErrors);
    const QJsonArray tags = now.value(u"review_tags"_s).toArray();
    m_reviewTags->setRowCount(int(tags.size()));
    for (int i = 0; i < tags.size(); ++i) {
        const QJsonObject t = tags.at(i).toObject();
        const qint64 calls = t.value(u"calls"_s).toInteger();
        setRow(m_reviewTags, i, {t.value(u"tag"_s).toString(), number(calls)}, {QVariant(), calls});
    }
    fitHeight(m_reviewTags);
}

void ReportsPage::showMessages(const QJsonObject &report)
{
    const QJsonObject now = report.value(u"current"_s).toObject();
    const QJsonObject before = report.value(u"previous"_s).toObject();
    compareCount(now, before, "sent", u"messages.sent"_s);
    compareCount(now, before, "delivered", u"messages.delivered"_s);
    compareCount(now, before, "failed", u"messages.failed"_s);
    compareCount(now, before, "reminders", u"messages.reminders"_s);
    compareCount(now, before, "confirmed_by_reply", u"messages.confirmed"_s);
    compareCount(now, before, "opt_outs", u"messages.optOuts"_s);
    compareCount(now, before, "textbacks", u"messages.textbacks"_s);
}

QString ReportsPage::toolErrorKindName(const QString &kind)
{
    static const QHash<QString, const char *> names{
        {u"booking_refused"_s, QT_TR_NOOP("Booking refused by the rules")},
        {u"unknown_service"_s, QT_TR_NOOP("Service not offered")},
        {u"slot_taken"_s, QT_TR_NOOP("Time already taken")},
        {u"appointment_not_found"_s, QT_TR_NOOP("Appointment not found")},
        {u"unknown_tool"_s, QT_TR_NOOP("Unknown tool")},
        {u"bad_arguments"_s, QT_TR_NOOP("Details not readable")},
        {u"system_error"_s, QT_TR_NOOP("Trouble on our side")}};
    const char *name = names.value(kind);
    return name ? tr(name) : kind;
}

QString ReportsPage::describeDays(const QJsonArray &days, const QString &key)
{
    qint64 total = 0;
    int peak = 0;
    QDate busiest;
    for (const QJsonValue &v : days) {
        const QJsonObject day = v.toObject();
        const int n = day.value(key).toInt();
        total += n;
        if (n > peak) {
            peak = n;
            busiest = QDate::fromString(day.value(u"date"_s).toString(), Qt::ISODate);
        }
    }
    const QLocale locale;
    if (peak == 0)
        return tr("None in %n day(s).", nullptr, int(days.size()));
    return tr("%1 in %n day(s), the most on %2 (%3).", nullptr, int(days.size()))
        .arg(locale.toString(total), locale.toString(busiest, QLocale::ShortFormat),
             locale.toString(peak));
}

void ReportsPage::rebuildCharts()
{
    const bool dark = isDark(palette());
    const bool comparing = m_compare->isChecked();
    const auto fresh = [dark] {
        auto *chart = new QChart;
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundVisible(false);
        chart->setMargins(QMargins(4, 4, 4, 4));
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setAnimationOptions(QChart::NoAnimation);
        return chart;
    };
    const auto replace = [](QChartView *view, QChart *chart) {
        QChart *old = view->chart();
        view->setChart(chart);
        delete old;
    };

    // Calls per day: this period's bars beside the same day of the period before.
    const auto perDay = [this](const QString &report, const QString &period, const QString &key) {
        return m_data.value(report).value(period).toObject().value(key).toArray();
    };
    {
        QChart *chart = fresh();
        const QJsonArray days = perDay(u"volume"_s, u"current"_s, u"per_day"_s);
        QList<QBarSet *> sets{dayCounts(tr("This period"), currentColour, days, u"calls"_s)};
        if (comparing) {
            sets << dayCounts(tr("Period before"), previousColour,
                              perDay(u"volume"_s, u"previous"_s, u"per_day"_s), u"calls"_s);
        }
        addDayBars(chart, days, sets);
        m_callsChart->setAccessibleDescription(describeDays(days, u"calls"_s));
        replace(m_callsChart, chart);
    }

    // Tool errors per day, beside the same day of the period before.
    {
        QChart *chart = fresh();
        const QJsonArray days = perDay(u"quality"_s, u"current"_s, u"tool_errors_per_day"_s);
        QList<QBarSet *> sets{dayCounts(tr("This period"), currentColour, days, u"errors"_s)};
        if (comparing) {
            sets << dayCounts(tr("Period before"), previousColour,
                              perDay(u"quality"_s, u"previous"_s, u"tool_errors_per_day"_s),
                              u"errors"_s);
        }
        addDayBars(chart, days, sets);
        m_toolErrorsChart->setAccessibleDescription(describeDays(days, u"errors"_s));
        replace(m_toolErrorsChart, chart);
    }

    // Messages per day: sent, delivered and failed side by side (this period only: three sets
    // beside three more would not be read).
    {
        QChart *chart = fresh();
        const QJsonArray days = perDay(u"messages"_s, u"current"_s, u"per_day"_s);
        addDayBars(chart, days,
                   {dayCounts(tr("Sent"), currentColour, days, u"sent"_s),
                    dayCounts(tr("Delivered"), deliveredColour, days, u"delivered"_s),
                    dayCounts(tr("Failed"), failedColour, days, u"failed"_s)});
        m_messagesChart->setAccessibleDescription(tr("Sent: %1 Delivered: %2 Failed: %3")
                                                      .arg(describeDays(days, u"sent"_s),
                                                           describeDays(days, u"delivered"_s),
                                                           describeDays(days, u"failed"_s)));
        replace(m_messagesChart, chart);
    }

    // Sentiment per day, the period before dashed.
    {
        QChart *chart = fresh();
        const QJsonObject quality = m_data.value(u"quality"_s);
        const auto line = [&](const QString &period, const QString &name, const QColor &colour,
                              Qt::PenStyle style) {
            auto *series = new QLineSeries;
            series->setName(name);
            QPen pen(colour, 2, style);
            series->setPen(pen);
            const QJsonArray days =
                quality.value(period).toObject().value(u"sentiment_per_day"_s).toArray();
            for (int i = 0; i < days.size(); ++i) {
                const QJsonValue average = days.at(i).toObject().value(u"average"_s);
                if (!average.isNull())
                    series->append(i + 1, average.toDouble());
            }
            return series;
        };
        QList<QLineSeries *> lines{
            line(u"current"_s, tr("This period"), currentColour, Qt::SolidLine)};
        if (comparing)
            lines << line(u"previous"_s, tr("Period before"), previousColour, Qt::DashLine);
        auto *x = new QValueAxis;
        x->setLabelFormat(u"%d"_s);
        x->setTitleText(tr("Day of the period"));
        const qsizetype days =
            quality.value(u"current"_s).toObject().value(u"sentiment_per_day"_s).toArray().size();
        x->setRange(1, double(std::max<qsizetype>(days, 2)));
        auto *y = new QValueAxis;
        y->setRange(-1, 1);
        y->setTickCount(5);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (QLineSeries *series : lines) {
            chart->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
        }
        replace(m_sentimentChart, chart);
    }
}

void ReportsPage::changeEvent(QEvent *event)
{
    Page::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_data.isEmpty())
        rebuildCharts();
}

// The tables' export buttons are for the console, not for the picture or the page of paper.
class ReportsPage::ButtonsHidden
{
public:
    explicit ButtonsHidden(const QList<TableCsvButton *> &buttons)
        : m_buttons(buttons)
    {
        for (TableCsvButton *button : m_buttons)
            button->hide();
    }
    ~ButtonsHidden()
    {
        for (TableCsvButton *button : m_buttons)
            button->show();
    }
    Q_DISABLE_COPY_MOVE(ButtonsHidden)

private:
    QList<TableCsvButton *> m_buttons;
};

Result<void> ReportsPage::exportPng(const QString &path)
{
    const ButtonsHidden hidden(m_tableExports.values());
    return reportexport::toPng(m_report, path);
}

Result<void> ReportsPage::exportPdf(const QString &path)
{
    const reports::DateRange r = range();
    const ButtonsHidden hidden(m_tableExports.values());
    return reportexport::toPdf(
        m_report, path,
        tr("Report %1 – %2").arg(r.from.toString(Qt::ISODate), r.to.toString(Qt::ISODate)));
}

void ReportsPage::exportAs(const QString &format)
{
    const reports::DateRange r = range();
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(u"report-%1-%2.%3"_s.arg(r.from.toString(Qt::ISODate),
                                               r.to.toString(Qt::ISODate), format));
    const QString path = QFileDialog::getSaveFileName(
        this,
        format == u"png" ? tr("Export the report as an image") : tr("Export the report as a PDF"),
        suggested, format == u"png" ? tr("PNG image (*.png)") : tr("PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    const Result<void> done = format == u"png" ? exportPng(path) : exportPdf(path);
    if (!done)
        m_toasts.problem(done.error());
    else
        m_toasts.success(tr("The report was saved to %1.").arg(path));
}

} // namespace vox::ui
