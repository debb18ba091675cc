#include "ui/widgets/tablecsvbutton.h"

#include "core/csv.h"
#include "ui/widgets/csvexportbutton.h"
#include "ui/widgets/toastarea.h"

#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableWidget>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

TableCsvButton::TableCsvButton(ToastArea &toasts, QTableWidget *table, QString fileName,
                               QWidget *parent)
    : QPushButton(tr("Export CSV…"), parent)
    , m_toasts(toasts)
    , m_table(table)
    , m_fileName(std::move(fileName))
{
    setObjectName(m_fileName + u"CsvButton"_s);
    setAccessibleName(tr("Export %1 to CSV").arg(table->accessibleName()));
    setAccessibleDescription(tr("Saves the table's figures as a spreadsheet file"));
    setToolTip(tr("Save the table “%1” as a CSV file").arg(table->accessibleName()));
    connect(this, &QPushButton::clicked, this, &TableCsvButton::chooseFile);
}

namespace {

QString exported(const QTableWidgetItem *item)
{
    if (!item)
        return QString();
    const QVariant value = item->data(TableCsvButton::ExportRole);
    return value.isValid() ? csv::plain(value) : item->text();
}

} // namespace

QByteArray TableCsvButton::toCsv(const QTableWidget &table)
{
    QList<int> columns;
    for (int c = 0; c < table.columnCount(); ++c) {
        if (!table.isColumnHidden(c))
            columns << c;
    }
    QStringList header;
    for (const int c : columns) {
        header << exported(table.horizontalHeaderItem(c));
    }
    QByteArray out = csv::record(header);
    for (int r = 0; r < table.rowCount(); ++r) {
        if (table.isRowHidden(r))
            continue;
        QStringList cells;
        for (const int c : columns) {
            cells << exported(table.item(r, c));
        }
        out += csv::record(cells);
    }
    return out;
}

void TableCsvButton::chooseFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = u"%1-%2.csv"_s.arg(m_fileName, QDate::currentDate().toString(Qt::ISODate));
    auto *dialog = new QFileDialog(window(), accessibleName(), QDir(folder).filePath(name));
    dialog->setObjectName(u"tableCsvFileDialog"_s);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"csv"_s);
    dialog->setNameFilters({CsvExportButton::spreadsheetFilter(), CsvExportButton::plainFilter()});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog](const QString &path) {
        const Result<void> done =
            exportTo(path, dialog->selectedNameFilter() == CsvExportButton::spreadsheetFilter());
        if (!done)
            m_toasts.problem(done.error());
        else
            m_toasts.success(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    });
    dialog->open();
}

Result<void> TableCsvButton::exportTo(const QString &filePath, bool byteOrderMark)
{
    if (!m_table)
        return fail(tr("The table is no longer shown."));
    QSaveFile file(filePath);
    QByteArray bytes = toCsv(*m_table);
    if (byteOrderMark)
        bytes.prepend(csv::byteOrderMark);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return fail(tr("The file could not be saved at %1: %2. Choose another folder.")
                        .arg(QDir::toNativeSeparators(filePath), file.errorString()));
    }
    return {};
}

} // namespace vox::ui
