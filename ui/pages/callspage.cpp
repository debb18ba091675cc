#include "ui/pages/callspage.h"

#include "ui/api/apiclient.h"
#include "ui/models/callsmodel.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/calldetailpanel.h"
#include "ui/widgets/callreviewbox.h"
#include "ui/widgets/columnfit.h"
#include "ui/widgets/csvexportbutton.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/listdetailsplitter.h"
#include "ui/widgets/toastarea.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

QComboBox *filterBox(const QString &name, const QString &accessibleName,
                     const QList<std::pair<QString, QString>> &items, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(name);
    box->setAccessibleName(accessibleName);
    box->setAccessibleDescription(CallsPage::tr("Shows only the calls that match"));
    for (const auto &[text, value] : items)
        box->addItem(text, value);
    return box;
}

} // namespace

CallsPage::CallsPage(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : Page(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_model(new CallsModel(api, this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"callsPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);

    auto *filters = new QHBoxLayout;
    m_search->setObjectName(u"callsSearch"_s);
    m_search->setPlaceholderText(tr("Search by name, number or words said…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(200);
    m_search->setAccessibleName(tr("Search calls"));
    filters->addWidget(m_search, 2);
    m_direction = filterBox(u"callsDirection"_s, tr("Direction"),
                            {{tr("All calls"), QString()},
                             {tr("Incoming"), u"inbound"_s},
                             {tr("Outgoing"), u"outbound"_s}},
                            this);
    m_sentiment = filterBox(u"callsSentiment"_s, tr("Mood"),
                            {{tr("Any mood"), QString()},
                             {tr("Positive"), u"positive"_s},
                             {tr("Neutral"), u"neutral"_s},
                             {tr("Negative"), u"negative"_s}},
                            this);
    m_recording = filterBox(u"callsRecording"_s, tr("Recording"),
                            {{tr("With or without recording"), QString()},
                             {tr("With recording"), u"true"_s},
                             {tr("Without recording"), u"false"_s}},
                            this);
    m_period = filterBox(u"callsPeriod"_s, tr("Period"),
                         {{tr("Any time"), QString()},
                          {tr("Today"), u"today"_s},
                          {tr("Last 7 days"), u"7d"_s},
                          {tr("Last 30 days"), u"30d"_s}},
                         this);
    // Reviewed or not, or one review tag (the clinic's list, read with the calls).
    m_review = filterBox(u"callsReview"_s, tr("Review"),
                         {{tr("Reviewed or not"), QString()},
                          {tr("Reviewed"), u"reviewed"_s},
                          {tr("Not reviewed"), u"unreviewed"_s}},
                         this);
    m_review->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_review->setMinimumContentsLength(10);
    for (QComboBox *box : {m_direction, m_sentiment, m_recording, m_period, m_review})
        connect(box, &QComboBox::currentIndexChanged, this, &CallsPage::applyFilters);
    for (QComboBox *box : {m_direction, m_sentiment, m_recording, m_period})
        filters->addWidget(box);
    layout->addLayout(filters);

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(CallsModel::SortRole);
    m_table->setObjectName(u"callsTable"_s);
    m_table->setAccessibleName(tr("Calls"));
    m_table->setAccessibleDescription(
        tr("The clinic's calls, newest first. Arrows move between calls; the chosen call's "
           "recording, transcript and actions are beside the list."));
    m_table->setModel(m_sorted);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights keep scrolling through many thousands of rows cheap.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setMinimumSectionSize(40);
    // Columns are as wide as what they show; the time, the number and the value are never cut
    // (a value cut to "$14,…" says nothing), and the caller's name takes what is left. When the
    // list is narrow, what the call's panel shows anyway steps aside before a name is cut.
    new ColumnFit(m_table, CallsModel::ContactColumn,
                  {CallsModel::TimeColumn, CallsModel::CallerColumn, CallsModel::ValueColumn},
                  {CallsModel::DirectionColumn, CallsModel::RecordingColumn,
                   CallsModel::SentimentColumn, CallsModel::DurationColumn,
                   CallsModel::ValueColumn});
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CallsModel::TimeColumn, Qt::DescendingOrder);
    m_tableState = new EmptyState(m_table, this);

    m_detail = new CallDetailPanel(api, toasts, this);
    layout->addWidget(new ListDetailSplitter(m_tableState, m_detail, this), 1);
    m_status->setObjectName(u"callsStatus"_s);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_status, 1);
    // The review filter sits with the list's own line: the filters above fill a narrow window.
    footer->addWidget(m_review);
    m_export = new CsvExportButton(
        api, toasts, u"calls"_s, tr("calls"), [this] { return m_model->listQuery(); }, this);
    footer->addWidget(m_export);
    layout->addLayout(footer);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(350);
    connect(&m_searchDelay, &QTimer::timeout, this, &CallsPage::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay.stop();
        applyFilters();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CallsPage::showSelected);
    connect(m_model, &CallsModel::pageLoaded, this, [this] {
        updateStatus();
        // The chosen call comes back into the list once its page is loaded.
        if (!m_pendingSelection.isEmpty() && m_model->rowOf(m_pendingSelection) >= 0)
            selectCall(m_pendingSelection);
    });
    connect(m_model, &CallsModel::loadingChanged, this, &CallsPage::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CallsPage::updateStatus);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        const CallRecord *call = m_model->callAt(topLeft.row());
        if (call && call->id == m_detail->call().id)
            m_detail->callChanged(*call);
    });
    connect(m_model, &CallsModel::loadFailed, this, [this](const Error &error) {
        if (m_model->rowCount() == 0)
            m_tableState->showMessage(tr("The calls could not be loaded."), error.message,
                                      [this] { refresh(); });
        else
            m_toasts.problem(error, [this] { refresh(); });
    });
    connect(m_detail, &CallDetailPanel::openContact, this, &CallsPage::openContact);
    connect(m_detail->reviewBox(), &CallReviewBox::tagsChanged, this, &CallsPage::showReviewTags);
    // A review saved here changes which calls the review filter admits.
    connect(m_detail->reviewBox(), &CallReviewBox::saved, this, [this] {
        if (!m_model->reviewFilter().isEmpty())
            applyFilters();
    });

    // The keyboard goes search -> filters -> the list (one stop; arrows inside) -> the chosen
    // call's actions. Down in the search goes into the results, Escape clears the search, and
    // Space in the list plays or pauses the chosen call's recording.
    QWidget::setTabOrder(m_search, m_direction);
    QWidget::setTabOrder(m_direction, m_sentiment);
    QWidget::setTabOrder(m_sentiment, m_recording);
    QWidget::setTabOrder(m_recording, m_period);
    QWidget::setTabOrder(m_period, m_review);
    QWidget::setTabOrder(m_review, m_table);
    QWidget::setTabOrder(m_table, m_detail);
    QWidget::setTabOrder(m_detail, m_export);
    m_search->installEventFilter(this);
    auto *play =
        new QShortcut(QKeySequence(Qt::Key_Space), m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(play, &QShortcut::activated, m_detail, &CallDetailPanel::togglePlayback);
    updateStatus();
}

bool CallsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down && m_sorted->rowCount() > 0) {
            m_table->setFocus(Qt::TabFocusReason);
            if (!m_table->currentIndex().isValid())
                m_table->setCurrentIndex(m_sorted->index(0, 0));
            return true;
        }
        if (key == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
    }
    return Page::eventFilter(watched, event);
}

