#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

// The front desk's Today queue: who needs a person today, in the order to call them. A pure
// function of today's calls (and, later, inbound texts), what the front desk marked and when each
// caller booked, read at a "now" the caller passes in, so tests and the server agree on every
// case and no rule reads the clock.
//
// The rule:
// - Only what happened on the clinic's calendar day of `now` (in the clinic's time zone) counts.
// - A call is on the list for the most pressing of its reasons: urgent (urgency high), negative
//   (sentiment negative), a price question from a caller who did not book on that call, a failed
//   or transferred call, an inbound text waiting for an answer.
// - One entry per person (a contact; a call without one is its own person), for the most pressing
//   reason among their calls today; its time is the newest call with that reason.
// - Order: people nobody has reached yet before those marked Called; then by reason (urgent,
//   negative, price question, failed or transferred, reply waiting); within a reason newest first
//   (the caller who just hung up is the one most likely to answer), the higher lead score
//   breaking a tie, then the key so the order is total.
// - A person leaves the list once they booked, or once the front desk marked them Done or Booked,
//   at or after their newest call with a reason. A booking made before that call does not count:
//   a patient who booked last week and calls today with swelling after fillers must be called.
//   A new call with a reason after a mark brings them back, unmarked.
namespace vox::today {

enum class Reason { Urgent, Negative, PriceQuestion, FailedOrTransferred, ReplyWaiting };

QString reasonName(Reason reason); // urgent, negative, price_question, failed_or_transferred, ...

enum class State { Open, Called, Done, Booked };

QString stateName(State state); // open, called, done, booked
std::optional<State> stateFromName(const QString &name);

// Something that happened that may need a person.
struct Signal
{
    QString key;      // the person: a contact's id, or the call's own id when it has none
    QString sourceId; // the call (or message) it comes from
    QDateTime at;
    bool urgent = false;
    bool negative = false;
    bool askedPrice = false; // asksAboutPrice over what the caller said
    bool booked = false;     // this call booked an appointment
    bool failed = false;
    bool transferred = false;
    bool replyWaiting = false; // an inbound text nobody has answered yet
    int leadScore = 0;
};

// What the front desk set on a person's entry, and when.
struct Mark
{
    State state = State::Open;
    QDateTime setAt;
};

struct Entry
{
    QString key;
    QString sourceId; // the newest signal with the entry's reason
    Reason reason = Reason::Urgent;
    QDateTime at;
    int leadScore = 0;
    State state = State::Open; // Open or Called: Done and Booked entries are not listed
};

// Why this one signal would put its person on the list; none when it would not.
std::optional<Reason> reasonOf(const Signal &signal);

// The queue at `now`. `bookedAt` holds, per key, when the person last booked (invalid or absent
// if never); `marks` the front desk's mark per key.
QList<Entry> queue(const QList<Signal> &signals_, const QHash<QString, QDateTime> &bookedAt,
                   const QHash<QString, Mark> &marks, const QDateTime &now, const QTimeZone &zone);

// Whether the caller asked what something costs ("how much", "price", "cuánto cuesta", ...).
bool asksAboutPrice(const QString &callerText);

} // namespace vox::today
