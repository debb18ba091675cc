#include "server/http/clientaddress.h"

#include <QRegularExpression>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace vox::http {

namespace {

// A chain longer than this is not a real deployment; it is someone filling the header.
constexpr int maxHops = 32;

// IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d; they are IPv4 clients.
QHostAddress normalized(const QHostAddress &address)
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped && address.protocol() == QAbstractSocket::IPv6Protocol)
        return QHostAddress(v4);
    QHostAddress out = address;
    out.setScopeId(QString());
    return out;
}

// One address as a header spells it: bare, or (in Forwarded) IPv6 in brackets, either with an
// optional port. Anything else (host names, "unknown", obfuscated "_ids") is not an address.
std::optional<QHostAddress> parseHop(QString text, bool forwardedSyntax)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (forwardedSyntax) {
        static const QRegularExpression bracketed(u"^\\[([0-9A-Fa-f:.]+)\\](?::[0-9]{1,5})?$"_s);
        static const QRegularExpression v4WithPort(u"^([0-9.]+):[0-9]{1,5}$"_s);
        if (const auto m = bracketed.match(text); m.hasMatch())
            text = m.captured(1);
        else if (const auto p = v4WithPort.match(text); p.hasMatch())
            text = p.captured(1);
        else if (text.contains(u':'))
            return std::nullopt; // IPv6 must be bracketed in Forwarded (RFC 7239, section 6)
    }
    // QHostAddress also reads "1", "0x7f.1" and similar; a hop is written in full.
    static const QRegularExpression v4(u"^[0-9]{1,3}(\\.[0-9]{1,3}){3}$"_s);
    static const QRegularExpression v6(u"^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$"_s);
    if (!v4.match(text).hasMatch() && !v6.match(text).hasMatch())
        return std::nullopt;
    const QHostAddress address(text);
    if (address.isNull())
        return std::nullopt;
    return normalized(address);
}

// nullopt: malformed. An empty list: the header is absent.
std::optional<QList<QHostAddress>> parseForwardedFor(QByteArrayView header)
{
    QList<QHostAddress> hops;
    const QString text = QString::fromLatin1(header).trimmed();
    if (text.isEmpty())
        return hops;
    const QStringList parts = text.split(u',');
    if (parts.size() > maxHops)
        return std::nullopt;
    for (const QString &part : parts) {
        const auto hop = parseHop(part, false);
        if (!hop)
            return std::nullopt;
        hops.append(*hop);
    }
    return hops;
}

// Splits on `separator` outside double quotes; nullopt if a quote is left open.
std::optional<QStringList> splitOutsideQuotes(const QString &text, QChar separator)
{
    QStringList parts;
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted && c == u'\\' && i + 1 < text.size()) {
            current += c;
            current += text.at(++i);
            continue;
        }
        if (c == u'"')
            quoted = !quoted;
        if (c == separator && !quoted) {
            parts.append(current);
            current.clear();
            continue;
        }
        current += c;
    }
    if (quoted)
        return std::nullopt;
    parts.append(current);
    return parts;
}

// The for= of each element of a Forwarded header (RFC 7239). nullopt: malformed, or some element
// does not name its client. An empty list: absent, or no element speaks of clients at all.
std::optional<QList<QHostAddress>> parseForwarded(QByteArrayView header)
{
    QList<QHostAddress> hops;
    const QString text = QString::fromLatin1(header).trimmed();
    if (text.isEmpty())
        return hops;
    const auto elements = splitOutsideQuotes(text, u',');
    if (!elements || elements->size() > maxHops)
        return std::nullopt;
    int withoutFor = 0;
    for (const QString &element : *elements) {
        const auto pairs = splitOutsideQuotes(element, u';');
        if (!pairs)
            return std::nullopt;
        std::optional<QHostAddress> client;
        for (const QString &pair : *pairs) {
            const qsizetype eq = pair.indexOf(u'=');
            if (eq <= 0)
                return std::nullopt;
            if (pair.left(eq).trimmed().compare(u"for"_s, Qt::CaseInsensitive) != 0)
                continue;
            if (client)
                return std::nullopt; // two for= in one element
            QString value = pair.mid(eq + 1).trimmed();
            if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
                value = value.mid(1, value.size() - 2);
            else if (value.contains(u'"'))
                return std::nullopt;
            client = parseHop(value, true);
            if (!client)
                return std::nullopt;
        }
        if (client)
            hops.append(*client);
        else
            ++withoutFor;
    }
    if (!hops.isEmpty() && withoutFor > 0)
        return std::nullopt;
    return hops;
}

} // namespace

Result<TrustedProxies> TrustedProxies::parse(const QString &list)
{
    static const QRegularExpression separators(u"[,\\s]+"_s);
    TrustedProxies out;
    for (const QString &item : list.split(separators, Qt::SkipEmptyParts)) {
        const qsizetype slash = item.indexOf(u'/');
        const auto address = parseHop(slash < 0 ? item : item.left(slash), false);
        if (!address)
            return fail(u"VOXANNE_TRUSTED_PROXIES: \"%1\" is not an IP address or CIDR range "
                        "(such as 10.0.0.0/8)."_s.arg(item));
        const int bits = address->protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
        int prefix = bits;
        if (slash >= 0) {
            bool ok = false;
            const QString given = item.mid(slash + 1);
            prefix = given.toInt(&ok);
            static const QRegularExpression digits(u"^[0-9]{1,3}$"_s);
            if (!ok || !digits.match(given).hasMatch() || prefix < 0 || prefix > bits)
                return fail(u"VOXANNE_TRUSTED_PROXIES: \"%1\" has a prefix length outside "
                            "0-%2."_s.arg(item)
                                .arg(bits));
        }
        // The network address of the range, as QHostAddress::isInSubnet compares.
        const auto [network, length] =
            QHostAddress::parseSubnet(address->toString() + u'/' + QString::number(prefix));
        if (network.isNull())
            return fail(u"VOXANNE_TRUSTED_PROXIES: \"%1\" is not a CIDR range."_s.arg(item));
        out.m_ranges.append({network, length});
    }
    return out;
}

bool TrustedProxies::contains(const QHostAddress &address) const
{
    const QHostAddress a = normalized(address);
    for (const auto &[network, length] : m_ranges) {
        if (a.isInSubnet(network, length))
            return true;
    }
    return false;
}

QStringList TrustedProxies::describe() const
{
    QStringList out;
    for (const auto &[network, length] : m_ranges)
        out.append(network.toString() + u'/' + QString::number(length));
    return out;
}

QString clientAddress(const QHostAddress &peer, QByteArrayView forwardedFor,
                      QByteArrayView forwarded, const TrustedProxies &trusted)
{
    const QHostAddress proxy = normalized(peer);
    if (!trusted.contains(proxy))
        return proxy.toString();
    const auto xff = parseForwardedFor(forwardedFor);
    const auto rfc = parseForwarded(forwarded);
    if (!xff || !rfc)
        return proxy.toString();
    if (!xff->isEmpty() && !rfc->isEmpty() && *xff != *rfc)
        return proxy.toString();
    const QList<QHostAddress> &chain = xff->isEmpty() ? *rfc : *xff;
    for (auto it = chain.crbegin(); it != chain.crend(); ++it) {
        if (!trusted.contains(*it))
            return it->toString();
    }
    // Every hop is a proxy we trust: the first one is where the request came from.
    return chain.isEmpty() ? proxy.toString() : chain.first().toString();
}

} // namespace vox::http
