#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/listpage.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

namespace vox::ui {

class ApiClient;

// One access to a patient's content, as the server's access log keeps it.
struct AccessLogEntry
{
    QString id;
    QDateTime occurredAt;
    QString userId;
    QString userName;
    QString action;
    QString entityType;
    QString entityId;
    QString contactId;
    QString contactName;
    QString clientAddress;
    QString result; // allowed, refused

    static AccessLogEntry fromJson(const QJsonObject &json);
};

// What the access log is filtered by; empty fields do not filter.
struct AccessLogQuery
{
    QString userId;
    QString patient; // a name or number, or part of one
    QString action;
    QDate from;
    QDate to; // inclusive

    QUrlQuery toUrlQuery() const;
};

// Who looked at what (server/routes/accesslog): admins only.
class AccessLogClient final
{
    Q_DISABLE_COPY_MOVE(AccessLogClient)

public:
    explicit AccessLogClient(ApiClient &api)
        : m_api(api)
    {}

    void list(const AccessLogQuery &query, const QString &cursor, QObject *context,
              Callback<ListPage<AccessLogEntry>> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
