// The cursors list endpoints take back from clients: a forged one is a 400, never a crash or a
// value the database would refuse; a cursor that decodes encodes back to the same position.

#include "fuzzinput.h"
#include "server/routes/listcursor.h"

using namespace vox;
using namespace vox::server;

namespace {

void check(const QString &cursor)
{
    if (const auto key = decodeCursor(cursor)) {
        fuzz::expect(isTimestampText(key->at), "a decoded cursor holds a real instant");
        const auto again = decodeCursor(encodeCursor(*key));
        fuzz::expect(again.ok() && again->at == key->at && again->id == key->id,
                     "a cursor round-trips");
    } else {
        fuzz::expect(key.error().kind == ErrorKind::BadInput, "a forged cursor is a 400");
    }
    if (const auto position = decodeAppointmentCursor(cursor)) {
        const auto again =
            decodeAppointmentCursor(encodeAppointmentCursor(position->first, position->second));
        fuzz::expect(again.ok() && *again == *position, "an appointment cursor round-trips");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    // As sent, and as the payload inside a well-formed envelope (the JSON or "time|id" a forger
    // would encode), so the fuzzer reaches the checks behind the base64.
    check(QString::fromUtf8(input));
    check(QString::fromLatin1(
        input.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    isTimestampText(QString::fromUtf8(input));
    return 0;
}
