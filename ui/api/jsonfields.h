#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

// Reading the server's JSON the same way everywhere: times are ISO 8601 with an offset, money is
// integer cents, and a field the server may send under an old name is looked up under both
// (docs/api.md, "Old field names stay").
namespace vox::ui::json {

QDateTime time(const QJsonValue &value);
QStringList strings(const QJsonValue &value);
QString string(const QJsonObject &object, const QString &name, const QString &oldName = {});
qint64 cents(const QJsonObject &object, const QString &centsName, const QString &dollarsName);

// The objects of the array `name`, each read by T::fromJson.
template<typename T> QList<T> objects(const QJsonObject &object, const QString &name)
{
    const QJsonArray items = object.value(name).toArray();
    QList<T> out;
    out.reserve(items.size());
    for (const QJsonValue &item : items)
        out << T::fromJson(item.toObject());
    return out;
}

} // namespace vox::ui::json
