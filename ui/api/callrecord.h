#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace vox::ui {

// One line of a transcript, with who said it.
struct TranscriptLine
{
    QString role; // assistant, user, system, tool
    QString message;
    double secondsFromStart = -1;
};

// A call as the calls list sends it; the detail fields are filled once the call's detail is read
// (GET /api/calls-dashboard/:id).
struct CallRecord
{
    QString id;
    QDateTime occurredAt;
    QDateTime startedAt;
    QDateTime endedAt;
    int durationSeconds = 0;
    QString direction; // inbound, outbound
    QString status;
    QString phoneNumber;
    QString callerName;
    QString contactId;
    QString contactName;
    QString sentimentLabel;
    double sentimentScore = 0;
    QString sentimentUrgency;
    bool bookingConfirmed = false;
    qint64 financialValueCents = 0;
    QString recordingStatus;
    bool hasRecording = false;
    bool hasTranscript = false;
    QString summary;
    QString transferTo;

    bool detailLoaded = false;
    QString transcript;
    QList<TranscriptLine> messages;
    QDateTime transferTime;
    QString transferReason;
    QString endedReason;
    QStringList matchedServices;
    QStringList matchedTerms; // the matched services' names and keywords
    int leadScore = -1;

    // Who the call was with, as a person reads it: the contact's name, the caller's, or the number.
    QString partyName() const;

    static CallRecord fromJson(const QJsonObject &json);
};

} // namespace vox::ui
