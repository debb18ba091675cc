#include "ui/services/editservicecommand.h"

#include <QCoreApplication>

namespace vox::ui {

namespace {

QString describe(ServicesModel::Field field)
{
    switch (field) {
    case ServicesModel::Field::Name:
        return QCoreApplication::translate("EditServiceCommand", "Change name");
    case ServicesModel::Field::Price:
        return QCoreApplication::translate("EditServiceCommand", "Change price");
    case ServicesModel::Field::Keywords:
        return QCoreApplication::translate("EditServiceCommand", "Change keywords");
    case ServicesModel::Field::Duration:
        return QCoreApplication::translate("EditServiceCommand", "Change length");
    case ServicesModel::Field::BufferBefore:
    case ServicesModel::Field::BufferAfter:
        return QCoreApplication::translate("EditServiceCommand", "Change free time");
    }
    return {};
}

} // namespace

EditServiceCommand::EditServiceCommand(ServicesModel &model, const QString &key,
                                       ServicesModel::Field field, const QVariant &value)
    : QUndoCommand(describe(field))
    , m_model(model)
    , m_key(key)
    , m_field(field)
    , m_before(model.field(key, field))
    , m_after(value)
{}

void EditServiceCommand::undo()
{
    m_model.setField(m_key, m_field, m_before);
}

void EditServiceCommand::redo()
{
    m_model.setField(m_key, m_field, m_after);
}

bool EditServiceCommand::mergeWith(const QUndoCommand *other)
{
    const auto *edit = static_cast<const EditServiceCommand *>(other);
    if (edit->m_key != m_key || edit->m_field != m_field)
        return false;
    m_after = edit->m_after;
    return true;
}

} // namespace vox::ui
