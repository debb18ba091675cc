#include "ui/models/servicesmodel.h"

#include "ui/models/displayformat.h"

#include <QFont>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// The server's limits (docs/api.md, Services): the form says so before the server has to.
constexpr int maxNameLength = 120;
constexpr int minDuration = 5;
constexpr int maxDuration = 1440;
constexpr int maxBuffer = 480;
constexpr qint64 maxPriceCents = 100'000'000;

QString normalizedName(const QString &name)
{
    return name.trimmed().toCaseFolded();
}

} // namespace

ServicesModel::ServicesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString ServicesModel::newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

int ServicesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ServicesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServicesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Service");
    case PriceColumn:
        return tr("Price");
    case KeywordsColumn:
        return tr("Keywords");
    case DurationColumn:
        return tr("Length");
    case BufferBeforeColumn:
        return tr("Before");
    case BufferAfterColumn:
        return tr("After");
    default:
        return {};
    }
}

QVariant ServicesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Draft &d = m_rows.at(index.row());
    const ServiceRecord &s = d.current;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            // The mark says "not saved yet" at a glance; the tooltip says it in words.
            return d.isDirty() ? u"● "_s + s.name : s.name;
        case PriceColumn:
            return DisplayFormat::money(s.priceCents);
        case KeywordsColumn:
            return s.keywords.join(u", "_s);
        case DurationColumn:
            return tr("%1 min").arg(s.durationMinutes);
        case BufferBeforeColumn:
            return s.bufferBeforeMinutes ? tr("%1 min").arg(s.bufferBeforeMinutes) : u"–"_s;
        case BufferAfterColumn:
            return s.bufferAfterMinutes ? tr("%1 min").arg(s.bufferAfterMinutes) : u"–"_s;
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == PriceColumn || index.column() >= DurationColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole: {
        if (!d.isDirty())
            return {};
        QFont font;
        font.setItalic(!d.deleted);
        font.setStrikeOut(d.deleted);
        return font;
    }
    case Qt::ForegroundRole:
        if (!problems(d.key).isEmpty())
            return DisplayFormat::tone(DisplayFormat::Tone::Bad);
        if (d.deleted)
            return QColor(Qt::gray);
        return {};
    case Qt::ToolTipRole: {
        const auto found = problems(d.key);
        if (!found.isEmpty())
            return found.values().join(u'\n');
        if (d.deleted)
            return tr("Will be deleted when you save");
        if (d.isNew())
            return tr("New: not saved yet");
        if (d.isDirty())
            return tr("Changed: not saved yet");
        return {};
    }
    case KeyRole:
        return d.key;
    case DirtyRole:
        return d.isDirty();
    case DeletedRole:
        return d.deleted;
    default:
        return {};
    }
}

void ServicesModel::setServices(const QList<ServiceRecord> &services)
{
    beginResetModel();
    m_rows.clear();
    m_serverProblems.clear();
    for (const ServiceRecord &s : services)
        m_rows << Draft{newKey(), s, s, false};
    endResetModel();
    emit changed();
}

const ServicesModel::Draft *ServicesModel::draftAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

const ServicesModel::Draft *ServicesModel::draft(const QString &key) const
{
    return draftAt(rowOf(key));
}

int ServicesModel::rowOf(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key == key)
            return i;
    }
    return -1;
}

void ServicesModel::rowChanged(int row)
{
    // A name change can make another row a duplicate, or stop it being one: repaint all.
    Q_UNUSED(row);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    emit changed();
}

void ServicesModel::setField(const QString &key, Field field, const QVariant &value)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    ServiceRecord &s = m_rows[row].current;
    switch (field) {
    case Field::Name:
        s.name = value.toString();
        break;
    case Field::Price:
        s.priceCents = value.toLongLong();
        break;
    case Field::Keywords:
        s.keywords = value.toStringList();
        break;
    case Field::Duration:
        s.durationMinutes = value.toInt();
        break;
    case Field::BufferBefore:
        s.bufferBeforeMinutes = value.toInt();
        break;
    case Field::BufferAfter:
        s.bufferAfterMinutes = value.toInt();
        break;
    }
    m_serverProblems[key].remove(field);
    rowChanged(row);
}

