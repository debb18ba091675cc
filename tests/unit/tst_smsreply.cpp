#include "core/smsreply.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::sms::ReplyKind;

Q_DECLARE_METATYPE(vox::sms::ReplyKind)

class TestSmsReply : public QObject
{
    Q_OBJECT

private slots:
    // Each row: what the patient texted, whether an appointment of theirs is waiting for an
    // answer, and what the clinic takes it to mean.
    void aReplyMeansWhatThePatientMostLikelyMeant_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("waiting");
        QTest::addColumn<ReplyKind>("kind");
        auto row = [](const char *name, const QString &text, bool waiting, ReplyKind kind) {
            QTest::newRow(name) << text << waiting << kind;
        };
        // Confirm
        row("C", u"C"_s, true, ReplyKind::Confirm);
        row("c lower case", u"c"_s, true, ReplyKind::Confirm);
        row("Y", u"Y"_s, true, ReplyKind::Confirm);
        row("YES", u"YES"_s, true, ReplyKind::Confirm);
        row("yes with punctuation", u"  Yes!! "_s, true, ReplyKind::Confirm);
        row("CONFIRM", u"CONFIRM"_s, true, ReplyKind::Confirm);
        row("confirmed", u"Confirmed"_s, true, ReplyKind::Confirm);
        row("yes thanks", u"yes thanks"_s, true, ReplyKind::Confirm);
        row("yeah see you then", u"Yeah, see you then"_s, true, ReplyKind::Confirm);
        row("yep", u"yep"_s, true, ReplyKind::Confirm);
        row("misspelt Confirmd", u"Confirmd"_s, true, ReplyKind::Confirm);
        row("misspelt comfirm", u"comfirm"_s, true, ReplyKind::Confirm);
        row("confirm inside a sentence", u"I'd like to confirm please"_s, true, ReplyKind::Confirm);
        row("confirm with nothing waiting", u"YES"_s, false, ReplyKind::Confirm);
        // Cancel
        row("N", u"N"_s, true, ReplyKind::Cancel);
        row("NO", u"NO"_s, true, ReplyKind::Cancel);
        row("no lower case", u"no"_s, true, ReplyKind::Cancel);
        row("CANCEL with an appointment waiting", u"CANCEL"_s, true, ReplyKind::Cancel);
        row("cancel inside a sentence", u"Please cancel my appointment"_s, true, ReplyKind::Cancel);
        row("misspelt cancle", u"cancle"_s, true, ReplyKind::Cancel);
        row("no I can't make it", u"No, I can't make it"_s, true, ReplyKind::Cancel);
        row("please cancel with nothing waiting", u"please cancel"_s, false, ReplyKind::Cancel);
        // Reschedule
        row("R", u"R"_s, true, ReplyKind::Reschedule);
        row("RESCHEDULE", u"RESCHEDULE"_s, true, ReplyKind::Reschedule);
        row("misspelt reschedual", u"reschedual"_s, true, ReplyKind::Reschedule);
        row("reschedule inside a sentence", u"Can I reschedule for Friday?"_s, true,
            ReplyKind::Reschedule);
        // Opt-out (carrier keywords)
        row("STOP", u"STOP"_s, true, ReplyKind::OptOut);
        row("stop lower case", u"stop"_s, false, ReplyKind::OptOut);
        row("STOPALL", u"STOPALL"_s, true, ReplyKind::OptOut);
        row("UNSUBSCRIBE", u"Unsubscribe"_s, true, ReplyKind::OptOut);
        row("END", u"END"_s, true, ReplyKind::OptOut);
        row("QUIT", u"quit"_s, true, ReplyKind::OptOut);
        row("CANCEL with nothing waiting", u"CANCEL"_s, false, ReplyKind::OptOut);
        row("Stop texting me", u"Stop texting me"_s, true, ReplyKind::OptOut);
        row("STOP!", u"STOP!"_s, true, ReplyKind::OptOut);
        // Opt-in and help
        row("START", u"START"_s, false, ReplyKind::OptIn);
        row("UNSTOP", u"unstop"_s, false, ReplyKind::OptIn);
        row("HELP", u"HELP"_s, true, ReplyKind::Help);
        row("help lower case", u"help"_s, false, ReplyKind::Help);
        // Free text, and the tricky ones
        row("no problem I'll be there", u"no problem I'll be there"_s, true, ReplyKind::FreeText);
        row("no worries", u"No worries"_s, true, ReplyKind::FreeText);
        row("a question", u"What time do you open on Saturday?"_s, true, ReplyKind::FreeText);
        row("R u open", u"R u open tomorrow"_s, true, ReplyKind::FreeText);
        row("Y as the first of many words", u"Y not"_s, true, ReplyKind::FreeText);
        row("two answers at once", u"Yes, or can I reschedule?"_s, true, ReplyKind::FreeText);
        row("cancel or reschedule", u"cancel or reschedule?"_s, true, ReplyKind::FreeText);
        row("END inside a sentence", u"See you at the end of the week"_s, true,
            ReplyKind::FreeText);
        row("QUIT inside a sentence", u"I quit smoking, yay"_s, true, ReplyKind::FreeText);
        row("START inside a sentence", u"Start time?"_s, true, ReplyKind::FreeText);
        row("HELP inside a sentence", u"Help, where do I park?"_s, true, ReplyKind::FreeText);
        row("schedule is not reschedule", u"Can I schedule a cleaning?"_s, true,
            ReplyKind::FreeText);
        row("a stray single letter", u"k"_s, true, ReplyKind::FreeText);
        row("empty", QString(), true, ReplyKind::FreeText);
        row("only punctuation", u"?!"_s, true, ReplyKind::FreeText);
        row("an emoji", u"\U0001F44D"_s, true, ReplyKind::FreeText);
    }
    void aReplyMeansWhatThePatientMostLikelyMeant()
    {
        QFETCH(QString, text);
        QFETCH(bool, waiting);
        QFETCH(ReplyKind, kind);
        QCOMPARE(vox::sms::replyKindName(vox::sms::interpretReply(text, waiting)),
                 vox::sms::replyKindName(kind));
    }

    void editDistanceCountsTranspositionsAsOne_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("distance");
        QTest::newRow("same") << u"cancel"_s << u"cancel"_s << 0;
        QTest::newRow("a letter missing") << u"confirmd"_s << u"confirmed"_s << 1;
        QTest::newRow("two letters swapped") << u"cancle"_s << u"cancel"_s << 1;
        QTest::newRow("a letter changed") << u"comfirm"_s << u"confirm"_s << 1;
        QTest::newRow("from nothing") << QString() << u"stop"_s << 4;
    }
    void editDistanceCountsTranspositionsAsOne()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, distance);
        QCOMPARE(vox::sms::editDistance(a, b), distance);
    }
};

QTEST_GUILESS_MAIN(TestSmsReply)
#include "tst_smsreply.moc"
