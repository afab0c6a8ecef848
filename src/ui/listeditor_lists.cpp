// The household's lists as a family keeps them: renamed, coloured, archived, deleted,
// reordered, and the open list's done items cleared; each change undoable.
#include "core/fracindex.h"
#include "households.h"
#include "listeditor.h"
#include "session.h"

#include <QJsonArray>

namespace kinlist::ui {

namespace {
Op listOp(Op::Type type, const QString &listId, const QJsonObject &fields = {})
{
    Op op;
    op.type = type;
    op.listId = listId;
    op.fields = fields;
    return op;
}
} // namespace

void ListEditor::setListFields(const QString &listId, const QJsonObject &fields,
                               const QString &undoText)
{
    const auto list = currentItem(listId);
    if (!list || list->kind != EntityKind::List || list->isDeleted())
        return;
    QJsonObject changed;
    QJsonObject before;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        QJsonValue old = list->value(it.key());
        if (it.key() == QLatin1String("archived"))
            old = old.toBool(); // never set reads as false
        if (old == it.value())
            continue;
        changed.insert(it.key(), it.value());
        before.insert(it.key(), old.isUndefined() ? QJsonValue(QJsonValue::Null) : old);
    }
    if (changed.isEmpty())
        return;
    applyUndoable(listOp(Op::Type::ListSet, listId, changed),
                  listOp(Op::Type::ListSet, listId, before), undoText);
}

void ListEditor::setCategoryOrder(const QStringList &order)
{
    if (order.isEmpty())
        return;
    //: Undo bar after reordering a shopping list's categories.
    setListFields(m_listId,
                  {{QStringLiteral("categoryOrder"),
                    QJsonArray::fromStringList(order.mid(0, Limits::kCategoryOrder))}},
                  tr("Order of categories changed"));
}

void ListEditor::renameList(const QString &listId, const QString &name)
{
    const QString trimmed = name.trimmed().left(Limits::kListName);
    const auto list = currentItem(listId);
    if (trimmed.isEmpty() || !list)
        return;
    //: Undo bar after renaming a list: its old name.
    setListFields(listId, {{QStringLiteral("name"), trimmed}},
                  tr("%1 renamed").arg(list->value(QStringLiteral("name")).toString()));
}

void ListEditor::setListColor(const QString &listId, const QString &color)
{
    if (!color.isEmpty() && !Limits::kListColors.contains(color))
        return;
    const auto list = currentItem(listId);
    if (!list)
        return;
    //: Undo bar after giving a list another colour: the list's name.
    setListFields(listId,
                  {{QStringLiteral("color"),
                    color.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(color)}},
                  tr("Colour of %1 changed").arg(list->value(QStringLiteral("name")).toString()));
}

void ListEditor::leaveList(const QString &listId)
{
    if (listId != m_listId)
        return;
    ListsModel *lists = households()->lists();
    const int row = lists->rowOf(listId);
    QString next;
    if (row >= 0)
        next = lists->idAt(row + 1).isEmpty() ? lists->idAt(row - 1) : lists->idAt(row + 1);
    else if (lists->rowCount() > 0)
        next = lists->idAt(0);
    setListId(next);
}

void ListEditor::setListArchived(const QString &listId, bool archived)
{
    const auto list = currentItem(listId);
    if (!list || list->kind != EntityKind::List || list->isDeleted() ||
        list->value(QStringLiteral("archived")).toBool() == archived)
        return;
    const QString name = list->value(QStringLiteral("name")).toString();
    if (!archived) {
        //: Undo bar after taking a list out of the archive.
        setListFields(listId, {{QStringLiteral("archived"), false}}, tr("%1 unarchived").arg(name));
        return;
    }
    const bool wasOpen = listId == m_listId;
    if (wasOpen)
        leaveList(listId); // before the change, while the list still has its row
    if (!m_session.apply(listOp(Op::Type::ListSet, listId, {{QStringLiteral("archived"), true}})))
        return;
    //: Undo bar after archiving a list.
    pushUndo({listOp(Op::Type::ListSet, listId, {{QStringLiteral("archived"), false}})},
             tr("%1 archived").arg(name), wasOpen ? listId : QString());
}

