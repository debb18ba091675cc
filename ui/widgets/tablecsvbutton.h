#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QPointer>
#include <QPushButton>

class QTableWidget;

namespace vox::ui {

class ToastArea;

// "Export CSV…" under a table the console computed itself (a report's figures): saves the table's
// visible columns under their headers and its visible rows as a CSV file (core/csv: RFC 4180,
// text that would run as a formula neutralised). The screen formats figures for people ("1.234,5",
// "+200%", "$7,500"); a spreadsheet needs the figures themselves, so a cell or header that carries
// a value under ExportRole is written as that value (csv::plain), and any other as displayed.
// Nothing is asked of the server: the file is the table.
class TableCsvButton final : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableCsvButton)

public:
    // The item data role holding what the file says for a cell or a header when that differs from
    // what is shown: a number, a date, or a header naming its unit ("Change (%)").
    static constexpr int ExportRole = Qt::UserRole + 0x4353;

    // `fileName` is the suggested name without its extension ("money-per-service").
    TableCsvButton(ToastArea &toasts, QTableWidget *table, QString fileName,
                   QWidget *parent = nullptr);

    // The table as the file holds it: a header record, then one record per row.
    static QByteArray toCsv(const QTableWidget &table);

    // Asks where to save (a plain file or one for spreadsheet programs, with a byte order mark).
    void chooseFile();
    // Writes the file at once (what the file dialog does; tests call it directly).
    Result<void> exportTo(const QString &filePath, bool byteOrderMark);

private:
    ToastArea &m_toasts;
    QPointer<QTableWidget> m_table;
    QString m_fileName;
};

} // namespace vox::ui
