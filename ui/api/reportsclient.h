#pragma once

#include "ui/api/apicallbacks.h"

#include <QDate>
#include <QJsonObject>
#include <QObject>

namespace vox::ui {

class ApiClient;

// The reports (server/routes/reports): one report's figures for a range of the clinic's days and
// for the same number of days before it, as the server sends them ("current", "previous").
class ReportsClient final
{
    Q_DISABLE_COPY_MOVE(ReportsClient)

public:
    explicit ReportsClient(ApiClient &api)
        : m_api(api)
    {}

    void report(const QString &name, QDate from, QDate to, QObject *context,
                Callback<QJsonObject> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
