#pragma once

#include <QString>

// What the demo clinic's patients text back, so the demo inbox fills with conversations as a real
// clinic's would: some confirm a reminder, one asks to move it, one asks a question; some callers
// who were texted back after a missed call answer. Who answers and what is fixed by the patient's
// number, so a demo plays the same way every time; others stay silent, as many patients do.
namespace vox::sandbox::demoreplies {

// How long after the clinic's text the patient answers: long enough to see the text arrive first.
constexpr int delayMs = 2500;

// The patient's answer to `body` sent to `patientNumber`, or empty for none. Only reminders and
// missed-call text-backs are answered, so the clinic's own answers never start a loop.
QString replyTo(const QString &patientNumber, const QString &body);

} // namespace vox::sandbox::demoreplies
