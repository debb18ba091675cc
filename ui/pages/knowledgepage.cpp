#include "ui/pages/knowledgepage.h"

#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/toastarea.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

constexpr qint64 maxBytes = 20 * 1024 * 1024; // the server's limit (S-knowledge)

// The type the server reads the file as, from its name; empty for files it does not take.
QByteArray mimeFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"pdf")
        return "application/pdf";
    if (suffix == u"txt")
        return "text/plain";
    if (suffix == u"md" || suffix == u"markdown")
        return "text/markdown";
    return {};
}

QString kindName(const QString &mime)
{
    if (mime == u"application/pdf")
        return QCoreApplication::translate("KnowledgePage", "PDF");
    if (mime == u"text/markdown")
        return QCoreApplication::translate("KnowledgePage", "Markdown");
    return QCoreApplication::translate("KnowledgePage", "Text");
}

} // namespace

KnowledgePage::KnowledgePage(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : Page(parent)
    , m_api(api)
    , m_toasts(toasts)
    , m_uploadButton(new QPushButton(tr("Upload documents…"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_dropHint(new QLabel(this))
    , m_uploadLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_table(new QTableWidget(this))
    , m_question(new QLineEdit(this))
    , m_ask(new QPushButton(tr("Ask"), this))
    , m_answer(new QLabel(this))
    , m_passages(new QListWidget(this))
{
    setObjectName(u"knowledgePage"_s);
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 8);
    auto *intro = new QLabel(tr("Documents the AI receptionist answers callers' questions from: "
                                "price lists, FAQs, aftercare notes, policies. PDF, text or "
                                "Markdown, up to 20 MB each."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *bar = new QHBoxLayout;
    m_uploadButton->setObjectName(u"uploadButton"_s);
    m_delete->setObjectName(u"deleteDocumentButton"_s);
    bar->addWidget(m_uploadButton);
    m_dropHint->setObjectName(u"dropHint"_s);
    m_dropHint->setText(tr("or drop files here"));
    m_dropHint->setForegroundRole(QPalette::PlaceholderText);
    bar->addWidget(m_dropHint);
    bar->addStretch();
    bar->addWidget(m_delete);
    layout->addLayout(bar);
    auto *progressRow = new QHBoxLayout;
    m_uploadLabel->setObjectName(u"uploadLabel"_s);
    progressRow->addWidget(m_uploadLabel);
    m_progress->setObjectName(u"uploadProgress"_s);
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(true);
    progressRow->addWidget(m_progress, 1);
    layout->addLayout(progressRow);
    m_uploadLabel->hide();
    m_progress->hide();

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_table->setObjectName(u"documentsTable"_s);
    m_table->setAccessibleName(tr("Documents"));
    m_table->setAccessibleDescription(tr("The documents the AI answers callers' questions "
                                         "from"));
    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("Document"), tr("Type"), tr("Size"), tr("Passages"), tr("Added")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    const QList<int> widths{0, 90, 90, 80, 170};
    for (int c = 1; c < widths.size(); ++c)
        m_table->setColumnWidth(c, widths.at(c));
    m_state = new EmptyState(m_table, this);
    splitter->addWidget(m_state);

    auto *tryBox = new QGroupBox(tr("Try a question"), this);
    auto *tryLayout = new QVBoxLayout(tryBox);
    auto *askRow = new QHBoxLayout;
    m_question->setObjectName(u"questionEdit"_s);
    m_question->setAccessibleName(tr("Test question"));
    m_question->setPlaceholderText(tr("What a caller might ask, e.g. “How long does Botox last?”"));
    m_ask->setObjectName(u"askButton"_s);
    askRow->addWidget(m_question, 1);
    askRow->addWidget(m_ask);
    tryLayout->addLayout(askRow);
    m_answer->setObjectName(u"answerLabel"_s);
    m_answer->setWordWrap(true);
    m_answer->setForegroundRole(QPalette::PlaceholderText);
    m_answer->setText(tr("The AI is given the passages below to answer from."));
    tryLayout->addWidget(m_answer);
    m_passages->setObjectName(u"passagesList"_s);
    m_passages->setAccessibleName(tr("Passages found"));
    m_passages->setAccessibleDescription(tr("The parts of the documents the AI would use to "
                                            "answer the test question"));
    m_passages->setWordWrap(true);
    m_passages->setAlternatingRowColors(true);
    m_passages->setSelectionMode(QAbstractItemView::NoSelection);
    m_passages->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    tryLayout->addWidget(m_passages, 1);
    splitter->addWidget(tryBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_uploadButton, &QPushButton::clicked, this, &KnowledgePage::chooseFiles);
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(); });
    connect(m_ask, &QPushButton::clicked, this, [this] { ask(m_question->text()); });
    connect(m_question, &QLineEdit::returnPressed, this, [this] { ask(m_question->text()); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &KnowledgePage::updateActions);
    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(400);
    connect(&m_reloadDelay, &QTimer::timeout, this, &KnowledgePage::refresh);
    updateActions();
}

void KnowledgePage::activated()
{
    if (!m_loadedOnce)
        refresh();
}

void KnowledgePage::refresh()
{
    m_loadedOnce = true;
    updateActions();
    if (m_documents.isEmpty())
        m_state->showMessage(tr("Loading documents…"));
    m_api.knowledge().documents(this, [this](Result<QList<KnowledgeDocument>> documents) {
        if (!documents) {
            m_state->showMessage(tr("The documents could not be loaded."), documents.errorMessage(),
                                 [this] { refresh(); });
            return;
        }
        show(*documents);
    });
}

void KnowledgePage::show(const QList<KnowledgeDocument> &documents)
{
    m_documents = documents;
    m_table->setRowCount(int(documents.size()));
    const QLocale locale;
    for (int row = 0; row < documents.size(); ++row) {
        const KnowledgeDocument &d = documents.at(row);
        const QStringList cells{
            d.fileName, kindName(d.mimeType), locale.formattedDataSize(d.sizeBytes),
            QString::number(d.chunkCount), DisplayFormat::dateTime(d.createdAt)};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 2 || c == 3)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, c, item);
        }
    }
    if (documents.isEmpty())
        m_state->showMessage(tr("No documents yet."),
                             m_api.session().isAdmin()
                                 ? tr("Upload your price list or FAQ so the AI can answer "
                                      "callers' questions.")
                                 : tr("The clinic's owner or an admin can add documents."));
    else
        m_state->showContent();
    updateActions();
}

void KnowledgePage::updateActions()
{
    const bool admin = m_api.session().isAdmin();
    m_uploadButton->setVisible(admin);
    m_dropHint->setVisible(admin);
    m_delete->setVisible(admin);
    m_uploadButton->setEnabled(!m_uploading);
    m_delete->setEnabled(admin && m_table->selectionModel()->hasSelection());
}

void KnowledgePage::chooseFiles()
{
    auto *dialog =
        new QFileDialog(this, tr("Upload documents"),
                        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                        tr("Documents (*.pdf *.txt *.md *.markdown)"));
    dialog->setObjectName(u"uploadDialog"_s);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::filesSelected, this, &KnowledgePage::upload);
    dialog->open();
}

