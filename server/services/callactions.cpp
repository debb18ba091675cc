#include "server/services/callactions.h"

#include "core/logging/log.h"
#include "core/phonenumber.h"
#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"
#include "server/http/response.h"
#include "server/services/accesslog.h"
#include "server/services/credentialstore.h"
#include "server/services/messaging.h"
#include "server/services/publicurl.h"
#include "server/services/ratelimiter.h"
#include "server/services/recordingrelay.h"
#include "server/services/signedtoken.h"
#include "server/services/transcriptexport.h"

#include <QLocale>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// What staff read when Twilio never confirmed a text: sending it again could reach the patient
// twice, and the message list will say what happened.
const QString unconfirmedNotice = QStringLiteral(
    "Twilio did not confirm this text. It may have been delivered, so do not send it again; "
    "Recent activity will show whether it was sent within a few minutes.");

QTimeZone zone(const QString &name)
{
    const QTimeZone tz(name.toLatin1());
    return tz.isValid() ? tz : QTimeZone::utc();
}

QString when(const QDateTime &at, const QTimeZone &tz)
{
    return QLocale(QLocale::English, QLocale::UnitedStates)
        .toString(at.toTimeZone(tz), u"dddd, MMMM d 'at' h:mm AP"_s);
}

Result<void> audit(db::Transaction &tx, const http::Principal &who, const QString &action,
                   const QString &entityType, const QString &entityId, const QJsonObject &details)
{
    auto row = tx.exec("INSERT INTO audit_log (org_id, actor_id, action, entity_type, entity_id, "
                       "details) VALUES ($1::uuid, $2::uuid, $3, $4, $5::uuid, $6::jsonb)",
                       {who.orgId, who.userId.isEmpty() ? QString() : who.userId, action,
                        entityType, entityId, QJsonValue(details)});
    if (!row)
        return row.error();
    return {};
}

QString followUpBucket(const QString &orgId, const QString &phone)
{
    return u"sms:followup:%1:%2"_s.arg(orgId, phone);
}

} // namespace

QByteArray CallActions::shareKey() const
{
    return signedtoken::deriveKey(m_app.config.jwtSecret, "recording-share");
}

QString CallActions::shareLink(const QString &orgId, const QString &callId, const QString &shareId,
                               const QDateTime &expiresAt) const
{
    const QString token = signedtoken::issue(
        shareKey(), {{u"o"_s, orgId}, {u"c"_s, callId}, {u"s"_s, shareId}}, expiresAt);
    return publicUrl(m_app.config, u"/api/recordings/shared/"_s + token);
}

