#pragma once

#include "core/result.h"
#include "ui/api/contactdetail.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace vox::ui {

class ApiClient;
class FieldMessage;

// Edits a lead from its detail: name, e-mail, status, preferred language, "do not text" and
// notes. Only what changed is sent (PATCH /api/contacts/:id); a refused value is explained under
// its field and the dialog stays open, so nothing typed is lost.
class LeadEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeadEditDialog)

public:
    LeadEditDialog(ApiClient &api, const ContactRecord &contact, QWidget *parent = nullptr);

    // What Save would send: the fields whose value differs from the lead's.
    QJsonObject changes() const;
    QString problemFor(const QString &field) const;
    void save();

signals:
    void saved(const vox::ui::ContactDetail &detail);

private:
    void showProblem(const vox::Error &error);

    ApiClient &m_api;
    ContactRecord m_contact;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QComboBox *m_status;
    QComboBox *m_language;
    QCheckBox *m_doNotText;
    QPlainTextEdit *m_notes;
    QDialogButtonBox *m_buttons;
    QPushButton *m_save;
    QHash<QString, FieldMessage *> m_messages; // by the API's field name
};

} // namespace vox::ui
