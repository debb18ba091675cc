#pragma once

#include "ui/pages/page.h"

#include <QTimer>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace vox::ui {

class ApiClient;
class CallDetailPanel;
class CallsModel;
class CsvExportButton;
class EmptyState;
class ToastArea;

// The call recordings: a table the user can search, filter and sort, paged from the server as
// they scroll, and the chosen call's details beside it. New calls appear on their own.
class CallsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallsPage)

public:
    CallsPage(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    QString title() const override { return tr("Calls"); }
    void refresh() override;
    void focusSearch() override;
    void applyEvent(const LiveEvent &event) override;
    bool openRecord(const QString &entityType, const QString &id) override;
    void setFeatures(const FeatureAvailability &features) override;
    void activated() override;

    CallsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    CallDetailPanel *detail() const { return m_detail; }
    QLineEdit *searchField() const { return m_search; }
    CsvExportButton *exportButton() const { return m_export; }
    // Selects the call's row (loading it if needed) and shows its detail.
    void selectCall(const QString &callId);

signals:
    void openContact(const QString &contactId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyFilters();
    void showSelected();
    void updateStatus();
    void showReviewTags(const QStringList &tags);

    ApiClient &m_api;
    ToastArea &m_toasts;
    CallsModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QLineEdit *m_search;
    QComboBox *m_direction;
    QComboBox *m_sentiment;
    QComboBox *m_recording;
    QComboBox *m_period;
    QComboBox *m_review;
    QTableView *m_table;
    EmptyState *m_tableState;
    CallDetailPanel *m_detail;
    QLabel *m_status;
    CsvExportButton *m_export = nullptr;
    QTimer m_searchDelay;
    QString m_pendingSelection;
    bool m_loadedOnce = false;
};

} // namespace vox::ui
