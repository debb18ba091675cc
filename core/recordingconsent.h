#pragma once

#include <QString>
#include <QStringList>

// Telling callers that the call is recorded. Most US states let one party consent to a recording;
// about a dozen require every party's consent, so an AI agent that records must say so before
// anything else is said.
namespace vox::recordingconsent {

// Two-letter codes of the states that require every party's consent to record a call.
QStringList allPartyConsentStates();
bool isAllPartyConsentState(const QString &stateCode);

// Whether a clinic starts with the disclosure on. A known state decides; otherwise the clinic's
// IANA time zone stands for the states it covers, and any all-party state among them turns it on
// (saying it where it was not required costs a sentence; not saying it where it was is unlawful).
// Zones outside the US start off: the admin decides there.
bool onByDefault(const QString &timeZone, const QString &stateCode = {});

inline constexpr QStringView englishDisclosure =
    u"This call is recorded for quality and your care.";
inline constexpr QStringView spanishDisclosure =
    u"Esta llamada se graba para garantizar la calidad y su atención.";

// Whether the agent's greeting is in Spanish, read from its words: the agent has no language
// setting of its own, and the disclosure must be in the language the caller is greeted in.
bool looksSpanish(const QString &text);

// The greeting the caller hears: the disclosure first, in the greeting's language, then the
// clinic's greeting. A greeting that already starts with the disclosure is left as it is.
QString withDisclosure(const QString &firstMessage);

} // namespace vox::recordingconsent
