#pragma once

#include <QString>
#include <QUrl>

// Where the console plays a call's recording from: our server, which checks the session, logs
// the listening and streams the recording from its provider, whose address the console never
// learns.
namespace vox::ui::recordingroute {

inline QUrl forCall(const QString &callId)
{
    return QUrl(QStringLiteral("/api/calls-dashboard/%1/recording")
                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(callId))));
}

} // namespace vox::ui::recordingroute
