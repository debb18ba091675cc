#pragma once

#include <QString>

// Whether a call was transferred to a person, and why in words, from Vapi's `endedReason`.
// Vapi has hundreds of ended reasons and adds more; an unknown one is text, never an error.
namespace vox::calls {

struct TransferInfo
{
    bool transferred = false;
    QString reason; // a sentence for the console; empty when not transferred
};

TransferInfo transferFromEndedReason(const QString &endedReason);

} // namespace vox::calls
