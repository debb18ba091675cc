#include "core/csv.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    // Each row: a cell's text and the bytes it is written as.
    void aFieldIsQuotedAsRfc4180AndNeverRunsAsAFormula_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("written");
        auto row = [](const char *name, const QString &text, const QByteArray &written) {
            QTest::newRow(name) << text << written;
        };
        row("plain text as is", u"Jane Smith"_s, "Jane Smith");
        row("empty stays empty", QString(), "");
        row("a comma quotes the field", u"Smith, Jane"_s, "\"Smith, Jane\"");
        row("a quote is doubled inside quotes", u"the \"good\" one"_s, "\"the \"\"good\"\" one\"");
        row("a line feed quotes the field", u"line one\nline two"_s, "\"line one\nline two\"");
        row("a carriage return inside quotes the field", u"a\r\nb"_s, "\"a\r\nb\"");
        row("UTF-8 for accents", u"Sofía Núñez"_s,
            "Sof\xC3\xAD"
            "a N\xC3\xBA\xC3\xB1"
            "ez");
        row("= gets an apostrophe", u"=HYPERLINK(\"http://x\")"_s,
            "\"'=HYPERLINK(\"\"http://x\"\")\"");
        row("= formula without quotes", u"=1+2"_s, "'=1+2");
        row("+ gets an apostrophe", u"+cmd|' /C calc'!A0"_s, "'+cmd|' /C calc'!A0");
        row("a phone number in E.164 reads as text", u"+15551234567"_s, "'+15551234567");
        row("- formula gets an apostrophe", u"-2+3"_s, "'-2+3");
        row("@ gets an apostrophe", u"@SUM(A1:A2)"_s, "'@SUM(A1:A2)");
        row("a leading tab gets an apostrophe", u"\t=1"_s, "'\t=1");
        row("a leading carriage return gets an apostrophe and quotes", u"\r=1"_s, "\"'\r=1\"");
        row("a negative number stays a number", u"-0.75"_s, "-0.75");
        row("a negative whole number stays a number", u"-12"_s, "-12");
        row("a minus sign alone is neutralised", u"-"_s, "'-");
        row("= later in the text is harmless", u"price = 80"_s, "price = 80");
        row("a positive decimal as is", u"1234.50"_s, "1234.50");
    }
    void aFieldIsQuotedAsRfc4180AndNeverRunsAsAFormula()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, written);
        QCOMPARE(vox::csv::field(text), written);
    }

    void aRecordJoinsFieldsWithCommasAndEndsWithCrlf()
    {
        QCOMPARE(vox::csv::record({u"a"_s, QString(), u"b,c"_s, u"=x"_s}),
                 QByteArray("a,,\"b,c\",'=x\r\n"));
        QCOMPARE(vox::csv::record({}), QByteArray("\r\n"));
    }

    void theByteOrderMarkIsUtf8s()
    {
        QCOMPARE(QByteArray(vox::csv::byteOrderMark), QByteArray::fromHex("efbbbf"));
    }
};

QTEST_APPLESS_MAIN(TestCsv)
#include "tst_csv.moc"
