#pragma once

#include "testdatabase.h"
#include "testserver.h"
#include "ui/api/session.h"

namespace vox::ui {
class ApiClient;
}

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace vox::test {

// A clinic signed up through the real API.
struct Clinic
{
    QString orgId;
    QString email;
    QString password;
    ui::Session session;
};

// A call row to seed (the calls API has no "create": calls come from Vapi webhooks).
struct CallSeed
{
    QString direction = QStringLiteral("inbound");
    QString status = QStringLiteral("ended");
    QString phone;
    QString callerName;
    QString contactId;
    int minutesAgo = 0;
    int durationSeconds = 60;
    QString transcript;
    QJsonArray messages;
    QString recordingUrl;
    QString recordingStatus;
    QString summary;
    QString sentiment;
    bool booked = false;
    qint64 valueCents = 0;
    QString transferTo;
};

// The console tests' world: a throwaway database, a real server on it, and ways to put data in
// where the server has no API for it (calls arrive from Vapi, events from the server's work).
class ConsoleFixture
{
public:
    explicit ConsoleFixture(const QString &label, const QHash<QString, QString> &extra = {});
    ~ConsoleFixture();

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    TestDatabase &database() { return *m_db; }
    TestServer &server() { return *m_server; }
    QString url() const { return m_server->url(); }

    Clinic createClinic(const QString &name = QStringLiteral("Glow Med Spa"));
    QString insertContact(const Clinic &clinic, const QString &name, const QString &phone,
                          int score, const QString &status = QStringLiteral("new"),
                          int minutesAgo = 60);
    QString insertCall(const Clinic &clinic, const CallSeed &seed);
    // `count` plain calls, one a minute, the newest `startMinutesAgo` minutes ago.
    void insertCalls(const Clinic &clinic, int count, int startMinutesAgo = 10);
    // Records a live event the way the server does (events row + NOTIFY).
    qint64 publishEvent(const Clinic &clinic, const QString &type, const QString &entityType,
                        const QString &entityId, const QJsonObject &payload = {});
    QString lastError() const { return m_lastError; }

    // The three calls of PRD "Test Data", for John Doe (+1234567890).
    struct SampleCalls
    {
        QString contactId;
        QString withRecordingAndTranscript; // inbound, 3 min, 2 hours ago
        QString withRecordingOnly;          // inbound, 2 min, 1 day ago
        QString withTranscriptOnly;         // outbound, 1.5 min, 3 days ago
    };
    SampleCalls insertPrdSampleCalls(const Clinic &clinic);

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    QString m_error;
    QString m_lastError;
    int m_clinics = 0;
};

// Waits until the console has no request to the server still running, so a page has shown what
// it read. Pages chain requests (a list, then the chosen row's detail), so quiet has to hold over
// a few turns of the event loop. False if it never came (the test then fails, it does not go on).
bool settle(const ui::ApiClient &api);

// The message of a failed Result, or nothing: QVERIFY2 evaluates its message even on success.
template<typename T> QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : result.errorMessage().toUtf8();
}

} // namespace vox::test
