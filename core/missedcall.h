#pragma once

#include <QString>

#include <optional>

// Whether a call to the clinic ended without the AI (or a person) talking with the caller, from
// Vapi's `endedReason` and the call's length, and whether a text back to the caller makes sense.
// Vapi has hundreds of ended reasons and adds more: an unknown one counts as handled, so a new
// reason never starts texting people.
namespace vox::missedcall {

enum class Verdict {
    Handled,      // someone talked with the caller
    Missed,       // the caller reached nobody: a text back is in order
    NotApplicable // not a caller's call (a campaign, a deleted or cancelled call, a test)
};

// A caller who hangs up within this many seconds of the call starting heard at most the greeting.
constexpr int quickHangUpSeconds = 10;

struct Classification
{
    Verdict verdict = Verdict::Handled;
    QString why; // a sentence for logs and tests, never patient data
};

// `seconds`: the call's length, nullopt when Vapi did not say when it started.
Classification classify(const QString &endedReason, std::optional<qint64> seconds);

// Whether an E.164 number looks like one that can receive a text: landline-only, toll-free and
// premium ranges of the countries we know are refused; other countries' numbers are given the
// benefit of the doubt (the send would fail harmlessly).
bool looksTextable(const QString &e164);

// The text sent back: the clinic's template with {clinic} replaced, or the default wording.
QString textBackBody(const QString &clinicName, const QString &templateText);

QString defaultTemplate();

} // namespace vox::missedcall
