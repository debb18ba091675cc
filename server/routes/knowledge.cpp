#include "server/routes/knowledge.h"

#include "server/http/jsonbody.h"
#include "server/services/knowledgebase.h"

#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

void registerKnowledgeRoutes(http::Router &router, AppContext &app)
{
    auto knowledge = std::make_shared<KnowledgeBase>(app);

    // The file is the raw body: no multipart parsing, and uploads of 20 MB stay one copy.
    router.post(u"/api/knowledge"_s, http::Auth::Admin,
                [knowledge](http::Context &c) -> http::Reply {
                    const QString fileName =
                        QUrl::fromPercentEncoding(c.request.header("x-filename")).trimmed();
                    auto added = knowledge->add(c.access(), fileName,
                                                c.request.header("content-type"), c.request.body);
                    if (!added)
                        return added.error();
                    return http::Response::json(*added, 201);
                });

    router.get(u"/api/knowledge"_s, http::Auth::User, [knowledge](http::Context &c) -> http::Reply {
        auto documents = knowledge->list(c.access());
        if (!documents)
            return documents.error();
        return http::Response::json(QJsonObject{{u"items"_s, *documents}});
    });

    router.del(u"/api/knowledge/:id"_s, http::Auth::Admin,
               [knowledge](http::Context &c) -> http::Reply {
                   auto id = http::uuidParam(c.request, u"id"_s);
                   if (!id)
                       return id.error();
                   if (auto removed = knowledge->remove(c.access(), *id); !removed)
                       return removed.error();
                   return http::Response::json(QJsonObject{{u"success"_s, true}});
               });

    router.post(
        u"/api/knowledge/query"_s, http::Auth::User, [&app](http::Context &c) -> http::Reply {
            auto body = http::JsonBody::parse(c.request);
            if (!body)
                return body.error();
            auto question = body->requiredString(u"question"_s, 500);
            if (!question)
                return question.error();
            auto passages = app.db.transaction<QJsonArray>(c.access(), [&](db::Transaction &tx) {
                return searchKnowledge(tx, c.orgId(), *question);
            });
            if (!passages)
                return passages.error();
            return http::Response::json(QJsonObject{{u"passages"_s, *passages}});
        });
}

} // namespace vox::server
