#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrlQuery>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QSaveFile;

namespace vox::ui {

class ApiClient;

// Counts the records of a CSV file as its bytes arrive in pieces: a line break ends a record
// unless it is inside a quoted field (a note with several lines is one record).
struct CsvRecordCounter
{
    qint64 records = 0;
    bool inQuotes = false;

    void feed(QByteArrayView bytes);
};

// One export of a list to a CSV file (docs/api.md, "Exports"): asks the server for the list
// under the page's filters and writes the answer to disk as it arrives, so a file of a million
// rows never sits in memory. The file appears under its name only when it is complete: until
// then it is written beside it, and cancelling, a failure or a cut connection leave nothing.
class CsvDownload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvDownload)

public:
    CsvDownload(ApiClient &api, QObject *parent = nullptr);
    ~CsvDownload() override;

    // `exportName` is one of calls, contacts, appointments, messages, or access-log (admins);
    // `filters` the list's query (without paging). `byteOrderMark` starts the file with one for
    // spreadsheet programs.
    void start(const QString &exportName, const QUrlQuery &filters, bool byteOrderMark,
               const QString &filePath);
    // Stops and removes what was written; nothing more is reported.
    void cancel();

    // Where the server answers an export.
    static QString pathOf(const QString &exportName);

    bool isRunning() const { return m_running; }
    QString filePath() const { return m_filePath; }
    // Data rows written so far (the header not counted).
    qint64 rows() const { return m_counter.records > 0 ? m_counter.records - 1 : 0; }
    qint64 bytes() const { return m_bytes; }
    // The file's whole size when the server announced it (Content-Length), else -1: a streamed
    // export is sent in chunks, and its size is known only at its end.
    qint64 expectedBytes() const { return m_expectedBytes; }

signals:
    // `expectedBytes` as expectedBytes() says.
    void progressed(qint64 rows, qint64 bytes, qint64 expectedBytes);
    void succeeded(qint64 rows);
    void failed(const QString &message);

private:
    void send(const QString &accessToken);
    void receive();
    void finish();
    void fail(const QString &message);
    void stop();

    ApiClient &m_api;
    QNetworkAccessManager *m_network;
    QString m_exportName;
    QUrlQuery m_query;
    QString m_filePath;
    std::unique_ptr<QSaveFile> m_file;
    QPointer<QNetworkReply> m_reply;
    QByteArray m_errorBody; // a refusal's body, small, instead of the file
    CsvRecordCounter m_counter;
    qint64 m_bytes = 0;
    qint64 m_expectedBytes = -1;
    bool m_running = false;
};

} // namespace vox::ui
