#include "ui/widgets/transferdestinationsbox.h"

#include "core/phonenumber.h"
#include "ui/api/apiclient.h"
#include "ui/api/apierror.h"
#include "ui/models/weeklyhours.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/toastarea.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

enum Column { NameColumn, DescriptionColumn, NumberColumn, HoursColumn, EmergencyColumn };

// As the server keeps it (docs/api.md).
constexpr int descriptionLength = 200;

QList<transfer::Window> windowsOf(const TransferDestination &destination)
{
    auto parsed = transfer::parseHours(destination.hours);
    return parsed ? *parsed : QList<transfer::Window>{};
}

} // namespace

TransferDestinationsBox::TransferDestinationsBox(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : QGroupBox(tr("Transfer destinations"), parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_client(api)
{
    setObjectName(u"transferDestinationsBox"_s);
    auto *layout = new QVBoxLayout(this);
    auto *note = new QLabel(tr("Where callers are put through to a person. The AI transfers to "
                               "the first one open now, in this order (an emergency to one for "
                               "emergencies first); on the Live page you can choose any."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);

    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(u"transferDestinationsTable"_s);
    m_table->setAccessibleName(tr("Transfer destinations"));
    m_table->setAccessibleDescription(
        tr("In the order the AI tries them: each destination's name, description, number, the "
           "hours it takes calls and whether it is for emergencies; choose one to change it "
           "below or to move it"));
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Description"), tr("Number"), tr("Takes calls"), tr("Emergencies")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    m_table->setTextElideMode(Qt::ElideRight);

    // Beside the table: the order is the AI's, so moving is next to what it moves.
    auto *tableRow = new QHBoxLayout;
    tableRow->addWidget(m_table, 1);
    auto *moveColumn = new QVBoxLayout;
    m_moveUp = new QPushButton(tr("Move up"), this);
    m_moveUp->setObjectName(u"moveTransferDestinationUp"_s);
    m_moveUp->setAccessibleName(tr("Move the chosen destination up"));
    m_moveUp->setAccessibleDescription(tr("The AI tries it before the one above it now (Alt+Up)"));
    m_moveUp->setToolTip(tr("Try it earlier (Alt+Up)"));
    m_moveDown = new QPushButton(tr("Move down"), this);
    m_moveDown->setObjectName(u"moveTransferDestinationDown"_s);
    m_moveDown->setAccessibleName(tr("Move the chosen destination down"));
    m_moveDown->setAccessibleDescription(
        tr("The AI tries it after the one below it now (Alt+Down)"));
    m_moveDown->setToolTip(tr("Try it later (Alt+Down)"));
    moveColumn->addWidget(m_moveUp);
    moveColumn->addWidget(m_moveDown);
    moveColumn->addStretch();
    tableRow->addLayout(moveColumn);
    layout->addLayout(tableRow);
    // Anywhere in the box, so the keys work from the table as from the form.
    auto *upKey = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Up), this);
    upKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(upKey, &QShortcut::activated, this, [this] { move(-1); });
    auto *downKey = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Down), this);
    downKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(downKey, &QShortcut::activated, this, [this] { move(1); });
    connect(m_moveUp, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_moveDown, &QPushButton::clicked, this, [this] { move(1); });

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"transferName"_s);
    m_name->setMaxLength(100);
    m_name->setPlaceholderText(tr("Front desk"));
    m_name->setAccessibleDescription(tr("What the destination is called, as the AI and the Live "
                                        "page name it"));
    m_nameMessage = new FieldMessage(this);
    m_nameMessage->setObjectName(u"transferNameMessage"_s);
    addFieldRow(form, tr("Name:"), m_name, m_nameMessage, this);
    m_number = new QLineEdit(this);
    m_number->setObjectName(u"transferNumber"_s);
    m_number->setMaxLength(32);
    m_number->setPlaceholderText(u"+12125550142"_s);
    m_number->setAccessibleDescription(
        tr("The phone number callers are put through to, with + and its country code"));
    m_numberMessage = new FieldMessage(this);
    m_numberMessage->setObjectName(u"transferNumberMessage"_s);
    addFieldRow(form, tr("Number:"), m_number, m_numberMessage, this);
    m_description = new QLineEdit(this);
    m_description->setObjectName(u"transferDescription"_s);
    m_description->setMaxLength(descriptionLength);
    m_description->setPlaceholderText(tr("Dr Lee's mobile, surgeries only"));
    m_description->setAccessibleDescription(
        tr("A note for the people choosing where to transfer a call, up to %1 characters")
            .arg(descriptionLength));
    m_descriptionMessage = new FieldMessage(this);
    m_descriptionMessage->setObjectName(u"transferDescriptionMessage"_s);
    addFieldRow(form, tr("Description:"), m_description, m_descriptionMessage, this);

    auto *hours = new QWidget(this);
    auto *hoursLayout = new QVBoxLayout(hours);
    hoursLayout->setContentsMargins(0, 0, 0, 0);
    auto *daysRow = new QHBoxLayout;
    const QLocale locale;
    for (int day = 1; day <= 7; ++day) {
        auto *check = new QCheckBox(locale.dayName(day, QLocale::ShortFormat), hours);
        check->setObjectName(u"transferDay%1"_s.arg(day));
        // A screen reader says the whole day, not "Mon".
        check->setAccessibleName(tr("Takes calls on %1").arg(locale.dayName(day)));
        daysRow->addWidget(check);
        m_days << check;
        connect(check, &QCheckBox::toggled, this, [this] { m_hoursTouched = true; });
    }
    daysRow->addStretch();
    hoursLayout->addLayout(daysRow);
    auto *timesRow = new QHBoxLayout;
    m_opens = new QTimeEdit(QTime(9, 0), hours);
    m_opens->setObjectName(u"transferOpens"_s);
    m_opens->setDisplayFormat(u"HH:mm"_s);
    m_opens->setAccessibleName(tr("Takes calls from"));
    m_opens->setAccessibleDescription(tr("The time, in the clinic's time zone, calls start"));
    m_closes = new QTimeEdit(QTime(17, 0), hours);
    m_closes->setObjectName(u"transferCloses"_s);
    m_closes->setDisplayFormat(u"HH:mm"_s);
    m_closes->setAccessibleName(tr("Takes calls until"));
    m_closes->setAccessibleDescription(
        tr("A time at or before the opening time runs past midnight"));
    m_allDay = new QCheckBox(tr("All day"), hours);
    m_allDay->setObjectName(u"transferAllDay"_s);
    timesRow->addWidget(m_opens);
    timesRow->addWidget(new QLabel(tr("to"), hours));
    timesRow->addWidget(m_closes);
    timesRow->addWidget(m_allDay);
    timesRow->addStretch();
    hoursLayout->addLayout(timesRow);
    m_hoursMessage = new FieldMessage(hours);
    m_hoursMessage->setObjectName(u"transferHoursMessage"_s);
    hoursLayout->addWidget(m_hoursMessage);
    auto *hoursLabel = new QLabel(tr("Takes calls:"), this);
    form->addRow(hoursLabel, hours);
    for (QTimeEdit *edit : {m_opens, m_closes})
        connect(edit, &QTimeEdit::timeChanged, this, [this] { m_hoursTouched = true; });
    connect(m_allDay, &QCheckBox::toggled, this, [this] {
        m_hoursTouched = true;
        updateEnabled();
    });

    m_emergency = new QCheckBox(tr("For emergencies"), this);
    m_emergency->setObjectName(u"transferEmergency"_s);
    m_emergency->setToolTip(
        tr("A caller with an emergency is put through here before anywhere else."));
    form->addRow(QString(), m_emergency);
    layout->addLayout(form);

    m_readOnlyNote = new QLabel(tr("Only an admin can change the transfer destinations."), this);
    m_readOnlyNote->setObjectName(u"transferReadOnly"_s);
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_readOnlyNote);

    auto *buttons = new QHBoxLayout;
    m_new = new QPushButton(tr("New destination"), this);
    m_new->setObjectName(u"newTransferDestination"_s);
    m_remove = new QPushButton(tr("Remove…"), this);
    m_remove->setObjectName(u"removeTransferDestination"_s);
    m_remove->setAccessibleName(tr("Remove the chosen destination"));
    m_save = new QPushButton(tr("Save destination"), this);
    m_save->setObjectName(u"saveTransferDestination"_s);
    buttons->addWidget(m_new);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_save);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemSelectionChanged, this,
            &TransferDestinationsBox::chosenChanged);
    connect(m_new, &QPushButton::clicked, this, [this] {
        m_table->clearSelection();
        clearForm();
        m_name->setFocus();
    });
    connect(m_save, &QPushButton::clicked, this, &TransferDestinationsBox::save);
    connect(m_remove, &QPushButton::clicked, this, &TransferDestinationsBox::remove);
    connect(m_name, &QLineEdit::textEdited, m_nameMessage, &FieldMessage::clear);
    connect(m_number, &QLineEdit::textEdited, m_numberMessage, &FieldMessage::clear);
    connect(m_description, &QLineEdit::textEdited, m_descriptionMessage, &FieldMessage::clear);
    showDestinations({});
}

