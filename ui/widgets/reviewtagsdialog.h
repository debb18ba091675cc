#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace vox::ui {

// An admin's list of the clinic's review tags, one a line. Saving is the caller's: it answers
// with showProblem() or closes the dialog.
class ReviewTagsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewTagsDialog)

public:
    ReviewTagsDialog(const QStringList &tags, QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *saveButton() const { return m_save; }
    void showProblem(const QString &message);

signals:
    void tagsChosen(const QStringList &tags);

private:
    QPlainTextEdit *m_editor;
    QLabel *m_problem;
    QPushButton *m_save;
};

} // namespace vox::ui
