#include "ui/widgets/confirmation.h"

#include <QMessageBox>
#include <QPushButton>

namespace vox::ui {

QMessageBox *Confirmation::open(QWidget *parent, std::function<void()> onConfirm) const
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    if (!objectName.isEmpty())
        box->setObjectName(objectName);
    box->addButton(confirmLabel, QMessageBox::AcceptRole);
    QPushButton *keep = keepLabel.isEmpty() ? box->addButton(QMessageBox::Cancel)
                                            : box->addButton(keepLabel, QMessageBox::RejectRole);
    // Enter (and Escape) keep things as they are: a hurried Enter must never cancel a patient's
    // appointment or remove a number.
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::accepted, box, std::move(onConfirm));
    box->open();
    return box;
}

} // namespace vox::ui
