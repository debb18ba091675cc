#include "ui/api/privacyclient.h"

#include "ui/api/apiclient.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

QJsonObject same(const QJsonObject &json)
{
    return json;
}

} // namespace

void PrivacyClient::get(QObject *context, Callback<QJsonObject> done)
{
    m_api.requestJson<QJsonObject>("GET", u"/api/org/privacy"_s, {}, nullptr, context,
                                   std::move(done), &same);
}

void PrivacyClient::update(const QJsonObject &changes, QObject *context, Callback<QJsonObject> done)
{
    m_api.requestJson<QJsonObject>("PATCH", u"/api/org/privacy"_s, {}, &changes, context,
                                   std::move(done), &same);
}

void PrivacyClient::setLegalHold(const QString &contactId, bool hold, QObject *context,
                                 Callback<QJsonObject> done)
{
    const QJsonObject body{{u"legal_hold"_s, hold}};
    m_api.requestJson<QJsonObject>("PUT", u"/api/contacts/%1/legal-hold"_s.arg(contactId), {},
                                   &body, context, std::move(done), &same);
}

void PrivacyClient::exportPatient(const QString &contactId, QObject *context,
                                  Callback<QJsonObject> done)
{
    m_api.requestJson<QJsonObject>("GET", u"/api/contacts/%1/data-export"_s.arg(contactId), {},
                                   nullptr, context, std::move(done), &same);
}

void PrivacyClient::erasePatient(const QString &contactId, QObject *context,
                                 Callback<QJsonObject> done)
{
    const QJsonObject body;
    m_api.requestJson<QJsonObject>("POST", u"/api/contacts/%1/erase"_s.arg(contactId), {}, &body,
                                   context, std::move(done), &same);
}

} // namespace vox::ui
