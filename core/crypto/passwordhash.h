#pragma once

#include "core/result.h"

#include <QString>

namespace vox::crypto::password {

// bcrypt ($2b$) through libxcrypt. Cost 12 in production; tests may lower it (minimum 4).
constexpr int defaultCost = 12;

Result<QString> hash(const QString &secret, int cost = defaultCost);

// True when `secret` matches `storedHash`. Any malformed hash is a mismatch, never an error.
bool verify(const QString &secret, const QString &storedHash);

} // namespace vox::crypto::password
