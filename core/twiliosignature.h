#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

// How Twilio proves that a callback is its own: pure functions, so the route, the sandbox, the
// tests and the fuzzer all check the same rule.
namespace vox::twilio {

using FormParameters = QList<QPair<QString, QString>>;

// application/x-www-form-urlencoded, as Twilio posts its callbacks ('+' is a space). Order and
// repeated names are kept: the signature covers every parameter.
FormParameters formParameters(QByteArrayView body);

// X-Twilio-Signature: base64(HMAC-SHA1(auth token, URL + each POST parameter's name and value,
// sorted by name)). Twilio signs its callbacks so; the sandbox signs its own the same way.
QByteArray twilioSignature(const QString &authToken, const QString &url, FormParameters parameters);

// Whether `sent` is the signature of `url` and `parameters`, compared in constant time. An empty
// auth token matches nothing (an account without one cannot have signed anything).
bool twilioSignatureMatches(const QString &authToken, const QString &url,
                            const FormParameters &parameters, QByteArrayView sent);

} // namespace vox::twilio
