#pragma once

#include "core/result.h"

#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace vox::http {

// The reverse proxies whose forwarding headers are believed (VOXANNE_TRUSTED_PROXIES): single
// addresses and CIDR ranges, IPv4 or IPv6.
class TrustedProxies
{
public:
    // A list separated by commas or spaces, e.g. "127.0.0.1, 10.0.0.0/8, ::1". Empty: no proxy
    // is trusted.
    static Result<TrustedProxies> parse(const QString &list);

    bool isEmpty() const { return m_ranges.isEmpty(); }
    bool contains(const QHostAddress &address) const;
    // The ranges in their canonical spelling ("10.0.0.0/8"), for logs and tests.
    QStringList describe() const;

private:
    QList<QPair<QHostAddress, int>> m_ranges;
};

// The address of the client behind a request, for rate limits and audit rows.
//
// Forwarding headers are anyone's to write, so they count only when the peer (the socket's
// address) is a trusted proxy. Then the chain is walked from the right, skipping hops that are
// trusted proxies themselves; the first untrusted hop is the client. When the headers cannot be
// believed as a whole (malformed, or X-Forwarded-For and Forwarded naming different chains) the
// answer is the proxy's own address: all its clients then share one limit, which is safe.
QString clientAddress(const QHostAddress &peer, QByteArrayView forwardedFor,
                      QByteArrayView forwarded, const TrustedProxies &trusted);

} // namespace vox::http
