#include "server/routes/listcursor.h"

#include "server/http/jsonbody.h"
#include "server/http/response.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTime>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

Error badCursor()
{
    return http::status::badRequest(
        u"'cursor' is not a cursor this server gave; start again from the first page."_s,
        u"cursor"_s);
}

} // namespace

bool isTimestampText(const QString &text)
{
    // A real instant only: a forged cursor such as "0000-00-00 00:00:00+99" must be a 400 here,
    // not a PostgreSQL error inside the query.
    static const QRegularExpression pattern(
        u"^(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,6})?"
        "(Z|([+-])(\\d{2})(:?(\\d{2}))?)$"_s);
    const auto m = pattern.match(text);
    if (!m.hasMatch())
        return false;
    const auto number = [&m](int group) { return m.captured(group).toInt(); };
    const QDate date(number(1), number(2), number(3));
    const QTime time(number(4), number(5), number(6));
    if (number(1) < 1 || !date.isValid() || !time.isValid())
        return false;
    // PostgreSQL accepts offsets up to 15:59.
    return m.captured(8) == u"Z" || (number(10) <= 15 && number(12) < 60);
}

QString encodeCursor(const Keyset &key)
{
    const QByteArray json =
        QJsonDocument(QJsonArray{key.at, key.id}).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<Keyset> decodeCursor(const QString &cursor)
{
    if (cursor.size() > 200)
        return badCursor();
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return badCursor();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 2)
        return badCursor();
    const QJsonArray parts = doc.array();
    Keyset key{parts.at(0).toString(), parts.at(1).toString()};
    if (!isTimestampText(key.at) || !http::isUuid(key.id))
        return badCursor();
    return key;
}

QString encodeAppointmentCursor(const QString &startsAt, const QString &id)
{
    return QString::fromLatin1(
        (startsAt + u'|' + id)
            .toUtf8()
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<std::pair<QString, QString>> decodeAppointmentCursor(const QString &cursor)
{
    static const QRegularExpression time(
        u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z$"_s);
    const QString text = QString::fromUtf8(QByteArray::fromBase64(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QString at = text.section(u'|', 0, 0);
    const QString id = text.section(u'|', 1, 1);
    if (!time.match(at).hasMatch() || !isTimestampText(at) || !http::isUuid(id))
        return http::status::badRequest(u"'cursor' is not valid; start again without it."_s,
                                        u"cursor"_s);
    return std::pair{at, id};
}

} // namespace vox::server
