#include "ui/widgets/recordingplayer.h"

#include "core/transcriptfollow.h"
#include "ui/api/apiclient.h"
#include "ui/api/recordingrelay.h"
#include "ui/models/displayformat.h"
#include "ui/models/recordingproblem.h"

#include <QAudioOutput>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QMediaPlayer>
#include <QPushButton>
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

QString withKeys(const QString &text, const QKeySequence &keys)
{
    return u"%1 (%2)"_s.arg(text, keys.toString(QKeySequence::NativeText));
}

} // namespace

RecordingPlayer::RecordingPlayer(ApiClient &api, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_play(new QToolButton(this))
    , m_back(new QToolButton(this))
    , m_forward(new QToolButton(this))
    , m_position(new QSlider(Qt::Horizontal, this))
    , m_time(new QLabel(u"0:00 / 0:00"_s, this))
    , m_speed(new QComboBox(this))
    , m_problemRow(new QWidget(this))
    , m_problem(new QLabel(m_problemRow))
    , m_retry(new QPushButton(tr("Retry"), m_problemRow))
{
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_play->setObjectName(u"playButton"_s);
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setToolTip(tr("Play the recording"));
    m_play->setAccessibleName(tr("Play"));
    m_play->setAccessibleDescription(tr("Plays or pauses the call's recording"));
    m_play->setAutoRaise(false);
    m_play->setIconSize(QSize(20, 20));

    // Alt+Left/Right: free in every field of the console (Ctrl+arrows move by words in text).
    const QKeySequence backKeys(Qt::ALT | Qt::Key_Left);
    const QKeySequence forwardKeys(Qt::ALT | Qt::Key_Right);
    m_back->setObjectName(u"backButton"_s);
    m_back->setText(tr("−10 s"));
    m_back->setShortcut(backKeys);
    m_back->setToolTip(withKeys(tr("Back 10 seconds"), backKeys));
    m_back->setAccessibleName(tr("Back 10 seconds"));
    m_forward->setObjectName(u"forwardButton"_s);
    m_forward->setText(tr("+10 s"));
    m_forward->setShortcut(forwardKeys);
    m_forward->setToolTip(withKeys(tr("Forward 10 seconds"), forwardKeys));
    m_forward->setAccessibleName(tr("Forward 10 seconds"));
    for (QToolButton *b : {m_back, m_forward})
        b->setEnabled(false);

    m_position->setObjectName(u"seekSlider"_s);
    m_position->setEnabled(false);
    m_position->setToolTip(tr("Drag to jump to a moment of the call"));
    m_position->setAccessibleName(tr("Position in the recording"));
    m_time->setObjectName(u"playerTime"_s);
    m_speed->setObjectName(u"speedBox"_s);
    for (const double rate : {0.75, 1.0, 1.25, 1.5, 2.0})
        m_speed->addItem(tr("%1×").arg(rate), rate);
    m_speed->setCurrentIndex(1);
    m_speed->setToolTip(tr("Playback speed"));
    m_speed->setAccessibleName(tr("Playback speed"));
    // The slider has a row of its own: beside the buttons, a narrow detail pane left it a stub.
    row->addWidget(m_play);
    row->addWidget(m_back);
    row->addWidget(m_forward);
    row->addWidget(m_time);
    row->addStretch(1);
    row->addWidget(m_speed);
    column->addLayout(row);
    column->addWidget(m_position);

    auto *problemLayout = new QHBoxLayout(m_problemRow);
    problemLayout->setContentsMargins(0, 0, 0, 0);
    m_problemRow->setObjectName(u"recordingProblem"_s);
    m_problem->setObjectName(u"recordingProblemText"_s);
    m_problem->setWordWrap(true);
    m_retry->setObjectName(u"retryRecordingButton"_s);
    m_retry->setToolTip(tr("Try to fetch the recording again"));
    m_retry->setAccessibleName(tr("Retry the recording"));
    problemLayout->addWidget(m_problem, 1);
    problemLayout->addWidget(m_retry, 0, Qt::AlignTop);
    m_problemRow->hide();
    column->addWidget(m_problemRow);

    connect(m_play, &QToolButton::clicked, this, &RecordingPlayer::togglePlay);
    connect(m_back, &QToolButton::clicked, this, [this] { skip(-skipMs); });
    connect(m_forward, &QToolButton::clicked, this, [this] { skip(skipMs); });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        const QUrl url = m_url;
        clear();
        setRecording(url);
        togglePlay();
    });
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
    if (m_relay)
        m_relay->close();
    m_url.clear();
    m_sourceSet = false;
    m_fetching = false;
    m_pendingSeek = -1;
    m_duration = 0;
    m_position->setValue(0);
    m_position->setEnabled(false);
    m_back->setEnabled(false);
    m_forward->setEnabled(false);
    m_play->setEnabled(true);
    m_time->setText(u"0:00 / 0:00"_s);
    hideProblem();
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    emit positionChanged(-1);
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
        m_back->setEnabled(ms > 0);
        m_forward->setEnabled(ms > 0);
        applyPendingSeek();
        showPosition(m_player->position());
    });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this,
            [this](QMediaPlayer::MediaStatus status) {
                if (status == QMediaPlayer::LoadedMedia || status == QMediaPlayer::BufferedMedia)
                    applyPendingSeek();
            });
    connect(m_player, &QMediaPlayer::positionChanged, this, &RecordingPlayer::showPosition);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this,
            [this](QMediaPlayer::PlaybackState state) {
                const bool playing = state == QMediaPlayer::PlayingState;
                m_play->setIcon(
                    style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
                m_play->setToolTip(playing ? tr("Pause") : tr("Play the recording"));
                m_play->setAccessibleName(playing ? tr("Pause") : tr("Play"));
            });
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error error, const QString &detail) {
                if (error == QMediaPlayer::NoError)
                    return;
                // The address answered with audio (it was asked first), so what fails now is
                // the decoding or the stream itself.
                if (error == QMediaPlayer::FormatError)
                    showProblem(recordingproblem::explain(recordingproblem::Reason::Unsupported));
                else if (error == QMediaPlayer::NetworkError)
                    showProblem(recordingproblem::explain(recordingproblem::Reason::Offline));
                else
                    showProblem(tr("The recording stopped loading: %1").arg(detail));
                m_sourceSet = false;
            });
}

