#include "itemsmodel.h"

#include <QTimer>

#include <climits>

#include "core/fracindex.h"
#include "core/recurrence.h"
#include "language.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace kinlist::ui {

using client::LocalStore;
using client::SyncClient;

namespace {
QString syncStateName(LocalStore::SyncState s)
{
    switch (s) {
    case LocalStore::SyncState::Pending:
        return QStringLiteral("pending");
    case LocalStore::SyncState::Failed:
        return QStringLiteral("failed");
    case LocalStore::SyncState::Confirmed:
        break;
    }
    return QStringLiteral("confirmed");
}

// The roles backed by an item's fields.
constexpr int kFieldRoles[] = {
    ItemsModel::TitleRole,     ItemsModel::NoteRole,     ItemsModel::QuantityRole,
    ItemsModel::UnitRole,      ItemsModel::CategoryRole, ItemsModel::DoneRole,
    ItemsModel::AssigneeRole,  ItemsModel::DueRole,      ItemsModel::PositionRole,
    ItemsModel::CreatedByRole, ItemsModel::RepeatRole,   ItemsModel::ReminderRole,
};
} // namespace

ItemsModel::ItemsModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void ItemsModel::setSource(SyncClient *client, const QString &listId, bool groupByCategory)
{
    const bool groupingChanged = groupByCategory != m_groupByCategory;
    m_groupByCategory = groupByCategory;
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    const bool idChanged = m_listId != listId;
    m_listId = listId;
    if (idChanged)
        m_lingering.clear();
    if (idChanged && !m_filter.isEmpty()) {
        m_filter.clear();
        Q_EMIT filterChanged();
    }
    m_changedBy.clear();
    if (client) {
        connect(client, &SyncClient::entityChanged, this,
                [this](const QString &list, const QString &entity) {
                    if (list == m_listId && entity != m_listId)
                        refreshEntity(entity);
                });
        connect(client, &SyncClient::remoteOp, this,
                [this](const Op &op, const LocalStore::Origin &origin, bool live) {
                    if (op.listId != m_listId || op.entityKind() != EntityKind::Item)
                        return;
                    // Who made the change refreshEntity() is about to show; it is named
                    // only if the row really changes (an op that lost to a newer change
                    // names no one). The user's own change on another device, or one
                    // caught up after a reconnect (not seen happen), clears the name.
                    RemoteChange change;
                    change.itemId = op.itemId;
                    if (!live || origin.by == m_client->userId()) {
                        change.what = RemoteChange::Clear;
                    } else {
                        change.what = RemoteChange::Name;
                        change.name = origin.byName.isEmpty()
                            ? m_client->store()->personName(origin.by)
                            : origin.byName;
                    }
                    m_remoteChange = change;
                });
        connect(client, &SyncClient::listChanged, this, [this](const QString &list) {
            if (list == m_listId)
                reload();
        });
        connect(client, &SyncClient::conflictDetected, this, [this](const LocalStore::Conflict &c) {
            if (c.listId == m_listId)
                refreshEntity(c.entityId);
        });
    }
    reload();
    if (idChanged)
        Q_EMIT listIdChanged();
    if (groupingChanged)
        Q_EMIT groupByCategoryChanged();
}

void ItemsModel::setGroupByCategory(bool on)
{
    if (on == m_groupByCategory)
        return;
    m_groupByCategory = on;
    reload();
    Q_EMIT groupByCategoryChanged();
}

void ItemsModel::setCategoryOrder(const QStringList &order)
{
    if (order == m_categoryOrder)
        return;
    m_categoryOrder = order;
    m_categoryRank.clear();
    for (int i = 0; i < order.size(); ++i)
        m_categoryRank.insert(order.at(i).toCaseFolded(), i);
    if (m_groupByCategory)
        reload();
}

bool ItemsModel::before(const Row &a, const Row &b) const
{
    if (m_groupByCategory && a->category != b->category) {
        if (a->category.isEmpty() || b->category.isEmpty())
            return b->category.isEmpty(); // uncategorised last
        const int ra = m_categoryRank.value(a->category.toCaseFolded(), INT_MAX);
        const int rb = m_categoryRank.value(b->category.toCaseFolded(), INT_MAX);
        if (ra != rb)
            return ra < rb;
        return a->category.localeAwareCompare(b->category) < 0;
    }
    return a->position != b->position ? a->position < b->position : a->id < b->id;
}

bool ItemsModel::alive(const Entity &e) const
{
    return e.kind == EntityKind::Item && e.listId == m_listId && !e.isDeleted() &&
        e.fields.contains(QStringLiteral("title"));
}

