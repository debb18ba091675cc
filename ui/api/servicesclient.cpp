#include "ui/api/servicesclient.h"

#include "ui/api/apiclient.h"
#include "ui/api/jsonfields.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

void ServicesClient::list(QObject *context, Callback<QList<ServiceRecord>> done)
{
    m_api.requestJson<QList<ServiceRecord>>(
        "GET", u"/api/services"_s, {}, nullptr, context, std::move(done),
        [](const QJsonObject &json) { return json::objects<ServiceRecord>(json, u"items"_s); });
}

void ServicesClient::create(const ServiceRecord &service, QObject *context,
                            Callback<ServiceRecord> done)
{
    const QJsonObject body = service.toJson();
    m_api.requestJson<ServiceRecord>("POST", u"/api/services"_s, {}, &body, context,
                                     std::move(done), &ServiceRecord::fromJson);
}

void ServicesClient::update(const ServiceRecord &service, QObject *context,
                            Callback<ServiceRecord> done)
{
    const QJsonObject body = service.toJson();
    m_api.requestJson<ServiceRecord>("PATCH", u"/api/services/"_s + service.id, {}, &body, context,
                                     std::move(done), &ServiceRecord::fromJson);
}

void ServicesClient::remove(const QString &id, QObject *context, Callback<void> done)
{
    m_api.requestVoid("DELETE", u"/api/services/"_s + id, nullptr, context, std::move(done));
}

} // namespace vox::ui