void KnowledgePage::dragEnterEvent(QDragEnterEvent *event)
{
    if (!m_api.session().isAdmin() || !event->mimeData()->hasUrls())
        return;
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile() && !mimeFor(url.toLocalFile()).isEmpty()) {
            event->acceptProposedAction();
            return;
        }
    }
}

void KnowledgePage::dropEvent(QDropEvent *event)
{
    QStringList paths;
    const QList<QUrl> urls = event->mimeData()->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    upload(paths);
}

void KnowledgePage::upload(const QStringList &paths)
{
    if (!m_api.session().isAdmin())
        return;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (mimeFor(path).isEmpty())
            m_toasts.problem(tr("%1 cannot be added: only PDF, text (.txt) and Markdown (.md) "
                                "documents.")
                                 .arg(info.fileName()));
        else if (info.size() > maxBytes)
            m_toasts.problem(tr("%1 is larger than 20 MB.").arg(info.fileName()));
        else
            m_queue << path;
    }
    if (!m_uploading)
        uploadNext();
}

void KnowledgePage::uploadNext()
{
    if (m_queue.isEmpty()) {
        m_uploading = false;
        m_uploadLabel->hide();
        m_progress->hide();
        updateActions();
        return;
    }
    const QString path = m_queue.takeFirst();
    const QString name = QFileInfo(path).fileName();
    auto file = std::make_shared<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        m_toasts.problem(tr("%1 could not be read.").arg(name));
        uploadNext();
        return;
    }
    m_uploading = true;
    m_highestProgress = 0;
    updateActions();
    m_uploadLabel->setText(tr("Uploading %1…").arg(name));
    m_uploadLabel->show();
    m_progress->setValue(0);
    m_progress->show();
    m_api.knowledge().upload(
        name, mimeFor(path), std::move(file), this,
        [this](qint64 sent, qint64 total) {
            if (total <= 0)
                return;
            const int percent = int(sent * 100 / total);
            m_highestProgress = qMax(m_highestProgress, percent);
            m_progress->setValue(percent);
            // Sent: the server is reading the document and cutting it into passages.
            if (sent == total)
                m_uploadLabel->setText(
                    tr("Reading %1…").arg(m_uploadLabel->property("file").toString()));
        },
        [this, name](Result<KnowledgeDocument> added) {
            if (!added) {
                m_toasts.problem(tr("%1 was not added: %2").arg(name, added.errorMessage()));
            } else {
                m_progress->setValue(100);
                m_toasts.success(
                    tr("%1 added: %n passage(s) the AI can use.", nullptr, added->chunkCount)
                        .arg(added->fileName));
                refresh();
            }
            uploadNext();
        });
    m_uploadLabel->setProperty("file", name);
}

