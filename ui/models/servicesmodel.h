#pragma once

#include "ui/api/servicerecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace vox::ui {

// The price list being edited: the services as the server has them plus the edits not saved
// yet (changed, added, marked for deletion), and what is wrong with each (checked as the user
// types, so the form can say it at the field). Changes go through the page's undo stack; the
// model only holds them.
class ServicesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServicesModel)

public:
    enum Column {
        NameColumn,
        PriceColumn,
        KeywordsColumn,
        DurationColumn,
        BufferBeforeColumn,
        BufferAfterColumn,
        ColumnCount
    };
    enum class Field { Name, Price, Keywords, Duration, BufferBefore, BufferAfter };
    enum Role { KeyRole = Qt::UserRole + 1, DirtyRole, DeletedRole };

    // One row: `key` names it for the undo stack whatever its position or server id.
    struct Draft
    {
        QString key;
        ServiceRecord saved; // as the server has it; id empty for a new service
        ServiceRecord current;
        bool deleted = false;

        bool isNew() const { return saved.id.isEmpty(); }
        bool isDirty() const { return deleted || isNew() || !current.sameContent(saved); }
    };

    explicit ServicesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The server's list; drops every unsaved edit.
    void setServices(const QList<ServiceRecord> &services);
    const Draft *draftAt(int row) const;
    const Draft *draft(const QString &key) const;
    int rowOf(const QString &key) const;
    QList<Draft> drafts() const { return m_rows; }

    // Used by the undo commands.
    void setField(const QString &key, Field field, const QVariant &value);
    QVariant field(const QString &key, Field field) const;
    QString insertDraft(const Draft &draft, int row = -1);
    Draft takeDraft(const QString &key);
    void setDeleted(const QString &key, bool deleted);
    // After a successful save of one row: what was sent is what the server has.
    void markSaved(const QString &key, const ServiceRecord &fromServer);
    void dropSaved(const QString &key);

    // Problems by field, as sentences; empty when the row is fine.
    QHash<Field, QString> problems(const QString &key) const;
    // A problem the server reported on save (a duplicate another user just created, ...).
    void setServerProblem(const QString &key, Field field, const QString &message);
    bool hasProblems() const;
    int unsavedCount() const;
    // The services as they would be after saving (for the keyword test).
    QList<ServiceRecord> effectiveServices() const;

    static QString newKey();

signals:
    void changed();

private:
    void rowChanged(int row);

    QList<Draft> m_rows;
    QHash<QString, QHash<Field, QString>> m_serverProblems;
};

} // namespace vox::ui
