#include "consolefixture.h"

#include "httpclient.h"
#include "server/db/database.h"
#include "server/events/eventpublisher.h"
#include "ui/api/apiclient.h"
#include "ui/shell/translations.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::test {

ConsoleFixture::ConsoleFixture(const QString &label, const QHash<QString, QString> &extra)
    : m_db(std::make_unique<TestDatabase>(label))
{
    // The console speaks English with its catalogue (plural forms: "1 attempt", "2 attempts").
    static const bool english = ui::installTranslations(u"en"_s);
    Q_UNUSED(english);
    if (!m_db->ok()) {
        m_error = m_db->error();
        return;
    }
    m_server = std::make_unique<TestServer>(*m_db, extra);
    if (!m_server->ok())
        m_error = m_server->error();
}

ConsoleFixture::~ConsoleFixture()
{
    m_server.reset();
    m_db.reset();
}

Clinic ConsoleFixture::createClinic(const QString &name)
{
    Clinic clinic;
    clinic.email =
        u"owner%1.%2@clinic.test"_s.arg(++m_clinics).arg(QCoreApplication::applicationPid());
    clinic.password = u"correct horse battery"_s;
    auto client = m_server->client();
    const HttpReply reply =
        client->post(u"/api/auth/signup"_s, {{u"organization_name"_s, name},
                                             {u"email"_s, clinic.email},
                                             {u"password"_s, clinic.password},
                                             {u"full_name"_s, u"Dana Owner"_s},
                                             {u"time_zone"_s, u"America/New_York"_s}});
    if (reply.status != 201) {
        m_lastError =
            u"sign-up answered %1: %2"_s.arg(reply.status).arg(QString::fromUtf8(reply.body));
        return clinic;
    }
    clinic.session = ui::Session::fromJson(reply.json(), QDateTime::currentDateTimeUtc());
    clinic.orgId = clinic.session.orgId;
    return clinic;
}

QString ConsoleFixture::insertContact(const Clinic &clinic, const QString &name,
                                      const QString &phone, int score, const QString &status,
                                      int minutesAgo)
{
    auto admin = m_db->connectAsAdmin();
    const QString temperature = score >= 70 ? u"hot"_s : score >= 40 ? u"warm"_s : u"cold"_s;
    auto row = admin->exec(
        "INSERT INTO contacts (org_id, name, phone, lead_score, lead_temperature, lead_status, "
        "service_interests, last_contacted_at) VALUES ($1::uuid, $2, $3, $4::int, $5, $6, "
        "'{Botox}', now() - make_interval(mins => $7::int)) RETURNING id",
        {clinic.orgId, name, phone, score, temperature, status, minutesAgo});
    if (!row) {
        m_lastError = row.errorMessage();
        return {};
    }
    return row->text(0, 0);
}

QString ConsoleFixture::insertCall(const Clinic &clinic, const CallSeed &seed)
{
    auto admin = m_db->connectAsAdmin();
    const QString messages = seed.messages.isEmpty()
                                 ? QString()
                                 : QString::fromUtf8(QJsonDocument(seed.messages).toJson());
    auto row = admin->exec(
        "INSERT INTO call_logs (org_id, contact_id, direction, status, phone_number, "
        "caller_name, occurred_at, started_at, ended_at, duration_seconds, transcript, messages, "
        "recording_url, recording_status, summary, sentiment_label, booking_confirmed, "
        "financial_value_cents, transfer_to) VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, "
        "now() - make_interval(mins => $7::int), now() - make_interval(mins => $7::int), "
        "now() - make_interval(mins => $7::int) + make_interval(secs => $8::int), $8::int, $9, "
        "$10::jsonb, $11, $12, $13, $14, $15::boolean, $16::bigint, $17) RETURNING id",
        {clinic.orgId, seed.contactId.isEmpty() ? QString() : seed.contactId, seed.direction,
         seed.status, seed.phone.isEmpty() ? QString() : seed.phone,
         seed.callerName.isEmpty() ? QString() : seed.callerName, seed.minutesAgo,
         seed.durationSeconds, seed.transcript.isEmpty() ? QString() : seed.transcript,
         messages.isEmpty() ? QString() : messages,
         seed.recordingUrl.isEmpty() ? QString() : seed.recordingUrl,
         seed.recordingStatus.isEmpty() ? QString() : seed.recordingStatus,
         seed.summary.isEmpty() ? QString() : seed.summary,
         seed.sentiment.isEmpty() ? QString() : seed.sentiment,
         seed.booked ? u"true"_s : u"false"_s, seed.valueCents,
         seed.transferTo.isEmpty() ? QString() : seed.transferTo});
    if (!row) {
        m_lastError = row.errorMessage();
        return {};
    }
    return row->text(0, 0);
}

