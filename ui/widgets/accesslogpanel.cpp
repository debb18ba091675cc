#include "ui/widgets/accesslogpanel.h"

#include "ui/models/displayformat.h"
#include "ui/widgets/csvexportbutton.h"
#include "ui/widgets/toastarea.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// The date edits show "Any" at their minimum: no bound.
const QDate noBound(2000, 1, 1);

const QStringList loggedActions{
    u"call.viewed"_s,       u"recording.played"_s,       u"transcript.exported"_s,
    u"recording.shared"_s,  u"recording_share.opened"_s, u"contact.viewed"_s,
    u"inbox.read"_s,        u"csv.exported"_s,           u"call.listened_in"_s,
    u"call.listen_ended"_s, u"access_log.exported"_s};

enum Column { WhenColumn, PersonColumn, ActionColumn, PatientColumn, AddressColumn, ResultColumn };

QDateEdit *boundEdit(QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(noBound);
    edit->setSpecialValueText(AccessLogPanel::tr("Any"));
    edit->setDate(noBound);
    edit->setDisplayFormat(u"yyyy-MM-dd"_s);
    return edit;
}

} // namespace

QString AccessLogPanel::actionName(const QString &action)
{
    if (action == u"call.viewed")
        return tr("Opened a call and its transcript");
    if (action == u"recording.played")
        return tr("Played a recording");
    if (action == u"transcript.exported")
        return tr("Exported a transcript");
    if (action == u"recording.shared")
        return tr("Shared a recording");
    if (action == u"recording_share.opened")
        return tr("Opened a shared recording link");
    if (action == u"contact.viewed")
        return tr("Viewed a patient's history");
    if (action == u"inbox.read")
        return tr("Read patients' texts");
    if (action == u"csv.exported")
        return tr("Exported a list to CSV");
    if (action == u"access_log.exported")
        return tr("Exported the access log");
    if (action == u"call.listened_in")
        return tr("Listened in to a live call");
    if (action == u"call.listen_ended")
        return tr("Stopped listening to a live call");
    return action;
}