void CallsPage::activated()
{
    if (!m_loadedOnce)
        refresh();
}

void CallsPage::refresh()
{
    m_loadedOnce = true;
    applyFilters();
    m_detail->reviewBox()->client().reviewTags(this, [this](Result<QStringList> tags) {
        if (tags)
            showReviewTags(*tags);
    });
}

void CallsPage::showReviewTags(const QStringList &tags)
{
    const QString chosen = m_review->currentData().toString();
    const QSignalBlocker quiet(m_review);
    while (m_review->count() > 3)
        m_review->removeItem(3);
    if (!tags.isEmpty())
        m_review->insertSeparator(3);
    for (const QString &tag : tags)
        m_review->addItem(tr("Tagged “%1”").arg(tag), QString(u"tag:"_s + tag));
    const int index = m_review->findData(chosen);
    m_review->setCurrentIndex(qMax(0, index));
    // The tag chosen was taken off the list: the filter goes back to every call.
    if (index < 0)
        applyFilters();
}

void CallsPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void CallsPage::applyFilters()
{
    m_loadedOnce = true;
    CallQuery query;
    query.search = m_search->text();
    query.direction = m_direction->currentData().toString();
    query.sentiment = m_sentiment->currentData().toString();
    query.hasRecording = m_recording->currentData().toString();
    QUrlQuery reviewFilter;
    const QString review = m_review->currentData().toString();
    if (review == u"reviewed")
        reviewFilter.addQueryItem(u"reviewed"_s, u"true"_s);
    else if (review == u"unreviewed")
        reviewFilter.addQueryItem(u"reviewed"_s, u"false"_s);
    else if (review.startsWith(u"tag:"))
        reviewFilter.addQueryItem(u"tag"_s, review.mid(4));
    const QString period = m_period->currentData().toString();
    if (!period.isEmpty()) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDate today = DisplayFormat::inClinicZone(now).date();
        const int days = period == u"today" ? 0 : period == u"7d" ? 6 : 29;
        query.from = QDateTime(today.addDays(-days), QTime(0, 0), DisplayFormat::clinicTimeZone());
    }
    const QString selected = m_detail->call().id;
    m_model->setQuery(query, reviewFilter);
    if (!selected.isEmpty() && m_pendingSelection.isEmpty())
        m_pendingSelection = selected;
    updateStatus();
}

