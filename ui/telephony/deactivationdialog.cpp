#include "ui/telephony/deactivationdialog.h"

#include "core/phonenumber.h"
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

DeactivationDialog::DeactivationDialog(const QString &phoneNumber, const QString &code,
                                       ToastArea &toasts, QWidget *parent)
    : QDialog(parent)
    , m_code(new CodeDisplay(2.0, this))
{
    setObjectName(u"deactivationDialog"_s);
    setWindowTitle(tr("Forwarding turned off"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Voxanne no longer expects calls from %1. To stop your phone "
                                "company forwarding them, dial this code from that phone:")
                                 .arg(phone::display(phoneNumber)),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *row = new QHBoxLayout;
    m_code->setObjectName(u"deactivationCode"_s);
    m_code->setCode(code);
    row->addWidget(m_code, 1);
    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(u"copyButton"_s);
    row->addWidget(copy, 0, Qt::AlignVCenter);
    layout->addLayout(row);
    auto *then = new QLabel(tr("Press Call and wait for the confirmation tone or message."), this);
    then->setWordWrap(true);
    layout->addWidget(then);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("Done"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(copy, &QPushButton::clicked, this, [this, &toasts] {
        QGuiApplication::clipboard()->setText(m_code->code());
        toasts.success(tr("Code copied: %1").arg(m_code->code()));
    });
    setMinimumWidth(440);
}

QString DeactivationDialog::code() const
{
    return m_code->code();
}

} // namespace vox::ui
