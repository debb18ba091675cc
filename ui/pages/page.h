#pragma once

#include "ui/api/apitypes.h"
#include "ui/api/liveevent.h"

#include <QWidget>

namespace vox::ui {

// What the shell asks of every page: read again (F5), put the cursor in the search (Ctrl+F),
// take in a live event, open a record a notification points at.
class Page : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Page)

public:
    using QWidget::QWidget;

    virtual QString title() const = 0;
    virtual void refresh() = 0;
    virtual void focusSearch() {}
    virtual void applyEvent(const LiveEvent &event) { Q_UNUSED(event); }
    virtual bool openRecord(const QString &entityType, const QString &id)
    {
        Q_UNUSED(entityType);
        Q_UNUSED(id);
        return false;
    }
    virtual void setFeatures(const FeatureAvailability &features) { Q_UNUSED(features); }
    // Called when the page becomes visible; pages load lazily on their first showing.
    virtual void activated() {}
    // What a person would lose by leaving now, in a sentence ("The receptionist's changes are not
    // saved."), or nothing; and forgetting those edits once they choose to leave anyway.
    virtual QString unsavedChanges() const { return {}; }
    virtual void discardChanges() {}
};

} // namespace vox::ui
