// The request head as the edge reads it, before QtHttpServer: any bytes are incomplete, a
// complete head, or a 400/431 with a sentence, and a complete head reads the same from its own
// bytes alone (what follows it, a body or a pipelined request, never changes it).

#include "fuzzinput.h"
#include "server/http/requesthead.h"

using namespace vox;
using namespace vox::http;

namespace {

void check(QByteArrayView data, qsizetype maxHeaderBytes)
{
    const RequestHead head = parseRequestHead(data, maxHeaderBytes);
    switch (head.status) {
    case RequestHead::Status::Incomplete:
        fuzz::expect(data.indexOf(QByteArrayView("\r\n\r\n")) < 0,
                     "a head with its blank line is not incomplete");
        fuzz::expect(data.size() <= maxHeaderBytes, "an unfinished head over the limit is refused");
        return;
    case RequestHead::Status::Error:
        fuzz::expect(head.errorStatus == 400 || head.errorStatus == 431,
                     "a refused head is a 400 or a 431");
        fuzz::expect(!head.error.isEmpty(), "a refused head says why");
        return;
    case RequestHead::Status::Complete:
        break;
    }
    fuzz::expect(head.headLength >= 4 && head.headLength <= data.size() &&
                     head.headLength <= maxHeaderBytes,
                 "the head lies within the data and the limit");
    fuzz::expect(data.sliced(head.headLength - 4, 4) == QByteArrayView("\r\n\r\n"),
                 "the head ends with its blank line");
    fuzz::expect(head.contentLength >= 0, "a body length is never negative");
    fuzz::expect(!(head.transferEncoding && head.hasContentLength),
                 "Content-Length and Transfer-Encoding never pass together");
    fuzz::expect(head.target.startsWith(head.path()), "the path is the start of the target");
    head.keepsAlive();

    const RequestHead alone = parseRequestHead(data.first(head.headLength), maxHeaderBytes);
    fuzz::expect(alone.complete() && alone.headLength == head.headLength &&
                     alone.method == head.method && alone.target == head.target &&
                     alone.version == head.version && alone.contentLength == head.contentLength &&
                     alone.hasContentLength == head.hasContentLength &&
                     alone.transferEncoding == head.transferEncoding &&
                     alone.connectionClose == head.connectionClose &&
                     alone.connectionKeepAlive == head.connectionKeepAlive,
                 "what follows the head does not change it");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    check(input, 16 * 1024); // the server's limit
    check(input, 64);        // a small one, so the fuzzer reaches the limit's edges
    return 0;
}
