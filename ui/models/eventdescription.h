#pragma once

#include "ui/api/liveevent.h"

#include <QCoreApplication>
#include <QString>

namespace vox::ui {

// A live event in words for the activity list and notifications: "New call from +1 555…".
class EventDescription final
{
    Q_DECLARE_TR_FUNCTIONS(EventDescription)

public:
    EventDescription() = delete;

    static QString describe(const LiveEvent &event);
    // Whether the event deserves a desktop notification (a hot lead, a booking).
    static bool isNotable(const LiveEvent &event);
};

} // namespace vox::ui