void TransferDestinationsBox::refresh()
{
    updateEnabled();
    m_client.destinations(this, [this](Result<QList<TransferDestination>> destinations) {
        if (!destinations)
            return; // an older server without destinations: the box stays as it is
        showDestinations(*destinations);
        emit loaded();
    });
}

QSize TransferDestinationsBox::sizeHint() const
{
    // A page that lays boxes side by side asks this, so a narrow window stacks them instead of
    // squeezing the table behind scroll bars with its rows half hidden.
    const QAbstractItemView *view = m_table;
    int tableWidth = 2 * m_table->frameWidth();
    for (int column = 0; column < m_table->columnCount(); ++column)
        tableWidth += std::max(view->sizeHintForColumn(column),
                               m_table->horizontalHeader()->sectionSizeHint(column));
    const QMargins margins = contentsMargins() + layout()->contentsMargins();
    const int wanted = margins.left() + tableWidth + layout()->spacing() +
                       std::max(m_moveUp->sizeHint().width(), m_moveDown->sizeHint().width()) +
                       margins.right();
    QSize hint = QGroupBox::sizeHint();
    hint.setWidth(std::max(hint.width(), wanted));
    return hint;
}

void TransferDestinationsBox::showDestinations(const QList<TransferDestination> &destinations)
{
    m_destinations = TransferDestination::inOrder(destinations);
    const QString keep = m_editingId;
    {
        const QSignalBlocker quiet(m_table);
        m_table->setRowCount(int(m_destinations.size()));
        for (int row = 0; row < m_destinations.size(); ++row) {
            const TransferDestination &d = m_destinations.at(row);
            const QStringList cells{d.name, d.description, phone::display(d.number),
                                    WeeklyHours::summary(windowsOf(d)),
                                    d.emergency ? tr("Yes") : tr("No")};
            for (int column = 0; column < cells.size(); ++column) {
                auto *item = new QTableWidgetItem(cells.at(column));
                item->setToolTip(cells.at(column));
                m_table->setItem(row, column, item);
            }
        }
        m_table->clearSelection();
        // As tall as its destinations, up to five; more scroll.
        m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                                qBound(1, int(m_destinations.size()), 5) *
                                    m_table->verticalHeader()->defaultSectionSize() +
                                2 * m_table->frameWidth());
    }
    updateGeometry(); // its width follows what the table shows
    // The destination being edited stays chosen when the list is read again.
    for (int row = 0; row < m_destinations.size(); ++row) {
        if (!keep.isEmpty() && m_destinations.at(row).id == keep) {
            m_table->selectRow(row);
            return;
        }
    }
    clearForm();
}