QVariant ServicesModel::field(const QString &key, Field field) const
{
    const Draft *d = draft(key);
    if (!d)
        return {};
    const ServiceRecord &s = d->current;
    switch (field) {
    case Field::Name:
        return s.name;
    case Field::Price:
        return s.priceCents;
    case Field::Keywords:
        return s.keywords;
    case Field::Duration:
        return s.durationMinutes;
    case Field::BufferBefore:
        return s.bufferBeforeMinutes;
    case Field::BufferAfter:
        return s.bufferAfterMinutes;
    }
    return {};
}

QString ServicesModel::insertDraft(const Draft &draft, int row)
{
    const int at = row < 0 || row > m_rows.size() ? int(m_rows.size()) : row;
    beginInsertRows({}, at, at);
    m_rows.insert(at, draft);
    endInsertRows();
    rowChanged(at);
    return draft.key;
}

ServicesModel::Draft ServicesModel::takeDraft(const QString &key)
{
    const int row = rowOf(key);
    if (row < 0)
        return {};
    beginRemoveRows({}, row, row);
    Draft taken = m_rows.takeAt(row);
    endRemoveRows();
    rowChanged(row);
    return taken;
}

void ServicesModel::setDeleted(const QString &key, bool deleted)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    m_rows[row].deleted = deleted;
    rowChanged(row);
}

void ServicesModel::markSaved(const QString &key, const ServiceRecord &fromServer)
{
    const int row = rowOf(key);
    if (row < 0)
        return;
    m_rows[row].saved = fromServer;
    m_rows[row].current = fromServer;
    m_serverProblems.remove(key);
    rowChanged(row);
}

void ServicesModel::dropSaved(const QString &key)
{
    if (rowOf(key) >= 0)
        takeDraft(key);
    m_serverProblems.remove(key);
}

QHash<ServicesModel::Field, QString> ServicesModel::problems(const QString &key) const
{
    QHash<Field, QString> found = m_serverProblems.value(key);
    const Draft *d = draft(key);
    if (!d || d->deleted)
        return {};
    const ServiceRecord &s = d->current;
    const QString name = normalizedName(s.name);
    if (name.isEmpty()) {
        found.insert(Field::Name, tr("Enter a name for the service."));
    } else if (s.name.trimmed().size() > maxNameLength) {
        found.insert(Field::Name, tr("Keep the name under %1 characters.").arg(maxNameLength));
    } else {
        for (const Draft &other : m_rows) {
            if (other.key != key && !other.deleted && normalizedName(other.current.name) == name) {
                found.insert(Field::Name,
                             tr("Another service is already called “%1”. Choose another name.")
                                 .arg(other.current.name.trimmed()));
                break;
            }
        }
    }
    if (s.priceCents < 0)
        found.insert(Field::Price, tr("The price cannot be negative."));
    else if (s.priceCents > maxPriceCents)
        found.insert(Field::Price, tr("That price is too high."));
    if (s.durationMinutes < minDuration || s.durationMinutes > maxDuration)
        found.insert(Field::Duration,
                     tr("A service takes %1 to %2 minutes.").arg(minDuration).arg(maxDuration));
    if (s.bufferBeforeMinutes < 0 || s.bufferBeforeMinutes > maxBuffer)
        found.insert(Field::BufferBefore, tr("Up to %1 minutes.").arg(maxBuffer));
    if (s.bufferAfterMinutes < 0 || s.bufferAfterMinutes > maxBuffer)
        found.insert(Field::BufferAfter, tr("Up to %1 minutes.").arg(maxBuffer));
    return found;
}

void ServicesModel::setServerProblem(const QString &key, Field field, const QString &message)
{
    m_serverProblems[key].insert(field, message);
    rowChanged(rowOf(key));
}

bool ServicesModel::hasProblems() const
{
    for (const Draft &d : m_rows) {
        if (!problems(d.key).isEmpty())
            return true;
    }
    return false;
}

int ServicesModel::unsavedCount() const
{
    int count = 0;
    for (const Draft &d : m_rows)
        count += d.isDirty() ? 1 : 0;
    return count;
}

QList<ServiceRecord> ServicesModel::effectiveServices() const
{
    QList<ServiceRecord> services;
    for (const Draft &d : m_rows) {
        if (d.deleted)
            continue;
        ServiceRecord s = d.current;
        if (s.id.isEmpty())
            s.id = d.key;
        services << s;
    }
    return services;
}

} // namespace vox::ui
