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

namespace {

// The bytes [first, last] of a recording of `total` bytes, as one answer serves them.
struct Span
{
    qint64 first = 0;
    qint64 last = 0;
};

// What the listener asked for, resolved against the recording's length; nullopt when it starts
// beyond the end (416).
std::optional<Span> resolve(const std::optional<RequestedRange> &asked, qint64 total)
{
    if (!asked)
        return Span{0, total - 1};
    if (asked->suffix)
        return Span{std::max<qint64>(0, total - *asked->suffix), total - 1};
    if (asked->first >= total)
        return std::nullopt;
    return Span{asked->first, std::min(total - 1, asked->last.value_or(total - 1))};
}

http::Response unsatisfiable(qint64 total, const QByteArray &type)
{
    http::Response r = piece({}, type);
    r.status = 416;
    r.contentType = "text/plain; charset=utf-8";
    r.withHeader("Content-Range", "bytes */" + QByteArray::number(total));
    return r;
}

Error unreachable()
{
    return http::status::badGateway(
        u"The recording cannot be reached right now. Please try again later."_s);
}

providers::HttpCall rangeCall(const QString &url, const QByteArray &range)
{
    providers::HttpCall call;
    call.method = "GET";
    call.url = QUrl(url);
    call.headers = {{"Range", range}};
    call.idempotent = true;
    return call;
}

// Fetches [first, last] piece by piece and hands each piece on, after `head` (the bytes from
// `first` already fetched). Stops quietly when the listener has gone.
Result<void> streamRest(const QString &url, const providers::RetryPolicy &retry, QByteArray head,
                        Span span, const http::BodySink &sink)
{
    if (!head.isEmpty() && !sink(head))
        return {};
    qint64 next = span.first + head.size();
    head = QByteArray();
    while (next <= span.last) {
        const qint64 end = std::min(span.last, next + maxPieceBytes - 1);
        auto answer = providers::send(
            rangeCall(url, "bytes=" + QByteArray::number(next) + '-' + QByteArray::number(end)),
            retry);
        if (!answer || answer->status != 206)
            return unreachable();
        const auto got = parseContentRange(answer->headers.value("content-range"));
        if (!got || got->first != next || got->last != end || answer->body.size() != end - next + 1)
            return http::status::badGateway(u"The recording's provider answered a range that "
                                            "does not match what was asked."_s);
        if (!sink(answer->body))
            return {};
        next = end + 1;
    }
    return {};
}

} // namespace

Result<http::Response> relay(const QString &url, QByteArrayView rangeHeader,
                             const providers::RetryPolicy &retry)
{
    const auto asked = parseRange(rangeHeader);
    const providers::HttpCall call = rangeCall(url, upstreamRange(asked));
    auto answer = providers::send(call, retry);
    if (!answer || answer->status == 0) {
        log::warn("recordings", u"The recording could not be fetched from its provider."_s,
                  {{u"host"_s, call.url.host()}});
        return unreachable();
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
        return http::status::notFound(
            u"The recording is no longer available: its provider no longer has it."_s);
    qint64 total = 0;
    QByteArray head; // the bytes fetched so far, from `headFirst`
    qint64 headFirst = 0;
    if (answer->status == 206) {
        const auto got = parseContentRange(answer->headers.value("content-range"));
        if (!got || got->total < 0 || got->last - got->first + 1 != answer->body.size())
            return http::status::badGateway(u"The recording's provider answered a range that "
                                            "does not match what it sent."_s);
        total = got->total;
        head = std::move(answer->body);
        headFirst = got->first;
    } else if (answer->status == 200) {
        // A provider that ignores Range sends the whole recording at once: it is then in memory
        // already, and the asked part of it is served from there.
        total = answer->body.size();
        head = std::move(answer->body);
    } else {
        log::warn("recordings", u"The recording's provider refused to serve it."_s,
                  {{u"status"_s, answer->status}, {u"host"_s, call.url.host()}});
        return unreachable();
    }
    if (total == 0)
        return http::status::notFound(u"The recording is empty."_s);
    const auto span = resolve(asked, total);
    if (!span)
        return unsatisfiable(total, type);
    // Keep of what was fetched only what this answer starts with (a long suffix range was probed
    // at its end, and is then fetched from its start like any other range).
    if (headFirst <= span->first && span->first < headFirst + head.size())
        head = head.mid(span->first - headFirst, span->last - span->first + 1);
    else
        head = QByteArray();

    http::Response r = piece({}, type);
    if (asked) {
        r.status = 206;
        r.withHeader("Content-Range", contentRange(span->first, span->last, total));
    }
    const qint64 length = span->last - span->first + 1;
    if (head.size() == length) {
        r.body = std::move(head);
        return r;
    }
    r.streamedLength = length;
    r.producer = [url, retry, head, span = *span](const http::BodySink &sink) {
        return streamRest(url, retry, head, span, sink);
    };
    return r;
}

} // namespace vox::server::recordingrelay
