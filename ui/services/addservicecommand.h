#pragma once

#include "ui/models/servicesmodel.h"

#include <QUndoCommand>

namespace vox::ui {

// A new service added to the list (not saved until the user saves).
class AddServiceCommand final : public QUndoCommand
{
public:
    AddServiceCommand(ServicesModel &model, const ServiceRecord &service);

    void undo() override;
    void redo() override;
    QString key() const { return m_draft.key; }

private:
    ServicesModel &m_model;
    ServicesModel::Draft m_draft;
};

} // namespace vox::ui
