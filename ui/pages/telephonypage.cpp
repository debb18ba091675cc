#include "ui/pages/telephonypage.h"

#include "core/phonenumber.h"
#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"
#include "ui/telephony/deactivationdialog.h"
#include "ui/telephony/telephonytext.h"
#include "ui/telephony/telephonywizard.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/toastarea.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

TelephonyPage::TelephonyPage(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : Page(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_add(new QPushButton(tr("Add a number…"), this))
    , m_forward(new QPushButton(tr("Set up forwarding…"), this))
    , m_disable(new QPushButton(tr("Turn forwarding off"), this))
    , m_remove(new QPushButton(tr("Remove number"), this))
    , m_table(new QTableWidget(this))
    , m_hint(new QLabel(this))
{
    setObjectName(u"telephonyPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);
    auto *intro = new QLabel(tr("Forward the clinic's own phone number to the AI receptionist. "
                                "Patients keep calling the number they know; no porting, no new "
                                "number."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *bar = new QHBoxLayout;
    m_add->setObjectName(u"addNumberButton"_s);
    m_forward->setObjectName(u"setUpForwardingButton"_s);
    m_disable->setObjectName(u"disableForwardingButton"_s);
    m_remove->setObjectName(u"removeNumberButton"_s);
    m_add->setDefault(true);
    bar->addWidget(m_add);
    bar->addStretch();
    bar->addWidget(m_forward);
    bar->addWidget(m_disable);
    bar->addWidget(m_remove);
    layout->addLayout(bar);

    m_table->setObjectName(u"numbersTable"_s);
    m_table->setAccessibleName(tr("The clinic's numbers"));
    m_table->setAccessibleDescription(tr("The clinic's phone numbers and whether their calls "
                                         "are forwarded to the AI"));
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels({tr("Number"), tr("Name"), tr("Verification"),
                                        tr("Forwarding"), tr("Mode"), tr("Carrier")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    const QList<int> widths{170, 160, 170, 190, 120};
    for (int c = 0; c < widths.size(); ++c)
        m_table->setColumnWidth(c, widths.at(c));
    m_state = new EmptyState(m_table, this);
    layout->addWidget(m_state, 1);
    m_hint->setObjectName(u"telephonyHint"_s);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_hint);

    connect(m_add, &QPushButton::clicked, this, [this] { openWizard(); });
    connect(m_forward, &QPushButton::clicked, this, [this] {
        if (const VerifiedNumber *n = selected())
            openWizard(n->id);
    });
    connect(m_disable, &QPushButton::clicked, this, &TelephonyPage::disableSelected);
    connect(m_remove, &QPushButton::clicked, this, [this] { removeSelected(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &TelephonyPage::updateActions);
    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(400);
    connect(&m_reloadDelay, &QTimer::timeout, this, &TelephonyPage::refresh);
    updateActions();
}

void TelephonyPage::activated()
{
    if (!m_loadedOnce)
        refresh();
}

void TelephonyPage::refresh()
{
    m_loadedOnce = true;
    if (!m_api.session().isAdmin()) {
        m_add->setEnabled(false);
        m_state->showMessage(tr("Only the clinic's owner or an admin can manage phone numbers."),
                             tr("Ask them to forward the clinic's number to the AI receptionist."));
        updateActions();
        return;
    }
    m_add->setEnabled(true);
    if (m_numbers.isEmpty())
        m_state->showMessage(tr("Loading your numbers…"));
    m_api.telephony().verifiedNumbers(this, [this](Result<QList<VerifiedNumber>> numbers) {
        if (!numbers) {
            m_state->showMessage(tr("The numbers could not be loaded."), numbers.errorMessage(),
                                 [this] { refresh(); });
            return;
        }
        show(*numbers);
    });
}

void TelephonyPage::show(const QList<VerifiedNumber> &numbers)
{
    QString keep = m_pendingSelection;
    if (keep.isEmpty()) {
        if (const VerifiedNumber *n = selected())
            keep = n->phoneNumber;
    }
    m_numbers = numbers;
    m_table->setRowCount(int(numbers.size()));
    const QColor good = DisplayFormat::tone(DisplayFormat::Tone::Good);
    for (int row = 0; row < numbers.size(); ++row) {
        const VerifiedNumber &n = numbers.at(row);
        const QStringList cells{
            phone::display(n.phoneNumber),
            n.friendlyName,
            TelephonyText::numberStatus(n.status),
            n.isVerified() ? TelephonyText::forwardingStatus(n.forwardingStatus) : QString(),
            TelephonyText::modeName(n.forwardingType),
            n.carrier.isEmpty() ? QString() : TelephonyText::carrierName(n.carrier)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 3 && n.forwardingStatus == u"active")
                item->setForeground(good);
            m_table->setItem(row, c, item);
        }
    }
    if (numbers.isEmpty())
        m_state->showMessage(tr("No numbers yet."),
                             tr("Press “Add a number…” to forward the clinic's phone to the AI "
                                "receptionist in five short steps."));
    else
        m_state->showContent();
    m_pendingSelection.clear();
    if (!keep.isEmpty())
        selectNumber(keep);
    updateActions();
}

const VerifiedNumber *TelephonyPage::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_numbers.size() || !m_table->selectionModel()->hasSelection())
        return nullptr;
    return &m_numbers.at(row);
}

void TelephonyPage::selectNumber(const QString &phoneNumber)
{
    for (int row = 0; row < m_numbers.size(); ++row) {
        if (m_numbers.at(row).phoneNumber == phoneNumber) {
            m_table->selectRow(row);
            return;
        }
    }
    // Not loaded yet: select it when the list comes.
    m_pendingSelection = phoneNumber;
}

void TelephonyPage::updateActions()
{
    const VerifiedNumber *n = m_api.session().isAdmin() ? selected() : nullptr;
    // A number left waiting for its code (the wizard was closed) is verified again from here.
    m_forward->setText(n && !n->isVerified() ? tr("Verify again…") : tr("Set up forwarding…"));
    m_forward->setEnabled(n && n->forwardingStatus != u"active");
    m_disable->setEnabled(n && n->forwardingStatus == u"active");
    m_remove->setEnabled(n != nullptr);
    if (!n) {
        m_hint->setText(m_numbers.isEmpty() ? QString()
                                            : tr("Choose a number to change its forwarding."));
        return;
    }
    if (!n->isVerified())
        m_hint->setText(tr("%1 is not verified yet. Press “Verify again…” for a new call with a "
                           "new code.")
                            .arg(phone::display(n->phoneNumber)));
    else if (n->forwardingStatus == u"active")
        m_hint->setText(
            tr("Calls to %1 reach the AI receptionist (%2).")
                .arg(phone::display(n->phoneNumber), TelephonyText::modeName(n->forwardingType)));
    else if (n->forwardingStatus == u"pending_setup")
        m_hint->setText(tr("The code for %1 has not been confirmed yet. Press “Set up "
                           "forwarding…” to see it again.")
                            .arg(phone::display(n->phoneNumber)));
    else
        m_hint->setText(tr("%1 is verified. Press “Set up forwarding…” to send its calls to the "
                           "AI.")
                            .arg(phone::display(n->phoneNumber)));
}

TelephonyWizard *TelephonyPage::openWizard(const QString &verifiedId)
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    auto *wizard = new TelephonyWizard(m_api, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    m_wizard = wizard;
    for (const VerifiedNumber &n : std::as_const(m_numbers)) {
        if (n.id == verifiedId)
            wizard->startWithVerifiedNumber(n);
    }
    connect(wizard, &TelephonyWizard::numbersChanged, this, [this] { m_reloadDelay.start(); });
    connect(wizard, &TelephonyWizard::showNumberRequested, this, [this](const QString &phone) {
        m_pendingSelection = phone;
        refresh();
    });
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        // "View my verified numbers": the list, with the number just set up chosen.
        m_pendingSelection = wizard->forwarding().simPhoneNumber;
        refresh();
    });
    wizard->open();
    return wizard;
}

void TelephonyPage::disableSelected()
{
    const VerifiedNumber *n = selected();
    if (!n || n->forwardingConfigId.isEmpty())
        return;
    const QString configId = n->forwardingConfigId;
    const QString phone = n->phoneNumber;
    const QString shown = phone::display(phone);
    const auto disable = [this, configId, phone] {
        m_disable->setEnabled(false);
        m_api.telephony().disableForwarding(configId, this, [this, phone](Result<QString> code) {
            if (!code) {
                updateActions();
                m_toasts.problem(code.error());
                return;
            }
            refresh();
            auto *dialog = new DeactivationDialog(phone, *code, m_toasts, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
    };
    // Off means the AI stops answering this number's missed calls: asked first, like removing.
    Confirmation{tr("Turn forwarding off"),
                 tr("Turn forwarding off for %1? Its calls will ring only at the clinic again, "
                    "and the AI will no longer answer the ones nobody picks up. You will get a "
                    "code to dial on that phone.")
                     .arg(shown),
                 tr("Turn forwarding off"), tr("Keep it"), u"disableForwardingConfirmation"_s}
        .open(this, disable);
}

void TelephonyPage::removeSelected(bool confirm)
{
    const VerifiedNumber *n = selected();
    if (!n)
        return;
    const QString id = n->id;
    const QString phone = n->phoneNumber;
    const bool forwarding = n->forwardingStatus == u"active";
    const auto remove = [this, id, phone] {
        m_api.telephony().removeVerifiedNumber(id, this, [this, phone](Result<void> done) {
            if (!done) {
                m_toasts.problem(done.error());
                return;
            }
            m_toasts.success(tr("%1 was removed.").arg(phone));
            refresh();
        });
    };
    if (!confirm) {
        remove();
        return;
    }
    QString text = tr("Remove %1 from the clinic's numbers?").arg(phone);
    if (forwarding)
        text += u"\n\n"_s + tr("Its forwarding is on: also dial the turn-off code on that phone, "
                               "or its calls keep going to the AI's number.");
    Confirmation{tr("Remove number"), text, tr("Remove"), tr("Keep it"),
                 u"removeNumberConfirmation"_s}
        .open(this, remove);
}

void TelephonyPage::applyEvent(const LiveEvent &event)
{
    if (m_loadedOnce && event.type == u"telephony.updated")
        m_reloadDelay.start();
}

} // namespace vox::ui
