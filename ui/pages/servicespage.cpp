#include "ui/pages/servicespage.h"

#include "ui/api/apiclient.h"
#include "ui/api/apierror.h"
#include "ui/models/displayformat.h"
#include "ui/services/addservicecommand.h"
#include "ui/services/editservicecommand.h"
#include "ui/services/keywordtester.h"
#include "ui/services/removeservicecommand.h"
#include "ui/widgets/columnfit.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/keywordchips.h"
#include "ui/widgets/toastarea.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

using Field = ServicesModel::Field;

// The server names the field of a refused save (docs/api.md); the form shows it there.
std::optional<Field> fieldOf(const QString &serverField)
{
    if (serverField == u"name")
        return Field::Name;
    if (serverField == u"price" || serverField == u"price_cents")
        return Field::Price;
    if (serverField == u"keywords")
        return Field::Keywords;
    if (serverField == u"duration_minutes")
        return Field::Duration;
    if (serverField == u"buffer_before_minutes")
        return Field::BufferBefore;
    if (serverField == u"buffer_after_minutes")
        return Field::BufferAfter;
    return std::nullopt;
}

} // namespace

ServicesPage::ServicesPage(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : Page(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_model(new ServicesModel(this))
    , m_undo(new QUndoStack(this))
    , m_table(new QTableView(this))
    , m_readOnlyNote(new QLabel(this))
    , m_add(new QPushButton(tr("Add service"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_undoButton(new QPushButton(tr("Undo"), this))
    , m_redoButton(new QPushButton(tr("Redo"), this))
    , m_unsaved(new QLabel(this))
    , m_discard(new QPushButton(tr("Discard changes"), this))
    , m_save(new QPushButton(tr("Save changes"), this))
    , m_form(new QGroupBox(tr("Service"), this))
    , m_name(new QLineEdit(this))
    , m_price(new QLineEdit(this))
    , m_currency(new QLabel(this))
    , m_keywords(new KeywordChips(this))
    , m_duration(new QSpinBox(this))
    , m_before(new QSpinBox(this))
    , m_after(new QSpinBox(this))
    , m_tester(new KeywordTester(this))
{
    setObjectName(u"servicesPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);

    auto *bar = new QHBoxLayout;
    m_add->setObjectName(u"addServiceButton"_s);
    m_delete->setObjectName(u"deleteServiceButton"_s);
    m_undoButton->setObjectName(u"undoButton"_s);
    m_redoButton->setObjectName(u"redoButton"_s);
    m_unsaved->setObjectName(u"unsavedLabel"_s);
    m_discard->setObjectName(u"discardButton"_s);
    m_save->setObjectName(u"saveServicesButton"_s);
    m_save->setDefault(true);
    m_undoButton->setToolTip(tr("Undo (Ctrl+Z)"));
    m_redoButton->setToolTip(tr("Redo (Ctrl+Shift+Z)"));
    for (QPushButton *b : {m_add, m_delete, m_undoButton, m_redoButton})
        bar->addWidget(b);
    bar->addStretch();
    bar->addWidget(m_unsaved);
    bar->addWidget(m_discard);
    bar->addWidget(m_save);
    layout->addLayout(bar);
    m_readOnlyNote->setObjectName(u"readOnlyNote"_s);
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->setText(tr("Only the clinic's owner or an admin can change services and "
                               "prices."));
    m_readOnlyNote->hide();
    layout->addWidget(m_readOnlyNote);

    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    m_table->setObjectName(u"servicesTable"_s);
    m_table->setAccessibleName(tr("Services"));
    m_table->setAccessibleDescription(tr("The treatments the clinic offers with their prices; "
                                         "the chosen one is edited beside the list"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->horizontalHeader()->setHighlightSections(false);
    // The name and price are never cut; the keywords take what is left; when narrow, the times
    // (edited beside the list anyway) step aside first.
    new ColumnFit(m_table, ServicesModel::KeywordsColumn,
                  {ServicesModel::NameColumn, ServicesModel::PriceColumn},
                  {ServicesModel::BufferAfterColumn, ServicesModel::BufferBeforeColumn,
                   ServicesModel::DurationColumn});
    m_tableState = new EmptyState(m_table, this);
    splitter->addWidget(m_tableState);

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(8, 0, 0, 0);
    m_form->setObjectName(u"serviceForm"_s);
    auto *form = new QFormLayout(m_form);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto message = [this](Field field, const char *name) {
        auto *m = new FieldMessage(this);
        m->setObjectName(QString::fromLatin1(name));
        m_messages.insert(field, m);
        return m;
    };
    m_name->setObjectName(u"serviceNameEdit"_s);
    m_name->setMaxLength(140);
    addFieldRow(form, tr("Name:"), m_name, message(Field::Name, "nameMessage"), m_form);
    m_name->setAccessibleDescription(tr("How the clinic and the AI call this treatment"));
    m_duration->setAccessibleDescription(tr("How long the appointment lasts, in minutes"));
    m_before->setAccessibleDescription(
        tr("Minutes kept free before the appointment (preparing the room)"));
    m_after->setAccessibleDescription(
        tr("Minutes kept free after the appointment (cleaning, recovery)"));
    auto *priceRow = new QWidget(m_form);
    auto *priceLayout = new QHBoxLayout(priceRow);
    priceLayout->setContentsMargins(0, 0, 0, 0);
    m_currency->setObjectName(u"currencyLabel"_s);
    priceLayout->addWidget(m_currency);
    m_price->setObjectName(u"servicePriceEdit"_s);
    m_price->setPlaceholderText(tr("400 or 49.99"));
    m_price->setMaximumWidth(140);
    m_price->setAccessibleName(tr("Price"));
    m_price->setAccessibleDescription(tr("In the clinic's currency; a price per unit is set on "
                                         "the line below"));
    priceLayout->addWidget(m_price);
    priceLayout->addStretch();
    addFieldRow(form, tr("Price:"), priceRow, message(Field::Price, "priceMessage"), m_form);
    addFieldRow(form, tr("Keywords:"), m_keywords, message(Field::Keywords, "keywordsMessage"),
                m_form);
    auto *hint = new QLabel(tr("Words callers use for this service. The AI and the pricing "
                               "listen for them in calls."),
                            m_form);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), hint);
    for (QSpinBox *spin : {m_duration, m_before, m_after}) {
        spin->setSuffix(tr(" min"));
        spin->setMaximumWidth(120);
        spin->setAccelerated(true);
    }
    m_duration->setObjectName(u"serviceDurationEdit"_s);
    m_duration->setRange(5, 1440);
    m_duration->setSingleStep(5);
    m_before->setObjectName(u"bufferBeforeEdit"_s);
    m_after->setObjectName(u"bufferAfterEdit"_s);
    m_before->setRange(0, 480);
    m_after->setRange(0, 480);
    m_before->setSingleStep(5);
    m_after->setSingleStep(5);
    addFieldRow(form, tr("Takes:"), m_duration, message(Field::Duration, "durationMessage"),
                m_form);
    addFieldRow(form, tr("Free before:"), m_before,
                message(Field::BufferBefore, "bufferBeforeMessage"), m_form);
    addFieldRow(form, tr("Free after:"), m_after, message(Field::BufferAfter, "bufferAfterMessage"),
                m_form);
    sideLayout->addWidget(m_form);

    auto *testBox = new QGroupBox(tr("Test keywords"), this);
    auto *testLayout = new QVBoxLayout(testBox);
    testLayout->addWidget(m_tester);
    sideLayout->addWidget(testBox);
    sideLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(side);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(380);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_add, &QPushButton::clicked, this, &ServicesPage::addService);
    connect(m_delete, &QPushButton::clicked, this, &ServicesPage::deleteSelected);
    connect(m_undoButton, &QPushButton::clicked, m_undo, &QUndoStack::undo);
    connect(m_redoButton, &QPushButton::clicked, m_undo, &QUndoStack::redo);
    connect(m_save, &QPushButton::clicked, this, &ServicesPage::save);
    connect(m_discard, &QPushButton::clicked, this, &ServicesPage::discard);
    auto *undoKey = new QShortcut(QKeySequence::Undo, this);
    undoKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(undoKey, &QShortcut::activated, m_undo, &QUndoStack::undo);
    auto *redoKey = new QShortcut(QKeySequence::Redo, this);
    redoKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(redoKey, &QShortcut::activated, m_undo, &QUndoStack::redo);
    auto *saveKey = new QShortcut(QKeySequence::Save, this);
    saveKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, &ServicesPage::save);

    connect(m_name, &QLineEdit::textEdited, this,
            [this](const QString &text) { edit(Field::Name, text); });
    connect(m_price, &QLineEdit::textEdited, this, &ServicesPage::priceTyped);
    connect(m_keywords, &KeywordChips::edited, this,
            [this](const QStringList &keywords) { edit(Field::Keywords, keywords); });
    connect(m_duration, &QSpinBox::valueChanged, this, [this](int v) { edit(Field::Duration, v); });
    connect(m_before, &QSpinBox::valueChanged, this,
            [this](int v) { edit(Field::BufferBefore, v); });
    connect(m_after, &QSpinBox::valueChanged, this, [this](int v) { edit(Field::BufferAfter, v); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        loadForm();
        updateActions(); // Delete applies to the service now chosen
    });
    connect(m_model, &ServicesModel::changed, this, [this] {
        // An undo may change the row on show: the form follows the model.
        loadForm();
        updateActions();
        m_tester->setServices(m_model->effectiveServices());
    });
    connect(m_undo, &QUndoStack::indexChanged, this, &ServicesPage::updateActions);
    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(500);
    connect(&m_reloadDelay, &QTimer::timeout, this, [this] {
        // Someone else changed the list: read it again unless this user is editing.
        if (m_model->unsavedCount() == 0 && !m_saving)
            refresh();
    });
    loadForm();
    updateActions();
}

ServicesPage::~ServicesPage()
{
    // The undo stack is a child: cleared while the page is being torn down, it must not call
    // back into the page.
    m_undo->disconnect(this);
    m_model->disconnect(this);
}

void ServicesPage::activated()
{
    if (!m_loadedOnce)
        refresh();
}

void ServicesPage::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_readOnlyNote->setVisible(readOnly);
    for (QWidget *w : std::initializer_list<QWidget *>{m_add, m_delete, m_undoButton, m_redoButton,
                                                       m_unsaved, m_discard, m_save})
        w->setVisible(!readOnly);
    m_name->setReadOnly(readOnly);
    m_price->setReadOnly(readOnly);
    m_keywords->setReadOnly(readOnly);
    for (QSpinBox *spin : {m_duration, m_before, m_after}) {
        spin->setReadOnly(readOnly);
        spin->setButtonSymbols(readOnly ? QAbstractSpinBox::NoButtons
                                        : QAbstractSpinBox::UpDownArrows);
    }
}

void ServicesPage::refresh()
{
    m_loadedOnce = true;
    setReadOnly(!m_api.session().isAdmin());
    m_currency->setText(DisplayFormat::currencySymbol());
    if (m_model->unsavedCount() > 0)
        return; // never throw away someone's edits; "Discard changes" does that
    if (m_model->rowCount() == 0)
        m_tableState->showMessage(tr("Loading services…"));
    m_api.services().list(this, [this](Result<QList<ServiceRecord>> services) {
        if (!services) {
            m_tableState->showMessage(tr("The services could not be loaded."),
                                      services.errorMessage(), [this] { refresh(); });
            return;
        }
        const QString keep = currentKey().isEmpty() || !m_model->draft(currentKey())
                                 ? QString()
                                 : m_model->draft(currentKey())->current.name;
        m_undo->clear();
        m_model->setServices(*services);
        if (services->isEmpty())
            m_tableState->showMessage(tr("No services yet."),
                                      tr("Add the treatments you offer with their prices."));
        else
            m_tableState->showContent();
        if (!keep.isEmpty())
            selectService(keep);
        else if (m_model->rowCount() > 0)
            m_table->selectRow(0);
        loadForm();
    });
}

QString ServicesPage::currentKey() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(ServicesModel::KeyRole).toString() : QString();
}

void ServicesPage::selectService(const QString &name)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->draftAt(row)->current.name.trimmed().compare(name.trimmed(),
                                                                  Qt::CaseInsensitive) == 0) {
            m_table->selectRow(row);
            return;
        }
    }
}

