// Whether a clinic starts with the recording disclosure on, from its state or time zone, and the
// greeting its callers then hear.
#include "core/recordingconsent.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
namespace consent = vox::recordingconsent;

class TestRecordingConsent : public QObject
{
    Q_OBJECT

private slots:
    void onByDefault_data()
    {
        QTest::addColumn<QString>("timeZone");
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("on");

        QTest::newRow("Los Angeles covers California")
            << u"America/Los_Angeles"_s << QString() << true;
        QTest::newRow("New York's zone covers Florida and Pennsylvania")
            << u"America/New_York"_s << QString() << true;
        QTest::newRow("Chicago's zone covers Illinois")
            << u"America/Chicago"_s << QString() << true;
        QTest::newRow("Denver's zone covers Montana") << u"America/Denver"_s << QString() << true;
        QTest::newRow("Detroit is Michigan") << u"America/Detroit"_s << QString() << true;
        QTest::newRow("Phoenix is Arizona, one-party")
            << u"America/Phoenix"_s << QString() << false;
        QTest::newRow("Honolulu is Hawaii, one-party")
            << u"Pacific/Honolulu"_s << QString() << false;
        QTest::newRow("Anchorage is Alaska, one-party")
            << u"America/Anchorage"_s << QString() << false;
        QTest::newRow("Boise is Idaho, one-party") << u"America/Boise"_s << QString() << false;
        QTest::newRow("Indiana's zones, one-party")
            << u"America/Indiana/Indianapolis"_s << QString() << false;
        QTest::newRow("outside the US the admin decides")
            << u"Europe/Madrid"_s << QString() << false;
        QTest::newRow("a known state decides over the zone: New York is one-party")
            << u"America/New_York"_s << u"NY"_s << false;
        QTest::newRow("a known state decides over the zone: Washington in Pacific time")
            << u"America/Los_Angeles"_s << u"wa"_s << true;
        QTest::newRow("a known all-party state in a one-party zone")
            << u"America/Phoenix"_s << u"CA"_s << true;
    }

    void onByDefault()
    {
        QFETCH(QString, timeZone);
        QFETCH(QString, state);
        QFETCH(bool, on);
        QCOMPARE(consent::onByDefault(timeZone, state), on);
    }

    void withDisclosure_data()
    {
        QTest::addColumn<QString>("greeting");
        QTest::addColumn<QString>("heard");

        QTest::newRow("English greeting gets the English disclosure first")
            << u"Thank you for calling Glow Spa. How can I help?"_s
            << u"This call is recorded for quality and your care. Thank you for calling Glow "
               "Spa. How can I help?"_s;
        QTest::newRow("Spanish greeting gets the Spanish disclosure")
            << u"Gracias por llamar a Glow Spa. ¿En qué puedo ayudarle?"_s
            << u"Esta llamada se graba para garantizar la calidad y su atención. Gracias por "
               "llamar a Glow Spa. ¿En qué puedo ayudarle?"_s;
        QTest::newRow("said once, not twice")
            << u"This call is recorded for quality and your care. Hello!"_s
            << u"This call is recorded for quality and your care. Hello!"_s;
        QTest::newRow("no greeting: the disclosure alone")
            << QString() << u"This call is recorded for quality and your care."_s;
    }

    void withDisclosure()
    {
        QFETCH(QString, greeting);
        QFETCH(QString, heard);
        QCOMPARE(consent::withDisclosure(greeting), heard);
    }
};

QTEST_APPLESS_MAIN(TestRecordingConsent)
#include "tst_recordingconsent.moc"
