#pragma once

#include "ui/api/callrecord.h"

#include <QList>
#include <QStringList>
#include <QTextBrowser>

namespace vox::ui {

// A call's transcript that follows its recording: the line being heard is highlighted, a click on
// a line asks to play from there, and the words the call's value was counted from are marked in
// the caller's lines. Which line and which words are core's rules (transcriptfollow,
// servicematch); this only draws them.
class TranscriptView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptView)

public:
    explicit TranscriptView(QWidget *parent = nullptr);

    // The spoken lines (system and tool lines are left out) and the terms to mark.
    void setLines(const QList<TranscriptLine> &lines, const QStringList &terms);
    // Plain text instead of lines (loading, no transcript, an error); nothing to follow.
    void setMessage(const QString &text);
    // The recording's position: highlights the line being heard (none: -1).
    void setPosition(qint64 ms);
    qsizetype currentLine() const { return m_current; }
    qsizetype lineCount() const { return m_startsMs.size(); }
    // Where each shown line starts in the recording (-1: untimed), in order.
    const QList<qint64> &lineStarts() const { return m_startsMs; }
    // How many marks the caller's lines carry (tests, and the legend under the view).
    int markCount() const { return m_marks; }

signals:
    // The user clicked a timed line: play from its start.
    void seekRequested(qint64 ms);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void render();
    void showCurrent();
    qsizetype lineAt(const QPoint &viewportPos) const;

    QList<TranscriptLine> m_lines;
    QStringList m_terms;
    QList<qint64> m_startsMs;
    qsizetype m_current = -1;
    int m_marks = 0;
};

} // namespace vox::ui
