#include "sandbox/recordingsandbox.h"

#include "server/http/jsonbody.h"

#include <QJsonArray>
#include <QMutexLocker>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

namespace {

constexpr qsizetype keptRecordings = 48; // a few MB each

struct FileName
{
    QString callId;
    QString channel; // mono, stereo, assistant, customer
};

std::optional<FileName> parseFileName(const QString &file)
{
    static const QRegularExpression pattern(
        u"^([A-Za-z0-9_.-]{1,100}?)-(mono|stereo|assistant|customer)\\.wav$"_s);
    const auto m = pattern.match(file);
    if (!m.hasMatch())
        return std::nullopt;
    return FileName{m.captured(1), m.captured(2)};
}

http::Response notFound()
{
    return http::Response::error(404, u"No recording by that name."_s);
}

} // namespace

void RecordingSandbox::addScript(const QString &callId, const QList<speech::SpokenLine> &lines)
{
    QMutexLocker locker(&m_state.mutex());
    m_scripts.insert(callId, lines);
    // A call told again (a redelivery with a new transcript) is made again.
    for (const QString &channel : {u"mono"_s, u"stereo"_s, u"assistant"_s, u"customer"_s})
        m_made.remove(callId + u'-' + channel + u".wav"_s);
}

int RecordingSandbox::madeCount() const
{
    QMutexLocker locker(&m_state.mutex());
    return m_madeCount;
}

Result<QByteArray> RecordingSandbox::recording(const QString &file)
{
    const auto name = parseFileName(file);
    if (!name)
        return fail(u"No recording by that name."_s, ErrorKind::NotFound);
    QList<speech::SpokenLine> lines;
    {
        QMutexLocker locker(&m_state.mutex());
        if (const auto made = m_made.constFind(file); made != m_made.cend())
            return *made;
        const auto script = m_scripts.constFind(name->callId);
        if (script == m_scripts.cend())
            return fail(u"No recording by that name."_s, ErrorKind::NotFound);
        lines = *script;
    }
    // One speaker's channel keeps the other's lines out, at the same times.
    if (name->channel == u"assistant" || name->channel == u"customer") {
        const bool customer = name->channel == u"customer";
        lines.removeIf(
            [customer](const speech::SpokenLine &l) { return (l.role == u"user") != customer; });
    }
    // Made outside the lock: speech takes a moment, and other requests must not wait for it.
    auto wav = speech::track(lines);
    if (!wav)
        return wav.error();
    QMutexLocker locker(&m_state.mutex());
    if (!m_made.contains(file)) {
        m_made.insert(file, *wav);
        m_madeOrder.append(file);
        ++m_madeCount;
        while (m_madeOrder.size() > keptRecordings)
            m_made.remove(m_madeOrder.takeFirst());
    }
    return *wav;
}

void RecordingSandbox::registerRoutes(Router &router)
{
    router.post(
        u"/_sandbox/recordings/:id"_s, http::Auth::Public, [this](Context &c) -> http::Reply {
            const QString callId = c.request.param(u"id"_s);
            if (!parseFileName(callId + u"-mono.wav"_s))
                return http::status::badRequest(
                    u"A call id is letters, digits, '-', '_' and '.'."_s);
            auto body = http::JsonBody::parse(c.request);
            if (!body)
                return body.error();
            QList<speech::SpokenLine> lines;
            for (const QJsonValue &v : body->object().value(u"lines"_s).toArray()) {
                const QJsonObject o = v.toObject();
                const double at = o.value(u"secondsFromStart"_s).toDouble(-1);
                const QString text = o.value(u"text"_s).toString();
                if (text.size() > 2000 || at < 0 || at > 4 * 3600)
                    return http::status::badRequest(
                        u"Each line needs a text (up to 2000 characters) and secondsFromStart."_s);
                lines.append({o.value(u"role"_s).toString(), text, at});
            }
            if (lines.isEmpty() || lines.size() > 500)
                return http::status::badRequest(u"Give 1 to 500 lines."_s);
            addScript(callId, lines);
            // The address as the caller reached this sandbox: what it hands out must work for them.
            const QByteArray host = c.request.header("host");
            const QString base =
                u"http://%1/vapi/recordings/%2"_s.arg(QString::fromLatin1(host), callId);
            return http::Response::json(
                QJsonObject{{u"recordingBase"_s, base},
                            {u"recordingUrl"_s, QString(base + u"-mono.wav"_s)}},
                201);
        });
    m_state.route(
        router, "GET", u"/vapi/recordings/:file"_s, u"vapi"_s, [this](Context &c) -> http::Reply {
            auto wav = recording(c.request.param(u"file"_s));
            if (!wav) {
                if (wav.error().kind == ErrorKind::NotFound)
                    return notFound();
                return http::Response::error(503, wav.errorMessage());
            }
            const qint64 size = wav->size();
            http::Response r;
            r.contentType = "audio/wav";
            r.withHeader("Accept-Ranges", "bytes");
            const auto range = speech::byteRange(c.request.header("range"), size);
            if (range && !range->satisfiable) {
                r.status = 416;
                r.withHeader("Content-Range", "bytes */" + QByteArray::number(size));
                return r;
            }
            if (range) {
                r.status = 206;
                r.body = wav->mid(range->first, range->last - range->first + 1);
                r.withHeader("Content-Range", "bytes " + QByteArray::number(range->first) + '-' +
                                                  QByteArray::number(range->last) + '/' +
                                                  QByteArray::number(size));
                return r;
            }
            r.body = *wav;
            return r;
        });
}

} // namespace vox::sandbox
