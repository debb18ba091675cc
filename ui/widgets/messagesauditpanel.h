#pragma once

#include <QDateTime>
#include <QGroupBox>
#include <QJsonArray>
#include <QUrlQuery>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace vox::ui {

class ApiClient;
class CsvExportButton;
class ToastArea;

// Reports → Messages: every text and e-mail the clinic sent or received, newest first, filtered by
// the report's days, direction, channel and outcome, a page at a time, and exported to CSV with the
// same filters.
class MessagesAuditPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessagesAuditPanel)

public:
    MessagesAuditPanel(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    // Loads the first page for the filters shown.
    void reload();
    // The clinic's days whose messages are listed (and exported), `from` to `to` inclusive;
    // `reloadNow` asks for them at once, otherwise the next reload() does.
    void setDays(QDate from, QDate to, bool reloadNow);
    // The filters shown, as the list and the export take them.
    QUrlQuery filters() const;

    // What a message's status and purpose are called in the console.
    static QString statusName(const QString &status);
    static QString purposeName(const QString &purpose);
    // What a patient's text was taken to mean (messages.reply_kind).
    static QString replyKindName(const QString &kind);

    QTableWidget *table() const { return m_table; }
    QComboBox *directionCombo() const { return m_direction; }
    QComboBox *methodCombo() const { return m_method; }
    QComboBox *statusCombo() const { return m_status; }
    CsvExportButton *exportButton() const { return m_export; }
    // Whether the last reload's first page has arrived (for tests).
    bool loaded() const { return m_loaded; }

private:
    void loadMore();
    void append(const QJsonArray &items);

    ApiClient &m_api;
    ToastArea &m_toasts;
    QComboBox *m_direction = nullptr;
    QComboBox *m_method = nullptr;
    QComboBox *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_more = nullptr;
    CsvExportButton *m_export = nullptr;
    QDateTime m_from; // the first instant of the first day, in the clinic's time zone
    QDateTime m_to;   // the first instant after the last day
    QString m_nextCursor;
    int m_generation = 0; // answers to an older query are dropped
    bool m_loaded = false;
};

} // namespace vox::ui
