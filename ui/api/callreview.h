#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace vox::ui {

// A staff member's review of a call (docs/api.md, "Call review"): a score from 1 to 5, tags from
// the clinic's list and a note. A call has at most one; saving again replaces it.
struct CallReview
{
    QString callId;
    int score = 0; // 0: not reviewed
    QStringList tags;
    QString note;
    QString reviewerName;
    QDateTime reviewedAt;

    bool exists() const { return score > 0; }

    static CallReview fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

} // namespace vox::ui
