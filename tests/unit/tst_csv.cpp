#include "core/csv.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QTest>
#include <QTimeZone>

#include <cmath>

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

    // Each row: a value behind a table cell and what the file holds for it. The file is read by a
    // spreadsheet program, so a figure is a plain number whatever the screen's locale made of it.
    void aValueIsWrittenAsASpreadsheetReadsIt_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QByteArray>("written");
        auto row = [](const char *name, const QVariant &value, const QByteArray &written) {
            QTest::newRow(name) << value << written;
        };
        row("a whole number without grouping", QVariant(qint64(1234567)), "1234567");
        row("a decimal with a point", QVariant(1234.5), "1234.5");
        row("a negative decimal stays a number", QVariant(-12.25), "-12.25");
        row("a rise of 200 % is the number 200, no '+'", QVariant(200.0), "200");
        row("a fall is a negative number", QVariant(-50.0), "-50");
        row("money in whole units", QVariant(7500.0), "7500");
        row("money with cents", QVariant(217.24), "217.24");
        row("no exponent for a large figure", QVariant(12345678901.0), "12345678901");
        row("minus zero is zero", QVariant(-0.0), "0");
        row("not a number is an empty cell", QVariant(std::nan("")), "");
        row("a date in ISO 8601", QVariant(QDate(2026, 12, 7)), "2026-12-07");
        row("a time in ISO 8601",
            QVariant(QDateTime(QDate(2026, 3, 4), QTime(15, 5), QTimeZone::utc())),
            "2026-03-04T15:05:00+00:00");
        row("text is still guarded", QVariant(u"+200%"_s), "'+200%");
        row("a patient's formula is still guarded", QVariant(u"=HYPERLINK(\"x\")"_s),
            "\"'=HYPERLINK(\"\"x\"\")\"");
        row("an empty text is an empty cell", QVariant(QString()), "");
    }
    void aValueIsWrittenAsASpreadsheetReadsIt()
    {
        QFETCH(QVariant, value);
        QFETCH(QByteArray, written);
        QCOMPARE(vox::csv::field(vox::csv::plain(value)), written);
    }

    // The screen's locale never reaches a value: Spanish shows "1.234,5", the file says 1234.5.
    void aValueIgnoresTheLocale()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
        const QString written = vox::csv::plain(QVariant(1234.5));
        QLocale::setDefault(before);
        QCOMPARE(written, u"1234.5"_s);
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
