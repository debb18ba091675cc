#pragma once

// Calls in progress played by the provider sandbox, for the tests of what the console does with
// a live call: a server that reaches the sandbox's calls with Vapi's public key, the clinic's
// assistant named as the sandbox's calls name it, and calls brought in by Vapi's own status
// webhooks.
#include "integrationfixture.h"

#include "sandbox/vapimessages.h"

#include <QDateTime>
#include <QJsonDocument>

namespace vox::test {

class LiveCallFixture
{
public:
    struct Call
    {
        sandbox::vapimessages::CallInfo info;
        QString id; // our record
    };

    explicit LiveCallFixture(IntegrationFixture &f)
        : m_f(f)
    {}

    // Replaces the started fixture's server with one that reaches the sandbox with `publicKey`;
    // false with the fixture's `error` set when it did not start.
    bool startServer(const QString &publicKey)
    {
        m_f.server = std::make_unique<TestServer>(
            *m_f.db, m_f.sandboxEnvironment({{QStringLiteral("VAPI_PUBLIC_KEY"), publicKey}}));
        if (!m_f.server->ok())
            m_f.error = m_f.server->error();
        return m_f.server->ok();
    }

    // Gives the clinic's inbound agent an assistant id at Vapi (`prefix` and a time), which the
    // calls started here carry.
    bool nameAssistant(const Clinic &clinic, const QString &prefix)
    {
        m_assistantId =
            QStringLiteral("%1-%2").arg(prefix).arg(QDateTime::currentMSecsSinceEpoch());
        return m_f
            .sql("UPDATE agents SET vapi_assistant_id = $2 WHERE org_id = $1::uuid AND "
                 "direction = 'inbound'",
                 {clinic.orgId, m_assistantId})
            .ok();
    }

    // A Vapi webhook, as Vapi signs it.
    HttpReply deliver(const QJsonObject &message) const
    {
        auto client = m_f.server->client();
        const QByteArray body =
            QJsonDocument(sandbox::vapimessages::envelope(message)).toJson(QJsonDocument::Compact);
        return client->send("POST", QStringLiteral("/api/webhooks/vapi"), body,
                            {{"x-vapi-secret", TestServer::webhookSecret.toUtf8()}});
    }

    // A call in progress, played by the sandbox (its control address is the sandbox's, and its
    // listen address too unless `withMonitor` is false). Each call has an id of its own
    // (`idPrefix`, a count and a time) and a caller's number of its own (`numberPrefix` and a
    // three-digit count).
    Call startCall(const QString &idPrefix, const QString &numberPrefix,
                   const QString &customerName, bool withMonitor = true)
    {
        namespace vm = sandbox::vapimessages;
        Call call;
        call.info.id = QStringLiteral("%1-%2-%3")
                           .arg(idPrefix)
                           .arg(++m_calls)
                           .arg(QDateTime::currentMSecsSinceEpoch());
        call.info.assistantId = m_assistantId;
        call.info.clinicNumber = QStringLiteral("+15550009999");
        call.info.customerNumber =
            numberPrefix + QStringLiteral("%1").arg(m_calls, 3, 10, QLatin1Char('0'));
        call.info.customerName = customerName;
        call.info.createdAt = QDateTime::currentDateTimeUtc().addSecs(-30);
        call.info.startedAt = call.info.createdAt.addSecs(2);
        if (withMonitor)
            call.info.monitorBase =
                m_f.sandbox->url() + QStringLiteral("/vapi-live/") + call.info.id;
        m_f.sandbox->liveCalls().add(call.info,
                                     m_f.server->url() + QStringLiteral("/api/webhooks/vapi"),
                                     {{"x-vapi-secret", TestServer::webhookSecret.toUtf8()}});
        deliver(vm::statusUpdate(call.info, QStringLiteral("ringing"), call.info.createdAt));
        deliver(vm::statusUpdate(call.info, QStringLiteral("in-progress"), call.info.startedAt));
        auto row = m_f.sql("SELECT id FROM call_logs WHERE vapi_call_id = $1", {call.info.id});
        call.id = row && !row->isEmpty() ? row->text(0, 0) : QString();
        return call;
    }

private:
    IntegrationFixture &m_f;
    QString m_assistantId;
    int m_calls = 0;
};

} // namespace vox::test
