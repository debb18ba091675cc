#include "core/forwardingcodes.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::forwarding::Carrier;
using vox::forwarding::Mode;

Q_DECLARE_METATYPE(Carrier)
Q_DECLARE_METATYPE(Mode)

namespace {
const QString destination = u"+15550109999"_s;
}

class TestForwardingCodes : public QObject
{
    Q_OBJECT

private slots:
    // The carrier table of PRD §17.2 / §17.5, plus the GSM and CDMA standards for the rest.
    void generatesTheCarrierCode_data()
    {
        QTest::addColumn<Carrier>("carrier");
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<int>("ring");
        QTest::addColumn<QString>("activation");
        QTest::addColumn<QString>("deactivation");

        QTest::newRow("T-Mobile total AI")
            << Carrier::TMobile << Mode::TotalAi << 25 << u"**21*+15550109999#"_s << u"##21#"_s;
        QTest::newRow("T-Mobile safety net 25s") << Carrier::TMobile << Mode::SafetyNet << 25
                                                 << u"**61*+15550109999*11*25#"_s << u"##61#"_s;
        QTest::newRow("AT&T total AI")
            << Carrier::Att << Mode::TotalAi << 25 << u"*21*+15550109999#"_s << u"#21#"_s;
        QTest::newRow("AT&T safety net 25s") << Carrier::Att << Mode::SafetyNet << 25
                                             << u"*004*+15550109999*11*25#"_s << u"##004#"_s;
        QTest::newRow("Verizon total AI")
            << Carrier::Verizon << Mode::TotalAi << 25 << u"*72+15550109999"_s << u"*73"_s;
        QTest::newRow("Verizon safety net ignores ring")
            << Carrier::Verizon << Mode::SafetyNet << 45 << u"*71+15550109999"_s << u"*73"_s;
        QTest::newRow("Sprint total AI")
            << Carrier::Sprint << Mode::TotalAi << 25 << u"**21*+15550109999#"_s << u"##21#"_s;
        QTest::newRow("Sprint safety net 15s") << Carrier::Sprint << Mode::SafetyNet << 15
                                               << u"**61*+15550109999*11*15#"_s << u"##61#"_s;
        QTest::newRow("other GSM total AI")
            << Carrier::OtherGsm << Mode::TotalAi << 25 << u"**21*+15550109999#"_s << u"##21#"_s;
        QTest::newRow("other GSM safety net 30s") << Carrier::OtherGsm << Mode::SafetyNet << 30
                                                  << u"**004*+15550109999*11*30#"_s << u"##004#"_s;
        QTest::newRow("international total AI") << Carrier::International << Mode::TotalAi << 25
                                                << u"**21*+15550109999#"_s << u"##21#"_s;
        QTest::newRow("international safety net 5s")
            << Carrier::International << Mode::SafetyNet << 5 << u"**004*+15550109999*11*5#"_s
            << u"##004#"_s;
        QTest::newRow("other CDMA total AI")
            << Carrier::OtherCdma << Mode::TotalAi << 25 << u"*72+15550109999"_s << u"*73"_s;
        QTest::newRow("other CDMA safety net")
            << Carrier::OtherCdma << Mode::SafetyNet << 25 << u"*71+15550109999"_s << u"*73"_s;
    }
    void generatesTheCarrierCode()
    {
        QFETCH(Carrier, carrier);
        QFETCH(Mode, mode);
        QFETCH(int, ring);
        QFETCH(QString, activation);
        QFETCH(QString, deactivation);
        const auto codes = vox::forwarding::generate(carrier, mode, destination, ring);
        QVERIFY2(codes.ok(), qPrintable(codes.ok() ? QString() : codes.errorMessage()));
        QCOMPARE(codes->activation, activation);
        QCOMPARE(codes->deactivation, deactivation);
        QVERIFY(!codes->activation.contains(u' '));
        QVERIFY(codes->activation.contains(destination));
        QCOMPARE(codes->instructions.size(), 4);
        QCOMPARE(codes->instructions.at(1), u"2. Dial: "_s + activation);
    }

    void checksRingTimePerCarrier_data()
    {
        QTest::addColumn<Carrier>("carrier");
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<int>("ring");
        QTest::addColumn<bool>("accepted");

        QTest::newRow("GSM 5 is the minimum") << Carrier::TMobile << Mode::SafetyNet << 5 << true;
        QTest::newRow("GSM 30 is the maximum") << Carrier::Att << Mode::SafetyNet << 30 << true;
        QTest::newRow("GSM 35 too long") << Carrier::TMobile << Mode::SafetyNet << 35 << false;
        QTest::newRow("GSM 60 too long") << Carrier::OtherGsm << Mode::SafetyNet << 60 << false;
        QTest::newRow("GSM 0 too short") << Carrier::Att << Mode::SafetyNet << 0 << false;
        QTest::newRow("GSM 12 not a step of 5")
            << Carrier::Sprint << Mode::SafetyNet << 12 << false;
        QTest::newRow("international 22 not a step")
            << Carrier::International << Mode::SafetyNet << 22 << false;
        QTest::newRow("Verizon ignores ring time")
            << Carrier::Verizon << Mode::SafetyNet << 60 << true;
        QTest::newRow("CDMA ignores ring time")
            << Carrier::OtherCdma << Mode::SafetyNet << 3 << true;
        QTest::newRow("total AI has no ring time")
            << Carrier::TMobile << Mode::TotalAi << 90 << true;
    }
    void checksRingTimePerCarrier()
    {
        QFETCH(Carrier, carrier);
        QFETCH(Mode, mode);
        QFETCH(int, ring);
        QFETCH(bool, accepted);
        const auto check = vox::forwarding::validateRingTime(carrier, mode, ring);
        QCOMPARE(check.ok(), accepted);
        const auto codes = vox::forwarding::generate(carrier, mode, destination, ring);
        QCOMPARE(codes.ok(), accepted);
        if (!accepted)
            QVERIFY2(check.errorMessage().contains(u"steps of 5"_s),
                     qPrintable(check.errorMessage()));
    }

    void rejectsADestinationThatIsNotE164()
    {
        const auto codes =
            vox::forwarding::generate(Carrier::TMobile, Mode::TotalAi, u"5550109999"_s, 25);
        QVERIFY(!codes.ok());
        QVERIFY(codes.errorMessage().contains(u"E.164"_s));
    }

    void namesMatchTheDatabaseValues()
    {
        const QStringList schemaValues{u"att"_s,          u"tmobile"_s,   u"verizon"_s,
                                       u"sprint"_s,       u"other_gsm"_s, u"other_cdma"_s,
                                       u"international"_s};
        QCOMPARE(vox::forwarding::allCarriers().size(), schemaValues.size());
        for (const QString &value : schemaValues) {
            const auto carrier = vox::forwarding::carrierFromString(value);
            QVERIFY2(carrier.has_value(), qPrintable(value));
            QCOMPARE(vox::forwarding::toString(*carrier), value);
        }
        QVERIFY(!vox::forwarding::carrierFromString(u"vodafone"_s).has_value());
        QCOMPARE(vox::forwarding::modeFromString(u"total_ai"_s), std::optional(Mode::TotalAi));
        QCOMPARE(vox::forwarding::modeFromString(u"safety_net"_s), std::optional(Mode::SafetyNet));
        QVERIFY(!vox::forwarding::modeFromString(u"always"_s).has_value());
    }
};

QTEST_APPLESS_MAIN(TestForwardingCodes)
#include "tst_forwardingcodes.moc"
