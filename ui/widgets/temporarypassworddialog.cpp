#include "ui/widgets/temporarypassworddialog.h"

#include "ui/widgets/codedisplay.h"
#include "ui/widgets/toastarea.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

TemporaryPasswordDialog::TemporaryPasswordDialog(const QString &email, const QString &password,
                                                 ToastArea &toasts, QWidget *parent, Reason reason)
    : QDialog(parent)
    , m_password(new CodeDisplay(1.4, this))
{
    setObjectName(u"temporaryPasswordDialog"_s);
    setWindowTitle(tr("Temporary password"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        reason == Reason::Reset
            ? tr("%1's old password no longer works and they were signed out everywhere. They "
                 "sign in with this one, shown only this once: copy it and give it to them in "
                 "person or by phone.")
                  .arg(email)
            : tr("%1 can now sign in with this password. It is shown only this once: copy it and "
                 "give it to them in person or by phone.")
                  .arg(email),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *row = new QHBoxLayout;
    m_password->setObjectName(u"temporaryPassword"_s);
    m_password->setCode(password);
    row->addWidget(m_password, 1);
    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(u"copyButton"_s);
    row->addWidget(copy, 0, Qt::AlignVCenter);
    layout->addLayout(row);
    auto *change = new QLabel(tr("When they sign in, they are asked to choose their own."), this);
    change->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(change);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("Done"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(copy, &QPushButton::clicked, this, [this, &toasts] {
        QGuiApplication::clipboard()->setText(m_password->code());
        toasts.success(tr("Password copied."));
    });
    setMinimumWidth(460);
}

QString TemporaryPasswordDialog::password() const
{
    return m_password->code();
}

} // namespace vox::ui
