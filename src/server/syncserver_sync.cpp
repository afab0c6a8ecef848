// Lists and live sync: rooms, subscribe with catch-up, exactly-once mutations committed
// in batches before they are acked and broadcast, presence and history.
#include "syncserver.h"

#include "logging.h"

#include "core/recurrence.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringBuilder>
#include <QWebSocketProtocol>

namespace kinlist::server {

namespace {
constexpr int kDefaultHistoryLimit = 50;
// A history page stops growing past this many bytes of ops, and a catch-up of more turns
// into a snapshot: what a client asks for never makes one reply (or a queue of them) huge.
constexpr qint64 kMaxHistoryBytes = 256 * 1024;
constexpr qint64 kMaxCatchUpBytes = 1024 * 1024;

// A list as `lists` and `list.changed` show it: every plain field, with the flags a list
// that never set them has.
QJsonObject listJson(const Entity &list, qint64 seq)
{
    QJsonObject o = list.toPlainJson();
    for (const QString &flag : {QStringLiteral("archived"), QStringLiteral("deleted")}) {
        if (!o.contains(flag))
            o.insert(flag, false);
    }
    o.insert(QStringLiteral("seq"), seq);
    return o;
}

QJsonObject historyEntry(const ServerStore::OpRow &r)
{
    QJsonObject o {{QStringLiteral("gid"), r.gid},
                   {QStringLiteral("listId"), r.listId},
                   {QStringLiteral("seq"), r.seq},
                   {QStringLiteral("by"), r.userId},
                   {QStringLiteral("byName"), r.displayName},
                   {QStringLiteral("at"), r.atMs},
                   {QStringLiteral("op"), QJsonDocument::fromJson(r.opJson).object()}};
    if (!r.viaName.isEmpty())
        o.insert(QStringLiteral("via"), r.viaName);
    return o;
}
QByteArray rejectFrame(qint64 requestId, qint64 mutationId, const QString &listId, const Error &e)
{
    QJsonObject o {
        {QStringLiteral("type"), QStringLiteral("reject")}, {QStringLiteral("id"), requestId},
        {QStringLiteral("mutationId"), mutationId},         {QStringLiteral("listId"), listId},
        {QStringLiteral("code"), errorCodeName(e.code)},    {QStringLiteral("message"), e.message}};
    // A storage failure or a mutation out of order applied nothing and consumed no
    // mutation id: the client resends.
    if (e.code == ErrorCode::StorageError || e.code == ErrorCode::OutOfOrder)
        o.insert(QStringLiteral("retry"), true);
    return Protocol::encode(o);
}

const Error kStorageFailed {ErrorCode::StorageError,
                            QStringLiteral("the server could not save this change; send it again")};
} // namespace

SyncServer::Room *SyncServer::room(const QString &listId)
{
    if (Room *r = m_rooms.value(listId))
        return r;
    const auto row = m_store.list(listId);
    if (!row)
        return nullptr;
    auto *r = new Room;
    r->listId = listId;
    r->householdId = row->householdId;
    r->headSeq = row->headSeq;
    r->snapshotSeq = row->snapshotSeq;
    m_rooms.insert(listId, r);
    return r;
}

bool SyncServer::loadEntities(Room *r)
{
    r->usedAtMs = nowMs();
    if (r->loaded)
        return true;
    // (Read again: a snapshot that did not commit, or one another node took, moved it.)
    const auto row = m_store.list(r->listId);
    bool read = false;
    QList<Entity> entities = row ? m_store.entitiesOfList(r->listId, &read) : QList<Entity> {};
    if (!read)
        return false;
    QHash<QString, Entity> byId;
    byId.reserve(entities.size());
    for (Entity &e : entities)
        byId.insert(e.id, std::move(e));
    // Item writes reach the entities table in snapshots; the op log has the rest, up to the
    // room's head (PostgreSQL: later ops come through catchUp). The merge is idempotent, so
    // replaying an op the snapshot already holds changes nothing.
    QSet<QString> dirty;
    if (r->headSeq > row->snapshotSeq) {
        bool complete = false;
        const auto ops = m_store.opsSince(r->listId, row->snapshotSeq, -1, &complete);
        if (!complete)
            return false;
        for (const auto &opRow : ops) {
            if (opRow.seq > r->headSeq)
                break;
            Error e;
            const Op op = Op::fromJson(QJsonDocument::fromJson(opRow.opJson).object(), &e, true);
            if (e) {
                qCWarning(lcStore)
                    << "skipping an unreadable op" << opRow.seq << "of list" << r->listId;
                continue;
            }
            mergeOp(byId[op.entityId()], op);
            dirty.insert(op.entityId());
        }
    }
    r->entities = std::move(byId);
    r->dirty = std::move(dirty);
    r->snapshotSeq = row->snapshotSeq;
    r->loaded = true;
    return true;
}

void SyncServer::unloadEntities(Room *r)
{
    // The snapshot joins the open batch (or starts one): if it does not commit, the op log
    // still has everything and the next load replays it.
    if (!r->dirty.isEmpty()) {
        const bool saved = snapshotRoom(r);
        if (m_store.inTransaction())
            scheduleFlush(); // (saved or not, the batch it opened or joined ends)
        if (!saved)
            return;
    }
    r->entities = {};
    r->dirty = {};
    r->loaded = false;
}

bool SyncServer::catchUp(Room *r)
{
    if (!m_store.isPostgres())
        return true;
    const qint64 head = m_store.headSeq(r->listId);
    if (head < 0)
        return false;
    if (head <= r->headSeq)
        return true;
    for (const auto &row : m_store.opsSince(r->listId, r->headSeq)) {
        Error e;
        const Op op = Op::fromJson(QJsonDocument::fromJson(row.opJson).object(), &e, true);
        r->headSeq = row.seq;
        if (e) {
            qCWarning(lcStore) << "skipping an unreadable op" << row.seq << "of list" << r->listId;
            continue;
        }
        // (Entities not in memory are read up to the head when needed.)
        if (r->loaded) {
            mergeOp(r->entities[op.entityId()], op);
            r->dirty.insert(op.entityId());
        }
        sendOp(r, row, op.entityKind() == EntityKind::List);
    }
    return true;
}

void SyncServer::sendOpsSince(Room *r, qint64 seq)
{
    for (const auto &row : m_store.opsSince(r->listId, seq)) {
        if (row.seq > r->headSeq)
            break;
        Error e;
        const Op op = Op::fromJson(QJsonDocument::fromJson(row.opJson).object(), &e, true);
        if (!e)
            sendOp(r, row, op.entityKind() == EntityKind::List);
    }
}

void SyncServer::sendOp(Room *r, const ServerStore::OpRow &row, bool listLevel)
{
    // As the node that applied it sent it to its own subscribers.
    QByteArray head = "{\"type\":\"op\",\"listId\":\"" + r->listId.toLatin1() +
        "\",\"seq\":" + QByteArray::number(row.seq) + ",\"by\":\"" + row.userId.toLatin1() +
        "\",\"byName\":" + jsonString(row.displayName);
    if (!row.viaName.isEmpty())
        head += ",\"via\":" + jsonString(row.viaName);
    head += ",\"at\":" + QByteArray::number(row.atMs);
    const QByteArray others = head + ",\"op\":" + row.opJson + '}';
    const QByteArray mine = head + ",\"mutationId\":" + QByteArray::number(row.mutationId) +
        ",\"op\":" + row.opJson + '}';
    Connection *sender = nullptr;
    for (Connection *s : std::as_const(r->subscribers)) {
        if (s->clientId == row.clientId)
            sender = s;
    }
    broadcast(r, sender, others, mine, listLevel);
}

void SyncServer::broadcast(Room *r, Connection *sender, const QByteArray &frameOthers,
                           const QByteArray &frameSender, bool listLevel)
{
    for (Connection *s : std::as_const(r->subscribers)) {
        if (s != sender)
            send(s, frameOthers);
        else if (!frameSender.isEmpty())
            send(s, frameSender);
    }
    if (!listLevel)
        return;
    if (!loadEntities(r)) {
        qCWarning(lcStore) << "could not read list" << r->listId << "to say it changed";
        return;
    }
    // Everyone in the household hears about list changes, subscribed or not.
    const QByteArray frame = Protocol::encode(
        QJsonObject {{QStringLiteral("type"), QStringLiteral("list.changed")},
                     {QStringLiteral("householdId"), r->householdId},
                     {QStringLiteral("list"), listJson(r->entities.value(r->listId), r->headSeq)}});
    for (auto it = m_userConnections.cbegin(); it != m_userConnections.cend(); ++it) {
        if (roleIn(it.key(), r->householdId).isEmpty())
            continue;
        for (Connection *conn : it.value()) {
            if (!r->subscribers.contains(conn))
                send(conn, frame);
        }
    }
}

bool SyncServer::snapshotRoom(Room *r)
{
    if (!m_store.begin())
        return false;
    // (Part of the batch: should it fail, the room is read again, as the database has it.)
    m_batchRooms.insert(r->listId);
    // (PostgreSQL: as of the log's head, which no other node moves until this commits; a
    // snapshot of an older state under a newer snapshot_seq would hide the ops between.)
    if (!lockRoom(r))
        return false;
    for (const QString &id : std::as_const(r->dirty)) {
        auto it = r->entities.constFind(id);
        if (it != r->entities.constEnd() && !m_store.upsertEntity(*it))
            return false;
    }
    if (!m_store.setSnapshotSeq(r->listId, r->headSeq))
        return false;
    r->dirty.clear();
    r->snapshotSeq = r->headSeq;
    return true;
}

bool SyncServer::lockRoom(Room *r)
{
    if (!m_store.isPostgres() || m_batchRooms.contains(r->listId))
        return true;
    if (!m_store.lockList(r->listId))
        return false;
    m_batchRooms.insert(r->listId);
    if (!catchUp(r))
        return false;
    r->lockedAtSeq = r->headSeq;
    return true;
}

void SyncServer::evictRoom(Room *r)
{
    unloadEntities(r);
    m_rooms.remove(r->listId);
    delete r;
}

QJsonObject SyncServer::presenceOf(const Connection *c) const
{
    return QJsonObject {{QStringLiteral("userId"), c->userId},
                        {QStringLiteral("displayName"), c->displayName},
                        {QStringLiteral("clientId"), c->clientId},
                        {QStringLiteral("device"), c->device}};
}

void SyncServer::leaveRoom(Connection *c, Room *r, bool notify)
{
    if (!r->subscribers.removeOne(c))
        return;
    c->rooms.removeOne(r->listId);
    // (Not while the same device has it open on another connection, or on another node.)
    if (notify && !r->subscribers.isEmpty() && !present(r, c->clientId))
        sendPresence(r, QStringLiteral("left"), presenceOf(c));
    markPresence(r->listId);
    // A list nobody watches leaves memory unless the open batch still uses it.
    if (r->subscribers.isEmpty() && !m_batchRooms.contains(r->listId))
        evictRoom(r);
}

void SyncServer::handleLists(Connection *c, const Protocol::Decoded &d)
{
    const QString hh = d.message.value(QStringLiteral("householdId")).toString();
    if (!requireMember(c, d.id, hh))
        return;
    flushBatch();
    QJsonArray out;
    for (const auto &[row, entity] : m_store.listsOfHousehold(hh))
        out.append(listJson(entity, row.headSeq));
    sendReply(c, d.id, QJsonObject {{QStringLiteral("lists"), out}});
}

void SyncServer::handleSubscribe(Connection *c, const Protocol::Decoded &d)
{
    const QString listId = d.message.value(QStringLiteral("listId")).toString();
    const qint64 since = qint64(d.message.value(QStringLiteral("sinceSeq")).toDouble());
    flushBatch();
    Room *r = room(listId);
    if (r && !catchUp(r)) {
        sendError(c, d.id, ErrorCode::StorageError, QStringLiteral("the list could not be read"));
        return;
    }
    if (!r || roleIn(c->userId, r->householdId).isEmpty()) {
        // The same answer whether the list is missing or someone else's.
        sendError(c, d.id, ErrorCode::Forbidden, QStringLiteral("no such list in your households"));
        if (r && r->subscribers.isEmpty()) {
            m_rooms.remove(listId);
            delete r;
        }
        return;
    }
    QJsonObject result {{QStringLiteral("listId"), listId}, {QStringLiteral("seq"), r->headSeq}};
    bool complete = since <= r->headSeq && r->headSeq - since <= m_config.snapshotThreshold;
    // Ops that add up to more than 1 MiB: the state is the shorter answer.
    const auto rows = complete ? m_store.opsSince(listId, since, kMaxCatchUpBytes, &complete)
                               : QList<ServerStore::OpRow> {};
    if (complete) {
        QJsonArray ops;
        for (const auto &row : rows) {
            // (Ops another node committed since the room caught up come live, once.)
            if (row.seq > r->headSeq)
                break;
            QJsonObject o {{QStringLiteral("seq"), row.seq},
                           {QStringLiteral("by"), row.userId},
                           {QStringLiteral("at"), row.atMs},
                           {QStringLiteral("op"), QJsonDocument::fromJson(row.opJson).object()}};
            if (row.clientId == c->clientId)
                o.insert(QStringLiteral("mutationId"), row.mutationId);
            if (!row.viaName.isEmpty())
                o.insert(QStringLiteral("via"), row.viaName);
            ops.append(o);
        }
        result.insert(QStringLiteral("mode"), QStringLiteral("ops"));
        result.insert(QStringLiteral("ops"), ops);
    } else {
        if (!loadEntities(r)) {
            sendError(c, d.id, ErrorCode::StorageError,
                      QStringLiteral("the list could not be read"));
            if (r->subscribers.isEmpty())
                evictRoom(r);
            return;
        }
        QJsonArray entities;
        for (const Entity &e : std::as_const(r->entities))
            entities.append(e.toJson());
        result.insert(QStringLiteral("mode"), QStringLiteral("snapshot"));
        result.insert(QStringLiteral("entities"), entities);
    }
    if (!r->subscribers.contains(c)) {
        // (PostgreSQL: a room that had nobody here learns who has the list open elsewhere;
        // from then on, the other nodes' notifications keep it up to date.)
        if (r->subscribers.isEmpty() && !readRemotePresence(r, false))
            qCWarning(lcStore) << "could not read who has list" << listId << "open elsewhere";
        sendPresence(r, QStringLiteral("joined"), presenceOf(c));
        r->subscribers.append(c);
        c->rooms.append(listId);
        markPresence(listId);
    }
    QJsonArray presence;
    QSet<QString> devices;
    for (const Connection *s : std::as_const(r->subscribers)) {
        presence.append(presenceOf(s));
        devices.insert(s->clientId);
    }
    for (const QJsonObject &m : std::as_const(r->remote)) {
        if (!devices.contains(m.value(QStringLiteral("clientId")).toString()))
            presence.append(m);
    }
    result.insert(QStringLiteral("presence"), presence);
    sendReply(c, d.id, result);
}

void SyncServer::handleUnsubscribe(Connection *c, const Protocol::Decoded &d)
{
    const QString listId = d.message.value(QStringLiteral("listId")).toString();
    if (Room *r = m_rooms.value(listId))
        leaveRoom(c, r, true);
    sendReply(c, d.id, QJsonObject {});
}

void SyncServer::handleHistory(Connection *c, const Protocol::Decoded &d)
{
    const QString listId = d.message.value(QStringLiteral("listId")).toString();
    const QString hh = d.message.value(QStringLiteral("householdId")).toString();
    if (listId.isEmpty() == hh.isEmpty()) {
        sendError(c, d.id, ErrorCode::BadValue,
                  QStringLiteral("history needs exactly one of listId or householdId"));
        return;
    }
    flushBatch();
    QString household = hh;
    if (!listId.isEmpty()) {
        const auto row = m_store.list(listId);
        household = row ? row->householdId : QString();
    }
    if (household.isEmpty() || roleIn(c->userId, household).isEmpty()) {
        sendError(c, d.id, ErrorCode::Forbidden,
                  QStringLiteral("no such list or household of yours"));
        return;
    }
    const int limit = d.message.value(QStringLiteral("limit")).toInt(kDefaultHistoryLimit);
    const qint64 before = qint64(d.message.value(QStringLiteral("before")).toDouble(0));
    const auto rows = m_store.history(listId, household, before, limit);
    QJsonArray entries;
    qint64 bytes = 0;
    for (const auto &r : rows) {
        // A page of big ops ends early (at least one entry), and says where to go on.
        bytes += r.opJson.size();
        if (bytes > kMaxHistoryBytes && !entries.isEmpty())
            break;
        entries.append(historyEntry(r));
    }
    const bool more = entries.size() < rows.size() || rows.size() == limit;
    QJsonObject result {{QStringLiteral("entries"), entries}};
    result.insert(QStringLiteral("nextBefore"),
                  more ? QJsonValue(rows.at(entries.size() - 1).gid)
                       : QJsonValue(QJsonValue::Null));
    sendReply(c, d.id, result);
}

qint64 SyncServer::lastMutationId(const QString &clientId)
{
    auto it = m_lastMutation.constFind(clientId);
    if (it != m_lastMutation.constEnd())
        return *it;
    const auto row = m_store.client(clientId);
    const qint64 last = row ? row->lastMutationId : 0;
    m_lastMutation.insert(clientId, last);
    return last;
}

void SyncServer::handleMutate(Connection *c, const Protocol::Decoded &d)
{
    // (Read from d.mutate only: the fast path leaves d.message empty.)
    Q_ASSERT(d.mutate);
    const Protocol::MutateRequest &m = *d.mutate;
    const QString &clientId = m.clientId;
    const qint64 mutationId = m.mutationId;
    const QString &listId = m.listId;
    if (clientId != c->clientId) {
        sendError(c, d.id, ErrorCode::BadValue,
                  QStringLiteral("clientId differs from the one sent in hello"));
        return;
    }

    if (m_store.isPostgres() && !m_batchClients.contains(clientId)) {
        // Several nodes: the client's row is locked for this batch, and its last mutation
        // read as committed. A resend that reached another node while the first node's
        // transaction was still open waits for it here, and then is a resend.
        const qint64 last = m_store.begin() ? m_store.lockClient(clientId) : -1;
        if (last < 0) {
            failBatch(m_store.lastError());
            send(c, rejectFrame(d.id, mutationId, listId, kStorageFailed));
            return;
        }
        m_batchClients.insert(clientId);
        m_lastMutation.insert(clientId, last);
        scheduleFlush(); // (the lock goes with the batch, whatever this mutation turns out to be)
    }
    if (mutationId <= lastMutationId(clientId)) {
        // A resend: answer as the first time, never apply again.
        ++m_metrics.mutationsDuplicate;
        for (const Pending &p : std::as_const(m_batch)) {
            if (p.clientId == clientId && p.mutationId == mutationId && !p.duplicate) {
                Pending dup = p;
                dup.connId = c->id;
                dup.requestId = d.id;
                dup.duplicate = true;
                m_batch.append(dup);
                return;
            }
        }
        if (const auto applied = m_store.appliedOp(listId, clientId, mutationId)) {
            // With the op as applied: a client whose first ack was lost records the
            // server's version (clamped stamp, creator), not its own.
            send(c,
                 Protocol::encode(QJsonObject {
                     {QStringLiteral("type"), QStringLiteral("ack")},
                     {QStringLiteral("id"), d.id},
                     {QStringLiteral("mutationId"), mutationId},
                     {QStringLiteral("listId"), listId},
                     {QStringLiteral("seq"), applied->first},
                     {QStringLiteral("op"), QJsonDocument::fromJson(applied->second).object()},
                     {QStringLiteral("duplicate"), true}}));
            return;
        }
        const auto rejected = m_store.reject(clientId, mutationId);
        const Error e = rejected
            ? Error {errorCodeFromName(rejected->first), rejected->second}
            : Error {ErrorCode::BadValue,
                     QStringLiteral("mutation id %1 was already used").arg(mutationId)};
        send(c, rejectFrame(d.id, mutationId, listId, e));
        return;
    }

    if (mutationId > lastMutationId(clientId) + 1) {
        // An earlier mutation of this client was not applied (a storage failure, a dropped
        // frame): applying this one would make that id look like a resend later.
        send(c,
             rejectFrame(d.id, mutationId, listId,
                         Error {ErrorCode::OutOfOrder,
                                QStringLiteral("mutation %1 came before %2; send them in order")
                                    .arg(mutationId)
                                    .arg(lastMutationId(clientId) + 1)}));
        return;
    }

    Error e = m.opError;
    Op op = m.op;
    if (!e && op.listId != listId)
        e = Error {ErrorCode::BadValue, QStringLiteral("op.listId differs from listId")};
    Pending p;
    p.connId = c->id;
    p.requestId = d.id;
    p.clientId = clientId;
    p.mutationId = mutationId;
    p.listId = listId;
    p.receivedNs = m_uptime.nsecsElapsed();
    if (!e)
        e = applyOp(c, op, mutationId, &p);
    if (e) {
        // (After a failed batch, failBatch answered the rest of it; this one was not in it.)
        if (e.code == ErrorCode::StorageError)
            send(c, rejectFrame(d.id, mutationId, listId, kStorageFailed));
        else
            stageReject(c, d.id, mutationId, listId, e);
        // A list loaded only to refuse this op does not stay in memory.
        if (Room *r = m_rooms.value(listId);
            r && r->subscribers.isEmpty() && !m_batchRooms.contains(listId))
            evictRoom(r);
        return;
    }
    m_batch.append(std::move(p));
    // (PostgreSQL and --sync full: a commit waits for a sync, so a batch takes what it can.)
    const bool cheapCommit = !m_store.isPostgres() && !m_config.syncFull;
    if (m_batch.size() >= (cheapCommit ? m_config.cheapCommitOps : m_config.maxBatchOps))
        flushBatch();
    else
        scheduleFlush();
}

Error SyncServer::checkRepeating(const Op &op, const Room *r, const QString &household,
                                 const QString &actor)
{
    // A round is one above the item's at most: the completion of the occurrence it shows.
    if (op.round > 0) {
        const Entity *item = nullptr;
        if (r) {
            if (const auto it = r->entities.constFind(op.itemId); it != r->entities.constEnd())
                item = &*it;
        }
        const int current = item ? itemRound(*item) : 0;
        if (op.round > current + 1)
            return Error {ErrorCode::BadValue,
                          QStringLiteral("op.round is %1, the item is at round %2: at most one "
                                         "more")
                              .arg(op.round)
                              .arg(current)};
    }
    // Turns go to people of the household; a completion names who did it.
    const QJsonValue repeat = op.fields.value(QStringLiteral("repeat"));
    if (repeat.isObject()) {
        for (const QJsonValue &id : repeat.toObject().value(QStringLiteral("rotation")).toArray()) {
            const QString role = storedRoleIn(id.toString(), household);
            if (role.isEmpty() || role == kRoleKiosk)
                return Error {ErrorCode::NotFound,
                              QStringLiteral("repeat: the rotation holds someone not of this "
                                             "household")};
        }
    }
    const QJsonValue completed = op.fields.value(QStringLiteral("completed"));
    if (completed.isObject() &&
        completed.toObject().value(QStringLiteral("by")).toString() != actor)
        return Error {ErrorCode::Forbidden,
                      QStringLiteral("completed.by must be whoever makes the change")};
    return {};
}

Error SyncServer::applyOp(Connection *c, Op &op, qint64 mutationId, Pending *pending)
{
    const qint64 now = nowMs();
    Room *r = room(op.listId);
    // Several nodes: the list's row is locked for this batch, and the room brought up to
    // what the others committed, before the op is checked against it and given a seq.
    if (r && m_store.isPostgres() && (!m_store.begin() || !lockRoom(r))) {
        failBatch(m_store.lastError());
        return Error {ErrorCode::StorageError, {}};
    }
    if (r && !loadEntities(r)) {
        // (SQLite: nothing is written yet, only this op is refused, to be sent again.
        // PostgreSQL: the failed read aborted the whole transaction.)
        if (m_store.isPostgres())
            failBatch(m_store.lastError());
        return Error {ErrorCode::StorageError, {}};
    }
    if (op.type == Op::Type::ListCreate) {
        if (roleIn(c->userId, op.householdId).isEmpty())
            return Error {ErrorCode::Forbidden,
                          QStringLiteral("you are not a member of this household")};
        if (r && r->householdId != op.householdId)
            return Error {ErrorCode::Conflict,
                          QStringLiteral("a list with this id exists elsewhere")};
        // Ids are unique across lists and items: a new list never takes an item's row.
        if (!r && m_store.listOfEntity(op.listId))
            return Error {ErrorCode::Conflict, QStringLiteral("this id is already in use")};
    } else {
        // A list that does not exist and one of another household answer alike.
        if (!r || roleIn(c->userId, r->householdId).isEmpty())
            return Error {ErrorCode::Forbidden, QStringLiteral("no such list in your households")};
        if (op.entityKind() == EntityKind::Item) {
            const auto it = r->entities.constFind(op.itemId);
            if (it != r->entities.constEnd() && it->kind != EntityKind::Item)
                return Error {ErrorCode::Conflict,
                              QStringLiteral("an item cannot have its list's id")};
            if (it == r->entities.constEnd()) {
                if (op.type != Op::Type::ItemCreate)
                    return Error {ErrorCode::NotFound, QStringLiteral("no such item in this list")};
                if (m_store.listOfEntity(op.itemId))
                    return Error {ErrorCode::Conflict,
                                  QStringLiteral("an item with this id exists in another list")};
            }
        }
    }
    const QString household = r ? r->householdId : op.householdId;
    // Tasks go to people of the household, never to a tablet or a stranger.
    const QJsonValue assignee = op.fields.value(QStringLiteral("assignee"));
    if (assignee.isString()) {
        const QString role = storedRoleIn(assignee.toString(), household);
        if (role.isEmpty() || role == kRoleKiosk)
            return Error {ErrorCode::NotFound,
                          QStringLiteral("the assignee is not a person of this household")};
    }

    // A kiosk's tap on a face: the change is that member's, made on the tablet.
    QString actor = c->userId;
    QByteArray byJson = "\"by\":\"" % c->userId.toLatin1() % "\",\"byName\":" % c->displayNameJson;
    if (!op.actAs.isEmpty()) {
        const QString hh = household;
        if (roleIn(c->userId, hh) != kRoleKiosk)
            return Error {ErrorCode::Forbidden,
                          QStringLiteral("only a kitchen tablet can make a change for someone")};
        const QString role = storedRoleIn(op.actAs, hh);
        const auto person =
            role.isEmpty() || role == kRoleKiosk ? std::nullopt : m_store.userById(op.actAs);
        if (!person)
            return Error {ErrorCode::NotFound,
                          QStringLiteral("that person is not in this household")};
        actor = person->id;
        byJson = "\"by\":\"" + actor.toLatin1() +
            "\",\"byName\":" + jsonString(person->displayName) + ",\"via\":" + c->displayNameJson;
    }
    if (Error e = checkRepeating(op, r, household, actor))
        return e;

    if (!m_store.begin()) {
        failBatch(m_store.lastError());
        return Error {ErrorCode::StorageError, {}};
    }
    const bool newList = !r;
    if (newList) {
        if (!m_store.insertList(op.listId, op.householdId, now)) {
            failBatch(m_store.lastError());
            return Error {ErrorCode::StorageError, {}};
        }
        r = new Room;
        r->listId = op.listId;
        r->householdId = op.householdId;
        r->loaded = true;
        r->usedAtMs = now;
        m_rooms.insert(op.listId, r);
    }
    m_batchRooms.insert(op.listId);
    m_batchClients.insert(c->clientId);

    op.stamp = clampStamp(op.stamp, now, m_config.maxClockSkewMs);
    m_clock.observe(op.stamp);
    Entity &entity = r->entities[op.entityId()];
    if (op.isCreate() && entity.id.isEmpty()) {
        op.fields.insert(QStringLiteral("createdBy"), actor);
        op.fields.insert(QStringLiteral("createdAt"), double(op.stamp.wallMs));
    }
    mergeOp(entity, op);
    r->dirty.insert(entity.id);
    const qint64 seq = r->headSeq + 1;
    ServerStore::OpRow row;
    row.listId = op.listId;
    row.seq = seq;
    row.householdId = r->householdId;
    row.userId = actor;
    row.clientId = c->clientId;
    row.mutationId = mutationId;
    row.atMs = now;
    row.opJson = op.toJsonBytes();
    // Lists and new items are written through at once (lists are read from the table, and
    // item ids must be found there to stay unique); other item writes wait for a snapshot.
    const bool writeThrough = op.isCreate() || op.entityKind() == EntityKind::List;
    const qint64 gid = writeThrough && !m_store.upsertEntity(entity) ? -1 : m_store.insertOp(row);
    if (gid < 0) {
        failBatch(m_store.lastError());
        return Error {ErrorCode::StorageError, {}};
    }
    m_lastGid = gid;
    if (!m_store.setClientProgress(c->clientId, mutationId)) {
        failBatch(m_store.lastError());
        return Error {ErrorCode::StorageError, {}};
    }
    m_clientsDirty.insert(c->clientId);
    r->headSeq = seq;
    // Every 500-999 ops, depending on the list: lists that get ops at the same pace do not
    // all take their snapshot in the same batch.
    const qint64 snapshotEvery = kSnapshotEveryOps + qint64(qHash(r->listId) % kSnapshotEveryOps);
    if (r->headSeq - r->snapshotSeq >= snapshotEvery && !snapshotRoom(r)) {
        failBatch(m_store.lastError());
        return Error {ErrorCode::StorageError, {}};
    }
    m_lastMutation.insert(c->clientId, mutationId);

    pending->seq = seq;
    pending->stamp = op.stamp.toString();
    pending->opJson = row.opJson;
    pending->listLevel = op.entityKind() == EntityKind::List;
    // Built by hand around the op's JSON (already encoded for the log): encoded once for
    // all receivers, once more with the mutation id for the sender.
    QByteArray head;
    head.reserve(200 + row.opJson.size());
    head += "{\"type\":\"op\",\"listId\":\"" % op.listId.toLatin1() % "\",\"seq\":" %
        QByteArray::number(seq) % ',' % byJson % ",\"at\":" % QByteArray::number(now);
    pending->frameOthers = head % ",\"op\":" % row.opJson % '}';
    // (Protocol 2: the sender has the ack, and no copy.)
    if (c->protocol < 2)
        pending->frameSender = head + ",\"mutationId\":" + QByteArray::number(mutationId) +
            ",\"op\":" + row.opJson + '}';
    return {};
}

void SyncServer::stageReject(Connection *c, qint64 requestId, qint64 mutationId,
                             const QString &listId, const Error &e)
{
    if (!m_store.begin() ||
        !m_store.insertReject(c->clientId, mutationId, errorCodeName(e.code), e.message) ||
        !m_store.setClientProgress(c->clientId, mutationId)) {
        failBatch(m_store.lastError());
        send(c, rejectFrame(requestId, mutationId, listId, kStorageFailed));
        return;
    }
    m_batchClients.insert(c->clientId);
    m_lastMutation.insert(c->clientId, mutationId);
    Pending p;
    p.connId = c->id;
    p.requestId = requestId;
    p.clientId = c->clientId;
    p.mutationId = mutationId;
    p.listId = listId;
    p.reject = e;
    m_batch.append(std::move(p));
    scheduleFlush();
}

void SyncServer::saveClientProgress(bool all)
{
    // (PostgreSQL: saved with each op, in its transaction.)
    if (m_store.isPostgres())
        m_clientsDirty.clear();
    // In rounds: about once a second the clients changed since the last round are taken,
    // and saved a slice at a time (ServerConfig::progressSlice); clients_gid moves to where
    // the round began with its last slice. All at once, 5,000 busy clients held the event
    // loop for 13-60 ms every second (issue 15).
    if (m_progressRound.isEmpty()) {
        if (m_clientsDirty.isEmpty())
            return;
        m_progressRound = m_clientsDirty.values();
        m_clientsDirty.clear();
        m_progressRoundGid = m_lastGid;
        // (In the order of the table's key: a slice is a run of neighbouring rows.)
        std::sort(m_progressRound.begin(), m_progressRound.end());
    }
    const qsizetype n = all
        ? m_progressRound.size()
        : std::clamp<qsizetype>(m_config.progressSlice, 1, m_progressRound.size());
    const qsizetype from = m_progressRound.size() - n;
    QHash<QString, qint64> progress;
    progress.reserve(n);
    // (A client forgotten by a failed batch is read back from the store first: saving 0
    // would move clients_gid past its logged ops and lose them from its progress.)
    for (qsizetype i = from; i < m_progressRound.size(); ++i)
        progress.insert(m_progressRound.at(i), lastMutationId(m_progressRound.at(i)));
    const bool roundDone = from == 0;
    // Joins the open batch (or opens one): saved with the ops it covers, or not at all.
    if (!m_store.begin() ||
        !m_store.saveClientProgress(progress, roundDone ? m_progressRoundGid : -1)) {
        failBatch(m_store.lastError());
        return;
    }
    for (qsizetype i = from; i < m_progressRound.size(); ++i)
        m_progressInBatch.insert(m_progressRound.at(i));
    m_progressRound.resize(from);
    if (!roundDone)
        m_progressSliceTimer.start();
    scheduleFlush();
}

void SyncServer::scheduleFlush()
{
    if (m_commitTimer.isActive())
        return;
    // Group commit. SQLite: the ops read in one event-loop pass share a commit, at the end
    // of the pass; a busy server reads more per pass, so its batches grow with the load.
    // (Paced to one commit per millisecond before, the harness's ops waited about 1 ms for
    // it at 5,000 ops/s for no saving in CPU: issue 15.)
    // PostgreSQL: a commit is a round trip and the database's fsync, and a batch locks its
    // clients and notifies the other nodes: at most one per kPostgresCommitIntervalNs (a
    // commit per pass made one node's p99 at 1,000 ops/s 582 ms instead of 49).
    qint64 waitNs = 0;
    if (m_store.isPostgres())
        waitNs = std::max<qint64>(
            0, kPostgresCommitIntervalNs - (m_uptime.nsecsElapsed() - m_lastCommitNs));
    m_commitTimer.start(int((waitNs + 999999) / 1000000));
}

void SyncServer::flushBatch()
{
    if (!m_store.inTransaction()) {
        Q_ASSERT(m_batch.isEmpty());
        return;
    }
    m_commitTimer.stop();
    QElapsedTimer t;
    t.start();
    m_lastCommitNs = m_uptime.nsecsElapsed();
    // (PostgreSQL) The other nodes hear of the new ops when they are committed:
    // "<list>:<seq>:<household>:<1 if the list itself changed>".
    if (m_store.isPostgres()) {
        QSet<QString> listLevel;
        for (const Pending &p : std::as_const(m_batch)) {
            if (p.listLevel && !p.reject && !p.duplicate)
                listLevel.insert(p.listId);
        }
        for (const QString &listId : std::as_const(m_batchRooms)) {
            const Room *r = m_rooms.value(listId);
            if (r &&
                !m_store.notify(QLatin1String(kOpsChannel),
                                QStringLiteral("%1:%2:%3:%4")
                                    .arg(listId)
                                    .arg(r->headSeq)
                                    .arg(r->householdId)
                                    .arg(listLevel.contains(listId) ? 1 : 0))) {
                failBatch(m_store.lastError());
                return;
            }
        }
    }
    if (!m_store.commit()) {
        failBatch(m_store.lastError());
        return;
    }
    const QVector<Pending> batch = std::move(m_batch);
    m_batch.clear();
    m_progressInBatch.clear();
    const QSet<QString> touchedRooms = std::move(m_batchRooms);
    m_batchRooms.clear();
    m_batchClients.clear();
    int applied = 0;
    for (const Pending &p : batch)
        applied += (!p.reject && !p.duplicate) ? 1 : 0;
    m_metrics.recordCommit(t.nsecsElapsed(), applied);
    if (t.elapsed() >= 20)
        qCInfo(lcStore) << "slow commit:" << t.elapsed() << "ms for" << batch.size() << "mutations";
    m_metrics.opsApplied += applied;

    for (const Pending &p : batch) {
        Connection *sender = m_connections.value(p.connId);
        if (p.reject) {
            ++m_metrics.mutationsRejected;
            if (sender)
                send(sender, rejectFrame(p.requestId, p.mutationId, p.listId, p.reject));
            continue;
        }
        if (sender)
            send(sender,
                 "{\"type\":\"ack\",\"id\":" % QByteArray::number(p.requestId) %
                     ",\"mutationId\":" % QByteArray::number(p.mutationId) % ",\"listId\":\"" %
                     p.listId.toLatin1() % "\",\"seq\":" % QByteArray::number(p.seq) %
                     ",\"stamp\":\"" % p.stamp.toLatin1() % "\",\"op\":" % p.opJson % '}');
        if (p.duplicate)
            continue;
        if (p.receivedNs)
            m_metrics.recordMutationLatency(m_uptime.nsecsElapsed() - p.receivedNs);
        if (Room *r = m_rooms.value(p.listId))
            broadcast(r, sender, p.frameOthers, p.frameSender, p.listLevel);
    }
    flushSockets();
    // (Before rooms nobody has open are evicted: their snapshot opens the next batch's
    // transaction, and these two run only between transactions.)
    indexOpsIfDue();
    m_store.finishCheckpointIfDue();
    for (const QString &listId : touchedRooms) {
        Room *r = m_rooms.value(listId);
        if (r && r->subscribers.isEmpty())
            evictRoom(r);
    }
    writePresence();
}

void SyncServer::indexOpsIfDue()
{
    // (SQLite) In bulk, after the answers went out: each list's page of the index is written
    // once for its last couple of thousand ops, not once per op (issue 15). A bucket of lists
    // at a time (ServerStore::kOpIndexBuckets), one every opIndexEvery / buckets ops, so that
    // each is brought up to date every opIndexEvery ops. After a failure, it waits as long
    // again; the ops stay found by reading the end of the log.
    const qint64 every = std::max<qint64>(1, m_config.opIndexEvery / ServerStore::kOpIndexBuckets);
    const qint64 due = std::max(m_store.newestIndexedGid(), m_indexTriedGid) + every;
    if (m_store.isPostgres() || m_store.inTransaction() || m_lastGid < due)
        return;
    m_indexTriedGid = m_lastGid;
    QElapsedTimer t;
    t.start();
    if (!m_store.indexOps(m_lastGid)) {
        qCCritical(lcStore) << "could not add ops to the op index:" << m_store.lastError();
        return;
    }
    if (t.elapsed() >= 20)
        qCInfo(lcStore) << "slow op index:" << t.elapsed() << "ms up to op" << m_lastGid;
}

void SyncServer::failBatch(const QString &why)
{
    qCCritical(lcStore) << "could not commit" << m_batch.size() << "mutations:" << why;
    ++m_metrics.commitFailures;
    m_store.rollback();
    const QVector<Pending> batch = std::move(m_batch);
    m_batch.clear();
    // Memory must match the database again: reload what the batch touched.
    for (const QString &listId : std::as_const(m_batchRooms)) {
        Room *old = m_rooms.take(listId);
        if (!old)
            continue;
        const QList<Connection *> subscribers = old->subscribers;
        const qint64 sent = old->lockedAtSeq;
        delete old;
        if (Room *fresh = room(listId)) {
            fresh->subscribers = subscribers;
            // (PostgreSQL: with the lock gone, another node may have committed ops after
            // those the subscribers have; the notification will find nothing new.)
            if (m_store.isPostgres() && sent >= 0)
                sendOpsSince(fresh, sent);
        } else {
            for (Connection *s : subscribers)
                s->rooms.removeOne(listId);
        }
    }
    for (const QString &clientId : std::as_const(m_batchClients))
        m_lastMutation.remove(clientId);
    // The progress saved in the failed transaction is to be saved again, and gids of the
    // rolled-back ops will be handed out again.
    m_clientsDirty.unite(m_progressInBatch);
    m_progressInBatch.clear();
    // A round with a slice lost starts over: clients_gid must not pass its clients' ops.
    for (const QString &clientId : std::as_const(m_progressRound))
        m_clientsDirty.insert(clientId);
    m_progressRound.clear();
    m_progressSliceTimer.stop();
    m_lastGid = m_store.maxGid();
    m_batchRooms.clear();
    m_batchClients.clear();
    for (const Pending &p : batch) {
        if (Connection *sender = m_connections.value(p.connId))
            send(sender, rejectFrame(p.requestId, p.mutationId, p.listId, kStorageFailed));
    }
    flushSockets();
    // (Presence changed meanwhile waited for this batch's end.)
    if (!m_presenceDirty.isEmpty())
        m_presenceTimer.start(0);
}

} // namespace kinlist::server
