#include "core/todayqueue.h"

#include "core/servicematch.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::today {

QString reasonName(Reason reason)
{
    switch (reason) {
    case Reason::Urgent:
        return u"urgent"_s;
    case Reason::Negative:
        return u"negative"_s;
    case Reason::PriceQuestion:
        return u"price_question"_s;
    case Reason::FailedOrTransferred:
        return u"failed_or_transferred"_s;
    case Reason::ReplyWaiting:
        return u"reply_waiting"_s;
    }
    return {};
}

QString stateName(State state)
{
    switch (state) {
    case State::Open:
        return u"open"_s;
    case State::Called:
        return u"called"_s;
    case State::Done:
        return u"done"_s;
    case State::Booked:
        return u"booked"_s;
    }
    return {};
}

std::optional<State> stateFromName(const QString &name)
{
    for (State state : {State::Open, State::Called, State::Done, State::Booked}) {
        if (stateName(state) == name)
            return state;
    }
    return std::nullopt;
}

std::optional<Reason> reasonOf(const Signal &signal)
{
    if (signal.urgent)
        return Reason::Urgent;
    if (signal.negative)
        return Reason::Negative;
    if (signal.askedPrice && !signal.booked)
        return Reason::PriceQuestion;
    if (signal.failed || signal.transferred)
        return Reason::FailedOrTransferred;
    if (signal.replyWaiting)
        return Reason::ReplyWaiting;
    return std::nullopt;
}

QList<Entry> queue(const QList<Signal> &signals_, const QHash<QString, QDateTime> &bookedAt,
                   const QHash<QString, Mark> &marks, const QDateTime &now, const QTimeZone &zone)
{
    const QDate today = now.toTimeZone(zone).date();
    QHash<QString, Entry> byKey;
    // The newest signal of any reason per person: a mark or booking older than it is stale.
    QHash<QString, QDateTime> newest;
    // A call that booked is a booking at the call's time.
    QHash<QString, QDateTime> booked = bookedAt;

    for (const Signal &signal : signals_) {
        if (!signal.at.isValid() || signal.at.toTimeZone(zone).date() != today)
            continue;
        if (signal.booked) {
            QDateTime &at = booked[signal.key];
            if (!at.isValid() || at < signal.at)
                at = signal.at;
        }
        const auto reason = reasonOf(signal);
        if (!reason)
            continue;
        QDateTime &last = newest[signal.key];
        if (!last.isValid() || last < signal.at)
            last = signal.at;
        auto it = byKey.find(signal.key);
        if (it == byKey.end()) {
            byKey.insert(signal.key, Entry{signal.key, signal.sourceId, *reason, signal.at,
                                           signal.leadScore, State::Open});
            continue;
        }
        Entry &entry = it.value();
        entry.leadScore = std::max(entry.leadScore, signal.leadScore);
        if (*reason < entry.reason || (*reason == entry.reason && signal.at > entry.at)) {
            entry.reason = *reason;
            entry.at = signal.at;
            entry.sourceId = signal.sourceId;
        }
    }

    QList<Entry> out;
    for (Entry &entry : byKey) {
        const QDateTime last = newest.value(entry.key);
        const QDateTime bookedTime = booked.value(entry.key);
        if (bookedTime.isValid() && bookedTime >= last)
            continue;
        const auto mark = marks.constFind(entry.key);
        if (mark != marks.cend() && mark->setAt.isValid() && mark->setAt >= last) {
            if (mark->state == State::Done || mark->state == State::Booked)
                continue;
            entry.state = mark->state;
        }
        out.append(entry);
    }
    std::sort(out.begin(), out.end(), [](const Entry &a, const Entry &b) {
        const bool aCalled = a.state == State::Called;
        const bool bCalled = b.state == State::Called;
        if (aCalled != bCalled)
            return bCalled;
        if (a.reason != b.reason)
            return a.reason < b.reason;
        if (a.at != b.at)
            return a.at > b.at;
        if (a.leadScore != b.leadScore)
            return a.leadScore > b.leadScore;
        return a.key < b.key;
    });
    return out;
}

bool asksAboutPrice(const QString &callerText)
{
    static const QStringList phrases{u"how much"_s,
                                     u"price"_s,
                                     u"pricing"_s,
                                     u"cost"_s,
                                     u"what do you charge"_s,
                                     u"fee"_s,
                                     u"quote"_s,
                                     u"afford"_s,
                                     u"cuanto cuesta"_s,
                                     u"cuánto cuesta"_s,
                                     u"cuanto vale"_s,
                                     u"cuánto vale"_s,
                                     u"precio"_s,
                                     u"costo"_s};
    return std::any_of(phrases.begin(), phrases.end(), [&callerText](const QString &phrase) {
        return services::mentions(callerText, phrase);
    });
}

} // namespace vox::today