void ItemsModel::linger(const QString &itemId, int ms)
{
    m_lingering.insert(itemId);
    QTimer::singleShot(ms, this, [this, itemId] {
        if (m_lingering.remove(itemId) && m_client)
            refreshEntity(itemId);
    });
}

bool ItemsModel::shown(const Entity &e) const
{
    return alive(e) &&
        (m_showDone || !e.value(QStringLiteral("done")).toBool() || m_lingering.contains(e.id)) &&
        (m_filter.isEmpty() ||
         e.value(QStringLiteral("title")).toString().contains(m_filter, Qt::CaseInsensitive));
}

void ItemsModel::setFilter(const QString &text)
{
    if (text.trimmed() == m_filter)
        return;
    m_filter = text.trimmed();
    reload();
    Q_EMIT filterChanged();
}

void ItemsModel::noteDone(const Entity &e)
{
    const bool isAlive = alive(e);
    if (isAlive)
        m_alive.insert(e.id);
    else
        m_alive.remove(e.id);
    if (isAlive && e.value(QStringLiteral("done")).toBool())
        m_done.insert(e.id);
    else
        m_done.remove(e.id);
}

void ItemsModel::setShowDone(bool show)
{
    if (show == m_showDone)
        return;
    m_showDone = show;
    reload();
    Q_EMIT showDoneChanged();
}

QString ItemsModel::conflictText(const QString &entityId) const
{
    QStringList parts;
    for (const LocalStore::Conflict &c : m_client->store()->conflicts(m_listId)) {
        if (c.entityId != entityId)
            continue;
        const auto show = [](const QJsonValue &v) {
            //: A conflict: the value another person gave a field ("Mum set done, you set
            //: not done"). "done": the item is checked off.
            return v.isDouble() ? QLocale().toString(v.toDouble())
                : v.isBool()    ? (v.toBool() ? tr("done") : tr("not done"))
                //: A conflict: the field was cleared ("Mum set nothing, you set 3").
                : v.isNull() ? tr("nothing")
                             : v.toString();
        };
        //: A change of this device lost to someone else's: who, their value, this device's.
        parts << tr("%1 set %2, you set %3")
                     .arg(c.theirsByName.isEmpty() ? tr("Someone") : c.theirsByName, show(c.theirs),
                          show(c.mine));
    }
    return parts.join(QStringLiteral("; "));
}

QString ItemsModel::intern(const QString &s)
{
    if (s.isEmpty())
        return {};
    const auto it = m_strings.constFind(s);
    if (it != m_strings.constEnd())
        return *it;
    m_strings.insert(s);
    return s;
}

ItemsModel::Row ItemsModel::makeRow(const Entity &e, LocalStore::SyncState syncState,
                                    const QString &conflict)
{
    auto r = std::make_shared<detail::ItemRowData>();
    r->id = e.id;
    r->title = e.value(QStringLiteral("title")).toString();
    r->note = e.value(QStringLiteral("note")).toString();
    r->unit = intern(e.value(QStringLiteral("unit")).toString());
    r->category = intern(e.value(QStringLiteral("category")).toString());
    r->assignee = intern(e.value(QStringLiteral("assignee")).toString());
    r->position = e.value(QStringLiteral("position")).toString();
    r->createdBy = intern(e.value(QStringLiteral("createdBy")).toString());
    r->quantity = e.value(QStringLiteral("quantity"));
    r->due = e.value(QStringLiteral("due"));
    r->repeat = e.value(QStringLiteral("repeat"));
    r->reminder = e.value(QStringLiteral("reminder"));
    r->done = e.value(QStringLiteral("done")).toBool();
    r->syncState = syncState;
    r->conflict = conflict;
    const auto it = m_changedBy.constFind(e.id);
    if (it != m_changedBy.constEnd()) {
        r->changedBy = it->who;
        r->changedAt = it->at;
        r->changeAdded = it->added;
    }
    return Row {std::move(r)};
}

