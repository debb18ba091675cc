#pragma once

#include "core/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace vox::forwarding {

// The carrier values the database allows (hybrid_forwarding_configs.carrier).
enum class Carrier { Att, TMobile, Verizon, Sprint, OtherGsm, OtherCdma, International };

// Total AI: every call goes to the AI (unconditional forwarding). Safety Net: only calls the
// clinic misses or is busy for (conditional forwarding after a ring time).
enum class Mode { TotalAi, SafetyNet };

QString toString(Carrier carrier);
QString toString(Mode mode);
std::optional<Carrier> carrierFromString(const QString &value);
std::optional<Mode> modeFromString(const QString &value);
QList<Carrier> allCarriers();

// GSM networks take a no-answer timer; CDMA networks (Verizon) use the carrier's own.
bool supportsRingTime(Carrier carrier);

struct RingTimeRule
{
    int minimum = 5;
    int maximum = 30;
    int step = 5;
};
RingTimeRule ringTimeRule();

// Says why a ring time is not accepted by the carrier; accepts anything where the code carries
// no ring time (Total AI, CDMA carriers).
Result<void> validateRingTime(Carrier carrier, Mode mode, int seconds);

struct Codes
{
    QString activation;
    QString deactivation;
    QStringList instructions;
    bool ringTimeApplied = false;
};

// The MMI code a clinic dials on its own phone to forward calls to `destination` (E.164).
Result<Codes> generate(Carrier carrier, Mode mode, const QString &destination, int ringSeconds);

} // namespace vox::forwarding
