// Call review: staff score a call, tag it from the clinic's list and leave a note; the calls list
// filters by reviewed and by tag; admins edit the list; every change is audited and published
// live; a clinic's first tags are in its language; another clinic's calls are out of reach.
#include "clinicfixture.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;

class TestCallReviews : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::test::TestServer> m_server;
    std::unique_ptr<vox::db::Connection> m_admin;
    vox::test::Clinic m_clinic;
    vox::test::Clinic m_other;
    QString m_priced;
    QString m_booked;
    QString m_untouched;

    std::unique_ptr<HttpClient> as(const QString &token)
    {
        auto client = m_server->client();
        client->setToken(token);
        return client;
    }
    QStringList listed(const QString &query)
    {
        auto staff = as(m_clinic.staffToken);
        const HttpReply reply = staff->get(u"/api/calls-dashboard?"_s + query);
        if (reply.status != 200)
            return {u"status %1: %2"_s.arg(reply.status).arg(reply.error())};
        QStringList ids = vox::test::idsOf(reply.json().value(u"items"_s).toArray());
        ids.sort();
        return ids;
    }
    static QStringList sorted(QStringList ids)
    {
        ids.sort();
        return ids;
    }
    // A new clinic signed up in a language (empty: none given); its owner's token, or "" on
    // failure.
    QString signUpIn(const QString &language)
    {
        static int count = 0;
        QJsonObject body{{u"organization_name"_s, u"Language Clinic"_s},
                         {u"email"_s, u"owner.language%1@clinic.test"_s.arg(++count)},
                         {u"password"_s, u"correct horse battery"_s}};
        if (!language.isEmpty())
            body.insert(u"language"_s, language);
        auto client = m_server->client();
        const HttpReply reply = client->post(u"/api/auth/signup"_s, body);
        return reply.status == 201 ? reply.json().value(u"access_token"_s).toString() : QString();
    }
    QJsonArray tagsOf(const QString &token)
    {
        return as(token)->get(u"/api/org/review-tags"_s).json().value(u"tags"_s).toArray();
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"callreviews"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_admin = m_db->connectAsAdmin();
        m_clinic = vox::test::createClinic(m_server->url(), u"Glow Med Spa"_s);
        m_other = vox::test::createClinic(m_server->url(), u"Other Clinic"_s);
        QVERIFY(!m_clinic.orgId.isEmpty() && !m_other.orgId.isEmpty());
        for (QString *id : {&m_priced, &m_booked, &m_untouched})
            *id = vox::test::insertRow(*m_admin, u"call_logs"_s, m_clinic.orgId,
                                       {{u"status"_s, u"ended"_s}});
    }

    void aClinicStartsWithSensibleTags()
    {
        auto staff = as(m_clinic.staffToken);
        const QJsonArray tags =
            staff->get(u"/api/org/review-tags"_s).json().value(u"tags"_s).toArray();
        for (const QString &tag : {u"great"_s, u"wrong price"_s, u"should have transferred"_s})
            QVERIFY2(tags.contains(tag), qPrintable(tag));
    }

    void aClinicStartsWithTagsInItsLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("someTags");
        const QStringList english{u"great"_s, u"wrong price"_s, u"too long"_s};
        QTest::newRow("no language given") << QString() << english;
        QTest::newRow("English") << u"en"_s << english;
        QTest::newRow("Spanish") << u"es"_s
                                 << QStringList{u"excelente"_s, u"precio equivocado"_s,
                                                u"demasiado larga"_s};
    }
    void aClinicStartsWithTagsInItsLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, someTags);
        const QString token = signUpIn(language);
        QVERIFY(!token.isEmpty());
        const QJsonArray tags = tagsOf(token);
        QCOMPARE(tags.size(), 7);
        for (const QString &tag : someTags)
            QVERIFY2(tags.contains(tag), qPrintable(tag));
        const QJsonObject settings = as(token)->get(u"/api/org/settings"_s).json();
        QCOMPARE(settings.value(u"language"_s).toString(), language.isEmpty() ? u"en"_s : language);
    }

    void anUnknownLanguageIsRefusedInWords()
    {
        auto client = m_server->client();
        const HttpReply signUp =
            client->post(u"/api/auth/signup"_s, {{u"organization_name"_s, u"French Clinic"_s},
                                                 {u"email"_s, u"owner.french@clinic.test"_s},
                                                 {u"password"_s, u"correct horse battery"_s},
                                                 {u"language"_s, u"fr"_s}});
        QCOMPARE(signUp.status, 400);
        QVERIFY2(signUp.error().contains(u"fr"_s), qPrintable(signUp.error()));
        auto owner = as(m_clinic.ownerToken);
        const HttpReply patched = owner->patch(u"/api/org/settings"_s, {{u"language"_s, u"fr"_s}});
        QCOMPARE(patched.status, 400);
        QVERIFY2(patched.error().contains(u"language"_s), qPrintable(patched.error()));
    }

    // Tags still as seeded follow the clinic's language; tags the clinic edited are its words.
    void changingTheLanguageKeepsEditedTags_data()
    {
        QTest::addColumn<QJsonArray>("edited");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expectedFirst");
        QTest::addColumn<QString>("expectedBack");
        QTest::newRow("as seeded") << QJsonArray() << u"es"_s << u"excelente"_s << u"great"_s;
        QTest::newRow("edited") << QJsonArray{u"great"_s, u"rude"_s} << u"es"_s << u"great"_s
                                << u"great"_s;
        QTest::newRow("same language") << QJsonArray() << u"en"_s << u"great"_s << u"great"_s;
    }
    void changingTheLanguageKeepsEditedTags()
    {
        QFETCH(QJsonArray, edited);
        QFETCH(QString, language);
        QFETCH(QString, expectedFirst);
        QFETCH(QString, expectedBack);
        const QString token = signUpIn(u"en"_s);
        QVERIFY(!token.isEmpty());
        auto owner = as(token);
        if (!edited.isEmpty())
            QCOMPARE(owner->put(u"/api/org/review-tags"_s, {{u"tags"_s, edited}}).status, 200);
        const QJsonArray before = tagsOf(token);
        QCOMPARE(owner->patch(u"/api/org/settings"_s, {{u"language"_s, language}}).status, 200);
        const QJsonArray after = tagsOf(token);
        QCOMPARE(after.first().toString(), expectedFirst);
        QCOMPARE(after.size(), before.size());
        // And back: untouched Spanish defaults return to English ones.
        QCOMPARE(owner->patch(u"/api/org/settings"_s, {{u"language"_s, u"en"_s}}).status, 200);
        QCOMPARE(tagsOf(token).first().toString(), expectedBack);
    }

    void anUnreviewedCallHasNoReview()
    {
        auto staff = as(m_clinic.staffToken);
        const HttpReply reply = staff->get(u"/api/calls-dashboard/%1/review"_s.arg(m_untouched));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.json().value(u"review"_s).isNull());
    }

    void staffReviewAndTheLatestReviewStands()
    {
        auto staff = as(m_clinic.staffToken);
        const QString path = u"/api/calls-dashboard/%1/review"_s.arg(m_priced);
        HttpReply saved = staff->put(path, {{u"score"_s, 2},
                                            {u"tags"_s, QJsonArray{u"wrong price"_s}},
                                            {u"note"_s, u"Quoted $80 for a $120 peel"_s}});
        QCOMPARE(saved.status, 200);
        saved =
            staff->put(path, {{u"score"_s, 1},
                              {u"tags"_s, QJsonArray{u"wrong price"_s, u"should have transferred"_s,
                                                     u"wrong price"_s}},
                              {u"note"_s, u"Quoted $80 for a $120 peel; should have passed on"_s}});
        QCOMPARE(saved.status, 200);
        const QJsonObject review = staff->get(path).json().value(u"review"_s).toObject();
        QCOMPARE(review.value(u"score"_s).toInt(), 1);
        QCOMPARE(review.value(u"tags"_s).toArray(),
                 QJsonArray({u"wrong price"_s, u"should have transferred"_s}));
        QCOMPARE(review.value(u"note"_s).toString(),
                 u"Quoted $80 for a $120 peel; should have passed on"_s);
        QVERIFY(!review.value(u"reviewer_id"_s).toString().isEmpty());
        QVERIFY(!review.value(u"reviewed_at"_s).toString().isEmpty());
        QCOMPARE(staff
                     ->put(u"/api/calls-dashboard/%1/review"_s.arg(m_booked),
                           {{u"score"_s, 5}, {u"tags"_s, QJsonArray{u"great"_s}}})
                     .status,
                 200);

        const auto rows = m_admin->exec(
            "SELECT (SELECT count(*) FROM call_reviews WHERE org_id = $1::uuid), "
            "(SELECT count(*) FROM audit_log WHERE org_id = $1::uuid AND action = "
            "'call.reviewed'), (SELECT count(*) FROM events WHERE org_id = $1::uuid AND type = "
            "'call.reviewed' AND entity_id = $2::uuid)",
            {m_clinic.orgId, m_priced});
        QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.errorMessage()));
        QCOMPARE(rows->text(0, 0), u"2"_s);
        QCOMPARE(rows->text(0, 1), u"3"_s); // each save is audited
        QCOMPARE(rows->text(0, 2), u"2"_s); // and published live
    }

    void theCallsListFiltersByReviewAndTag_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("calls"); // labels
        QTest::newRow("reviewed") << u"reviewed=true"_s << QStringList{u"priced"_s, u"booked"_s};
        QTest::newRow("not reviewed") << u"reviewed=false"_s << QStringList{u"untouched"_s};
        QTest::newRow("tagged wrong price") << u"tag=wrong%20price"_s << QStringList{u"priced"_s};
        QTest::newRow("tagged great") << u"tag=great"_s << QStringList{u"booked"_s};
        QTest::newRow("a tag nobody used") << u"tag=too%20long"_s << QStringList{};
        QTest::newRow("reviewed and great")
            << u"reviewed=true&tag=great"_s << QStringList{u"booked"_s};
    }
    void theCallsListFiltersByReviewAndTag()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, calls);
        const QHash<QString, QString> ids{
            {u"priced"_s, m_priced}, {u"booked"_s, m_booked}, {u"untouched"_s, m_untouched}};
        QStringList expected;
        for (const QString &label : calls)
            expected.append(ids.value(label));
        QCOMPARE(listed(query), sorted(expected));
    }

    void aBadReviewIsRefusedInWords_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("words");
        QTest::newRow("score 0") << QByteArray(R"({"score":0})") << u"score"_s;
        QTest::newRow("score 6") << QByteArray(R"({"score":6})") << u"score"_s;
        QTest::newRow("no score") << QByteArray(R"({"tags":["great"]})") << u"score"_s;
        QTest::newRow("a tag not on the list")
            << QByteArray(R"({"score":3,"tags":["rude"]})")
            << u"'rude' is not one of the clinic's review tags"_s;
        QTest::newRow("a long note")
            << QByteArray(R"({"score":3,"note":")" + QByteArray(2001, 'x') + R"("})") << u"note"_s;
    }
    void aBadReviewIsRefusedInWords()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, words);
        auto staff = as(m_clinic.staffToken);
        const HttpReply reply =
            staff->send("PUT", u"/api/calls-dashboard/%1/review"_s.arg(m_untouched), body);
        QCOMPARE(reply.status, 400);
        QVERIFY2(reply.error().contains(words), qPrintable(reply.error()));
        auto bad = as(m_clinic.staffToken);
        QCOMPARE(bad->get(u"/api/calls-dashboard?reviewed=maybe"_s).status, 400);
    }

    void onlyAdminsEditTheTagList()
    {
        auto staff = as(m_clinic.staffToken);
        QCOMPARE(staff->put(u"/api/org/review-tags"_s, {{u"tags"_s, QJsonArray{u"x"_s}}}).status,
                 403);
        auto admin = as(m_clinic.adminToken);
        const HttpReply saved =
            admin->put(u"/api/org/review-tags"_s,
                       {{u"tags"_s, QJsonArray{u"  great "_s, u"Great"_s, u"rude"_s, u""_s}}});
        QCOMPARE(saved.status, 200);
        QCOMPARE(saved.json().value(u"tags"_s).toArray(), QJsonArray({u"great"_s, u"rude"_s}));
        QCOMPARE(admin->put(u"/api/org/review-tags"_s, {{u"tags"_s, QJsonArray{}}}).status, 400);
        // A tag dropped from the list stays on the reviews that carry it.
        QCOMPARE(listed(u"tag=wrong%20price"_s), QStringList{m_priced});
        // The new tag can be used now.
        QCOMPARE(staff
                     ->put(u"/api/calls-dashboard/%1/review"_s.arg(m_untouched),
                           {{u"score"_s, 2}, {u"tags"_s, QJsonArray{u"rude"_s}}})
                     .status,
                 200);
        // The other clinic's list is its own.
        auto other = as(m_other.staffToken);
        QVERIFY(!other->get(u"/api/org/review-tags"_s)
                     .json()
                     .value(u"tags"_s)
                     .toArray()
                     .contains(u"rude"_s));
    }

    void anotherClinicsCallsAreNotFound()
    {
        auto other = as(m_other.ownerToken);
        const QString path = u"/api/calls-dashboard/%1/review"_s.arg(m_priced);
        const HttpReply read = other->get(path);
        QCOMPARE(read.status, 404);
        QVERIFY(!read.body.contains("peel"));
        QCOMPARE(other->put(path, {{u"score"_s, 5}, {u"tags"_s, QJsonArray{u"great"_s}}}).status,
                 404);
        auto staff = as(m_clinic.staffToken);
        QCOMPARE(staff->get(path).json().value(u"review"_s).toObject().value(u"score"_s).toInt(),
                 1);
        auto otherStaff = as(m_other.staffToken);
        QVERIFY(vox::test::idsOf(otherStaff->get(u"/api/calls-dashboard?reviewed=true"_s)
                                     .json()
                                     .value(u"items"_s)
                                     .toArray())
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCallReviews)
#include "tst_callreviews.moc"