QVariant detail::ItemRowData::field(int role) const
{
    switch (role) {
    case ItemsModel::TitleRole:
        return title;
    case ItemsModel::NoteRole:
        return note;
    case ItemsModel::QuantityRole:
        return quantity.toVariant();
    case ItemsModel::UnitRole:
        return unit;
    case ItemsModel::CategoryRole:
        return category;
    case ItemsModel::DoneRole:
        return done;
    case ItemsModel::AssigneeRole:
        return assignee.isEmpty() ? QVariant::fromValue(nullptr) : QVariant(assignee);
    case ItemsModel::DueRole:
        return due.toVariant();
    case ItemsModel::RepeatRole:
        return repeat.isObject() ? repeat.toVariant() : QVariant::fromValue(nullptr);
    case ItemsModel::ReminderRole:
        return reminder.isDouble() ? QVariant(reminder.toInt()) : QVariant::fromValue(nullptr);
    case ItemsModel::PositionRole:
        return position;
    case ItemsModel::CreatedByRole:
        return createdBy;
    default:
        return {};
    }
}

void ItemsModel::reload()
{
    QList<Row> rows;
    m_done.clear();
    m_alive.clear();
    m_strings.clear();
    if (m_client && !m_listId.isEmpty()) {
        LocalStore *store = m_client->store();
        const QSet<QString> failed = store->failedEntities(m_listId);
        QSet<QString> conflicted;
        for (const LocalStore::Conflict &conflict : store->conflicts(m_listId))
            conflicted.insert(conflict.entityId);
        // One entity at a time, straight into its row: the list is never held twice.
        store->forEachViewEntity(m_listId, [&](const Entity &e, bool pending) {
            noteDone(e);
            if (!shown(e))
                return;
            rows.append(makeRow(e,
                                pending                     ? LocalStore::SyncState::Pending
                                    : failed.contains(e.id) ? LocalStore::SyncState::Failed
                                                            : LocalStore::SyncState::Confirmed,
                                conflicted.contains(e.id) ? conflictText(e.id) : QString()));
        });
        std::sort(rows.begin(), rows.end(),
                  [this](const Row &a, const Row &b) { return before(a, b); });
    }
    // The same items in the same order (a reconnect's catch-up): announce what changed,
    // so views keep their place. Anything else is a new list: reset.
    const bool sameRows = rows.size() == m_rows.size() &&
        std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                   [](const Row &a, const Row &b) { return a->id == b->id; });
    if (sameRows) {
        for (int i = 0; i < rows.size(); ++i) {
            const QList<int> roles = changedRoles(m_rows.at(i), rows.at(i));
            m_rows[i] = rows.at(i);
            if (!roles.isEmpty())
                Q_EMIT dataChanged(index(i), index(i), roles);
        }
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    Q_EMIT countsChanged();
}

void ItemsModel::refreshEntity(const QString &entityId)
{
    const bool remote = m_remoteChange && m_remoteChange->itemId == entityId;
    const RemoteChange change = remote ? *m_remoteChange : RemoteChange {};
    m_remoteChange.reset();
    LocalStore *store = m_client->store();
    const std::optional<Entity> e = store->viewEntity(entityId);
    const int current = rowOf(entityId);
    const qsizetype doneBefore = m_done.size();
    const qsizetype aliveBefore = m_alive.size();
    const bool wasAlive = m_alive.contains(entityId);
    if (e) {
        noteDone(*e);
    } else {
        m_done.remove(entityId);
        m_alive.remove(entityId);
    }
    const bool countsMoved = m_done.size() != doneBefore || m_alive.size() != aliveBefore;
    if (!e || !shown(*e)) {
        if (current >= 0) {
            beginRemoveRows({}, current, current);
            m_rows.removeAt(current);
            endRemoveRows();
        }
        if (current >= 0 || countsMoved)
            Q_EMIT countsChanged();
        return;
    }
    Row row = makeRow(*e, store->syncState(entityId), conflictText(entityId));
    // "changed by": the last person whose change this row shows. A change of this
    // device's (an edit, undo, revert) shows no one.
    const bool contentChanged = current < 0 || changedContent(m_rows.at(current), row);
    if (contentChanged) {
        if (remote && change.what == RemoteChange::Name)
            m_changedBy.insert(entityId,
                               {change.name, QDateTime::currentMSecsSinceEpoch(), !wasAlive});
        else
            m_changedBy.remove(entityId);
        row = makeRow(*e, store->syncState(entityId), conflictText(entityId));
    }
    if (current < 0) {
        const auto at =
            std::lower_bound(m_rows.cbegin(), m_rows.cend(), row,
                             [this](const Row &a, const Row &b) { return before(a, b); });
        const int i = int(at - m_rows.cbegin());
        beginInsertRows({}, i, i);
        m_rows.insert(i, row);
        endInsertRows();
        Q_EMIT countsChanged();
        return;
    }
    // Still in order where it is (most edits): only its roles changed.
    const bool afterPrevious = current == 0 || before(m_rows.at(current - 1), row);
    const bool beforeNext = current + 1 >= m_rows.size() || before(row, m_rows.at(current + 1));
    if (afterPrevious && beforeNext) {
        const QList<int> roles = changedRoles(m_rows.at(current), row);
        m_rows[current] = row;
        if (!roles.isEmpty())
            Q_EMIT dataChanged(index(current), index(current), roles);
        if (roles.contains(DoneRole) || countsMoved)
            Q_EMIT countsChanged();
        return;
    }
    // Where the row belongs among the others (searched around it, not by taking it out:
    // every shift of a 10,000-row list costs).
    const auto less = [this](const Row &a, const Row &b) {
        return before(a, b);
    };
    const auto begin = m_rows.cbegin();
    const auto above = std::lower_bound(begin, begin + current, row, less);
    const int target = above != begin + current
        ? int(above - begin)
        : int(std::lower_bound(begin + current + 1, m_rows.cend(), row, less) - begin) - 1;
    const QList<int> roles = changedRoles(m_rows.at(current), row);
    if (target != current) {
        beginMoveRows({}, current, current, {}, target > current ? target + 1 : target);
        m_rows.move(current, target);
        endMoveRows();
    }
    m_rows[target] = row;
    if (!roles.isEmpty())
        Q_EMIT dataChanged(index(target), index(target), roles);
    if (roles.contains(DoneRole) || countsMoved)
        Q_EMIT countsChanged();
}

