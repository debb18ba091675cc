// Who should be called back: a lead's status, score and needs-attention mark after its calls, a
// call-back and a person's decision, read at a given time against the clinic's follow-up window.
#include "core/leadstatus.h"
#include "core/servicematch.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
namespace leads = vox::leads;

namespace {

// A fixed "now": no rule reads the clock.
const QDateTime now(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
constexpr int window = leads::defaultFollowUpDays;

// The clinic's services, as the server matches them in what the caller said.
const QList<vox::services::ServiceOffer> offers{
    {u"botox"_s, u"Botox"_s, 40000, {}}, {u"fillers"_s, u"Dermal fillers"_s, 65000, {u"filler"_s}}};

leads::LeadScore scoreCall(const QString &said, const QString &urgency, const QString &sentiment,
                           int seconds, bool booked)
{
    const auto match = vox::services::matchServices(said, offers, std::nullopt);
    leads::LeadSignals s;
    s.booked = booked;
    s.matchedServices = int(match.ids.size());
    s.valueCents = match.valueCents;
    s.intentPhrases = leads::countIntentPhrases(said);
    s.sentimentLabel = sentiment;
    s.urgency = urgency;
    s.durationSeconds = seconds;
    s.clinicalConcern = leads::mentionsClinicalConcern(said);
    return leads::scoreLead(s);
}

} // namespace

class TestLeadRules : public QObject
{
    Q_OBJECT

private slots:
    void followsTheLead_data()
    {
        // A lead as stored (status, score, days since its last activity), then one event some
        // days ago: "none", "call in" (what the caller said, urgency, mood, length, booked?),
        // "call-back placed", "call-back report" (the outbound call's end-of-call report) or
        // "person sets <status>". Then what the console shows now.
        QTest::addColumn<QString>("stored");
        QTest::addColumn<int>("score");
        QTest::addColumn<int>("idleDays");
        QTest::addColumn<int>("daysAgo");
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("said");
        QTest::addColumn<QString>("urgency");
        QTest::addColumn<QString>("sentiment");
        QTest::addColumn<int>("seconds");
        QTest::addColumn<bool>("booked");
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("scoreAfter");
        QTest::addColumn<QString>("temperature");
        QTest::addColumn<bool>("needsAttention");
        QTest::addColumn<bool>("onCallBackList");
        QTest::addColumn<QString>("priority");

        QTest::newRow("booked in the call: off the call-back list")
            << u"new"_s << 0 << 0 << 0 << u"call in"_s
            << u"I'd like to book Botox, how much is it?"_s << u"low"_s << u"positive"_s << 150
            << true << u"booked"_s << 75 << u"hot"_s << false << false << u"none"_s;
        QTest::newRow("asked a price yesterday, did not book: still new, on the list")
            << u"new"_s << 0 << 1 << 1 << u"call in"_s
            << u"How much is lip filler? I'm interested."_s << u"low"_s << u"neutral"_s << 90
            << false << u"new"_s << 20 << u"cold"_s << false << true << u"low"_s;
        QTest::newRow("did not book, 13 days ago: still open")
            << u"new"_s << 0 << 13 << 13 << u"call in"_s
            << u"How much is lip filler? I'm interested."_s << u"low"_s << u"neutral"_s << 90
            << false << u"new"_s << 20 << u"cold"_s << false << true << u"low"_s;
        QTest::newRow("did not book, the follow-up window passed: lost")
            << u"new"_s << 0 << 14 << 14 << u"call in"_s
            << u"How much is lip filler? I'm interested."_s << u"low"_s << u"neutral"_s << 90
            << false << u"lost"_s << 20 << u"cold"_s << false << false << u"none"_s;
        QTest::newRow("contacted, then nothing for the window: lost")
            << u"contacted"_s << 55 << 15 << 0 << u"none"_s << QString() << QString() << QString()
            << 0 << false << u"lost"_s << 55 << u"warm"_s << false << false << u"none"_s;
        QTest::newRow("swelling and pain after fillers, urgent: hot, needs attention")
            << u"new"_s << 0 << 0 << 0 << u"call in"_s
            << u"I have swelling and pain after fillers last week"_s << u"high"_s << u"negative"_s
            << 40 << false << u"new"_s << 70 << u"hot"_s << true << true << u"urgent"_s;
        QTest::newRow("needs attention: not lost when the window passes")
            << u"new"_s << 0 << 20 << 20 << u"call in"_s
            << u"I have swelling and pain after fillers last week"_s << u"high"_s << u"negative"_s
            << 40 << false << u"new"_s << 70 << u"hot"_s << true << true << u"urgent"_s;
        QTest::newRow("urgent without a symptom: hot, needs attention")
            << u"new"_s << 0 << 0 << 0 << u"call in"_s << u"Can someone call me back today?"_s
            << u"high"_s << u"neutral"_s << 30 << false << u"new"_s << 70 << u"hot"_s << true
            << true << u"urgent"_s;
        QTest::newRow("call-back placed: contacted, score kept")
            << u"new"_s << 70 << 0 << 0 << u"call-back placed"_s << QString() << QString()
            << QString() << 0 << false << u"contacted"_s << 70 << u"hot"_s << false << true
            << u"high"_s;
        QTest::newRow("short call-back's report: contacted, score kept")
            << u"new"_s << 70 << 0 << 0 << u"call-back report"_s << u"Not now, call me tomorrow."_s
            << u"low"_s << u"neutral"_s << 20 << false << u"contacted"_s << 70 << u"hot"_s << false
            << true << u"high"_s;
        QTest::newRow("call-back that books: booked, off the list")
            << u"contacted"_s << 70 << 0 << 0 << u"call-back report"_s
            << u"Yes, book me for Botox."_s << u"low"_s << u"positive"_s << 120 << true
            << u"booked"_s << 70 << u"hot"_s << false << false << u"none"_s;
        QTest::newRow("a later call without booking does not undo a booking")
            << u"booked"_s << 75 << 0 << 0 << u"call in"_s << u"What time was my appointment?"_s
            << u"low"_s << u"neutral"_s << 45 << false << u"booked"_s << 5 << u"cold"_s << false
            << false << u"none"_s;
        QTest::newRow("booked long ago stays booked")
            << u"booked"_s << 75 << 200 << 0 << u"none"_s << QString() << QString() << QString()
            << 0 << false << u"booked"_s << 75 << u"hot"_s << false << false << u"none"_s;
        QTest::newRow("a person marks a hot lead lost: lost")
            << u"contacted"_s << 80 << 0 << 0 << u"person sets lost"_s << QString() << QString()
            << QString() << 0 << false << u"lost"_s << 80 << u"hot"_s << false << false
            << u"none"_s;
        QTest::newRow("a person reopens an old lead: open for another window")
            << u"lost"_s << 30 << 40 << 0 << u"person sets contacted"_s << QString() << QString()
            << QString() << 0 << false << u"contacted"_s << 30 << u"cold"_s << false << true
            << u"low"_s;
    }
    void followsTheLead()
    {
        QFETCH(QString, stored);
        QFETCH(int, score);
        QFETCH(int, idleDays);
        QFETCH(int, daysAgo);
        QFETCH(QString, event);
        QFETCH(QString, said);
        QFETCH(QString, urgency);
        QFETCH(QString, sentiment);
        QFETCH(int, seconds);
        QFETCH(bool, booked);

        const QDateTime at = now.addDays(-daysAgo);
        leads::Lead lead;
        lead.status = *leads::statusFromName(stored);
        lead.score = score;
        lead.createdAt = now.addDays(-idleDays - 30);
        lead.lastContactedAt = now.addDays(-idleDays);
        lead.scoredAt = lead.lastContactedAt;

        if (event == u"call in" || event == u"call-back report") {
            leads::CallReport call;
            call.direction =
                event == u"call in" ? leads::Direction::Inbound : leads::Direction::Outbound;
            call.at = at;
            call.booked = booked;
            call.score = scoreCall(said, urgency, sentiment, seconds, booked);
            lead = leads::afterCall(lead, call);
        } else if (event == u"call-back placed") {
            lead = leads::afterCallBackPlaced(lead, at);
        } else if (event.startsWith(u"person sets "_s)) {
            lead = leads::setByPerson(
                lead, *leads::statusFromName(event.mid(QStringView(u"person sets ").size())), at);
        } else {
            QCOMPARE(event, u"none"_s);
        }

        QTEST(leads::statusName(leads::statusAt(lead, now, window)), "status");
        QTEST(lead.score, "scoreAfter");
        QTEST(leads::temperatureName(leads::temperatureFor(lead.score)), "temperature");
        QTEST(lead.needsAttention, "needsAttention");
        QTEST(leads::onCallBackList(lead, now, window), "onCallBackList");
        QTEST(leads::priorityName(leads::priorityAt(lead, now, window)), "priority");
    }

    // The clinic's own window decides; a window out of range is held to 1-365 days.
    void theClinicsWindowDecides_data()
    {
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("idleHours");
        QTest::addColumn<QString>("status");
        QTest::newRow("7-day window, 6 days idle") << 7 << 6 * 24 << u"new"_s;
        QTest::newRow("7-day window, exactly 7 days idle") << 7 << 7 * 24 << u"lost"_s;
        QTest::newRow("30-day window, 20 days idle") << 30 << 20 * 24 << u"new"_s;
        QTest::newRow("0 is held to 1 day: 23 hours idle") << 0 << 23 << u"new"_s;
        QTest::newRow("0 is held to 1 day: 25 hours idle") << 0 << 25 << u"lost"_s;
    }
    void theClinicsWindowDecides()
    {
        QFETCH(int, days);
        QFETCH(int, idleHours);
        leads::Lead lead;
        lead.createdAt = now.addSecs(-qint64(idleHours) * 3600);
        QTEST(leads::statusName(leads::statusAt(lead, now, days)), "status");
    }
};

QTEST_APPLESS_MAIN(TestLeadRules)
#include "tst_leadrules.moc"