Result<QJsonObject> CallActions::followUp(const http::Principal &who, const QString &callId,
                                          const QString &message, bool force)
{
    if (force && !who.isAdmin())
        return http::status::forbidden(
            u"Only the clinic's owner or an admin can send another SMS within the hour."_s);
    const db::Access access = who.access();
    struct Call
    {
        QString phone;
        QString contactId;
        bool twilioReady = false;
    };
    auto call = m_app.db.transaction<Call>(access, [&](db::Transaction &tx) -> Result<Call> {
        auto row = tx.exec("SELECT phone_number, contact_id FROM call_logs WHERE id = $1::uuid "
                           "AND org_id = $2::uuid",
                           {callId, who.orgId});
        if (!row)
            return row.error();
        if (row->isEmpty())
            return http::status::notFound(u"Call not found."_s);
        auto twilio = CredentialStore(m_app.keys).describe(tx, who.orgId, CredentialStore::twilio);
        if (!twilio)
            return twilio.error();
        return Call{row->text(0, 0), row->text(0, 1), *twilio && (*twilio)->status == u"active"};
    });
    if (!call)
        return call.error();
    // A call's number is stored as the provider gave it: E.164 when it is a number at all.
    auto phone = phone::normalize(call->phone, QString());
    if (call->phone.isEmpty() || !phone)
        return http::status::badRequest(u"This call has no phone number to text."_s);
    if (!call->twilioReady)
        return http::status::badRequest(u"Twilio not configured"_s);

    // One SMS per caller per hour: the bucket makes concurrent requests take turns (in every
    // instance), the audit table catches messages sent some other way.
    const QString bucket = followUpBucket(who.orgId, *phone);
    auto allowed =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            auto hit = ratelimit::hit(tx, bucket, 1, followUpWindowSeconds);
            if (!hit)
                return hit.error();
            if (force)
                return true;
            if (!hit->allowed)
                return http::status::tooManyRequests(
                    u"An SMS was sent to this caller less than an hour ago."_s,
                    hit->retryAfterSeconds);
            // An SMS whose outcome is still unknown may have reached the caller: it counts. The
            // automatic answer to the caller's own text does not: a person following it up is
            // what the caller expects.
            auto recent = tx.exec(
                "SELECT ceil(extract(epoch FROM max(coalesce(sent_at, created_at)) + "
                "make_interval(secs => $3::int) - now())) FROM messages WHERE org_id = $1::uuid "
                "AND method = 'sms' AND status IN ('sent', 'delivered', 'sending', 'unknown') "
                "AND purpose IS DISTINCT FROM 'auto_reply' "
                "AND recipient = $2 AND coalesce(sent_at, created_at) > now() - "
                "make_interval(secs => $3::int)",
                {who.orgId, *phone, followUpWindowSeconds});
            if (!recent)
                return recent.error();
            if (!recent->isNull(0, 0))
                return http::status::tooManyRequests(
                    u"An SMS was sent to this caller less than an hour ago."_s,
                    int(recent->toInt(0, 0)));
            return true;
        });
    if (!allowed)
        return allowed.error();
    const auto release = [&] {
        (void)m_app.db.transaction<bool>(db::Access::service(),
                                         [&](db::Transaction &tx) -> Result<bool> {
                                             auto r = ratelimit::reset(tx, bucket);
                                             if (!r)
                                                 return r.error();
                                             return true;
                                         });
    };

    Messaging::Outgoing to;
    to.orgId = who.orgId;
    to.recipient = *phone;
    to.purpose = u"followup"_s;
    to.contactId = call->contactId;
    to.callId = callId;
    to.sentBy = who.userId;
    auto delivery = Messaging(m_app).sendSms(access, to, message);
    if (!delivery) {
        release();
        return delivery.error();
    }
    if (delivery->unknown) {
        // It may have reached the caller: the hour stands, and nobody should press send again.
        return QJsonObject{{u"success"_s, true},
                           {u"status"_s, u"unknown"_s},
                           {u"messageId"_s, delivery->messageId},
                           {u"phone"_s, *phone},
                           {u"notice"_s, unconfirmedNotice}};
    }
    if (!delivery->sent) {
        release(); // nothing reached the caller: the hour has not started
        if (!delivery->refusal.isEmpty())
            return http::status::unprocessable(u"Twilio refused the SMS: "_s + delivery->refusal);
        return http::status::badGateway(u"The SMS could not be sent. Please try again later."_s);
    }
    return QJsonObject{{u"success"_s, true},
                       {u"status"_s, u"sent"_s},
                       {u"messageId"_s, delivery->messageId},
                       {u"externalMessageId"_s, delivery->externalId},
                       {u"phone"_s, *phone}};
}

