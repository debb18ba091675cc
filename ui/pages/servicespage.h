#pragma once

#include "ui/models/servicesmodel.h"
#include "ui/pages/page.h"

#include <QHash>
#include <QTimer>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QUndoStack;

namespace vox::ui {

class ApiClient;
class EmptyState;
class FieldMessage;
class KeywordChips;
class KeywordTester;
class ToastArea;

// The clinic's price list: every service with its price, the keywords callers use for it, how
// long it takes and the free time kept before and after. Edits stay here, marked, until "Save
// changes" (Undo and Redo take them back); what is wrong is said at the field. Staff see the
// list but cannot change it. The keyword test shows which services a caller's sentence matches
// and what the call would be worth, with the pricing engine's own rule.
class ServicesPage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServicesPage)

public:
    ServicesPage(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);
    ~ServicesPage() override;

    QString title() const override { return tr("Services"); }
    void refresh() override;
    void applyEvent(const LiveEvent &event) override;
    void activated() override;
    QString unsavedChanges() const override;
    void discardChanges() override;

    ServicesModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QUndoStack *undoStack() const { return m_undo; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *priceEdit() const { return m_price; }
    KeywordChips *keywordsEdit() const { return m_keywords; }
    QSpinBox *durationEdit() const { return m_duration; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *deleteButton() const { return m_delete; }
    KeywordTester *tester() const { return m_tester; }
    // The sentence shown at a field, or empty.
    QString fieldProblem(ServicesModel::Field field) const;
    bool isSaving() const { return m_saving; }
    bool isReadOnly() const { return m_readOnly; }

    void selectService(const QString &name);
    void addService();
    void deleteSelected();
    void save();
    void discard();

signals:
    void saved();

private:
    QString currentKey() const;
    void loadForm();
    void showProblems();
    void edit(ServicesModel::Field field, const QVariant &value);
    void priceTyped(const QString &text);
    void updateActions();
    void saveNext(QList<ServicesModel::Draft> queue, int failures);
    void setReadOnly(bool readOnly);

    ApiClient &m_api;
    ToastArea &m_toasts;
    ServicesModel *m_model;
    QUndoStack *m_undo;
    QTableView *m_table;
    EmptyState *m_tableState;
    QLabel *m_readOnlyNote;
    QPushButton *m_add;
    QPushButton *m_delete;
    QPushButton *m_undoButton;
    QPushButton *m_redoButton;
    QLabel *m_unsaved;
    QPushButton *m_discard;
    QPushButton *m_save;
    QGroupBox *m_form;
    QLineEdit *m_name;
    QLineEdit *m_price;
    QLabel *m_currency;
    KeywordChips *m_keywords;
    QSpinBox *m_duration;
    QSpinBox *m_before;
    QSpinBox *m_after;
    QHash<ServicesModel::Field, FieldMessage *> m_messages;
    KeywordTester *m_tester;
    QTimer m_reloadDelay;
    QString m_priceProblem;
    bool m_loadingForm = false;
    bool m_saving = false;
    bool m_readOnly = false;
    bool m_loadedOnce = false;
};

} // namespace vox::ui