void CallsPage::showSelected()
{
    const QModelIndex current = m_sorted->mapToSource(m_table->currentIndex());
    const CallRecord *call = m_model->callAt(current.row());
    if (!call) {
        if (m_pendingSelection.isEmpty())
            m_detail->clear();
        return;
    }
    m_detail->showCall(*call);
}

void CallsPage::selectCall(const QString &callId)
{
    const int row = m_model->rowOf(callId);
    if (row < 0) {
        m_pendingSelection = callId;
        // Not among the loaded rows: show it anyway, from the server.
        m_api.calls().get(callId, this, [this, callId](Result<CallRecord> call) {
            if (call && m_model->rowOf(callId) < 0 && m_pendingSelection == callId)
                m_detail->showCall(*call);
        });
        return;
    }
    m_pendingSelection.clear();
    const QModelIndex index = m_sorted->mapFromSource(m_model->index(row, 0));
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

void CallsPage::updateStatus()
{
    const int rows = m_model->rowCount();
    if (m_model->isLoading() && rows == 0) {
        m_tableState->showMessage(tr("Loading calls…"));
    } else if (rows == 0 && m_model->hasLoaded()) {
        const bool filtered =
            !(m_model->query() == CallQuery{}) || !m_model->reviewFilter().isEmpty();
        m_tableState->showMessage(
            filtered ? tr("No calls match.") : tr("No calls yet."),
            filtered ? tr("Try fewer filters or another search.")
                     : tr("Calls your AI receptionist answers will appear here as they "
                          "happen."));
    } else if (rows > 0) {
        m_tableState->showContent();
    }
    QString text;
    if (m_model->isComplete())
        text = rows == 1 ? tr("1 call") : tr("%1 calls").arg(rows);
    else if (rows > 0)
        text = tr("Showing the latest %1 calls — scroll down for more").arg(rows);
    if (m_model->isLoading() && rows > 0)
        text += tr("  ·  loading more…");
    m_status->setText(text);
}

void CallsPage::applyEvent(const LiveEvent &event)
{
    if (!m_loadedOnce)
        return;
    if (event.type == u"call.reviewed") {
        if (event.entityId == m_detail->call().id)
            m_detail->reviewBox()->reloadReview();
        if (!m_model->reviewFilter().isEmpty())
            applyFilters();
        return;
    }
    if (event.type == u"review_tags.updated") {
        m_detail->reviewBox()->reloadTags();
        return;
    }
    m_model->applyEvent(event);
}

bool CallsPage::openRecord(const QString &entityType, const QString &id)
{
    if (entityType != u"call")
        return false;
    if (!m_loadedOnce)
        refresh();
    selectCall(id);
    return true;
}

void CallsPage::setFeatures(const FeatureAvailability &features)
{
    m_detail->setFeatures(features);
}

} // namespace vox::ui
