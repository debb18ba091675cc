#include "ui/api/callquery.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

QUrlQuery CallQuery::toUrlQuery() const
{
    QUrlQuery q;
    if (!search.trimmed().isEmpty())
        q.addQueryItem(u"search"_s, search.trimmed());
    if (!direction.isEmpty())
        q.addQueryItem(u"direction"_s, direction);
    if (!sentiment.isEmpty())
        q.addQueryItem(u"sentiment"_s, sentiment);
    if (!hasRecording.isEmpty())
        q.addQueryItem(u"has_recording"_s, hasRecording);
    if (from.isValid())
        q.addQueryItem(u"from"_s, from.toUTC().toString(Qt::ISODateWithMs));
    if (to.isValid())
        q.addQueryItem(u"to"_s, to.toUTC().toString(Qt::ISODateWithMs));
    return q;
}

bool CallQuery::admits(const CallRecord &call) const
{
    if (!search.trimmed().isEmpty())
        return false;
    if (!direction.isEmpty() && call.direction != direction)
        return false;
    if (!sentiment.isEmpty() && call.sentimentLabel != sentiment)
        return false;
    if (!hasRecording.isEmpty() && call.hasRecording != (hasRecording == u"true"))
        return false;
    if (from.isValid() && call.occurredAt < from)
        return false;
    if (to.isValid() && call.occurredAt >= to)
        return false;
    return true;
}

} // namespace vox::ui