void TransferDestinationsBox::chosenChanged()
{
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    if (ranges.isEmpty()) {
        clearForm();
        return;
    }
    const TransferDestination &d = m_destinations.at(ranges.first().topRow());
    m_editingId = d.id;
    m_name->setText(d.name);
    // As readable as the table's column, with the country code the field asks for.
    m_number->setText(phone::editable(d.number));
    m_description->setText(d.description);
    m_emergency->setChecked(d.emergency);
    m_nameMessage->clear();
    m_numberMessage->clear();
    m_descriptionMessage->clear();
    const QList<transfer::Window> windows = windowsOf(d);
    const auto same = WeeklyHours::fromWindows(windows);
    const WeeklyHours shown = same.value_or(WeeklyHours{});
    for (int day = 1; day <= 7; ++day)
        m_days.at(day - 1)->setChecked(same && shown.days.contains(day));
    // All day leaves the times as office hours, for when the day is shortened again.
    m_opens->setTime(shown.allDay() ? QTime(9, 0) : shown.open);
    m_closes->setTime(shown.allDay() ? QTime(17, 0) : shown.close);
    m_allDay->setChecked(same && !shown.days.isEmpty() && shown.allDay());
    m_hoursVary = !same;
    m_hoursTouched = false;
    if (m_hoursVary)
        m_hoursMessage->showNote(tr("Its hours differ by day (%1 stretches); they are kept "
                                    "unless you choose days and times here.")
                                     .arg(windows.size()));
    else if (shown.days.isEmpty())
        m_hoursMessage->showNote(tr("No days chosen: the AI never transfers callers here."));
    else
        m_hoursMessage->clear();
    updateEnabled();
}

