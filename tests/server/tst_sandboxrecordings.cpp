// The provider sandbox's recordings: speech made from the call's transcript, each line where the
// transcript says it was said, made once and kept, served in ranges for a seeking player, and a
// clear 404 for a recording it does not have.
#include "sandbox/callsimulator.h"
#include "sandbox/sandbox.h"
#include "sandbox/speechtrack.h"
#include "server/http/outboundcall.h"

#include <QtEndian>
#include <QTest>

#include <cmath>

using namespace Qt::Literals::StringLiterals;
namespace speech = vox::sandbox::speech;

namespace {

vox::http::OutboundAnswer get(const QString &url, const QByteArray &range = {})
{
    vox::http::OutboundCall call;
    call.url = QUrl(url);
    if (!range.isEmpty())
        call.headers.append({"Range", range});
    return vox::http::exchangeOnce(call, "tst_sandboxrecordings");
}

// How loud 100 ms of a 16-bit mono WAV body are around `seconds` (root mean square).
double loudnessAt(const QByteArray &wav, int sampleRate, double seconds)
{
    const qint64 from = 44 + 2 * qint64(seconds * sampleRate);
    const qint64 count = sampleRate / 10;
    double sum = 0;
    for (qint64 k = 0; k < count && from + 2 * k + 1 < wav.size(); ++k) {
        const double s = qFromLittleEndian<qint16>(wav.constData() + from + 2 * k);
        sum += s * s;
    }
    return std::sqrt(sum / double(count));
}

} // namespace

class TestSandboxRecordings : public QObject
{
    Q_OBJECT

    vox::sandbox::Sandbox m_sandbox;

private slots:
    void initTestCase() { QVERIFY(m_sandbox.listen(u"127.0.0.1"_s, 0).ok()); }