void ServicesPage::loadForm()
{
    const ServicesModel::Draft *d = m_model->draft(currentKey());
    m_loadingForm = true;
    const bool editable = d && !d->deleted && !m_readOnly;
    m_form->setEnabled(d != nullptr && !d->deleted);
    if (!d) {
        m_form->setTitle(tr("Service"));
        m_name->clear();
        m_price->clear();
        m_keywords->setKeywords({});
    } else {
        const ServiceRecord &s = d->current;
        m_form->setTitle(d->deleted ? tr("Service (deleted when you save)") : tr("Service"));
        if (m_name->text() != s.name)
            m_name->setText(s.name);
        // Leave what the person is typing alone while it means the same amount.
        const auto typed = DisplayFormat::parseMoney(m_price->text());
        if (!m_price->hasFocus() || !typed || *typed != s.priceCents) {
            const QLocale c = QLocale::c();
            m_price->setText(s.priceCents % 100 == 0
                                 ? c.toString(s.priceCents / 100)
                                 : c.toString(double(s.priceCents) / 100.0, 'f', 2));
            m_priceProblem.clear();
        }
        m_keywords->setKeywords(s.keywords);
        m_duration->setValue(s.durationMinutes);
        m_before->setValue(s.bufferBeforeMinutes);
        m_after->setValue(s.bufferAfterMinutes);
    }
    m_keywords->setReadOnly(!editable);
    m_loadingForm = false;
    showProblems();
}

