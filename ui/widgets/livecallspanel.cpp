#include "ui/widgets/livecallspanel.h"

#include "ui/models/livecallsmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

LiveCallsPanel::LiveCallsPanel(LiveCallsModel &calls, QWidget *parent)
    : QGroupBox(tr("Calls in progress"), parent)
    , m_calls(calls)
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
{
    setObjectName(u"liveCallsPanel"_s);
    auto *layout = new QVBoxLayout(this);
    m_count->setObjectName(u"liveCallsCount"_s);
    m_count->setWordWrap(true);
    m_count->setTextFormat(Qt::PlainText);
    layout->addWidget(m_count);

    m_table->setObjectName(u"liveCallsTable"_s);
    m_table->setModel(&m_calls);
    m_table->setAccessibleName(tr("Calls in progress"));
    m_table->setAccessibleDescription(
        tr("Each call's caller, how long it has run and what is happening; Enter or a click "
           "opens it on the Live page"));
    m_table->setToolTip(tr("Click to follow the call on the Live page"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false); // one Tab stop; the arrows move between calls
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(LiveCallsModel::CallerColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(LiveCallsModel::ElapsedColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LiveCallsModel::StateColumn,
                                                      QHeaderView::ResizeToContents);
    layout->addWidget(m_table);

    // One click opens the call: the panel is a way into the Live page, not a list to browse.
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        emit openCallRequested(index.data(LiveCallsModel::CallIdRole).toString());
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit openCallRequested(index.data(LiveCallsModel::CallIdRole).toString());
    });
    connect(&m_calls, &QAbstractItemModel::modelReset, this, &LiveCallsPanel::update);
    connect(&m_calls, &LiveCallsModel::loadFailed, this, [this](const QString &message) {
        m_count->setText(tr("The calls in progress could not be read: %1").arg(message));
        if (m_hiddenWhenIdle)
            setVisible(false);
    });
    update();
}

void LiveCallsPanel::setHiddenWhenIdle(bool hidden)
{
    m_hiddenWhenIdle = hidden;
    update();
}

void LiveCallsPanel::update()
{
    const int count = m_calls.rowCount();
    m_table->setVisible(count > 0);
    // As tall as its calls, up to four at a glance; more scroll (the Live page has them all).
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                            qBound(1, count, 4) * m_table->verticalHeader()->defaultSectionSize() +
                            2 * m_table->frameWidth());
    m_count->setText(count == 0 ? tr("No calls in progress right now. A call shows here as soon "
                                     "as the AI answers it.")
                                : tr("%n call(s) in progress", nullptr, count));
    m_count->setAccessibleName(m_count->text());
    if (m_hiddenWhenIdle)
        setVisible(count > 0);
    else
        setVisible(true);
}

} // namespace vox::ui
