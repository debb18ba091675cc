#include "ui/api/jsonfields.h"

#include <QJsonArray>

#include <cmath>

namespace vox::ui::json {

QDateTime time(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(value.toString(), Qt::ISODate);
    return parsed;
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (item.isString())
            out << item.toString();
    }
    return out;
}

QString string(const QJsonObject &object, const QString &name, const QString &oldName)
{
    const QJsonValue value = object.value(name);
    if (value.isString())
        return value.toString();
    if (!oldName.isEmpty() && object.value(oldName).isString())
        return object.value(oldName).toString();
    return {};
}

qint64 cents(const QJsonObject &object, const QString &centsName, const QString &dollarsName)
{
    const QJsonValue exact = object.value(centsName);
    if (exact.isDouble())
        return qint64(exact.toDouble());
    const QJsonValue dollars = object.value(dollarsName);
    if (dollars.isDouble())
        return qint64(std::llround(dollars.toDouble() * 100.0));
    return 0;
}

} // namespace vox::ui::json