void ServicesPage::showProblems()
{
    const QHash<Field, QString> problems = m_model->problems(currentKey());
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it) {
        QString text = problems.value(it.key());
        if (it.key() == Field::Price && !m_priceProblem.isEmpty())
            text = m_priceProblem;
        if (text.isEmpty())
            it.value()->clear();
        else
            it.value()->showProblem(text);
    }
}

QString ServicesPage::fieldProblem(ServicesModel::Field field) const
{
    FieldMessage *m = m_messages.value(field);
    return m && m->hasProblem() ? m->text() : QString();
}

void ServicesPage::edit(Field field, const QVariant &value)
{
    if (m_loadingForm || m_readOnly)
        return;
    const QString key = currentKey();
    if (key.isEmpty() || m_model->field(key, field) == value)
        return;
    m_undo->push(new EditServiceCommand(*m_model, key, field, value));
}

void ServicesPage::priceTyped(const QString &text)
{
    const auto cents = DisplayFormat::parseMoney(text);
    if (!cents) {
        m_priceProblem = text.trimmed().isEmpty()
                             ? tr("Enter a price (0 if the service is free).")
                             : tr("Enter the price as a number, such as 400 or 49.99.");
        showProblems();
        updateActions();
        return;
    }
    m_priceProblem.clear();
    edit(Field::Price, *cents);
    showProblems();
    updateActions();
}

