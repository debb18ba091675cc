#pragma once

#include "core/pii.h"
#include "core/result.h"
#include "server/db/database.h"

#include <QDateTime>
#include <QJsonValue>
#include <QString>
#include <QStringList>

// The one place every stored or exported copy of free text passes through: the clinic's
// redaction switch and categories (org_settings.redact_pii, redact_categories) applied with the
// clinic's date. Structured columns (the caller's number, a contact's e-mail) never come here.
namespace vox::server::redaction {

struct Policy
{
    pii::Categories categories; // none: the clinic keeps its text as said
    QDate today;                // the clinic's date, for the date-of-birth rule

    QString text(const QString &text) const;
    QJsonValue json(const QJsonValue &value) const;
};

// The columns a query selects to build a policy with fromRow(), in this order, for a query that
// joins org_settings as `s` (LEFT JOIN too: no settings row redacts everything).
inline constexpr const char *settingsColumns =
    "coalesce(s.redact_pii, true), to_jsonb(s.redact_categories), coalesce(s.time_zone, 'UTC')";
// From the three settingsColumns starting at `column` of `row`.
Policy fromRow(const db::PgResult &result, int row, int column, const QDateTime &now);

Policy fromSettings(bool redactPii, const QStringList &categories, const QString &timeZone,
                    const QDateTime &now);
// Every category: for a delivery no clinic owns.
Policy everything(const QDateTime &now);
Result<Policy> forOrg(db::Transaction &tx, const QString &orgId, const QDateTime &now);

} // namespace vox::server::redaction
