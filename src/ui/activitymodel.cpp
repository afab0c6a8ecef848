#include "activitymodel.h"

#include "core/recurrence.h"
#include "language.h"

#include <QDateTime>
#include <QLocale>

namespace kinlist::ui {

using client::LocalStore;
using client::SyncClient;

ActivityModel::ActivityModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_newEntries.setSingleShot(true);
    m_newEntries.setInterval(150);
    connect(&m_newEntries, &QTimer::timeout, this, &ActivityModel::prependNew);
}

void ActivityModel::setSource(SyncClient *client, const QString &listId, const QString &householdId)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    m_listId = listId;
    m_householdId = householdId;
    m_householdOfList.clear();
    if (client) {
        const auto shown = [this](const QString &list) {
            if (!m_whole)
                return list == m_listId;
            auto it = m_householdOfList.find(list);
            if (it == m_householdOfList.end()) { // read once per list, not once per op
                const auto entity = m_client->store()->viewEntity(list);
                it = m_householdOfList.insert(list, entity ? entity->householdId : QString());
            }
            return *it == m_householdId;
        };
        connect(client, &SyncClient::entityChanged, this, [this, shown](const QString &list) {
            if (!m_newEntries.isActive() && shown(list))
                m_newEntries.start();
        });
        connect(client, &SyncClient::listChanged, this, [this, shown](const QString &list) {
            if (shown(list))
                prependNew();
        });
        connect(client, &SyncClient::activityFetched, this,
                [this](const QString &list, const QString &household, qint64 nextBefore) {
                    if (m_whole ? !(list.isEmpty() && household == m_householdId)
                                : list != m_listId)
                        return;
                    m_fetching = false;
                    m_nextBefore = nextBefore;
                    m_serverExhausted = nextBefore == 0;
                    m_cacheExhausted = false;
                    fetchMore({});
                });
    }
    reload();
}

void ActivityModel::setWholeHousehold(bool whole)
{
    if (whole == m_whole)
        return;
    m_whole = whole;
    reload();
    Q_EMIT wholeHouseholdChanged();
}

QList<LocalStore::Activity> ActivityModel::cachePage(const LocalStore::Activity *after) const
{
    return m_whole ? m_client->store()->householdActivity(m_householdId, after, kPage)
                   : m_client->store()->activity(m_listId, after ? after->seq : 0, kPage);
}

void ActivityModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_cacheExhausted = m_serverExhausted = m_fetching = false;
    m_nextBefore = 0;
    if (active()) {
        m_rows = cachePage(nullptr);
        m_cacheExhausted = m_rows.size() < kPage;
    }
    endResetModel();
}

void ActivityModel::prependNew()
{
    if (!active())
        return;
    // Page back until the newest entry shown (a flushed queue can bring many at once).
    const bool empty = m_rows.isEmpty();
    const LocalStore::Activity newest = empty ? LocalStore::Activity {} : m_rows.constFirst();
    const auto seen = [&](const LocalStore::Activity &a) {
        if (!m_whole)
            return a.seq <= newest.seq;
        // The household's order: time, then list, then seq.
        if (a.at != newest.at)
            return a.at < newest.at;
        return a.listId != newest.listId ? a.listId < newest.listId : a.seq <= newest.seq;
    };
    QList<LocalStore::Activity> fresh;
    for (int pages = 0; pages < 1000; ++pages) {
        const QList<LocalStore::Activity> page =
            cachePage(fresh.isEmpty() ? nullptr : &fresh.constLast());
        bool reached = page.size() < kPage;
        for (const LocalStore::Activity &a : page) {
            if (!empty && seen(a)) {
                reached = true;
                break;
            }
            fresh.append(a);
        }
        if (reached || empty)
            break;
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, 0, int(fresh.size()) - 1);
    m_rows = fresh + m_rows;
    endInsertRows();
}

bool ActivityModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || !active())
        return false;
    // Older entries in the cache, or (a list's seq 1 not reached) on the server.
    const bool reachedStart = !m_whole && !m_rows.isEmpty() && m_rows.constLast().seq <= 1;
    return !reachedStart && (!m_cacheExhausted || (!m_serverExhausted && !m_fetching));
}

void ActivityModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (!m_cacheExhausted) {
        const QList<LocalStore::Activity> older =
            cachePage(m_rows.isEmpty() ? nullptr : &m_rows.constLast());
        m_cacheExhausted = older.size() < kPage;
        if (!older.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + older.size()) - 1);
            m_rows += older;
            endInsertRows();
        }
        return;
    }
    // The cache has a gap (this device caught up with a snapshot, or it is new to the
    // household): page through the server's history into the cache.
    m_fetching = true;
    if (m_whole)
        m_client->fetchActivity({}, m_householdId, m_nextBefore);
    else
        m_client->fetchActivity(m_listId, {}, m_nextBefore);
}

QString ActivityModel::listName(const QString &listId) const
{
    const auto list = m_client ? m_client->store()->viewEntity(listId) : std::nullopt;
    return list ? list->value(QStringLiteral("name")).toString() : QString();
}

