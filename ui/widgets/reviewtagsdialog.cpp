#include "ui/widgets/reviewtagsdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

ReviewTagsDialog::ReviewTagsDialog(const QStringList &tags, QWidget *parent)
    : QDialog(parent)
    , m_editor(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
{
    setObjectName(u"reviewTagsDialog"_s);
    setWindowTitle(tr("Review tags"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The tags reviewers choose from, one a line (at most 50, each up "
                                "to 40 characters). Reviews already saved keep their tags."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_editor->setObjectName(u"reviewTagsEditor"_s);
    m_editor->setAccessibleName(tr("Review tags, one a line"));
    m_editor->setPlainText(tags.join(u'\n'));
    m_editor->setTabChangesFocus(true);
    layout->addWidget(m_editor, 1);
    m_problem->setObjectName(u"reviewTagsProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(u"saveReviewTagsButton"_s);
    m_save->setAccessibleName(tr("Save the review tags"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, [this] {
        QStringList chosen;
        for (const QString &line : m_editor->toPlainText().split(u'\n')) {
            if (!line.trimmed().isEmpty())
                chosen << line.trimmed();
        }
        m_problem->hide();
        emit tagsChosen(chosen);
    });
    resize(380, 320);
}

void ReviewTagsDialog::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->show();
}

} // namespace vox::ui
