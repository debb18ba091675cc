#include "ui/models/appointmentsmodel.h"

#include "core/phonenumber.h"
#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"

#include <QBrush>
#include <QColor>
#include <QFont>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

AppointmentsModel::AppointmentsModel(ApiClient &api, QObject *parent)
    : QAbstractTableModel(parent)
    , m_api(api)
{}

int AppointmentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AppointmentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AppointmentsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AppointmentRecord &a = m_rows.at(index.row());
    if (role == AppointmentIdRole)
        return a.id;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case WhenColumn:
            return DisplayFormat::relativeDateTime(a.scheduledTime,
                                                   QDateTime::currentDateTimeUtc());
        case PatientColumn:
            return a.contactName.isEmpty() ? tr("Unknown") : a.contactName;
        case PhoneColumn:
            return phone::display(a.phoneNumber);
        case ServiceColumn:
            return a.serviceName;
        case LengthColumn:
            return tr("%1 min").arg(a.durationMinutes);
        case StatusColumn:
            return DisplayFormat::appointmentStatus(a.status);
        case ReminderColumn:
            return a.confirmationSent ? tr("Sent") : tr("Not sent");
        case SourceColumn:
            return a.source == u"ai" ? tr("AI receptionist") : tr("Front desk");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == WhenColumn)
        return DisplayFormat::dateTime(a.scheduledTime);
    if (role == Qt::ForegroundRole && a.status == u"cancelled")
        return QBrush(QColor(0x80, 0x80, 0x80));
    if (role == Qt::FontRole && a.status == u"cancelled") {
        QFont struck;
        struck.setStrikeOut(index.column() == WhenColumn);
        return struck;
    }
    return {};
}

QVariant AppointmentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case PatientColumn:
        return tr("Patient");
    case PhoneColumn:
        return tr("Phone");
    case ServiceColumn:
        return tr("Service");
    case LengthColumn:
        return tr("Length");
    case StatusColumn:
        return tr("Status");
    case ReminderColumn:
        return tr("Reminder");
    case SourceColumn:
        return tr("Booked by");
    default:
        return {};
    }
}

void AppointmentsModel::setRange(const QDateTime &from, const QDateTime &to)
{
    m_from = from;
    m_to = to;
    reload();
}

void AppointmentsModel::reload()
{
    ++m_generation;
    if (!m_loading) {
        m_loading = true;
        emit loadingChanged(true);
    }
    readPage(QString(), m_generation, {});
}

void AppointmentsModel::readPage(const QString &cursor, int generation,
                                 QList<AppointmentRecord> sofar)
{
    m_api.appointments().list(m_from, m_to, cursor, this,
                              [this, generation, sofar = std::move(sofar)](
                                  Result<ListPage<AppointmentRecord>> page) mutable {
                                  if (generation != m_generation)
                                      return;
                                  if (!page) {
                                      m_loading = false;
                                      emit loadingChanged(false);
                                      emit loadFailed(page.error());
                                      return;
                                  }
                                  sofar.append(page->items);
                                  // A range rarely has more than a page; a runaway cursor stops at
                                  // 50 pages.
                                  if (!page->nextCursor.isEmpty() && sofar.size() < 200 * 50) {
                                      readPage(page->nextCursor, generation, std::move(sofar));
                                      return;
                                  }
                                  beginResetModel();
                                  m_rows = std::move(sofar);
                                  endResetModel();
                                  m_loading = false;
                                  emit loadingChanged(false);
                                  emit loaded();
                              });
}

const AppointmentRecord *AppointmentsModel::appointmentAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int AppointmentsModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

void AppointmentsModel::update(const AppointmentRecord &appointment)
{
    const int row = rowOf(appointment.id);
    if (row < 0)
        return;
    m_rows[row] = appointment;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace vox::ui
