#include "server/services/recordingrelay.h"

#include "core/logging/log.h"

#include <QUrl>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::recordingrelay {

namespace {

std::optional<qint64> number(QByteArrayView text)
{
    if (text.isEmpty() ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    bool ok = false;
    const qint64 value = text.toByteArray().toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

// "bytes 0-99/1234" -> {0, 99, 1234}; the total may be "*" (unknown: -1).
struct ContentRange
{
    qint64 first = 0;
    qint64 last = 0;
    qint64 total = -1;
};

std::optional<ContentRange> parseContentRange(QByteArrayView header)
{
    const QByteArray value = header.toByteArray().trimmed();
    if (!value.startsWith("bytes "))
        return std::nullopt;
    const QByteArray spec = value.mid(6);
    const qsizetype dash = spec.indexOf('-');
    const qsizetype slash = spec.indexOf('/');
    if (dash <= 0 || slash <= dash)
        return std::nullopt;
    const auto first = number(spec.left(dash));
    const auto last = number(spec.mid(dash + 1, slash - dash - 1));
    const QByteArray total = spec.mid(slash + 1);
    if (!first || !last || *last < *first)
        return std::nullopt;
    ContentRange r{*first, *last, -1};
    if (total != "*") {
        const auto t = number(total);
        if (!t || *t <= *last)
            return std::nullopt;
        r.total = *t;
    }
    return r;
}

QByteArray contentRange(qint64 first, qint64 last, qint64 total)
{
    return "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/' +
           (total < 0 ? QByteArray("*") : QByteArray::number(total));
}

// Only audio travels: whatever else a provider's answer claims to be is served as bytes.
QByteArray audioType(const QByteArray &type)
{
    const QByteArray plain = type.split(';').constFirst().trimmed().toLower();
    return plain.startsWith("audio/") ? plain : QByteArray("application/octet-stream");
}

http::Response piece(QByteArray body, const QByteArray &type)
{
    http::Response r;
    r.contentType = audioType(type);
    r.body = std::move(body);
    r.withHeader("Accept-Ranges", "bytes").withHeader("Referrer-Policy", "no-referrer");
    return r;
}

} // namespace

std::optional<RequestedRange> parseRange(QByteArrayView header)
{
    const QByteArray spec = header.toByteArray().trimmed();
    if (!spec.startsWith("bytes=") || spec.contains(','))
        return std::nullopt;
    const QByteArray range = spec.mid(6).trimmed();
    const qsizetype dash = range.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    const QByteArray from = range.left(dash).trimmed();
    const QByteArray to = range.mid(dash + 1).trimmed();
    RequestedRange r;
    if (from.isEmpty()) {
        const auto suffix = number(to);
        if (!suffix || *suffix == 0)
            return std::nullopt;
        r.suffix = *suffix;
        return r;
    }
    const auto first = number(from);
    if (!first)
        return std::nullopt;
    r.first = *first;
    if (!to.isEmpty()) {
        const auto last = number(to);
        if (!last || *last < *first)
            return std::nullopt;
        r.last = *last;
    }
    return r;
}

bool opensRecording(QByteArrayView rangeHeader)
{
    const auto range = parseRange(rangeHeader);
    return !range || (!range->suffix && range->first == 0);
}

QByteArray upstreamRange(const std::optional<RequestedRange> &range)
{
    if (range && range->suffix)
        return "bytes=-" + QByteArray::number(std::min(*range->suffix, maxPieceBytes));
    const qint64 first = range ? range->first : 0;
    qint64 last = first + maxPieceBytes - 1;
    if (range && range->last)
        last = std::min(last, *range->last);
    return "bytes=" + QByteArray::number(first) + '-' + QByteArray::number(last);
}

Result<http::Response> relay(const QString &url, QByteArrayView rangeHeader,
                             const providers::RetryPolicy &retry)
{
    const auto asked = parseRange(rangeHeader);
    providers::HttpCall call;
    call.method = "GET";
    call.url = QUrl(url);
    call.headers = {{"Range", upstreamRange(asked)}};
    call.idempotent = true;
    auto answer = providers::send(call, retry);
    if (!answer || answer->status == 0) {
        log::warn("recordings", u"The recording could not be fetched from its provider."_s,
                  {{u"host"_s, call.url.host()}});
        return http::status::badGateway(
            u"The recording cannot be reached right now. Please try again later."_s);
    }
    const QByteArray type = answer->headers.value("content-type");
    if (answer->status == 416) {
        http::Response r = piece({}, type);
        r.status = 416;
        r.contentType = "text/plain; charset=utf-8";
        if (const QByteArray total = answer->headers.value("content-range"); !total.isEmpty())
            r.withHeader("Content-Range", total);
        return r;
    }
    if (answer->status == 404 || answer->status == 410)
        return http::status::notFound(u"The recording is no longer available."_s);
    if (answer->status == 206) {
        const auto got = parseContentRange(answer->headers.value("content-range"));
        if (!got || got->last - got->first + 1 != answer->body.size())
            return http::status::badGateway(u"The recording's provider answered a range that "
                                            "does not match what it sent."_s);
        const bool whole = got->first == 0 && got->total == answer->body.size();
        http::Response r = piece(answer->body, type);
        if (whole && !asked)
            return r; // the whole recording fits one piece: a plain 200
        r.status = 206;
        r.withHeader("Content-Range", contentRange(got->first, got->last, got->total));
        return r;
    }
    if (answer->status == 200) {
        // A provider that ignores Range sends everything: pass on the piece that was asked for.
        const qint64 total = answer->body.size();
        qint64 first =
            asked ? (asked->suffix ? std::max<qint64>(0, total - *asked->suffix) : asked->first)
                  : 0;
        if (first >= total && total > 0) {
            http::Response r = piece({}, type);
            r.status = 416;
            r.contentType = "text/plain; charset=utf-8";
            r.withHeader("Content-Range", "bytes */" + QByteArray::number(total));
            return r;
        }
        qint64 last = std::min(total - 1, first + maxPieceBytes - 1);
        if (asked && asked->last)
            last = std::min(last, *asked->last);
        if (!asked && last == total - 1)
            return piece(answer->body, type);
        http::Response r = piece(answer->body.mid(first, last - first + 1), type);
        r.status = 206;
        r.withHeader("Content-Range", contentRange(first, last, total));
        return r;
    }
    log::warn("recordings", u"The recording's provider refused to serve it."_s,
              {{u"status"_s, answer->status}, {u"host"_s, call.url.host()}});
    return http::status::badGateway(
        u"The recording cannot be reached right now. Please try again later."_s);
}

} // namespace vox::server::recordingrelay
