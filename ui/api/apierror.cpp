#include "ui/api/apierror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui::apierror {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ApiError", text);
}

// The server's own sentence, when it sent one; they are written for people (docs/api.md).
QString serverSentence(const QByteArray &body, QString *field)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return {};
    const QJsonObject object = doc.object();
    if (field)
        *field = object.value(u"field"_s).toString();
    const QString sentence = object.value(u"error"_s).toString().trimmed();
    // A sentence, not a dump: anything that looks like markup or a stack is not shown.
    if (sentence.size() > 400 || sentence.contains(u'<') || sentence.contains(u'\n'))
        return {};
    return sentence;
}

QString waitPhrase(const QByteArray &retryAfter)
{
    bool ok = false;
    const int seconds = retryAfter.trimmed().toInt(&ok);
    if (!ok || seconds <= 0)
        return tr(QT_TRANSLATE_NOOP("ApiError", "Please try again in a little while."));
    if (seconds < 90)
        return QCoreApplication::translate("ApiError", "Please try again in %1 seconds.")
            .arg(seconds);
    const int minutes = (seconds + 59) / 60;
    if (minutes == 1)
        return tr(QT_TRANSLATE_NOOP("ApiError", "Please try again in a minute."));
    return QCoreApplication::translate("ApiError", "Please try again in %1 minutes.").arg(minutes);
}

} // namespace

Error fromAnswer(const Answer &answer)
{
    if (answer.status == 0) {
        switch (answer.network) {
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            return failed(
                tr(QT_TRANSLATE_NOOP(
                    "ApiError", "The server took too long to answer. Check the connection and try "
                                "again.")),
                timeout);
        case QNetworkReply::SslHandshakeFailedError:
            return failed(
                tr(QT_TRANSLATE_NOOP(
                    "ApiError", "The server's security certificate could not be verified, so the "
                                "console did not connect.")),
                network);
        default: {
            const QString where = answer.host.isEmpty()
                                      ? tr(QT_TRANSLATE_NOOP("ApiError", "the Voxanne server"))
                                      : answer.host;
            return failed(QCoreApplication::translate(
                              "ApiError",
                              "Cannot reach %1. Check that the server is running and that this "
                              "computer is online, then try again.")
                              .arg(where),
                          network);
        }
        }
    }

    QString field;
    const QString sentence = serverSentence(answer.body, &field);
    const auto said = [&](const char *fallback) {
        return sentence.isEmpty() ? tr(fallback) : sentence;
    };

    // A feature this server has no key for: the server's reason says which, whichever status
    // carries it (400/422 for a request that needs it, 503 for "not possible right now"), and
    // waiting will not help.
    if ((answer.status == 400 || answer.status == 422 || answer.status == 503) &&
        sentence.contains(u"not configured"_s, Qt::CaseInsensitive))
        return failed(sentence, notConfigured, field);

    switch (answer.status) {
    case 400:
    case 422:
        return failed(
            said(QT_TRANSLATE_NOOP("ApiError",
                                   "Some of the details are not right. Check them and try again.")),
            validation, field);
    case 401:
        return failed(
            said(QT_TRANSLATE_NOOP("ApiError", "Your session has ended. Please sign in again.")),
            unauthorized);
    case 403:
        return failed(
            tr(QT_TRANSLATE_NOOP(
                "ApiError", "Your account is not allowed to do this. Ask the clinic's owner or an "
                            "admin.")),
            forbidden);
    case 404:
        return failed(tr(QT_TRANSLATE_NOOP(
                          "ApiError", "This record no longer exists. It may have been removed.")),
                      notFound);
    case 409:
        return failed(
            said(QT_TRANSLATE_NOOP("ApiError", "This clashes with something that already exists.")),
            conflict, field);
    case 410:
        return failed(said(QT_TRANSLATE_NOOP("ApiError", "This link or code has expired.")), gone);
    case 413:
        return failed(tr(QT_TRANSLATE_NOOP("ApiError", "That is too large to send.")), validation);
    case 429: {
        const QString wait = waitPhrase(answer.retryAfter);
        return failed(sentence.isEmpty()
                          ? tr(QT_TRANSLATE_NOOP("ApiError", "Too many attempts.")) + u' ' + wait
                          : sentence + u' ' + wait,
                      rateLimited);
    }
    case 502:
        return failed(tr(QT_TRANSLATE_NOOP(
                          "ApiError",
                          "A connected service (phone, e-mail or calendar) did not answer. Please "
                          "try again in a moment.")),
                      provider);
    case 503:
        return failed(said(QT_TRANSLATE_NOOP("ApiError", "The server is busy right now.")) + u' ' +
                          waitPhrase(answer.retryAfter),
                      busy);
    default:
        break;
    }
    if (answer.status >= 500)
        return failed(tr(QT_TRANSLATE_NOOP(
                          "ApiError",
                          "The server ran into a problem and could not finish. Please try again.")),
                      server);
    return failed(
        said(QT_TRANSLATE_NOOP("ApiError", "Something unexpected happened. Please try again.")),
        unexpected, field);
}

Error failed(QString sentence, const QString &kind, QString field)
{
    return fail(std::move(sentence), ErrorKind::Unspecified, std::move(field)).withCode(kind);
}

bool isNotConfigured(const Error &error)
{
    return error.code == notConfigured;
}

} // namespace vox::ui::apierror