void TransferDestinationsBox::clearForm()
{
    m_editingId.clear();
    m_name->clear();
    m_number->clear();
    m_description->clear();
    m_descriptionMessage->clear();
    m_emergency->setChecked(false);
    // A new destination starts with office hours on weekdays, the usual front desk.
    for (int day = 1; day <= 7; ++day)
        m_days.at(day - 1)->setChecked(day <= 5);
    m_opens->setTime(QTime(9, 0));
    m_closes->setTime(QTime(17, 0));
    m_allDay->setChecked(false);
    m_nameMessage->clear();
    m_numberMessage->clear();
    m_hoursMessage->clear();
    m_hoursVary = false;
    m_hoursTouched = false;
    updateEnabled();
}

void TransferDestinationsBox::updateEnabled()
{
    const bool admin = m_api.session().isAdmin();
    for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_number, m_description, m_allDay,
                                                       m_emergency, m_new, m_save})
        w->setEnabled(admin && !m_busy);
    for (QCheckBox *day : std::as_const(m_days))
        day->setEnabled(admin && !m_busy);
    m_opens->setEnabled(admin && !m_busy && !m_allDay->isChecked());
    m_closes->setEnabled(admin && !m_busy && !m_allDay->isChecked());
    m_remove->setEnabled(admin && !m_busy && !m_editingId.isEmpty());
    const qsizetype at = chosenRow();
    m_moveUp->setEnabled(admin && !m_busy && at > 0);
    m_moveDown->setEnabled(admin && !m_busy && at >= 0 && at + 1 < m_destinations.size());
    m_save->setText(m_editingId.isEmpty() ? tr("Add destination") : tr("Save destination"));
    m_readOnlyNote->setVisible(!admin);
}

std::optional<QJsonObject> TransferDestinationsBox::checkedFields()
{
    bool ok = true;
    // Each check says again what is wrong now; what was put right loses its message.
    m_nameMessage->clear();
    m_numberMessage->clear();
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_nameMessage->showProblem(tr("Give the destination a name, such as Front desk."));
        ok = false;
    }
    // The same reading the server gives the number: international forms only, so a number is
    // never taken for one in the wrong country.
    auto number = phone::normalize(m_number->text(), QString());
    if (m_number->text().trimmed().isEmpty()) {
        m_numberMessage->showProblem(tr("Give the number to put callers through to."));
        ok = false;
    } else if (!number) {
        m_numberMessage->showProblem(
            tr("Write the number with + and its country code, such as +12125550142."));
        ok = false;
    }
    m_descriptionMessage->clear();
    const QString description = m_description->text().trimmed();
    if (description.size() > descriptionLength) {
        m_descriptionMessage->showProblem(
            tr("Keep the description to %1 characters or fewer.").arg(descriptionLength));
        ok = false;
    }
    QJsonObject fields{{u"name"_s, name},
                       {u"description"_s, description},
                       {u"emergency"_s, m_emergency->isChecked()}};
    if (number)
        fields.insert(u"number"_s, *number);
    if (!m_hoursVary || m_hoursTouched) {
        WeeklyHours hours;
        for (int day = 1; day <= 7; ++day) {
            if (m_days.at(day - 1)->isChecked())
                hours.days << day;
        }
        hours.open = m_allDay->isChecked() ? QTime(0, 0) : m_opens->time();
        hours.close = m_allDay->isChecked() ? QTime(0, 0) : m_closes->time();
        if (!m_allDay->isChecked() && hours.open == hours.close) {
            m_hoursMessage->showProblem(
                tr("The closing time is the opening time. Choose another, or tick All day."));
            ok = false;
        } else if (hours.days.isEmpty()) {
            m_hoursMessage->showNote(tr("No days chosen: the AI never transfers callers here."));
        } else {
            m_hoursMessage->clear();
        }
        fields.insert(u"hours"_s, transfer::hoursJson(hours.windows()));
    }
    // A new one goes last: the server numbers it after the others.
    if (!ok)
        return std::nullopt;
    return fields;
}

