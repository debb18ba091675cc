#include "ui/widgets/recordingplayer.h"

#include "ui/api/apiclient.h"

#include <QAudioOutput>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    return u"%1:%2"_s.arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

RecordingPlayer::RecordingPlayer(ApiClient &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_play(new QToolButton(this))
    , m_position(new QSlider(Qt::Horizontal, this))
    , m_time(new QLabel(u"0:00 / 0:00"_s, this))
    , m_speed(new QComboBox(this))
    , m_problem(new QLabel(this))
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_play->setObjectName(u"playButton"_s);
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setToolTip(tr("Play the recording"));
    m_play->setAutoRaise(false);
    m_play->setIconSize(QSize(20, 20));
    m_position->setObjectName(u"seekSlider"_s);
    m_position->setEnabled(false);
    m_position->setToolTip(tr("Drag to jump to a moment of the call"));
    m_speed->setObjectName(u"speedBox"_s);
    for (const double rate : {0.75, 1.0, 1.25, 1.5, 2.0})
        m_speed->addItem(tr("%1×").arg(rate), rate);
    m_speed->setCurrentIndex(1);
    m_speed->setToolTip(tr("Playback speed"));
    row->addWidget(m_play);
    row->addWidget(m_position, 1);
    row->addWidget(m_time);
    row->addWidget(m_speed);
    column->addLayout(row);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #c62828;"_s);
    m_problem->hide();
    column->addWidget(m_problem);

    connect(m_play, &QToolButton::clicked, this, &RecordingPlayer::togglePlay);
    connect(m_position, &QSlider::sliderMoved, this, [this](int value) {
        if (m_player)
            m_player->setPosition(value);
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] {
        if (m_player)
            m_player->setPlaybackRate(m_speed->currentData().toDouble());
    });
}

RecordingPlayer::~RecordingPlayer()
{
    if (m_player)
        m_player->stop();
}

void RecordingPlayer::setRecording(const QUrl &url)
{
    if (url == m_url)
        return;
    clear();
    m_url = url;
    setEnabled(url.isValid() && !url.isEmpty());
}

void RecordingPlayer::clear()
{
    if (m_player) {
        m_player->stop();
        m_player->setSource(QUrl());
    }
    m_buffer.close();
    m_buffer.setData(QByteArray());
    m_url.clear();
    m_sourceSet = false;
    m_duration = 0;
    m_position->setValue(0);
    m_position->setEnabled(false);
    m_time->setText(u"0:00 / 0:00"_s);
    m_problem->hide();
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
}

void RecordingPlayer::ensurePlayer()
{
    if (m_player)
        return;
    m_player = new QMediaPlayer(this);
    m_output = new QAudioOutput(this);
    m_player->setAudioOutput(m_output);
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        m_duration = ms;
        m_position->setRange(0, int(ms));
        m_position->setEnabled(ms > 0);
        showPosition(m_player->position());
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, &RecordingPlayer::showPosition);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this,
            [this](QMediaPlayer::PlaybackState state) {
                const bool playing = state == QMediaPlayer::PlayingState;
                m_play->setIcon(
                    style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
                m_play->setToolTip(playing ? tr("Pause") : tr("Play the recording"));
            });
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error error) {
        if (error != QMediaPlayer::NoError)
            showProblem(tr("This recording cannot be played on this computer."));
    });
}

void RecordingPlayer::togglePlay()
{
    if (m_url.isEmpty())
        return;
    ensurePlayer();
    if (m_player->playbackState() == QMediaPlayer::PlayingState) {
        m_player->pause();
        return;
    }
    if (m_sourceSet) {
        m_player->play();
        return;
    }
    const bool ours = m_url.isRelative() || (m_url.host() == m_api.baseUrl().host() &&
                                             m_url.port() == m_api.baseUrl().port());
    if (!ours) {
        m_player->setSource(m_url);
        m_sourceSet = true;
        startPlaying();
        return;
    }
    if (m_fetching)
        return;
    m_fetching = true;
    m_play->setEnabled(false);
    const QUrl wanted = m_url;
    m_api.calls().recording(wanted, this, [this, wanted](Result<QByteArray> bytes) {
        m_fetching = false;
        m_play->setEnabled(true);
        if (wanted != m_url)
            return;
        if (!bytes) {
            showProblem(bytes.errorMessage());
            return;
        }
        m_buffer.close();
        m_buffer.setData(*bytes);
        m_buffer.open(QIODevice::ReadOnly);
        m_player->setSourceDevice(&m_buffer, wanted);
        m_sourceSet = true;
        startPlaying();
    });
}

void RecordingPlayer::startPlaying()
{
    m_problem->hide();
    m_player->setPlaybackRate(m_speed->currentData().toDouble());
    m_player->play();
}

void RecordingPlayer::showPosition(qint64 ms)
{
    if (!m_position->isSliderDown())
        m_position->setValue(int(ms));
    m_time->setText(u"%1 / %2"_s.arg(clock(ms), clock(m_duration)));
}

void RecordingPlayer::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->show();
}

} // namespace vox::ui
