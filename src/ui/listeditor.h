#pragma once

#include "activitymodel.h"
#include "client/account.h"
#include "core/op.h"
#include "core/quickentry.h"
#include "itemsmodel.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <optional>

namespace kinlist::ui {

class Households;
class Session;

// The open list: its items and activity, every edit a user makes to it, undo, the
// question about a title already on the list, and who else has it open.
class ListEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the session")
    // The open list ("" when none); setting it opens another list of the household.
    Q_PROPERTY(QString listId READ listId WRITE setListId NOTIFY listChanged)
    Q_PROPERTY(QString name READ name NOTIFY listChanged)
    Q_PROPERTY(QString kind READ kind NOTIFY listChanged) // shopping|tasks
    Q_PROPERTY(QString color READ color NOTIFY listChanged) // a name of Limits::kListColors, or ""
    Q_PROPERTY(bool archived READ archived NOTIFY listChanged)
    // No toasts for changes to this list (remembered on this device).
    Q_PROPERTY(bool muted READ muted WRITE setMuted NOTIFY mutedChanged)
    Q_PROPERTY(kinlist::ui::ItemsModel *items READ items CONSTANT)
    Q_PROPERTY(kinlist::ui::ActivityModel *activity READ activity CONSTANT)
    // What undo() would take back ("Milk checked off"); empty when nothing.
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoChanged)
    // Set when an added title is already open on the list: "Milk is already on the list
    // (added by Alex, 2 hours ago)"; addMore() or addAnyway() settles it.
    Q_PROPERTY(QString duplicateText READ duplicateText NOTIFY duplicateChanged)
    // What addMore() adds to the open item: "Add 1 more", "Add 2 l more" (what was typed);
    // empty when the typed unit is not the item's (then only addAnyway()).
    Q_PROPERTY(QString moreText READ moreText NOTIFY duplicateChanged)
    // Who else has the list open, one entry per person: {userId, name, initials, devices}.
    Q_PROPERTY(QVariantList presence READ presence NOTIFY presenceChanged)
    // A shopping list's categories in the order its items group by: the family's own
    // (the list's categoryOrder), then the dictionaries' shop order (updateCategoryOrder).
    Q_PROPERTY(QStringList categoryOrder READ categoryOrder NOTIFY categoryOrderChanged)
public:
    explicit ListEditor(Session &session);
    ~ListEditor() override;

    QString listId() const { return m_listId; }
    void setListId(const QString &id);
    QString name() const;
    QString kind() const;
    QString color() const;
    bool archived() const;
    bool muted() const;
    void setMuted(bool muted);
    ItemsModel *items() { return &m_items; }
    ActivityModel *activity() { return &m_activity; }
    QString undoText() const { return m_undo.isEmpty() ? QString() : m_undo.constLast().text; }
    QString duplicateText() const { return m_duplicateText; }
    QString moreText() const;
    QVariantList presence() const;

    // Opens a list of any of the user's households (from a toast, say).
    Q_INVOKABLE void openList(const QString &listId);
    // Adds what was typed; on a shopping list "2 l milk" reads as amount, unit and title
    // (QuickEntry). The same title open already asks first (duplicateText).
    Q_INVOKABLE void addItem(const QString &typed);
    // What the household has added before whose words start like the title part of
    // `typed` (the "mi" of "2 l mi"), most used first, none open on this list already: up
    // to kMaxSuggestions of {title, category, unit, text}, where `text` is what the field
    // then says ("2 l Milk"). Shopping lists only.
    Q_INVOKABLE QVariantList suggestions(const QString &typed) const;
    QStringList categoryOrder() const { return m_items.categoryOrder(); }
    // What the category order dialog lists: the order, then the list's other categories.
    Q_INVOKABLE QStringList categoriesToOrder() const;
    // Saves the family's order of categories on the open list (undoable).
    Q_INVOKABLE void setCategoryOrder(const QStringList &order);
    static constexpr int kMaxSuggestions = 6;
    Q_INVOKABLE void setDone(const QString &itemId, bool done);
    Q_INVOKABLE void renameItem(const QString &itemId, const QString &title);
    Q_INVOKABLE void removeItem(const QString &itemId);
    // Sets the given fields of an item (title, quantity, unit, category, note, assignee,
    // due), only those that differ; undoable.
    Q_INVOKABLE void updateItem(const QString &itemId, const QVariantMap &fields);
    // Moves an item to the given row of the shown list (Alt+Up/Down, drag).
    // Grouped by category, it takes the group of the row whose place it takes.
    Q_INVOKABLE void moveItem(const QString &itemId, int toRow);
    // Just above the given row, in its category (dropped under a category's header).
    Q_INVOKABLE void moveItemAbove(const QString &itemId, int row);
    // Alt+Up/Down: one row up or down; one step over a category's header puts it at the
    // near end of that category.
    Q_INVOKABLE void moveItemBy(const QString &itemId, int rows);
    Q_INVOKABLE void undo();
    // Takes back the change of an activity entry (of anyone): a new change that restores
    // what was there before it, as far as the activity knows.
    Q_INVOKABLE void revertActivity(int row);
    // "Keep mine" for the item's lost changes: writes this device's values again.
    Q_INVOKABLE void keepMine(const QString &itemId);
    Q_INVOKABLE void addMore();
    Q_INVOKABLE void addAnyway();
    Q_INVOKABLE void dismissDuplicate();
    // Deletes the open list's done items, undoable as one.
    Q_INVOKABLE void clearDone();

    // The household's lists (the side bar and the list's menu), each undoable. A list
    // archived or deleted while open gives way to its neighbour; undo brings it back open.
    Q_INVOKABLE void renameList(const QString &listId, const QString &name);
    Q_INVOKABLE void setListColor(const QString &listId, const QString &color); // "": none
    Q_INVOKABLE void setListArchived(const QString &listId, bool archived);
    Q_INVOKABLE void deleteList(const QString &listId);
    // A list as its menu and dialogs show it: {name, kind, color, archived, items, done}
    // (items: how many it has, done: how many of them are done); empty when unknown.
    Q_INVOKABLE QVariantMap listInfo(const QString &listId) const;
    // Moves a list of the side bar to a row (drag), or by rows (Alt+Up/Down).
    Q_INVOKABLE void moveList(const QString &listId, int toRow);
    Q_INVOKABLE void moveListBy(const QString &listId, int rows);

