#include "ui/pages/leadspage.h"

#include "ui/api/apiclient.h"
#include "ui/models/leadsmodel.h"
#include "ui/widgets/columnfit.h"
#include "ui/widgets/csvexportbutton.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/leaddetailpanel.h"
#include "ui/widgets/listdetailsplitter.h"
#include "ui/widgets/statcard.h"
#include "ui/widgets/temperaturedelegate.h"
#include "ui/widgets/toastarea.h"

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

LeadsPage::LeadsPage(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : Page(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_model(new LeadsModel(api, this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_total(new StatCard(tr("All leads"), this))
    , m_hot(new StatCard(tr("Hot"), this))
    , m_warm(new StatCard(tr("Warm"), this))
    , m_cold(new StatCard(tr("Cold"), this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_table(new QTableView(this))
{
    setObjectName(u"leadsPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);

    auto *cards = new QHBoxLayout;
    cards->setSpacing(12);
    const QList<std::tuple<StatCard *, QString, QString>> all{
        {m_total, QString(), tr("Everyone who called")},
        {m_hot, u"hot"_s, tr("Score 70 or more: call back soon")},
        {m_warm, u"warm"_s, tr("Score 40 to 69")},
        {m_cold, u"cold"_s, tr("Score under 40")}};
    for (const auto &[card, temperature, caption] : all) {
        card->setObjectName(temperature.isEmpty() ? u"leadsCardAll"_s
                                                  : u"leadsCard_"_s + temperature);
        card->setCheckable(true);
        card->setCaption(caption);
        card->setToolTip(temperature.isEmpty()
                             ? tr("Show only these leads")
                             : tr("Show the leads to call back with this score (not those who "
                                  "booked or were lost)"));
        card->setAccent(temperature.isEmpty() ? QColor(0x60, 0x60, 0x60)
                                              : TemperatureDelegate::colorFor(temperature));
        cards->addWidget(card);
        connect(card, &StatCard::clicked, this,
                [this, temperature = temperature] { setTemperature(temperature); });
    }
    m_total->setChecked(true);
    layout->addLayout(cards);

    auto *filters = new QHBoxLayout;
    m_search->setObjectName(u"leadsSearch"_s);
    m_search->setPlaceholderText(tr("Search by name, phone or e-mail…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search leads"));
    filters->addWidget(m_search, 1);
    m_status->setObjectName(u"leadsStatusFilter"_s);
    m_status->setAccessibleName(tr("Lead status"));
    m_status->setAccessibleDescription(tr("Shows only the leads with this status"));
    m_status->addItem(tr("Any status"), QString());
    m_status->addItem(tr("New"), u"new"_s);
    m_status->addItem(tr("Contacted"), u"contacted"_s);
    m_status->addItem(tr("Booked"), u"booked"_s);
    m_status->addItem(tr("Lost"), u"lost"_s);
    filters->addWidget(m_status);
    m_export = new CsvExportButton(
        api, toasts, u"contacts"_s, tr("leads"), [this] { return m_model->query().toUrlQuery(); },
        this);
    filters->addWidget(m_export);
    layout->addLayout(filters);

    m_hiddenNote = new QFrame(this);
    m_hiddenNote->setObjectName(u"leadHiddenNote"_s);
    auto *note = new QHBoxLayout(m_hiddenNote);
    note->setContentsMargins(0, 0, 0, 0);
    m_hiddenText = new QLabel(m_hiddenNote);
    m_hiddenText->setWordWrap(true);
    note->addWidget(m_hiddenText, 1);
    auto *everyone = new QPushButton(tr("Show all leads"), m_hiddenNote);
    everyone->setObjectName(u"showAllLeadsButton"_s);
    note->addWidget(everyone);
    connect(everyone, &QPushButton::clicked, this, &LeadsPage::showEveryone);
    m_hiddenNote->hide();
    layout->addWidget(m_hiddenNote);

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(LeadsModel::SortRole);
    m_table->setObjectName(u"leadsTable"_s);
    m_table->setAccessibleName(tr("Leads"));
    m_table->setAccessibleDescription(tr("The people who called, with their score and status. "
                                         "The chosen lead's details and actions are beside the "
                                         "list."));
    m_table->setModel(m_sorted);
    m_table->setItemDelegateForColumn(LeadsModel::TemperatureColumn,
                                      new TemperatureDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);

    m_table->horizontalHeader()->setHighlightSections(false);
    // Columns are as wide as what they show; the services asked about take what is left. The
    // name and number are never cut: when narrow, the score (its chip says as much), the last
    // contact and the call-back priority step aside (the lead's panel shows them).
    new ColumnFit(
        m_table, LeadsModel::InterestsColumn, {LeadsModel::NameColumn, LeadsModel::PhoneColumn},
        {LeadsModel::ScoreColumn, LeadsModel::LastContactedColumn, LeadsModel::PriorityColumn});
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(LeadsModel::LastContactedColumn, Qt::DescendingOrder);
    m_tableState = new EmptyState(m_table, this);

    m_detail = new LeadDetailPanel(api, toasts, this);
    layout->addWidget(new ListDetailSplitter(m_tableState, m_detail, this), 1);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(350);
    connect(&m_searchDelay, &QTimer::timeout, this, &LeadsPage::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    connect(m_status, &QComboBox::currentIndexChanged, this, &LeadsPage::applyFilters);
    m_statsDelay.setSingleShot(true);
    m_statsDelay.setInterval(800);
    connect(&m_statsDelay, &QTimer::timeout, this, &LeadsPage::loadStats);
    // Queued: when the chosen row is removed, the view moves to a neighbour while the model is
    // still removing; the rule looks once the removal is over.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LeadsPage::currentRowMoved, Qt::QueuedConnection);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &LeadsPage::updateHiddenNote);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LeadsPage::updateHiddenNote);
    connect(m_model, &LeadsModel::pageLoaded, this, [this] {
        // A lead opened before the list arrived is chosen once it is there.
        const int row = m_chosenId.isEmpty() ? -1 : m_model->rowOf(m_chosenId);
        if (row >= 0 && m_sorted->mapToSource(m_table->currentIndex()).row() != row)
            selectContact(m_chosenId);
        updateHiddenNote();
    });
    connect(m_model, &LeadsModel::loadingChanged, this, &LeadsPage::updateState);
    connect(m_model, &LeadsModel::pageLoaded, this, &LeadsPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &LeadsPage::updateState);
    connect(m_model, &LeadsModel::loadFailed, this, [this](const Error &error) {
        if (m_model->rowCount() == 0)
            m_tableState->showMessage(tr("The leads could not be loaded."), error.message,
                                      [this] { refresh(); });
        else
            m_toasts.problem(error, [this] { refresh(); });
    });
    connect(m_detail, &LeadDetailPanel::openCall, this, &LeadsPage::openCall);
    connect(m_detail, &LeadDetailPanel::contactShown, this, &LeadsPage::updateHiddenNote);
    connect(m_detail, &LeadDetailPanel::newAppointment, this, &LeadsPage::newAppointment);
}

StatCard *LeadsPage::card(const QString &temperature) const
{
    if (temperature == u"hot")
        return m_hot;
    if (temperature == u"warm")
        return m_warm;
    if (temperature == u"cold")
        return m_cold;
    return m_total;
}

void LeadsPage::activated()
{
    if (!m_loadedOnce)
        refresh();
}

void LeadsPage::refresh()
{
    m_loadedOnce = true;
    loadStats();
    applyFilters();
}

void LeadsPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void LeadsPage::setTemperature(const QString &temperature)
{
    m_temperature = temperature;
    for (const QString &t : {QString(), u"hot"_s, u"warm"_s, u"cold"_s})
        card(t)->setChecked(t == temperature);
    applyFilters();
}

void LeadsPage::applyFilters()
{
    m_loadedOnce = true;
    ContactQuery query;
    query.search = m_search->text();
    query.temperature = m_temperature;
    // Hot, warm and cold are the call-back list: a lead who booked (or was lost) is done.
    query.callBack = !m_temperature.isEmpty();
    query.status = m_status->currentData().toString();
    m_model->setQuery(query);
    updateState();
}

void LeadsPage::loadStats()
{
    m_api.contacts().stats(this, [this](Result<LeadStats> stats) {
        if (!stats)
            return;
        m_total->setValue(QString::number(stats->total));
        m_hot->setValue(QString::number(stats->hot));
        m_warm->setValue(QString::number(stats->warm));
        m_cold->setValue(QString::number(stats->cold));
    });
}

void LeadsPage::updateState()
{
    const int rows = m_model->rowCount();
    if (m_model->isLoading() && rows == 0)
        m_tableState->showMessage(tr("Loading leads…"));
    else if (rows == 0 && m_model->hasLoaded())
        m_tableState->showMessage(m_model->query() == ContactQuery{} ? tr("No leads yet.")
                                                                     : tr("No leads match."),
                                  m_model->query() == ContactQuery{}
                                      ? tr("Everyone who calls the clinic becomes a lead here.")
                                      : tr("Try another card, status or search."));
    else if (rows > 0)
        m_tableState->showContent();
}

void LeadsPage::selectContact(const QString &contactId)
{
    m_chosenId = contactId;
    m_detail->showContact(contactId);
    const int row = m_model->rowOf(contactId);
    if (row >= 0) {
        const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, 0));
        m_table->setCurrentIndex(index);
        m_table->scrollTo(index);
    } else {
        m_table->selectionModel()->clear();
    }
    updateHiddenNote();
}

int LeadsPage::sortedRow(const QModelIndex &tableIndex) const
{
    return m_sorted->mapToSource(tableIndex).row();
}

void LeadsPage::currentRowMoved()
{
    const ContactRecord *c = m_model->contactAt(sortedRow(m_table->currentIndex()));
    if (!c || c->id == m_chosenId)
        return;
    if (!m_chosenId.isEmpty() && m_model->rowOf(m_chosenId) < 0) {
        // The chosen person left the list (a call-back moved them out of Hot, say). Whoever
        // slid into their row was not chosen: nothing is selected, the detail stays theirs.
        m_table->selectionModel()->clear();
        updateHiddenNote();
        return;
    }
    m_chosenId = c->id;
    m_detail->showContact(c->id);
    updateHiddenNote();
}

void LeadsPage::updateHiddenNote()
{
    const bool hidden = !m_chosenId.isEmpty() && m_model->hasLoaded() && !m_model->isLoading() &&
                        m_model->rowOf(m_chosenId) < 0;
    if (hidden) {
        const QString name = m_detail->contactName();
        m_hiddenText->setText(
            name.isEmpty()
                ? tr("The lead shown on the right is not in this list (its filters hide it).")
                : tr("%1, shown on the right, is not in this list (its filters hide them).")
                      .arg(name));
    }
    m_hiddenNote->setVisible(hidden);
}

void LeadsPage::showEveryone()
{
    m_search->clear();
    m_searchDelay.stop();
    m_status->setCurrentIndex(0);
    setTemperature(QString()); // reads the list again; pageLoaded then chooses the lead
}

void LeadsPage::applyEvent(const LiveEvent &event)
{
    m_detail->applyEvent(event);
    if (!m_loadedOnce)
        return;
    m_model->applyEvent(event);
    if (event.type.startsWith(u"contact."_s) || event.type == u"lead.hot" ||
        event.type == u"call.updated")
        m_statsDelay.start();
}

bool LeadsPage::openRecord(const QString &entityType, const QString &id)
{
    if (entityType != u"contact" && entityType != u"lead")
        return false;
    if (!m_loadedOnce)
        refresh();
    selectContact(id);
    return true;
}

} // namespace vox::ui
