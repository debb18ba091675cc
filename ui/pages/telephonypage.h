#pragma once

#include "ui/api/telephonyrecords.h"
#include "ui/pages/page.h"
#include "ui/telephony/telephonywizard.h"

#include <QPointer>
#include <QTimer>

class QLabel;
class QPushButton;
class QTableWidget;

namespace vox::ui {

class ApiClient;
class EmptyState;
class ToastArea;

// The clinic's own numbers forwarded to the AI: each with its verification and forwarding
// status. Add a number (the five-step wizard), set up forwarding for a verified one, turn
// forwarding off (shows the code to dial), remove a number (after asking). Admins only: the
// server refuses these to staff, so staff see why instead.
class TelephonyPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TelephonyPage)

public:
    TelephonyPage(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    QString title() const override { return tr("Telephony"); }
    void refresh() override;
    void applyEvent(const LiveEvent &event) override;
    void activated() override;

    QTableWidget *table() const { return m_table; }
    const QList<VerifiedNumber> &numbers() const { return m_numbers; }
    TelephonyWizard *wizard() const { return m_wizard; }
    // Opens the wizard: at the first step, or at the carrier step for a verified number.
    TelephonyWizard *openWizard(const QString &verifiedId = {});
    void selectNumber(const QString &phoneNumber);
    void disableSelected();
    void removeSelected(bool confirm = true);

private:
    const VerifiedNumber *selected() const;
    void show(const QList<VerifiedNumber> &numbers);
    void updateActions();

    ApiClient &m_api;
    ToastArea &m_toasts;
    QPushButton *m_add;
    QPushButton *m_forward;
    QPushButton *m_disable;
    QPushButton *m_remove;
    QTableWidget *m_table;
    EmptyState *m_state;
    QLabel *m_hint;
    QList<VerifiedNumber> m_numbers;
    QPointer<TelephonyWizard> m_wizard;
    QString m_pendingSelection;
    QTimer m_reloadDelay;
    bool m_loadedOnce = false;
};

} // namespace vox::ui
