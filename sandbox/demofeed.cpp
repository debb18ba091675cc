#include "sandbox/demofeed.h"

#include "core/logging/log.h"
#include "sandbox/callsimulator.h"
#include "sandbox/outboundhttp.h"
#include "sandbox/twiliosandbox.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

namespace {

Result<QJsonObject> callApi(const QString &base, const QByteArray &method, const QString &path,
                            const QJsonObject &body, const QString &token = {})
{
    http::OutboundCall call;
    call.method = method;
    call.url = QUrl(base + path);
    call.timeoutMs = 30000;
    if (method != "GET") {
        call.contentType = "application/json";
        call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    if (!token.isEmpty())
        call.headers = {{"Authorization", "Bearer " + token.toUtf8()}};
    auto answer = sendOnce(call);
    if (!answer)
        return answer.error();
    const QJsonObject json = answer->json().toObject();
    if (!answer->ok())
        return fail(json.value(u"error"_s).toString(),
                    answer->status == 401 ? ErrorKind::NotSignedIn : ErrorKind::Unspecified);
    return json;
}

bool sleepWhile(const std::atomic<bool> &running, int seconds)
{
    for (int i = 0; i < seconds * 10 && running.load(); ++i)
        QThread::msleep(100);
    return running.load();
}

// The owner's session: the kept one while its token lasts, else refreshed, else opened beside
// the server, signed in, or (when allowed) the clinic signed up.
Result<QString> ownerToken(const DemoFeed::Options &options)
{
    const auto open = [&options]() -> Result<QJsonObject> {
        if (options.ownerSession) {
            if (auto session = options.ownerSession(); session)
                return session;
        }
        auto session = callApi(options.serverUrl, "POST", u"/api/auth/login"_s,
                               {{u"email"_s, options.email}, {u"password"_s, options.password}});
        if (!session && session.error().kind == ErrorKind::NotSignedIn && options.signUpIfMissing) {
            session = callApi(options.serverUrl, "POST", u"/api/auth/signup"_s,
                              {{u"organization_name"_s, u"Glow Med Spa (demo)"_s},
                               {u"full_name"_s, u"Dana Whitfield (owner)"_s},
                               {u"email"_s, options.email},
                               {u"password"_s, options.password},
                               {u"time_zone"_s, options.timeZone}});
        }
        return session;
    };
    const auto refresh = [&options](const QString &refreshToken) {
        return callApi(options.serverUrl, "POST", u"/api/auth/refresh"_s,
                       {{u"refresh_token"_s, refreshToken}});
    };
    if (!options.ownerSessionKeeper)
        return SessionKeeper().accessToken(open, refresh);
    return options.ownerSessionKeeper->accessToken(open, refresh);
}

// A step that the server refused with the kept token: the next step opens a session afresh.
template<typename T>
Result<T> forgetRefusedSession(const DemoFeed::Options &options, Result<T> outcome)
{
    if (!outcome && outcome.error().kind == ErrorKind::NotSignedIn && options.ownerSessionKeeper)
        options.ownerSessionKeeper->forget();
    return outcome;
}

// The front desk's staff account, created once.
Result<void> ensureFrontDesk(const DemoFeed::Options &options, const QString &token)
{
    if (options.frontDeskEmail.isEmpty())
        return {};
    auto users = callApi(options.serverUrl, "GET", u"/api/org/users"_s, {}, token);
    if (!users)
        return users.error();
    for (const QJsonValue &user : users->value(u"items"_s).toArray()) {
        if (user.toObject()
                .value(u"email"_s)
                .toString()
                .compare(options.frontDeskEmail, Qt::CaseInsensitive) == 0)
            return {};
    }
    auto created = callApi(options.serverUrl, "POST", u"/api/org/users"_s,
                           {{u"email"_s, options.frontDeskEmail},
                            {u"role"_s, u"staff"_s},
                            {u"full_name"_s, u"Sam Rivera (front desk)"_s},
                            {u"password"_s, options.frontDeskPassword}},
                           token);
    if (!created)
        return created.error();
    return {};
}

// The sandbox's Twilio account, connected as a clinic admin would on the Integrations page, so
// its number is imported into the sandbox's Vapi. Done on every start: an embedded sandbox starts
// empty, so the number imported last time is gone from its Vapi.
Result<void> connectTwilio(const DemoFeed::Options &options, const QString &token)
{
    // Disconnected first: a new connection would try to move the number imported last time,
    // which an embedded sandbox that started empty no longer has.
    auto before = callApi(options.serverUrl, "GET", u"/api/integrations"_s, {}, token);
    if (!before)
        return before.error();
    if (before->value(u"twilio"_s).toObject().value(u"configured"_s).toBool()) {
        auto removed =
            callApi(options.serverUrl, "DELETE", u"/api/integrations/twilio"_s, {}, token);
        if (!removed)
            return fail(
                u"The sandbox's Twilio could not be reconnected: %1"_s.arg(removed.errorMessage()));
    }
    auto put = callApi(options.serverUrl, "PUT", u"/api/integrations/twilio"_s,
                       {{u"account_sid"_s, TwilioSandbox::demoAccountSid},
                        {u"auth_token"_s, TwilioSandbox::demoAuthToken},
                        {u"phone_number"_s, TwilioSandbox::demoPhoneNumber}},
                       token);
    if (!put)
        return fail(u"The sandbox's Twilio could not be connected: %1"_s.arg(put.errorMessage()));
    // The import into Vapi finishes in a job: wait for it, so the front desk's first call-back
    // finds the number.
    for (int i = 0; i < 300; ++i) {
        auto status = callApi(options.serverUrl, "GET", u"/api/integrations"_s, {}, token);
        if (!status)
            return status.error();
        const QJsonObject twilio = status->value(u"twilio"_s).toObject();
        const QString state = twilio.value(u"status"_s).toString();
        if (state == u"active")
            return {};
        if (state != u"syncing")
            return fail(u"The sandbox's Twilio could not be connected: %1"_s.arg(
                twilio.value(u"error"_s).toString(state)));
        QThread::msleep(100);
    }
    return fail(u"The sandbox's Twilio took too long to connect to Vapi."_s);
}

// The clinic's own Resend key (any key will do for the sandbox) and sender, once.
Result<void> connectEmail(const DemoFeed::Options &options, const QString &token)
{
    auto status = callApi(options.serverUrl, "GET", u"/api/integrations"_s, {}, token);
    if (!status)
        return status.error();
    if (!status->value(u"resend"_s).toObject().value(u"api_key_last4"_s).toString().isEmpty())
        return {};
    auto put = callApi(options.serverUrl, "PUT", u"/api/integrations/resend"_s,
                       {{u"from"_s, u"Glow Med Spa <desk@glowmedspa.example>"_s},
                        {u"api_key"_s, u"re_sandbox_demo_clinic"_s}},
                       token);
    if (!put)
        return fail(u"The clinic's e-mail could not be set up: %1"_s.arg(put.errorMessage()));
    return {};
}

// The clinic's automatic reminders, by text and e-mail, switched on unless the clinic has chosen
// its plan already (then its choice stands): in the demo they go out by themselves.
Result<void> enableReminders(const DemoFeed::Options &options, const QString &token)
{
    auto plan = callApi(options.serverUrl, "GET", u"/api/settings/reminders"_s, {}, token);
    if (!plan)
        return plan.error();
    if (!plan->value(u"updated_at"_s).isNull())
        return {};
    auto put = callApi(options.serverUrl, "PUT", u"/api/settings/reminders"_s,
                       {{u"enabled"_s, true}, {u"sms"_s, true}, {u"email"_s, true}}, token);
    if (!put)
        return fail(
            u"The clinic's reminders could not be switched on: %1"_s.arg(put.errorMessage()));
    return {};
}

// Where the AI and the front desk can hand a live call: the front desk in opening hours, and a
// nurse on call for urgent concerns at any hour. Added once, when the clinic has none (then the
// clinic's own list stands), so a live call in the demo can be transferred.
Result<void> addTransferDestinations(const DemoFeed::Options &options, const QString &token)
{
    auto listed = callApi(options.serverUrl, "GET", u"/api/transfer-destinations"_s, {}, token);
    if (!listed)
        return listed.error();
    if (!listed->value(u"destinations"_s).toArray().isEmpty())
        return {};
    const auto hours = [](std::initializer_list<int> days, const QString &open,
                          const QString &close) {
        QJsonArray out;
        for (int day : days)
            out.append(QJsonObject{{u"day"_s, day}, {u"open"_s, open}, {u"close"_s, close}});
        return out;
    };
    QJsonArray deskHours = hours({1, 2, 3, 4, 5}, u"08:00"_s, u"19:00"_s);
    deskHours.append(QJsonObject{{u"day"_s, 6}, {u"open"_s, u"09:00"_s}, {u"close"_s, u"14:00"_s}});
    const QList<QJsonObject> destinations{
        {{u"name"_s, u"Front desk"_s},
         {u"number"_s, u"+15550107000"_s},
         {u"description"_s, u"Reception: bookings, prices and questions about a visit"_s},
         {u"hours"_s, deskHours},
         {u"emergency"_s, false}},
        {{u"name"_s, u"Nurse on call"_s},
         {u"number"_s, u"+15550107001"_s},
         {u"description"_s, u"Urgent concerns after a treatment, at any hour"_s},
         {u"hours"_s, hours({1, 2, 3, 4, 5, 6, 7}, u"00:00"_s, u"24:00"_s)},
         {u"emergency"_s, true}}};
    for (const QJsonObject &destination : destinations) {
        auto added =
            callApi(options.serverUrl, "POST", u"/api/transfer-destinations"_s, destination, token);
        if (!added)
            return fail(u"The clinic's transfer destinations could not be set up: %1"_s.arg(
                added.errorMessage()));
    }
    return {};
}

// Callers who gave their name and have no e-mail address get one, as if the front desk had
// asked for it: reminders by e-mail then reach them (in the sandbox).
Result<int> giveCallersEmails(const DemoFeed::Options &options, const QString &token)
{
    auto contacts = callApi(options.serverUrl, "GET", u"/api/contacts?limit=100"_s, {}, token);
    if (!contacts)
        return contacts.error();
    int given = 0;
    for (const QJsonValue &item : contacts->value(u"items"_s).toArray()) {
        const QJsonObject contact = item.toObject();
        const QString name = contact.value(u"name"_s).toString();
        if (name.isEmpty() || !contact.value(u"email"_s).toString().isEmpty())
            continue;
        auto patched = callApi(options.serverUrl, "PATCH",
                               u"/api/contacts/"_s + contact.value(u"id"_s).toString(),
                               {{u"email"_s, DemoFeed::emailFor(name)}}, token);
        if (!patched)
            return patched.error();
        ++given;
    }
    return given;
}

// A few of the clinic's newest calls reviewed, as an owner does on Monday morning: scores and
// tags picked by position, so the same calls get the same review in every demo.
Result<int> reviewCalls(const DemoFeed::Options &options, const QString &token)
{
    auto tagList = callApi(options.serverUrl, "GET", u"/api/org/review-tags"_s, {}, token);
    if (!tagList)
        return tagList.error();
    const QJsonArray tags = tagList->value(u"tags"_s).toArray();
    auto calls = callApi(options.serverUrl, "GET", u"/api/calls-dashboard?limit=40"_s, {}, token);
    if (!calls)
        return calls.error();
    const QJsonArray items = calls->value(u"items"_s).toArray();
    struct Verdict
    {
        int score;
        int tag; // a position in the clinic's tag list
        QString note;
    };
    const QList<Verdict> verdicts{
        {5, 0, u"Friendly, booked on the first try."_s},
        {2, 1, u"Quoted the old price for fillers."_s},
        {3, 2, u"The caller wanted the nurse sooner."_s},
        {4, 0, u"Good, a little long."_s},
        {1, 5, u"Did not catch the caller's name twice."_s},
        {4, 6, u"Right answer, too many words."_s},
    };
    int written = 0;
    for (qsizetype i = 1; i < items.size() && written < verdicts.size(); i += 3) {
        const Verdict &v = verdicts.at(written);
        QJsonArray chosen;
        if (!tags.isEmpty())
            chosen.append(tags.at(v.tag % tags.size()));
        auto put =
            callApi(options.serverUrl, "PUT",
                    u"/api/calls-dashboard/%1/review"_s.arg(
                        items.at(i).toObject().value(u"id"_s).toString()),
                    {{u"score"_s, v.score}, {u"tags"_s, chosen}, {u"note"_s, v.note}}, token);
        if (!put)
            return fail(u"A demo call could not be reviewed: %1"_s.arg(put.errorMessage()));
        ++written;
    }
    return written;
}

// Tool calls the server refuses, sent as Vapi sends them during a call (ids made from the
// assistant's, so another demo clinic's are its own): the server records each failure itself.
Result<int> sendRefusedToolCalls(const DemoFeed::Options &options, const QString &assistantId)
{
    namespace vm = vapimessages;
    const QUuid space = QUuid::createUuidV5(QUuid(), u"voxanne demo tool trouble"_s);
    const auto idFor = [&](const QString &what) {
        return QUuid::createUuidV5(space, assistantId + u'/' + what).toString(QUuid::WithoutBraces);
    };
    // Weekdays far enough ahead that the demo's own bookings (the coming four weeks) are clear.
    QDate day = QDate::currentDate().addDays(40);
    while (day.dayOfWeek() > 5)
        day = day.addDays(1);
    const QString taken = day.toString(Qt::ISODate) + u"T11:00:00"_s;
    QDate sunday = QDate::currentDate().addDays(14);
    while (sunday.dayOfWeek() != 7)
        sunday = sunday.addDays(1);
    const QString closedDay = sunday.toString(Qt::ISODate) + u"T10:00:00"_s;
    struct Trouble
    {
        QString tool;
        QJsonObject arguments;
    };
    const QList<Trouble> troubles{
        {u"checkAvailability"_s,
         QJsonObject{{u"date"_s, day.toString(Qt::ISODate)}, {u"service"_s, u"Tattoo removal"_s}}},
        {u"bookClinicAppointment"_s, QJsonObject{{u"name"_s, u"Priya Shah"_s},
                                                 {u"service"_s, u"Laser hair removal"_s},
                                                 {u"datetime"_s, taken}}},
        // The first caller gets the time; the second asks for the same one.
        {u"bookClinicAppointment"_s, QJsonObject{{u"name"_s, u"Marcus Lee"_s},
                                                 {u"service"_s, u"Botox"_s},
                                                 {u"datetime"_s, taken}}},
        {u"bookClinicAppointment"_s, QJsonObject{{u"name"_s, u"Elena Costa"_s},
                                                 {u"service"_s, u"Botox"_s},
                                                 {u"datetime"_s, taken}}},
        {u"bookClinicAppointment"_s, QJsonObject{{u"name"_s, u"Tom Becker"_s},
                                                 {u"service"_s, u"Consultation"_s},
                                                 {u"datetime"_s, closedDay}}},
    };
    const auto headers = [&](const QJsonObject &message) {
        return CallSimulator::headersFor(
            QJsonDocument(vm::envelope(message)).toJson(QJsonDocument::Compact),
            options.webhookSecret, {});
    };
    // Each on a day of the past week the demo's calls fill, in opening hours (days and hours
    // back from now), so the quality report's errors per day are not one bar on today.
    const QList<std::pair<int, int>> ago{{6, 3}, {5, 1}, {5, 0}, {3, 2}, {1, 4}};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int sent = 0;
    for (qsizetype i = 0; i < troubles.size(); ++i) {
        const CallSimulator::Person caller = CallSimulator::person(7, int(i));
        const auto [days, hours] = ago.at(i % ago.size());
        const QDateTime asked = now.addDays(-days).addSecs(-hours * 3600);
        vm::CallInfo call;
        call.id = idFor(u"call/%1"_s.arg(i));
        call.assistantId = assistantId;
        call.customerNumber = caller.phone;
        call.customerName = troubles.at(i).arguments.value(u"name"_s).toString(caller.name);
        call.createdAt = asked.addSecs(-60);
        call.startedAt = asked.addSecs(-55);
        vm::Turn turn;
        turn.kind = vm::Turn::Kind::ToolCall;
        turn.toolName = troubles.at(i).tool;
        turn.toolCallId = u"call_"_s + idFor(u"tool/%1"_s.arg(i)).remove(u'-').left(24);
        turn.arguments = troubles.at(i).arguments;
        const QJsonObject message = vm::toolCalls(call, {turn}, asked);
        const Delivery d =
            CallSimulator::post(options.serverUrl, u"/api/vapi/tools"_s, headers(message), message);
        if (d.status < 200 || d.status >= 300)
            return fail(u"A demo tool call was not answered: HTTP %1"_s.arg(d.status));
        ++sent;
    }
    return sent;
}

} // namespace

Result<int> DemoFeed::addQualityHistory(const Options &options, const QString &assistantId)
{
    auto token = ownerToken(options);
    if (!token)
        return token.error();
    auto reviewed = forgetRefusedSession(
        options, callApi(options.serverUrl, "GET", u"/api/calls-dashboard?reviewed=true&limit=1"_s,
                         {}, *token));
    if (!reviewed)
        return reviewed.error();
    if (!reviewed->value(u"items"_s).toArray().isEmpty())
        return 0;
    // Reviews first: they are what marks the history as written, so a failure later never
    // sends the refused tool calls twice.
    auto written = reviewCalls(options, *token);
    if (!written)
        return written.error();
    if (*written == 0)
        return 0;
    if (auto refused = sendRefusedToolCalls(options, assistantId); !refused)
        return refused.error();
    return *written;
}

DemoFeed::DemoFeed(Options options)
    : m_options(std::move(options))
{}

DemoFeed::~DemoFeed()
{
    stop();
}

QString DemoFeed::emailFor(const QString &name)
{
    QString local = name.toLower().normalized(QString::NormalizationForm_KD);
    local.replace(u' ', u'.');
    local.remove(QRegularExpression(u"[^a-z0-9.]"_s));
    return (local.isEmpty() ? u"caller"_s : local) + u"@example.com"_s;
}

Result<DemoFeed::Clinic> DemoFeed::prepareClinic(const Options &options)
{
    auto token = ownerToken(options);
    if (!token)
        return token.error();
    if (auto staff = forgetRefusedSession(options, ensureFrontDesk(options, *token)); !staff)
        return staff.error();

    // Saved on every start: a fresh sandbox has no assistant yet, and the server's address
    // (which the assistant points Vapi at) changes with each embedded start.
    auto agent = callApi(options.serverUrl, "GET", u"/api/agent"_s, {}, *token);
    if (!agent)
        return agent.error();
    const QJsonObject current = agent->value(u"agent"_s).toObject();
    auto saved = callApi(options.serverUrl, "PUT", u"/api/agent"_s,
                         {{u"name"_s, current.value(u"name"_s).toString(u"Voxanne"_s)}}, *token);
    if (!saved)
        return saved.error();
    QString assistantId =
        saved->value(u"agent"_s).toObject().value(u"vapi_assistant_id"_s).toString();
    // The save is sent to Vapi in the background; an assistant the (fresh) sandbox no longer
    // knows is created anew there. The id that counts is the one recorded once it is in sync.
    for (int i = 0; i < 100; ++i) {
        auto synced = callApi(options.serverUrl, "GET", u"/api/agent"_s, {}, *token);
        if (!synced)
            return synced.error();
        // GET /api/agent: {agent: {…, vapi_assistant_id}, sync: {status, …}} (docs/api.md).
        const QJsonObject a = synced->value(u"agent"_s).toObject();
        if (synced->value(u"sync"_s).toObject().value(u"status"_s).toString() == u"synced") {
            assistantId = a.value(u"vapi_assistant_id"_s).toString();
            break;
        }
        QThread::msleep(100);
    }
    if (assistantId.isEmpty())
        return fail(u"The demo clinic's agent has no Vapi assistant."_s);
    // After the agent: the number is imported into Vapi linked to its assistant.
    if (auto twilio = connectTwilio(options, *token); !twilio)
        return twilio.error();
    if (auto email = connectEmail(options, *token); !email)
        return email.error();
    if (auto reminders = enableReminders(options, *token); !reminders)
        return reminders.error();
    if (auto desk = addTransferDestinations(options, *token); !desk)
        return desk.error();
    if (auto emails = giveCallersEmails(options, *token); !emails)
        return emails.error();
    auto calls = callApi(options.serverUrl, "GET", u"/api/calls-dashboard?limit=1"_s, {}, *token);
    if (!calls)
        return calls.error();
    return Clinic{assistantId, !calls->value(u"items"_s).toArray().isEmpty()};
}

Result<CallSimulator::Summary>
DemoFeed::playCalls(const Options &options, const QString &assistantId, int calls, quint32 seed,
                    int spacingSeconds, const CallSimulator::Summary &earlier,
                    CallSimulator::Options::Mix mix, int liveLineDelayMs)
{
    CallSimulator::Options simulation;
    simulation.serverUrl = options.serverUrl;
    simulation.secret = options.webhookSecret;
    simulation.sandboxUrl = options.sandboxUrl;
    simulation.assistantId = assistantId;
    simulation.calls = calls;
    simulation.seed = seed;
    simulation.spacingSeconds = spacingSeconds;
    simulation.mix = mix;
    simulation.liveLineDelayMs = liveLineDelayMs;
    simulation.returningName = earlier.bookedName;
    simulation.returningNumber = earlier.bookedNumber;
    auto played = CallSimulator(simulation).run();
    if (!played)
        return played.error();
    CallSimulator::Summary summary = *played;
    if (summary.bookedNumber.isEmpty()) {
        summary.bookedName = earlier.bookedName;
        summary.bookedNumber = earlier.bookedNumber;
    }
    auto token = ownerToken(options);
    if (!token)
        return token.error();
    if (auto emails = forgetRefusedSession(options, giveCallersEmails(options, *token)); !emails)
        return emails.error();
    return summary;
}

void DemoFeed::start()
{
    if (m_running.exchange(true))
        return;
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(u"demo-feed"_s);
    m_thread->start();
}

bool DemoFeed::hasEnded() const
{
    return !m_thread || m_thread->isFinished();
}

void DemoFeed::stop()
{
    m_running = false;
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void DemoFeed::run()
{
    // The clinic may not be reachable yet (a server still starting): try again.
    Result<Clinic> clinic = fail(u"not tried"_s);
    bool told = false;
    const auto tell = [&](const QString &problem) {
        if (!told && m_options.prepared)
            m_options.prepared(problem);
        told = true;
    };
    for (int attempt = 1; m_running.load(); ++attempt) {
        clinic = prepareClinic(m_options);
        if (clinic)
            break;
        log::warn("demo", u"The demo clinic is not ready yet: %1"_s.arg(clinic.errorMessage()));
        if (attempt == 5)
            tell(clinic.errorMessage());
        if (!sleepWhile(m_running, 2))
            return;
    }
    if (!clinic)
        return;
    tell({});
    const QString assistant = clinic->assistantId;
    // Random, not the clock: a feed restarted within the same second must not replay the same
    // call ids (the server would rightly take them as redeliveries).
    quint32 seed = QRandomGenerator::global()->generate();
    CallSimulator::Summary last;
    const auto play = [&](int calls, int spacing, const char *what,
                          CallSimulator::Options::Mix mix = CallSimulator::Options::Mix::Varied,
                          int liveLineDelayMs = 0) {
        auto played =
            playCalls(m_options, assistant, calls, seed++, spacing, last, mix, liveLineDelayMs);
        if (played)
            last = *played;
        else
            log::warn("demo", u"%1 could not be played: %2"_s.arg(QLatin1String(what),
                                                                  played.errorMessage()));
    };
    // A new clinic's history, once: a restart goes on with one call at a time, never a burst.
    if (!clinic->hasCalls) {
        if (m_options.pastWeekCalls > 0) {
            // Spread over the past seven days, around the clock: the AI answers at night too.
            play(m_options.pastWeekCalls, 7 * 24 * 3600 / m_options.pastWeekCalls,
                 "The demo's past week");
        }
        if (m_options.firstBatch > 0)
            play(m_options.firstBatch, 6 * 60, "The demo's first calls");
        if (m_options.todayCalls > 0)
            play(m_options.todayCalls, 90, "The demo's callers to call back today",
                 CallSimulator::Options::Mix::Cycle);
    }
    if (m_running.load()) {
        if (auto quality = addQualityHistory(m_options, assistant); !quality)
            log::warn("demo", u"The demo's reviews and tool errors could not be added: %1"_s.arg(
                                  quality.errorMessage()));
    }
    // Each spoken live, so the console's live call desk has a call to watch within a minute.
    while (sleepWhile(m_running, m_options.intervalSeconds))
        play(1, 6 * 60, "A demo call", CallSimulator::Options::Mix::Varied,
             m_options.liveLineDelayMs);
}

} // namespace vox::sandbox
