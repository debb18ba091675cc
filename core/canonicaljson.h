#pragma once

#include <QByteArray>
#include <QJsonValue>

namespace vox::json {

// One byte sequence per JSON value, whatever order its keys were built in: object keys sorted
// by code point at every depth, no whitespace, numbers and strings as QJsonDocument writes
// them. What the tool sync hashes to notice a changed definition.
QByteArray canonical(const QJsonValue &value);

} // namespace vox::json