QString ActivityModel::describe(const LocalStore::Activity &a) const
{
    QString sentence = describeOp(a);
    if (m_whole && a.op.entityKind() != EntityKind::List)
        //: An activity entry of the household-wide feed: "Dad checked off Milk" in "Groceries"
        sentence = tr("%1 in %2").arg(sentence, listName(a.listId));
    if (!a.via.isEmpty())
        //: A change the kitchen tablet made for someone: the sentence, then the tablet's
        //: name ("Dad checked off Milk (on Kitchen tablet)").
        sentence = tr("%1 (on %2)").arg(sentence, a.via);
    return sentence;
}

QString ActivityModel::describeOp(const LocalStore::Activity &a) const
{
    const QString who = a.byName.isEmpty() ? tr("Someone") : a.byName;
    const Op &op = a.op;
    QString title = op.fields.value(QStringLiteral("title")).toString();
    if (title.isEmpty() && m_client && !op.itemId.isEmpty()) {
        if (const auto item = m_client->store()->viewEntity(op.itemId))
            title = item->value(QStringLiteral("title")).toString();
    }
    switch (op.type) {
    case Op::Type::ListCreate:
        return m_whole ? tr("%1 created the list %2").arg(who, listName(op.listId))
                       : tr("%1 created the list").arg(who);
    case Op::Type::ListSet:
        return describeListSet(who, op);
    case Op::Type::ListDelete:
        return m_whole ? tr("%1 deleted the list %2").arg(who, listName(op.listId))
                       : tr("%1 deleted the list").arg(who);
    case Op::Type::ItemCreate:
        return tr("%1 added %2").arg(who, title);
    case Op::Type::ItemDelete:
        return tr("%1 removed %2").arg(who, title);
    case Op::Type::ItemMove:
        return tr("%1 moved %2").arg(who, title);
    case Op::Type::ItemSet:
        break;
    }
    if (const QJsonValue completed = op.fields.value(QStringLiteral("completed"));
        completed.isObject()) {
        // A repeating task's occurrence: which one (its date, else the day it was done).
        const QJsonObject c = completed.toObject();
        QDate day = dueDate(c.value(QStringLiteral("due")));
        if (!day.isValid())
            day = QDate::fromString(c.value(QStringLiteral("on")).toString(), Qt::ISODate);
        //: A repeating task done: "Dad did Take out bins, 06/12/2026" (the occurrence's date).
        return tr("%1 did %2, %3").arg(who, title, QLocale().toString(day, QLocale::ShortFormat));
    }
    if (op.fields.contains(QStringLiteral("done")))
        return op.fields.value(QStringLiteral("done")).toBool()
            ? tr("%1 checked off %2").arg(who, title)
            : tr("%1 put %2 back on the list").arg(who, title);
    if (op.fields.contains(QStringLiteral("title")))
        return tr("%1 renamed an item to %2").arg(who, title);
    return tr("%1 changed %2").arg(who, title);
}

QString ActivityModel::describeListSet(const QString &who, const Op &op) const
{
    const QString list = listName(op.listId);
    switch (listChange(op)) {
    case ListChange::Restored:
        return m_whole ? tr("%1 brought back the list %2").arg(who, list)
                       : tr("%1 brought back the list").arg(who);
    case ListChange::Renamed:
        return tr("%1 renamed the list to %2")
            .arg(who, op.fields.value(QStringLiteral("name")).toString());
    case ListChange::Archived:
        return m_whole ? tr("%1 archived the list %2").arg(who, list)
                       : tr("%1 archived the list").arg(who);
    case ListChange::Unarchived:
        return m_whole ? tr("%1 took the list %2 out of the archive").arg(who, list)
                       : tr("%1 took the list out of the archive").arg(who);
    case ListChange::Recoloured:
        return m_whole ? tr("%1 gave the list %2 another colour").arg(who, list)
                       : tr("%1 gave the list another colour").arg(who);
    case ListChange::Moved:
        return m_whole ? tr("%1 moved the list %2").arg(who, list)
                       : tr("%1 moved the list").arg(who);
    case ListChange::Other:
        break;
    }
    return m_whole ? tr("%1 changed the list %2").arg(who, list)
                   : tr("%1 changed the list").arg(who);
}

std::optional<LocalStore::Activity> ActivityModel::entry(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row);
}

void ActivityModel::retranslate()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1),
                           {Qt::DisplayRole, TextRole, TimeRole, DayRole});
}

int ActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LocalStore::Activity &a = m_rows.at(index.row());
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(a.at);
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return describe(a);
    case WhoRole:
        return a.byName;
    case TimeRole: {
        // Hours and minutes in the locale's way; seconds are noise in a feed.
        return Language::clockTime(at.time());
    }
    case DayRole: {
        const QDate day = at.date();
        const QDate today = QDate::currentDate();
        if (day == today)
            return tr("Today");
        if (day == today.addDays(-1))
            return tr("Yesterday");
        return QLocale().toString(day, QLocale::LongFormat);
    }
    case SeqRole:
        return a.seq;
    case ListNameRole:
        return listName(a.listId);
    default:
        return {};
    }
}

QHash<int, QByteArray> ActivityModel::roleNames() const
{
    return {{TextRole, "sentence"}, {WhoRole, "who"}, {TimeRole, "time"},
            {DayRole, "day"},       {SeqRole, "seq"}, {ListNameRole, "listName"}};
}

} // namespace kinlist::ui
