#include "ui/widgets/patientdataactions.h"

#include "ui/api/apiclient.h"
#include "ui/api/privacyclient.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/flowlayout.h"
#include "ui/widgets/toastarea.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QJsonDocument>
#include <QPushButton>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

PatientDataActions::PatientDataActions(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_toasts(toasts)
{
    setObjectName(u"patientDataActions"_s);
    // Wraps onto a second line where the lead's panel is narrow (Spanish at 1024 px).
    auto *layout = new FlowLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_hold = new QCheckBox(tr("Legal hold"), this);
    m_hold->setObjectName(u"legalHoldCheck"_s);
    m_hold->setToolTip(tr("Keep everything about this patient: nightly retention skips them and "
                          "they cannot be erased"));
    m_export = new QPushButton(tr("Export patient data…"), this);
    m_export->setObjectName(u"exportPatientButton"_s);
    m_export->setToolTip(tr("Save everything held about this patient as a readable report and a "
                            "JSON file"));
    m_erase = new QPushButton(tr("Erase patient…"), this);
    m_erase->setObjectName(u"erasePatientButton"_s);
    layout->addWidget(m_hold);
    layout->addWidget(m_export);
    layout->addWidget(m_erase);
    connect(m_hold, &QCheckBox::clicked, this, &PatientDataActions::setLegalHold);
    connect(m_export, &QPushButton::clicked, this, &PatientDataActions::exportData);
    connect(m_erase, &QPushButton::clicked, this, &PatientDataActions::askToErase);
}

void PatientDataActions::showContact(const QString &contactId, const QString &name, bool legalHold)
{
    m_contactId = contactId;
    m_name = name;
    m_hold->setChecked(legalHold);
    m_erase->setEnabled(!legalHold);
    m_erase->setToolTip(legalHold ? tr("Lift the legal hold before erasing this patient")
                                  : tr("Remove this patient's details for good"));
    setVisible(m_api.session().isAdmin());
}

void PatientDataActions::setLegalHold(bool hold)
{
    const QString id = m_contactId;
    m_hold->setEnabled(false);
    PrivacyClient(m_api).setLegalHold(id, hold, this, [this, id, hold](Result<QJsonObject> done) {
        m_hold->setEnabled(true);
        if (!done) {
            m_hold->setChecked(!hold);
            m_toasts.problem(done.error());
            return;
        }
        m_erase->setEnabled(!hold);
        m_toasts.success(hold ? tr("This patient is on legal hold.")
                              : tr("The legal hold is lifted."));
        emit legalHoldChanged(id, hold);
    });
}

void PatientDataActions::exportData()
{
    QString folder = m_exportFolder;
    if (folder.isEmpty()) {
        folder = QFileDialog::getExistingDirectory(
            this, tr("Save the patient's data in"),
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
        if (folder.isEmpty())
            return;
    }
    PrivacyClient(m_api).exportPatient(m_contactId, this, [this, folder](Result<QJsonObject> got) {
        if (!got) {
            m_toasts.problem(got.error());
            return;
        }
        const QString stem = QDir(folder).filePath(got->value(u"file_name"_s).toString());
        QFile json(stem + u".json"_s);
        QFile report(stem + u".txt"_s);
        const bool written =
            json.open(QIODevice::WriteOnly) &&
            json.write(QJsonDocument(got->value(u"data"_s).toObject()).toJson()) >= 0 &&
            report.open(QIODevice::WriteOnly) &&
            report.write(got->value(u"report"_s).toString().toUtf8()) >= 0;
        if (!written) {
            m_toasts.problem(tr("The files could not be written in %1.").arg(folder));
            return;
        }
        m_toasts.success(tr("Saved %1.txt and %1.json.").arg(QDir(folder).relativeFilePath(stem)));
    });
}

void PatientDataActions::askToErase()
{
    const QString who = m_name.isEmpty() ? tr("this patient") : m_name;
    Confirmation{tr("Erase patient"),
                 tr("Erase %1 for good? This cannot be undone.\n\n"
                    "• Their name, phone number and e-mail are deleted.\n"
                    "• Their calls keep only the time, length, outcome and value: transcripts, "
                    "summaries and recordings are deleted here and at Vapi.\n"
                    "• Their messages lose their text and recipient.\n"
                    "• Their appointments stay in the calendar without their name or notes.\n"
                    "• A record that an erasure happened, by you, is kept without their "
                    "details.\n\n"
                    "Export their data first if they asked for a copy.")
                     .arg(who),
                 tr("Erase"), tr("Keep the patient"), u"erasePatientConfirmation"_s}
        .open(this, [this] { erase(); });
}

void PatientDataActions::erase()
{
    const QString id = m_contactId;
    m_erase->setEnabled(false);
    PrivacyClient(m_api).erasePatient(id, this, [this, id](Result<QJsonObject> done) {
        if (!done) {
            m_erase->setEnabled(!m_hold->isChecked());
            m_toasts.problem(done.error());
            return;
        }
        m_toasts.success(tr("The patient was erased."));
        emit erased(id);
    });
}

} // namespace vox::ui
