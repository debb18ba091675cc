#pragma once

#include <QAudioFormat>
#include <QByteArray>
#include <QString>

#include <memory>

class QAudioSink;
class QIODevice;

namespace vox::ui {

// Where a relayed call's sound goes. The console plays it on the sound card (AudioSinkOutput);
// tests, which may have none, hand it to an output that counts what it is given.
class PcmOutput
{
public:
    virtual ~PcmOutput() = default;
    // Gets ready to play `format`; empty when it can, otherwise why not, in words for the user.
    virtual QString start(const QAudioFormat &format) = 0;
    virtual void write(const QByteArray &pcm) = 0;
    // 0 to 1, linear.
    virtual void setVolume(double volume) = 0;
};

// The default audio output device through QAudioSink, fed in push mode as frames arrive. What the
// device cannot take yet is dropped rather than queued: a listener wants the call as it is now,
// not a growing delay.
class AudioSinkOutput final : public PcmOutput
{
public:
    AudioSinkOutput();
    ~AudioSinkOutput() override;
    QString start(const QAudioFormat &format) override;
    void write(const QByteArray &pcm) override;
    void setVolume(double volume) override;

private:
    std::unique_ptr<QAudioSink> m_sink;
    QIODevice *m_device = nullptr;
    double m_volume = 1.0;
};

} // namespace vox::ui
