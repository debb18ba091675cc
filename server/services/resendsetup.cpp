#include "server/services/resendsetup.h"

#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"
#include "server/http/response.h"
#include "server/services/credentialstore.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

bool isSenderAddress(const QString &from)
{
    static const QRegularExpression named(u"^[^<>@]{1,100}<([^<>\\s]+)>$"_s);
    const auto match = named.match(from.trimmed());
    return http::isEmail(match.hasMatch() ? match.captured(1) : from.trimmed());
}

Result<void> ResendSetup::configure(const db::Access &access, const std::optional<QString> &apiKey,
                                    const QString &from)
{
    if (!isSenderAddress(from))
        return http::status::badRequest(
            u"Enter the sender as an address (clinic@example.com) or a name and address (Glow "
            "Med Spa <clinic@example.com>)."_s,
            u"from"_s);
    if (apiKey && !apiKey->isEmpty() && (!apiKey->startsWith(u"re_"_s) || apiKey->size() < 10))
        return http::status::badRequest(u"A Resend API key starts with re_."_s, u"api_key"_s);
    const CredentialStore store(m_app.keys);
    auto done = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        if (auto s = tx.exec("UPDATE org_settings SET email_from = $2 WHERE org_id = $1::uuid",
                             {access.orgId, from.trimmed()});
            !s)
            return s.error();
        if (apiKey && apiKey->isEmpty()) {
            if (auto r = store.remove(tx, access.orgId, CredentialStore::resend); !r)
                return r.error();
        } else if (apiKey) {
            auto saved = store.save(
                tx, access.orgId, CredentialStore::resend, {{u"api_key"_s, *apiKey}},
                {{u"api_key_last4"_s, CredentialStore::lastFour(*apiKey)},
                 {u"updated_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                 {u"updated_by"_s, access.email.isEmpty() ? access.userId : access.email}},
                u"active"_s, access.userId);
            if (!saved)
                return saved.error();
        }
        auto published =
            events::publish(tx, access.orgId, u"integration.updated"_s, u"integration"_s, QString(),
                            {{u"provider"_s, CredentialStore::resend}, {u"status"_s, u"active"_s}});
        if (!published)
            return published.error();
        return true;
    });
    if (!done)
        return done.error();
    return {};
}

} // namespace vox::server
