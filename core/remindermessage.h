#pragma once

#include "core/result.h"
#include "core/smssegments.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTimeZone>

// The words of an automatic reminder: a clinic's template with placeholders filled in for one
// appointment, as the patient sees it. Pure; the SMS part count is what Twilio bills
// (core/smssegments.h).
namespace vox::reminders {

// {first_name}, {service}, {date}, {time}, {clinic}.
QStringList placeholders();

inline const QString defaultSmsTemplate = QStringLiteral(
    "Hi {first_name}, this is a reminder of your {service} appointment at {clinic} on {date} at "
    "{time}. Reply C to confirm, R to reschedule or N to cancel.");
inline const QString defaultEmailSubject =
    QStringLiteral("Reminder: your appointment at {clinic} on {date}");
inline const QString defaultEmailTemplate = QStringLiteral(
    "Hi {first_name},\n\nThis is a reminder of your {service} appointment at {clinic} on {date} "
    "at {time}.\n\nIf you need to change it, please call us.\n\n{clinic}");

// The same defaults for a patient who asked to be written to in Spanish (the contact's
// preferred language): a clinic that never wrote its own words reaches them in theirs. The
// date reads "12 de junio", so no accent makes the SMS cost UCS-2 parts.
inline const QString defaultSmsTemplateSpanish = QStringLiteral(
    "Hola {first_name}, le recordamos su cita de {service} en {clinic} el {date} a las {time}. "
    "Responda C para confirmar, R para cambiarla o N para cancelar.");
inline const QString defaultEmailSubjectSpanish =
    QStringLiteral("Recordatorio: su cita en {clinic} el {date}");
inline const QString defaultEmailTemplateSpanish = QStringLiteral(
    "Hola {first_name},\n\nLe recordamos su cita de {service} en {clinic} el {date} a las "
    "{time}.\n\nSi necesita cambiarla, por favor llámenos.\n\n{clinic}");

enum class Language { English, Spanish };

// A contact's preferred_language ("en", "es", empty): Spanish for "es", else English.
Language languageOf(const QString &code);

// Longest template accepted (an SMS of this length is about ten parts).
inline constexpr int longestTemplate = 1500;

struct Fields
{
    QString firstName; // empty: the greeting does without
    QString service;
    QDateTime start;
    QTimeZone zone;
    QString clinic;
    Language language = Language::English; // how {date} and {time} read
};

// What the console's preview fills in.
Fields sampleFields(const QString &clinic, const QTimeZone &zone);

// A template a clinic may keep: not blank, not too long, and naming only known placeholders.
// The refusal names the first unknown one. `field` names the template in the sentence.
Result<void> checkTemplate(const QString &text, const QString &field);

// The template with each placeholder replaced; a missing first name leaves "Hi ," out as "Hi,".
QString render(const QString &text, const Fields &fields);

struct Preview
{
    QString text;
    sms::Measure sms;
};
Preview preview(const QString &text, const Fields &fields);

} // namespace vox::reminders
