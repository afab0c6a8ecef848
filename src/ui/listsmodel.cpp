#include "listsmodel.h"

#include "core/fracindex.h"

namespace kinlist::ui {

using client::SyncClient;

ListsModel::ListsModel(bool archived, QObject *parent)
    : QAbstractListModel(parent)
    , m_archived(archived)
{
    m_recount.setSingleShot(true);
    m_recount.setInterval(100);
    connect(&m_recount, &QTimer::timeout, this, &ListsModel::recount);
}

void ListsModel::setSource(SyncClient *client, const QString &householdId)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    m_householdId = householdId;
    m_known.clear();
    m_dirty.clear();
    if (client) {
        connect(client, &SyncClient::householdsChanged, this, &ListsModel::reload);
        connect(client, &SyncClient::listChanged, this, &ListsModel::reload);
        connect(client, &SyncClient::entityChanged, this,
                [this](const QString &listId, const QString &entityId) {
                    if (listId == entityId) {
                        reload(); // the list itself: name, order, deleted
                        return;
                    }
                    if (m_known.contains(listId) && !m_withFirstItems)
                        return; // the open list: its items model keeps the counts
                    m_dirty.insert(listId);
                    if (!m_recount.isActive())
                        m_recount.start();
                });
    }
    reload();
}

ListsModel::Row ListsModel::makeRow(const Entity &list) const
{
    // Counts come later (recount), so that showing the side bar never waits for them.
    Row r {list.id,
           list.value(QStringLiteral("name")).toString(),
           list.value(QStringLiteral("kind")).toString(),
           list.value(QStringLiteral("position")).toString(),
           list.value(QStringLiteral("color")).toString(),
           0,
           0,
           {}};
    for (const Row &old : m_rows) {
        if (old.id == list.id) {
            r.open = old.open;
            r.done = old.done;
            r.first = old.first;
        }
    }
    return r;
}

void ListsModel::count(Row &row) const
{
    if (const auto it = m_known.constFind(row.id); it != m_known.constEnd() && !m_withFirstItems) {
        row.open = it->first;
        row.done = it->second;
        return;
    }
    row.open = row.done = 0;
    // The first open items: the lowest positions, kept while the list is read.
    QList<std::pair<QString, QString>> first; // position, title
    m_client->store()->forEachViewEntity(row.id, [&](const Entity &e, bool) {
        if (e.kind != EntityKind::Item || e.isDeleted())
            return;
        const bool done = e.value(QStringLiteral("done")).toBool();
        (done ? row.done : row.open) += 1;
        if (done || !m_withFirstItems)
            return;
        const std::pair<QString, QString> entry {e.value(QStringLiteral("position")).toString(),
                                                 e.value(QStringLiteral("title")).toString()};
        first.insert(std::lower_bound(first.begin(), first.end(), entry), entry);
        if (first.size() > kFirstItems)
            first.removeLast();
    });
    row.first.clear();
    for (const auto &entry : std::as_const(first))
        row.first.append(entry.second);
}

void ListsModel::setWithFirstItems(bool with)
{
    if (with == m_withFirstItems)
        return;
    m_withFirstItems = with;
    Q_EMIT withFirstItemsChanged();
    for (const Row &r : std::as_const(m_rows))
        m_dirty.insert(r.id);
    if (!m_dirty.isEmpty() && !m_recount.isActive())
        m_recount.start();
}

void ListsModel::setCounts(const QString &listId, int open, int done)
{
    // Only the open list is known this way; a list left behind is counted again.
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        if (it.key() != listId)
            m_dirty.insert(it.key());
    }
    if (!m_dirty.isEmpty() && !m_recount.isActive())
        m_recount.start();
    m_known.clear();
    m_known.insert(listId, {open, done});
    const int row = rowOf(listId);
    if (row >= 0 && (m_rows.at(row).open != open || m_rows.at(row).done != done)) {
        m_rows[row].open = open;
        m_rows[row].done = done;
        Q_EMIT dataChanged(index(row), index(row), {OpenCountRole, DoneCountRole});
    }
}

void ListsModel::reload()
{
    QList<Row> rows;
    if (m_client && !m_householdId.isEmpty()) {
        for (const Entity &list : m_client->store()->lists(m_householdId)) {
            if (!list.isDeleted() && list.value(QStringLiteral("archived")).toBool() == m_archived)
                rows.append(makeRow(list));
        }
    }
    // Counts of lists not seen before are made after the side bar is shown.
    for (const Row &r : std::as_const(rows)) {
        bool known = false;
        for (const Row &old : std::as_const(m_rows))
            known = known || old.id == r.id;
        if (!known)
            m_dirty.insert(r.id);
    }
    if (!m_dirty.isEmpty() && !m_recount.isActive())
        m_recount.start();
    const bool sameIds = rows.size() == m_rows.size() &&
        std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                   [](const Row &a, const Row &b) { return a.id == b.id; });
    if (sameIds) {
        m_rows = std::move(rows);
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ListsModel::recount()
{
    const QSet<QString> dirty = std::exchange(m_dirty, {});
    for (int i = 0; i < m_rows.size(); ++i) {
        if (!dirty.contains(m_rows.at(i).id))
            continue;
        const int open = m_rows.at(i).open;
        const int done = m_rows.at(i).done;
        const QStringList first = m_rows.at(i).first;
        count(m_rows[i]);
        if (m_rows.at(i).open != open || m_rows.at(i).done != done || m_rows.at(i).first != first)
            Q_EMIT dataChanged(index(i), index(i), {OpenCountRole, DoneCountRole, FirstItemsRole});
    }
}

int ListsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ListsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case KindRole:
        return r.kind;
    case OpenCountRole:
        return r.open;
    case DoneCountRole:
        return r.done;
    case ColorRole:
        return r.color;
    case FirstItemsRole:
        return r.first;
    default:
        return {};
    }
}

QHash<int, QByteArray> ListsModel::roleNames() const
{
    return {{IdRole, "listId"},
            {NameRole, "name"},
            {KindRole, "kind"},
            {OpenCountRole, "openCount"},
            {DoneCountRole, "doneCount"},
            {ColorRole, "color"},
            {FirstItemsRole, "firstItems"}};
}

QString ListsModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

int ListsModel::rowOf(const QString &listId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == listId)
            return i;
    }
    return -1;
}

QString ListsModel::positionAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).position : QString();
}

QString ListsModel::positionAtEnd() const
{
    return FracIndex::between(m_rows.isEmpty() ? QString() : m_rows.constLast().position, {});
}

} // namespace kinlist::ui
