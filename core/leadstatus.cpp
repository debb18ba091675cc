#include "core/leadstatus.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::leads {

namespace {

// How far a lead has come; automatic changes only move it forward (as vox_lead_status_rank).
int rank(Status status)
{
    switch (status) {
    case Status::New:
        return 0;
    case Status::Contacted:
        return 1;
    case Status::Lost:
        return 2;
    case Status::Booked:
        return 3;
    }
    return 0;
}

bool isOpen(Status status)
{
    return status == Status::New || status == Status::Contacted;
}

QDateTime later(const QDateTime &a, const QDateTime &b)
{
    if (!a.isValid())
        return b;
    if (!b.isValid())
        return a;
    return qMax(a, b);
}

} // namespace

QString statusName(Status status)
{
    switch (status) {
    case Status::New:
        return u"new"_s;
    case Status::Contacted:
        return u"contacted"_s;
    case Status::Booked:
        return u"booked"_s;
    case Status::Lost:
        return u"lost"_s;
    }
    return u"new"_s;
}

std::optional<Status> statusFromName(const QString &name)
{
    for (Status s : {Status::New, Status::Contacted, Status::Booked, Status::Lost}) {
        if (statusName(s) == name)
            return s;
    }
    return std::nullopt;
}

QDateTime Lead::lastActivity() const
{
    return later(lastContactedAt.isValid() ? lastContactedAt : createdAt, statusSetAt);
}

Lead afterCall(Lead lead, const CallReport &call)
{
    Status reached = Status::New;
    if (call.booked)
        reached = Status::Booked;
    else if (call.direction == Direction::Outbound)
        reached = Status::Contacted;
    if (rank(reached) > rank(lead.status))
        lead.status = reached;
    if (call.direction == Direction::Inbound &&
        (!lead.scoredAt.isValid() || call.at >= lead.scoredAt)) {
        lead.score = call.score.score;
        lead.scoredAt = call.at;
    }
    lead.needsAttention = lead.needsAttention || call.score.needsAttention;
    if (lead.needsAttention)
        lead.score = qMax(lead.score, hotThreshold);
    lead.lastContactedAt = later(lead.lastContactedAt, call.at);
    return lead;
}

Lead afterCallBackPlaced(Lead lead, const QDateTime &at)
{
    if (rank(lead.status) < rank(Status::Contacted))
        lead.status = Status::Contacted;
    lead.lastContactedAt = later(lead.lastContactedAt, at);
    return lead;
}

Lead setByPerson(Lead lead, Status status, const QDateTime &at)
{
    lead.status = status;
    lead.statusSetAt = at;
    return lead;
}

Status statusAt(const Lead &lead, const QDateTime &now, int followUpDays)
{
    if (!isOpen(lead.status) || lead.needsAttention)
        return lead.status;
    const QDateTime since = lead.lastActivity();
    const qint64 window = qint64(qBound(1, followUpDays, maxFollowUpDays)) * 86400;
    if (since.isValid() && since.addSecs(window) <= now)
        return Status::Lost;
    return lead.status;
}

bool onCallBackList(const Lead &lead, const QDateTime &now, int followUpDays)
{
    return isOpen(statusAt(lead, now, followUpDays));
}

Priority priorityAt(const Lead &lead, const QDateTime &now, int followUpDays)
{
    if (!onCallBackList(lead, now, followUpDays))
        return Priority::None;
    if (lead.needsAttention)
        return Priority::Urgent;
    switch (temperatureFor(lead.score)) {
    case Temperature::Hot:
        return Priority::High;
    case Temperature::Warm:
        return Priority::Normal;
    case Temperature::Cold:
        break;
    }
    return Priority::Low;
}

QString priorityName(Priority priority)
{
    switch (priority) {
    case Priority::Urgent:
        return u"urgent"_s;
    case Priority::High:
        return u"high"_s;
    case Priority::Normal:
        return u"normal"_s;
    case Priority::Low:
        return u"low"_s;
    case Priority::None:
        break;
    }
    return u"none"_s;
}

} // namespace vox::leads
