#include "ui/models/displayformat.h"

#include "core/phonenumber.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

QTimeZone &zoneStorage()
{
    static QTimeZone zone = QTimeZone::systemTimeZone();
    return zone;
}

} // namespace

void DisplayFormat::setClinicTimeZone(const QTimeZone &zone)
{
    zoneStorage() = zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

QTimeZone DisplayFormat::clinicTimeZone()
{
    return zoneStorage();
}

QDateTime DisplayFormat::inClinicZone(const QDateTime &time)
{
    return time.isValid() ? time.toTimeZone(zoneStorage()) : time;
}

QString DisplayFormat::dateTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return QLocale().toString(inClinicZone(time), u"d MMM yyyy, HH:mm"_s);
}

QString DisplayFormat::date(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return QLocale().toString(inClinicZone(time).date(), u"ddd d MMM yyyy"_s);
}

QString DisplayFormat::dayMonth(QDate day, const QLocale &locale)
{
    // The locale's short date with its year and the separator next to it taken out: the year
    // stands first ("yyyy/MM/dd") or last ("M/d/yy", "dd.MM.yy").
    static const QRegularExpression yearLast(u"[^dMy]*y+[^dMy]*$"_s);
    static const QRegularExpression yearFirst(u"^[^dMy]*y+[^dMy]*"_s);
    QString format = locale.dateFormat(QLocale::ShortFormat);
    format.remove(yearLast).remove(yearFirst);
    if (!format.contains(u'd') || !format.contains(u'M'))
        format = u"d/M"_s;
    return locale.toString(day, format);
}

QString DisplayFormat::time(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return QLocale().toString(inClinicZone(time).time(), u"HH:mm"_s);
}

QString DisplayFormat::relativeDateTime(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return {};
    const QDateTime local = inClinicZone(time);
    const QDate today = inClinicZone(now).date();
    const QString clock = QLocale().toString(local.time(), u"HH:mm"_s);
    if (local.date() == today)
        return tr("Today %1").arg(clock);
    if (local.date() == today.addDays(-1))
        return tr("Yesterday %1").arg(clock);
    if (local.date() == today.addDays(1))
        return tr("Tomorrow %1").arg(clock);
    if (local.date().year() == today.year())
        return QLocale().toString(local, u"ddd d MMM, HH:mm"_s);
    return QLocale().toString(local, u"d MMM yyyy, HH:mm"_s);
}

QString DisplayFormat::duration(int seconds)
{
    if (seconds <= 0)
        return tr("–");
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    const int minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1 min %2 s").arg(minutes).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString DisplayFormat::clock(int seconds)
{
    if (seconds <= 0)
        return tr("–");
    if (seconds >= 3600)
        return u"%1:%2:%3"_s.arg(seconds / 3600)
            .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return u"%1:%2"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QColor DisplayFormat::tone(Tone tone)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    switch (tone) {
    case Tone::Good:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case Tone::Bad:
        return dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
    case Tone::Accent:
        return dark ? QColor(0x90, 0xca, 0xf9) : QColor(0x15, 0x65, 0xc0);
    }
    return {};
}

namespace {

QString &currencyStorage()
{
    static QString code = u"USD"_s;
    return code;
}

QString &phoneCountryStorage()
{
    static QString iso = phone::defaultClinicCountry();
    return iso;
}

} // namespace

void DisplayFormat::setPhoneCountry(const QString &iso)
{
    phoneCountryStorage() = phone::country(iso) ? iso : phone::defaultClinicCountry();
}

QString DisplayFormat::phoneCountry()
{
    return phoneCountryStorage();
}

QString DisplayFormat::phoneCountryName(const QString &iso)
{
    const auto c = phone::country(iso);
    if (!c)
        return iso;
    QString name = iso;
    if (iso == u"US")
        name = tr("United States");
    else if (iso == u"CA")
        name = tr("Canada");
    else if (iso == u"MX")
        name = tr("Mexico");
    else if (iso == u"GB")
        name = tr("United Kingdom");
    else if (iso == u"ES")
        name = tr("Spain");
    else if (iso == u"FR")
        name = tr("France");
    else if (iso == u"AU")
        name = tr("Australia");
    return tr("%1 (+%2)").arg(name, c->callingCode);
}

QString DisplayFormat::phoneExample()
{
    const QString iso = phoneCountryStorage();
    if (iso == u"US" || iso == u"CA")
        return tr("(555) 123-4567");
    if (iso == u"GB")
        return tr("020 7946 0958");
    return tr("Number with its area code");
}

void DisplayFormat::setCurrency(const QString &code)
{
    currencyStorage() = code.isEmpty() ? u"USD"_s : code.toUpper();
}

QString DisplayFormat::currency()
{
    return currencyStorage();
}

QString DisplayFormat::currencySymbol()
{
    const QString code = currencyStorage();
    if (code == u"USD")
        return u"$"_s;
    // The symbol the currency's own countries use, when Qt knows one.
    const QList<QLocale> locales =
        QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyCountry);
    for (const QLocale &locale : locales) {
        if (locale.currencySymbol(QLocale::CurrencyIsoCode) == code)
            return locale.currencySymbol(QLocale::CurrencySymbol);
    }
    return code + u' ';
}

