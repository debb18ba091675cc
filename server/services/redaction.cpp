#include "server/services/redaction.h"

#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::redaction {

QString Policy::text(const QString &text) const
{
    return categories ? pii::redact(text, today, categories).text : text;
}

QJsonValue Policy::json(const QJsonValue &value) const
{
    return categories ? pii::redactJson(value, today, categories) : value;
}

Policy fromSettings(bool redactPii, const QStringList &categories, const QString &timeZone,
                    const QDateTime &now)
{
    Policy p;
    const QTimeZone zone(timeZone.toLatin1());
    p.today = now.toTimeZone(zone.isValid() ? zone : QTimeZone::utc()).date();
    if (!redactPii)
        return p;
    for (const QString &name : categories)
        if (const auto c = pii::categoryFromName(name))
            p.categories |= *c;
    return p;
}

Policy fromRow(const db::PgResult &result, int row, int column, const QDateTime &now)
{
    // No settings row (a LEFT JOIN's null) redacts everything, as a new clinic does.
    const QJsonValue names = result.toJson(row, column + 1);
    const QStringList categories = names.isArray() ? names.toVariant().toStringList()
                                                   : pii::categoryNames(pii::defaultCategories());
    return fromSettings(result.toBool(row, column), categories, result.text(row, column + 2), now);
}

Policy everything(const QDateTime &now)
{
    return {pii::defaultCategories(), now.toUTC().date()};
}

Result<Policy> forOrg(db::Transaction &tx, const QString &orgId, const QDateTime &now)
{
    auto row = tx.exec(QByteArray("SELECT ") + settingsColumns +
                           " FROM organizations o LEFT JOIN org_settings s ON s.org_id = o.id "
                           "WHERE o.id = $1::uuid",
                       {orgId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return everything(now);
    return fromRow(*row, 0, 0, now);
}

} // namespace vox::server::redaction
