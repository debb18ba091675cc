#pragma once

#include "ui/api/knowledgedocument.h"
#include "ui/pages/page.h"

#include <QStringList>
#include <QTimer>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace vox::ui {

class ApiClient;
class EmptyState;
class ToastArea;

// The documents the AI receptionist answers from (price lists, FAQs, policies): upload PDF,
// text or Markdown with the button or by dropping files on the page, with a progress bar; the
// list with size and passages; delete; and "Try a question" showing the passages the AI would
// be given.
class KnowledgePage final : public Page
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnowledgePage)

public:
    KnowledgePage(ApiClient &api, ToastArea &toasts, QWidget *parent = nullptr);

    QString title() const override { return tr("Knowledge"); }
    void refresh() override;
    void applyEvent(const LiveEvent &event) override;
    void activated() override;

    // Uploads the files one after the other (what the dialog and a drop hand over).
    void upload(const QStringList &paths);
    void ask(const QString &question);
    void deleteSelected(bool confirm = true);
    const QList<KnowledgeDocument> &documents() const { return m_documents; }
    QTableWidget *table() const { return m_table; }
    QProgressBar *progressBar() const { return m_progress; }
    QListWidget *passages() const { return m_passages; }
    QLabel *answerLabel() const { return m_answer; }
    bool isUploading() const { return m_uploading; }
    // The largest progress fraction seen during the current or last upload (tests).
    int highestProgress() const { return m_highestProgress; }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void uploadNext();
    void show(const QList<KnowledgeDocument> &documents);
    void updateActions();
    void chooseFiles();

    ApiClient &m_api;
    ToastArea &m_toasts;
    QPushButton *m_uploadButton;
    QPushButton *m_delete;
    QLabel *m_dropHint;
    QLabel *m_uploadLabel;
    QProgressBar *m_progress;
    QTableWidget *m_table;
    EmptyState *m_state;
    QLineEdit *m_question;
    QPushButton *m_ask;
    QLabel *m_answer;
    QListWidget *m_passages;
    QList<KnowledgeDocument> m_documents;
    QStringList m_queue;
    QTimer m_reloadDelay;
    int m_highestProgress = 0;
    bool m_uploading = false;
    bool m_loadedOnce = false;
};

} // namespace vox::ui
