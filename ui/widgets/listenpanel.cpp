#include "ui/widgets/listenpanel.h"

#include "ui/api/listenstream.h"

#include <QAudio>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

ListenPanel::ListenPanel(ApiClient &api, QWidget *parent)
    : QWidget(parent)
    , m_stream(new ListenStream(api, this))
    , m_listen(new QPushButton(tr("&Listen"), this))
    , m_volume(new QSlider(Qt::Horizontal, this))
    , m_status(new QLabel(this))
{
    setObjectName(u"listenPanel"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_listen->setObjectName(u"liveListen"_s);
    m_listen->setCheckable(true);
    m_listen->setAccessibleName(tr("Listen to the call"));
    m_listen->setToolTip(tr("Hear the caller and the AI as they speak. Listening is recorded in "
                            "the access log."));
    auto *volumeLabel = new QLabel(tr("&Volume:"), this);
    volumeLabel->setBuddy(m_volume);
    m_volume->setObjectName(u"liveVolume"_s);
    m_volume->setRange(0, 100);
    m_volume->setValue(80);
    m_volume->setMaximumWidth(140);
    m_volume->setAccessibleName(tr("Listening volume"));
    m_volume->setAccessibleDescription(tr("How loud the call plays on this computer"));
    m_status->setObjectName(u"liveListenStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Listening status"));
    layout->addWidget(m_listen);
    layout->addWidget(volumeLabel);
    layout->addWidget(m_volume);
    layout->addWidget(m_status, 1);

    const auto applyVolume = [this] {
        // The slider is how loud it sounds; the output wants a linear factor.
        m_stream->setVolume(QAudio::convertVolume(
            m_volume->value() / 100.0, QAudio::LogarithmicVolumeScale, QAudio::LinearVolumeScale));
    };
    applyVolume();
    connect(m_volume, &QSlider::valueChanged, this, applyVolume);
    connect(m_listen, &QPushButton::clicked, this, &ListenPanel::toggle);
    connect(m_stream, &ListenStream::changed, this, &ListenPanel::showState);
    showState();
}

void ListenPanel::setCall(const QString &callId)
{
    if (callId == m_callId)
        return;
    m_callId = callId;
    // An ended stream keeps saying why (the call left the list because it ended).
    const ListenStream::State state = m_stream->state();
    if (state == ListenStream::State::Connecting || state == ListenStream::State::Listening)
        m_stream->stop();
    showState();
}

void ListenPanel::toggle()
{
    const ListenStream::State state = m_stream->state();
    if (state == ListenStream::State::Connecting || state == ListenStream::State::Listening)
        m_stream->stop();
    else if (!m_callId.isEmpty())
        m_stream->start(m_callId);
    showState();
}

void ListenPanel::showState()
{
    const ListenStream::State state = m_stream->state();
    const bool on =
        state == ListenStream::State::Connecting || state == ListenStream::State::Listening;
    m_listen->setChecked(on);
    m_listen->setText(on ? tr("Stop &listening") : tr("&Listen"));
    m_listen->setEnabled(on || !m_callId.isEmpty());
    QString status;
    switch (state) {
    case ListenStream::State::Idle:
        break;
    case ListenStream::State::Connecting:
        status = tr("Connecting…");
        break;
    case ListenStream::State::Listening: {
        const QAudioFormat format = m_stream->format();
        status = m_stream->message().isEmpty()
                     ? tr("Listening (%1 kHz, %n channel(s))", nullptr, format.channelCount())
                           .arg(format.sampleRate() / 1000.0)
                     : m_stream->message();
        break;
    }
    case ListenStream::State::Ended:
        status = m_stream->message();
        break;
    }
    m_status->setText(status);
}

} // namespace vox::ui
