#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QPointer>
#include <QPushButton>

class QTableWidget;

namespace vox::ui {

class ToastArea;

// "Export CSV…" under a table the console computed itself (a report's figures): saves what the
// table shows, its visible columns under their headers and each row's cells as displayed, as a
// CSV file (core/csv: RFC 4180, cells that would run as formulas neutralised). Nothing is asked
// of the server: the file is the table.
class TableCsvButton final : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableCsvButton)

public:
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
