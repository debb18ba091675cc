#pragma once

#include <QLocalServer>
#include <QObject>
#include <QString>

namespace vox::ui {

// One console per clinic on this computer. Two consoles on one data folder would each start the
// embedded server on the same database, and quitting either would stop it under the other. The
// first console listens on a local socket named after the folder; a second launch finds it,
// asks it to come to the front, and stops there.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    explicit SingleInstance(QObject *parent = nullptr);

    // Makes this process the console of `key` (the absolute data folder) and returns true, or,
    // when another console already is, asks that one to come to the front and returns false.
    // Claiming the key this process already holds is true again.
    bool claim(const QString &key);

    // The local socket's name for a key: per user, so two people on one computer do not meet.
    static QString socketName(const QString &key);

signals:
    // Another launch for the same clinic asked this console to show itself.
    void activationRequested();

private:
    QLocalServer m_server;
    QString m_key;
};

} // namespace vox::ui
