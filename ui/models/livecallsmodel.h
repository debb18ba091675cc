#pragma once

#include "ui/api/livedeskclient.h"
#include "ui/api/liveevent.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

namespace vox::ui {

class ApiClient;

// The clinic's calls in progress, one list for the whole console: the Live page and the
// dashboard's live panel both show it, so they never disagree. Read from GET /api/live-calls and
// kept up to date by live events (who speaks, the lines as they are said; a call that begins,
// changes or ends reads the list again). While calls are on, the elapsed time ticks every second.
// Columns: the caller (as the Live page names them), how long the call has run, and its state.
class LiveCallsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveCallsModel)

public:
    enum Column { CallerColumn, ElapsedColumn, StateColumn, ColumnCount };
    enum Role { CallIdRole = Qt::UserRole + 1 };

    explicit LiveCallsModel(ApiClient &api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Reads the list from the server; what live events told about a call (who speaks, the line
    // being heard) is kept.
    void reload();
    bool loadedOnce() const { return m_loadedOnce; }
    void applyEvent(const LiveEvent &event);
    // For tests and screenshots: shows `calls` as if the server had listed them.
    void setCalls(const QList<LiveCall> &calls);

    const QList<LiveCall> &calls() const { return m_calls; }
    const LiveCall *find(const QString &id) const;
    int rowOf(const QString &id) const;

    // How a call is named: the caller's name, else their number as the console writes numbers.
    static QString callerText(const LiveCall &call);
    // "1:35" since `since`; nothing when it is not known.
    static QString elapsedText(const QDateTime &since, const QDateTime &now);
    // "Caller speaking", "AI speaking", "Ringing", or "In progress".
    static QString stateText(const LiveCall &call);

signals:
    void loaded();
    void loadFailed(const QString &message);
    // The lines of a call changed (a final line, or what the transcriber has heard so far).
    void linesChanged(const QString &callId);

private:
    LiveCall *findMutable(const QString &id);
    void tick();

    LiveDeskClient m_client;
    QList<LiveCall> m_calls;
    QTimer m_clock;
    QTimer m_reloadDelay;
    bool m_loadedOnce = false;
};

} // namespace vox::ui