Result<QJsonObject> CallActions::shareRecording(const http::Principal &who, const QString &callId,
                                                const QString &email, const QString &clientAddress)
{
    if (!http::isEmail(email))
        return http::status::badRequest(u"Enter a valid e-mail address."_s, u"email"_s);
    const db::Access access = who.access();
    struct Call
    {
        bool hasRecording = false;
        QDateTime occurredAt;
        QString timeZone;
        QString clinic;
    };
    auto call = m_app.db.transaction<Call>(access, [&](db::Transaction &tx) -> Result<Call> {
        auto row = tx.exec("SELECT c.recording_url IS NOT NULL, c.occurred_at, s.time_zone, o.name "
                           "FROM call_logs c JOIN org_settings s ON s.org_id = c.org_id "
                           "JOIN organizations o ON o.id = c.org_id "
                           "WHERE c.id = $1::uuid AND c.org_id = $2::uuid",
                           {callId, who.orgId});
        if (!row)
            return row.error();
        if (row->isEmpty())
            return http::status::notFound(u"Call not found."_s);
        return Call{row->toBool(0, 0), row->toDateTime(0, 1), row->text(0, 2), row->text(0, 3)};
    });
    if (!call)
        return call.error();
    if (!call->hasRecording)
        return http::status::badRequest(u"This call has no recording to share."_s);

    const QDateTime expiresAt = QDateTime::currentDateTimeUtc().addSecs(shareLinkSeconds);
    // The share exists before the e-mail leaves, so the link names a row an admin can revoke.
    auto shareId =
        m_app.db.transaction<QString>(access, [&](db::Transaction &tx) -> Result<QString> {
            auto row =
                tx.exec("INSERT INTO recording_shares (org_id, call_id, email, created_by, "
                        "expires_at) VALUES ($1::uuid, $2::uuid, $3, $4::uuid, $5) RETURNING id",
                        {who.orgId, callId, email, who.userId, expiresAt});
            if (!row)
                return row.error();
            return row->text(0, 0);
        });
    if (!shareId)
        return shareId.error();
    const QString link = shareLink(who.orgId, callId, *shareId, expiresAt);
    const QTimeZone tz = zone(call->timeZone);
    const QString sharer = who.email.isEmpty() ? u"A colleague"_s : who.email;
    const QString callTime = when(call->occurredAt, tz);
    const QString until = when(expiresAt, tz);
    // No patient details in the e-mail: the link leads to the recording, nothing else travels.
    const QString text =
        u"%1 shared a call recording from %2 with you (the call of %3).\n\nListen to it here:\n%4"
        "\n\nThe link works until %5 and then expires.\n"_s.arg(sharer, call->clinic, callTime,
                                                                link, until);
    const QString html =
        u"<p>%1 shared a call recording from %2 with you (the call of %3).</p><p><a href=\"%4\">"
        "Listen to the recording</a></p><p>The link works until %5 and then expires.</p>"_s.arg(
            sharer.toHtmlEscaped(), call->clinic.toHtmlEscaped(), callTime.toHtmlEscaped(),
            link.toHtmlEscaped(), until.toHtmlEscaped());
    QString auditText = text;
    auditText.replace(link, u"[signed link to the recording]"_s);

    Messaging::Outgoing to;
    to.orgId = who.orgId;
    to.recipient = email;
    to.purpose = u"recording_share"_s;
    to.callId = callId;
    to.sentBy = who.userId;
    auto delivery = Messaging(m_app).sendEmail(
        access, to, u"A call recording from %1 was shared with you"_s.arg(call->clinic), text, html,
        auditText);
    if (!delivery)
        return delivery.error();
    auto audited = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        auto a = audit(tx, who, u"recording.shared"_s, u"call"_s, callId,
                       {{u"email"_s, email},
                        {u"expires_at"_s, expiresAt.toString(Qt::ISODate)},
                        {u"message_id"_s, delivery->messageId},
                        {u"status"_s, delivery->sent ? u"sent"_s : u"failed"_s},
                        {u"service_provider"_s, u"resend"_s},
                        {u"external_id"_s, delivery->externalId},
                        {u"share_id"_s, *shareId}});
        if (!a)
            return a.error();
        accesslog::Entry entry = accesslog::byUser(
            who, clientAddress, accesslog::action::recordingShared, u"call"_s, callId);
        entry.allowed = delivery->sent;
        entry.details = {{u"share_id"_s, *shareId}, {u"email"_s, email}};
        if (auto logged = accesslog::record(tx, entry); !logged)
            return logged.error();
        if (!delivery->sent) {
            // Nobody received the link: it must not work either.
            auto withdrawn = tx.exec("UPDATE recording_shares SET revoked_at = now() WHERE id = "
                                     "$1::uuid AND org_id = $2::uuid",
                                     {*shareId, who.orgId});
            if (!withdrawn)
                return withdrawn.error();
        }
        return true;
    });
    if (!audited)
        return audited.error();
    if (!delivery->sent)
        return http::status::badGateway(u"The e-mail could not be sent. Please try again later."_s);
    return QJsonObject{{u"success"_s, true},
                       {u"email"_s, email},
                       {u"expiresAt"_s, expiresAt.toString(Qt::ISODate)},
                       {u"messageId"_s, delivery->messageId},
                       {u"shareId"_s, *shareId}};
}

bool CallActions::isSafeRecordingLocation(const QString &url, const QString &sandboxUrl)
{
    // The address came from a provider's webhook and goes into a Location header that a patient's
    // browser follows: no control characters (header injection), and only https, except the
    // sandbox's own recordings in a demo.
    const bool control = std::any_of(url.cbegin(), url.cend(), [](QChar c) {
        return c.unicode() < 0x20 || c.unicode() == 0x7f;
    });
    if (control || url.contains(u' '))
        return false;
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty() || !parsed.userInfo().isEmpty())
        return false;
    if (parsed.scheme() == u"https")
        return true;
    return !sandboxUrl.isEmpty() && url.startsWith(sandboxUrl + u'/');
}

