#pragma once

#include <QString>
#include <QStringView>

// What a patient means by a text sent to the clinic's number. Reminders ask "Reply C to confirm,
// N to cancel, R to reschedule"; people answer in their own words, so the rule is forgiving where
// a wrong guess is cheap (confirming) and strict where it is not (cancelling, opting out).
namespace vox::sms {

enum class ReplyKind {
    Confirm,    // C, Y, YES, CONFIRM
    Cancel,     // N, NO, CANCEL (with an appointment waiting)
    Reschedule, // R, RESCHEDULE
    OptOut,     // STOP, STOPALL, UNSUBSCRIBE, END, QUIT, and CANCEL with nothing waiting
    OptIn,      // START, UNSTOP
    Help,       // HELP
    FreeText,   // anything else: a person reads it
};

// The rules, in order (case and punctuation never matter):
// - Carrier keywords: the whole text STOP, STOPALL, UNSUBSCRIBE, END, QUIT opts out, and so does
//   a text that starts with STOP, STOPALL or UNSUBSCRIBE ("Stop texting me"): an opt-out is
//   honoured whenever it is plausibly meant, and START undoes it. END and QUIT count only alone,
//   being ordinary words in sentences. The whole text START or UNSTOP opts in; HELP asks for help.
// - The bare word CANCEL is an answer when an appointment is waiting, else the carrier opt-out.
// - An answer is read from the first word: YES and its spellings (yeah, yep, …), CONFIRM, NO,
//   CANCEL, RESCHEDULE, with small misspellings of the long words ("Confirmd", "cancle").
//   "yes thanks" confirms. The single letters C, Y, N, R count only as the whole text ("R u
//   open?" is a question).
// - "No problem", "no worries": not a cancellation; such a text lands with the staff as free text
//   (cancelling on a guess loses the patient the slot; a person reading it costs little).
// - Elsewhere in the text, CONFIRM, CANCEL and RESCHEDULE (also misspelt) count as the answer
//   ("Please cancel", "I need to reschedule"); YES and NO do not, being too common.
// - A text naming two different answers ("yes, or can I reschedule?") is free text.
ReplyKind interpretReply(QStringView text, bool appointmentWaiting);

// The kind's name as stored and shown in the API: confirm, cancel, reschedule, opt_out, opt_in,
// help, free_text.
QString replyKindName(ReplyKind kind);

// Edit distance with adjacent transpositions (optimal string alignment), for misspellings.
int editDistance(QStringView a, QStringView b);

} // namespace vox::sms
