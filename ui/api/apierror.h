#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QString>

// Turns what came back from the server into a vox::Error a front-desk person can read: never a
// status code, never HTTP text. Error::code carries the console's word for callers that branch on
// it; Error::subject names the form field for validation errors.
namespace vox::ui::apierror {

inline const QString network = QStringLiteral("network");
inline const QString timeout = QStringLiteral("timeout");
inline const QString unauthorized = QStringLiteral("unauthorized");
inline const QString forbidden = QStringLiteral("forbidden");
inline const QString notFound = QStringLiteral("not_found");
inline const QString validation = QStringLiteral("validation");
inline const QString conflict = QStringLiteral("conflict");
inline const QString gone = QStringLiteral("gone");
inline const QString rateLimited = QStringLiteral("rate_limited");
inline const QString notConfigured = QStringLiteral("not_configured");
inline const QString provider = QStringLiteral("provider");
inline const QString busy = QStringLiteral("busy");
inline const QString server = QStringLiteral("server");
inline const QString unexpected = QStringLiteral("unexpected");

struct Answer
{
    int status = 0; // 0: no HTTP answer at all
    QByteArray body;
    QByteArray retryAfter;
    QNetworkReply::NetworkError network = QNetworkReply::NoError;
    QString host;
};

// An error the console's pages branch on by its word (one of the kinds above).
Error failed(QString sentence, const QString &kind, QString field = {});

// Only for answers that are not a success.
Error fromAnswer(const Answer &answer);

// Whether the server said a feature (SMS, e-mail) is not set up for this clinic.
bool isNotConfigured(const Error &error);

} // namespace vox::ui::apierror
