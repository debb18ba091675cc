#include "ui/services/addservicecommand.h"

#include <QCoreApplication>

namespace vox::ui {

AddServiceCommand::AddServiceCommand(ServicesModel &model, const ServiceRecord &service)
    : QUndoCommand(QCoreApplication::translate("AddServiceCommand", "Add service"))
    , m_model(model)
{
    m_draft.key = ServicesModel::newKey();
    m_draft.current = service;
}

void AddServiceCommand::undo()
{
    // Edits made to the new row since are undone first by the stack, so it is as it was added.
    m_draft = m_model.takeDraft(m_draft.key);
}

void AddServiceCommand::redo()
{
    m_model.insertDraft(m_draft);
}

} // namespace vox::ui
