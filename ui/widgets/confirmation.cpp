#include "ui/widgets/confirmation.h"

#include <QMessageBox>

namespace vox::ui {

QMessageBox *Confirmation::open(QWidget *parent, std::function<void()> onConfirm) const
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    if (!objectName.isEmpty())
        box->setObjectName(objectName);
    box->addButton(confirmLabel, QMessageBox::AcceptRole);
    if (keepLabel.isEmpty())
        box->addButton(QMessageBox::Cancel);
    else
        box->addButton(keepLabel, QMessageBox::RejectRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::accepted, box, std::move(onConfirm));
    box->open();
    return box;
}

} // namespace vox::ui
