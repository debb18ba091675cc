#pragma once

#include "ui/models/servicesmodel.h"

#include <QUndoCommand>
#include <QVariant>

namespace vox::ui {

// One field of one service changed. Typing in a field merges into one step, so Undo takes back
// the whole edit rather than a letter.
class EditServiceCommand final : public QUndoCommand
{
public:
    EditServiceCommand(ServicesModel &model, const QString &key, ServicesModel::Field field,
                       const QVariant &value);

    void undo() override;
    void redo() override;
    int id() const override { return 7201; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ServicesModel &m_model;
    QString m_key;
    ServicesModel::Field m_field;
    QVariant m_before;
    QVariant m_after;
};

} // namespace vox::ui
