#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace vox::http {

// The fields of an application/x-www-form-urlencoded body ("a=1&b=two+words"), decoded; a name
// given twice keeps its last value, and a field without '=' has an empty value.
QHash<QString, QString> formFields(const QByteArray &body);

} // namespace vox::http
