#pragma once

#include "core/result.h"

#include <QString>

#include <utility>

// The opaque cursors of paged lists, apart from the queries that use them: what a client sends
// back is untrusted text, so its decoder is a pure function the tests and the fuzzer call
// directly.
namespace vox::server {

// A keyset position: the sort key of the last row a page gave, (time, id). Pages that start
// after it stay stable while new rows arrive, and cost an index range however deep they go.
struct Keyset
{
    QString at; // a timestamptz in PostgreSQL's text form
    QString id; // uuid
};

// Whether `text` is a real instant in ISO form ("2026-03-01 09:30:00.123456+00", "...Z"): the
// date exists, the clock reads a real time, and the offset is one PostgreSQL accepts.
bool isTimestampText(const QString &text);

// The opaque cursor clients pass back: base64url of the key. Not signed: a forged cursor only
// moves the caller within rows RLS and the org filter already allow.
QString encodeCursor(const Keyset &key);
Result<Keyset> decodeCursor(const QString &cursor);

// The appointment list's cursor: base64url of "starts_at|id", the time in UTC with microseconds
// ("2026-03-01T09:30:00.000000Z") so the next page starts exactly after the last row.
QString encodeAppointmentCursor(const QString &startsAt, const QString &id);
Result<std::pair<QString, QString>> decodeAppointmentCursor(const QString &cursor);

} // namespace vox::server
