#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace vox::ui {

// How the console words the server's values for people: times in the clinic's time zone,
// "3 min 05 s", "$8,000", "Inbound", "Positive". One place, so every page says it the same way.
class DisplayFormat final
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)

public:
    DisplayFormat() = delete;

    // Times are shown in the clinic's zone (the organization's time_zone), not the computer's.
    static void setClinicTimeZone(const QTimeZone &zone);
    static QTimeZone clinicTimeZone();
    static QDateTime inClinicZone(const QDateTime &time);

    static QString dateTime(const QDateTime &time);
    static QString date(const QDateTime &time);
    // A day of a chart's axis without its year, in the locale's own order: "11/8" in the US,
    // "8/11" in Spain, "08.11" in Germany, so that it reads like the page's full dates.
    static QString dayMonth(QDate day, const QLocale &locale = QLocale());
    static QString time(const QDateTime &time);
    // "Today 14:03", "Yesterday 09:12", "Mon 12 Jan 10:00"
    static QString relativeDateTime(const QDateTime &time, const QDateTime &now);
    static QString duration(int seconds);
    // "3:05": compact, for tables.
    static QString clock(int seconds);

    // Text colours that read well on the current palette, light or dark.
    enum class Tone { Good, Bad, Accent };
    static QColor tone(Tone tone);
    // Amounts in the clinic's currency (org settings, ISO 4217; USD until the console knows).
    static void setCurrency(const QString &code);
    static QString currency();
    static QString currencySymbol();
    static QString money(qint64 cents);
    // "400", "49.99", "$1,200", "49,99": what a person types as a price, in cents; nullopt when
    // it is not a number with at most two decimals. Negative amounts are returned as such (the
    // caller says they are not allowed).
    static std::optional<qint64> parseMoney(const QString &typed);
    static QString percent(double value);

    // Numbers typed without a country code are read as the clinic's country's (org settings'
    // phone_country, ISO 3166 alpha-2; US until the console knows).
    static void setPhoneCountry(const QString &iso);
    static QString phoneCountry();
    // "United States (+1)": a country whose numbers the console reads, by its code.
    static QString phoneCountryName(const QString &iso);
    // What a phone field shows while empty: a number written the clinic's country's way.
    static QString phoneExample();

    static QString direction(const QString &direction);
    static QString callStatus(const QString &status);
    static QString sentiment(const QString &label);
    // low | medium | high, as the call analysis reports a caller's urgency.
    static QString urgency(const QString &level);
    static QString recordingStatus(const QString &status, bool hasRecording);
    static QString leadStatus(const QString &status);
    static QString temperature(const QString &temperature);
    // A lead's place on the call-back list; empty when it is off the list (booked or lost).
    static QString callBackPriority(const QString &priority);
    static QString appointmentStatus(const QString &status);
    static QString speaker(const QString &role);
    // A caller's or patient's name, and the same words on every page for one nobody knows yet.
    static QString personName(const QString &name);
};

} // namespace vox::ui
