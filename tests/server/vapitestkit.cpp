#include "vapitestkit.h"

#include "core/crypto/securerandom.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace vox::test {

Clinic createClinic(HttpClient &client, const TestDatabase &db, const QString &name,
                    const QString &timeZone, const QString &assistantId, bool withAssistant)
{
    Clinic clinic;
    const QString email =
        u"%1.%2@clinic.test"_s.arg(crypto::randomToken(6).toLower(), QString::number(qHash(name)));
    const HttpReply reply =
        client.post(u"/api/auth/signup"_s, {{u"organization_name"_s, name},
                                            {u"email"_s, email},
                                            {u"password"_s, u"correct horse battery"_s},
                                            {u"time_zone"_s, timeZone}});
    if (reply.status != 201)
        qFatal("sign-up failed: %d %s", reply.status, reply.body.constData());
    const QJsonObject session = reply.json();
    clinic.token = session.value(u"access_token"_s).toString();
    clinic.orgId = session.value(u"organization"_s).toObject().value(u"id"_s).toString();
    clinic.timeZone = timeZone;
    clinic.zone = QTimeZone(timeZone.toLatin1());
    if (withAssistant) {
        clinic.assistantId =
            assistantId.isEmpty() ? u"asst-"_s + crypto::randomToken(8) : assistantId;
        auto admin = db.connectAsAdmin();
        auto set = admin->exec("UPDATE agents SET vapi_assistant_id = $2 WHERE org_id = $1::uuid "
                               "AND direction = 'inbound'",
                               {clinic.orgId, clinic.assistantId});
        if (!set)
            qFatal("cannot set the assistant id: %s", qPrintable(set.errorMessage()));
    }
    return clinic;
}

HttpReply postVapi(HttpClient &client, const QString &path, const QJsonObject &message,
                   const QString &secret)
{
    QHash<QByteArray, QByteArray> headers;
    if (!secret.isEmpty())
        headers.insert("x-vapi-secret", secret.toUtf8());
    const QByteArray body =
        QJsonDocument(QJsonObject{{u"message"_s, message}}).toJson(QJsonDocument::Compact);
    const QString token = client.token();
    client.setToken(QString()); // Vapi sends no bearer token
    HttpReply reply = client.send("POST", path, body, headers);
    client.setToken(token);
    return reply;
}

QDate nextWeekday(int isoWeekday, int minDaysAhead)
{
    QDate d = QDate::currentDate().addDays(minDaysAhead);
    while (d.dayOfWeek() != isoWeekday)
        d = d.addDays(1);
    return d;
}

QDateTime at(const QDate &date, const QTime &time, const QTimeZone &zone)
{
    return QDateTime(date, time, zone).toUTC();
}

QString wallClock(const QDate &date, const QTime &time)
{
    return date.toString(Qt::ISODate) + u'T' + time.toString(u"HH:mm:ss"_s);
}

QString scalar(const TestDatabase &db, const QByteArray &sql, const db::Params &params)
{
    auto admin = db.connectAsAdmin();
    auto row = admin->exec(sql, params);
    if (!row)
        qFatal("query failed: %s (%s)", qPrintable(row.errorMessage()), sql.constData());
    return row->isEmpty() ? QString() : row->text(0, 0);
}

qint64 count(const TestDatabase &db, const QByteArray &sql, const db::Params &params)
{
    return scalar(db, sql, params).toLongLong();
}

} // namespace vox::test