void KnowledgePage::deleteSelected(bool confirm)
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_documents.size())
        return;
    const KnowledgeDocument d = m_documents.at(row);
    const auto go = [this, d] {
        m_api.knowledge().remove(d.id, this, [this, d](Result<void> done) {
            if (!done) {
                m_toasts.problem(done.error());
                return;
            }
            m_toasts.success(tr("%1 was deleted.").arg(d.fileName));
            refresh();
        });
    };
    if (!confirm) {
        go();
        return;
    }
    Confirmation{tr("Delete document"),
                 tr("Delete %1? The AI stops answering from it.").arg(d.fileName), tr("Delete"),
                 tr("Keep it")}
        .open(this, go);
}

void KnowledgePage::ask(const QString &question)
{
    const QString q = question.trimmed();
    if (q.isEmpty())
        return;
    if (m_question->text() != question)
        m_question->setText(question);
    m_ask->setEnabled(false);
    m_answer->setText(tr("Looking…"));
    m_api.knowledge().query(q, this, [this](Result<QList<KnowledgePassage>> passages) {
        m_ask->setEnabled(true);
        m_passages->clear();
        if (!passages) {
            m_answer->setText(passages.errorMessage());
            return;
        }
        if (passages->isEmpty()) {
            m_answer->setText(tr("Nothing in the documents matches. The AI would say it does not "
                                 "know, and offer to have someone call back."));
            return;
        }
        m_answer->setText(
            tr("The AI would be given %n passage(s), best first:", nullptr, int(passages->size())));
        for (const KnowledgePassage &p : *passages) {
            auto *item = new QListWidgetItem(
                tr("From %1:").arg(p.fileName) + u'\n' + p.content.simplified(), m_passages);
            item->setToolTip(p.fileName);
        }
    });
}

void KnowledgePage::applyEvent(const LiveEvent &event)
{
    if (m_loadedOnce && event.type == u"knowledge.updated")
        m_reloadDelay.start();
}

} // namespace vox::ui
