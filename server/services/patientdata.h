#pragma once

#include "core/result.h"
#include "server/appcontext.h"

#include <QJsonObject>
#include <QString>

// A patient's requests about their data, for one contact of a clinic: everything held about them
// as an archive, and their erasure. Both act as the signed-in admin (RLS confines them to the
// clinic) and are audited.
namespace vox::server::patientdata {

struct Export
{
    QJsonObject data; // contact, calls (with transcripts and summaries), appointments, messages
    QString report;   // the same, as text a person reads
    QString fileStem; // "patient-data-<date>-<contact id prefix>", no patient detail in it
};

Result<Export> exportContact(AppContext &app, const db::Access &who, const QString &contactId,
                             const QDateTime &now);

struct Erasure
{
    QString erasureId;
    QJsonObject removed; // counts
};

// Deletes the contact, anonymises its calls (no number, name, transcript, summary or recording),
// removes its message bodies and recipients, keeps its appointments without it, and keeps an
// erasure record without any of its details. Vapi is asked to delete the contact's calls first,
// outside any transaction; if it cannot, nothing here is erased (409 on legal hold, 502 when
// Vapi fails).
Result<Erasure> eraseContact(AppContext &app, const db::Access &who, const QString &contactId);

// The readable report of an export's data.
QString reportOf(const QJsonObject &data);

} // namespace vox::server::patientdata
