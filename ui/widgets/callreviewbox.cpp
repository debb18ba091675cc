#include "ui/widgets/callreviewbox.h"

#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/flowlayout.h"
#include "ui/widgets/reviewtagsdialog.h"
#include "ui/widgets/toastarea.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

constexpr int maxNoteLength = 2000;

} // namespace

CallReviewBox::CallReviewBox(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : QGroupBox(tr("Review"), parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_client(api)
    , m_score(new QComboBox(this))
    , m_note(new QLineEdit(this))
    , m_save(new QPushButton(tr("Save review"), this))
    , m_tagArea(new QWidget(this))
    , m_editTags(new QToolButton(this))
    , m_state(new QLabel(this))
{
    setObjectName(u"callReviewBox"_s);
    setAccessibleName(tr("Call review"));
    auto *layout = new QVBoxLayout(this);

    // Score and save on one line, the note under them: the panel beside the list is narrow.
    auto *row = new QHBoxLayout;
    m_score->setObjectName(u"reviewScore"_s);
    m_score->setAccessibleName(tr("Review score"));
    m_score->setAccessibleDescription(tr("How well the AI handled the call, from 1 to 5"));
    m_score->addItem(tr("Score…"), 0);
    m_score->addItem(tr("5 – Great"), 5);
    m_score->addItem(tr("4 – Good"), 4);
    m_score->addItem(tr("3 – Fair"), 3);
    m_score->addItem(tr("2 – Needs work"), 2);
    m_score->addItem(tr("1 – Poor"), 1);
    m_score->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_score->setMinimumContentsLength(10);
    row->addWidget(m_score, 1);
    m_save->setObjectName(u"saveReviewButton"_s);
    m_save->setAccessibleName(tr("Save review"));
    m_save->setAccessibleDescription(tr("Saves the score, tags and note for the whole clinic"));
    row->addWidget(m_save);
    layout->addLayout(row);
    m_note->setObjectName(u"reviewNote"_s);
    m_note->setAccessibleName(tr("Review note"));
    m_note->setPlaceholderText(tr("Note (optional)"));
    m_note->setMaxLength(maxNoteLength);
    m_note->setClearButtonEnabled(true);
    layout->addWidget(m_note);

    m_tagArea->setObjectName(u"reviewTags"_s);
    m_tagArea->setAccessibleName(tr("Review tags"));
    m_tagLayout = new FlowLayout(m_tagArea, 4);
    m_tagLayout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tagArea);
    m_editTags->setObjectName(u"editReviewTagsButton"_s);
    m_editTags->setText(tr("Edit tags…"));
    m_editTags->setAccessibleName(tr("Edit the clinic's review tags"));
    m_editTags->setToolTip(tr("Change the list of tags reviewers choose from"));
    m_editTags->setAutoRaise(true);

    m_state->setObjectName(u"reviewState"_s);
    m_state->setWordWrap(true);
    m_state->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_state);

    connect(m_score, &QComboBox::currentIndexChanged, this, &CallReviewBox::updateSave);
    connect(m_save, &QPushButton::clicked, this, &CallReviewBox::save);
    connect(m_note, &QLineEdit::returnPressed, this, [this] {
        if (m_save->isEnabled())
            save();
    });
    connect(m_editTags, &QToolButton::clicked, this, &CallReviewBox::editTags);
    clear();
}

void CallReviewBox::clear()
{
    ++m_generation;
    m_callId.clear();
    m_review = {};
    showReview();
}

void CallReviewBox::showCall(const QString &callId)
{
    if (callId == m_callId)
        return;
    m_callId = callId;
    m_review = {};
    m_review.callId = callId;
    showReview();
    m_state->setText(tr("Reading the review…"));
    if (!m_tagsRead)
        reloadTags();
    reloadReview();
}

void CallReviewBox::reloadReview()
{
    if (m_callId.isEmpty())
        return;
    const int generation = ++m_generation;
    m_client.review(m_callId, this, [this, generation](Result<CallReview> review) {
        if (generation != m_generation)
            return;
        if (!review) {
            m_state->setText(tr("The review could not be read: %1").arg(review.errorMessage()));
            return;
        }
        m_review = *review;
        showReview();
    });
}

