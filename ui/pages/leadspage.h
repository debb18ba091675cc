#pragma once

#include "ui/api/contactrecord.h"
#include "ui/pages/page.h"

#include <QTimer>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace vox::ui {

class ApiClient;
class CsvExportButton;
class EmptyState;
class LeadDetailPanel;
class LeadsModel;
class StatCard;
class ToastArea;

// Leads: how many are hot, warm and cold (the cards filter the list), the list with score,
// temperature, status, last contact and what they are interested in, and the chosen lead's
// calls and appointments with Call Back.
class LeadsPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeadsPage)

public:
    LeadsPage(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    QString title() const override { return tr("Leads"); }
    void refresh() override;
    void focusSearch() override;
    void applyEvent(const LiveEvent &event) override;
    bool openRecord(const QString &entityType, const QString &id) override;
    void activated() override;

    LeadsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    LeadDetailPanel *detail() const { return m_detail; }
    CsvExportButton *exportButton() const { return m_export; }
    StatCard *card(const QString &temperature) const;
    void selectContact(const QString &contactId);
    // Shown above the list when the person in the detail is not in it ("not in this list").
    QWidget *hiddenNote() const { return m_hiddenNote; }
    // The model's row shown at a row of the (sorted) table.
    int sortedRow(const QModelIndex &tableIndex) const;
    void showEveryone();

signals:
    void openCall(const QString &callId);
    void newAppointment(const vox::ui::ContactRecord &contact);

private:
    void setTemperature(const QString &temperature);
    // The row the person chose moved (they chose another, or it left the list); the detail
    // follows only a choice, never a neighbour that slid into a removed row's place.
    void currentRowMoved();
    void updateHiddenNote();
    void applyFilters();
    void loadStats();
    void updateState();

    ApiClient &m_api;
    ToastArea &m_toasts;
    LeadsModel *m_model;
    QSortFilterProxyModel *m_sorted;
    StatCard *m_total;
    StatCard *m_hot;
    StatCard *m_warm;
    StatCard *m_cold;
    QLineEdit *m_search;
    QComboBox *m_status;
    QTableView *m_table;
    EmptyState *m_tableState;
    LeadDetailPanel *m_detail;
    CsvExportButton *m_export = nullptr;
    QString m_temperature;
    QString m_chosenId; // the contact in the detail, chosen by the person or opened by a link
    QWidget *m_hiddenNote = nullptr;
    QLabel *m_hiddenText = nullptr;
    QTimer m_searchDelay;
    QTimer m_statsDelay;
    bool m_loadedOnce = false;
};

} // namespace vox::ui
