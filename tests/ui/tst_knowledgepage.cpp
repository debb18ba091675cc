// The Knowledge page (C-integrations, S-knowledge end to end) against the real server:
// documents uploaded with the button's path and by drag and drop, with progress; listed with
// size and passages; the "try a question" box shows the passages the AI would get; delete.
#include "consolefixture.h"
#include "pagehost.h"
#include "ui/api/apiclient.h"
#include "ui/pages/knowledgepage.h"
#include "ui/widgets/toastarea.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QProgressBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestKnowledgePage : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;
    QTemporaryDir m_files;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_files.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return path;
    }

    struct Console : vox::test::PageHost<vox::ui::KnowledgePage>
    {
        Console(const QString &url, const vox::ui::Session &session)
            : PageHost(url, session, {1000, 700})
        {}
        const vox::ui::KnowledgeDocument *document(const QString &name) const
        {
            for (const auto &d : page->documents())
                if (d.fileName == name)
                    return &d;
            return nullptr;
        }
    };

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_knowledge"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    }

    void uploadListQueryDelete()
    {
        const auto clinic = m_fixture->createClinic(u"Knowledge Clinic"_s);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::KnowledgePage &page = *c.page;

        // A real-sized price list: several passages, and an upload that reports progress.
        QByteArray prices = "# Glow Med Spa price list\n\n";
        for (int i = 0; i < 400; ++i)
            prices += "Treatment " + QByteArray::number(i) +
                      " is a gentle facial rejuvenation session with a licensed nurse, priced "
                      "fairly and booked in thirty minute slots.\n\n";
        const QString list = write(u"price-list.md"_s, prices);
        const QString faq = write(
            u"faq.txt"_s, "How long does Botox last? Botox usually lasts three to four months. "
                          "Most patients come back every quarter.\n\nDo you offer financing? "
                          "Yes, we offer monthly payment plans for treatments over $1,000.\n");
        QVERIFY(!list.isEmpty() && !faq.isEmpty());

        page.upload({list});
        QVERIFY(page.isUploading());
        QVERIFY(page.progressBar()->isVisible());
        QTRY_VERIFY(c.document(u"price-list.md"_s));
        QTRY_VERIFY(!page.isUploading());
        QCOMPARE(page.highestProgress(), 100);
        QVERIFY(c.document(u"price-list.md"_s)->chunkCount > 1);

        // Dropped on the page, like from the file manager.
        auto *mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(faq)});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&page, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&page, &drop);
        QTRY_VERIFY(c.document(u"faq.txt"_s));
        delete mime;

        // The list says size and passages.
        QTRY_COMPARE(page.table()->rowCount(), 2);
        bool listed = false;
        for (int row = 0; row < page.table()->rowCount(); ++row) {
            if (page.table()->item(row, 0)->text() != u"faq.txt")
                continue;
            listed = true;
            QCOMPARE(page.table()->item(row, 3)->text(),
                     QString::number(c.document(u"faq.txt"_s)->chunkCount));
            QVERIFY(page.table()->item(row, 2)->text().contains(u"bytes"_s));
        }
        QVERIFY(listed);

        // A file the server does not take is refused before sending.
        const QString word = write(u"notes.docx"_s, "PK\x03\x04");
        page.upload({word});
        QTRY_VERIFY([&] {
            const auto toasts = c.toasts.toasts();
            return std::any_of(toasts.cbegin(), toasts.cend(), [](const auto *t) {
                return t->kind() == vox::ui::Toast::Kind::Problem &&
                       t->text().contains(u"notes.docx"_s);
            });
        }());

        // What the AI would be given for a caller's question.
        page.ask(u"How long does Botox last?"_s);
        QTRY_VERIFY(page.passages()->count() > 0);
        QVERIFY(page.passages()->item(0)->text().contains(u"faq.txt"_s));
        QVERIFY(page.passages()->item(0)->text().contains(u"three to four months"_s));
        QVERIFY(page.answerLabel()->text().contains(u"passage"_s));
        page.ask(u"zebra xylophone"_s);
        QTRY_VERIFY(page.answerLabel()->text().contains(u"Nothing in the documents"_s));
        QCOMPARE(page.passages()->count(), 0);

        // Delete.
        for (int row = 0; row < page.table()->rowCount(); ++row)
            if (page.table()->item(row, 0)->text() == u"faq.txt")
                page.table()->selectRow(row);
        page.deleteSelected(false);
        QTRY_VERIFY(!c.document(u"faq.txt"_s));
        QCOMPARE(page.documents().size(), 1);
    }
};

QTEST_MAIN(TestKnowledgePage)
#include "tst_knowledgepage.moc"
