#include "ui/services/removeservicecommand.h"

#include <QCoreApplication>

namespace vox::ui {

RemoveServiceCommand::RemoveServiceCommand(ServicesModel &model, const QString &key)
    : QUndoCommand(QCoreApplication::translate("RemoveServiceCommand", "Delete service"))
    , m_model(model)
    , m_key(key)
{
    const ServicesModel::Draft *draft = model.draft(key);
    m_wasNew = draft && draft->isNew();
}

void RemoveServiceCommand::undo()
{
    if (m_wasNew)
        m_model.insertDraft(m_taken, m_row);
    else
        m_model.setDeleted(m_key, false);
}

void RemoveServiceCommand::redo()
{
    if (m_wasNew) {
        m_row = m_model.rowOf(m_key);
        m_taken = m_model.takeDraft(m_key);
    } else {
        m_model.setDeleted(m_key, true);
    }
}

} // namespace vox::ui
