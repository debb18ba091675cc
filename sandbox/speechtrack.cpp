#include "sandbox/speechtrack.h"

#include <QProcess>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox::speech {

namespace {

// espeak-ng streams its WAV to stdout, so the header's sizes are placeholders: read the format,
// then take everything after the "data" chunk's header.
Result<Pcm> fromWav(const QByteArray &wav)
{
    if (wav.size() < 44 || !wav.startsWith("RIFF") || wav.mid(8, 4) != "WAVE")
        return fail(u"espeak-ng did not write a WAV file."_s);
    Pcm pcm;
    qsizetype at = 12;
    while (at + 8 <= wav.size()) {
        const QByteArray id = wav.mid(at, 4);
        const quint32 size = qFromLittleEndian<quint32>(wav.constData() + at + 4);
        if (id == "fmt ") {
            const auto channels = qFromLittleEndian<quint16>(wav.constData() + at + 10);
            const auto bits = qFromLittleEndian<quint16>(wav.constData() + at + 22);
            if (channels != 1 || bits != 16)
                return fail(u"espeak-ng wrote a format other than mono 16-bit."_s);
            pcm.sampleRate = int(qFromLittleEndian<quint32>(wav.constData() + at + 12));
        } else if (id == "data") {
            pcm.samples = wav.mid(at + 8);
            pcm.samples.truncate(pcm.samples.size() & ~qsizetype(1));
            return pcm;
        }
        at += 8 + qsizetype(size);
    }
    return fail(u"espeak-ng's WAV file has no samples."_s);
}

// Deterministic, so the same call always sounds the same: a small linear congruential generator.
struct Hiss
{
    quint32 state;
    qint16 next()
    {
        state = state * 1664525u + 1013904223u;
        return qint16(int(state >> 24) % 97 - 48); // about -57 dBFS
    }
};

} // namespace

Result<Pcm> synthesize(const QString &text, const Voice &voice)
{
    QProcess espeak;
    espeak.start(u"espeak-ng"_s, {u"--stdout"_s, u"-v"_s, voice.name, u"-s"_s,
                                  QString::number(voice.wordsPerMinute), u"--"_s, text});
    if (!espeak.waitForStarted(5000))
        return fail(u"The sandbox makes recordings with espeak-ng, which is not installed "
                    "(packaging/install-deps installs it)."_s,
                    ErrorKind::Unavailable);
    espeak.closeWriteChannel();
    if (!espeak.waitForFinished(30000) || espeak.exitStatus() != QProcess::NormalExit ||
        espeak.exitCode() != 0)
        return fail(u"espeak-ng failed: %1"_s.arg(
                        QString::fromLocal8Bit(espeak.readAllStandardError().trimmed())),
                    ErrorKind::Unavailable);
    return fromWav(espeak.readAllStandardOutput());
}

QByteArray wavHeader(int sampleRate, qint64 sampleCount)
{
    const quint32 dataBytes = quint32(sampleCount * 2);
    QByteArray h(44, '\0');
    char *p = h.data();
    auto put32 = [&](int at, quint32 v) { qToLittleEndian<quint32>(v, p + at); };
    auto put16 = [&](int at, quint16 v) { qToLittleEndian<quint16>(v, p + at); };
    memcpy(p, "RIFF", 4);
    put32(4, 36 + dataBytes);
    memcpy(p + 8, "WAVEfmt ", 8);
    put32(16, 16);
    put16(20, 1); // PCM
    put16(22, 1); // mono
    put32(24, quint32(sampleRate));
    put32(28, quint32(sampleRate * 2));
    put16(32, 2);
    put16(34, 16);
    memcpy(p + 36, "data", 4);
    put32(40, dataBytes);
    return h;
}

