#pragma once

#include "core/result.h"

#include <QString>

namespace vox::db {
class Transaction;
}

// Phone numbers as a clinic's people type them: read in the clinic's phone country
// (org_settings.phone_country), so "(773) 555-0124" is a number wherever the API takes one.
namespace vox::server::clinicphone {

// The clinic's phone country (ISO 3166 alpha-2); the default when the clinic has no settings.
Result<QString> country(db::Transaction &tx, const QString &orgId);

// `typed` in E.164, read in `country`; otherwise a bad-input error whose subject is `field`.
Result<QString> read(const QString &typed, const QString &country, const QString &field);

// The same, with the country read from the clinic's settings in `tx`.
Result<QString> read(db::Transaction &tx, const QString &orgId, const QString &typed,
                     const QString &field);

} // namespace vox::server::clinicphone
