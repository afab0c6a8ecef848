#include "activitymodel.h"

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

void ActivityModel::setSource(SyncClient *client, const QString &listId)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    m_listId = listId;
    if (client) {
        connect(client, &SyncClient::entityChanged, this, [this](const QString &list) {
            if (list == m_listId && !m_newEntries.isActive())
                m_newEntries.start();
        });
        connect(client, &SyncClient::listChanged, this, [this](const QString &list) {
            if (list == m_listId)
                prependNew();
        });
        connect(client, &SyncClient::activityFetched, this,
                [this](const QString &list, const QString &, qint64 nextBefore) {
                    if (list != m_listId)
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

void ActivityModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_cacheExhausted = m_serverExhausted = m_fetching = false;
    m_nextBefore = 0;
    if (m_client && !m_listId.isEmpty()) {
        m_rows = m_client->store()->activity(m_listId, 0, kPage);
        m_cacheExhausted = m_rows.size() < kPage;
    }
    endResetModel();
}

void ActivityModel::prependNew()
{
    if (!m_client)
        return;
    const qint64 newest = m_rows.isEmpty() ? 0 : m_rows.constFirst().seq;
    // Page back until the newest entry shown (a flushed queue can bring many at once).
    QList<LocalStore::Activity> fresh;
    qint64 before = 0;
    for (int pages = 0; pages < 1000; ++pages) {
        const QList<LocalStore::Activity> page =
            m_client->store()->activity(m_listId, before, kPage);
        bool reached = page.size() < kPage;
        for (const LocalStore::Activity &a : page) {
            if (a.seq <= newest) {
                reached = true;
                break;
            }
            fresh.append(a);
        }
        if (reached || newest == 0)
            break;
        before = page.constLast().seq;
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, 0, int(fresh.size()) - 1);
    m_rows = fresh + m_rows;
    endInsertRows();
}

bool ActivityModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_client || m_listId.isEmpty())
        return false;
    // Older entries in the cache, or (seq 1 not reached) on the server.
    const bool reachedStart = !m_rows.isEmpty() && m_rows.constLast().seq <= 1;
    return !reachedStart && (!m_cacheExhausted || (!m_serverExhausted && !m_fetching));
}

void ActivityModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (!m_cacheExhausted) {
        const qint64 oldest = m_rows.isEmpty() ? 0 : m_rows.constLast().seq;
        const QList<LocalStore::Activity> older =
            m_client->store()->activity(m_listId, oldest, kPage);
        m_cacheExhausted = older.size() < kPage;
        if (!older.isEmpty()) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + older.size()) - 1);
            m_rows += older;
            endInsertRows();
        }
        return;
    }
    // The cache has a gap (this device caught up with a snapshot): page through the
    // server's history into the cache.
    m_fetching = true;
    m_client->fetchActivity(m_listId, {}, m_nextBefore);
}

QString ActivityModel::describe(const LocalStore::Activity &a) const
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
        return tr("%1 created the list").arg(who);
    case Op::Type::ListSet:
        return op.fields.contains(QStringLiteral("name"))
            ? tr("%1 renamed the list to %2")
                  .arg(who, op.fields.value(QStringLiteral("name")).toString())
            : tr("%1 changed the list").arg(who);
    case Op::Type::ListDelete:
        return tr("%1 deleted the list").arg(who);
    case Op::Type::ItemCreate:
        return tr("%1 added %2").arg(who, title);
    case Op::Type::ItemDelete:
        return tr("%1 removed %2").arg(who, title);
    case Op::Type::ItemMove:
        return tr("%1 moved %2").arg(who, title);
    case Op::Type::ItemSet:
        break;
    }
    if (op.fields.contains(QStringLiteral("done")))
        return op.fields.value(QStringLiteral("done")).toBool()
            ? tr("%1 checked off %2").arg(who, title)
            : tr("%1 put %2 back on the list").arg(who, title);
    if (op.fields.contains(QStringLiteral("title")))
        return tr("%1 renamed an item to %2").arg(who, title);
    return tr("%1 changed %2").arg(who, title);
}

std::optional<LocalStore::Activity> ActivityModel::entry(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row);
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
        QString format = QLocale().timeFormat(QLocale::ShortFormat);
        format.remove(QStringLiteral(":ss"));
        return QLocale().toString(at.time(), format);
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
    default:
        return {};
    }
}

QHash<int, QByteArray> ActivityModel::roleNames() const
{
    return {{TextRole, "sentence"},
            {WhoRole, "who"},
            {TimeRole, "time"},
            {DayRole, "day"},
            {SeqRole, "seq"}};
}

} // namespace kinlist::ui
