#pragma once

#include "core/result.h"

#include <QString>

// PostgreSQL's SQLSTATEs that the layers above the database branch on: the store retries a
// serialization failure, the HTTP layer answers a unique violation 409 and an unreachable
// database 503. Plain codes, so the transport can map them without linking the database.
namespace vox::sqlstate {

inline const QString uniqueViolation = QStringLiteral("23505");
inline const QString exclusionViolation = QStringLiteral("23P01");
inline const QString foreignKeyViolation = QStringLiteral("23503");
inline const QString checkViolation = QStringLiteral("23514");
inline const QString notNullViolation = QStringLiteral("23502");
inline const QString serializationFailure = QStringLiteral("40001");
inline const QString deadlock = QStringLiteral("40P01");
inline const QString insufficientPrivilege = QStringLiteral("42501");
inline const QString queryCanceled = QStringLiteral("57014");
inline const QString connectionFailure = QStringLiteral("08006");

// An error PostgreSQL reported, with the SQLSTATE it gave (or one of the above on its behalf).
inline Error failed(QString message, QString sqlstate, QString subject = {})
{
    Error error = fail(std::move(message), ErrorKind::Unspecified, std::move(subject));
    error.sqlstate = std::move(sqlstate);
    return error;
}

// Whether `error` means the database cannot be reached or is refusing work for now (connection
// exceptions, class 08; an administrator's shutdown or termination, 57P01/57P02/57P03; too many
// connections, 53300; a connection lost mid-statement), as opposed to a refusal of the request
// itself. Such requests are answered 503 with Retry-After: the same request will succeed later.
bool isUnavailable(const Error &error);

} // namespace vox::sqlstate
