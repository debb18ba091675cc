#include "ui/widgets/calldetailpanel.h"

#include "core/phonenumber.h"
#include "ui/api/apiclient.h"
#include "ui/api/apierror.h"
#include "ui/api/recordingroute.h"
#include "ui/models/callactions.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/callreviewbox.h"
#include "ui/widgets/flowlayout.h"
#include "ui/widgets/followupdialog.h"
#include "ui/widgets/recordingplayer.h"
#include "ui/widgets/recordingshareslist.h"
#include "ui/widgets/sharedialog.h"
#include "ui/widgets/toastarea.h"
#include "ui/widgets/transcriptview.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

QString smsUnavailableText()
{
    return CallDetailPanel::tr("Text messages are not set up for this clinic yet. An admin can "
                               "connect Twilio under Integrations.");
}

QString emailUnavailableText()
{
    return CallDetailPanel::tr("E-mail is not set up for this clinic yet. An admin can set it up "
                               "under Integrations.");
}

QLabel *wrappingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

} // namespace

CallDetailPanel::CallDetailPanel(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_content(new QWidget(this))
    , m_placeholder(new QLabel(tr("Choose a call on the left to see its details."), this))
{
    setObjectName(u"callDetailPanel"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    outer->addWidget(m_placeholder, 1);
    outer->addWidget(m_content, 1);

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(8);

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    m_title = new QLabel(m_content);
    m_title->setObjectName(u"callTitle"_s);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle = wrappingLabel(m_content);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    header->addLayout(titles, 1);
    layout->addLayout(header);

    // The actions wrap onto a second line rather than be cut when the pane is narrow or the
    // language long.
    auto *actionsBox = new QWidget(m_content);
    auto *actions = new FlowLayout(actionsBox);
    actions->setContentsMargins(0, 0, 0, 0);
    m_openContact = new QPushButton(tr("Open lead"), m_content);
    m_openContact->setObjectName(u"openContactButton"_s);
    m_share = new QPushButton(tr("Share recording"), m_content);
    m_share->setObjectName(u"shareButton"_s);
    m_export = new QPushButton(tr("Export transcript"), m_content);
    m_export->setObjectName(u"exportButton"_s);
    m_followUp = new QPushButton(tr("Send text"), m_content);
    m_followUp->setObjectName(u"followUpButton"_s);
    for (QPushButton *button : {m_openContact, m_share, m_export, m_followUp})
        actions->addWidget(button);
    layout->addWidget(actionsBox);

    auto *summaryBox = new QGroupBox(tr("Summary"), m_content);
    auto *summaryLayout = new QVBoxLayout(summaryBox);
    m_summary = wrappingLabel(summaryBox);
    m_summary->setObjectName(u"callSummary"_s);
    m_facts = wrappingLabel(summaryBox);
    m_facts->setObjectName(u"callFacts"_s);
    m_facts->setTextFormat(Qt::RichText);
    summaryLayout->addWidget(m_summary);
    summaryLayout->addWidget(m_facts);
    layout->addWidget(summaryBox);

    m_transferBox = new QGroupBox(tr("Transfer"), m_content);
    auto *transferLayout = new QVBoxLayout(m_transferBox);
    m_transfer = wrappingLabel(m_transferBox);
    m_transfer->setObjectName(u"callTransfer"_s);
    transferLayout->addWidget(m_transfer);
    layout->addWidget(m_transferBox);

    m_recordingBox = new QGroupBox(tr("Recording"), m_content);
    auto *recordingLayout = new QVBoxLayout(m_recordingBox);
    m_player = new RecordingPlayer(m_api, m_recordingBox);
    m_recordingNote = wrappingLabel(m_recordingBox);
    m_recordingNote->setForegroundRole(QPalette::PlaceholderText);
    recordingLayout->addWidget(m_player);
    recordingLayout->addWidget(m_recordingNote);
    m_sharesList = new RecordingSharesList(m_api, m_toasts, m_recordingBox);
    recordingLayout->addWidget(m_sharesList);
    layout->addWidget(m_recordingBox);

    auto *transcriptBox = new QGroupBox(tr("Transcript"), m_content);
    auto *transcriptLayout = new QVBoxLayout(transcriptBox);
    m_transcript = new TranscriptView(transcriptBox);
    m_transcript->setMinimumHeight(140);
    transcriptLayout->addWidget(m_transcript);
    m_marksLegend = wrappingLabel(transcriptBox);
    m_marksLegend->setObjectName(u"transcriptMarksLegend"_s);
    m_marksLegend->setForegroundRole(QPalette::PlaceholderText);
    transcriptLayout->addWidget(m_marksLegend);
    // The transcript follows the recording, and a click on a line plays from there.
    connect(m_player, &RecordingPlayer::positionChanged, m_transcript,
            &TranscriptView::setPosition);
    connect(m_transcript, &TranscriptView::seekRequested, this, [this](qint64 ms) {
        if (m_player->isVisible() && m_player->isEnabled())
            m_player->playFrom(ms);
    });
    layout->addWidget(transcriptBox, 1);

    m_review = new CallReviewBox(m_api, m_toasts, m_content);
    layout->addWidget(m_review);

    connect(m_share, &QPushButton::clicked, this, &CallDetailPanel::startShare);
    connect(m_export, &QPushButton::clicked, this, &CallDetailPanel::startExport);
    connect(m_followUp, &QPushButton::clicked, this, &CallDetailPanel::startFollowUp);
    connect(m_openContact, &QPushButton::clicked, this, [this] {
        if (!m_call.contactId.isEmpty())
            emit openContact(m_call.contactId);
    });
    clear();
}

void CallDetailPanel::clear()
{
    ++m_detailGeneration;
    m_call = {};
    m_player->clear();
    m_sharesList->showCall({});
    m_review->clear();
    m_content->hide();
    m_placeholder->show();
}

void CallDetailPanel::togglePlayback()
{
    if (m_player->isEnabled() && m_player->isVisible())
        m_player->togglePlay();
}

void CallDetailPanel::showCall(const CallRecord &call)
{
    const bool same = call.id == m_call.id;
    if (same && m_call.detailLoaded && !call.detailLoaded)
        return; // the list's copy of a call already shown in full
    if (!same) {
        m_player->clear();
        m_sharesList->showCall(call.id);
    }
    m_call = call;
    m_review->showCall(call.id);
    m_placeholder->hide();
    m_content->show();
    render();
    if (!call.detailLoaded)
        loadDetail();
}

void CallDetailPanel::callChanged(const CallRecord &call)
{
    if (call.id != m_call.id)
        return;
    m_call = call;
    render();
    loadDetail();
}

void CallDetailPanel::setFeatures(const FeatureAvailability &features)
{
    m_features = features;
    updateActions();
}

void CallDetailPanel::loadDetail()
{
    const int generation = ++m_detailGeneration;
    const QString id = m_call.id;
    m_api.calls().get(id, this, [this, generation](Result<CallRecord> detail) {
        if (generation != m_detailGeneration)
            return;
        if (!detail) {
            m_transcript->setMessage(
                tr("The transcript could not be loaded: %1").arg(detail.errorMessage()));
            return;
        }
        m_call = *detail;
        render();
        emit detailLoaded(m_call);
    });
}

void CallDetailPanel::render()
{
    const CallRecord &c = m_call;
    // A caller known by nothing but the number is the number, as people write it.
    const QString party =
        c.partyName() == c.phoneNumber ? phone::display(c.phoneNumber) : c.partyName();
    m_title->setText(DisplayFormat::personName(party));
    QStringList subtitle;
    if (!c.phoneNumber.isEmpty() && c.phoneNumber != c.partyName())
        subtitle << phone::display(c.phoneNumber);
    subtitle << DisplayFormat::dateTime(c.occurredAt);
    subtitle << DisplayFormat::direction(c.direction);
    if (c.durationSeconds > 0)
        subtitle << DisplayFormat::duration(c.durationSeconds);
    subtitle << DisplayFormat::callStatus(c.status);
    // The line wraps between its parts, never inside one ("1 min" / "15 s" reads as two facts).
    for (QString &part : subtitle)
        part.replace(u' ', QChar::Nbsp);
    m_subtitle->setText(subtitle.join(u"  ·  "_s));
    m_openContact->setVisible(!c.contactId.isEmpty());

    m_summary->setText(c.summary.isEmpty() ? tr("No summary for this call.") : c.summary);
    QStringList facts;
    if (!c.sentimentLabel.isEmpty()) {
        QString mood = tr("<b>Mood:</b> %1").arg(DisplayFormat::sentiment(c.sentimentLabel));
        if (!c.sentimentUrgency.isEmpty())
            mood += tr(" (urgency: %1)").arg(DisplayFormat::urgency(c.sentimentUrgency));
        facts << mood;
    }
    if (c.bookingConfirmed)
        facts << tr("<b>Booked:</b> yes");
    if (c.financialValueCents > 0)
        facts << tr("<b>Value:</b> %1").arg(DisplayFormat::money(c.financialValueCents));
    if (!c.matchedServices.isEmpty())
        facts << tr("<b>Services mentioned:</b> %1")
                     .arg(c.matchedServices.join(u", "_s).toHtmlEscaped());
    if (c.leadScore >= 0)
        facts << tr("<b>Lead score:</b> %1").arg(c.leadScore);
    m_facts->setText(facts.join(u"<br>"_s));
    m_facts->setVisible(!facts.isEmpty());

    m_transferBox->setVisible(!c.transferTo.isEmpty());
    if (!c.transferTo.isEmpty()) {
        QString text = tr("Transferred to %1").arg(c.transferTo);
        if (c.transferTime.isValid())
            text += tr(" at %1").arg(DisplayFormat::time(c.transferTime));
        if (!c.transferReason.isEmpty())
            text += tr(" — %1").arg(c.transferReason);
        m_transfer->setText(text);
    }

    m_recordingBox->setVisible(c.hasRecording || !c.recordingStatus.isEmpty());
    // Played through our server (the list item says whether there is a recording), never from
    // the provider's address.
    const bool playable = callactions::canShare(c);
    m_player->setVisible(playable);
    if (playable)
        m_player->setRecording(recordingroute::forCall(c.id));
    if (playable)
        m_recordingNote->hide();
    else {
        m_recordingNote->show();
        if (c.recordingStatus == u"pending" || c.recordingStatus == u"processing")
            m_recordingNote->setText(tr("The recording is still being processed."));
        else if (c.recordingStatus == u"failed")
            m_recordingNote->setText(tr("The recording of this call failed."));
        else if (c.hasRecording && !c.detailLoaded)
            m_recordingNote->setText(tr("Loading the recording…"));
        else
            m_recordingNote->setText(tr("No recording for this call."));
    }
    renderTranscript();
    updateActions();
}

void CallDetailPanel::renderTranscript()
{
    const CallRecord &c = m_call;
    m_marksLegend->hide();
    if (!c.detailLoaded) {
        m_transcript->setMessage(c.hasTranscript ? tr("Loading the transcript…")
                                                 : tr("No transcript for this call."));
        return;
    }
    if (c.messages.isEmpty()) {
        m_transcript->setMessage(c.transcript.isEmpty() ? tr("No transcript for this call.")
                                                        : c.transcript);
        return;
    }
    m_transcript->setLines(c.messages, c.matchedTerms);
    m_transcript->setPosition(m_player->position() > 0 ? m_player->position() : -1);
    if (m_transcript->markCount() > 0) {
        m_marksLegend->setText(tr("Marked: what the caller said about %1, which the call's value "
                                  "was counted from.")
                                   .arg(QLocale().createSeparatedList(c.matchedServices)));
        m_marksLegend->show();
    }
}

void CallDetailPanel::updateActions()
{
    const CallRecord &c = m_call;
    // Each action shows only when the call has what it acts on.
    m_share->setVisible(callactions::canShare(c));
    m_export->setVisible(callactions::canExport(c));
    m_followUp->setVisible(callactions::canFollowUp(c));
    // ...and switched off, saying why, when the clinic has not set the feature up.
    const bool smsOff = m_smsRefused || (m_features.known && !m_features.smsConfigured);
    const bool emailOff = m_emailRefused || (m_features.known && !m_features.emailConfigured);
    m_followUp->setEnabled(!smsOff);
    m_followUp->setToolTip(
        smsOff ? smsUnavailableText()
               : tr("Send %1 a follow-up text message").arg(phone::display(c.phoneNumber)));
    m_share->setEnabled(!emailOff);
    m_share->setToolTip(emailOff ? emailUnavailableText()
                                 : tr("E-mail a link to this recording (valid for 24 hours)"));
    m_export->setToolTip(tr("Save the transcript as a text file"));
}

void CallDetailPanel::markUnavailable(const Error &error, bool sms)
{
    if (!apierror::isNotConfigured(error))
        return;
    (sms ? m_smsRefused : m_emailRefused) = true;
    updateActions();
}

void CallDetailPanel::startShare()
{
    if (!callactions::canShare(m_call))
        return;
    auto *dialog = new ShareDialog(m_api, m_call.id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ShareDialog::shared, this, [this](const QString &email) {
        m_toasts.success(tr("The recording link was sent to %1.").arg(email));
        m_sharesList->reload();
    });
    connect(dialog, &ShareDialog::failed, this,
            [this](const Error &error) { markUnavailable(error, false); });
    dialog->open();
}

void CallDetailPanel::startFollowUp()
{
    if (!callactions::canFollowUp(m_call))
        return;
    const QString first = m_call.partyName().section(u' ', 0, 0);
    const QString suggestion =
        first.isEmpty() || first.startsWith(u'+')
            ? tr("Thanks for calling! Reply to this message or call us to book.")
            : tr("Hi %1, thanks for calling! Reply to this message or call us to book.").arg(first);
    auto *dialog = new FollowUpDialog(m_api, m_call.id, m_call.phoneNumber, suggestion, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FollowUpDialog::sent, this, [this](const MessageSent &receipt) {
        const QString to = phone::display(receipt.recipient).replace(u' ', QChar(0x00A0));
        if (receipt.confirmed)
            m_toasts.success(tr("Text message sent to %1.").arg(to));
        else
            m_toasts.info(tr("Twilio did not confirm the text to %1. It may have arrived, so do "
                             "not send it again: Recent activity will show the outcome in a few "
                             "minutes.")
                              .arg(to));
    });
    connect(dialog, &FollowUpDialog::failed, this,
            [this](const Error &error) { markUnavailable(error, true); });
    dialog->open();
}

void CallDetailPanel::startExport()
{
    if (!callactions::canExport(m_call))
        return;
    m_export->setEnabled(false);
    const QString id = m_call.id;
    m_api.calls().exportTranscript(id, this, [this, id](Result<TranscriptFile> file) {
        m_export->setEnabled(true);
        if (!file) {
            m_toasts.problem(file.error(), [this] { startExport(); });
            return;
        }
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        auto *dialog =
            new QFileDialog(this, tr("Save the transcript"), QDir(folder).filePath(file->fileName),
                            tr("Text files (*.txt)"));
        dialog->setObjectName(u"exportFileDialog"_s);
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setDefaultSuffix(u"txt"_s);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        const QByteArray text = file->text;
        connect(dialog, &QFileDialog::fileSelected, this, [this, text](const QString &path) {
            QFile out(path);
            if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                out.write(text) != text.size()) {
                m_toasts.problem(tr("The transcript could not be saved to %1: %2")
                                     .arg(QDir::toNativeSeparators(path), out.errorString()));
                return;
            }
            m_toasts.success(tr("Transcript saved to %1.").arg(QDir::toNativeSeparators(path)));
        });
        dialog->open();
    });
}

} // namespace vox::ui
