#include "ui/pages/todaypage.h"

#include "ui/api/apiclient.h"
#include "ui/api/contactrecord.h"
#include "ui/models/displayformat.h"
#include "ui/models/todaymodel.h"
#include "ui/widgets/appointmentdialog.h"
#include "ui/widgets/columnfit.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/livecallspanel.h"
#include "ui/widgets/toastarea.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

TodayPage::TodayPage(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : Page(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_model(new TodayModel(this))
    , m_heading(new QLabel(this))
    , m_table(new QTableView(this))
    , m_chosenLabel(new QLabel(this))
    , m_done(new QPushButton(tr("Done"), this))
    , m_called(new QPushButton(tr("Called"), this))
    , m_booked(new QPushButton(tr("Booked…"), this))
    , m_owner(new QComboBox(this))
    , m_note(new QLineEdit(this))
    , m_saveNote(new QPushButton(tr("Save note"), this))
{
    setObjectName(u"todayPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);

    m_heading->setObjectName(u"todayHeading"_s);
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_heading->setFont(big);
    m_heading->setText(tr("Who needs a call back today"));
    layout->addWidget(m_heading);

    m_table->setObjectName(u"todayTable"_s);
    m_table->setAccessibleName(tr("Today's call-back list"));
    m_table->setAccessibleDescription(
        tr("Who needs a person today, the most pressing first: urgent callers, unhappy callers, "
           "price questions without a booking, failed or transferred calls. The actions for the "
           "chosen person are under the list."));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
    m_table->horizontalHeader()->setHighlightSections(false);
    // The note takes what is left; the time and number are never cut.
    new ColumnFit(m_table, TodayModel::NoteColumn,
                  {TodayModel::WhenColumn, TodayModel::PhoneColumn});
    m_tableState = new EmptyState(m_table, this);
    layout->addWidget(m_tableState, 1);

    m_chosenLabel->setObjectName(u"todayChosen"_s);
    m_chosenLabel->setWordWrap(true);
    m_chosenLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_chosenLabel);

    auto *actions = new QHBoxLayout;
    m_done->setObjectName(u"todayDoneButton"_s);
    m_done->setAccessibleName(tr("Done"));
    m_done->setAccessibleDescription(tr("Takes the chosen person off today's list: nobody needs "
                                        "to call them"));
    m_done->setToolTip(m_done->accessibleDescription());
    m_called->setObjectName(u"todayCalledButton"_s);
    m_called->setAccessibleName(tr("Called"));
    m_called->setAccessibleDescription(tr("Says someone called the chosen person; they stay on "
                                          "the list, after those nobody has reached yet"));
    m_called->setToolTip(m_called->accessibleDescription());
    m_booked->setObjectName(u"todayBookedButton"_s);
    m_booked->setAccessibleName(tr("Booked"));
    m_booked->setAccessibleDescription(tr("Books an appointment for the chosen person; once it "
                                          "is booked they leave the list"));
    m_booked->setToolTip(m_booked->accessibleDescription());
    for (QPushButton *button : {m_done, m_called, m_booked})
        actions->addWidget(button);
    actions->addSpacing(16);
    auto *ownerLabel = new QLabel(tr("&Owner:"), this);
    ownerLabel->setBuddy(m_owner);
    actions->addWidget(ownerLabel);
    m_owner->setObjectName(u"todayOwnerBox"_s);
    m_owner->setAccessibleName(tr("Owner"));
    m_owner->setAccessibleDescription(tr("The person at the clinic who looks after the chosen "
                                         "caller today"));
    m_owner->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    actions->addWidget(m_owner);
    actions->addStretch(1);
    layout->addLayout(actions);

    auto *noteRow = new QHBoxLayout;
    auto *noteLabel = new QLabel(tr("&Note:"), this);
    noteLabel->setBuddy(m_note);
    noteRow->addWidget(noteLabel);
    m_note->setObjectName(u"todayNoteField"_s);
    m_note->setAccessibleName(tr("Note"));
    m_note->setAccessibleDescription(tr("A note on the chosen caller that every console shows; "
                                        "Enter saves it"));
    m_note->setPlaceholderText(tr("For example: left a voicemail, call after 3 pm"));
    m_note->setMaxLength(2000);
    noteRow->addWidget(m_note, 1);
    m_saveNote->setObjectName(u"todaySaveNoteButton"_s);
    m_saveNote->setAccessibleName(tr("Save note"));
    m_saveNote->setAccessibleDescription(tr("Saves the note on the chosen caller"));
    noteRow->addWidget(m_saveNote);
    layout->addLayout(noteRow);

    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(400);
    connect(&m_reloadDelay, &QTimer::timeout, this, &TodayPage::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TodayPage::chosenRowChanged);
    connect(m_done, &QPushButton::clicked, this, [this] { setState(u"done"_s); });
    connect(m_called, &QPushButton::clicked, this, [this] { setState(u"called"_s); });
    connect(m_booked, &QPushButton::clicked, this, &TodayPage::book);
    connect(m_owner, &QComboBox::activated, this, &TodayPage::setOwner);
    connect(m_saveNote, &QPushButton::clicked, this, &TodayPage::saveNote);
    connect(m_note, &QLineEdit::returnPressed, this, &TodayPage::saveNote);
    connect(m_note, &QLineEdit::textEdited, this, [this] {
        const TodayEntry *e = chosen();
        m_saveNote->setEnabled(e && m_note->text().trimmed() != e->note);
    });
    showChosen();
}

void TodayPage::setLiveCalls(LiveCallsModel &calls)
{
    if (m_livePanel)
        return;
    m_livePanel = new LiveCallsPanel(calls, this);
    m_livePanel->setObjectName(u"todayLiveCallsPanel"_s);
    m_livePanel->setHiddenWhenIdle(true);
    // Above the list: a caller on the line now comes before one to call back. It sits before the
    // list in the Tab order too, as it does on the screen.
    auto *column = static_cast<QVBoxLayout *>(layout());
    column->insertWidget(0, m_livePanel);
    setTabOrder(m_livePanel->table(), m_table);
    connect(m_livePanel, &LiveCallsPanel::openCallRequested, this, &TodayPage::liveCallRequested);
}

void TodayPage::activated()
{
    if (!m_loadedOnce)
        refresh();
}

void TodayPage::refresh()
{
    m_loadedOnce = true;
    m_reloadDelay.stop();
    m_loading = true;
    updateEmptyState();
    m_api.today().list(this, [this](Result<TodayList> list) {
        m_loading = false;
        if (!list) {
            m_failed = true;
            if (m_model->rowCount() == 0)
                m_tableState->showMessage(tr("Today's list could not be loaded."),
                                          list.error().message, [this] { refresh(); });
            else
                m_toasts.problem(list.error(), [this] { refresh(); });
            return;
        }
        m_failed = false;
        m_people = list->people;
        {
            // Reading again never moves the choice to someone else: the chosen person is chosen
            // again if they are still listed, otherwise nobody is.
            const QSignalBlocker quiet(m_table->selectionModel());
            m_model->setEntries(list->entries);
            const int row = m_model->rowOf(m_chosenId);
            if (row >= 0)
                m_table->setCurrentIndex(m_model->index(row, 0));
            else
                m_chosenId.clear();
        }
        showChosen();
        updateEmptyState();
        emit loaded();
    });
}

void TodayPage::updateEmptyState()
{
    if (m_model->rowCount() > 0) {
        m_tableState->showContent();
        return;
    }
    if (m_loading && !m_failed)
        m_tableState->showMessage(tr("Loading today's list…"));
    else if (!m_failed)
        m_tableState->showMessage(tr("Nobody is waiting for a call back today"),
                                  tr("Urgent and unhappy callers, price questions without a "
                                     "booking and failed or transferred calls appear here."));
}

const TodayEntry *TodayPage::chosen() const
{
    return m_chosenId.isEmpty() ? nullptr : m_model->entryAt(m_model->rowOf(m_chosenId));
}

void TodayPage::selectEntry(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    m_table->setCurrentIndex(m_model->index(row, 0));
}

void TodayPage::chosenRowChanged()
{
    const TodayEntry *e = m_model->entryAt(m_table->currentIndex().row());
    const QString id = e ? e->id : QString();
    if (id == m_chosenId)
        return;
    // A note typed for the person before is kept for them, not dropped or given to the next.
    if (const TodayEntry *before = chosen();
        before && m_note->isModified() && m_note->text().trimmed() != before->note) {
        const QString note = m_note->text().trimmed();
        m_api.today().update(
            before->id,
            {{u"note"_s, note.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(note)}}, this,
            [this](Result<QJsonObject> answer) {
                if (!answer)
                    m_toasts.problem(answer.error());
                refresh();
            });
    }
    m_chosenId = id;
    m_note->setModified(false);
    showChosen();
}

void TodayPage::showChosen()
{
    const TodayEntry *e = chosen();
    for (QWidget *w : std::initializer_list<QWidget *>{m_done, m_called, m_booked, m_owner, m_note})
        w->setEnabled(e != nullptr);
    m_called->setEnabled(e && e->state != u"called");

    {
        const QSignalBlocker quiet(m_owner);
        m_owner->clear();
        m_owner->addItem(tr("Nobody yet"), QString());
        for (const TodayPerson &person : std::as_const(m_people))
            m_owner->addItem(person.name, person.id);
        m_owner->setCurrentIndex(e ? qMax(0, m_owner->findData(e->ownerId)) : 0);
    }
    if (!e) {
        m_chosenLabel->setText(m_model->rowCount() > 0
                                   ? tr("Choose someone in the list to mark, give or annotate.")
                                   : QString());
        m_note->clear();
        m_saveNote->setEnabled(false);
        return;
    }
    m_chosenLabel->setText(
        tr("%1: %2, at %3.")
            .arg(e->displayName(), TodayModel::reasonText(e->reason), DisplayFormat::time(e->at)));
    // A note being typed is not overwritten by a read (another console's change, say).
    if (!m_note->isModified())
        m_note->setText(e->note);
    m_saveNote->setEnabled(m_note->text().trimmed() != e->note);
}

void TodayPage::send(const QJsonObject &changes)
{
    const QString id = m_chosenId;
    if (id.isEmpty())
        return;
    m_api.today().update(id, changes, this, [this](Result<QJsonObject> answer) {
        if (!answer) {
            m_toasts.problem(answer.error());
            return;
        }
        refresh();
    });
}

void TodayPage::setState(const QString &state)
{
    send({{u"state"_s, state}});
}

void TodayPage::book()
{
    const TodayEntry *e = chosen();
    if (!e)
        return;
    auto *dialog = new AppointmentDialog(m_api, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!e->contactId.isEmpty()) {
        ContactRecord contact;
        contact.id = e->contactId;
        contact.name = e->name;
        contact.phoneNumber = e->phone;
        dialog->setContact(contact);
    } else {
        // A caller the clinic has no contact for yet: the dialog starts from what the call knew.
        dialog->nameField()->setText(e->name);
        dialog->phoneField()->setText(e->phone);
    }
    const QString id = e->id;
    connect(dialog, &AppointmentDialog::saved, this, [this, id](const AppointmentRecord &a) {
        m_toasts.success(
            tr("Booked %1 for %2 on %3.")
                .arg(a.serviceName, a.contactName, DisplayFormat::dateTime(a.scheduledTime)));
        if (m_chosenId == id)
            setState(u"booked"_s);
        else
            m_api.today().update(id, {{u"state"_s, u"booked"_s}}, this,
                                 [this](Result<QJsonObject>) { refresh(); });
    });
    dialog->open();
}

void TodayPage::setOwner()
{
    const QString owner = m_owner->currentData().toString();
    send({{u"owner_id"_s, owner.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(owner)}});
}

void TodayPage::saveNote()
{
    if (!chosen())
        return;
    const QString note = m_note->text().trimmed();
    m_note->setModified(false);
    send({{u"note"_s, note.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(note)}});
}

QString TodayPage::unsavedChanges() const
{
    const TodayEntry *e = chosen();
    if (!e || !m_note->isModified() || m_note->text().trimmed() == e->note)
        return {};
    return tr("The note on %1 is not saved.").arg(e->displayName());
}

void TodayPage::discardChanges()
{
    m_note->setModified(false);
    showChosen();
}

void TodayPage::applyEvent(const LiveEvent &event)
{
    if (!m_loadedOnce)
        return;
    // Anything that can put someone on the list or take them off: read it again, once for a
    // burst of events.
    static const QStringList relevant{u"today.updated"_s,       u"call.created"_s,
                                      u"call.updated"_s,        u"contact.created"_s,
                                      u"contact.updated"_s,     u"appointment.created"_s,
                                      u"appointment.updated"_s, u"appointment.cancelled"_s,
                                      u"message.created"_s,     u"settings.updated"_s};
    if (relevant.contains(event.type))
        m_reloadDelay.start();
}

} // namespace vox::ui
