#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/servicerecord.h"

#include <QObject>

namespace vox::ui {

class ApiClient;

// The clinic's services and prices (server/routes/services); admins only for changes.
class ServicesClient final
{
    Q_DISABLE_COPY_MOVE(ServicesClient)

public:
    explicit ServicesClient(ApiClient &api)
        : m_api(api)
    {}

    void list(QObject *context, Callback<QList<ServiceRecord>> done);
    void create(const ServiceRecord &service, QObject *context, Callback<ServiceRecord> done);
    void update(const ServiceRecord &service, QObject *context, Callback<ServiceRecord> done);
    void remove(const QString &id, QObject *context, Callback<void> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
