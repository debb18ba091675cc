#include "ui/api/livedeskclient.h"

#include "ui/api/apiclient.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

QList<TransferDestination> destinationList(const QJsonObject &json)
{
    QList<TransferDestination> out;
    for (const QJsonValue &v : json.value(u"destinations"_s).toArray())
        out.append(TransferDestination::fromJson(v.toObject()));
    return TransferDestination::inOrder(std::move(out));
}

} // namespace

LiveCall LiveCall::fromJson(const QJsonObject &json)
{
    LiveCall call;
    call.id = json.value(u"id"_s).toString();
    call.status = json.value(u"status"_s).toString();
    call.callerName = json.value(u"caller_name"_s).toString();
    call.phoneNumber = json.value(u"phone_number"_s).toString();
    const QString started = json.value(u"started_at"_s).toString();
    call.startedAt = QDateTime::fromString(
        started.isEmpty() ? json.value(u"occurred_at"_s).toString() : started, Qt::ISODateWithMs);
    call.canControl = json.value(u"can_control"_s).toBool();
    for (const QJsonValue &v : json.value(u"lines"_s).toArray()) {
        const QJsonObject line = v.toObject();
        call.lines.append({line.value(u"role"_s).toString(), line.value(u"text"_s).toString()});
    }
    return call;
}

void LiveDeskClient::calls(QObject *context, Callback<QList<LiveCall>> done)
{
    m_api.requestJson<QList<LiveCall>>("GET", u"/api/live-calls"_s, {}, nullptr, context,
                                       std::move(done), [](const QJsonObject &json) {
                                           QList<LiveCall> calls;
                                           for (const QJsonValue &v :
                                                json.value(u"calls"_s).toArray())
                                               calls.append(LiveCall::fromJson(v.toObject()));
                                           return calls;
                                       });
}

void LiveDeskClient::destinations(QObject *context, Callback<QList<TransferDestination>> done)
{
    m_api.requestJson<QList<TransferDestination>>("GET", u"/api/transfer-destinations"_s, {},
                                                  nullptr, context, std::move(done),
                                                  &destinationList);
}

void LiveDeskClient::reorderDestinations(const QStringList &ids, QObject *context,
                                         Callback<QList<TransferDestination>> done)
{
    const QJsonObject body{{u"ids"_s, QJsonArray::fromStringList(ids)}};
    m_api.requestJson<QList<TransferDestination>>("PUT", u"/api/transfer-destinations/order"_s, {},
                                                  &body, context, std::move(done),
                                                  &destinationList);
}

TransferDestination TransferDestination::fromJson(const QJsonObject &json)
{
    return {json.value(u"id"_s).toString(),         json.value(u"name"_s).toString(),
            json.value(u"number"_s).toString(),     json.value(u"emergency"_s).toBool(),
            json.value(u"hours"_s).toArray(),       json.value(u"position"_s).toInt(),
            json.value(u"description"_s).toString()};
}

QList<TransferDestination> TransferDestination::inOrder(QList<TransferDestination> destinations)
{
    std::stable_sort(destinations.begin(), destinations.end(),
                     [](const TransferDestination &a, const TransferDestination &b) {
                         return a.position < b.position;
                     });
    return destinations;
}

void LiveDeskClient::createDestination(const QJsonObject &fields, QObject *context,
                                       Callback<TransferDestination> done)
{
    m_api.requestJson<TransferDestination>("POST", u"/api/transfer-destinations"_s, {}, &fields,
                                           context, std::move(done),
                                           &TransferDestination::fromJson);
}

void LiveDeskClient::updateDestination(const QString &id, const QJsonObject &fields,
                                       QObject *context, Callback<TransferDestination> done)
{
    m_api.requestJson<TransferDestination>("PATCH", u"/api/transfer-destinations/%1"_s.arg(id), {},
                                           &fields, context, std::move(done),
                                           &TransferDestination::fromJson);
}

void LiveDeskClient::removeDestination(const QString &id, QObject *context, Callback<void> done)
{
    m_api.requestVoid("DELETE", u"/api/transfer-destinations/%1"_s.arg(id), nullptr, context,
                      std::move(done));
}

void LiveDeskClient::control(const QString &callId, const QJsonObject &action, QObject *context,
                             Callback<QJsonObject> done)
{
    m_api.requestJson<QJsonObject>("POST", u"/api/calls/%1/control"_s.arg(callId), {}, &action,
                                   context, std::move(done),
                                   [](const QJsonObject &json) { return json; });
}

} // namespace vox::ui
