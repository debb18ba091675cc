#pragma once

#include "core/result.h"
#include "server/http/response.h"
#include "server/providers/providerhttp.h"

#include <QByteArray>
#include <QString>

#include <optional>

// Serves a recording kept at the provider through this server, so that who may hear it is decided
// here on every request (a shared link stops working when it expires or is revoked) and the
// provider's address never reaches the listener. An answer carries the whole recording (200) or
// the byte range asked for (206), streamed while it is fetched from the provider one bounded
// piece (a Range request) at a time, so the server never holds a whole recording however long it
// is. Accept-Ranges and a 206's Content-Range (its total) let players seek.
namespace vox::server::recordingrelay {

// The most fetched from the provider in one request, and so held in memory at once.
inline constexpr qint64 maxPieceBytes = 1024 * 1024;

// A single byte range as a client asked for it ("bytes=100-199", "bytes=100-", "bytes=-500").
struct RequestedRange
{
    qint64 first = 0;             // ignored for a suffix
    std::optional<qint64> last;   // absent: to the end
    std::optional<qint64> suffix; // "the last N bytes"
};

// The range in a Range header; nullopt when there is none or it is not one plain byte range
// (several ranges, other units, garbage), which is then answered from the start as allowed.
std::optional<RequestedRange> parseRange(QByteArrayView header);
// Whether a request starts listening (no range, or one from byte 0) rather than seeking within a
// recording already opened: only those are logged as an access.
bool opensRecording(QByteArrayView rangeHeader);
// The Range header asked of the provider: the client's range cut to maxPieceBytes.
QByteArray upstreamRange(const std::optional<RequestedRange> &range);

// Answers the recording at `url` as `rangeHeader` asks: 200 with the whole recording when no
// (usable) range is asked, 206 with Content-Range for one range, 416 when the range lies beyond
// the end, 404 when the provider no longer has it, 502 when it cannot be reached. The first piece
// is fetched before answering (so these statuses are true); the rest is fetched while the body is
// sent, and a provider failing then cuts the connection (a client never sees a short body as
// complete). Call it outside any database transaction.
Result<http::Response> relay(const QString &url, QByteArrayView rangeHeader,
                             const providers::RetryPolicy &retry);

} // namespace vox::server::recordingrelay