AccessLogPanel::AccessLogPanel(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : QGroupBox(tr("Access log"), parent)
    , m_client(api)
    , m_toasts(toasts)
{
    setObjectName(u"accessLogPanel"_s);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Every time someone opens a call's transcript, plays or shares a "
                                "recording, views a patient's history or reads patients' texts, "
                                "it is recorded here. Nobody can change or delete these records."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *filters = new QHBoxLayout;
    m_person = new QComboBox(this);
    m_person->setObjectName(u"accessLogPerson"_s);
    m_person->addItem(tr("Everyone"), QString());
    m_person->setAccessibleName(tr("Person"));
    m_person->setAccessibleDescription(tr("Show only what this person of the clinic looked at"));
    m_patient = new QLineEdit(this);
    m_patient->setObjectName(u"accessLogPatient"_s);
    m_patient->setPlaceholderText(tr("Patient's name or number"));
    m_patient->setClearButtonEnabled(true);
    m_patient->setMinimumWidth(200);
    m_action = new QComboBox(this);
    m_action->setObjectName(u"accessLogAction"_s);
    m_action->addItem(tr("All actions"), QString());
    m_action->setAccessibleName(tr("Action"));
    m_action->setAccessibleDescription(tr("Show only this kind of access"));
    for (const QString &action : loggedActions)
        m_action->addItem(actionName(action), action);
    m_from = boundEdit(this);
    m_from->setAccessibleName(tr("From"));
    m_from->setAccessibleDescription(tr("The first day shown; \"Any\" for no limit"));
    m_to = boundEdit(this);
    m_to->setAccessibleName(tr("To"));
    m_to->setAccessibleDescription(tr("The last day shown; \"Any\" for no limit"));
    filters->addWidget(m_person);
    filters->addWidget(m_patient, 1);
    filters->addWidget(m_action);
    layout->addLayout(filters);

    // The dates and the buttons on a second row, so the patient's box stays wide enough to read.
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(new QLabel(tr("From"), this));
    buttons->addWidget(m_from);
    buttons->addWidget(new QLabel(tr("to"), this));
    buttons->addWidget(m_to);
    auto *show = new QPushButton(tr("Show"), this);
    show->setObjectName(u"accessLogShow"_s);
    // Streamed to the file with its progress shown, as every list's export: a clinic's log of
    // years is never held in memory.
    m_export = new CsvExportButton(
        api, toasts, u"access-log"_s, tr("access log"),
        [this] { return queryFromForm().toUrlQuery(); }, this);
    m_export->setObjectName(u"accessLogExport"_s);
    buttons->addWidget(show);
    buttons->addWidget(m_export);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(show, &QPushButton::clicked, this, &AccessLogPanel::reload);
    connect(m_patient, &QLineEdit::returnPressed, this, &AccessLogPanel::reload);

    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(u"accessLogTable"_s);
    m_table->setAccessibleName(tr("Access log"));
    m_table->setAccessibleDescription(
        tr("Who opened patients' calls, recordings, histories and texts, newest first"));
    m_table->setHorizontalHeaderLabels(
        {tr("When"), tr("Person"), tr("Action"), tr("Patient"), tr("Address"), tr("Result")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(ActionColumn, QHeaderView::Stretch);
    m_table->setMinimumHeight(220);
    layout->addWidget(m_table, 1);
    m_empty = new QLabel(tr("No access matches these filters."), this);
    m_empty->hide();
    layout->addWidget(m_empty);
    m_more = new QPushButton(tr("Show more"), this);
    m_more->setObjectName(u"accessLogMore"_s);
    m_more->hide();
    connect(m_more, &QPushButton::clicked, this, &AccessLogPanel::loadMore);
    layout->addWidget(m_more, 0, Qt::AlignLeft);
}

void AccessLogPanel::setPeople(const QList<OrgUser> &people)
{
    const QString chosen = m_person->currentData().toString();
    while (m_person->count() > 1)
        m_person->removeItem(1);
    for (const OrgUser &user : people)
        m_person->addItem(user.fullName.isEmpty() ? user.email : user.fullName, user.id);
    const int again = m_person->findData(chosen);
    m_person->setCurrentIndex(again < 0 ? 0 : again);
}

AccessLogQuery AccessLogPanel::queryFromForm() const
{
    AccessLogQuery q;
    q.userId = m_person->currentData().toString();
    q.patient = m_patient->text();
    q.action = m_action->currentData().toString();
    if (m_from->date() > noBound)
        q.from = m_from->date();
    if (m_to->date() > noBound)
        q.to = m_to->date();
    return q;
}

void AccessLogPanel::reload()
{
    m_shownQuery = queryFromForm();
    m_table->setRowCount(0);
    m_nextCursor.clear();
    loadMore();
}

void AccessLogPanel::loadMore()
{
    const int generation = ++m_generation;
    m_more->setEnabled(false);
    m_client.list(m_shownQuery, m_nextCursor, this,
                  [this, generation](Result<ListPage<AccessLogEntry>> page) {
                      if (generation != m_generation)
                          return;
                      m_more->setEnabled(true);
                      if (!page) {
                          m_toasts.problem(page.error(), [this] { reload(); });
                          return;
                      }
                      append(page->items);
                      m_nextCursor = page->nextCursor;
                      m_more->setVisible(!m_nextCursor.isEmpty());
                      m_empty->setVisible(m_table->rowCount() == 0);
                  });
}

void AccessLogPanel::append(const QList<AccessLogEntry> &entries)
{
    for (const AccessLogEntry &e : entries) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QString patient =
            e.contactName.isEmpty() && !e.contactId.isEmpty() ? tr("(no name)") : e.contactName;
        const QStringList cells{DisplayFormat::dateTime(e.occurredAt),
                                e.userName,
                                actionName(e.action),
                                patient,
                                e.clientAddress,
                                e.result == u"refused" ? tr("Refused") : tr("Allowed")};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnToContents(WhenColumn);
    m_table->resizeColumnToContents(PersonColumn);
}

} // namespace vox::ui
