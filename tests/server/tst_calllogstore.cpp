// CallLogStore: the call row ends the same whatever order Vapi's status updates and end-of-call
// report arrive in. The report has the last word on the facts it knows, an update only fills
// gaps, the status only moves forward, first moments keep the earliest time, and a Vapi call id
// of another clinic's row is never merged into. A call this server places joins its Vapi call
// whichever of Vapi's answer and the call's first message comes first.
#include "server/store/calllogstore.h"
#include "testdatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <variant>

using namespace Qt::Literals::StringLiterals;
using vox::server::CallFacts;
using vox::server::CallLogStore;
using vox::server::CallReport;
using vox::server::CallStatusUpdate;

namespace {

const QDateTime callCreated({2026, 3, 2}, {15, 0}, QTimeZone::utc());
const QString caller = u"+15550170001"_s;
const QString transferNumber = u"+15550170999"_s;

CallFacts factsAt(int secondsAfterCreation)
{
    CallFacts f;
    f.direction = u"inbound"_s;
    f.occurredAt = callCreated.addSecs(secondsAfterCreation);
    f.phoneNumber = caller;
    f.fromNumber = caller;
    f.toNumber = u"+15550009999"_s;
    f.assistantId = u"asst-store"_s;
    return f;
}

CallStatusUpdate statusUpdate(const QString &status)
{
    CallStatusUpdate u{factsAt(0), status};
    if (status == u"in-progress") {
        u.facts.startedAt = callCreated.addSecs(5);
        u.facts.recordingStatus = u"pending"_s;
    } else if (status == u"forwarding") {
        u.facts.transferTo = transferNumber;
        u.facts.transferTime = callCreated.addSecs(60);
    } else if (status == u"ended") {
        u.facts.endedAt = callCreated.addSecs(161);
        u.facts.endedReason = u"assistant-ended-call"_s;
        u.facts.recordingStatus = u"processing"_s;
    }
    return u;
}

// The report dates the call by its own timestamp when it lacks the call's creation time, so it
// says the call began a little later than the updates do.
CallReport report()
{
    CallReport r;
    r.facts = factsAt(3);
    r.facts.callerName = u"Lee"_s;
    r.facts.startedAt = callCreated.addSecs(5);
    r.facts.endedAt = callCreated.addSecs(155);
    r.facts.endedReason = u"customer-ended-call"_s;
    r.facts.recordingStatus = u"completed"_s;
    r.transcript = u"User: What does a consultation cost?"_s;
    r.summary = u"Asked about prices."_s;
    r.sentimentScore = 0.5;
    r.sentimentLabel = u"positive"_s;
    r.sentimentUrgency = u"low"_s;
    r.recordingUrl = u"https://storage.vapi.test/call.wav"_s;
    return r;
}

// A message of a call, by the name the rows of the tables below use.
using Message = std::variant<CallStatusUpdate, CallReport>;

Message message(const QString &name)
{
    if (name == u"report")
        return report();
    if (name == u"report with a transfer") {
        CallReport r = report();
        r.facts.transferTo = transferNumber;
        r.facts.transferTime = r.facts.endedAt;
        r.transferReason = u"Caller asked for a person."_s;
        return r;
    }
    if (name == u"report without a recording") {
        CallReport r = report();
        r.facts.recordingStatus.clear();
        r.recordingUrl.clear();
        return r;
    }
    if (name == u"report without a name, transcribed again") {
        CallReport r = report();
        r.facts.callerName.clear();
        r.transcript = u"User: How much is a consultation?"_s;
        return r;
    }
    return statusUpdate(name);
}

// The columns the merge policy decides, times in seconds after the call was created.
QJsonObject row(const QJsonObject &changes = {})
{
    QJsonObject columns{{u"status"_s, QJsonValue::Null},
                        {u"caller_name"_s, QJsonValue::Null},
                        {u"occurred"_s, QJsonValue::Null},
                        {u"started"_s, QJsonValue::Null},
                        {u"ended"_s, QJsonValue::Null},
                        {u"ended_reason"_s, QJsonValue::Null},
                        {u"recording_status"_s, QJsonValue::Null},
                        {u"transfer_to"_s, QJsonValue::Null},
                        {u"transferred"_s, QJsonValue::Null},
                        {u"transfer_reason"_s, QJsonValue::Null},
                        {u"transcript"_s, QJsonValue::Null},
                        {u"reported"_s, false}};
    for (auto it = changes.begin(); it != changes.end(); ++it)
        columns.insert(it.key(), it.value());
    return columns;
}

// What the report alone leaves.
QJsonObject reportRow(const QJsonObject &changes = {})
{
    QJsonObject columns = row({{u"status"_s, u"ended"_s},
                               {u"caller_name"_s, u"Lee"_s},
                               {u"occurred"_s, 3},
                               {u"started"_s, 5},
                               {u"ended"_s, 155},
                               {u"ended_reason"_s, u"customer-ended-call"_s},
                               {u"recording_status"_s, u"completed"_s},
                               {u"transcript"_s, u"User: What does a consultation cost?"_s},
                               {u"reported"_s, true}});
    for (auto it = changes.begin(); it != changes.end(); ++it)
        columns.insert(it.key(), it.value());
    return columns;
}

} // namespace

class TestCallLogStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::db::Connection> m_admin;
    QString m_orgA;
    QString m_orgB;
    int m_calls = 0;

    QString newOrg(const QString &name)
    {
        auto org =
            m_admin->exec("INSERT INTO organizations (name) VALUES ($1) RETURNING id", {name});
        return org && !org->isEmpty() ? org->text(0, 0) : QString();
    }

    QString newCallId() { return u"call-store-%1"_s.arg(++m_calls); }

    // Writes `m` as clinic `orgId`'s message of `vapiCallId`; false when the store refused it.
    bool write(const Message &m, const QString &orgId, const QString &vapiCallId)
    {
        vox::db::Transaction tx(*m_admin);
        if (const auto *update = std::get_if<CallStatusUpdate>(&m)) {
            CallStatusUpdate u = *update;
            u.facts.orgId = orgId;
            u.facts.vapiCallId = vapiCallId;
            auto stored = CallLogStore::recordStatus(tx, u);
            if (!stored)
                qWarning("recordStatus: %s", qPrintable(stored.errorMessage()));
            return stored && stored->has_value();
        }
        CallReport r = std::get<CallReport>(m);
        r.facts.orgId = orgId;
        r.facts.vapiCallId = vapiCallId;
        auto stored = CallLogStore::recordReport(tx, r);
        if (!stored)
            qWarning("recordReport: %s", qPrintable(stored.errorMessage()));
        return stored && stored->has_value();
    }

    QJsonObject columnsOf(const QString &vapiCallId)
    {
        auto read = m_admin->exec(
            "SELECT row_to_json(r) FROM (SELECT status, caller_name, "
            "  extract(epoch FROM occurred_at - $2::timestamptz)::int AS occurred, "
            "  extract(epoch FROM started_at - $2::timestamptz)::int AS started, "
            "  extract(epoch FROM ended_at - $2::timestamptz)::int AS ended, "
            "  ended_reason, recording_status, transfer_to, "
            "  extract(epoch FROM transfer_time - $2::timestamptz)::int AS transferred, "
            "  transfer_reason, transcript, report_received_at IS NOT NULL AS reported "
            "  FROM call_logs WHERE vapi_call_id = $1) r",
            {vapiCallId, callCreated});
        if (!read || read->isEmpty())
            return {};
        return read->toJson(0, 0).toObject();
    }

    QString orgOf(const QString &vapiCallId)
    {
        auto read =
            m_admin->exec("SELECT org_id FROM call_logs WHERE vapi_call_id = $1", {vapiCallId});
        return read && !read->isEmpty() ? read->text(0, 0) : QString();
    }

    QString newPlacedCall()
    {
        vox::db::Transaction tx(*m_admin);
        auto record = CallLogStore::createPlacedCall(tx, {.orgId = m_orgA,
                                                          .contactId = {},
                                                          .phoneNumber = caller,
                                                          .callerName = {},
                                                          .fromNumber = u"+15550009999"_s,
                                                          .assistantId = u"asst-store"_s,
                                                          .phoneNumberId = u"pn-store"_s});
        if (!record)
            qWarning("createPlacedCall: %s", qPrintable(record.errorMessage()));
        return record ? *record : QString();
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"calllogstore"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_admin = m_db->connectAsAdmin();
        m_orgA = newOrg(u"Clinic A"_s);
        m_orgB = newOrg(u"Clinic B"_s);
        QVERIFY(!m_orgA.isEmpty() && !m_orgB.isEmpty());
    }

    void messagesMergeIntoOneRow_data()
    {
        QTest::addColumn<QStringList>("messages");
        QTest::addColumn<QJsonObject>("expected");

        QTest::newRow("an update alone")
            << QStringList{u"ringing"_s} << row({{u"status"_s, u"ringing"_s}, {u"occurred"_s, 0}});
        QTest::newRow("the report alone") << QStringList{u"report"_s} << reportRow();
        QTest::newRow("update then report: the call began when the update said")
            << QStringList{u"ringing"_s, u"report"_s} << reportRow({{u"occurred"_s, 0}});
        QTest::newRow("report then update: a late ringing does not undo ended")
            << QStringList{u"report"_s, u"ringing"_s} << reportRow({{u"occurred"_s, 0}});
        QTest::newRow("ended then report: the report's end and reason win")
            << QStringList{u"ended"_s, u"report"_s} << reportRow({{u"occurred"_s, 0}});
        QTest::newRow("report then ended: the update erases nothing the report said")
            << QStringList{u"report"_s, u"ended"_s} << reportRow({{u"occurred"_s, 0}});
        const QJsonObject endedWhileProcessing =
            row({{u"status"_s, u"ended"_s},
                 {u"occurred"_s, 0},
                 {u"started"_s, 5},
                 {u"ended"_s, 161},
                 {u"ended_reason"_s, u"assistant-ended-call"_s},
                 {u"recording_status"_s, u"processing"_s}});
        QTest::newRow("in progress then ended: the recording is being processed")
            << QStringList{u"in-progress"_s, u"ended"_s} << endedWhileProcessing;
        QTest::newRow("ended then in progress: processing outranks pending")
            << QStringList{u"ended"_s, u"in-progress"_s} << endedWhileProcessing;
        QTest::newRow("the report says there is no recording, and that stands")
            << QStringList{u"ended"_s, u"report without a recording"_s}
            << reportRow({{u"occurred"_s, 0}, {u"recording_status"_s, QJsonValue::Null}});
        QTest::newRow("forwarding then a report that knows no transfer keeps the transfer")
            << QStringList{u"forwarding"_s, u"report"_s}
            << reportRow({{u"occurred"_s, 0},
                          {u"transfer_to"_s, transferNumber},
                          {u"transferred"_s, 60}});
        QTest::newRow("report with a transfer then forwarding: the earlier transfer time")
            << QStringList{u"report with a transfer"_s, u"forwarding"_s}
            << reportRow({{u"occurred"_s, 0},
                          {u"transfer_to"_s, transferNumber},
                          {u"transferred"_s, 60},
                          {u"transfer_reason"_s, u"Caller asked for a person."_s}});
        QTest::newRow("a second report replaces the analysis but keeps facts it does not know")
            << QStringList{u"report"_s, u"report without a name, transcribed again"_s}
            << reportRow({{u"transcript"_s, u"User: How much is a consultation?"_s}});
        QTest::newRow("every message, in Vapi's order")
            << QStringList{u"ringing"_s, u"in-progress"_s, u"forwarding"_s, u"ended"_s, u"report"_s}
            << reportRow({{u"occurred"_s, 0},
                          {u"transfer_to"_s, transferNumber},
                          {u"transferred"_s, 60}});
        QTest::newRow("every message, the report first")
            << QStringList{u"report"_s, u"ended"_s, u"forwarding"_s, u"in-progress"_s, u"ringing"_s}
            << reportRow({{u"occurred"_s, 0},
                          {u"transfer_to"_s, transferNumber},
                          {u"transferred"_s, 60}});
    }

    void messagesMergeIntoOneRow()
    {
        QFETCH(QStringList, messages);
        QFETCH(QJsonObject, expected);
        const QString call = newCallId();
        for (const QString &name : messages)
            QVERIFY2(write(message(name), m_orgA, call), qPrintable(name));
        const QJsonObject columns = columnsOf(call);
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            QVERIFY2(
                columns.value(it.key()) == it.value(),
                qPrintable(u"%1 is %2, expected %3"_s.arg(
                    it.key(),
                    QString::fromUtf8(QJsonDocument(QJsonObject{{u"v"_s, columns.value(it.key())}})
                                          .toJson(QJsonDocument::Compact)),
                    QString::fromUtf8(QJsonDocument(QJsonObject{{u"v"_s, it.value()}})
                                          .toJson(QJsonDocument::Compact)))));
        }
        QCOMPARE(columns.keys(), expected.keys());
    }

    void anotherClinicsCallIsLeftAlone_data()
    {
        QTest::addColumn<QString>("intruding");
        QTest::newRow("a status update") << u"ended"_s;
        QTest::newRow("a report") << u"report"_s;
    }

    void anotherClinicsCallIsLeftAlone()
    {
        QFETCH(QString, intruding);
        const QString call = newCallId();
        QVERIFY(write(message(u"ringing"_s), m_orgA, call));
        QVERIFY(!write(message(intruding), m_orgB, call));
        QCOMPARE(orgOf(call), m_orgA);
        QCOMPARE(columnsOf(call), row({{u"status"_s, u"ringing"_s}, {u"occurred"_s, 0}}));
    }

    void anUpdateAnswersTheMergedRow()
    {
        // The clinic knows the caller; Vapi does not give a name with the updates.
        QVERIFY(m_admin
                    ->exec("INSERT INTO contacts (org_id, phone, name) VALUES ($1::uuid, $2, "
                           "'Maria Lopez')",
                           {m_orgA, caller})
                    .ok());
        const QString call = newCallId();
        CallStatusUpdate ringing = statusUpdate(u"ringing"_s);
        ringing.facts.orgId = m_orgA;
        ringing.facts.vapiCallId = call;
        vox::db::Transaction tx(*m_admin);

        auto first = CallLogStore::recordStatus(tx, ringing);
        QVERIFY(first && first->has_value());
        QCOMPARE((*first)->inserted, true);
        QCOMPARE((*first)->status, u"ringing"_s);
        QCOMPARE((*first)->direction, u"inbound"_s);
        QCOMPARE((*first)->callerName, u"Maria Lopez"_s);

        QVERIFY(write(message(u"report"_s), m_orgA, call));
        auto late = CallLogStore::recordStatus(tx, ringing);
        QVERIFY(late && late->has_value());
        QCOMPARE((*late)->inserted, false);
        QCOMPARE((*late)->id, (*first)->id);
        QCOMPARE((*late)->status, u"ended"_s);

        // The update found the contact by the caller's number.
        auto linked = m_admin->exec("SELECT c.contact_id = k.id FROM call_logs c JOIN contacts k "
                                    "ON k.org_id = c.org_id AND k.phone = c.phone_number "
                                    "WHERE c.vapi_call_id = $1",
                                    {call});
        QVERIFY(linked && !linked->isEmpty());
        QCOMPARE(linked->toBool(0, 0), true);
    }

    // Vapi's answer to the call-back and the call's first message race for the record.
    void anAcceptedCallKeepsWhatItsMessagesSaid_data()
    {
        QTest::addColumn<QString>("messageFirst");
        QTest::addColumn<bool>("ofThisCall");
        QTest::addColumn<QString>("status"); // empty: the record is another call's
        QTest::newRow("no message yet") << QString() << true << u"initiated"_s;
        QTest::newRow("in progress before the answer")
            << u"in-progress"_s << true << u"in-progress"_s;
        QTest::newRow("ended before the answer") << u"ended"_s << true << u"ended"_s;
        QTest::newRow("the record joined to another call") << u"ringing"_s << false << QString();
    }

    void anAcceptedCallKeepsWhatItsMessagesSaid()
    {
        QFETCH(QString, messageFirst);
        QFETCH(bool, ofThisCall);
        QFETCH(QString, status);
        const QString record = newPlacedCall();
        QVERIFY(!record.isEmpty());
        const QString call = newCallId();
        vox::db::Transaction tx(*m_admin);
        if (!messageFirst.isEmpty()) {
            const QString messageCall = ofThisCall ? call : newCallId();
            QVERIFY(CallLogStore::claimPlacedCall(tx, m_orgA, record, messageCall));
            QVERIFY(write(message(messageFirst), m_orgA, messageCall));
        }
        auto accepted = CallLogStore::acceptPlacedCall(tx, m_orgA, record, call);
        QVERIFY(accepted);
        QCOMPARE(accepted->value_or(QString()), status);
    }

    void aFailedPlacementKeepsVapisReason()
    {
        const QString record = newPlacedCall();
        QVERIFY(!record.isEmpty());
        vox::db::Transaction tx(*m_admin);
        QVERIFY(
            CallLogStore::failPlacedCall(tx, m_orgA, record, u"Vapi answered 400: bad number"_s));
        auto read = m_admin->exec(
            "SELECT status, failure_reason FROM call_logs WHERE id = $1::uuid", {record});
        QVERIFY(read && !read->isEmpty());
        QCOMPARE(read->text(0, 0), u"failed"_s);
        QCOMPARE(read->text(0, 1), u"Vapi answered 400: bad number"_s);
    }

    void aPlacedCallIsClaimedByItsVapiCallOnly_data()
    {
        QTest::addColumn<bool>("sameClinic");
        QTest::addColumn<bool>("idTakenByAnotherRow");
        QTest::addColumn<bool>("claimed");
        QTest::newRow("the clinic's own placed call") << true << false << true;
        QTest::newRow("another clinic's placed call") << false << false << false;
        QTest::newRow("a Vapi call id another row holds") << true << true << false;
    }

    void aPlacedCallIsClaimedByItsVapiCallOnly()
    {
        QFETCH(bool, sameClinic);
        QFETCH(bool, idTakenByAnotherRow);
        QFETCH(bool, claimed);
        const QString record = newPlacedCall();
        QVERIFY(!record.isEmpty());
        const QString call = newCallId();
        if (idTakenByAnotherRow)
            QVERIFY(write(message(u"ringing"_s), m_orgA, call));

        vox::db::Transaction tx(*m_admin);
        QVERIFY(CallLogStore::claimPlacedCall(tx, sameClinic ? m_orgA : m_orgB, record, call));
        auto read =
            m_admin->exec("SELECT vapi_call_id FROM call_logs WHERE id = $1::uuid", {record});
        QVERIFY(read && !read->isEmpty());
        QCOMPARE(read->text(0, 0), claimed ? call : QString());
    }
};

QTEST_GUILESS_MAIN(TestCallLogStore)
#include "tst_calllogstore.moc"
