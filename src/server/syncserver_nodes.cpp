// Several nodes on one PostgreSQL database: what they tell each other through
// LISTEN/NOTIFY (new ops, memberships, presence, ended sessions), who is alive, and how a
// node catches up after losing its connection to the database.
#include "syncserver.h"

#include "logging.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kinlist::server {

void SyncServer::onNotified(const QString &channel, const QString &payload)
{
    if (channel == QLatin1String(kOpsChannel)) {
        // "<list>:<seq>:<household>:<list-level>": a room here reads what it has not seen
        // yet (one our open batch has locked was brought up to date when it was locked).
        const QString listId = payload.section(QLatin1Char(':'), 0, 0);
        Room *r = m_rooms.value(listId);
        if (r && !m_batchRooms.contains(listId) && !catchUp(r))
            qCWarning(lcStore) << "could not read the new ops of list" << listId;
        if (!r && payload.section(QLatin1Char(':'), 3, 3) == QLatin1String("1"))
            announceListChange(listId, payload.section(QLatin1Char(':'), 2, 2));
    } else if (channel == QLatin1String(kMembersChannel)) {
        // "<user id>:<household id>": read the user's memberships again, if they are here.
        const QString userId = payload.section(QLatin1Char(':'), 0, 0);
        const QString householdId = payload.section(QLatin1Char(':'), 1, 1);
        const auto it = m_memberships.find(userId);
        if (it == m_memberships.end())
            return;
        bool read = false;
        const auto fresh = m_store.membershipsOf(userId, &read);
        if (!read)
            return; // (read again when the connection is back: resync)
        const bool gone = it->contains(householdId) && !fresh.contains(householdId);
        *it = fresh;
        if (gone)
            dropMembership(userId, householdId);
    } else if (channel == QLatin1String(kPresenceChannel)) {
        // "<list id>": someone came to or left the list on another node.
        Room *r = m_rooms.value(payload);
        if (r && !r->subscribers.isEmpty() && !readRemotePresence(r, true))
            qCWarning(lcStore) << "could not read who has list" << payload << "open";
    } else if (channel == QLatin1String(kSessionsChannel)) {
        // "<user id>:<why>": the account signed out everywhere, or the tablet was removed.
        endSessions(payload.section(QLatin1Char(':'), 0, 0), payload.section(QLatin1Char(':'), 1),
                    false);
    }
    flushSockets();
}

void SyncServer::announceListChange(const QString &listId, const QString &household)
{
    // A list no one here has open changed itself (renamed, archived, ...): its household's
    // people here hear of it, as they would from the node that changed it.
    bool someone = false;
    for (auto it = m_userConnections.cbegin(); it != m_userConnections.cend() && !someone; ++it)
        someone = !roleIn(it.key(), household).isEmpty();
    if (!someone)
        return;
    if (Room *loaded = room(listId)) {
        broadcast(loaded, nullptr, QByteArray(), QByteArray(), true);
        m_rooms.remove(listId); // (nobody subscribed: not kept, nothing to save)
        delete loaded;
    }
}

void SyncServer::resync()
{
    keepNodeAlive();
    const auto rooms = m_rooms.values();
    for (Room *r : rooms) {
        if (!catchUp(r) || !readRemotePresence(r, true))
            return;
    }
    for (auto it = m_memberships.begin(); it != m_memberships.end(); ++it) {
        bool read = false;
        const auto fresh = m_store.membershipsOf(it.key(), &read);
        if (!read)
            return;
        const auto before = *it;
        *it = fresh;
        for (auto h = before.cbegin(); h != before.cend(); ++h) {
            if (!fresh.contains(h.key()))
                dropMembership(it.key(), h.key());
        }
    }
    flushSockets();
}

