#pragma once

#include "ui/models/servicesmodel.h"

#include <QUndoCommand>

namespace vox::ui {

// A service removed from the list: a saved one is marked and deleted on save; one never saved
// just leaves the list. Undo brings it back where it was.
class RemoveServiceCommand final : public QUndoCommand
{
public:
    RemoveServiceCommand(ServicesModel &model, const QString &key);

    void undo() override;
    void redo() override;

private:
    ServicesModel &m_model;
    QString m_key;
    ServicesModel::Draft m_taken;
    int m_row = -1;
    bool m_wasNew = false;
};

} // namespace vox::ui