Result<http::Response> CallActions::sharedRecording(const QString &token,
                                                    const QString &clientAddress,
                                                    const QByteArray &rangeHeader)
{
    const QString expired =
        u"This link has expired or was withdrawn; ask for the recording to be shared again."_s;
    auto claims = signedtoken::verify(shareKey(), token, QDateTime::currentDateTimeUtc());
    if (!claims)
        return claims.error().kind == ErrorKind::Gone
                   ? http::status::gone(expired)
                   : http::status::notFound(u"This link is not valid."_s);
    const QString orgId = claims->value(u"o"_s).toString();
    const QString callId = claims->value(u"c"_s).toString();
    const QString shareId = claims->value(u"s"_s).toString();
    if (!http::isUuid(orgId) || !http::isUuid(callId))
        return http::status::notFound(u"This link is not valid."_s);
    // A link from before shares were kept names no share that could be revoked: it no longer
    // opens.
    if (!http::isUuid(shareId))
        return http::status::gone(expired);
    const bool opening = recordingrelay::opensRecording(rangeHeader);
    struct Share
    {
        bool usable = false;
        QString url;
    };
    // A refusal is committed with its log row, so it is answered after the transaction.
    auto share = m_app.db.transaction<Share>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<Share> {
            auto row = tx.exec(
                "SELECT s.revoked_at IS NULL AND s.expires_at > now(), c.recording_url FROM "
                "recording_shares s JOIN call_logs c ON c.id = s.call_id AND c.org_id = s.org_id "
                "WHERE s.id = $1::uuid AND s.org_id = $2::uuid AND s.call_id = $3::uuid",
                {shareId, orgId, callId});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"The recording is no longer available."_s);
            Share found{row->toBool(0, 0), row->text(0, 1)};
            if (found.usable && found.url.isEmpty())
                return http::status::notFound(u"The recording is no longer available."_s);
            if (found.usable && !isSafeRecordingLocation(found.url, m_app.config.sandboxUrl)) {
                log::warn("actions",
                          u"A shared recording's stored address is not a plain "
                          "https URL; the link was refused."_s,
                          {{u"call_id"_s, callId}});
                return http::status::notFound(u"The recording is no longer available."_s);
            }
            if (opening || !found.usable) {
                accesslog::Entry entry;
                entry.orgId = orgId;
                entry.action = accesslog::action::shareOpened;
                entry.entityType = u"recording_share"_s;
                entry.entityId = shareId;
                entry.clientAddress = clientAddress;
                entry.allowed = found.usable;
                entry.details = {{u"call_id"_s, callId}};
                if (auto logged = accesslog::record(tx, entry); !logged)
                    return logged.error();
            }
            return found;
        });
    if (!share)
        return share.error();
    if (!share->usable)
        return http::status::gone(expired);
    return recordingrelay::relay(share->url, rangeHeader, m_app.retry);
}

Result<http::Response> CallActions::playRecording(const http::Principal &who, const QString &callId,
                                                  const QString &clientAddress,
                                                  const QByteArray &rangeHeader)
{
    auto url =
        m_app.db.transaction<QString>(who.access(), [&](db::Transaction &tx) -> Result<QString> {
            auto row = tx.exec("SELECT recording_url, recording_removed_at IS NOT NULL FROM "
                               "call_logs WHERE id = $1::uuid AND org_id = $2::uuid",
                               {callId, who.orgId});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"Call not found."_s);
            const QString stored = row->text(0, 0);
            // 404 rather than 410: to the console a 410 means an expired link, and this
            // recording is deleted for good.
            if (stored.isEmpty() && row->toBool(0, 1))
                return http::status::notFound(
                    u"This call's recording was deleted under the clinic's retention "
                    "settings or a patient's erasure request."_s);
            if (stored.isEmpty() || !isSafeRecordingLocation(stored, m_app.config.sandboxUrl))
                return http::status::notFound(u"This call has no recording to play."_s);
            // One listening is one access: a player opens a recording with a request from its
            // start (no Range, or bytes=0-) and then asks for further ranges as it buffers or
            // seeks, which are the same listening and are not logged again.
            if (recordingrelay::opensRecording(rangeHeader)) {
                auto logged = accesslog::record(
                    tx, accesslog::byUser(who, clientAddress, accesslog::action::recordingPlayed,
                                          u"call"_s, callId));
                if (!logged)
                    return logged.error();
            }
            return stored;
        });
    if (!url)
        return url.error();
    return recordingrelay::relay(*url, rangeHeader, m_app.retry);
}

