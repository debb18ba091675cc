#include "server/http/jsonbody.h"

#include "core/datetimerules.h"
#include "server/http/response.h"

#include <QJsonArray>

#include <cmath>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::http {

namespace {

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"a list"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    default:
        return u"missing"_s;
    }
}

Error wrongType(const QString &key, const QString &expected, const QJsonValue &value)
{
    return status::badRequest(u"'%1' must be %2, not %3."_s.arg(key, expected, typeName(value)),
                              key);
}

} // namespace

Result<JsonBody> JsonBody::parse(const Request &request)
{
    if (request.body.trimmed().isEmpty())
        return JsonBody(QJsonObject{});
    const QByteArray type = request.header("content-type").toLower();
    if (!type.startsWith("application/json"))
        return fail(u"Send the body as JSON (Content-Type: application/json)."_s,
                    ErrorKind::UnsupportedMedia);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError)
        return status::badRequest(
            u"The body is not valid JSON (%1 at offset %2)."_s.arg(error.errorString())
                .arg(error.offset));
    if (!doc.isObject())
        return status::badRequest(u"The body must be a JSON object."_s);
    return JsonBody(doc.object());
}

bool JsonBody::isNull(const QString &key) const
{
    return m_object.value(key).isNull();
}

Result<QString> JsonBody::requiredString(const QString &key, int maxLength) const
{
    auto value = optionalString(key, maxLength);
    if (!value)
        return value.error();
    if (!*value || (*value)->isEmpty())
        return status::badRequest(u"'%1' is required."_s.arg(key), key);
    return **value;
}

Result<std::optional<QString>> JsonBody::optionalString(const QString &key, int maxLength) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<QString>();
    if (!value.isString())
        return wrongType(key, u"a string"_s, value);
    const QString text = value.toString().trimmed();
    if (text.size() > maxLength)
        return status::badRequest(u"'%1' must be at most %2 characters."_s.arg(key).arg(maxLength),
                                  key);
    return std::optional<QString>(text);
}

Result<qint64> JsonBody::requiredInt(const QString &key, qint64 min, qint64 max) const
{
    auto value = optionalInt(key, min, max);
    if (!value)
        return value.error();
    if (!*value)
        return status::badRequest(u"'%1' is required."_s.arg(key), key);
    return **value;
}

Result<std::optional<qint64>> JsonBody::optionalInt(const QString &key, qint64 min,
                                                    qint64 max) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<qint64>();
    if (!value.isDouble())
        return wrongType(key, u"a whole number"_s, value);
    const double d = value.toDouble();
    if (d != std::floor(d))
        return status::badRequest(u"'%1' must be a whole number."_s.arg(key), key);
    // double(max) rounds up for the largest bounds (2^63 - 1 becomes 2^63), so the range is
    // checked again on the integer: converting a double qint64 cannot hold is undefined.
    constexpr double beyondInt64 = 9223372036854775808.0; // 2^63
    const bool inRange = d >= double(min) && d <= double(max) && d >= -beyondInt64 &&
                         d < beyondInt64 && qint64(d) >= min && qint64(d) <= max;
    if (!inRange)
        return status::badRequest(u"'%1' must be between %2 and %3."_s.arg(key).arg(min).arg(max),
                                  key);
    return std::optional<qint64>(qint64(d));
}

Result<std::optional<double>> JsonBody::optionalNumber(const QString &key, double min,
                                                       double max) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<double>();
    if (!value.isDouble())
        return wrongType(key, u"a number"_s, value);
    const double d = value.toDouble();
    if (!std::isfinite(d) || d < min || d > max)
        return status::badRequest(u"'%1' must be between %2 and %3."_s.arg(key).arg(min).arg(max),
                                  key);
    return std::optional<double>(d);
}

Result<std::optional<bool>> JsonBody::optionalBool(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<bool>();
    if (!value.isBool())
        return wrongType(key, u"true or false"_s, value);
    return std::optional<bool>(value.toBool());
}

Result<std::optional<QStringList>> JsonBody::optionalStringList(const QString &key, int maxItems,
                                                                int maxLength) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<QStringList>();
    if (!value.isArray())
        return wrongType(key, u"a list of strings"_s, value);
    const QJsonArray array = value.toArray();
    if (array.size() > maxItems)
        return status::badRequest(u"'%1' may hold at most %2 items."_s.arg(key).arg(maxItems), key);
    QStringList out;
    for (const QJsonValue &item : array) {
        if (!item.isString())
            return wrongType(key, u"a list of strings"_s, value);
        const QString text = item.toString().trimmed();
        if (text.size() > maxLength)
            return status::badRequest(
                u"Each item of '%1' must be at most %2 characters."_s.arg(key).arg(maxLength), key);
        out.append(text);
    }
    return std::optional<QStringList>(out);
}

Result<QDateTime> JsonBody::requiredDateTime(const QString &key) const
{
    auto value = optionalDateTime(key);
    if (!value)
        return value.error();
    if (!*value)
        return status::badRequest(u"'%1' is required."_s.arg(key), key);
    return **value;
}

Result<std::optional<QDateTime>> JsonBody::optionalDateTime(const QString &key) const
{
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<QDateTime>();
    if (!value.isString())
        return wrongType(key, u"a date and time (ISO 8601)"_s, value);
    auto parsed = parseDateTime(value.toString(), key);
    if (!parsed)
        return parsed.error();
    return std::optional<QDateTime>(*parsed);
}

Result<QString> JsonBody::requiredUuid(const QString &key) const
{
    auto value = requiredString(key, 64);
    if (!value)
        return value.error();
    if (!isUuid(*value))
        return status::badRequest(u"'%1' must be an id (UUID)."_s.arg(key), key);
    return value->toLower();
}

Result<QString> JsonBody::requiredEnum(const QString &key, const QStringList &allowed) const
{
    auto value = optionalEnum(key, allowed);
    if (!value)
        return value.error();
    if (!*value)
        return status::badRequest(u"'%1' is required: one of %2."_s.arg(key, allowed.join(u", "_s)),
                                  key);
    return **value;
}

Result<std::optional<QString>> JsonBody::optionalEnum(const QString &key,
                                                      const QStringList &allowed) const
{
    auto value = optionalString(key, 100);
    if (!value)
        return value.error();
    if (*value && !allowed.contains(**value))
        return status::badRequest(u"'%1' must be one of %2."_s.arg(key, allowed.join(u", "_s)),
                                  key);
    return *value;
}

bool isUuid(const QString &text)
{
    static const QRegularExpression pattern(
        u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
    return pattern.match(text).hasMatch();
}

Result<QString> uuidParam(const Request &request, const QString &name)
{
    const QString value = request.param(name);
    if (!isUuid(value))
        return status::notFound(u"Not found."_s);
    return value.toLower();
}

Result<QDateTime> parseDateTime(const QString &text, const QString &field)
{
    // The same rules as every other date the server reads: a real calendar date, an offset, a
    // year a column can hold.
    return datetimerules::parseInstant(text, field);
}

bool isEmail(const QString &text)
{
    static const QRegularExpression pattern(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    return text.size() <= 254 && pattern.match(text).hasMatch();
}

} // namespace vox::http
