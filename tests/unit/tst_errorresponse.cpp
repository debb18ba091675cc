#include "core/sqlstate.h"
#include "server/http/response.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace vox;

Q_DECLARE_METATYPE(vox::Error)

// How the HTTP edge answers an error: its kind decides the status, a database error is read by
// its SQLSTATE, and a word of the domain in Error::code never passes for a status.
class TestErrorResponse : public QObject
{
    Q_OBJECT

private slots:
    void eachErrorAnswersItsStatus_data()
    {
        QTest::addColumn<Error>("error");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("sentence");
        QTest::addColumn<QString>("field"); // the body's "field", when it names one
        QTest::addColumn<QByteArray>("retryAfter");

        const auto row = [](const char *name, Error error, int status, QString sentence,
                            QString field = {}, QByteArray retryAfter = {}) {
            QTest::newRow(name) << error << status << sentence << field << retryAfter;
        };
        const QString says = u"Something a person can read."_s;
        const auto database = [](const QString &sqlstate) {
            Error error = fail(u"duplicate key value violates unique constraint"_s);
            error.sqlstate = sqlstate;
            return error;
        };

        row("bad input names its field", fail(says, ErrorKind::BadInput, u"name"_s), 400, says,
            u"name"_s);
        row("not signed in", fail(says, ErrorKind::NotSignedIn), 401, says);
        row("forbidden", fail(says, ErrorKind::Forbidden), 403, says);
        row("not found", fail(says, ErrorKind::NotFound), 404, says);
        row("conflict", fail(says, ErrorKind::Conflict), 409, says);
        row("gone", fail(says, ErrorKind::Gone), 410, says);
        row("too large", fail(says, ErrorKind::TooLarge), 413, says);
        row("unsupported media", fail(says, ErrorKind::UnsupportedMedia), 415, says);
        row("refused names its field", fail(says, ErrorKind::Refused, u"price"_s), 422, says,
            u"price"_s);
        row("rate limited says when to come back", fail(says, ErrorKind::RateLimited, u"7"_s), 429,
            says, {}, "7");
        row("a provider's failure", fail(says, ErrorKind::ProviderFailed, u"500"_s), 502, says);
        row("unavailable", fail(says, ErrorKind::Unavailable), 503, says);
        row("a unique violation", database(sqlstate::uniqueViolation), 409,
            u"That already exists."_s);
        row("an overlap", database(sqlstate::exclusionViolation), 409,
            u"That time overlaps another appointment."_s);
        row("a check violation", database(sqlstate::checkViolation), 400,
            u"A value is not valid."_s);
        row("a missing reference", database(sqlstate::foreignKeyViolation), 400,
            u"A referenced record does not exist."_s);
        row("the database unreachable", database(sqlstate::connectionFailure), 503,
            u"The database is not reachable right now; please try again in a few seconds."_s, {},
            "5");
        row("a SQLSTATE that says nothing to the user", database(u"XX000"_s), 500,
            u"Something went wrong on the server."_s);
        row("a domain word that looks like a status",
            fail(says, ErrorKind::Unspecified).withCode(u"409"_s), 500,
            u"Something went wrong on the server."_s);
        row("an unspecified problem hides its words", fail(u"The job threw: boom"_s), 500,
            u"Something went wrong on the server."_s);
    }

    void eachErrorAnswersItsStatus()
    {
        QFETCH(Error, error);
        QFETCH(int, status);
        QFETCH(QString, sentence);
        QFETCH(QString, field);
        QFETCH(QByteArray, retryAfter);

        const http::Response answer = http::respond(error);
        QCOMPARE(answer.status, status);
        const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
        QCOMPARE(body.value(u"error"_s).toString(), sentence);
        QCOMPARE(body.value(u"field"_s).toString(), field);
        QCOMPARE(answer.headerValue("retry-after"), retryAfter);
    }

    void aResponseIsAnsweredAsItIs()
    {
        const http::Response answer =
            http::respond(http::Response::json(QJsonObject{{u"ok"_s, true}}, 201));
        QCOMPARE(answer.status, 201);
        QCOMPARE(answer.body, QByteArray(R"({"ok":true})"));
    }
};

QTEST_APPLESS_MAIN(TestErrorResponse)
#include "tst_errorresponse.moc"