QString DisplayFormat::money(qint64 cents)
{
    const QLocale locale(QLocale::English, QLocale::UnitedStates);
    static QString cachedCode;
    static QString cachedSymbol;
    if (cachedCode != currencyStorage()) {
        cachedCode = currencyStorage();
        cachedSymbol = currencySymbol();
    }
    if (cents % 100 == 0)
        return locale.toCurrencyString(double(cents / 100), cachedSymbol, 0);
    return locale.toCurrencyString(double(cents) / 100.0, cachedSymbol, 2);
}

std::optional<qint64> DisplayFormat::parseMoney(const QString &typed)
{
    QString text = typed.trimmed();
    text.remove(currencySymbol().trimmed());
    text.remove(u'$');
    text.remove(u' ');
    text.remove(QChar(0x00a0));
    if (text.isEmpty())
        return std::nullopt;
    // "1,200.50" (grouping commas) and "49,99" (a decimal comma) both occur: a comma followed by
    // exactly two digits at the end is a decimal comma, other commas group thousands.
    static const QRegularExpression decimalComma(u"^-?[0-9.]*,[0-9]{1,2}$"_s);
    if (decimalComma.match(text).hasMatch() && !text.contains(u'.'))
        text.replace(u',', u'.');
    else
        text.remove(u',');
    static const QRegularExpression number(u"^-?[0-9]+(\\.[0-9]{1,2})?$|^-?\\.[0-9]{1,2}$"_s);
    if (!number.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || std::fabs(value) > 1e10)
        return std::nullopt;
    return qint64(std::llround(value * 100.0));
}

QString DisplayFormat::percent(double value)
{
    return tr("%1%").arg(QLocale().toString(value, 'f', 1));
}

QString DisplayFormat::direction(const QString &direction)
{
    if (direction == u"inbound")
        return tr("Incoming");
    if (direction == u"outbound")
        return tr("Outgoing");
    return direction;
}

QString DisplayFormat::callStatus(const QString &status)
{
    if (status == u"pending")
        return tr("Starting");
    if (status == u"initiated" || status == u"queued")
        return tr("Dialling");
    if (status == u"ringing")
        return tr("Ringing");
    if (status == u"in-progress")
        return tr("In progress");
    if (status == u"forwarding")
        return tr("Transferring");
    if (status == u"ended")
        return tr("Ended");
    if (status == u"failed")
        return tr("Failed");
    return status;
}

QString DisplayFormat::sentiment(const QString &label)
{
    if (label == u"positive")
        return tr("Positive");
    if (label == u"neutral")
        return tr("Neutral");
    if (label == u"negative")
        return tr("Negative");
    return tr("–");
}

QString DisplayFormat::urgency(const QString &level)
{
    if (level == u"low")
        return tr("low", "urgency");
    if (level == u"medium")
        return tr("medium", "urgency");
    if (level == u"high")
        return tr("high", "urgency");
    return level.toHtmlEscaped();
}

QString DisplayFormat::recordingStatus(const QString &status, bool hasRecording)
{
    if (status == u"completed")
        return hasRecording ? tr("Ready") : tr("Not available");
    if (status == u"pending" || status == u"processing")
        return tr("Processing");
    if (status == u"failed")
        return tr("Failed");
    return hasRecording ? tr("Ready") : tr("None");
}

QString DisplayFormat::leadStatus(const QString &status)
{
    if (status == u"new")
        return tr("New");
    if (status == u"contacted")
        return tr("Contacted");
    if (status == u"booked")
        return tr("Booked");
    if (status == u"lost")
        return tr("Lost");
    return status;
}

QString DisplayFormat::temperature(const QString &temperature)
{
    if (temperature == u"hot")
        return tr("Hot");
    if (temperature == u"warm")
        return tr("Warm");
    if (temperature == u"cold")
        return tr("Cold");
    return temperature;
}

QString DisplayFormat::callBackPriority(const QString &priority)
{
    if (priority == u"urgent")
        return tr("Needs attention");
    if (priority == u"high")
        return tr("High");
    if (priority == u"normal")
        return tr("Normal");
    if (priority == u"low")
        return tr("Low");
    return QString();
}

QString DisplayFormat::appointmentStatus(const QString &status)
{
    if (status == u"held")
        return tr("On hold");
    if (status == u"confirmed")
        return tr("Confirmed");
    if (status == u"cancelled")
        return tr("Cancelled");
    if (status == u"completed")
        return tr("Completed");
    return status;
}

QString DisplayFormat::speaker(const QString &role)
{
    if (role == u"assistant" || role == u"bot")
        return tr("AI receptionist");
    if (role == u"user" || role == u"customer")
        return tr("Caller");
    if (role == u"tool")
        return tr("System");
    return tr("Note");
}

QString DisplayFormat::personName(const QString &name)
{
    return name.isEmpty() ? tr("Unknown caller") : name;
}

} // namespace vox::ui
