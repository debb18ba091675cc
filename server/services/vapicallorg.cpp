#include "server/services/vapicallorg.h"

namespace vox::server {

Result<QString> orgOfVapiCall(db::Transaction &tx, const QString &assistantId,
                              const QString &phoneNumberId)
{
    if (assistantId.isEmpty() && phoneNumberId.isEmpty())
        return QString();
    auto row = tx.exec("SELECT org_id FROM agents WHERE $1::text IS NOT NULL "
                       "AND vapi_assistant_id = $1 "
                       "UNION ALL SELECT org_id FROM phone_numbers WHERE $2::text IS NOT NULL "
                       "AND vapi_phone_number_id = $2 LIMIT 1",
                       {assistantId.isEmpty() ? QString() : assistantId,
                        phoneNumberId.isEmpty() ? QString() : phoneNumberId});
    if (!row)
        return row.error();
    return row->isEmpty() ? QString() : row->text(0, 0);
}

} // namespace vox::server
