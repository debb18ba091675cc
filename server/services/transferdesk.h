#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/http/principal.h"
#include "server/services/vapimessage.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace vox::server {

// Where the AI transfers a caller: the clinic's transfer destinations (admins edit them) and the
// answer to Vapi's `transfer-destination-request` (the assistant's transferCall tool has no fixed
// destinations, so Vapi asks): the destination open now in the clinic's time zone, warm (the
// person hears the AI's summary first) with a fallback message when nobody answers; or, when
// every destination is closed, an `error` the AI says to the caller. The transfer is recorded on
// the call and announced to the clinic's consoles (`call.transferring`).
class TransferDesk
{
public:
    explicit TransferDesk(AppContext &app)
        : m_app(app)
    {}

    struct Changes
    {
        std::optional<QString> name;
        std::optional<QString> description;
        std::optional<QString> number;
        std::optional<QJsonArray> hours;
        std::optional<bool> emergency;
        std::optional<qint64> position;
    };

    Result<QJsonArray> list(const http::Principal &who);
    Result<QJsonObject> create(const http::Principal &who, const Changes &changes);
    Result<QJsonObject> update(const http::Principal &who, const QString &id,
                               const Changes &changes);
    Result<void> remove(const http::Principal &who, const QString &id);
    // Puts the clinic's destinations in the order of `ids`, which must name each of them once:
    // an id that is not the clinic's is not found, a list that leaves one out or repeats one is
    // refused, and nothing moves unless everything can.
    Result<QJsonArray> reorder(const http::Principal &who, const QStringList &ids);

    // The longest description a destination may have.
    static constexpr int descriptionLength = 200;

    // The body answering a transfer-destination-request at `now`.
    QJsonObject answer(const vapi::Message &message, const QDateTime &now);

    // What the AI says to the caller when nobody can take the call now.
    static QString closedMessage();

private:
    AppContext &m_app;
};

} // namespace vox::server
