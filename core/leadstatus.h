#pragma once

#include "core/leadscoring.h"

#include <QDateTime>
#include <QString>

#include <optional>

// Where a lead stands and whether someone should call it back. Pure functions of the stored lead,
// the call that just ended and the time passed in, so tests and the server agree on every case
// and no rule reads the clock.
namespace vox::leads {

enum class Status { New, Contacted, Booked, Lost };

QString statusName(Status status);
std::optional<Status> statusFromName(const QString &name);

// How long after the last activity an open lead (new or contacted) counts as lost, unless the
// clinic sets its own window.
inline constexpr int defaultFollowUpDays = 14;
inline constexpr int maxFollowUpDays = 365;

enum class Direction { Inbound, Outbound };

// A contact as stored. `status` is Lost only when a person set it: time makes a lead lost at read
// time (statusAt), so nothing has to run for it and nothing undoes a booking.
struct Lead
{
    Status status = Status::New;
    int score = 0;
    bool needsAttention = false;
    QDateTime scoredAt;        // the inbound call the score comes from
    QDateTime lastContactedAt; // the last call either way; invalid if none yet
    QDateTime createdAt;
    QDateTime statusSetAt; // when a person last set the status; invalid if never

    // What restarts the follow-up window: a call either way, a person's decision, or the lead's
    // creation.
    QDateTime lastActivity() const;
};

// What a call's end-of-call report tells about the call.
struct CallReport
{
    Direction direction = Direction::Inbound;
    QDateTime at; // when the call started
    bool booked = false;
    LeadScore score;
};

// The lead after a call's report. Booked wins for good; an outbound call (the clinic calling back)
// makes an open lead contacted; an inbound call without a booking leaves the status as it was
// (lost only by time or by a person). The score comes from the latest inbound call: an outbound
// call never rescores the lead, because a call-back measures the clinic's call (voicemail, "not a
// good time") rather than the caller's interest, and a two-minute "call me tomorrow" must not
// turn a hot lead cold. A call that needs attention flags the lead until a person clears it.
// Applying the same reports in any order gives the same lead.
Lead afterCall(Lead lead, const CallReport &call);

// The clinic placed a call-back at `at`: an open lead is contacted; the score is kept.
Lead afterCallBackPlaced(Lead lead, const QDateTime &at);

// A person set the status (from the console or the API): it is taken as given, and the follow-up
// window restarts from `at`.
Lead setByPerson(Lead lead, Status status, const QDateTime &at);

// The status a person sees at `now`: an open lead without activity for `followUpDays` is lost,
// unless it needs attention (a worried patient is closed by a person, never by the calendar).
Status statusAt(const Lead &lead, const QDateTime &now, int followUpDays);

// Whether the lead belongs on the call-back list at `now`: open (new or contacted) leads only.
bool onCallBackList(const Lead &lead, const QDateTime &now, int followUpDays);

// Order of the call-back list: needs attention first, then by temperature. None: not on the list.
enum class Priority { None, Low, Normal, High, Urgent };

Priority priorityAt(const Lead &lead, const QDateTime &now, int followUpDays);
QString priorityName(Priority priority);

} // namespace vox::leads
