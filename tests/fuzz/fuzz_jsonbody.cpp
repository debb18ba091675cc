// The JSON body reader every console route uses: whatever a client sends is a value or a 4xx.

#include "fuzzinput.h"
#include "server/http/jsonbody.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace vox;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    http::Request request;
    request.method = "POST";
    request.headers.insert("content-type", "application/json");
    request.body = fuzz::bytes(data, size);
    request.carriesNul();

    const QString text = QString::fromUtf8(request.body);
    http::isUuid(text);
    http::isEmail(text);
    static_cast<void>(http::parseDateTime(text, u"at"_s));

    auto body = http::JsonBody::parse(request);
    if (!body) {
        fuzz::expect(vox::isRequestProblem(body.error().kind), "a refused body says its status");
        return 0;
    }
    // The fields the routes read, with the kinds of bounds they give.
    for (const QString &key : {u"name"_s, u"n"_s, u"at"_s, u"id"_s, u"list"_s, u""_s}) {
        body->isNull(key);
        static_cast<void>(body->requiredString(key, 40));
        static_cast<void>(body->optionalString(key));
        static_cast<void>(body->requiredInt(key, 1, 200));
        static_cast<void>(body->optionalInt(key, 0, std::numeric_limits<qint64>::max()));
        static_cast<void>(body->optionalInt(key, std::numeric_limits<qint64>::min(),
                                            std::numeric_limits<qint64>::max()));
        static_cast<void>(body->optionalNumber(key, -90.0, 90.0));
        static_cast<void>(body->optionalBool(key));
        static_cast<void>(body->optionalStringList(key, 20, 100));
        static_cast<void>(body->requiredDateTime(key));
        static_cast<void>(body->optionalDateTime(key));
        static_cast<void>(body->requiredUuid(key));
        static_cast<void>(body->requiredEnum(key, {u"held"_s, u"confirmed"_s}));
        static_cast<void>(body->optionalEnum(key, {u"sms"_s, u"email"_s}));
    }
    return 0;
}
