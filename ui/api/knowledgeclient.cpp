#include "ui/api/knowledgeclient.h"

#include "ui/api/apiclient.h"
#include "ui/api/jsonfields.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

void KnowledgeClient::documents(QObject *context, Callback<QList<KnowledgeDocument>> done)
{
    m_api.requestJson<QList<KnowledgeDocument>>(
        "GET", u"/api/knowledge"_s, {}, nullptr, context, std::move(done),
        [](const QJsonObject &json) { return json::objects<KnowledgeDocument>(json, u"items"_s); });
}

void KnowledgeClient::upload(const QString &fileName, const QByteArray &mimeType,
                             std::shared_ptr<QIODevice> file, QObject *context, Progress progress,
                             Callback<KnowledgeDocument> done)
{
    // The file is the raw body (docs/api.md): no multipart, read from disk as it is sent.
    ApiClient::Request request;
    request.method = "POST";
    request.path = u"/api/knowledge"_s;
    request.bodyDevice = std::move(file);
    request.contentType = mimeType;
    request.headers.append({"X-Filename", QUrl::toPercentEncoding(fileName)});
    request.uploadProgress = std::move(progress);
    request.context = context;
    const QString host = m_api.serverLabel();
    request.handler = [done = std::move(done), host](const ApiClient::Answer &answer) {
        if (answer.status == 201 || answer.status == 200) {
            done(KnowledgeDocument::fromJson(QJsonDocument::fromJson(answer.body).object()));
            return;
        }
        done(answer.error(host));
    };
    m_api.send(std::move(request));
}

void KnowledgeClient::remove(const QString &id, QObject *context, Callback<void> done)
{
    m_api.requestVoid("DELETE", u"/api/knowledge/"_s + id, nullptr, context, std::move(done));
}

void KnowledgeClient::query(const QString &question, QObject *context,
                            Callback<QList<KnowledgePassage>> done)
{
    const QJsonObject body{{u"question"_s, question.trimmed()}};
    m_api.requestJson<QList<KnowledgePassage>>(
        "POST", u"/api/knowledge/query"_s, {}, &body, context, std::move(done),
        [](const QJsonObject &json) {
            return json::objects<KnowledgePassage>(json, u"passages"_s);
        });
}

} // namespace vox::ui
