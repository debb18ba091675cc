#pragma once

#include "sandbox/sandboxroutes.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/speechtrack.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace vox::sandbox {

// Vapi's recording storage for the sandbox's calls: whoever plays a call (the simulator, an
// outbound call) first tells the sandbox what was said (POST /_sandbox/recordings/:callId, which
// answers the recording's base URL on this sandbox), and GET /vapi/recordings/<callId>-mono.wav
// (also -stereo, -assistant, -customer) answers speech made from it. Made on the first request
// and kept, so starting a demo never waits for speech; Range requests are answered (206), as a
// media player seeking in a stream asks for them.
class RecordingSandbox final
{
    Q_DISABLE_COPY_MOVE(RecordingSandbox)

public:
    explicit RecordingSandbox(SandboxState &state)
        : m_state(state)
    {}
    void registerRoutes(Router &router);

    void addScript(const QString &callId, const QList<speech::SpokenLine> &lines);
    // How many recordings were made (tests: made once, then served from memory).
    int madeCount() const;

private:
    Result<QByteArray> recording(const QString &file);

    SandboxState &m_state;
    QHash<QString, QList<speech::SpokenLine>> m_scripts;
    QHash<QString, QByteArray> m_made; // by file name
    QStringList m_madeOrder;           // oldest first, to bound the memory kept
    int m_madeCount = 0;
};

} // namespace vox::sandbox
