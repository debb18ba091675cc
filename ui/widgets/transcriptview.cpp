#include "ui/widgets/transcriptview.h"

#include "core/servicematch.h"
#include "core/transcriptfollow.h"
#include "ui/models/displayformat.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTextBlock>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

bool spoken(const TranscriptLine &line)
{
    return line.role != u"system" && line.role != u"tool";
}

// `a` moved `share` of the way to `b`: tints that keep the text readable in either palette.
QColor blend(const QColor &a, const QColor &b, double share)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * share),
                            float(a.greenF() + (b.greenF() - a.greenF()) * share),
                            float(a.blueF() + (b.blueF() - a.blueF()) * share));
}

} // namespace

TranscriptView::TranscriptView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(u"callTranscript"_s);
    setOpenLinks(false);
    setMouseTracking(true);
    setAccessibleName(tr("Transcript"));
    setAccessibleDescription(
        tr("What was said in the call, line by line. Click a line to play the recording from "
           "there; the line being heard is highlighted."));
}

void TranscriptView::setLines(const QList<TranscriptLine> &lines, const QStringList &terms)
{
    m_lines.clear();
    for (const TranscriptLine &line : lines) {
        if (spoken(line))
            m_lines.append(line);
    }
    m_terms = terms;
    m_startsMs.clear();
    for (const TranscriptLine &line : std::as_const(m_lines))
        m_startsMs.append(line.secondsFromStart >= 0 ? qint64(line.secondsFromStart * 1000) : -1);
    m_current = -1;
    render();
}

void TranscriptView::setMessage(const QString &text)
{
    m_lines.clear();
    m_terms.clear();
    m_startsMs.clear();
    m_current = -1;
    m_marks = 0;
    setExtraSelections({});
    setPlainText(text);
}

void TranscriptView::render()
{
    const QPalette p = palette();
    const QColor mark = blend(p.color(QPalette::Base), QColor(0xff, 0xc1, 0x07), 0.45);
    QString html;
    m_marks = 0;
    for (const TranscriptLine &line : std::as_const(m_lines)) {
        const bool ai = line.role == u"assistant" || line.role == u"bot";
        const QString colour =
            DisplayFormat::tone(ai ? DisplayFormat::Tone::Accent : DisplayFormat::Tone::Good)
                .name();
        QString stamp;
        if (line.secondsFromStart >= 0) {
            const int s = int(line.secondsFromStart);
            stamp = u"<span style=\"color: %1\">%2:%3</span> "_s.arg(
                p.color(QPalette::PlaceholderText).name(), QString::number(s / 60),
                u"%1"_s.arg(s % 60, 2, 10, QLatin1Char('0')));
        }
        // The caller's words are what the call was valued by: mark them there only.
        QString text;
        const QList<services::TextSpan> spans =
            ai ? QList<services::TextSpan>() : services::mentionSpans(line.message, m_terms);
        qsizetype at = 0;
        for (const services::TextSpan &span : spans) {
            text += line.message.mid(at, span.start - at).toHtmlEscaped();
            text += u"<span style=\"background-color: %1; font-weight: 600\">%2</span>"_s.arg(
                mark.name(), line.message.mid(span.start, span.length).toHtmlEscaped());
            at = span.start + span.length;
            ++m_marks;
        }
        text += line.message.mid(at).toHtmlEscaped();
        html += u"<p style=\"margin: 0 0 6px 0\">%1<b style=\"color: %2\">%3:</b> %4</p>"_s.arg(
            stamp, colour, DisplayFormat::speaker(line.role).toHtmlEscaped(), text);
    }
    setHtml(html);
    showCurrent();
}

void TranscriptView::setPosition(qint64 ms)
{
    const qsizetype line = transcript::currentLine(m_startsMs, ms);
    if (line == m_current)
        return;
    m_current = line;
    showCurrent();
}

void TranscriptView::showCurrent()
{
    if (m_current < 0 || m_current >= document()->blockCount()) {
        setExtraSelections({});
        return;
    }
    const QTextBlock block = document()->findBlockByNumber(int(m_current));
    QTextEdit::ExtraSelection selection;
    selection.cursor = QTextCursor(block);
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    const QPalette p = palette();
    selection.format.setBackground(
        blend(p.color(QPalette::Base), p.color(QPalette::Highlight), 0.28));
    setExtraSelections({selection});
    // Keep the line in view while it plays, without jumping when it already is.
    const QRectF box = document()->documentLayout()->blockBoundingRect(block);
    const int top = int(box.top()) - verticalScrollBar()->value();
    if (top < 0 || top + box.height() > viewport()->height())
        verticalScrollBar()->setValue(int(box.top()) - viewport()->height() / 3);
}

qsizetype TranscriptView::lineAt(const QPoint &viewportPos) const
{
    if (m_lines.isEmpty())
        return -1;
    const QTextCursor cursor = cursorForPosition(viewportPos);
    const qsizetype line = cursor.blockNumber();
    if (line < 0 || line >= m_startsMs.size() || m_startsMs.at(line) < 0)
        return -1;
    // Below the last line is not the last line.
    const QRectF box = document()->documentLayout()->blockBoundingRect(cursor.block());
    const int y = viewportPos.y() + verticalScrollBar()->value();
    if (y < box.top() || y > box.bottom())
        return -1;
    return line;
}

void TranscriptView::mouseReleaseEvent(QMouseEvent *event)
{
    QTextBrowser::mouseReleaseEvent(event);
    // A click, not the end of selecting text to copy.
    if (event->button() != Qt::LeftButton || textCursor().hasSelection())
        return;
    const qsizetype line = lineAt(event->position().toPoint());
    if (line >= 0)
        emit seekRequested(m_startsMs.at(line));
}

void TranscriptView::mouseMoveEvent(QMouseEvent *event)
{
    QTextBrowser::mouseMoveEvent(event);
    const bool onLine = lineAt(event->position().toPoint()) >= 0;
    viewport()->setCursor(onLine ? Qt::PointingHandCursor : Qt::IBeamCursor);
}

void TranscriptView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    // Light or dark while running: the tints follow the palette.
    if (event->type() == QEvent::PaletteChange && !m_lines.isEmpty())
        render();
}

} // namespace vox::ui
