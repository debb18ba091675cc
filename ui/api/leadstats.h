#pragma once

#include <QJsonObject>

namespace vox::ui {

// How many leads the clinic has, by temperature (GET /api/contacts/stats).
struct LeadStats
{
    int total = 0;
    int hot = 0;
    int warm = 0;
    int cold = 0;

    static LeadStats fromJson(const QJsonObject &json);
};

} // namespace vox::ui
