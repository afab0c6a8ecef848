#pragma once

#include "client/syncclient.h"
#include "core/replica.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

namespace kinlist::ui {

namespace detail {
// What a row shows, and nothing more: no stamps, no other fields (a 10,000-item list
// is held in a few megabytes). Names that repeat (people, categories, units) share one
// string.
struct ItemRowData
{
    QString id;
    QString title;
    QString note;
    QString unit;
    QString category;
    QString assignee;
    QString position;
    QString createdBy;
    QJsonValue quantity; // a number, null, or undefined when never set
    QJsonValue due;
    QJsonValue repeat; // a repeating task's rule (object), else null or undefined
    QJsonValue reminder; // minutes before a timed due, else null or undefined
    bool done = false;
    client::LocalStore::SyncState syncState = client::LocalStore::SyncState::Confirmed;
    QString changedBy;
    qint64 changedAt = 0;
    bool changeAdded = false; // changedBy's change was the item's arrival
    QString conflict;
    // The value of a role backed by an item field.
    QVariant field(int role) const;
};

// A row of the model: one pointer, so that inserting or moving a row in a long list
// shifts pointers, not rows. Rows are never changed in place; a new one replaces it.
struct ItemRow
{
    std::shared_ptr<const ItemRowData> d;
    const ItemRowData *operator->() const { return d.get(); }
};
} // namespace detail

// The items of one list as the user sees them (confirmed state with this device's pending
// changes), in list order. One op changes one row: a row is inserted, removed, moved or
// its changed roles are announced; the model is never reset for a single remote op, so
// views keep their scroll position and the item being edited keeps focus.
class ItemsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The session owns the items model")
    Q_PROPERTY(QString listId READ listId NOTIFY listIdChanged)
    Q_PROPERTY(int openCount READ openCount NOTIFY countsChanged)
    Q_PROPERTY(int doneCount READ doneCount NOTIFY countsChanged)
    // Done items fold away unless shown. (Filtering here, not in a proxy: a proxy turns a
    // row move into a layout change, which views treat as a reset.)
    Q_PROPERTY(bool showDone READ showDone WRITE setShowDone NOTIFY showDoneChanged)
    // Only items whose title contains this (Ctrl+F); empty for all.
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    // Shopping lists group their items by category (uncategorised last).
    Q_PROPERTY(bool groupByCategory READ groupByCategory WRITE setGroupByCategory NOTIFY
                   groupByCategoryChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        NoteRole,
        QuantityRole,
        UnitRole,
        CategoryRole,
        DoneRole,
        AssigneeRole,
        DueRole,
        PositionRole,
        CreatedByRole,
        SyncStateRole, // "confirmed", "pending" or "failed"
        ChangedByRole, // who else changed it last while this view was open
        ChangedAtRole, // when (ms since the epoch), 0 if not
        ConflictRole, // "Mum set 2, you set 3" when a change of this device lost, else ""
        AssigneeNameRole, // the assignee's display name
        OverdueRole, // a task past its due date and not done
        QuantityTextRole, // "×1,5 kg": the quantity in the locale's digits, "" for one
        DueTextRole, // the due date in the locale's short form, "" if none
        ChangeAddedRole, // changedBy added the item (rather than changed it)
        RepeatRole, // a repeating task's rule as the protocol has it, or null
        RepeatTextRole, // the rule in the locale's words: "every Sat", "" if it does not repeat
        ReminderRole, // minutes before the due time to remind, or null for none
    };
    Q_ENUM(Role)

    // A rule ("repeat") in the locale's words: "every day", "every 2 weeks on Mon, Thu".
    static QString repeatText(const QJsonValue &repeat);
    Q_INVOKABLE QString describeRepeat(const QVariant &repeat) const
    {
        return repeatText(QJsonValue::fromVariant(repeat));
    }

    explicit ItemsModel(QObject *parent = nullptr);

    // Shows `listId` (grouped by category or not: set together, so the list is read once).
    void setSource(client::SyncClient *client, const QString &listId, bool groupByCategory = false);
    QString listId() const { return m_listId; }
    int openCount() const;
    int doneCount() const { return int(m_done.size()); }
    bool showDone() const { return m_showDone; }
    void setShowDone(bool show);
    QString filter() const { return m_filter; }
    void setFilter(const QString &text);
    bool groupByCategory() const { return m_groupByCategory; }
    void setGroupByCategory(bool on);
    // The order of the categories on a grouped list (any case); those it does not name
    // follow alphabetically, uncategorised items last.
    void setCategoryOrder(const QStringList &order);
    QStringList categoryOrder() const { return m_categoryOrder; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int rowOf(const QString &itemId) const;
    // The row of `itemId` by role name (an empty map when it is not shown).
    Q_INVOKABLE QVariantMap get(const QString &itemId) const;
    // Keeps an item just checked off here on screen (struck through) for `ms`, so that the
    // row below does not slide under the pointer at once; then it folds away.
    void linger(const QString &itemId, int ms = 1500);
    // The language changed: rows say their quantities, dates and conflicts anew.
    void retranslate();
    // A position after the last item, and one between two rows (-1: an end).
    QString positionAtEnd() const;
    QString positionBetween(int rowBefore, int rowAfter) const;

Q_SIGNALS:
    void listIdChanged();
    void countsChanged();
    void showDoneChanged();
    void filterChanged();
    void groupByCategoryChanged();

private:
    using Row = detail::ItemRow;
    // List order: by category first when grouping (shopping lists), then position, then id.
    bool before(const Row &a, const Row &b) const;
    Row makeRow(const Entity &e, client::LocalStore::SyncState syncState, const QString &conflict);
    QString intern(const QString &s);
    QString conflictText(const QString &entityId) const;
    // An item of this list, not deleted; `shown` also says whether the view shows it.
    bool alive(const Entity &e) const;
    bool shown(const Entity &e) const;
    void noteDone(const Entity &e);
    void reload();
    void refreshEntity(const QString &entityId);
    QList<int> changedRoles(const Row &a, const Row &b) const;
    // Whether what a row says changed (not only its place, sync state or conflict).
    static bool changedContent(const Row &a, const Row &b);

    QPointer<client::SyncClient> m_client;
    QString m_listId;
    QList<Row> m_rows; // the shown items
    QSet<QString> m_alive; // every item of the list, shown or not
    QSet<QString> m_done; // every done item, shown or not
    QSet<QString> m_lingering; // done items still shown for a moment (linger())
    bool m_showDone = false;
    QString m_filter;
    bool m_groupByCategory = false;
    QStringList m_categoryOrder;
    QHash<QString, int> m_categoryRank; // case-folded category: its place in the order
    struct OthersChange
    {
        QString who;
        qint64 at = 0;
        bool added = false; // the change brought the item (an add, or a delete undone)
    };
    QHash<QString, OthersChange> m_changedBy; // entity -> the last change by someone else
    // The remote op whose entity is refreshed next, and whom it would name.
    struct RemoteChange
    {
        enum What { Name, Clear } what = Clear;
        QString itemId;
        QString name;
    };
    std::optional<RemoteChange> m_remoteChange;
    QSet<QString> m_strings; // the shared copies of repeated names
};

} // namespace kinlist::ui

// A row moves in memory as it is (a shared_ptr has no pointer into itself): inserting one
// in a long list is a memmove, not a move of each row after it.
Q_DECLARE_TYPEINFO(kinlist::ui::detail::ItemRow, Q_RELOCATABLE_TYPE);
