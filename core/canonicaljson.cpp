#include "core/canonicaljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>

namespace vox::json {

namespace {

// A scalar as QJsonDocument writes it inside an array ("[x]" without the brackets).
QByteArray scalar(const QJsonValue &value)
{
    return QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

void write(const QJsonValue &value, QByteArray &out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QStringList keys = object.keys();
        std::sort(keys.begin(), keys.end());
        out += '{';
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (i)
                out += ',';
            out += scalar(QJsonValue(keys.at(i)));
            out += ':';
            write(object.value(keys.at(i)), out);
        }
        out += '}';
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        out += '[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i)
                out += ',';
            write(array.at(i), out);
        }
        out += ']';
    } else if (value.isUndefined()) {
        out += "null";
    } else {
        out += scalar(value);
    }
}

} // namespace

QByteArray canonical(const QJsonValue &value)
{
    QByteArray out;
    write(value, out);
    return out;
}

} // namespace vox::json