void ListEditor::deleteList(const QString &listId)
{
    const auto list = currentItem(listId);
    if (!list || list->kind != EntityKind::List || list->isDeleted())
        return;
    const QString name = list->value(QStringLiteral("name")).toString();
    const bool wasOpen = listId == m_listId;
    if (wasOpen)
        leaveList(listId);
    if (!m_session.apply(listOp(Op::Type::ListDelete, listId)))
        return;
    // Undoing writes the tombstone back with a newer stamp; the items were never touched.
    //: Undo bar after deleting a list with its items.
    pushUndo({listOp(Op::Type::ListSet, listId, {{QStringLiteral("deleted"), false}})},
             tr("%1 deleted").arg(name), wasOpen ? listId : QString());
}

QVariantMap ListEditor::listInfo(const QString &listId) const
{
    const auto list = currentItem(listId);
    if (!list || list->kind != EntityKind::List || list->isDeleted())
        return {};
    int items = 0;
    int done = 0;
    account()->store()->forEachViewEntity(listId, [&](const Entity &e, bool) {
        if (e.kind == EntityKind::Item && !e.isDeleted()) {
            ++items;
            done += e.value(QStringLiteral("done")).toBool() ? 1 : 0;
        }
    });
    return {{QStringLiteral("name"), list->value(QStringLiteral("name")).toString()},
            {QStringLiteral("kind"), list->value(QStringLiteral("kind")).toString()},
            {QStringLiteral("color"), list->value(QStringLiteral("color")).toString()},
            {QStringLiteral("archived"), list->value(QStringLiteral("archived")).toBool()},
            {QStringLiteral("items"), items},
            {QStringLiteral("done"), done}};
}

void ListEditor::moveListBy(const QString &listId, int rows)
{
    const int row = households()->lists()->rowOf(listId);
    if (row >= 0)
        moveList(listId, row + rows);
}

void ListEditor::moveList(const QString &listId, int toRow)
{
    ListsModel *lists = households()->lists();
    const int from = lists->rowOf(listId);
    if (from < 0)
        return;
    toRow = std::clamp(toRow, 0, lists->rowCount() - 1);
    if (toRow == from)
        return;
    // Between the neighbours it will have: moving down, below the row it takes.
    const int above = toRow > from ? toRow : toRow - 1;
    QString key = FracIndex::between(lists->positionAt(above), lists->positionAt(above + 1));
    if (FracIndex::needsRebalance(key)) {
        // Lists kept landing in one gap: they all get short keys again, as ordinary moves.
        const QStringList keys = FracIndex::spread(lists->rowCount());
        QStringList ids;
        for (int i = 0; i < lists->rowCount(); ++i)
            ids.append(lists->idAt(i));
        for (int i = 0; i < ids.size(); ++i) {
            if (lists->positionAt(lists->rowOf(ids.at(i))) != keys.at(i) &&
                !m_session.apply(listOp(Op::Type::ListSet, ids.at(i),
                                        {{QStringLiteral("position"), keys.at(i)}})))
                return;
        }
        moveList(listId, toRow);
        return;
    }
    const auto list = currentItem(listId);
    //: Undo bar after moving a list in the side bar.
    setListFields(
        listId, {{QStringLiteral("position"), key}},
        tr("%1 moved").arg(list ? list->value(QStringLiteral("name")).toString() : QString()));
}

void ListEditor::clearDone()
{
    if (!account() || m_listId.isEmpty())
        return;
    QStringList done;
    account()->store()->forEachViewEntity(m_listId, [&done](const Entity &e, bool) {
        if (e.kind == EntityKind::Item && !e.isDeleted() &&
            e.value(QStringLiteral("done")).toBool())
            done.append(e.id);
    });
    QList<Op> inverse;
    for (const QString &id : std::as_const(done)) {
        Op op = listOp(Op::Type::ItemDelete, m_listId);
        op.itemId = id;
        if (!m_session.apply(op))
            break;
        Op back = listOp(Op::Type::ItemSet, m_listId, {{QStringLiteral("deleted"), false}});
        back.itemId = id;
        inverse.append(back);
    }
    if (!inverse.isEmpty())
        //: Undo bar after "Clear done items".
        pushUndo(inverse, tr("%n done item(s) cleared", "", int(inverse.size())));
}

} // namespace kinlist::ui