    void rangesAsAPlayerAsksForThem_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("applies");
        QTest::addColumn<bool>("satisfiable");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        // A body of 1000 bytes.
        QTest::newRow("no header: the whole body") << QByteArray() << false << true << 0LL << 0LL;
        QTest::newRow("from the start") << "bytes=0-99"_ba << true << true << 0LL << 99LL;
        QTest::newRow("open end, as a player seeks")
            << "bytes=500-"_ba << true << true << 500LL << 999LL;
        QTest::newRow("the last bytes") << "bytes=-200"_ba << true << true << 800LL << 999LL;
        QTest::newRow("an end past the body is cut")
            << "bytes=900-5000"_ba << true << true << 900LL << 999LL;
        QTest::newRow("a start past the body: 416")
            << "bytes=1000-"_ba << true << false << 1000LL << 999LL;
        QTest::newRow("several ranges: the whole body")
            << "bytes=0-1,5-9"_ba << false << true << 0LL << 0LL;
        QTest::newRow("not bytes") << "items=0-1"_ba << false << true << 0LL << 0LL;
        QTest::newRow("backwards") << "bytes=9-1"_ba << false << true << 0LL << 0LL;
    }
    void rangesAsAPlayerAsksForThem()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, applies);
        QFETCH(bool, satisfiable);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        const auto range = speech::byteRange(header, 1000);
        QCOMPARE(range.has_value(), applies);
        if (!range)
            return;
        QCOMPARE(range->satisfiable, satisfiable);
        QCOMPARE(range->first, first);
        if (satisfiable)
            QCOMPARE(range->last, last);
    }

    // A line that would run into the next is read faster and never overlaps it.
    void everyLineStartsWhereTheTranscriptSays()
    {
        QList<QPair<QString, int>> asked;
        auto fake = [&](const QString &text,
                        const speech::Voice &voice) -> vox::Result<speech::Pcm> {
            asked.append({text, voice.wordsPerMinute});
            // A tone of 0.4 s per word at the normal rate, shorter when read faster.
            const qsizetype words = text.split(u' ').size();
            const int samples = int(words * 0.4 * 1000 * 175 / voice.wordsPerMinute);
            QByteArray pcm(samples * 2, '\0');
            for (int k = 0; k < samples; ++k)
                qToLittleEndian<qint16>(qint16(k % 40 < 20 ? 8000 : -8000), pcm.data() + 2 * k);
            return speech::Pcm{1000, pcm};
        };
        const QList<speech::SpokenLine> lines{
            {u"assistant"_s, u"one two three"_s, 1},
            {u"user"_s, u"a b c d e f g h i j"_s, 3}, // 4 s of speech, 2.5 s of room
            {u"assistant"_s, u"done"_s, 5.75},
        };
        auto wav = speech::track(lines, fake);
        QVERIFY(wav.ok());
        QCOMPARE(asked.size(), 4);
        QVERIFY2(asked.at(2).second > 175, "the long line is read again, faster");
        const QByteArray &file = *wav;
        QCOMPARE(file.left(4), "RIFF"_ba);
        QCOMPARE(qFromLittleEndian<quint32>(file.constData() + 24), 1000u);
        // Speech where the transcript has a line, faint noise between them, never silence.
        QVERIFY(loudnessAt(file, 1000, 1.05) > 4000);
        QVERIFY(loudnessAt(file, 1000, 2.5) < 100);
        QVERIFY(loudnessAt(file, 1000, 2.5) > 0);
        QVERIFY(loudnessAt(file, 1000, 3.05) > 4000);
        QVERIFY(loudnessAt(file, 1000, 5.6) < 100);
        QVERIFY(loudnessAt(file, 1000, 5.8) > 4000);
        // One second after the last word.
        QCOMPARE(qint64(file.size() - 44) / 2, qint64(5750 + 400 + 1000));
    }

    void theSimulatorsCallsAreRecordedHere()
    {
        QList<vox::sandbox::vapimessages::Turn> turns;
        vox::sandbox::vapimessages::Turn hello;
        hello.kind = vox::sandbox::vapimessages::Turn::Kind::Bot;
        hello.text = u"Thank you for calling. How can I help you today?"_s;
        hello.secondsFromStart = 1;
        vox::sandbox::vapimessages::Turn ask = hello;
        ask.kind = vox::sandbox::vapimessages::Turn::Kind::User;
        ask.text = u"How much is Botox?"_s;
        ask.secondsFromStart = 5;
        turns << hello << ask;
        const QString base =
            vox::sandbox::CallSimulator::recordIn(m_sandbox.url(), u"call-abc"_s, turns);
        QCOMPARE(base, m_sandbox.url() + u"/vapi/recordings/call-abc"_s);

        const int madeBefore = m_sandbox.recordings().madeCount();
        const auto whole = get(base + u"-mono.wav"_s);
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.headers.value("content-type"), "audio/wav"_ba);
        QCOMPARE(whole.headers.value("accept-ranges"), "bytes"_ba);
        QVERIFY(whole.body.startsWith("RIFF"));
        const int rate = int(qFromLittleEndian<quint32>(whole.body.constData() + 24));
        // Spoken at 1 s and at 5 s; the line before anyone speaks is only noise.
        QVERIFY(loudnessAt(whole.body, rate, 0.5) < 100);
        double loudest = 0;
        for (double t = 1.0; t < 2.0; t += 0.1)
            loudest = std::max(loudest, loudnessAt(whole.body, rate, t));
        QVERIFY(loudest > 1000);
        loudest = 0;
        for (double t = 5.0; t < 6.0; t += 0.1)
            loudest = std::max(loudest, loudnessAt(whole.body, rate, t));
        QVERIFY(loudest > 1000);

        const auto part = get(base + u"-mono.wav"_s, "bytes=100-199");
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, whole.body.mid(100, 100));
        QCOMPARE(part.headers.value("content-range"),
                 "bytes 100-199/" + QByteArray::number(whole.body.size()));
        const auto past =
            get(base + u"-mono.wav"_s, "bytes=" + QByteArray::number(whole.body.size()) + "-");
        QCOMPARE(past.status, 416);
        // Made on the first request, then served from memory.
        QCOMPARE(m_sandbox.recordings().madeCount(), madeBefore + 1);

        // The customer's channel has the caller only: nothing at 1 s.
        const auto customer = get(base + u"-customer.wav"_s);
        QCOMPARE(customer.status, 200);
        QVERIFY(loudnessAt(customer.body, rate, 1.3) < 100);
    }

    void aRecordingItDoesNotHaveIsNotFound()
    {
        const auto missing = get(m_sandbox.url() + u"/vapi/recordings/nobody-mono.wav"_s);
        QCOMPARE(missing.status, 404);
        QVERIFY(missing.json().toObject().value(u"error"_s).toString().contains(u"No recording"_s));
        const auto odd = get(m_sandbox.url() + u"/vapi/recordings/whatever.mp3"_s);
        QCOMPARE(odd.status, 404);
    }

    void withoutASandboxThereIsNoRecording()
    {
        QCOMPARE(vox::sandbox::CallSimulator::recordIn(QString(), u"x"_s, {}), QString());
    }
};

QTEST_GUILESS_MAIN(TestSandboxRecordings)
#include "tst_sandboxrecordings.moc"