void ConsoleFixture::insertCalls(const Clinic &clinic, int count, int startMinutesAgo)
{
    auto admin = m_db->connectAsAdmin();
    auto done = admin->exec(
        "INSERT INTO call_logs (org_id, direction, status, phone_number, occurred_at, "
        "duration_seconds, summary) SELECT $1::uuid, 'inbound', 'ended', "
        "'+1555' || lpad(g::text, 7, '0'), now() - make_interval(mins => $3::int + g), 60 + g, "
        "'Seeded call ' || g FROM generate_series(1, $2::int) AS g",
        {clinic.orgId, count, startMinutesAgo});
    if (!done)
        m_lastError = done.errorMessage();
}

qint64 ConsoleFixture::publishEvent(const Clinic &clinic, const QString &type,
                                    const QString &entityType, const QString &entityId,
                                    const QJsonObject &payload)
{
    auto admin = m_db->connectAsAdmin();
    db::Transaction tx(*admin);
    auto id = server::events::publish(tx, clinic.orgId, type, entityType, entityId, payload);
    if (!id) {
        m_lastError = id.errorMessage();
        return 0;
    }
    return *id;
}

ConsoleFixture::SampleCalls ConsoleFixture::insertPrdSampleCalls(const Clinic &clinic)
{
    SampleCalls calls;
    calls.contactId = insertContact(clinic, u"John Doe"_s, u"+1234567890"_s, 75, u"contacted"_s);
    const QJsonArray conversation{
        QJsonObject{{u"role"_s, u"assistant"_s},
                    {u"message"_s, u"Thank you for calling Glow Med Spa. How can I help?"_s},
                    {u"seconds_from_start"_s, 0.5}},
        QJsonObject{{u"role"_s, u"user"_s},
                    {u"message"_s, u"Hi, I'd like to book Botox next week."_s},
                    {u"seconds_from_start"_s, 4.2}}};
    CallSeed one;
    one.phone = u"+1234567890"_s;
    one.callerName = u"John Doe"_s;
    one.contactId = calls.contactId;
    one.minutesAgo = 120;
    one.durationSeconds = 180;
    one.transcript = u"AI: Thank you for calling Glow Med Spa.\nUser: Botox next week."_s;
    one.messages = conversation;
    one.recordingUrl = u"https://recordings.example/call-1.wav"_s;
    one.recordingStatus = u"completed"_s;
    one.summary = u"John asked to book Botox next week."_s;
    one.sentiment = u"positive"_s;
    one.valueCents = 40000;
    calls.withRecordingAndTranscript = insertCall(clinic, one);

    CallSeed two;
    two.phone = u"+1234567890"_s;
    two.callerName = u"John Doe"_s;
    two.contactId = calls.contactId;
    two.minutesAgo = 24 * 60;
    two.durationSeconds = 120;
    two.recordingUrl = u"https://recordings.example/call-2.wav"_s;
    two.recordingStatus = u"completed"_s;
    calls.withRecordingOnly = insertCall(clinic, two);

    CallSeed three;
    three.direction = u"outbound"_s;
    three.phone = u"+1234567890"_s;
    three.callerName = u"John Doe"_s;
    three.contactId = calls.contactId;
    three.minutesAgo = 3 * 24 * 60;
    three.durationSeconds = 90;
    three.transcript = u"AI: Hi John, this is Glow Med Spa calling back."_s;
    calls.withTranscriptOnly = insertCall(clinic, three);
    return calls;
}

bool settle(const ui::ApiClient &api)
{
    const auto quiet = [&api] {
        const auto replies = api.findChildren<QNetworkReply *>();
        return std::none_of(replies.begin(), replies.end(),
                            [](const QNetworkReply *r) { return r->isRunning(); });
    };
    for (int calm = 0, turns = 0; turns < 300; ++turns) {
        QTest::qWait(30);
        calm = quiet() ? calm + 1 : 0;
        if (calm == 3)
            return true;
    }
    return false;
}

} // namespace vox::test
