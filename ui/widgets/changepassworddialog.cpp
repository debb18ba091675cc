#include "ui/widgets/changepassworddialog.h"

#include "ui/api/apiclient.h"
#include "ui/api/authclient.h"
#include "ui/widgets/fieldmessage.h"
#include "ui/widgets/toastarea.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {
// The server's rule (docs/api.md): 10 characters to 72 bytes.
constexpr int shortest = 10;
constexpr int longestBytes = 72;
} // namespace

ChangePasswordDialog::ChangePasswordDialog(ApiClient &api, ToastArea &toasts, Mode mode,
                                           QWidget *parent)
    : QDialog(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_current(new QLineEdit(this))
    , m_new(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_currentMessage(new FieldMessage(this))
    , m_newMessage(new FieldMessage(this))
    , m_repeatMessage(new FieldMessage(this))
    , m_save(new QPushButton(tr("Save password"), this))
    , m_required(mode == Mode::Required)
{
    setObjectName(u"changePasswordDialog"_s);
    const bool required = mode == Mode::Required;
    setWindowTitle(required ? tr("Choose your own password") : tr("Change my password"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        required ? tr("You signed in with a temporary password that someone else knows. Choose "
                      "your own before you go on; your other sessions are signed out.")
                 : tr("Your other sessions are signed out when the password changes; this one "
                      "stays signed in."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    const QList<std::tuple<QLineEdit *, FieldMessage *, QString, QString>> fields{
        {m_current, m_currentMessage,
         required ? tr("Temporary password:") : tr("Current password:"), u"currentPassword"_s},
        {m_new, m_newMessage, tr("New password:"), u"newPassword"_s},
        {m_repeat, m_repeatMessage, tr("New password again:"), u"repeatPassword"_s}};
    for (const auto &[edit, message, label, name] : fields) {
        edit->setObjectName(name);
        edit->setEchoMode(QLineEdit::Password);
        edit->setAccessibleName(QString(label).remove(u':'));
        addFieldRow(form, label, edit, message, this);
    }
    m_new->setAccessibleDescription(tr("At least %1 characters.").arg(shortest));
    m_new->setPlaceholderText(tr("At least %1 characters").arg(shortest));
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(this);
    m_save->setObjectName(u"savePasswordButton"_s);
    m_save->setDefault(true);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    if (required) {
        QPushButton *leave = buttons->addButton(tr("Sign out"), QDialogButtonBox::RejectRole);
        leave->setObjectName(u"signOutButton"_s);
        connect(leave, &QPushButton::clicked, this, &ChangePasswordDialog::signOutRequested);
    } else {
        buttons->addButton(QDialogButtonBox::Cancel);
    }
    layout->addWidget(buttons);
    connect(m_save, &QPushButton::clicked, this, &ChangePasswordDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChangePasswordDialog::reject);
    setMinimumWidth(480);
}

void ChangePasswordDialog::reject()
{
    if (!m_required)
        QDialog::reject();
}

QString ChangePasswordDialog::problem(const QString &field) const
{
    const FieldMessage *m = field == u"current" ? m_currentMessage
                            : field == u"new"   ? m_newMessage
                                                : m_repeatMessage;
    return m->hasProblem() ? m->text() : QString();
}

void ChangePasswordDialog::save()
{
    for (FieldMessage *m : {m_currentMessage, m_newMessage, m_repeatMessage})
        m->clear();
    bool ok = true;
    if (m_current->text().isEmpty()) {
        m_currentMessage->showProblem(tr("Enter the password you signed in with."));
        ok = false;
    }
    const QString replacement = m_new->text();
    if (replacement.size() < shortest) {
        m_newMessage->showProblem(tr("Use at least %1 characters.").arg(shortest));
        ok = false;
    } else if (replacement.toUtf8().size() > longestBytes) {
        m_newMessage->showProblem(tr("That is too long; use a shorter password."));
        ok = false;
    } else if (replacement == m_current->text()) {
        m_newMessage->showProblem(tr("Choose a password different from the one you have now."));
        ok = false;
    } else if (m_repeat->text() != replacement) {
        m_repeatMessage->showProblem(tr("The two new passwords are not the same."));
        ok = false;
    }
    if (!ok)
        return;
    m_save->setEnabled(false);
    m_api.auth().changePassword(m_current->text(), replacement, this, [this](Result<int> ended) {
        m_save->setEnabled(true);
        if (!ended) {
            if (ended.error().subject == u"current_password")
                m_currentMessage->showProblem(tr("That is not your current password."));
            else if (ended.error().subject == u"new_password")
                m_newMessage->showProblem(ended.errorMessage());
            else
                m_toasts.problem(ended.error());
            return;
        }
        m_toasts.success(*ended > 0 ? tr("Your password was changed; %n other session(s) were "
                                         "signed out.",
                                         nullptr, *ended)
                                    : tr("Your password was changed."));
        emit changed();
        accept();
    });
}

} // namespace vox::ui
