#pragma once

#include <QPointer>
#include <QPushButton>
#include <QUrlQuery>

#include <functional>

namespace vox::ui {

class ApiClient;
class ExportProgressDialog;
class ToastArea;

// "Export CSV…" on a list: asks where to save (a plain file or one for spreadsheet programs,
// with a byte order mark), then saves exactly the rows the list's filters select, showing the
// progress. `filters` gives the list's query at the moment of the click.
class CsvExportButton final : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvExportButton)

public:
    CsvExportButton(ApiClient &api, ToastArea &toasts, QString exportName, QString listName,
                    std::function<QUrlQuery()> filters, QWidget *parent = nullptr);

    // Asks where to save; a file name chosen there starts the export.
    void chooseFile();
    // Starts the export into `filePath` (what the file dialog does; tests call it directly).
    void exportTo(const QString &filePath, bool byteOrderMark);
    // The export running or last failed, while its window is open.
    ExportProgressDialog *progress() const;

    // The file dialog's choices, as it names them.
    static QString plainFilter();
    static QString spreadsheetFilter();

private:
    ApiClient &m_api;
    ToastArea &m_toasts;
    QString m_exportName;
    QString m_listName;
    std::function<QUrlQuery()> m_filters;
    QPointer<ExportProgressDialog> m_progress;
};

} // namespace vox::ui