bool ItemsModel::changedContent(const Row &a, const Row &b)
{
    for (const int role : kFieldRoles) {
        if (role != PositionRole && a->field(role) != b->field(role))
            return true;
    }
    return false;
}

QList<int> ItemsModel::changedRoles(const Row &a, const Row &b) const
{
    QList<int> roles;
    for (const int role : kFieldRoles) {
        if (a->field(role) != b->field(role))
            roles.append(role);
    }
    if (a->syncState != b->syncState)
        roles.append(SyncStateRole);
    if (a->changedBy != b->changedBy || a->changedAt != b->changedAt ||
        a->changeAdded != b->changeAdded)
        roles << ChangedByRole << ChangedAtRole << ChangeAddedRole;
    if (a->conflict != b->conflict)
        roles.append(ConflictRole);
    if (roles.contains(AssigneeRole))
        roles.append(AssigneeNameRole);
    if (roles.contains(DueRole) || roles.contains(DoneRole))
        roles.append(OverdueRole);
    if (roles.contains(DueRole))
        roles.append(DueTextRole);
    if (roles.contains(RepeatRole))
        roles.append(RepeatTextRole);
    if (roles.contains(QuantityRole) || roles.contains(UnitRole))
        roles.append(QuantityTextRole);
    return roles;
}

int ItemsModel::openCount() const
{
    return int(m_alive.size() - m_done.size());
}

int ItemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ItemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return r->title;
    case IdRole:
        return r->id;
    case SyncStateRole:
        return syncStateName(r->syncState);
    case ChangedByRole:
        return r->changedBy;
    case ChangedAtRole:
        return r->changedAt;
    case ChangeAddedRole:
        return r->changeAdded;
    case ConflictRole:
        return r->conflict;
    case AssigneeNameRole:
        return r->assignee.isEmpty() || !m_client ? QString()
                                                  : m_client->store()->personName(r->assignee);
    case OverdueRole: {
        const QDate due = dueDate(r->due);
        return due.isValid() && !r->done && due < QDate::currentDate();
    }
    case QuantityTextRole: {
        // One of a thing goes without saying; one kilogram does not.
        if (!r->quantity.isDouble() || (r->quantity.toDouble() == 1 && r->unit.isEmpty()))
            return QString();
        //: An item's quantity and unit on its row: "×2", "1,5 kg".
        const QString number =
            QLocale().toString(r->quantity.toDouble(), 'f', QLocale::FloatingPointShortest);
        return r->unit.isEmpty() ? tr("×%1").arg(number) : tr("%1 %2").arg(number, r->unit);
    }
    case DueTextRole: {
        // The day, and its time when it has one: "24/11/2026 19:00".
        const QDate due = dueDate(r->due);
        if (!due.isValid())
            return QString();
        const QString day = QLocale().toString(due, QLocale::ShortFormat);
        const QTime time = QTime::fromString(r->due.toString().mid(11, 5), QStringLiteral("HH:mm"));
        return time.isValid() ? tr("%1 %2").arg(day, Language::clockTime(time)) : day;
    }
    case RepeatTextRole:
        return repeatText(r->repeat);
    default:
        return r->field(role);
    }
}

