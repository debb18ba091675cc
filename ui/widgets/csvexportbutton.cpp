#include "ui/widgets/csvexportbutton.h"

#include "ui/widgets/exportprogressdialog.h"
#include "ui/widgets/toastarea.h"

#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

CsvExportButton::CsvExportButton(ApiClient &api, ToastArea &toasts, QString exportName,
                                 QString listName, std::function<QUrlQuery()> filters,
                                 QWidget *parent)
    : QPushButton(tr("Export CSV…"), parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_exportName(std::move(exportName))
    , m_listName(std::move(listName))
    , m_filters(std::move(filters))
{
    setObjectName(m_exportName + u"ExportButton"_s);
    setAccessibleName(tr("Export %1 to CSV").arg(m_listName));
    setAccessibleDescription(tr("Saves the rows the filters show as a spreadsheet file"));
    setToolTip(tr("Save the %1 the filters show as a CSV file").arg(m_listName));
    connect(this, &QPushButton::clicked, this, &CsvExportButton::chooseFile);
}

ExportProgressDialog *CsvExportButton::progress() const
{
    return m_progress;
}

QString CsvExportButton::plainFilter()
{
    return tr("CSV file (*.csv)");
}

QString CsvExportButton::spreadsheetFilter()
{
    return tr("CSV for Excel and other spreadsheets (*.csv)");
}

void CsvExportButton::chooseFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name =
        u"%1-%2.csv"_s.arg(m_exportName, QDate::currentDate().toString(Qt::ISODate));
    auto *dialog = new QFileDialog(window(), tr("Export %1 to CSV").arg(m_listName),
                                   QDir(folder).filePath(name));
    dialog->setObjectName(u"csvExportFileDialog"_s);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"csv"_s);
    dialog->setNameFilters({spreadsheetFilter(), plainFilter()});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog](const QString &path) {
        exportTo(path, dialog->selectedNameFilter() == spreadsheetFilter());
    });
    dialog->open();
}

void CsvExportButton::exportTo(const QString &filePath, bool byteOrderMark)
{
    if (m_progress)
        m_progress->close();
    auto *progress = new ExportProgressDialog(m_api, m_listName, window());
    progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress = progress;
    connect(progress, &ExportProgressDialog::saved, this, [this](const QString &path, qint64 rows) {
        m_toasts.success(tr("Saved %n row(s) to %1.", nullptr, int(qMin<qint64>(rows, INT_MAX)))
                             .arg(QDir::toNativeSeparators(path)));
    });
    progress->open();
    progress->start(m_exportName, m_filters ? m_filters() : QUrlQuery(), byteOrderMark, filePath);
}

} // namespace vox::ui
