#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace vox::ui {

// One person on the Today queue, as GET /api/today gives it (docs/api.md, "Today queue").
struct TodayEntry
{
    QString id; // the contact's id, or the call's when the call has no contact
    QString contactId;
    QString callId;
    QString reason; // urgent, negative, price_question, failed_or_transferred, reply_waiting
    QDateTime at;
    QString name;
    QString phone;
    QString summary;
    int leadScore = 0;
    QString state; // open or called
    QString ownerId;
    QString ownerName;
    QString note;

    QString displayName() const { return name.isEmpty() ? phone : name; }

    static TodayEntry fromJson(const QJsonObject &json);
};

// Someone an entry can be given to.
struct TodayPerson
{
    QString id;
    QString name;

    static TodayPerson fromJson(const QJsonObject &json);
};

struct TodayList
{
    QString date; // the clinic's today, YYYY-MM-DD
    QList<TodayEntry> entries;
    QList<TodayPerson> people;

    static TodayList fromJson(const QJsonObject &json);
};

} // namespace vox::ui
