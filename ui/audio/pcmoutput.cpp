#include "ui/audio/pcmoutput.h"

#include <QAudioDevice>
#include <QAudioSink>
#include <QCoreApplication>
#include <QMediaDevices>

#include <algorithm>

namespace vox::ui {

AudioSinkOutput::AudioSinkOutput() = default;

AudioSinkOutput::~AudioSinkOutput()
{
    if (m_sink)
        m_sink->stop();
}

QString AudioSinkOutput::start(const QAudioFormat &format)
{
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull())
        return QCoreApplication::translate("vox::ui::ListenPanel",
                                           "No audio output was found on this computer.");
    if (!device.isFormatSupported(format))
        return QCoreApplication::translate("vox::ui::ListenPanel",
                                           "The audio output cannot play the call's sound "
                                           "(%1 Hz, %n channel(s)).",
                                           nullptr, format.channelCount())
            .arg(format.sampleRate());
    m_sink = std::make_unique<QAudioSink>(device, format);
    m_sink->setVolume(m_volume);
    m_device = m_sink->start();
    if (!m_device || m_sink->error() != QAudio::NoError) {
        m_sink.reset();
        m_device = nullptr;
        return QCoreApplication::translate("vox::ui::ListenPanel",
                                           "The audio output could not be opened.");
    }
    return {};
}

void AudioSinkOutput::write(const QByteArray &pcm)
{
    if (!m_device)
        return;
    const qsizetype room = m_sink->bytesFree();
    const qsizetype frame = qsizetype(m_sink->format().bytesPerFrame());
    const qsizetype take = frame > 0 ? std::min(room, pcm.size()) / frame * frame : 0;
    if (take > 0)
        m_device->write(pcm.constData(), take);
}

void AudioSinkOutput::setVolume(double volume)
{
    m_volume = volume;
    if (m_sink)
        m_sink->setVolume(volume);
}

} // namespace vox::ui
