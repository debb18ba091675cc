#include "ui/api/csvdownload.h"

#include "ui/api/apiclient.h"
#include "ui/api/apierror.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// A refusal is a sentence in JSON; anything longer is not read further.
constexpr qsizetype maxErrorBody = 16 * 1024;
constexpr int transferTimeoutMs = 30000;

} // namespace

void CsvRecordCounter::feed(QByteArrayView bytes)
{
    for (const char c : bytes) {
        // A doubled quote inside quotes toggles twice, which leaves the state as it was.
        if (c == '"')
            inQuotes = !inQuotes;
        else if (c == '\n' && !inQuotes)
            ++records;
    }
}

QString CsvDownload::pathOf(const QString &exportName)
{
    // The access log is the auditor's, with a route of its own beside the log it reads.
    if (exportName == u"access-log")
        return u"/api/access-log.csv"_s;
    return u"/api/exports/%1.csv"_s.arg(exportName);
}

CsvDownload::CsvDownload(ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setAutoDeleteReplies(true);
}

CsvDownload::~CsvDownload()
{
    stop();
}

void CsvDownload::start(const QString &exportName, const QUrlQuery &filters, bool byteOrderMark,
                        const QString &filePath)
{
    stop();
    m_exportName = exportName;
    m_query = filters;
    m_query.removeAllQueryItems(u"limit"_s);
    m_query.removeAllQueryItems(u"cursor"_s);
    if (byteOrderMark)
        m_query.addQueryItem(u"bom"_s, u"1"_s);
    m_filePath = filePath;
    m_counter = {};
    m_bytes = 0;
    m_expectedBytes = -1;
    m_errorBody.clear();
    m_running = true;

    m_file = std::make_unique<QSaveFile>(filePath);
    if (!m_file->open(QIODevice::WriteOnly)) {
        const QString reason = m_file->errorString();
        // Reported after start() returns, as every other outcome is.
        QMetaObject::invokeMethod(
            this,
            [this, reason] {
                fail(tr("The file cannot be written at %1: %2. Choose another folder.")
                         .arg(QDir::toNativeSeparators(m_filePath), reason));
            },
            Qt::QueuedConnection);
        return;
    }
    // The token must stay valid for the whole download: fetch a fresh one first.
    m_api.withFreshToken(this, [this](Result<QString> token) {
        if (!m_running)
            return;
        if (!token) {
            fail(token.error().message);
            return;
        }
        send(*token);
    });
}

void CsvDownload::send(const QString &accessToken)
{
    // Read as it arrives, which the API client's requests (answers whole in memory) do not do.
    QUrl url = m_api.baseUrl();
    url.setPath(url.path() + pathOf(m_exportName));
    if (!m_query.isEmpty())
        url.setQuery(m_query);
    QNetworkRequest request(url);
    // An idle limit, not a total one: a long file keeps arriving for as long as it needs.
    request.setTransferTimeout(transferTimeoutMs);
    request.setRawHeader("Authorization", "Bearer " + accessToken.toLatin1());
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &CsvDownload::receive);
    connect(m_reply, &QNetworkReply::finished, this, &CsvDownload::finish);
}

void CsvDownload::receive()
{
    if (!m_reply || !m_running)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        const QByteArray part = m_reply->read(maxErrorBody - m_errorBody.size());
        m_errorBody += part;
        if (m_errorBody.size() >= maxErrorBody)
            m_reply->readAll(); // the rest is not needed
        return;
    }
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > 0)
        m_expectedBytes = length.toLongLong();
    const QByteArray chunk = m_reply->readAll();
    if (chunk.isEmpty())
        return;
    // Flushed at once, so a full disk shows itself now rather than when the file is closed.
    if (m_file->write(chunk) != chunk.size() || !m_file->flush()) {
        fail(tr("The file could not be written at %1: %2. The disk may be full; free some space "
                "or choose another place.")
                 .arg(QDir::toNativeSeparators(m_filePath), m_file->errorString()));
        return;
    }
    m_counter.feed(chunk);
    m_bytes += chunk.size();
    emit progressed(rows(), m_bytes, m_expectedBytes);
}

void CsvDownload::finish()
{
    if (!m_reply || !m_running)
        return;
    receive();
    if (!m_running)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError network = m_reply->error();
    if (status == 200 && network == QNetworkReply::NoError) {
        m_reply = nullptr;
        if (!m_file->commit()) {
            const QString reason = m_file->errorString();
            m_running = false;
            m_file.reset();
            emit failed(tr("The file could not be saved at %1: %2.")
                            .arg(QDir::toNativeSeparators(m_filePath), reason));
            return;
        }
        m_file.reset();
        m_running = false;
        emit succeeded(rows());
        return;
    }
    if (status == 200) {
        // The server cuts a file it cannot finish (no final chunk): never keep half of one.
        fail(tr("The connection broke before the whole list arrived, so nothing was saved. "
                "Please try again."));
        return;
    }
    fail(apierror::fromAnswer({status, m_errorBody, m_reply->rawHeader("Retry-After"),
                               status == 0 ? network : QNetworkReply::NoError, m_api.serverLabel()})
             .message);
}

void CsvDownload::cancel()
{
    stop();
}

void CsvDownload::fail(const QString &message)
{
    stop();
    emit failed(message);
}

void CsvDownload::stop()
{
    m_running = false;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
    }
    if (m_file) {
        m_file->cancelWriting(); // the partial file is removed, the target left as it was
        m_file.reset();
    }
}

} // namespace vox::ui