void TransferDestinationsBox::save()
{
    const auto fields = checkedFields();
    if (!fields)
        return;
    m_busy = true;
    updateEnabled();
    auto done = [this](Result<TransferDestination> stored) {
        m_busy = false;
        updateEnabled();
        if (!stored) {
            const Error &e = stored.error();
            if (e.code == apierror::conflict || e.subject == u"name")
                m_nameMessage->showProblem(e.message);
            else if (e.subject == u"number")
                m_numberMessage->showProblem(e.message);
            else if (e.subject == u"hours")
                m_hoursMessage->showProblem(e.message);
            else if (e.subject == u"description")
                m_descriptionMessage->showProblem(e.message);
            else
                m_toasts.problem(e);
            return;
        }
        m_toasts.success(tr("%1 saved.").arg(stored->name));
        m_editingId = stored->id;
        refresh();
        emit saved();
    };
    if (m_editingId.isEmpty())
        m_client.createDestination(*fields, this, std::move(done));
    else
        m_client.updateDestination(m_editingId, *fields, this, std::move(done));
}

qsizetype TransferDestinationsBox::chosenRow() const
{
    for (qsizetype row = 0; row < m_destinations.size(); ++row) {
        if (!m_editingId.isEmpty() && m_destinations.at(row).id == m_editingId)
            return row;
    }
    return -1;
}

void TransferDestinationsBox::move(int steps)
{
    const qsizetype from = chosenRow();
    const qsizetype to = from + steps;
    if (m_busy || !m_api.session().isAdmin() || from < 0 || to < 0 || to >= m_destinations.size())
        return;
    QStringList ids;
    for (const TransferDestination &d : std::as_const(m_destinations))
        ids.append(d.id);
    ids.move(from, to);
    m_busy = true;
    updateEnabled();
    m_client.reorderDestinations(ids, this, [this](Result<QList<TransferDestination>> reordered) {
        m_busy = false;
        if (!reordered) {
            updateEnabled();
            m_toasts.problem(reordered.error());
            // Someone else may have changed the list: show it as it is, edits kept.
            m_client.destinations(this, [this](Result<QList<TransferDestination>> listed) {
                if (listed)
                    showKeepingEdits(*listed);
            });
            return;
        }
        // Moving is not saving: what was typed into the form and not yet saved stays there.
        showKeepingEdits(*reordered);
        m_table->setFocus();
        emit saved();
    });
}

TransferDestinationsBox::FormState TransferDestinationsBox::formState() const
{
    FormState state{
        m_name->text(),  m_number->text(), m_description->text(), {},
        m_opens->time(), m_closes->time(), m_allDay->isChecked(), m_emergency->isChecked(),
        m_hoursTouched};
    for (const QCheckBox *day : m_days)
        state.days.append(day->isChecked());
    return state;
}

void TransferDestinationsBox::restoreForm(const FormState &state)
{
    m_name->setText(state.name);
    m_number->setText(state.number);
    m_description->setText(state.description);
    for (qsizetype day = 0; day < m_days.size() && day < state.days.size(); ++day)
        m_days.at(day)->setChecked(state.days.at(day));
    m_opens->setTime(state.opens);
    m_closes->setTime(state.closes);
    m_allDay->setChecked(state.allDay);
    m_emergency->setChecked(state.emergency);
    // Setting the boxes counts as touching them; only the person's own changes do.
    m_hoursTouched = state.hoursTouched;
    updateEnabled();
}

void TransferDestinationsBox::showKeepingEdits(const QList<TransferDestination> &destinations)
{
    const QString chosen = m_editingId;
    const FormState edits = formState();
    showDestinations(destinations);
    if (!chosen.isEmpty() && m_editingId == chosen)
        restoreForm(edits);
}

void TransferDestinationsBox::remove()
{
    const QString id = m_editingId;
    const QString name = m_name->text().trimmed();
    if (id.isEmpty())
        return;
    Confirmation ask{tr("Remove %1?").arg(name),
                     tr("Callers are no longer put through to %1: the AI and the Live page stop "
                        "offering it.")
                         .arg(name),
                     tr("Remove"), tr("Keep it"), u"removeTransferConfirmation"_s};
    ask.open(this, [this, id, name] {
        m_busy = true;
        updateEnabled();
        m_client.removeDestination(id, this, [this, name](Result<void> removed) {
            m_busy = false;
            if (!removed) {
                updateEnabled();
                m_toasts.problem(removed.error());
                return;
            }
            m_toasts.success(tr("%1 removed.").arg(name));
            m_editingId.clear();
            refresh();
            emit saved();
        });
    });
}

} // namespace vox::ui
