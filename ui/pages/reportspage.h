#pragma once

#include "core/reportrange.h"
#include "ui/pages/page.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

class QChartView;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace vox::ui {

class ApiClient;
class HourHeatMap;
class MessagesAuditPanel;
class StatCard;
class TableCsvButton;
class ToastArea;

// What an owner reads on Monday morning: calls per day and per hour of the week, how they were
// handled, the funnel from call to attended appointment, the money per service, the quality of
// the calls (with the AI's failed tool calls and the clinic's reviews), and the reminders and
// messages sent, for a range of the clinic's days beside the same number of days before it. Each
// figure says how it is computed; the whole report exports as a PNG or a PDF to mail.
class ReportsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportsPage)

public:
    // The range picker's choices; Custom takes the two dates as typed.
    enum class Choice { ThisWeek, LastWeek, ThisMonth, Last30Days, Last90Days, Custom };

    ReportsPage(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    QString title() const override { return tr("Reports"); }
    void refresh() override;
    void activated() override;

    void choose(Choice choice);
    void setCustomRange(QDate from, QDate to);
    reports::DateRange range() const;
    void setComparing(bool comparing);

    // The figures as shown (for tests): a card by its key ("volume.calls", "money.pipeline"…).
    StatCard *figure(const QString &key) const { return m_figures.value(key); }
    HourHeatMap *heatMap() const { return m_heatMap; }
    QTableWidget *servicesTable() const { return m_services; }
    QChartView *callsChart() const { return m_callsChart; }
    QChartView *sentimentChart() const { return m_sentimentChart; }
    QChartView *toolErrorsChart() const { return m_toolErrorsChart; }
    QChartView *messagesChart() const { return m_messagesChart; }
    QTableWidget *toolErrorsTable() const { return m_toolErrors; }
    QTableWidget *reviewTagsTable() const { return m_reviewTags; }
    // Every table of the report ("From call to appointment", "Money per service"…) with its
    // "Export CSV…" button.
    QHash<QTableWidget *, TableCsvButton *> tableExports() const { return m_tableExports; }
    // The Messages tab: the messages audit and its CSV export.
    MessagesAuditPanel *messagesPanel() const { return m_messages; }
    QTabWidget *tabs() const { return m_tabs; }
    // How many of the five reports have arrived for the range asked last.
    int loadedReports() const { return m_loaded; }
    QWidget *reportArea() const { return m_report; }

    // A kind of failed tool call (server/routes/reports: tool_errors_by_kind) in words.
    static QString toolErrorKindName(const QString &kind);
    // A bar chart per day in words, for those who cannot see it: the total, and the busiest day.
    static QString describeDays(const QJsonArray &days, const QString &key);

    Result<void> exportPng(const QString &path);
    Result<void> exportPdf(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    class ButtonsHidden;
    // The table above its "Export CSV…" button; `fileName` is the file's suggested name.
    QWidget *withCsv(QTableWidget *table, const QString &fileName);
    StatCard *addFigure(QGridLayout *grid, int row, int column, const QString &key,
                        const QString &title, const QString &how);
    void compare(const QString &key, const QString &shown, double current, double previous,
                 const QString &previousShown);
    // A whole count read from this period's and the period before's answer, shown on `card`.
    void compareCount(const QJsonObject &now, const QJsonObject &before, const char *key,
                      const QString &card);
    void showVolume(const QJsonObject &report);
    void showOutcomes(const QJsonObject &report);
    void showMoney(const QJsonObject &report);
    void showQuality(const QJsonObject &report);
    void showMessages(const QJsonObject &report);
    void showReport(const QString &name, const QJsonObject &report);
    void rebuildCharts();
    void exportAs(const QString &format);
    void updateRangeLabel();

    ApiClient &m_api;
    ToastArea &m_toasts;
    QComboBox *m_choice;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QCheckBox *m_compare;
    QPushButton *m_exportPng;
    QPushButton *m_exportPdf;
    QLabel *m_rangeLabel;
    QWidget *m_report;
    QHash<QString, StatCard *> m_figures;
    QChartView *m_callsChart;
    QChartView *m_sentimentChart;
    QChartView *m_toolErrorsChart;
    QChartView *m_messagesChart;
    HourHeatMap *m_heatMap;
    QLabel *m_heatMapNote;
    QTableWidget *m_funnel;
    QTableWidget *m_services;
    QTableWidget *m_lengths;
    QTableWidget *m_reasons;
    QTableWidget *m_toolErrors;
    QTableWidget *m_reviewTags;
    QHash<QTableWidget *, TableCsvButton *> m_tableExports;
    QTabWidget *m_tabs;
    MessagesAuditPanel *m_messages;
    QHash<QString, QJsonObject> m_data; // report name -> answer
    int m_generation = 0;
    int m_loaded = 0;
    bool m_loadedOnce = false;
};

} // namespace vox::ui
