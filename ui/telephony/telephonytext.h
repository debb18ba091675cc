#pragma once

#include "core/forwardingcodes.h"
#include "core/result.h"
#include "ui/api/refusal.h"

#include <QCoreApplication>
#include <QString>

namespace vox::ui {

// How the telephony screens word carriers, modes, statuses and the server's refusals. The
// server's sentences are English; these are the console's own, so they are translated.
class TelephonyText final
{
    Q_DECLARE_TR_FUNCTIONS(TelephonyText)

public:
    TelephonyText() = delete;

    static QString carrierName(forwarding::Carrier carrier);
    static QString carrierName(const QString &carrierId);
    static QString modeName(const QString &forwardingType);
    static QString modeExplanation(forwarding::Mode mode);
    static QString numberStatus(const QString &status);
    static QString forwardingStatus(const QString &status);
    // "9:58", "1:02:00"
    static QString clock(int seconds);
    // "2 minutes", "1 hour"
    static QString wait(int seconds);
    // The reason phone::normalize gave (English, from core), in the console's language.
    static QString phoneProblem(const QString &coreMessage);

    // A refused telephony request, worded for the step it belongs to.
    enum class Step { Initiate, Confirm, Forwarding, Activate };
    static QString refusal(Step step, const Error &error, const Refusal &refusal);
};

} // namespace vox::ui
