#include "core/forwardingcodes.h"

#include "core/phonenumber.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::forwarding {

namespace {

struct CarrierInfo
{
    Carrier carrier;
    QString id;
    QString name;
};

const QList<CarrierInfo> &carrierTable()
{
    static const QList<CarrierInfo> table{
        {Carrier::Att, u"att"_s, u"AT&T"_s},
        {Carrier::TMobile, u"tmobile"_s, u"T-Mobile"_s},
        {Carrier::Verizon, u"verizon"_s, u"Verizon"_s},
        {Carrier::Sprint, u"sprint"_s, u"Sprint"_s},
        {Carrier::OtherGsm, u"other_gsm"_s, u"your carrier (GSM)"_s},
        {Carrier::OtherCdma, u"other_cdma"_s, u"your carrier (CDMA)"_s},
        {Carrier::International, u"international"_s, u"your carrier"_s},
    };
    return table;
}

const CarrierInfo &info(Carrier carrier)
{
    for (const CarrierInfo &entry : carrierTable()) {
        if (entry.carrier == carrier)
            return entry;
    }
    return carrierTable().constFirst();
}

struct Pattern
{
    QString activation; // DEST and SECS are placeholders
    QString deactivation;
};

// The carriers with codes of their own. Carriers outside them use the GSM standard (3GPP TS 22.082:
// 21 = unconditional, 004 = all conditional) or the CDMA feature codes (*72/*71, *73 to cancel).
Pattern pattern(Carrier carrier, Mode mode)
{
    const bool all = mode == Mode::TotalAi;
    switch (carrier) {
    case Carrier::TMobile:
    case Carrier::Sprint:
        return all ? Pattern{u"**21*DEST#"_s, u"##21#"_s}
                   : Pattern{u"**61*DEST*11*SECS#"_s, u"##61#"_s};
    case Carrier::Att:
        return all ? Pattern{u"*21*DEST#"_s, u"#21#"_s}
                   : Pattern{u"*004*DEST*11*SECS#"_s, u"##004#"_s};
    case Carrier::Verizon:
    case Carrier::OtherCdma:
        return all ? Pattern{u"*72DEST"_s, u"*73"_s} : Pattern{u"*71DEST"_s, u"*73"_s};
    case Carrier::OtherGsm:
    case Carrier::International:
        return all ? Pattern{u"**21*DEST#"_s, u"##21#"_s}
                   : Pattern{u"**004*DEST*11*SECS#"_s, u"##004#"_s};
    }
    return {};
}

} // namespace

QString toString(Carrier carrier)
{
    return info(carrier).id;
}

QString toString(Mode mode)
{
    return mode == Mode::TotalAi ? u"total_ai"_s : u"safety_net"_s;
}

std::optional<Carrier> carrierFromString(const QString &value)
{
    for (const CarrierInfo &entry : carrierTable()) {
        if (entry.id == value)
            return entry.carrier;
    }
    return std::nullopt;
}

std::optional<Mode> modeFromString(const QString &value)
{
    if (value == u"total_ai")
        return Mode::TotalAi;
    if (value == u"safety_net")
        return Mode::SafetyNet;
    return std::nullopt;
}

QList<Carrier> allCarriers()
{
    QList<Carrier> carriers;
    for (const CarrierInfo &entry : carrierTable())
        carriers.append(entry.carrier);
    return carriers;
}

bool supportsRingTime(Carrier carrier)
{
    return carrier != Carrier::Verizon && carrier != Carrier::OtherCdma;
}

RingTimeRule ringTimeRule()
{
    return {};
}

Result<void> validateRingTime(Carrier carrier, Mode mode, int seconds)
{
    if (mode == Mode::TotalAi || !supportsRingTime(carrier))
        return {};
    const RingTimeRule rule = ringTimeRule();
    if (seconds < rule.minimum || seconds > rule.maximum || seconds % rule.step != 0) {
        return fail(u"%1 accepts a ring time of %2 to %3 seconds in steps of %4; %5 seconds is "
                    "not accepted."_s.arg(info(carrier).name)
                        .arg(rule.minimum)
                        .arg(rule.maximum)
                        .arg(rule.step)
                        .arg(seconds));
    }
    return {};
}

Result<Codes> generate(Carrier carrier, Mode mode, const QString &destination, int ringSeconds)
{
    if (!phone::isE164(destination))
        return fail(u"The forwarding destination must be an E.164 number such as +15550109999."_s);
    if (const Result<void> ring = validateRingTime(carrier, mode, ringSeconds); !ring)
        return ring.error();

    const Pattern p = pattern(carrier, mode);
    Codes codes;
    codes.ringTimeApplied = p.activation.contains(u"SECS"_s);
    codes.activation = QString(p.activation)
                           .replace(u"DEST"_s, destination)
                           .replace(u"SECS"_s, QString::number(ringSeconds));
    codes.deactivation = p.deactivation;
    codes.instructions = QStringList{
        u"1. Open Phone Dialer"_s,
        u"2. Dial: %1"_s.arg(codes.activation),
        u"3. Press Call"_s,
        u"4. Return to dashboard and click Confirm Setup"_s,
    };
    return codes;
}

} // namespace vox::forwarding