Result<QJsonObject> CallActions::activeShares(const http::Principal &who, const QString &callId)
{
    return m_app.db.transaction<QJsonObject>(
        who.access(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto call = tx.exec("SELECT 1 FROM call_logs WHERE id = $1::uuid AND org_id = $2::uuid",
                                {callId, who.orgId});
            if (!call)
                return call.error();
            if (call->isEmpty())
                return http::status::notFound(u"Call not found."_s);
            auto rows = tx.exec(
                "SELECT coalesce(json_agg(json_build_object('id', s.id, 'email', s.email, "
                "'created_at', s.created_at, 'expires_at', s.expires_at, 'shared_by', "
                "coalesce(nullif(p.full_name, ''), p.email)) ORDER BY s.created_at DESC), '[]') "
                "FROM recording_shares s LEFT JOIN profiles p ON p.id = s.created_by WHERE "
                "s.org_id = $1::uuid AND s.call_id = $2::uuid AND s.revoked_at IS NULL AND "
                "s.expires_at > now()",
                {who.orgId, callId});
            if (!rows)
                return rows.error();
            return QJsonObject{{u"items"_s, rows->toJson(0, 0)}};
        });
}

Result<QJsonObject> CallActions::revokeShare(const http::Principal &who, const QString &shareId)
{
    return m_app.db.transaction<QJsonObject>(
        who.access(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto row = tx.exec(
                "UPDATE recording_shares SET revoked_at = coalesce(revoked_at, now()), "
                "revoked_by = coalesce(revoked_by, $3::uuid) WHERE id = $1::uuid AND org_id = "
                "$2::uuid RETURNING call_id, revoked_at",
                {shareId, who.orgId, who.userId});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"There is no such share."_s);
            auto a = audit(tx, who, u"recording.share_revoked"_s, u"call"_s, row->text(0, 0),
                           {{u"share_id"_s, shareId}});
            if (!a)
                return a.error();
            return QJsonObject{{u"id"_s, shareId},
                               {u"call_id"_s, row->text(0, 0)},
                               {u"revoked_at"_s, row->toDateTime(0, 1).toString(Qt::ISODate)}};
        });
}

Result<CallActions::Export> CallActions::exportTranscript(const http::Principal &who,
                                                          const QString &callId,
                                                          const QString &clientAddress)
{
    return m_app.db.transaction<Export>(who.access(), [&](db::Transaction &tx) -> Result<Export> {
        static const QByteArray sql =
            "SELECT c.caller_name, c.phone_number, c.direction, c.occurred_at, "
            "coalesce(c.duration_seconds, -1), c.transcript, coalesce(c.messages, '[]'), "
            "s.time_zone, o.name, " +
            QByteArray(redaction::settingsColumns) +
            " FROM call_logs c JOIN org_settings s ON s.org_id = c.org_id "
            "JOIN organizations o ON o.id = c.org_id WHERE c.id = $1::uuid AND c.org_id = $2::uuid";
        auto row = tx.exec(sql, {callId, who.orgId});
        if (!row)
            return row.error();
        if (row->isEmpty())
            return http::status::notFound(u"Call not found."_s);
        const QJsonArray messages = row->toJson(0, 6).toArray();
        const QString plain = row->text(0, 5);
        if (plain.trimmed().isEmpty() && messages.isEmpty())
            return http::status::badRequest(u"This call has no transcript to export."_s);
        transcript::CallSummary call;
        call.callerName = row->text(0, 0);
        call.phoneNumber = row->text(0, 1);
        call.direction = row->text(0, 2);
        call.occurredAt = row->toDateTime(0, 3);
        call.durationSeconds = int(row->toInt(0, 4));
        call.timeZone = zone(row->text(0, 7));
        call.clinic = row->text(0, 8);
        const redaction::Policy policy =
            redaction::fromRow(*row, 0, 9, QDateTime::currentDateTimeUtc());
        const bool redacted = bool(policy.categories);
        Export out;
        out.text = transcript::render(call, messages, plain, policy).toUtf8();
        out.fileName = transcript::fileName(call);
        auto a = audit(tx, who, u"transcript.exported"_s, u"call"_s, callId,
                       {{u"format"_s, u"txt"_s},
                        {u"file_name"_s, out.fileName},
                        {u"bytes"_s, out.text.size()},
                        {u"redacted"_s, redacted}});
        if (!a)
            return a.error();
        auto logged = accesslog::record(tx, accesslog::byUser(who, clientAddress,
                                                              accesslog::action::transcriptExported,
                                                              u"call"_s, callId));
        if (!logged)
            return logged.error();
        return out;
    });
}

