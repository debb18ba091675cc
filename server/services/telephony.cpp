#include "server/services/telephony.h"

#include "server/events/eventpublisher.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server::telephony {

Answer answer(int status, QJsonObject body, int retryAfter)
{
    return Answer{status, std::move(body), retryAfter};
}

Answer refusal(int status, const QString &message, QJsonObject extra)
{
    extra.insert(u"error"_s, message);
    int retryAfter = 0;
    if (extra.contains(u"retryAfterSeconds"_s))
        retryAfter = extra.value(u"retryAfterSeconds"_s).toInt();
    if (extra.contains(u"lockedForSeconds"_s))
        retryAfter = extra.value(u"lockedForSeconds"_s).toInt();
    return Answer{status, extra, retryAfter};
}

QJsonValue orNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

Result<void> publishUpdate(db::Transaction &tx, const QString &orgId, const QString &entityType,
                           const QString &entityId, const QJsonObject &payload)
{
    auto published =
        events::publish(tx, orgId, u"telephony.updated"_s, entityType, entityId, payload);
    if (!published)
        return published.error();
    return {};
}

} // namespace vox::server::telephony
