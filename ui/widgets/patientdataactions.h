#pragma once

#include <QWidget>

class QCheckBox;
class QPushButton;

namespace vox::ui {

class ApiClient;
class ToastArea;

// On a lead, for admins: put the patient on legal hold, save everything held about them, or
// erase them after a confirmation that says exactly what will happen.
class PatientDataActions final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PatientDataActions)

public:
    PatientDataActions(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    void showContact(const QString &contactId, const QString &name, bool legalHold);
    void setLegalHold(bool hold);
    void exportData();
    void askToErase();

    QCheckBox *legalHoldCheck() const { return m_hold; }
    // Where the export is saved, for tests; empty asks the user.
    void setExportFolder(const QString &folder) { m_exportFolder = folder; }

signals:
    void erased(const QString &contactId);
    void legalHoldChanged(const QString &contactId, bool hold);

private:
    void erase();

    ApiClient &m_api;
    ToastArea &m_toasts;
    QString m_contactId;
    QString m_name;
    QString m_exportFolder;
    QCheckBox *m_hold = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_erase = nullptr;
};

} // namespace vox::ui
