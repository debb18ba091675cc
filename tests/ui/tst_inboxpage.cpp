// The Inbox page against a real server: a patient's texts make one conversation with its unread
// count (the navigation's badge), "Mark done" reads them, and the reply box counts the SMS parts
// Twilio bills.
#include "consolefixture.h"
#include "pagehost.h"
#include "ui/pages/inboxpage.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::Literals::StringLiterals;
using Host = vox::test::PageHost<vox::ui::InboxPage>;

class TestInboxPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_inbox"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    }

    void aPatientsTextsAreOneConversationUntilMarkedDone()
    {
        const auto clinic = m_fixture->createClinic(u"Inbox Page Clinic"_s);
        const QString contact =
            m_fixture->insertContact(clinic, u"Nora Patient"_s, u"+15125550177"_s, 50);
        auto admin = m_fixture->database().connectAsAdmin();
        for (const QString &text : {u"Hi, is Saturday open?"_s, u"Around 11?"_s}) {
            auto row = admin->exec(
                "INSERT INTO messages (org_id, contact_id, direction, method, purpose, "
                "recipient, sender, content, status) VALUES ($1::uuid, $2::uuid, 'inbound', "
                "'sms', 'reply', '+15125550199', '+15125550177', $3, 'received')",
                {clinic.orgId, contact, text});
            QVERIFY2(row, vox::test::why(row).constData());
        }
        Host h(m_fixture->url(), clinic.session, QSize(1024, 700));
        QSignalSpy unread(h.page.get(), &vox::ui::InboxPage::unreadChanged);
        QTRY_COMPARE(h.page->conversations()->count(), 1);
        QCOMPARE(h.page->unread(), 2);
        QVERIFY(h.page->conversations()->item(0)->text().contains(u"Nora Patient"_s));
        QVERIFY(h.page->conversations()->item(0)->font().bold());
        QTRY_VERIFY(h.page->thread()->toPlainText().contains(u"Around 11?"_s));
        QVERIFY(h.page->doneButton()->isEnabled());

        h.page->doneButton()->click();
        QTRY_COMPARE(h.page->unread(), 0);
        QCOMPARE(unread.last().at(0).toInt(), 0);
        QTRY_VERIFY(!h.page->conversations()->item(0)->font().bold());
    }

    // More conversations than a page: the first page shows, scrolling to the end brings the rest
    // in the server's order, none twice.
    void moreConversationsLoadAsTheListScrolls()
    {
        const auto clinic = m_fixture->createClinic(u"Paged Inbox Clinic"_s);
        auto admin = m_fixture->database().connectAsAdmin();
        const int total = vox::ui::InboxPage::pageSize + 7;
        for (int i = 0; i < total; ++i) {
            const QString phone = u"+1512555%1"_s.arg(1000 + i);
            const QString contact =
                m_fixture->insertContact(clinic, u"Patient %1"_s.arg(i), phone, 10);
            auto row = admin->exec(
                "INSERT INTO messages (org_id, contact_id, direction, method, recipient, sender, "
                "content, status, created_at) VALUES ($1::uuid, $2::uuid, 'inbound', 'sms', "
                "'+15125550199', $3, 'Hello', 'received', '2026-03-02T10:00:00Z'::timestamptz + "
                "make_interval(mins => $4::int))",
                {clinic.orgId, contact, phone, i});
            QVERIFY2(row, vox::test::why(row).constData());
        }
        Host h(m_fixture->url(), clinic.session, QSize(1024, 700));
        QListWidget *list = h.page->conversations();
        QTRY_COMPARE(list->count(), vox::ui::InboxPage::pageSize);
        QVERIFY(h.page->hasMore());
        QVERIFY(list->item(0)->text().startsWith(u"Patient %1"_s.arg(total - 1)));

        list->scrollToBottom();
        QTRY_COMPARE(list->count(), total);
        QVERIFY(!h.page->hasMore());
        QStringList names;
        for (int i = 0; i < list->count(); ++i)
            names << list->item(i)->text().section(u" · "_s, 0, 0).section(u'\n', 0, 0);
        for (int i = 0; i < total; ++i)
            QCOMPARE(names.at(i), u"Patient %1"_s.arg(total - 1 - i));
    }

    void theReplyBoxCountsWhatTwilioBills_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain, one part")
            << QString(160, u'a') << u"SMS parts: 1 · 160 characters"_s;
        QTest::newRow("plain, two parts")
            << QString(161, u'a') << u"SMS parts: 2 · 161 characters"_s;
        QTest::newRow("an emoji makes it Unicode")
            << u"See you soon 😊"_s
            << u"SMS parts: 1 · 15 characters (Unicode because of “😊”: 70 per part)"_s;
    }
    void theReplyBoxCountsWhatTwilioBills()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        const auto clinic = m_fixture->createClinic(u"Segments Clinic"_s);
        Host h(m_fixture->url(), clinic.session, QSize(1024, 700));
        h.page->replyBox()->setPlainText(text);
        QCOMPARE(h.page->segmentsLabel()->text(), shown);
        QCOMPARE(h.page->unsavedChanges().isEmpty(), false);
    }
};

QTEST_MAIN(TestInboxPage)
#include "tst_inboxpage.moc"
