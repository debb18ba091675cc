#pragma once

#include <QDialog>
#include <QUrlQuery>

class QLabel;
class QProgressBar;
class QPushButton;

namespace vox::ui {

class ApiClient;
class CsvDownload;

// A list being saved as CSV: how many rows and bytes have arrived, a way to stop (which leaves
// no half file behind), and what went wrong in words when it fails. It closes itself when the
// file is complete.
class ExportProgressDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportProgressDialog)

public:
    ExportProgressDialog(ApiClient &api, const QString &listName, QWidget *parent = nullptr);

    void start(const QString &exportName, const QUrlQuery &filters, bool byteOrderMark,
               const QString &filePath);

    CsvDownload *download() const { return m_download; }
    QLabel *progressLabel() const { return m_progress; }
    QLabel *problemLabel() const { return m_problem; }
    QLabel *titleLabel() const { return m_title; }
    QPushButton *cancelButton() const { return m_cancel; }

    QProgressBar *progressBar() const { return m_bar; }

    // What the dialog shows as the download goes, and when it failed. With the file's size
    // known (`expectedBytes` > 0) the bar and the words give the share done; otherwise the bar
    // only shows that work goes on, and the words the rows and bytes so far.
    void showProgress(qint64 rows, qint64 bytes, qint64 expectedBytes = -1);
    void showProblem(const QString &message);

signals:
    void saved(const QString &filePath, qint64 rows);

private:
    QString m_listName;
    CsvDownload *m_download;
    QLabel *m_title;
    QProgressBar *m_bar;
    QLabel *m_progress;
    QLabel *m_problem;
    QPushButton *m_cancel;
};

} // namespace vox::ui