Q_SIGNALS:
    // Another list was opened, or the open one was renamed, changed kind or went away.
    void listChanged();
    void mutedChanged();
    void undoChanged();
    void duplicateChanged();
    void presenceChanged();
    void categoryOrderChanged();

private:
    void connectAccount();
    // listChanged, when the list's id, name or kind differ from what was told last.
    void notifyList();
    client::Account *account() const;
    Households *households() const;
    // A new item at the end of the list.
    void appendItem(const QuickEntry &entry);
    // The category a new item of `title` gets on a shopping list ("" for none).
    QString categoryFor(const QString &title) const;
    // Whether the household has had `title` before, or the dictionary has it whole.
    bool knownTitle(const QString &title) const;
    void updateCategoryOrder();
    // The open list's categoryOrder (empty: none).
    QStringList familyCategoryOrder() const;
    // Applies `op`, remembering `inverse` to take it back with undo().
    void applyUndoable(Op op, Op inverse, const QString &text);
    // Remembers ops that take back what was just done; `reopen`: the list to open again.
    void pushUndo(QList<Op> inverse, const QString &text, const QString &reopen = {});
    // A list.set of `fields` for a list, with its inverse from the list as it is now.
    void setListFields(const QString &listId, const QJsonObject &fields, const QString &undoText);
    // Opens the side bar's neighbour of a list about to leave it (when it is the open one).
    void leaveList(const QString &listId);
    // An entity of the open list (the list itself too), as this device sees it.
    std::optional<Entity> currentItem(const QString &itemId) const;
    // How much addMore() adds to the open duplicate, if what was typed can be added to it.
    std::optional<double> moreAmount() const;
    // A field of the list's entity, "" without one.
    static QString listField(const std::optional<Entity> &list, const QString &field);
    // The key `position` gives for an item of the list; when keys have grown too long for
    // it (or when `rebalance`: its neighbours share a key), the list's items get fresh keys
    // first and it is asked again.
    QString placeItem(const std::function<QString()> &position, bool rebalance = false);
    // The category of a shown row ("" for none or past the ends).
    QString rowCategory(int row) const;
    // Moves an item between two shown rows (-1: an end) into `category` (grouped lists).
    void relocate(const QString &itemId, const QString &category, int before, int after);

    Session &m_session;
    ItemsModel m_items;
    ActivityModel m_activity;
    QString m_listId;
    QStringList m_shownList; // id, name, kind as told last
    struct Undo
    {
        QList<Op> inverse;
        QString text;
        QString reopen; // a list archived or deleted while it was open
    };
    QList<Undo> m_undo; // newest last, at most kMaxUndo
    static constexpr int kMaxUndo = 20;
    QString m_duplicateText;
    QString m_duplicateId; // the open item with the same title
    QuickEntry m_duplicateEntry; // what was typed, as read
};

} // namespace kinlist::ui
