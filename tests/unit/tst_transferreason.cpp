// Transfer detection from Vapi's endedReason; unknown reasons are text, not errors.
#include "core/transferreason.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestTransferReason : public QObject
{
    Q_OBJECT

private slots:
    void fromEndedReason_data()
    {
        QTest::addColumn<QString>("endedReason");
        QTest::addColumn<bool>("transferred");
        QTest::addColumn<QString>("reasonContains");
        QTest::newRow("assistant forwarded")
            << u"assistant-forwarded-call"_s << true << u"transferred the caller"_s;
        QTest::newRow("operator busy") << u"call.forwarding.operator-busy"_s << true << u"busy"_s;
        QTest::newRow("no answer") << u"call.forwarding.no-answer"_s << true << u"did not answer"_s;
        QTest::newRow("hung up during transfer")
            << u"customer-ended-call-during-transfer"_s << true << u"during the transfer"_s;
        QTest::newRow("warm transfer timeout")
            << u"call.in-progress.error-warm-transfer-silence-timeout"_s << true << u"silence"_s;
        QTest::newRow("unknown transfer reason is text")
            << u"call.in-progress.error-transfer-new-kind"_s << true
            << u"call in progress error transfer new kind"_s;
        QTest::newRow("customer hung up") << u"customer-ended-call"_s << false << QString();
        QTest::newRow("assistant ended") << u"assistant-ended-call"_s << false << QString();
        QTest::newRow("unknown reason") << u"something-vapi-added-later"_s << false << QString();
        QTest::newRow("empty") << QString() << false << QString();
    }
    void fromEndedReason()
    {
        QFETCH(QString, endedReason);
        QFETCH(bool, transferred);
        QFETCH(QString, reasonContains);
        const auto info = vox::calls::transferFromEndedReason(endedReason);
        QCOMPARE(info.transferred, transferred);
        if (transferred)
            QVERIFY2(info.reason.contains(reasonContains), qPrintable(info.reason));
        else
            QVERIFY(info.reason.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestTransferReason)
#include "tst_transferreason.moc"
