#include "ui/widgets/recordingshareslist.h"

#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"
#include "ui/widgets/toastarea.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

RecordingSharesList::RecordingSharesList(ApiClient &api, ToastArea &toasts, QWidget *parent)
    : QWidget(parent)
    , m_api(api)
    , m_toasts(toasts)
{
    setObjectName(u"recordingShares"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(tr("Shared links that still work:"), this);
    layout->addWidget(m_title);
    m_rows = new QVBoxLayout;
    layout->addLayout(m_rows);
    hide();
}

void RecordingSharesList::showCall(const QString &callId)
{
    m_callId = callId;
    const int generation = ++m_generation;
    m_shares.clear();
    render();
    if (callId.isEmpty() || !m_api.session().isAdmin())
        return;
    m_api.requestJson<QList<Share>>(
        "GET", u"/api/calls-dashboard/%1/shares"_s.arg(callId), {}, nullptr, this,
        [this, generation](Result<QList<Share>> shares) {
            if (generation != m_generation)
                return;
            if (!shares)
                return; // the call's detail shows its own problems; this list is an extra
            m_shares = *shares;
            render();
        },
        [](const QJsonObject &json) {
            QList<Share> out;
            for (const QJsonValue &v : json.value(u"items"_s).toArray()) {
                const QJsonObject o = v.toObject();
                out.append(
                    {o.value(u"id"_s).toString(), o.value(u"email"_s).toString(),
                     QDateTime::fromString(o.value(u"expires_at"_s).toString(), Qt::ISODateWithMs),
                     o.value(u"shared_by"_s).toString()});
            }
            return out;
        });
}

void RecordingSharesList::revoke(const QString &shareId)
{
    m_api.requestJson<bool>(
        "DELETE", u"/api/recording-shares/"_s + shareId, {}, nullptr, this,
        [this](Result<bool> done) {
            if (!done) {
                m_toasts.problem(done.error());
                return;
            }
            m_toasts.success(tr("The link was withdrawn; it no longer plays the recording."));
            reload();
        },
        [](const QJsonObject &) { return true; });
}

void RecordingSharesList::render()
{
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        if (QWidget *w = item->widget())
            w->deleteLater();
        delete item;
    }
    setVisible(!m_shares.isEmpty());
    for (const Share &share : std::as_const(m_shares)) {
        auto *row = new QWidget(this);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto *text = new QLabel(
            tr("%1, until %2").arg(share.email, DisplayFormat::dateTime(share.expiresAt)), row);
        text->setWordWrap(true);
        text->setToolTip(tr("Shared by %1").arg(share.sharedBy));
        auto *button = new QPushButton(tr("Revoke"), row);
        button->setObjectName(u"revokeShareButton"_s);
        button->setToolTip(tr("Withdraw this link now"));
        const QString id = share.id;
        connect(button, &QPushButton::clicked, this, [this, id] { revoke(id); });
        h->addWidget(text, 1);
        h->addWidget(button);
        m_rows->addWidget(row);
    }
}

} // namespace vox::ui
