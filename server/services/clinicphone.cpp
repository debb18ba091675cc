#include "server/services/clinicphone.h"

#include "core/phonenumber.h"
#include "server/db/database.h"
#include "server/http/response.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server::clinicphone {

Result<QString> country(db::Transaction &tx, const QString &orgId)
{
    auto row = tx.exec("SELECT phone_country FROM org_settings WHERE org_id = $1::uuid", {orgId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return phone::defaultClinicCountry();
    return row->text(0, 0);
}

Result<QString> read(const QString &typed, const QString &country, const QString &field)
{
    auto number = phone::normalize(typed, country);
    if (!number)
        return http::status::badRequest(number.errorMessage(), field);
    return number;
}

Result<QString> read(db::Transaction &tx, const QString &orgId, const QString &typed,
                     const QString &field)
{
    auto home = country(tx, orgId);
    if (!home)
        return home.error();
    return read(typed, *home, field);
}

} // namespace vox::server::clinicphone
