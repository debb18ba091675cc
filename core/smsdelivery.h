#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// What Twilio's status callbacks tell us about a text we sent, applied to its audit row. Twilio
// calls back once per change of state, at least once, and not always in order ("sent" may come
// after "delivered"), so a report only ever moves a row forward and a repeat changes nothing.
namespace vox::sms {

// The row's status after Twilio reports `reported` (Twilio's MessageStatus) for a row that is
// `current` (ours: queued, sending, unknown, sent, delivered, failed); nullopt when the row stays
// as it is (a repeat, a report older than what we know, or a status that is not a sent message's).
// Twilio holding the message (accepted, queued, sending, sent) is our "sent"; delivered and read
// are "delivered"; undelivered, failed and canceled are "failed". Delivered and failed are final.
std::optional<QString> deliveryStatusAfter(QStringView current, QStringView reported);

// Why a text did not arrive, for staff: Twilio's ErrorCode in words, with the code kept
// ("The patient's phone could not be reached (Twilio error 30003)."). 0 or an unknown code still
// names the code, or says Twilio gave none.
QString deliveryErrorWords(QStringView reported, int errorCode);

} // namespace vox::sms
