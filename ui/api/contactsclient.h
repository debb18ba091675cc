#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/apitypes.h"
#include "ui/api/contactdetail.h"
#include "ui/api/contactquery.h"
#include "ui/api/contactrecord.h"
#include "ui/api/leadstats.h"
#include "ui/api/listpage.h"

#include <QObject>

namespace vox::ui {

class ApiClient;

// Leads: the clinic's contacts and calling one back (server/routes/contacts, callback).
class ContactsClient final
{
    Q_DISABLE_COPY_MOVE(ContactsClient)

public:
    explicit ContactsClient(ApiClient &api)
        : m_api(api)
    {}

    void stats(QObject *context, Callback<LeadStats> done);
    void list(const ContactQuery &query, const QString &cursor, int limit, QObject *context,
              Callback<ListPage<ContactRecord>> done);
    void get(const QString &id, QObject *context, Callback<ContactDetail> done);
    // PATCH with only the fields to change; the answer is the contact as `get` gives it.
    void update(const QString &id, const QJsonObject &changes, QObject *context,
                Callback<ContactDetail> done);
    void callBack(const QString &contactId, QObject *context, Callback<CallBackStarted> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
