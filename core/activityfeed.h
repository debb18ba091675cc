#pragma once

#include <QJsonObject>
#include <QString>

// Which live events belong in a clinic's "Recent activity": what the front desk would act on or
// want to know (a call came in or ended, a booking, a hot lead, a message, a setup change), not
// the bookkeeping each call also causes (its contact created or re-scored, a call moving from
// ringing to in progress, the "ended" status update its end-of-call report repeats) or the front
// desk's marks on the Today list. The server's recent-activity list and the console's live feed
// both ask this, so the feed reads the same before and after a refresh.
namespace vox::activity {

bool belongsInFeed(const QString &eventType, const QJsonObject &payload);

} // namespace vox::activity
