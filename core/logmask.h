#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

// Pure masking rules for anything that goes into a log: secrets by the name of their field, and
// phone numbers, e-mail addresses, bearer tokens and JWTs wherever they appear in text.
namespace vox::logmask {

bool isSensitiveKey(const QString &key);
QString scrubText(const QString &text);
QJsonValue maskValue(const QString &key, const QJsonValue &value);
QJsonObject maskFields(const QJsonObject &fields);

} // namespace vox::logmask
