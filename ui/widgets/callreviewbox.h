#pragma once

#include "ui/api/callreview.h"
#include "ui/api/callreviewsclient.h"

#include <QGroupBox>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace vox::ui {

class ApiClient;
class FlowLayout;
class ToastArea;

// The review of the call shown: a score from 1 to 5, the clinic's tags that apply (what the AI
// got wrong, or that it did well) and a note, saved for everyone in the clinic. An admin also
// edits the list of tags from here.
class CallReviewBox final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallReviewBox)

public:
    CallReviewBox(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    // Reads the call's review (and the clinic's tags the first time).
    void showCall(const QString &callId);
    void clear();
    // Reads again what another console may have changed.
    void reloadReview();
    void reloadTags();

    QComboBox *scoreBox() const { return m_score; }
    QLineEdit *noteField() const { return m_note; }
    QPushButton *saveButton() const { return m_save; }
    QToolButton *editTagsButton() const { return m_editTags; }
    QLabel *stateLabel() const { return m_state; }
    // The tag's button, or none when the clinic has no such tag.
    QToolButton *tagButton(const QString &tag) const;
    const CallReview &review() const { return m_review; }
    CallReviewsClient &client() { return m_client; }
    QStringList tags() const { return m_tags; }

signals:
    void saved(const vox::ui::CallReview &review);
    void tagsChanged(const QStringList &tags);

private:
    void showTags(const QStringList &checked);
    void showReview();
    void save();
    void editTags();
    void updateSave();
    QStringList chosenTags() const;

    ApiClient &m_api;
    ToastArea &m_toasts;
    CallReviewsClient m_client;
    QString m_callId;
    CallReview m_review;
    QStringList m_tags;
    bool m_tagsRead = false;
    int m_generation = 0;

    QComboBox *m_score;
    QLineEdit *m_note;
    QPushButton *m_save;
    QWidget *m_tagArea;
    FlowLayout *m_tagLayout;
    QList<QToolButton *> m_tagButtons;
    QToolButton *m_editTags;
    QLabel *m_state;
};

} // namespace vox::ui
