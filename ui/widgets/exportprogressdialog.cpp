#include "ui/widgets/exportprogressdialog.h"

#include "ui/api/csvdownload.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

ExportProgressDialog::ExportProgressDialog(ApiClient &api, const QString &listName, QWidget *parent)
    : QDialog(parent)
    , m_listName(listName)
    , m_download(new CsvDownload(api, this))
    , m_title(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_progress(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(u"exportProgressDialog"_s);
    setWindowTitle(tr("Export to CSV"));
    setAccessibleName(tr("Export to CSV"));
    auto *layout = new QVBoxLayout(this);
    m_title->setObjectName(u"exportTitle"_s);
    m_title->setText(tr("Saving %1 as CSV…").arg(listName));
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    // How long a streamed file will be is not known before its end: until the server says (a
    // Content-Length), the bar only shows that work goes on.
    m_bar->setObjectName(u"exportBar"_s);
    m_bar->setRange(0, 0);
    m_bar->setAccessibleName(tr("Export progress"));
    m_bar->setTextVisible(false);
    layout->addWidget(m_bar);
    m_progress->setObjectName(u"exportProgress"_s);
    m_progress->setAccessibleName(tr("Rows saved so far"));
    m_progress->setWordWrap(true);
    layout->addWidget(m_progress);
    m_problem->setObjectName(u"exportProblem"_s);
    m_problem->setAccessibleName(tr("Export problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    layout->addWidget(m_problem);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_cancel->setObjectName(u"exportCancel"_s);
    m_cancel->setAccessibleName(tr("Cancel the export"));
    m_cancel->setAccessibleDescription(tr("Stops the export and removes the unfinished file"));
    buttons->addWidget(m_cancel);
    layout->addLayout(buttons);
    setMinimumWidth(420);
    showProgress(0, 0);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_download->cancel();
        reject();
    });
    connect(m_download, &CsvDownload::progressed, this, &ExportProgressDialog::showProgress);
    connect(m_download, &CsvDownload::failed, this, &ExportProgressDialog::showProblem);
    connect(m_download, &CsvDownload::succeeded, this, [this](qint64 rows) {
        emit saved(m_download->filePath(), rows);
        accept();
    });
}

void ExportProgressDialog::start(const QString &exportName, const QUrlQuery &filters,
                                 bool byteOrderMark, const QString &filePath)
{
    m_download->start(exportName, filters, byteOrderMark, filePath);
}

void ExportProgressDialog::showProgress(qint64 rows, qint64 bytes, qint64 expectedBytes)
{
    const QLocale locale;
    const int shownRows = int(qMin<qint64>(rows, INT_MAX));
    if (expectedBytes <= 0) {
        m_bar->setRange(0, 0);
        m_bar->setTextVisible(false);
        m_progress->setText(
            tr("%Ln row(s) so far (%1)", nullptr, shownRows).arg(locale.formattedDataSize(bytes)));
        return;
    }
    // Whole per cent, never 100 before the last byte.
    const int percent =
        int(qMin<qint64>(bytes * 100 / expectedBytes, bytes < expectedBytes ? 99 : 100));
    m_bar->setRange(0, 100);
    m_bar->setValue(percent);
    m_bar->setTextVisible(true);
    m_bar->setFormat(tr("%1%").arg(locale.toString(percent)));
    m_progress->setText(tr("%1% saved: %Ln row(s), %2 of %3", nullptr, shownRows)
                            .arg(locale.toString(percent), locale.formattedDataSize(bytes),
                                 locale.formattedDataSize(expectedBytes)));
}

void ExportProgressDialog::showProblem(const QString &message)
{
    m_bar->setRange(0, 1);
    m_bar->setValue(0);
    // "Saving…" would still promise a file that will not come.
    m_title->setText(tr("Saving %1 as CSV failed.").arg(m_listName));
    m_problem->setText(message);
    m_problem->show();
    m_cancel->setText(tr("Close"));
    m_cancel->setAccessibleName(tr("Close"));
    m_cancel->setAccessibleDescription(QString());
    // The words take lines the window did not have: it grows to show them whole.
    adjustSize();
}

} // namespace vox::ui