bool RecordingPlayer::isPlaying() const
{
    return m_player && m_player->playbackState() == QMediaPlayer::PlayingState;
}

qint64 RecordingPlayer::position() const
{
    return m_player ? m_player->position() : 0;
}

QString RecordingPlayer::problem() const
{
    return m_problemRow->isHidden() ? QString() : m_problem->text();
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
    load();
}

void RecordingPlayer::playFrom(qint64 ms)
{
    if (m_url.isEmpty())
        return;
    ensurePlayer();
    if (m_sourceSet && m_duration > 0) {
        m_player->setPosition(ms);
        if (m_player->playbackState() != QMediaPlayer::PlayingState)
            m_player->play();
        return;
    }
    m_pendingSeek = ms;
    if (!m_sourceSet)
        load();
}

void RecordingPlayer::skip(qint64 deltaMs)
{
    if (!m_player || !m_sourceSet)
        return;
    m_player->setPosition(transcript::skipTarget(m_player->position(), deltaMs, m_duration));
}

void RecordingPlayer::applyPendingSeek()
{
    if (m_pendingSeek < 0 || !m_player || m_duration <= 0)
        return;
    m_player->setPosition(m_pendingSeek);
    m_pendingSeek = -1;
}

bool RecordingPlayer::playable(const QUrl &wanted, int status, const QByteArray &contentType,
                               const QByteArray &head)
{
    if (wanted != m_url)
        return false;
    m_fetching = false;
    m_play->setEnabled(true);
    const auto reason = recordingproblem::fromAnswer(status, status == 0, contentType, head);
    if (reason == recordingproblem::Reason::None)
        return true;
    m_pendingSeek = -1;
    showProblem(recordingproblem::explain(reason, status));
    return false;
}

void RecordingPlayer::load()
{
    if (m_fetching)
        return;
    const bool ours = m_url.isRelative() || (m_url.host() == m_api.baseUrl().host() &&
                                             m_url.port() == m_api.baseUrl().port());
    m_fetching = true;
    m_play->setEnabled(false);
    hideProblem();
    const QUrl wanted = m_url;
    if (ours) {
        // Through the relay, which asks our server with the session: the first answer says
        // whether there is audio to play, and the player then streams that same answer.
        if (!m_relay)
            m_relay = new RecordingRelay(m_api, this);
        m_relay->open(wanted, [this, wanted](const RecordingRelay::FirstAnswer &answer) {
            if (!playable(wanted, answer.status, answer.contentType, answer.head)) {
                if (wanted == m_url)
                    m_relay->close();
                return;
            }
            m_player->setSource(m_relay->url());
            m_sourceSet = true;
            startPlaying();
        });
        return;
    }
    // A provider's: its first bytes, to know it answers with audio before the player streams it
    // (the player's own errors cannot tell a missing recording from an offline computer).
    m_api.calls().recordingStart(
        wanted, this, [this, wanted](const CallsClient::RecordingFetch &answer) {
            if (!playable(wanted, answer.status, answer.contentType, answer.body.left(64)))
                return;
            m_player->setSource(wanted);
            m_sourceSet = true;
            startPlaying();
        });
}

void RecordingPlayer::startPlaying()
{
    hideProblem();
    m_player->setPlaybackRate(m_speed->currentData().toDouble());
    m_player->play();
}

void RecordingPlayer::showPosition(qint64 ms)
{
    if (!m_position->isSliderDown())
        m_position->setValue(int(ms));
    m_time->setText(u"%1 / %2"_s.arg(clock(ms), clock(m_duration)));
    emit positionChanged(ms);
}

void RecordingPlayer::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setStyleSheet(
        u"color: %1;"_s.arg(DisplayFormat::tone(DisplayFormat::Tone::Bad).name()));
    m_problemRow->show();
}

void RecordingPlayer::hideProblem()
{
    m_problemRow->hide();
}

} // namespace vox::ui
