#pragma once

// What every fuzz target shares: the input as Qt types, a quiet Qt, and a way to state a
// property the code must keep (a broken property is a crash libFuzzer keeps as an artifact).

#include <QByteArray>
#include <QByteArrayList>
#include <QDateTime>
#include <QString>
#include <QtGlobal>
#include <QTimeZone>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace vox::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The input split at the first `count - 1` newlines into `count` fields (missing ones empty), so
// one input can carry several headers, a token and a body.
inline QByteArrayList fields(const QByteArray &input, int count)
{
    QByteArrayList out;
    qsizetype start = 0;
    for (int i = 0; i < count - 1; ++i) {
        const qsizetype end = input.indexOf('\n', start);
        if (end < 0) {
            out.append(input.mid(start));
            start = input.size();
            continue;
        }
        out.append(input.mid(start, end - start));
        start = end + 1;
    }
    out.append(input.mid(start));
    return out;
}

// A fixed clock: findings must replay the same way tomorrow.
inline QDateTime now()
{
    return QDateTime::fromSecsSinceEpoch(1'780'000'000, QTimeZone::utc());
}

[[noreturn]] inline void broken(const char *property)
{
    std::fprintf(stderr, "fuzz: property broken: %s\n", property);
    std::abort();
}

inline void expect(bool holds, const char *property)
{
    if (!holds)
        broken(property);
}

} // namespace vox::fuzz

// Qt's own warnings would flood the fuzzer's output; the sanitizers report what matters.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &) {});
    return 0;
}
