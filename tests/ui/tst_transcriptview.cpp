// The transcript follows the recording: the line being heard is highlighted, a click on a line
// asks to play from there, and the caller's words the call's value came from are marked.
#include "ui/widgets/transcriptview.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

using namespace Qt::Literals::StringLiterals;
using vox::ui::TranscriptLine;

namespace {

const QList<TranscriptLine> call{
    {u"system"_s, u"You are the clinic's receptionist."_s, 0},
    {u"assistant"_s, u"Thank you for calling. How can I help you today?"_s, 1},
    {u"user"_s, u"How much is a facelift? And do you do nose jobs?"_s, 4},
    {u"tool"_s, u"facelift $8,000"_s, 6},
    {u"assistant"_s, u"A facelift starts at $8,000 and rhinoplasty at $6,000."_s, 9},
    {u"user"_s, u"OK, I'll think about the facelift."_s, 14},
};

} // namespace

class TestTranscriptView : public QObject
{
    Q_OBJECT

private slots:
    void showsTheSpokenLinesOnly()
    {
        vox::ui::TranscriptView view;
        view.setLines(call, {});
        QCOMPARE(view.lineCount(), 4);
        QCOMPARE(view.lineStarts(), (QList<qint64>{1000, 4000, 9000, 14000}));
        QCOMPARE(view.document()->blockCount(), 4);
        QVERIFY(view.document()->findBlockByNumber(1).text().contains(u"nose jobs"_s));
    }

    void highlightsTheLineBeingHeard_data()
    {
        QTest::addColumn<qint64>("position");
        QTest::addColumn<qsizetype>("line");
        QTest::newRow("before anyone speaks") << qint64(500) << qsizetype(-1);
        QTest::newRow("the greeting") << qint64(2000) << qsizetype(0);
        QTest::newRow("the caller's question") << qint64(8999) << qsizetype(1);
        QTest::newRow("the last line, to the end") << qint64(60000) << qsizetype(3);
        QTest::newRow("stopped") << qint64(-1) << qsizetype(-1);
    }
    void highlightsTheLineBeingHeard()
    {
        QFETCH(qint64, position);
        QFETCH(qsizetype, line);
        vox::ui::TranscriptView view;
        view.setLines(call, {});
        view.setPosition(position);
        QCOMPARE(view.currentLine(), line);
        const auto selections = view.extraSelections();
        QCOMPARE(selections.size(), line < 0 ? 0 : 1);
        if (line >= 0)
            QCOMPARE(selections.first().cursor.blockNumber(), int(line));
    }

    void aClickOnALinePlaysFromThere()
    {
        vox::ui::TranscriptView view;
        view.resize(500, 400);
        view.setLines(call, {});
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy seek(&view, &vox::ui::TranscriptView::seekRequested);
        const QTextBlock third = view.document()->findBlockByNumber(2);
        const QRectF box = view.document()->documentLayout()->blockBoundingRect(third);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          QPoint(int(box.left()) + 30, int(box.center().y())));
        QCOMPARE(seek.size(), 1);
        QCOMPARE(seek.first().first().toLongLong(), qint64(9000));
        // Below the last line is no line.
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          QPoint(30, view.viewport()->height() - 5));
        QCOMPARE(seek.size(), 1);
    }

    void marksTheCallersWordsTheValueCameFrom()
    {
        vox::ui::TranscriptView view;
        view.setLines(call, {u"Facelift"_s, u"face lift"_s, u"Rhinoplasty"_s, u"nose job"_s});
        // "facelift" and "nose jobs" in the question, "facelift" in the last line; the
        // assistant's "facelift" and "rhinoplasty" are not what the caller said.
        QCOMPARE(view.markCount(), 3);
        QVERIFY(view.toHtml().contains(u"nose jobs</span>"_s));
        vox::ui::TranscriptView plain;
        plain.setLines(call, {});
        QCOMPARE(plain.markCount(), 0);
    }

    void hasAnAccessibleNameAndDescription()
    {
        vox::ui::TranscriptView view;
        QVERIFY(!view.accessibleName().isEmpty());
        QVERIFY(!view.accessibleDescription().isEmpty());
    }
};

QTEST_MAIN(TestTranscriptView)
#include "tst_transcriptview.moc"
