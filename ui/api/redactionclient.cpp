#include "ui/api/redactionclient.h"

#include "ui/api/apiclient.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

QJsonObject same(const QJsonObject &json)
{
    return json;
}

} // namespace

void RedactionClient::get(QObject *context, Callback<QJsonObject> done)
{
    m_api.requestJson<QJsonObject>("GET", u"/api/settings/redaction"_s, {}, nullptr, context,
                                   std::move(done), &same);
}

void RedactionClient::update(const QJsonObject &changes, QObject *context,
                             Callback<QJsonObject> done)
{
    m_api.requestJson<QJsonObject>("PUT", u"/api/settings/redaction"_s, {}, &changes, context,
                                   std::move(done), &same);
}

} // namespace vox::ui
