#include "ui/api/callreview.h"

#include "ui/api/jsonfields.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

CallReview CallReview::fromJson(const QJsonObject &json)
{
    CallReview review;
    review.callId = json.value(u"call_id"_s).toString();
    review.score = json.value(u"score"_s).toInt();
    review.tags = json::strings(json.value(u"tags"_s));
    review.note = json.value(u"note"_s).toString();
    review.reviewerName = json.value(u"reviewer_name"_s).toString();
    review.reviewedAt = json::time(json.value(u"reviewed_at"_s));
    return review;
}

QJsonObject CallReview::toJson() const
{
    return {{u"score"_s, score},
            {u"tags"_s, QJsonArray::fromStringList(tags)},
            {u"note"_s, note.trimmed()}};
}

} // namespace vox::ui
