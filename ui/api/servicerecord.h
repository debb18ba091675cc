#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace vox::ui {

// A service the clinic offers: its price, the words callers use for it (the AI and the pricing
// engine match them in transcripts), how long it takes and the time kept free around it.
struct ServiceRecord
{
    QString id;
    QString name;
    qint64 priceCents = 0;
    QStringList keywords;
    int durationMinutes = 60;
    int bufferBeforeMinutes = 0;
    int bufferAfterMinutes = 0;
    bool active = true;

    static ServiceRecord fromJson(const QJsonObject &json);
    // The fields POST and PATCH /api/services take.
    QJsonObject toJson() const;

    bool sameContent(const ServiceRecord &other) const
    {
        return name == other.name && priceCents == other.priceCents && keywords == other.keywords &&
               durationMinutes == other.durationMinutes &&
               bufferBeforeMinutes == other.bufferBeforeMinutes &&
               bufferAfterMinutes == other.bufferAfterMinutes && active == other.active;
    }
};

} // namespace vox::ui
