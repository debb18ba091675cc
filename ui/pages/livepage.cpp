#include "ui/pages/livepage.h"

#include "core/phonenumber.h"
#include "ui/api/apiclient.h"
#include "ui/models/livecallsmodel.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/listenpanel.h"
#include "ui/widgets/toastarea.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

LivePage::LivePage(ApiClient &api, ToastArea &toasts, LiveCallsModel &calls, QWidget *parent)
    : Page(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_client(api)
    , m_model(calls)
    , m_heading(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_chosenLabel(new QLabel(this))
    , m_listen(new ListenPanel(api, this))
    , m_transcript(new QPlainTextEdit(this))
    , m_message(new QLineEdit(this))
    , m_whisper(new QPushButton(tr("&Whisper to AI"), this))
    , m_say(new QPushButton(tr("Sa&y to caller"), this))
    , m_destinations(new QComboBox(this))
    , m_transfer(new QPushButton(tr("&Transfer…"), this))
    , m_mute(new QPushButton(tr("&Mute AI"), this))
    , m_end(new QPushButton(tr("&End call…"), this))
{
    setObjectName(u"livePage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);

    m_heading->setObjectName(u"liveHeading"_s);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_heading->setFont(big);
    m_heading->setText(tr("Calls in progress"));
    layout->addWidget(m_heading);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_list->setObjectName(u"liveCallList"_s);
    m_list->setAccessibleName(tr("Calls in progress"));
    m_list->setAccessibleDescription(
        tr("Each call with its caller, how long it has run and who is speaking."));
    m_list->setMinimumWidth(240);
    // Each call is two lines (who, then time and speaker): a gap keeps the calls apart.
    m_list->setSpacing(4);
    m_listState = new EmptyState(m_list, this);
    split->addWidget(m_listState);

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(8, 0, 0, 0);
    m_chosenLabel->setObjectName(u"liveChosen"_s);
    m_chosenLabel->setWordWrap(true);
    m_chosenLabel->setTextFormat(Qt::PlainText);
    detailLayout->addWidget(m_chosenLabel);
    detailLayout->addWidget(m_listen);
    m_transcript->setObjectName(u"liveTranscript"_s);
    m_transcript->setReadOnly(true);
    m_transcript->setAccessibleName(tr("Live transcript"));
    m_transcript->setAccessibleDescription(
        tr("What the caller and the AI say on the chosen call, as they say it"));
    m_transcript->setPlaceholderText(tr("What is said on the chosen call appears here."));
    detailLayout->addWidget(m_transcript, 1);

    auto *actions = new QGridLayout;
    m_message->setObjectName(u"liveMessage"_s);
    m_message->setPlaceholderText(tr("A note for the AI, or words to say to the caller"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setMaxLength(1000);
    m_whisper->setObjectName(u"liveWhisper"_s);
    m_whisper->setToolTip(tr("The AI reads this note; the caller does not hear it."));
    m_say->setObjectName(u"liveSay"_s);
    m_say->setToolTip(tr("The AI says these words to the caller."));
    actions->addWidget(m_message, 0, 0, 1, 3);
    actions->addWidget(m_whisper, 0, 3);
    actions->addWidget(m_say, 0, 4);
    m_destinations->setObjectName(u"liveDestinations"_s);
    m_destinations->setAccessibleName(tr("Transfer to"));
    m_transfer->setObjectName(u"liveTransfer"_s);
    m_mute->setObjectName(u"liveMute"_s);
    m_mute->setToolTip(tr("Stop the AI speaking while you listen; press again to let it speak."));
    m_end->setObjectName(u"liveEnd"_s);
    auto *transferLabel = new QLabel(tr("T&ransfer to:"), this);
    transferLabel->setBuddy(m_destinations);
    actions->addWidget(transferLabel, 1, 0);
    actions->addWidget(m_destinations, 1, 1, 1, 2);
    actions->addWidget(m_transfer, 1, 3);
    actions->addWidget(m_mute, 1, 4);
    actions->addWidget(m_end, 2, 4);
    actions->setColumnStretch(1, 1);
    // Fusion sizes a button to its words with barely a margin, so a long label (Spanish "Decir a
    // quien llama") touches its border while short ones get room from the style's minimum width.
    for (QPushButton *button : {m_whisper, m_say, m_transfer, m_mute, m_end})
        button->setMinimumWidth(button->sizeHint().width() +
                                2 * button->fontMetrics().horizontalAdvance(u'M'));
    detailLayout->addLayout(actions);
    split->addWidget(detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    setTabOrder(m_list, m_listen->listenButton());
    setTabOrder(m_listen->listenButton(), m_listen->volumeSlider());
    setTabOrder(m_listen->volumeSlider(), m_message);
    setTabOrder(m_message, m_whisper);
    setTabOrder(m_whisper, m_say);
    setTabOrder(m_say, m_destinations);
    setTabOrder(m_destinations, m_transfer);
    setTabOrder(m_transfer, m_mute);
    setTabOrder(m_mute, m_end);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        m_chosenId =
            row >= 0 && row < m_model.calls().size() ? m_model.calls().at(row).id : QString();
        showChosen();
    });
    connect(m_whisper, &QPushButton::clicked, this, &LivePage::whisper);
    connect(m_say, &QPushButton::clicked, this, &LivePage::say);
    connect(m_message, &QLineEdit::returnPressed, this, &LivePage::whisper);
    connect(m_message, &QLineEdit::textChanged, this, &LivePage::updateActions);
    connect(m_transfer, &QPushButton::clicked, this, &LivePage::transfer);
    connect(m_mute, &QPushButton::clicked, this, &LivePage::toggleMute);
    connect(m_end, &QPushButton::clicked, this, &LivePage::endCall);

    // The list is the model's calls: rebuilt when the calls change, a row redrawn when its time
    // ticks or its speaker changes, the transcript when the chosen call's lines change.
    connect(&m_model, &QAbstractItemModel::modelReset, this, [this] {
        rebuildList();
        if (m_model.calls().isEmpty())
            m_listState->showMessage(tr("No calls in progress"),
                                     tr("A call appears here as soon as the AI answers it."));
        else
            m_listState->showContent();
        showChosen();
    });
    connect(&m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) {
                for (int row = from.row(); row <= to.row(); ++row)
                    updateRow(row);
            });
    connect(&m_model, &LiveCallsModel::linesChanged, this, [this](const QString &id) {
        if (id == m_chosenId)
            showChosen();
    });
    connect(&m_model, &LiveCallsModel::loadFailed, this, [this](const QString &message) {
        m_listState->showMessage(tr("The calls in progress could not be read"), message,
                                 [this] { refresh(); });
    });
    connect(&m_model, &LiveCallsModel::loaded, this, &LivePage::loaded);
    rebuildList();
    if (m_model.calls().isEmpty())
        m_listState->showMessage(tr("No calls in progress"),
                                 tr("A call appears here as soon as the AI answers it."));
    showChosen();
}

void LivePage::activated()
{
    // The calls are usually read already (the dashboard shows them from sign-in); the
    // destinations are read on each visit, as an admin may have changed them in Settings.
    if (!m_model.loadedOnce())
        m_model.reload();
    loadDestinations();
}

void LivePage::refresh()
{
    m_model.reload();
    loadDestinations();
}

void LivePage::applyEvent(const LiveEvent &event)
{
    if (event.type == u"transfer_destination.updated")
        loadDestinations();
}

void LivePage::loadDestinations()
{
    m_client.destinations(this, [this](Result<QList<TransferDestination>> destinations) {
        if (destinations)
            showDestinations(*destinations);
    });
}

void LivePage::showCalls(const QList<LiveCall> &calls)
{
    m_model.setCalls(calls);
}

void LivePage::showDestinations(const QList<TransferDestination> &destinations)
{
    // In the clinic's order, the one the AI tries them in.
    m_destinationList = TransferDestination::inOrder(destinations);
    // Read again on each visit: the one chosen stays chosen while it is still there.
    const QString chosen = m_destinations->currentData().toString();
    m_destinations->clear();
    for (const TransferDestination &d : std::as_const(m_destinationList)) {
        m_destinations->addItem(d.emergency ? tr("%1 (emergencies)").arg(d.name) : d.name, d.id);
        if (!d.description.isEmpty())
            m_destinations->setItemData(m_destinations->count() - 1, d.description,
                                        Qt::ToolTipRole);
    }
    if (const int kept = m_destinations->findData(chosen); kept >= 0)
        m_destinations->setCurrentIndex(kept);
    updateActions();
}

const LiveCall *LivePage::chosen() const
{
    return m_chosenId.isEmpty() ? nullptr : m_model.find(m_chosenId);
}

void LivePage::rebuildList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    int chosenRow = -1;
    const QList<LiveCall> &calls = m_model.calls();
    for (int row = 0; row < calls.size(); ++row) {
        m_list->addItem(QString());
        updateRow(row);
        if (calls.at(row).id == m_chosenId)
            chosenRow = row;
    }
    if (chosenRow < 0 && !calls.isEmpty()) {
        chosenRow = 0;
        m_chosenId = calls.first().id;
    }
    if (calls.isEmpty())
        m_chosenId.clear();
    m_list->setCurrentRow(chosenRow);
}

void LivePage::updateRow(int row)
{
    if (row < 0 || row >= m_model.calls().size() || row >= m_list->count())
        return;
    const LiveCall &call = m_model.calls().at(row);
    // Two lines: who, then how long and what is happening (the dashboard's panel says the same).
    const QString text = u"%1\n%2 · %3"_s.arg(
        LiveCallsModel::callerText(call),
        LiveCallsModel::elapsedText(call.startedAt, QDateTime::currentDateTimeUtc()),
        LiveCallsModel::stateText(call));
    QListWidgetItem *item = m_list->item(row);
    item->setText(text);
    item->setToolTip(phone::display(call.phoneNumber));
}

void LivePage::showChosen()
{
    const LiveCall *call = chosen();
    m_listen->setCall(call ? call->id : QString());
    if (!call) {
        m_chosenLabel->setText(tr("Choose a call to follow it."));
        m_transcript->clear();
        updateActions();
        return;
    }
    const QString who =
        call->callerName.isEmpty() ? phone::display(call->phoneNumber) : call->callerName;
    m_chosenLabel->setText(
        call->callerName.isEmpty() || call->phoneNumber.isEmpty()
            ? who
            : u"%1 · %2"_s.arg(call->callerName, phone::display(call->phoneNumber)));
    QStringList text;
    for (const LiveLine &line : call->lines)
        text << (line.role == u"user" ? tr("Caller: %1") : tr("AI: %1")).arg(line.text);
    if (!call->partialText.isEmpty())
        text << (call->partialRole == u"user" ? tr("Caller: %1…") : tr("AI: %1…"))
                    .arg(call->partialText);
    QScrollBar *bar = m_transcript->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    m_transcript->setPlainText(text.join(u'\n'));
    // Follows the conversation unless the reader scrolled back to read something.
    if (atEnd)
        bar->setValue(bar->maximum());
    updateActions();
}

void LivePage::updateActions()
{
    const LiveCall *call = chosen();
    const bool can = call && call->canControl && !m_busy;
    const bool words = !m_message->text().trimmed().isEmpty();
    m_whisper->setEnabled(can && words);
    m_say->setEnabled(can && words);
    m_message->setEnabled(call && call->canControl);
    m_destinations->setEnabled(can && m_destinations->count() > 0);
    m_transfer->setEnabled(can && m_destinations->count() > 0);
    m_mute->setEnabled(can);
    m_mute->setText(call && m_muted.contains(call->id) ? tr("Un&mute AI") : tr("&Mute AI"));
    const bool admin = m_api.session().isAdmin();
    m_end->setEnabled(can && admin);
    m_end->setToolTip(admin ? tr("Hang up on the caller.") : tr("Only an admin can end a call."));
    if (call && !call->canControl)
        m_chosenLabel->setToolTip(tr("This call cannot be taken over: Vapi gave it no control "
                                     "address."));
}

void LivePage::send(const QJsonObject &action, const QString &done)
{
    const LiveCall *call = chosen();
    if (!call)
        return;
    m_busy = true;
    updateActions();
    const QString type = action.value(u"type"_s).toString();
    const QString id = call->id;
    m_client.control(id, action, this, [this, done, type, id](Result<QJsonObject> answer) {
        m_busy = false;
        if (!answer) {
            m_toasts.problem(answer.error());
        } else {
            if (type == u"mute")
                m_muted.insert(id);
            else if (type == u"unmute")
                m_muted.remove(id);
            else if (type == u"say" || type == u"whisper")
                m_message->clear();
            m_toasts.success(done);
        }
        updateActions();
    });
}

void LivePage::whisper()
{
    const QString text = m_message->text().trimmed();
    if (text.isEmpty() || !m_whisper->isEnabled())
        return;
    send({{u"type"_s, u"whisper"_s}, {u"content"_s, text}}, tr("The AI has your note."));
}

void LivePage::say()
{
    const QString text = m_message->text().trimmed();
    if (text.isEmpty() || !m_say->isEnabled())
        return;
    send({{u"type"_s, u"say"_s}, {u"content"_s, text}}, tr("The AI is saying it to the caller."));
}

void LivePage::toggleMute()
{
    const LiveCall *call = chosen();
    if (!call)
        return;
    const bool muted = m_muted.contains(call->id);
    send({{u"type"_s, muted ? u"unmute"_s : u"mute"_s}},
         muted ? tr("The AI speaks again.") : tr("The AI is muted."));
}

void LivePage::transfer()
{
    const LiveCall *call = chosen();
    const QString destination = m_destinations->currentData().toString();
    if (!call || destination.isEmpty())
        return;
    const QString who =
        call->callerName.isEmpty() ? phone::display(call->phoneNumber) : call->callerName;
    Confirmation ask{tr("Transfer the call?"),
                     tr("%1 will be put through to %2. The AI leaves the call; this cannot be "
                        "undone.")
                         .arg(who, m_destinations->currentText()),
                     tr("Transfer"), tr("Keep the call"), u"liveTransferConfirmation"_s};
    ask.open(this, [this, destination] {
        send({{u"type"_s, u"transfer"_s}, {u"destination_id"_s, destination}},
             tr("The call is being transferred."));
    });
}

void LivePage::endCall()
{
    const LiveCall *call = chosen();
    if (!call)
        return;
    const QString who =
        call->callerName.isEmpty() ? phone::display(call->phoneNumber) : call->callerName;
    Confirmation ask{tr("End the call?"),
                     tr("The call with %1 ends now. This cannot be undone.").arg(who),
                     tr("End call"), tr("Keep the call"), u"liveEndConfirmation"_s};
    ask.open(this, [this] { send({{u"type"_s, u"end"_s}}, tr("The call was ended.")); });
}

bool LivePage::openRecord(const QString &entityType, const QString &id)
{
    if (entityType != u"live")
        return false;
    m_chosenId = id;
    // A call already in the list is chosen at once; one not there yet comes with the next read.
    if (const int row = m_model.rowOf(id); row >= 0) {
        m_list->setCurrentRow(row);
        showChosen();
    } else {
        refresh();
    }
    return true;
}

} // namespace vox::ui
