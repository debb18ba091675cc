#pragma once

#include "core/result.h"
#include "ui/api/appointmentrecord.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace vox::ui {

class ApiClient;

// The appointments of a time range, in time order (GET /api/appointments). A range is a day to a
// few weeks, so every page of it is read at once.
class AppointmentsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppointmentsModel)

public:
    enum Column {
        WhenColumn,
        PatientColumn,
        PhoneColumn,
        ServiceColumn,
        LengthColumn,
        StatusColumn,
        ReminderColumn,
        SourceColumn,
        ColumnCount
    };
    enum Role { AppointmentIdRole = Qt::UserRole + 1 };

    explicit AppointmentsModel(ApiClient &api, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRange(const QDateTime &from, const QDateTime &to);
    QDateTime from() const { return m_from; }
    QDateTime to() const { return m_to; }
    void reload();
    bool isLoading() const { return m_loading; }
    const AppointmentRecord *appointmentAt(int row) const;
    int rowOf(const QString &id) const;
    // Replaces a row after an action on it (reschedule, cancel, reminder) without a reload.
    void update(const AppointmentRecord &appointment);

signals:
    void loadingChanged(bool loading);
    void loaded();
    void loadFailed(const vox::Error &error);

private:
    void readPage(const QString &cursor, int generation, QList<AppointmentRecord> sofar);

    ApiClient &m_api;
    QDateTime m_from;
    QDateTime m_to;
    QList<AppointmentRecord> m_rows;
    int m_generation = 0;
    bool m_loading = false;
};

} // namespace vox::ui