void CallReviewBox::reloadTags()
{
    m_tagsRead = true;
    m_client.reviewTags(this, [this](Result<QStringList> tags) {
        if (!tags) {
            m_tagsRead = false;
            return;
        }
        m_tags = *tags;
        showTags(chosenTags());
        emit tagsChanged(m_tags);
    });
}

QToolButton *CallReviewBox::tagButton(const QString &tag) const
{
    for (QToolButton *button : m_tagButtons) {
        if (button->property("tag").toString() == tag)
            return button;
    }
    return nullptr;
}

QStringList CallReviewBox::chosenTags() const
{
    QStringList chosen;
    for (QToolButton *button : m_tagButtons) {
        if (button->isChecked())
            chosen << button->property("tag").toString();
    }
    return chosen;
}

void CallReviewBox::showTags(const QStringList &checked)
{
    m_tagLayout->removeWidget(m_editTags);
    qDeleteAll(m_tagButtons);
    m_tagButtons.clear();
    // A review keeps the words it was given: a tag since taken off the list still shows on it.
    QStringList shown = m_tags;
    for (const QString &tag : checked) {
        if (!shown.contains(tag))
            shown << tag;
    }
    for (const QString &tag : std::as_const(shown)) {
        auto *button = new QToolButton(m_tagArea);
        button->setObjectName(u"reviewTag"_s);
        button->setProperty("tag", tag);
        button->setText(tag);
        button->setCheckable(true);
        button->setChecked(checked.contains(tag));
        button->setAccessibleName(tr("Tag: %1").arg(tag));
        button->setAccessibleDescription(tr("Marks the call with this review tag"));
        m_tagLayout->addWidget(button);
        m_tagButtons << button;
    }
    m_tagLayout->addWidget(m_editTags);
    m_editTags->setVisible(m_api.session().isAdmin());
}

void CallReviewBox::showReview()
{
    m_score->setCurrentIndex(qMax(0, m_score->findData(m_review.score)));
    m_note->setText(m_review.note);
    showTags(m_review.tags);
    if (m_review.exists())
        m_state->setText(
            tr("Reviewed by %1, %2")
                .arg(m_review.reviewerName.isEmpty() ? tr("someone") : m_review.reviewerName,
                     DisplayFormat::dateTime(m_review.reviewedAt)));
    else
        m_state->setText(tr("Not reviewed yet."));
    updateSave();
}

void CallReviewBox::updateSave()
{
    m_save->setEnabled(!m_callId.isEmpty() && m_score->currentData().toInt() > 0);
}

void CallReviewBox::save()
{
    CallReview review;
    review.score = m_score->currentData().toInt();
    review.tags = chosenTags();
    review.note = m_note->text();
    const QString callId = m_callId;
    m_save->setEnabled(false);
    m_client.saveReview(callId, review, this, [this, callId](Result<CallReview> saved) {
        updateSave();
        if (callId != m_callId)
            return;
        if (!saved) {
            m_toasts.problem(saved.error());
            m_state->setText(saved.errorMessage());
            return;
        }
        m_review = *saved;
        showReview();
        m_toasts.success(tr("Review saved."));
        emit this->saved(m_review);
    });
}

void CallReviewBox::editTags()
{
    auto *dialog = new ReviewTagsDialog(m_tags, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReviewTagsDialog::tagsChosen, this, [this, dialog](const QStringList &tags) {
        m_client.saveReviewTags(tags, dialog, [this, dialog](Result<QStringList> saved) {
            if (!saved) {
                dialog->showProblem(saved.errorMessage());
                return;
            }
            m_tags = *saved;
            showTags(chosenTags());
            emit tagsChanged(m_tags);
            m_toasts.success(tr("Review tags saved."));
            dialog->accept();
        });
    });
    dialog->open();
}

} // namespace vox::ui