void ServicesPage::updateActions()
{
    const int unsaved = m_model->unsavedCount();
    const ServicesModel::Draft *d = m_model->draft(currentKey());
    m_delete->setEnabled(d && !d->deleted && !m_saving);
    m_undoButton->setEnabled(m_undo->canUndo() && !m_saving);
    m_redoButton->setEnabled(m_undo->canRedo() && !m_saving);
    m_undoButton->setToolTip(m_undo->canUndo() ? tr("Undo: %1").arg(m_undo->undoText())
                                               : tr("Nothing to undo"));
    m_redoButton->setToolTip(m_undo->canRedo() ? tr("Redo: %1").arg(m_undo->redoText())
                                               : tr("Nothing to redo"));
    const bool problems = m_model->hasProblems() || !m_priceProblem.isEmpty();
    m_save->setEnabled(unsaved > 0 && !problems && !m_saving);
    m_save->setToolTip(problems ? tr("Fix the marked fields first") : QString());
    m_discard->setEnabled(unsaved > 0 && !m_saving);
    m_add->setEnabled(!m_saving);
    if (m_saving)
        m_unsaved->setText(tr("Saving…"));
    else if (unsaved == 0)
        m_unsaved->setText(tr("All changes saved"));
    else
        m_unsaved->setText(tr("%n unsaved change(s)", nullptr, unsaved));
}

