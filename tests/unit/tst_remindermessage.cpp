// A clinic's reminder template, filled in for one appointment as the patient reads it, with the
// SMS part count Twilio bills; and which templates a clinic may keep.
#include "core/remindermessage.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
namespace reminders = vox::reminders;

class TestReminderMessage : public QObject
{
    Q_OBJECT

private slots:
    void render_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("firstName");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("segments");
        QTest::addColumn<bool>("unicode");

        QTest::newRow("the default SMS fits one GSM-7 part")
            << reminders::defaultSmsTemplate << u"Maria"_s
            << u"Hi Maria, this is a reminder of your Cleaning appointment at Bright Smile on "
               "Tue 10 Mar at 9:30 AM. Reply C to confirm, R to reschedule or N to cancel."_s
            << 1 << false;
        QTest::newRow("no first name: the greeting does without")
            << reminders::defaultSmsTemplate << QString()
            << u"Hi, this is a reminder of your Cleaning appointment at Bright Smile on "
               "Tue 10 Mar at 9:30 AM. Reply C to confirm, R to reschedule or N to cancel."_s
            << 1 << false;
        QTest::newRow("an accented letter makes it UCS-2: 70 per part")
            << u"Hola {first_name}, su cita de {service} en {clinic} es el {date} a las {time}. "
               "¿Confirma? Responda C."_s
            << u"María"_s
            << u"Hola María, su cita de Cleaning en Bright Smile es el Tue 10 Mar a las 9:30 AM. "
               "¿Confirma? Responda C."_s
            << 2 << true;
        QTest::newRow("a name with braces is not read as a placeholder")
            << u"Hi {first_name}, see you at {time}."_s << u"{clinic}"_s
            << u"Hi {clinic}, see you at 9:30 AM."_s << 1 << false;
        QTest::newRow("161 GSM-7 characters are two parts of 153")
            << QString(161, u'x') << u"Maria"_s << QString(161, u'x') << 2 << false;
    }

    void render()
    {
        QFETCH(QString, text);
        QFETCH(QString, firstName);
        QFETCH(QString, expected);
        QFETCH(int, segments);
        QFETCH(bool, unicode);
        reminders::Fields fields =
            reminders::sampleFields(u"Bright Smile"_s, QTimeZone("America/New_York"));
        fields.firstName = firstName;
        const reminders::Preview preview = reminders::preview(text, fields);
        QCOMPARE(preview.text, expected);
        QCOMPARE(preview.sms.segments, segments);
        QCOMPARE(preview.sms.encoding == vox::sms::Encoding::Ucs2, unicode);
    }

    // A patient who prefers Spanish gets the Spanish default words, with the date and time as
    // they are read in Spanish; still one GSM-7 part.
    void theSpanishDefaultsReadInSpanish_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("es") << u"es"_s
                            << u"Hola Maria, le recordamos su cita de Cleaning en Bright Smile el "
                               "10 de marzo a las 9:30. Responda C para confirmar, R para "
                               "cambiarla o N para cancelar."_s;
        QTest::newRow("ES, spaced") << u" ES "_s
                                    << u"Hola Maria, le recordamos su cita de Cleaning en Bright "
                                       "Smile el 10 de marzo a las 9:30. Responda C para "
                                       "confirmar, R para cambiarla o N para cancelar."_s;
        QTest::newRow("en") << u"en"_s
                            << u"Hi Maria, this is a reminder of your Cleaning appointment at "
                               "Bright Smile on Tue 10 Mar at 9:30 AM. Reply C to confirm, R to "
                               "reschedule or N to cancel."_s;
        QTest::newRow("not said") << QString()
                                  << u"Hi Maria, this is a reminder of your Cleaning appointment "
                                     "at Bright Smile on Tue 10 Mar at 9:30 AM. Reply C to "
                                     "confirm, R to reschedule or N to cancel."_s;
    }
    void theSpanishDefaultsReadInSpanish()
    {
        QFETCH(QString, code);
        QFETCH(QString, expected);
        reminders::Fields fields =
            reminders::sampleFields(u"Bright Smile"_s, QTimeZone("America/New_York"));
        fields.language = reminders::languageOf(code);
        const QString words = fields.language == reminders::Language::Spanish
                                  ? reminders::defaultSmsTemplateSpanish
                                  : reminders::defaultSmsTemplate;
        const reminders::Preview preview = reminders::preview(words, fields);
        QCOMPARE(preview.text, expected);
        QCOMPARE(preview.sms.segments, 1);
        QCOMPARE(preview.sms.encoding, vox::sms::Encoding::Gsm7);
        // An afternoon reads on the 24-hour clock in Spanish.
        fields.start = QDateTime(QDate(2026, 6, 12), QTime(15, 5), fields.zone);
        QCOMPARE(reminders::render(u"{date} {time}"_s, fields),
                 fields.language == reminders::Language::Spanish ? u"12 de junio 15:05"_s
                                                                 : u"Fri 12 Jun 3:05 PM"_s);
    }

    void theDateIsTheClinicsLocalDate()
    {
        // 02:30 UTC on the 11th is still the evening of the 10th in New York.
        const reminders::Fields fields{u"Ann"_s, u"Checkup"_s,
                                       QDateTime(QDate(2026, 3, 11), QTime(2, 30), Qt::UTC),
                                       QTimeZone("America/New_York"), u"Clinic"_s};
        QCOMPARE(reminders::render(u"{date} {time}"_s, fields), u"Tue 10 Mar 10:30 PM"_s);
    }

    void checkTemplate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error"); // empty: accepted

        QTest::newRow("the default") << reminders::defaultSmsTemplate << QString();
        QTest::newRow("no placeholders at all") << u"See you soon!"_s << QString();
        QTest::newRow("blank") << u"   "_s << u"'sms_template' cannot be empty."_s;
        QTest::newRow("unknown placeholder")
            << u"Hi {name}"_s
            << u"'sms_template' names {name}, which is not a placeholder; use {first_name}, "
               "{service}, {date}, {time}, {clinic}."_s;
        QTest::newRow("too long") << QString(1501, u'a')
                                  << u"'sms_template' is longer than 1500 characters."_s;
    }

    void checkTemplate()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const auto checked = reminders::checkTemplate(text, u"sms_template"_s);
        QCOMPARE(checked ? QString() : checked.errorMessage(), error);
    }
};

QTEST_APPLESS_MAIN(TestReminderMessage)
#include "tst_remindermessage.moc"