Result<QByteArray> track(const QList<SpokenLine> &lines, const Speaker &speak)
{
    constexpr int normalRate = 175;
    constexpr int fastestRate = 420;
    constexpr double pauseSeconds = 0.25; // between one line's end and the next line's start
    int sampleRate = 0;
    struct Placed
    {
        qint64 at;
        QByteArray samples;
    };
    QList<Placed> placed;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const SpokenLine &line = lines.at(i);
        if (line.text.trimmed().isEmpty())
            continue;
        const Voice voice{line.role == u"user" ? u"en-us+m3"_s : u"en-us+f3"_s, normalRate};
        auto first = speak(line.text, voice);
        if (!first)
            return first.error();
        Pcm pcm = *first;
        if (sampleRate == 0)
            sampleRate = pcm.sampleRate;
        double room = -1; // seconds until the next line starts; unlimited for the last
        for (qsizetype j = i + 1; j < lines.size() && room < 0; ++j) {
            if (!lines.at(j).text.trimmed().isEmpty())
                room = std::max(0.5, lines.at(j).secondsFromStart - line.secondsFromStart -
                                         pauseSeconds);
        }
        const double seconds = double(pcm.samples.size() / 2) / pcm.sampleRate;
        if (room > 0 && seconds > room) {
            // A quick talker rather than two voices at once: read it faster, and cut what still
            // does not fit.
            const int rate = std::min(fastestRate, int(std::ceil(normalRate * seconds / room)));
            auto faster = speak(line.text, Voice{voice.name, rate});
            if (!faster)
                return faster.error();
            pcm = *faster;
            pcm.samples.truncate(
                std::min<qsizetype>(pcm.samples.size(), qsizetype(room * pcm.sampleRate) * 2));
        }
        if (pcm.sampleRate != sampleRate)
            return fail(u"espeak-ng changed its sample rate within one call."_s);
        placed.append({qint64(std::llround(line.secondsFromStart * sampleRate)), pcm.samples});
    }
    if (placed.isEmpty())
        return fail(u"The call has nothing said to record."_s, ErrorKind::NotFound);
    qint64 end = 0;
    for (const Placed &p : std::as_const(placed))
        end = std::max(end, p.at + p.samples.size() / 2);
    const qint64 total = end + sampleRate; // a second of the line after the last word
    QList<qint16> mix(total);
    Hiss hiss{quint32(lines.size() * 7919 + total)};
    for (qint16 &s : mix)
        s = hiss.next();
    for (const Placed &p : std::as_const(placed)) {
        const auto *from = reinterpret_cast<const uchar *>(p.samples.constData());
        for (qint64 k = 0; k < p.samples.size() / 2; ++k) {
            const int sum = mix[p.at + k] + qFromLittleEndian<qint16>(from + 2 * k);
            mix[p.at + k] = qint16(std::clamp(sum, -32768, 32767));
        }
    }
    QByteArray wav = wavHeader(sampleRate, total);
    wav.reserve(wav.size() + total * 2);
    for (const qint16 s : std::as_const(mix)) {
        char le[2];
        qToLittleEndian<qint16>(s, le);
        wav.append(le, 2);
    }
    return wav;
}

std::optional<ByteRange> byteRange(const QByteArray &header, qint64 size)
{
    const QByteArray spec = header.trimmed();
    if (!spec.startsWith("bytes=") || spec.contains(','))
        return std::nullopt;
    const QByteArray range = spec.mid(6).trimmed();
    const qsizetype dash = range.indexOf('-');
    if (dash < 0)
        return std::nullopt;
    const QByteArray from = range.left(dash).trimmed();
    const QByteArray to = range.mid(dash + 1).trimmed();
    bool okFrom = true;
    bool okTo = true;
    ByteRange r;
    if (from.isEmpty()) {
        const qint64 suffix = to.toLongLong(&okTo);
        if (!okTo || suffix < 0)
            return std::nullopt;
        if (suffix == 0 || size == 0)
            return ByteRange{0, 0, false};
        r.first = std::max<qint64>(0, size - suffix);
        r.last = size - 1;
        return r;
    }
    r.first = from.toLongLong(&okFrom);
    r.last = to.isEmpty() ? size - 1 : to.toLongLong(&okTo);
    if (!okFrom || !okTo || r.first < 0)
        return std::nullopt;
    if (r.first >= size)
        return ByteRange{r.first, r.last, false};
    if (r.last < r.first)
        return std::nullopt;
    r.last = std::min(r.last, size - 1);
    return r;
}

namespace {

// The samples of a mono track's WAV at `rate`, resampled linearly: good enough for speech that is
// only listened to.
QList<qint16> resampled(const QByteArray &wav, int rate)
{
    const int from = int(qFromLittleEndian<quint32>(wav.constData() + 24));
    const auto *samples = reinterpret_cast<const uchar *>(wav.constData() + 44);
    const qint64 count = (wav.size() - 44) / 2;
    const qint64 out = count * rate / from;
    QList<qint16> result(out);
    for (qint64 i = 0; i < out; ++i) {
        const double at = double(i) * from / rate;
        const qint64 k = std::min<qint64>(qint64(at), count - 1);
        const qint64 next = std::min<qint64>(k + 1, count - 1);
        const double t = at - double(k);
        result[i] = qint16(std::lround(qFromLittleEndian<qint16>(samples + 2 * k) * (1 - t) +
                                       qFromLittleEndian<qint16>(samples + 2 * next) * t));
    }
    return result;
}

} // namespace

Result<QByteArray> liveStereo(const QList<SpokenLine> &lines, int sampleRate, const Speaker &speak)
{
    QList<QList<qint16>> channels;
    for (const QString &role : {u"user"_s, u"assistant"_s}) {
        QList<SpokenLine> own;
        for (const SpokenLine &line : lines) {
            if (line.role == role)
                own.append(line);
        }
        auto wav = track(own, speak);
        if (!wav)
            return wav.error();
        channels.append(resampled(*wav, sampleRate));
    }
    const qsizetype frames = std::max(channels[0].size(), channels[1].size());
    Hiss hiss{quint32(frames)};
    QByteArray pcm(frames * 4, Qt::Uninitialized);
    char *p = pcm.data();
    for (qsizetype i = 0; i < frames; ++i) {
        for (const QList<qint16> &channel : std::as_const(channels)) {
            qToLittleEndian<qint16>(i < channel.size() ? channel[i] : hiss.next(), p);
            p += 2;
        }
    }
    return pcm;
}

} // namespace vox::sandbox::speech