QString ItemsModel::repeatText(const QJsonValue &repeat)
{
    if (!repeat.isObject())
        return {};
    const std::optional<Recurrence> rule = Recurrence::fromJson(repeat, nullptr);
    if (!rule)
        return {};
    const QLocale locale;
    const int n = rule->every;
    switch (rule->unit) {
    case Recurrence::Unit::Day:
        //: How often a task repeats: "every 3 days".
        return n == 1 ? tr("every day") : tr("every %n day(s)", nullptr, n);
    case Recurrence::Unit::Week: {
        QStringList days;
        for (int d : rule->weekdays)
            days << locale.dayName(d, QLocale::ShortFormat);
        const QString list = locale.createSeparatedList(days);
        //: A weekly task: "every Sat", "every Mon and Thu".
        return n == 1 ? tr("every %1").arg(list)
                      //: A task every few weeks: "every 2 weeks on Mon and Thu".
                      : tr("every %n week(s) on %1", nullptr, n).arg(list);
    }
    case Recurrence::Unit::Month:
        //: A monthly task: "every month on day 31" (the month's last day when shorter).
        return (n == 1 ? tr("every month on day %1")
                       //: A task every few months: "every 3 months on day 15".
                       : tr("every %n month(s) on day %1", nullptr, n))
            .arg(rule->monthDay);
    case Recurrence::Unit::Year:
        //: A yearly task: "every year on 6 December" (%1 the day, %2 the month's name).
        return (n == 1 ? tr("every year on %1 %2")
                       //: A task every few years: "every 2 years on 6 December".
                       : tr("every %n year(s) on %1 %2", nullptr, n))
            .arg(rule->monthDay)
            .arg(locale.monthName(rule->month));
    }
    return {};
}

void ItemsModel::retranslate()
{
    if (m_rows.isEmpty())
        return;
    QStringList conflicted;
    for (const Row &r : std::as_const(m_rows)) {
        if (!r->conflict.isEmpty())
            conflicted << r->id;
    }
    for (const QString &id : std::as_const(conflicted))
        refreshEntity(id);
    Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1),
                       {QuantityTextRole, DueTextRole, RepeatTextRole});
}

QHash<int, QByteArray> ItemsModel::roleNames() const
{
    return {{IdRole, "itemId"},
            {TitleRole, "title"},
            {NoteRole, "note"},
            {QuantityRole, "quantity"},
            {UnitRole, "unit"},
            {CategoryRole, "category"},
            {DoneRole, "done"},
            {AssigneeRole, "assignee"},
            {DueRole, "due"},
            {RepeatRole, "repeat"},
            {RepeatTextRole, "repeatText"},
            {ReminderRole, "reminder"},
            {PositionRole, "position"},
            {CreatedByRole, "createdBy"},
            {SyncStateRole, "syncState"},
            {ChangedByRole, "changedBy"},
            {ChangedAtRole, "changedAt"},
            {ChangeAddedRole, "changeAdded"},
            {ConflictRole, "conflict"},
            {AssigneeNameRole, "assigneeName"},
            {OverdueRole, "overdue"},
            {QuantityTextRole, "quantityText"},
            {DueTextRole, "dueText"}};
}

QVariantMap ItemsModel::get(const QString &itemId) const
{
    QVariantMap out;
    const int row = rowOf(itemId);
    if (row < 0)
        return out;
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return out;
}

int ItemsModel::rowOf(const QString &itemId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i)->id == itemId)
            return i;
    }
    return -1;
}

QString ItemsModel::positionAtEnd() const
{
    // After the highest: grouped by category, the last row on screen need not be it (new
    // items would tie with each other and show in no set order).
    QString highest;
    for (const Row &r : m_rows) {
        if (r->position > highest)
            highest = r->position;
    }
    return FracIndex::between(highest, {});
}

QString ItemsModel::positionBetween(int rowBefore, int rowAfter) const
{
    const QString a =
        rowBefore >= 0 && rowBefore < m_rows.size() ? m_rows.at(rowBefore)->position : QString();
    const QString b =
        rowAfter >= 0 && rowAfter < m_rows.size() ? m_rows.at(rowAfter)->position : QString();
    // Grouped by category, neighbours on screen need not be in position order: then just
    // after the one before.
    if (!a.isEmpty() && !b.isEmpty() && !(a < b))
        return FracIndex::between(a, {});
    return FracIndex::between(a, b);
}

} // namespace kinlist::ui
