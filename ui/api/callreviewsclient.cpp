#include "ui/api/callreviewsclient.h"

#include "ui/api/apiclient.h"
#include "ui/api/jsonfields.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

QStringList tagsOf(const QJsonObject &json)
{
    return json::strings(json.value(u"tags"_s));
}

} // namespace

void CallReviewsClient::review(const QString &callId, QObject *context, Callback<CallReview> done)
{
    m_api.requestJson<CallReview>(
        "GET", u"/api/calls-dashboard/%1/review"_s.arg(callId), {}, nullptr, context,
        std::move(done), [callId](const QJsonObject &json) {
            CallReview review = CallReview::fromJson(json.value(u"review"_s).toObject());
            review.callId = callId;
            return review;
        });
}

void CallReviewsClient::saveReview(const QString &callId, const CallReview &review,
                                   QObject *context, Callback<CallReview> done)
{
    const QJsonObject body = review.toJson();
    m_api.requestJson<CallReview>("PUT", u"/api/calls-dashboard/%1/review"_s.arg(callId), {}, &body,
                                  context, std::move(done), &CallReview::fromJson);
}

void CallReviewsClient::reviewTags(QObject *context, Callback<QStringList> done)
{
    m_api.requestJson<QStringList>("GET", u"/api/org/review-tags"_s, {}, nullptr, context,
                                   std::move(done), &tagsOf);
}

void CallReviewsClient::saveReviewTags(const QStringList &tags, QObject *context,
                                       Callback<QStringList> done)
{
    const QJsonObject body{{u"tags"_s, QJsonArray::fromStringList(tags)}};
    m_api.requestJson<QStringList>("PUT", u"/api/org/review-tags"_s, {}, &body, context,
                                   std::move(done), &tagsOf);
}

} // namespace vox::ui