Result<QJsonObject> CallActions::sendReminder(const http::Principal &who,
                                              const QString &appointmentId, const QString &method)
{
    const db::Access access = who.access();
    struct Appointment
    {
        QString status;
        QDateTime start;
        QString service;
        QString contactId;
        QString name;
        QString phone;
        QString email;
        QString timeZone;
        QString clinic;
    };
    auto loaded = m_app.db.transaction<
        Appointment>(access, [&](db::Transaction &tx) -> Result<Appointment> {
        auto row = tx.exec(
            "SELECT a.status, a.starts_at, coalesce(a.service_name, s.name, 'your appointment'), "
            "c.id, c.name, c.phone, c.email, st.time_zone, o.name FROM appointments a "
            "LEFT JOIN services s ON s.id = a.service_id LEFT JOIN contacts c ON c.id = "
            "a.contact_id JOIN org_settings st ON st.org_id = a.org_id JOIN organizations o ON "
            "o.id = a.org_id WHERE a.id = $1::uuid AND a.org_id = $2::uuid",
            {appointmentId, who.orgId});
        if (!row)
            return row.error();
        if (row->isEmpty())
            return http::status::notFound(u"Appointment not found."_s);
        return Appointment{row->text(0, 0), row->toDateTime(0, 1), row->text(0, 2),
                           row->text(0, 3), row->text(0, 4),       row->text(0, 5),
                           row->text(0, 6), row->text(0, 7),       row->text(0, 8)};
    });
    if (!loaded)
        return loaded.error();
    const Appointment a = *loaded;
    if (a.status == u"cancelled" || a.status == u"completed")
        return http::status::conflict(
            u"This appointment is %1; there is nothing to remind about."_s.arg(a.status));
    const bool sms = method == u"sms";
    const QString recipient = sms ? a.phone : a.email;
    if (recipient.isEmpty())
        return http::status::badRequest(sms ? u"The patient has no phone number."_s
                                            : u"The patient has no e-mail address."_s);

    const QString first = a.name.section(u' ', 0, 0);
    const QString greeting = first.isEmpty() ? u"Hi"_s : u"Hi "_s + first;
    const QString slot = when(a.start, zone(a.timeZone));
    const QString text =
        u"%1, this is a reminder of your %2 appointment at %3 on %4. Reply C to "
        "confirm, R to reschedule or N to cancel."_s.arg(greeting, a.service, a.clinic, slot);
    Messaging::Outgoing to;
    to.orgId = who.orgId;
    to.recipient = recipient;
    to.purpose = u"appointment_reminder"_s;
    to.contactId = a.contactId;
    to.appointmentId = appointmentId;
    to.sentBy = who.userId;
    Messaging messaging(m_app);
    auto delivery =
        sms ? messaging.sendSms(access, to, text)
            : messaging.sendEmail(access, to, u"Reminder: your appointment at %1"_s.arg(a.clinic),
                                  text, u"<p>%1</p>"_s.arg(text.toHtmlEscaped()), text);
    if (!delivery)
        return delivery.error();
    if (delivery->unknown)
        return QJsonObject{{u"success"_s, true},
                           {u"status"_s, u"unknown"_s},
                           {u"recipient"_s, recipient},
                           {u"method"_s, method},
                           {u"messageId"_s, delivery->messageId},
                           {u"notice"_s, unconfirmedNotice}};
    if (!delivery->sent) {
        if (!delivery->refusal.isEmpty())
            return http::status::unprocessable(u"Twilio refused the reminder: "_s +
                                               delivery->refusal);
        return http::status::badGateway(
            u"The reminder could not be sent. Please try again later."_s);
    }
    auto marked = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        auto u = tx.exec("UPDATE appointments SET confirmation_sent = true WHERE id = $1::uuid "
                         "AND org_id = $2::uuid",
                         {appointmentId, who.orgId});
        if (!u)
            return u.error();
        auto p = events::publish(tx, who.orgId, u"appointment.updated"_s, u"appointment"_s,
                                 appointmentId, {{u"confirmation_sent"_s, true}});
        if (!p)
            return p.error();
        return true;
    });
    if (!marked)
        return marked.error();
    return QJsonObject{{u"success"_s, true},
                       {u"status"_s, u"sent"_s},
                       {u"recipient"_s, recipient},
                       {u"method"_s, method},
                       {u"messageId"_s, delivery->messageId}};
}

} // namespace vox::server
