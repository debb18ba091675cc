#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What a call is worth: the clinic's services whose keywords the caller spoke, priced from the
// clinic's own list.
namespace vox::services {

struct ServiceOffer
{
    QString id;
    QString name;
    qint64 priceCents = 0;
    QStringList keywords;
};

struct ServiceMatch
{
    QStringList ids;   // matched services, in the clinic's list order
    QStringList names; // their names, same order
    qint64 valueCents = 0;
};

// Whether `text` mentions `phrase` as whole words, ignoring case, punctuation and spacing
// ("Nose-job?" mentions "nose job"); a plural "s"/"es" on the last word counts.
bool mentions(const QString &text, const QString &phrase);

// A stretch of a text: where it starts and how many characters it covers.
struct TextSpan
{
    qsizetype start = 0;
    qsizetype length = 0;
    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

// Where `text` mentions any of `phrases`, by the same rule as mentions(): each span runs from the
// first letter of the phrase's first word to the last letter of its last (plural ending included).
// Sorted by start; overlapping or touching spans are merged, so a reader sees one mark per mention.
QList<TextSpan> mentionSpans(const QString &text, const QStringList &phrases);

// The services the caller talked about (a service's name counts as one of its keywords) and the
// call's financial value: the booked service's price when something was booked (it wins over
// every mention), otherwise the sum of the matched services' prices.
ServiceMatch matchServices(const QString &callerText, const QList<ServiceOffer> &services,
                           const std::optional<ServiceOffer> &booked = std::nullopt);

} // namespace vox::services