void SyncServer::keepNodeAlive()
{
    if (!m_store.isPostgres() || m_shuttingDown)
        return;
    flushBatch(); // (its own transactions, not the open batch's)
    bool fresh = false;
    if (!m_store.keepNodeAlive(m_nodeId, m_nodeTtlMs, &fresh))
        return;
    if (fresh) {
        // Given up by the others while away (or just started): everything said again.
        qCInfo(lcServer) << "node" << m_nodeId << "joins the other nodes";
        for (auto it = m_rooms.cbegin(); it != m_rooms.cend(); ++it) {
            if (!(*it)->subscribers.isEmpty())
                markPresence(it.key());
        }
    }
    if (!m_store.begin())
        return;
    const auto gone = m_store.expireNodes();
    bool told = gone.has_value();
    for (const QString &listId : gone.value_or(QStringList {}))
        told = told && m_store.notify(QLatin1String(kPresenceChannel), listId);
    if (!told || !m_store.commit()) {
        m_store.rollback();
        return;
    }
    if (!gone->isEmpty())
        qCWarning(lcServer) << "gave up a silent node; it had" << gone->size() << "lists open";
    for (const QString &listId : *gone) {
        if (Room *r = m_rooms.value(listId))
            readRemotePresence(r, true);
    }
    // What could not be written before is tried again.
    if (!m_presenceDirty.isEmpty())
        writePresence();
}

void SyncServer::markPresence(const QString &listId)
{
    if (!m_store.isPostgres())
        return;
    m_presenceDirty.insert(listId);
    // (Everything that changes in one pass of the event loop goes in one transaction.)
    if (!m_presenceTimer.isActive())
        m_presenceTimer.start(0);
}

void SyncServer::writePresence()
{
    // An open batch writes it after its commit (flushBatch), in a transaction of its own.
    // (A node shutting down has taken its presence away already.)
    if (m_store.inTransaction() || m_presenceDirty.isEmpty() || m_shuttingDown)
        return;
    if (!m_store.begin())
        return;
    bool ok = true;
    for (const QString &listId : std::as_const(m_presenceDirty)) {
        QList<ServerStore::PresenceRow> rows;
        if (const Room *r = m_rooms.value(listId)) {
            for (const Connection *s : r->subscribers)
                rows.append(
                    {m_nodeId, qint64(s->id), s->userId, s->displayName, s->clientId, s->device});
        }
        ok = ok && m_store.setPresence(listId, m_nodeId, rows) &&
            m_store.notify(QLatin1String(kPresenceChannel), listId);
    }
    if (!ok || !m_store.commit()) {
        // (Kept, and tried again by keepNodeAlive.)
        qCWarning(lcStore) << "could not tell the other nodes who has lists open:"
                           << m_store.lastError();
        m_store.rollback();
        return;
    }
    m_presenceDirty.clear();
}

bool SyncServer::readRemotePresence(Room *r, bool announce)
{
    if (!m_store.isPostgres())
        return true;
    const auto rows = m_store.presence(r->listId, m_nodeId);
    if (!rows)
        return false;
    QHash<QString, QJsonObject> fresh;
    for (const auto &p : *rows)
        fresh.insert(p.node + QLatin1Char('/') + QString::number(p.conn),
                     QJsonObject {{QStringLiteral("userId"), p.userId},
                                  {QStringLiteral("displayName"), p.displayName},
                                  {QStringLiteral("clientId"), p.clientId},
                                  {QStringLiteral("device"), p.device}});
    const QHash<QString, QJsonObject> before = std::exchange(r->remote, fresh);
    if (!announce)
        return true;
    for (auto it = fresh.cbegin(); it != fresh.cend(); ++it) {
        if (before.value(it.key()) != *it)
            sendPresence(r, QStringLiteral("joined"), *it);
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        // (A device that moved to another node is still there.)
        if (!fresh.contains(it.key()) &&
            !present(r, it->value(QStringLiteral("clientId")).toString()))
            sendPresence(r, QStringLiteral("left"), *it);
    }
    return true;
}

bool SyncServer::present(const Room *r, const QString &clientId) const
{
    for (const Connection *s : r->subscribers) {
        if (s->clientId == clientId)
            return true;
    }
    for (const QJsonObject &m : r->remote) {
        if (m.value(QStringLiteral("clientId")).toString() == clientId)
            return true;
    }
    return false;
}

void SyncServer::sendPresence(Room *r, const QString &event, const QJsonObject &member)
{
    const QByteArray frame =
        Protocol::encode(QJsonObject {{QStringLiteral("type"), QStringLiteral("presence")},
                                      {QStringLiteral("listId"), r->listId},
                                      {QStringLiteral("event"), event},
                                      {QStringLiteral("member"), member}});
    for (Connection *s : std::as_const(r->subscribers))
        send(s, frame);
}

} // namespace kinlist::server
