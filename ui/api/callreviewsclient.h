#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/callreview.h"

#include <QObject>
#include <QStringList>

namespace vox::ui {

class ApiClient;

// Call reviews and the clinic's list of review tags (server/routes/callreviews).
class CallReviewsClient final
{
    Q_DISABLE_COPY_MOVE(CallReviewsClient)

public:
    explicit CallReviewsClient(ApiClient &api)
        : m_api(api)
    {}

    // The call's review; one that does not exist yet has score 0.
    void review(const QString &callId, QObject *context, Callback<CallReview> done);
    void saveReview(const QString &callId, const CallReview &review, QObject *context,
                    Callback<CallReview> done);
    void reviewTags(QObject *context, Callback<QStringList> done);
    // Only an admin may change the list.
    void saveReviewTags(const QStringList &tags, QObject *context, Callback<QStringList> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