void ServicesPage::addService()
{
    if (m_readOnly)
        return;
    ServiceRecord fresh;
    // A name that is free, so the new row is valid until the person types the real one.
    QString name = tr("New service");
    for (int n = 2; m_model->rowCount() > 0; ++n) {
        bool taken = false;
        for (const ServicesModel::Draft &d : m_model->drafts())
            taken = taken || (!d.deleted && d.current.name.compare(name, Qt::CaseInsensitive) == 0);
        if (!taken)
            break;
        name = tr("New service %1").arg(n);
    }
    fresh.name = name;
    fresh.durationMinutes = 30;
    auto *command = new AddServiceCommand(*m_model, fresh);
    const QString key = command->key();
    m_undo->push(command);
    m_tableState->showContent();
    m_table->selectRow(m_model->rowOf(key));
    m_name->setFocus();
    m_name->selectAll();
}

void ServicesPage::deleteSelected()
{
    const QString key = currentKey();
    if (key.isEmpty() || m_readOnly)
        return;
    m_undo->push(new RemoveServiceCommand(*m_model, key));
}

QString ServicesPage::unsavedChanges() const
{
    // A save on its way is not lost by leaving: its answers still land here.
    const int unsaved = m_saving ? 0 : m_model->unsavedCount();
    return unsaved > 0 ? tr("%n change(s) to the services are not saved.", nullptr, unsaved)
                       : QString();
}

void ServicesPage::discardChanges()
{
    discard();
}

void ServicesPage::discard()
{
    m_undo->clear();
    m_priceProblem.clear();
    m_model->setServices({});
    refresh();
}

void ServicesPage::save()
{
    if (m_saving || m_readOnly || m_model->unsavedCount() == 0)
        return;
    if (m_model->hasProblems() || !m_priceProblem.isEmpty()) {
        m_toasts.problem(tr("Some services need fixing first: see the marked fields."));
        return;
    }
    QList<ServicesModel::Draft> queue;
    // Deletions first, so a renamed service may take a deleted one's name.
    for (const ServicesModel::Draft &d : m_model->drafts())
        if (d.deleted && !d.isNew())
            queue << d;
    for (const ServicesModel::Draft &d : m_model->drafts())
        if (!d.deleted && d.isDirty())
            queue << d;
    m_saving = true;
    updateActions();
    saveNext(queue, 0);
}

void ServicesPage::saveNext(QList<ServicesModel::Draft> queue, int failures)
{
    if (queue.isEmpty()) {
        m_saving = false;
        if (failures == 0) {
            m_undo->clear();
            m_toasts.success(tr("Services saved."));
            emit saved();
        } else {
            m_toasts.problem(
                tr("%n service(s) could not be saved: see the marked fields.", nullptr, failures));
        }
        loadForm();
        updateActions();
        return;
    }
    const ServicesModel::Draft d = queue.takeFirst();
    const auto next = [this, queue, failures, key = d.key](const Error *problem) {
        int failed = failures;
        if (problem) {
            ++failed;
            const auto field = fieldOf(problem->subject);
            if (problem->code == apierror::conflict)
                m_model->setServerProblem(key, Field::Name, problem->message);
            else if (field)
                m_model->setServerProblem(key, *field, problem->message);
            else
                m_toasts.problem(*problem);
        }
        saveNext(queue, failed);
    };
    if (d.deleted) {
        m_api.services().remove(d.saved.id, this, [this, key = d.key, next](Result<void> done) {
            // Already gone is as good as deleted.
            if (done || done.error().code == apierror::notFound) {
                m_model->dropSaved(key);
                next(nullptr);
                return;
            }
            next(&done.error());
        });
        return;
    }
    ServiceRecord record = d.current;
    record.name = record.name.trimmed();
    const auto stored = [this, key = d.key, next](Result<ServiceRecord> result) {
        if (!result) {
            next(&result.error());
            return;
        }
        m_model->markSaved(key, *result);
        next(nullptr);
    };
    if (d.isNew())
        m_api.services().create(record, this, stored);
    else
        m_api.services().update(record, this, stored);
}

void ServicesPage::applyEvent(const LiveEvent &event)
{
    if (m_loadedOnce && event.type.startsWith(u"service."_s))
        m_reloadDelay.start();
    if (event.type == u"settings.updated")
        m_reloadDelay.start();
}

} // namespace vox::ui
