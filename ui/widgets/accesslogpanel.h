#pragma once

#include "ui/api/accesslogclient.h"
#include "ui/api/orguser.h"

#include <QGroupBox>
#include <QList>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace vox::ui {

class ApiClient;
class CsvExportButton;
class ToastArea;

// Settings → Access log, for the clinic's owners and admins: who looked at which patient's calls,
// recordings, transcripts and texts, filtered by person, patient, action and dates, a page at a
// time, and exported to CSV for an auditor.
class AccessLogPanel final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccessLogPanel)

public:
    AccessLogPanel(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    // The people the person filter offers (the settings page loads them anyway).
    void setPeople(const QList<OrgUser> &people);
    // Loads the first page for the filters shown.
    void reload();

    // What an action is called in the console.
    static QString actionName(const QString &action);

    QTableWidget *table() const { return m_table; }
    QComboBox *personCombo() const { return m_person; }
    QComboBox *actionCombo() const { return m_action; }
    QLineEdit *patientEdit() const { return m_patient; }
    CsvExportButton *exportButton() const { return m_export; }

private:
    AccessLogQuery queryFromForm() const;
    void loadMore();
    void append(const QList<AccessLogEntry> &entries);

    AccessLogClient m_client;
    ToastArea &m_toasts;
    QComboBox *m_person = nullptr;
    QLineEdit *m_patient = nullptr;
    QComboBox *m_action = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_more = nullptr;
    CsvExportButton *m_export = nullptr;
    QString m_nextCursor;
    AccessLogQuery m_shownQuery;
    int m_generation = 0; // answers to an older query are dropped
};

} // namespace vox::ui
