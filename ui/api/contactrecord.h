#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace vox::ui {

// A contact (a lead): who called, how likely they are to book, and where they stand.
struct ContactRecord
{
    QString id;
    QString name;
    QString phoneNumber;
    QString email;
    QString leadStatus;          // new, contacted, booked, lost
    int leadScore = 0;           // 0-100
    QString leadTemperature;     // hot, warm, cold
    bool needsAttention = false; // urgent, or a concern after a treatment: call today
    QString priority;            // on the call-back list: urgent, high, normal, low; none if off it
    QStringList serviceInterests;
    QString notes;
    QString preferredLanguage; // en, es, or empty when not known
    bool doNotText = false;    // the person asked not to get text messages
    bool legalHold = false;    // kept whole: retention skips it, erasure is refused
    QDateTime lastContactedAt;
    QDateTime createdAt;

    QString displayName() const { return name.isEmpty() ? phoneNumber : name; }

    static ContactRecord fromJson(const QJsonObject &json);
};

} // namespace vox::ui
