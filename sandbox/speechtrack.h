#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

// A call's recording made from its transcript: each line spoken by a synthetic voice (espeak-ng)
// at the moment the transcript says it was said, so the transcript's times match what is heard.
namespace vox::sandbox::speech {

struct SpokenLine
{
    QString role; // "assistant" or "user": two different voices
    QString text;
    double secondsFromStart = 0;
};

// The voice a line is read with; a line that would run into the next one is read faster.
struct Voice
{
    QString name;
    int wordsPerMinute = 175;
};

// Mono 16-bit PCM at `sampleRate`, the samples only.
struct Pcm
{
    int sampleRate = 22050;
    QByteArray samples;
};

// Reads `text` aloud with espeak-ng; an error when it is not installed or fails.
Result<Pcm> synthesize(const QString &text, const Voice &voice);

// The whole call as a WAV file: every line placed at its start, faint line noise between the
// lines (a real line is never digitally silent), one second after the last line. `speak` is
// synthesize() except in tests.
using Speaker = std::function<Result<Pcm>(const QString &text, const Voice &voice)>;
Result<QByteArray> track(const QList<SpokenLine> &lines, const Speaker &speak = synthesize);

// What a live call's listen socket streams: the customer's lines on the first channel and the
// assistant's on the second, interleaved 16-bit little-endian PCM at `sampleRate` (resampled from
// espeak-ng's), faint line noise wherever nobody speaks.
Result<QByteArray> liveStereo(const QList<SpokenLine> &lines, int sampleRate,
                              const Speaker &speak = synthesize);

// A WAV file's header for `sampleCount` mono 16-bit samples.
QByteArray wavHeader(int sampleRate, qint64 sampleCount);

// The bytes a Range header asks for in a body of `size` bytes ("bytes=0-99", "bytes=100-",
// "bytes=-500"): first and last inclusive. Nothing when the header does not apply (absent, or
// not a single byte range); `satisfiable` false when it asks past the end (answer 416).
struct ByteRange
{
    qint64 first = 0;
    qint64 last = 0;
    bool satisfiable = true;
};
std::optional<ByteRange> byteRange(const QByteArray &header, qint64 size);

} // namespace vox::sandbox::speech
