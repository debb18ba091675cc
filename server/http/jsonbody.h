#pragma once

#include "core/result.h"
#include "server/http/request.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace vox::http {

// Typed, validated access to a JSON request body. Every failure is a 400 that names the field;
// unknown fields are ignored, wrong types are rejected.
class JsonBody
{
public:
    // 415 unless the body is JSON; 400 when it does not parse or is not an object. An empty
    // body counts as {} (POST actions without parameters).
    static Result<JsonBody> parse(const Request &request);
    static JsonBody from(QJsonObject object) { return JsonBody(std::move(object)); }

    const QJsonObject &object() const { return m_object; }
    bool has(const QString &key) const { return m_object.contains(key); }
    bool isNull(const QString &key) const;

    Result<QString> requiredString(const QString &key, int maxLength = 1000) const;
    // nullopt when absent or null. Strings are trimmed; an empty string stays empty.
    Result<std::optional<QString>> optionalString(const QString &key, int maxLength = 1000) const;
    Result<qint64> requiredInt(const QString &key, qint64 min, qint64 max) const;
    Result<std::optional<qint64>> optionalInt(const QString &key, qint64 min, qint64 max) const;
    Result<std::optional<double>> optionalNumber(const QString &key, double min, double max) const;
    Result<std::optional<bool>> optionalBool(const QString &key) const;
    Result<std::optional<QStringList>> optionalStringList(const QString &key, int maxItems,
                                                          int maxLength) const;
    Result<QDateTime> requiredDateTime(const QString &key) const;
    Result<std::optional<QDateTime>> optionalDateTime(const QString &key) const;
    Result<QString> requiredUuid(const QString &key) const;
    Result<QString> requiredEnum(const QString &key, const QStringList &allowed) const;
    Result<std::optional<QString>> optionalEnum(const QString &key,
                                                const QStringList &allowed) const;

private:
    explicit JsonBody(QJsonObject object)
        : m_object(std::move(object))
    {}
    QJsonObject m_object;
};

bool isUuid(const QString &text);
// A 404 for anything that is not a UUID: ids from the path are never echoed into SQL errors.
Result<QString> uuidParam(const Request &request, const QString &name);
Result<QDateTime> parseDateTime(const QString &text, const QString &field);
bool isEmail(const QString &text);

} // namespace vox::http
