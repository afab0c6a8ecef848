#include "localstore.h"

#include "clientlogging.h"
#include "core/uuid.h"
#include "store/migrations.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>
#include <utility>

namespace kinlist::client {

namespace {

// A repeating task's completion (see core/recurrence.h).
bool isCompletion(const Op &op)
{
    return op.fields.contains(QStringLiteral("completed"));
}

bool migrateTo1(QSqlQuery &q)
{
    return store::execAll(
        q,
        {
            "CREATE TABLE identity (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE entities (id TEXT PRIMARY KEY, list_id TEXT NOT NULL, state BLOB NOT "
            "NULL)",
            "CREATE INDEX entities_list ON entities(list_id)",
            "CREATE TABLE lists (list_id TEXT PRIMARY KEY, seq INTEGER NOT NULL)",
            "CREATE TABLE outbox (mutation_id INTEGER PRIMARY KEY, list_id TEXT NOT NULL,"
            " entity_id TEXT NOT NULL, op BLOB NOT NULL, created_at INTEGER NOT NULL)",
            "CREATE INDEX outbox_entity ON outbox(entity_id)",
        });
}

bool migrateTo2(QSqlQuery &q)
{
    return store::execAll(
        q,
        {
            "CREATE TABLE activity (list_id TEXT NOT NULL, seq INTEGER NOT NULL,"
            " household_id TEXT NOT NULL, by TEXT NOT NULL, at INTEGER NOT NULL,"
            " stamp TEXT NOT NULL, op BLOB NOT NULL, PRIMARY KEY (list_id, seq)) WITHOUT ROWID",
            "CREATE INDEX activity_household ON activity(household_id, at)",
            "CREATE TABLE people (user_id TEXT PRIMARY KEY, display_name TEXT NOT NULL)",
            "CREATE TABLE households (id TEXT PRIMARY KEY, json BLOB NOT NULL)",
            "CREATE TABLE members (household_id TEXT NOT NULL, user_id TEXT NOT NULL,"
            " json BLOB NOT NULL, PRIMARY KEY (household_id, user_id))",
            "CREATE TABLE failed (mutation_id INTEGER PRIMARY KEY, list_id TEXT NOT NULL,"
            " entity_id TEXT NOT NULL, op BLOB NOT NULL, code TEXT NOT NULL,"
            " message TEXT NOT NULL, at INTEGER NOT NULL)",
            "CREATE INDEX failed_entity ON failed(entity_id)",
            "CREATE TABLE conflicts (entity_id TEXT NOT NULL, field TEXT NOT NULL,"
            " list_id TEXT NOT NULL, mine BLOB NOT NULL, theirs BLOB NOT NULL,"
            " their_stamp TEXT NOT NULL, their_by TEXT NOT NULL, at INTEGER NOT NULL,"
            " dismissed INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (entity_id, field))",
        });
}

// A change a kitchen tablet made for someone names the tablet.
bool migrateTo3(QSqlQuery &q)
{
    return store::execAll(q, {"ALTER TABLE activity ADD COLUMN via TEXT NOT NULL DEFAULT ''"});
}

// Reminders that have gone off on this device: one per task and due time, across restarts.
bool migrateTo4(QSqlQuery &q)
{
    return store::execAll(q,
                          {"CREATE TABLE reminders_fired (item_id TEXT NOT NULL, due TEXT NOT NULL,"
                           " fired_at INTEGER NOT NULL, PRIMARY KEY (item_id, due))"});
}

// What quick entry remembers of each household's shopping items: each title (one row per
// spelling, ignoring case), its last category and unit, how often it was added and when
// last; searched by word prefix through an FTS5 index kept by triggers.
bool migrateTo5(QSqlQuery &q)
{
    return store::execAll(
        q,
        {"CREATE TABLE titles (household_id TEXT NOT NULL, key TEXT NOT NULL,"
         " title TEXT NOT NULL, category TEXT NOT NULL, unit TEXT NOT NULL,"
         " uses INTEGER NOT NULL, last_used INTEGER NOT NULL, UNIQUE (household_id, key))",
         "CREATE VIRTUAL TABLE titles_search USING fts5(title, content='titles',"
         " content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')",
         "CREATE TRIGGER titles_added AFTER INSERT ON titles BEGIN"
         " INSERT INTO titles_search (rowid, title) VALUES (new.rowid, new.title); END",
         "CREATE TRIGGER titles_removed AFTER DELETE ON titles BEGIN"
         " INSERT INTO titles_search (titles_search, rowid, title)"
         " VALUES ('delete', old.rowid, old.title); END",
         "CREATE TRIGGER titles_changed AFTER UPDATE OF title ON titles BEGIN"
         " INSERT INTO titles_search (titles_search, rowid, title)"
         " VALUES ('delete', old.rowid, old.title);"
         " INSERT INTO titles_search (rowid, title) VALUES (new.rowid, new.title); END",
         // The items already on this device are learnt at the next open.
         "INSERT OR REPLACE INTO identity (key, value) VALUES ('titles_to_learn', '1')"});
}

// A single JSON value as bytes and back (QJsonDocument only holds objects and arrays).
QByteArray valueBytes(const QJsonValue &v)
{
    return QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact);
}

QJsonValue valueFromBytes(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).array().at(0);
}

QByteArray objectBytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Op opFromBytes(const QByteArray &bytes)
{
    Error e;
    return Op::fromJson(QJsonDocument::fromJson(bytes).object(), &e, true);
}
} // namespace

LocalStore::LocalStore(QString connectionName)
    : m_connectionName(std::move(connectionName))
{ }

LocalStore::~LocalStore()
{
    close();
}

Error LocalStore::sqlError(const QString &what) const
{
    return Error {ErrorCode::StorageError,
                  QStringLiteral("%1: %2").arg(what, m_db.lastError().text())};
}

bool LocalStore::open(const QString &path, Error *error)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        *error = sqlError(QStringLiteral("cannot open %1").arg(path));
        return false;
    }
    m_statements.setDatabase(m_db);
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next()) {
        *error = sqlError(QStringLiteral("cannot use WAL"));
        return false;
    }
    // NORMAL: what comes from the server (ops, acks, rejects) survives a crash, and after
    // a power cut the server sends it again (the list's seq and the outbox go back with
    // it). An edit of the user is the exception: enqueue() commits it with FULL.
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    if (!migrate(error))
        return false;
    // Checkpoints (copying the log back into the database, and their fsync) run on a thread
    // of their own: on this one, a commit that happened to trigger one stalled the UI for
    // milliseconds.
    q.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0"));
    m_checkpointer = std::make_unique<store::WalCheckpointer>(path, 1000);
    if (!q.exec(QStringLiteral("SELECT value FROM identity WHERE key = 'client_id'"))) {
        *error = sqlError(QStringLiteral("cannot read the client id"));
        return false;
    }
    if (q.next()) {
        m_clientId = q.value(0).toString();
        q.finish();
        if (q.exec(QStringLiteral("SELECT value FROM identity WHERE key = 'highest_stamp'")) &&
            q.next())
            m_highestStamp = Hlc::parse(q.value(0).toString()).value_or(Hlc {});
    } else {
        m_clientId = createUuid();
        q.prepare(QStringLiteral("INSERT INTO identity (key, value) VALUES ('client_id', ?)"));
        q.addBindValue(m_clientId);
        if (!q.exec()) {
            *error = sqlError(QStringLiteral("cannot save the client id"));
            return false;
        }
    }
    q.finish();
    if (q.exec(QStringLiteral("SELECT count(*) FROM outbox")) && q.next())
        m_pendingCount = q.value(0).toInt();
    q.finish();
    if (q.exec(QStringLiteral("SELECT 1 FROM identity WHERE key = 'titles_to_learn'")) &&
        q.next()) {
        q.finish();
        // A help, not the data: a failure is tried again at the next open.
        if (!learnAll())
            qCWarning(lcClientStore) << "cannot learn the items' titles:" << sqlError({}).message;
    }
    q.finish();
    return true;
}

bool LocalStore::commit()
{
    // A statement still holding a cursor would keep the transaction open.
    m_statements.finishAll();
    if (!m_db.commit())
        return false;
    if (m_checkpointer && m_checkpointer->finishOnWriter()) {
        // A long log the checkpointer nearly caught up with: finished here, between two
        // transactions, it reaches the end and the log starts over.
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
        m_checkpointer->finishedOnWriter();
    }
    return true;
}

void LocalStore::rollback()
{
    m_statements.finishAll();
    m_db.rollback();
}

void LocalStore::close()
{
    m_statements.clear();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    // (After the connection: see WalCheckpointer.)
    m_checkpointer.reset();
}

bool LocalStore::migrate(Error *error)
{
    const QString failure =
        store::migrate(m_db, {migrateTo1, migrateTo2, migrateTo3, migrateTo4, migrateTo5},
                       QStringLiteral("this local database was written by a newer "
                                      "Kinlist (schema %1, this one knows %2)"));
    if (!failure.isEmpty())
        *error = Error {ErrorCode::StorageError, failure};
    return failure.isEmpty();
}

std::optional<qint64> LocalStore::enqueue(const Op &op, Error *error)
{
    // An edit the user saw must survive a power cut, not only a crash.
    QSqlQuery durability(m_db);
    durability.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    const auto normalAgain = qScopeGuard(
        [&durability] { durability.exec(QStringLiteral("PRAGMA synchronous=NORMAL")); });
    if (!m_db.transaction()) {
        *error = sqlError(QStringLiteral("cannot save the change"));
        return std::nullopt;
    }
    // Mutation ids keep rising for the life of this client id, also when the outbox empties.
    // Read inside the transaction: the database, not this object, is the authority.
    QSqlQuery &read = m_statements.get("SELECT value FROM identity WHERE key = 'next_mutation_id'");
    const qint64 next = read.exec() && read.next() ? read.value(0).toLongLong() : 1;
    read.finish();
    QSqlQuery &insert =
        m_statements.get("INSERT INTO outbox (mutation_id, list_id, entity_id, op, created_at)"
                         " VALUES (?, ?, ?, ?, ?)");
    insert.addBindValue(next);
    insert.addBindValue(op.listId);
    insert.addBindValue(op.entityId());
    insert.addBindValue(op.toJsonBytes());
    insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
    bool ok = insert.exec();
    QSqlQuery &counter = m_statements.get(
        "INSERT OR REPLACE INTO identity (key, value) VALUES ('next_mutation_id', ?)");
    counter.addBindValue(QString::number(next + 1));
    ok = ok && counter.exec() && noteStamp(op.stamp);
    if (ok)
        learn(op, QDateTime::currentMSecsSinceEpoch());
    // Writing a field again settles any conflict it had ("keep mine" is such a write).
    QSqlQuery &settle = m_statements.get("DELETE FROM conflicts WHERE entity_id = ? AND field = ?");
    for (auto it = op.fields.begin(); ok && it != op.fields.end(); ++it) {
        settle.addBindValue(op.entityId());
        settle.addBindValue(it.key());
        ok = settle.exec();
    }
    if (!ok || !commit()) {
        *error = sqlError(QStringLiteral("cannot save the change"));
        rollback();
        return std::nullopt;
    }
    ++m_pendingCount;
    return next;
}

QList<LocalStore::Pending> LocalStore::pending(int limit, qint64 after) const
{
    QSqlQuery &q = m_statements.get(
        "SELECT mutation_id, op FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?");
    const store::QueryDone done(q);
    q.addBindValue(after);
    q.addBindValue(limit);
    QList<Pending> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append(Pending {q.value(0).toLongLong(), opFromBytes(q.value(1).toByteArray())});
    return out;
}

std::optional<Entity> LocalStore::confirmedEntity(const QString &entityId) const
{
    QSqlQuery &q = m_statements.get("SELECT state FROM entities WHERE id = ?");
    const store::QueryDone done(q);
    q.addBindValue(entityId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Entity entity;
    if (!Entity::fromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object(), &entity)) {
        qCWarning(lcClientStore) << "an unreadable entity" << entityId;
        return std::nullopt;
    }
    return entity;
}

std::optional<Entity> LocalStore::mergeConfirmed(const Op &op)
{
    Entity entity = confirmedEntity(op.entityId()).value_or(Entity {});
    mergeOp(entity, op);
    if (!noteStamp(op.stamp))
        return std::nullopt;
    QSqlQuery &q =
        m_statements.get("INSERT OR REPLACE INTO entities (id, list_id, state) VALUES (?, ?, ?)");
    const store::QueryDone done(q);
    q.addBindValue(entity.id);
    q.addBindValue(entity.listId);
    q.addBindValue(objectBytes(entity.toJson()));
    if (!q.exec())
        return std::nullopt;
    return entity;
}

bool LocalStore::recordActivity(const Op &op, qint64 seq, const Origin &origin,
                                const QString &householdHint)
{
    if (seq <= 0)
        return true;
    QString householdId = householdHint.isEmpty() ? op.householdId : householdHint;
    if (householdId.isEmpty()) {
        if (const auto list = confirmedEntity(op.listId))
            householdId = list->householdId;
    }
    QSqlQuery &q =
        m_statements.get("INSERT OR IGNORE INTO activity (list_id, seq, household_id, by, at,"
                         " stamp, op, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    const store::QueryDone done(q);
    q.addBindValue(op.listId);
    q.addBindValue(seq);
    q.addBindValue(householdId);
    q.addBindValue(origin.by);
    q.addBindValue(origin.at > 0 ? origin.at : QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(op.stamp.toString());
    q.addBindValue(op.toJsonBytes());
    q.addBindValue(origin.via.isNull() ? QStringLiteral("") : origin.via); // (never NULL)
    if (!q.exec())
        return false;
    if (!origin.by.isEmpty() && !origin.byName.isEmpty())
        return setPerson(origin.by, origin.byName);
    return true;
}

bool LocalStore::recordConflict(const Entity &entity, const QString &field, const QJsonValue &mine,
                                const Origin &theirs)
{
    const Entity::Field their = entity.fields.value(field);
    QSqlQuery q(m_db);
    // The same loss found again (at the ack after the catch-up) is not news.
    q.prepare(QStringLiteral(
        "SELECT 1 FROM conflicts WHERE entity_id = ? AND field = ? AND their_stamp = ?"));
    q.addBindValue(entity.id);
    q.addBindValue(field);
    q.addBindValue(their.stamp.toString());
    if (!q.exec())
        return false;
    if (q.next())
        return true;
    q.finish();
    Conflict c {entity.id,   entity.listId, field, mine,
                their.value, theirs.by,     {},    QDateTime::currentMSecsSinceEpoch()};
    if (c.theirsBy.isEmpty()) {
        // Someone else's earlier op: the activity knows whose stamp it was.
        q.prepare(QStringLiteral("SELECT by FROM activity WHERE list_id = ? AND stamp = ?"));
        q.addBindValue(entity.listId);
        q.addBindValue(their.stamp.toString());
        if (q.exec() && q.next())
            c.theirsBy = q.value(0).toString();
        q.finish();
    }
    c.theirsByName = theirs.byName.isEmpty() ? personName(c.theirsBy) : theirs.byName;
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO conflicts (entity_id, field, list_id, mine, theirs, their_stamp,"
        " their_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(c.entityId);
    q.addBindValue(c.field);
    q.addBindValue(c.listId);
    q.addBindValue(valueBytes(c.mine));
    q.addBindValue(valueBytes(c.theirs));
    q.addBindValue(their.stamp.toString());
    q.addBindValue(c.theirsBy.isNull() ? QStringLiteral("") : c.theirsBy); // (never NULL)
    q.addBindValue(c.at);
    if (!q.exec())
        return false;
    m_newConflicts.append(c);
    return true;
}

bool LocalStore::findConflicts(const Entity &entity, const Op *remote, const Origin &origin,
                               const Op *acked)
{
    // Moves are not worth a word: the list order simply follows the winner. Nor is a
    // completion of a repeating task that met another one: the occurrence was done.
    const auto lost = [&](const Op &mine, const QString &field) {
        const Entity::Field &f = entity.fields.value(field);
        return field != QLatin1String("position") && !isCompletion(mine) && mine.stamp < f.stamp &&
            mine.fields.value(field) != f.value;
    };
    // The op being applied now won, or someone's earlier one did.
    const auto originOf = [&](const Hlc &stamp) {
        return remote && remote->stamp == stamp ? origin : Origin {};
    };
    if (acked) {
        for (auto it = acked->fields.begin(); it != acked->fields.end(); ++it) {
            if (lost(*acked, it.key()) && !recordConflict(entity, it.key(), it.value(), {}))
                return false;
        }
    }
    if (remote) {
        // A write of ours the server took lately, overwritten by one made before ours
        // reached it: made without seeing ours, so ours was lost (the usual way offline
        // edits meet: ours went first, theirs carries the later stamp).
        for (auto it = remote->fields.begin(); it != remote->fields.end(); ++it) {
            const auto mine = m_ackedWrites.find({entity.id, it.key()});
            if (mine == m_ackedWrites.end())
                continue;
            const Entity::Field &f = entity.fields.value(it.key());
            if (f.stamp != remote->stamp)
                continue; // this one lost; ours stands, and is remembered for the next
            // Made before ours reached the server, by a margin for clocks that differ a
            // little; a device that saw ours and whose clock is behind stamps its next
            // edit with our stamp's time (the hybrid clock), which is not earlier.
            const bool lostToThis = it.key() != QLatin1String("position") &&
                mine->stamp < remote->stamp && remote->stamp.wallMs != mine->stamp.wallMs &&
                remote->stamp.wallMs < mine->ackedAt - kClockMarginMs && mine->value != f.value;
            const QJsonValue value = mine->value;
            m_ackedWrites.erase(mine);
            if (lostToThis && !recordConflict(entity, it.key(), value, origin))
                return false;
        }
    }
    QSqlQuery &q =
        m_statements.get("SELECT op FROM outbox WHERE entity_id = ? ORDER BY mutation_id");
    const store::QueryDone done(q);
    q.addBindValue(entity.id);
    if (!q.exec())
        return false;
    QList<Op> pendingOps;
    while (q.next())
        pendingOps.append(opFromBytes(q.value(0).toByteArray()));
    q.finish();
    for (const Op &mine : std::as_const(pendingOps)) {
        for (auto it = mine.fields.begin(); it != mine.fields.end(); ++it) {
            if (!lost(mine, it.key()))
                continue;
            const Hlc theirStamp = entity.fields.value(it.key()).stamp;
            if (!recordConflict(entity, it.key(), it.value(), originOf(theirStamp)))
                return false;
        }
    }
    return true;
}

void LocalStore::rememberAcked(const Op &op, qint64 ackedAt)
{
    if (isCompletion(op))
        return; // never reported as lost (findConflicts)
    if (m_ackedWrites.size() >= kAckedWritesKept) {
        const qint64 hourAgo = ackedAt - 3600 * 1000;
        m_ackedWrites.removeIf([hourAgo](const auto &it) { return it.value().ackedAt < hourAgo; });
        if (m_ackedWrites.size() >= kAckedWritesKept)
            m_ackedWrites.clear();
    }
    const QString entityId = op.entityId();
    for (auto it = op.fields.begin(); it != op.fields.end(); ++it)
        m_ackedWrites.insert({entityId, it.key()}, AckedWrite {it.value(), op.stamp, ackedAt});
}

bool LocalStore::noteStamp(const Hlc &stamp)
{
    if (!(m_highestStamp < stamp))
        return true;
    m_highestStamp = stamp;
    QSqlQuery &q = m_statements.get(
        "INSERT OR REPLACE INTO identity (key, value) VALUES ('highest_stamp', ?)");
    const store::QueryDone done(q);
    q.addBindValue(stamp.toString());
    return q.exec();
}

bool LocalStore::setLastSeq(const QString &listId, qint64 seq)
{
    QSqlQuery &q = m_statements.get("INSERT OR REPLACE INTO lists (list_id, seq) VALUES (?, ?)");
    const store::QueryDone done(q);
    q.addBindValue(listId);
    q.addBindValue(seq);
    return q.exec();
}

QStringList LocalStore::knownLists() const
{
    QSqlQuery &q = m_statements.get("SELECT list_id FROM lists");
    const store::QueryDone done(q);
    QStringList out;
    if (q.exec()) {
        while (q.next())
            out.append(q.value(0).toString());
    }
    return out;
}

qint64 LocalStore::lastSeq(const QString &listId) const
{
    QSqlQuery &q = m_statements.get("SELECT seq FROM lists WHERE list_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(listId);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool LocalStore::acknowledge(qint64 mutationId, const Op &serverOp, qint64 seq, Error *error,
                             const Origin &origin)
{
    return acknowledge({Ack {mutationId, serverOp, seq, origin}}, error);
}

bool LocalStore::acknowledge(const QList<Ack> &acks, Error *error)
{
    if (!m_db.transaction()) {
        *error = sqlError(QStringLiteral("cannot record the acknowledgement"));
        return false;
    }
    const qsizetype conflictsBefore = m_newConflicts.size();
    QSqlQuery &drop = m_statements.get("DELETE FROM outbox WHERE mutation_id = ?");
    QSqlQuery &clear = m_statements.get("DELETE FROM failed WHERE entity_id = ?");
    bool ok = true;
    int dropped = 0;
    for (const Ack &a : acks) {
        if (!ok)
            break;
        drop.addBindValue(a.mutationId);
        ok = drop.exec();
        dropped += std::max(0, drop.numRowsAffected());
        clear.addBindValue(a.op.entityId());
        ok = ok && clear.exec();
        const std::optional<Entity> merged = ok ? mergeConfirmed(a.op) : std::nullopt;
        ok = merged && findConflicts(*merged, nullptr, {}, &a.op) &&
            recordActivity(a.op, a.seq, a.origin);
        if (ok)
            rememberAcked(a.op, a.origin.at);
        // The seq only advances without gaps: anything missed comes again in the next
        // catch-up, and merging it again changes nothing.
        if (ok && a.seq == lastSeq(a.op.listId) + 1)
            ok = setLastSeq(a.op.listId, a.seq);
    }
    if (!ok || !commit()) {
        *error = sqlError(QStringLiteral("cannot record the acknowledgement"));
        rollback();
        m_newConflicts.resize(conflictsBefore);
        return false;
    }
    m_pendingCount -= dropped;
    return true;
}

std::optional<LocalStore::Pending> LocalStore::reject(qint64 mutationId, const QString &code,
                                                      const QString &message, Error *error)
{
    QSqlQuery &q = m_statements.get("SELECT op FROM outbox WHERE mutation_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(mutationId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const Pending p {mutationId, opFromBytes(q.value(0).toByteArray())};
    q.finish();
    bool ok = m_db.transaction();
    QSqlQuery &failed = m_statements.get(
        "INSERT OR REPLACE INTO failed (mutation_id, list_id, entity_id, op, code, message, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)");
    failed.addBindValue(mutationId);
    failed.addBindValue(p.op.listId);
    failed.addBindValue(p.op.entityId());
    failed.addBindValue(p.op.toJsonBytes());
    failed.addBindValue(code);
    failed.addBindValue(message);
    failed.addBindValue(QDateTime::currentMSecsSinceEpoch());
    ok = ok && failed.exec();
    QSqlQuery &drop = m_statements.get("DELETE FROM outbox WHERE mutation_id = ?");
    drop.addBindValue(mutationId);
    ok = ok && drop.exec();
    if (!ok || !commit()) {
        *error = sqlError(QStringLiteral("cannot drop the refused change"));
        rollback();
        return std::nullopt;
    }
    --m_pendingCount;
    return p;
}

bool LocalStore::applyRemote(const Op &op, qint64 seq, Error *error, const Origin &origin)
{
    if (!m_db.transaction()) {
        *error = sqlError(QStringLiteral("cannot save a change from the server"));
        return false;
    }
    const qsizetype conflictsBefore = m_newConflicts.size();
    const std::optional<Entity> merged = mergeConfirmed(op);
    bool ok =
        merged && findConflicts(*merged, &op, origin, nullptr) && recordActivity(op, seq, origin);
    // (Not this device's own op come back in a catch-up: learnt when it was made.)
    if (ok && op.stamp.node != m_clientId)
        learn(op, origin.at > 0 ? origin.at : QDateTime::currentMSecsSinceEpoch());
    if (ok && seq == lastSeq(op.listId) + 1)
        ok = setLastSeq(op.listId, seq);
    if (!ok || !commit()) {
        *error = sqlError(QStringLiteral("cannot save a change from the server"));
        rollback();
        m_newConflicts.resize(conflictsBefore);
        return false;
    }
    return true;
}

bool LocalStore::replaceList(const QString &listId, const QList<Entity> &entities, qint64 seq,
                             Error *error)
{
    if (!m_db.transaction()) {
        *error = sqlError(QStringLiteral("cannot save the list"));
        return false;
    }
    const qsizetype conflictsBefore = m_newConflicts.size();
    QSqlQuery &q = m_statements.get("DELETE FROM entities WHERE list_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(listId);
    bool ok = q.exec();
    QSqlQuery &insert =
        m_statements.get("INSERT OR REPLACE INTO entities (id, list_id, state) VALUES (?, ?, ?)");
    for (const Entity &e : entities) {
        if (!ok)
            break;
        insert.addBindValue(e.id);
        insert.addBindValue(e.listId);
        insert.addBindValue(objectBytes(e.toJson()));
        ok = insert.exec() && noteStamp(e.lastStamp());
    }
    // Pending writes the snapshot's newer values beat.
    QSqlQuery &outbox = m_statements.get("SELECT DISTINCT entity_id FROM outbox WHERE list_id = ?");
    outbox.addBindValue(listId);
    QStringList touched;
    if (ok && outbox.exec()) {
        while (outbox.next())
            touched.append(outbox.value(0).toString());
    }
    outbox.finish();
    for (const QString &id : std::as_const(touched)) {
        if (const auto entity = confirmedEntity(id); ok && entity)
            ok = findConflicts(*entity, nullptr, {}, nullptr);
    }
    // A list seen whole (a new device, a list shared anew): its items are known titles.
    if (const auto list = viewEntity(listId); ok && list && isShopping(*list)) {
        for (const Entity &e : entities) {
            if (e.kind == EntityKind::Item)
                remember(list->householdId, e, Learning::Seen, 0);
        }
    }
    ok = ok && setLastSeq(listId, seq);
    if (!ok || !commit()) {
        *error = sqlError(QStringLiteral("cannot save the list"));
        rollback();
        m_newConflicts.resize(conflictsBefore);
        return false;
    }
    return true;
}

Replica LocalStore::confirmed(const QString &listId) const
{
    Replica r;
    QSqlQuery &q = m_statements.get("SELECT state FROM entities WHERE list_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(listId);
    if (!q.exec())
        return r;
    while (q.next()) {
        Entity e;
        if (Entity::fromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object(), &e))
            r.insert(e);
    }
    return r;
}

Replica LocalStore::view(const QString &listId) const
{
    Replica r = confirmed(listId);
    QSqlQuery &q = m_statements.get("SELECT op FROM outbox WHERE list_id = ? ORDER BY mutation_id");
    const store::QueryDone done(q);
    q.addBindValue(listId);
    if (!q.exec())
        return r;
    while (q.next())
        r.apply(opFromBytes(q.value(0).toByteArray()));
    return r;
}

void LocalStore::forEachViewEntity(
    const QString &listId, const std::function<void(const Entity &, bool pending)> &fn) const
{
    const QSet<QString> pending = pendingEntities(listId);
    {
        QSqlQuery &q = m_statements.get("SELECT id, state FROM entities WHERE list_id = ?");
        const store::QueryDone done(q);
        q.addBindValue(listId);
        if (q.exec()) {
            while (q.next()) {
                if (pending.contains(q.value(0).toString()))
                    continue; // below, with its pending changes
                Entity e;
                if (Entity::fromJson(QJsonDocument::fromJson(q.value(1).toByteArray()).object(),
                                     &e))
                    fn(e, false);
            }
        }
    }
    for (const QString &id : pending) {
        if (const auto e = viewEntity(id))
            fn(*e, true);
    }
}

std::optional<Entity> LocalStore::viewEntity(const QString &entityId) const
{
    std::optional<Entity> entity = confirmedEntity(entityId);
    QSqlQuery &q =
        m_statements.get("SELECT op FROM outbox WHERE entity_id = ? ORDER BY mutation_id");
    const store::QueryDone done(q);
    q.addBindValue(entityId);
    if (!q.exec())
        return entity;
    while (q.next()) {
        if (!entity)
            entity = Entity {};
        mergeOp(*entity, opFromBytes(q.value(0).toByteArray()));
    }
    return entity;
}

bool LocalStore::isPendingMutation(qint64 mutationId) const
{
    QSqlQuery &q = m_statements.get("SELECT 1 FROM outbox WHERE mutation_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(mutationId);
    return q.exec() && q.next();
}

bool LocalStore::isPending(const QString &entityId) const
{
    QSqlQuery &q = m_statements.get("SELECT 1 FROM outbox WHERE entity_id = ? LIMIT 1");
    const store::QueryDone done(q);
    q.addBindValue(entityId);
    return q.exec() && q.next();
}

LocalStore::SyncState LocalStore::syncState(const QString &entityId) const
{
    if (isPending(entityId))
        return SyncState::Pending;
    QSqlQuery &q = m_statements.get("SELECT 1 FROM failed WHERE entity_id = ? LIMIT 1");
    const store::QueryDone done(q);
    q.addBindValue(entityId);
    return q.exec() && q.next() ? SyncState::Failed : SyncState::Confirmed;
}

QSet<QString> LocalStore::entityIds(const char *sql, const QString &listId) const
{
    QSqlQuery &q = m_statements.get(sql);
    const store::QueryDone done(q);
    q.addBindValue(listId);
    QSet<QString> out;
    if (q.exec()) {
        while (q.next())
            out.insert(q.value(0).toString());
    }
    return out;
}

QSet<QString> LocalStore::pendingEntities(const QString &listId) const
{
    return entityIds("SELECT DISTINCT entity_id FROM outbox WHERE list_id = ?", listId);
}

QSet<QString> LocalStore::failedEntities(const QString &listId) const
{
    return entityIds("SELECT DISTINCT entity_id FROM failed WHERE list_id = ?", listId);
}

QList<LocalStore::Failure> LocalStore::failures(const QString &listId) const
{
    QSqlQuery &q = m_statements.get("SELECT mutation_id, op, code, message, at FROM failed"
                                    " WHERE list_id = ? ORDER BY mutation_id");
    const store::QueryDone done(q);
    q.addBindValue(listId);
    QList<Failure> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append(Failure {q.value(0).toLongLong(), opFromBytes(q.value(1).toByteArray()),
                            q.value(2).toString(), q.value(3).toString(), q.value(4).toLongLong()});
    return out;
}

bool LocalStore::dismissFailure(qint64 mutationId)
{
    QSqlQuery &q = m_statements.get("DELETE FROM failed WHERE mutation_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(mutationId);
    return q.exec();
}

QList<LocalStore::Conflict> LocalStore::conflicts(const QString &listId) const
{
    QSqlQuery &q =
        m_statements.get("SELECT entity_id, field, mine, theirs, their_by, at FROM conflicts"
                         " WHERE list_id = ? AND dismissed = 0 ORDER BY at, entity_id, field");
    const store::QueryDone done(q);
    q.addBindValue(listId);
    QList<Conflict> out;
    if (!q.exec())
        return out;
    while (q.next()) {
        const QString by = q.value(4).toString();
        out.append(Conflict {q.value(0).toString(), listId, q.value(1).toString(),
                             valueFromBytes(q.value(2).toByteArray()),
                             valueFromBytes(q.value(3).toByteArray()), by, personName(by),
                             q.value(5).toLongLong()});
    }
    return out;
}

bool LocalStore::dismissConflict(const QString &entityId, const QString &field)
{
    QSqlQuery &q =
        m_statements.get("UPDATE conflicts SET dismissed = 1 WHERE entity_id = ? AND field = ?");
    const store::QueryDone done(q);
    q.addBindValue(entityId);
    q.addBindValue(field);
    return q.exec();
}

QList<LocalStore::Conflict> LocalStore::takeNewConflicts()
{
    return std::exchange(m_newConflicts, {});
}

namespace {
QList<LocalStore::Activity> readActivity(QSqlQuery &q, const LocalStore &store)
{
    QList<LocalStore::Activity> out;
    while (q.next()) {
        const QString by = q.value(3).toString();
        out.append(LocalStore::Activity {
            q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(), by,
            store.personName(by), q.value(4).toLongLong(), opFromBytes(q.value(5).toByteArray()),
            q.value(6).toString()});
    }
    return out;
}
} // namespace

QList<LocalStore::Activity> LocalStore::activity(const QString &listId, qint64 beforeSeq,
                                                 int limit) const
{
    QSqlQuery &q =
        m_statements.get("SELECT list_id, seq, household_id, by, at, op, via FROM activity"
                         " WHERE list_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?");
    const store::QueryDone done(q);
    q.addBindValue(listId);
    q.addBindValue(beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max());
    q.addBindValue(limit);
    if (!q.exec())
        return {};
    return readActivity(q, *this);
}

QList<LocalStore::Activity> LocalStore::householdActivity(const QString &householdId,
                                                          const Activity *after, int limit) const
{
    QSqlQuery &q = m_statements.get(
        "SELECT list_id, seq, household_id, by, at, op, via FROM activity WHERE household_id = ?"
        " AND (at < ? OR (at = ? AND (list_id < ? OR (list_id = ? AND seq < ?))))"
        " ORDER BY at DESC, list_id DESC, seq DESC LIMIT ?");
    const store::QueryDone done(q);
    const qint64 at = after ? after->at : std::numeric_limits<qint64>::max();
    q.addBindValue(householdId);
    q.addBindValue(at);
    q.addBindValue(at);
    q.addBindValue(after ? after->listId : QString());
    q.addBindValue(after ? after->listId : QString());
    q.addBindValue(after ? after->seq : 0);
    q.addBindValue(limit);
    if (!q.exec())
        return {};
    return readActivity(q, *this);
}

bool LocalStore::cacheActivity(const QList<Activity> &entries, Error *error)
{
    bool ok = m_db.transaction();
    for (const Activity &a : entries) {
        if (!ok)
            break;
        ok = recordActivity(a.op, a.seq, Origin {a.by, a.byName, a.at, a.via}, a.householdId);
    }
    if (!ok || !commit()) {
        *error = sqlError(QStringLiteral("cannot save the activity"));
        rollback();
        return false;
    }
    return true;
}

bool LocalStore::setHouseholds(const QList<QJsonObject> &households, Error *error)
{
    QSqlQuery q(m_db);
    bool ok = m_db.transaction() && q.exec(QStringLiteral("DELETE FROM households"));
    for (const QJsonObject &h : households) {
        if (!ok)
            break;
        ok =
            q.prepare(QStringLiteral("INSERT OR REPLACE INTO households (id, json) VALUES (?, ?)"));
        q.addBindValue(h.value(QStringLiteral("id")).toString());
        q.addBindValue(objectBytes(h));
        ok = ok && q.exec();
    }
    // Members of households this account no longer belongs to go too.
    ok = ok &&
        q.exec(QStringLiteral(
            "DELETE FROM members WHERE household_id NOT IN (SELECT id FROM households)"));
    if (!ok || !commit()) {
        *error = sqlError(QStringLiteral("cannot save the households"));
        rollback();
        return false;
    }
    return true;
}

QList<QJsonObject> LocalStore::households() const
{
    QSqlQuery q(m_db);
    QList<QJsonObject> out;
    if (!q.exec(QStringLiteral("SELECT json FROM households")))
        return out;
    while (q.next())
        out.append(QJsonDocument::fromJson(q.value(0).toByteArray()).object());
    std::sort(out.begin(), out.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("name"))
                   .toString()
                   .localeAwareCompare(b.value(QStringLiteral("name")).toString()) < 0;
    });
    return out;
}

bool LocalStore::setMembers(const QString &householdId, const QList<QJsonObject> &members,
                            Error *error)
{
    QSqlQuery q(m_db);
    bool ok = m_db.transaction() &&
        q.prepare(QStringLiteral("DELETE FROM members WHERE household_id = ?"));
    q.addBindValue(householdId);
    ok = ok && q.exec();
    for (const QJsonObject &m : members) {
        if (!ok)
            break;
        const QString userId = m.value(QStringLiteral("userId")).toString();
        ok = q.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO members (household_id, user_id, json) VALUES (?, ?, ?)"));
        q.addBindValue(householdId);
        q.addBindValue(userId);
        q.addBindValue(objectBytes(m));
        ok = ok && q.exec() && setPerson(userId, m.value(QStringLiteral("displayName")).toString());
    }
    if (!ok || !commit()) {
        *error = sqlError(QStringLiteral("cannot save the members"));
        rollback();
        return false;
    }
    return true;
}

QList<QJsonObject> LocalStore::members(const QString &householdId) const
{
    QSqlQuery &q = m_statements.get("SELECT json FROM members WHERE household_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(householdId);
    QList<QJsonObject> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append(QJsonDocument::fromJson(q.value(0).toByteArray()).object());
    return out;
}

bool LocalStore::setPerson(const QString &userId, const QString &displayName)
{
    if (userId.isEmpty() || displayName.isEmpty())
        return true;
    QSqlQuery &q =
        m_statements.get("INSERT OR REPLACE INTO people (user_id, display_name) VALUES (?, ?)");
    const store::QueryDone done(q);
    q.addBindValue(userId);
    q.addBindValue(displayName);
    return q.exec();
}

bool LocalStore::reminderFired(const QString &itemId, const QString &due) const
{
    QSqlQuery &q = m_statements.get("SELECT 1 FROM reminders_fired WHERE item_id = ? AND due = ?");
    const store::QueryDone done(q);
    q.addBindValue(itemId);
    q.addBindValue(due);
    return q.exec() && q.next();
}

bool LocalStore::markReminderFired(const QString &itemId, const QString &due, qint64 firedAt)
{
    QSqlQuery &q = m_statements.get(
        "INSERT OR IGNORE INTO reminders_fired (item_id, due, fired_at) VALUES (?, ?, ?)");
    const store::QueryDone done(q);
    q.addBindValue(itemId);
    q.addBindValue(due);
    q.addBindValue(firedAt);
    return q.exec();
}

bool LocalStore::forgetRemindersBefore(qint64 firedAt)
{
    QSqlQuery &q = m_statements.get("DELETE FROM reminders_fired WHERE fired_at < ?");
    const store::QueryDone done(q);
    q.addBindValue(firedAt);
    return q.exec();
}

QString LocalStore::personName(const QString &userId) const
{
    QSqlQuery &q = m_statements.get("SELECT display_name FROM people WHERE user_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(userId);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

QList<Entity> LocalStore::lists(const QString &householdId) const
{
    // Confirmed lists, with this device's pending changes to them (a list made offline).
    Replica all;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT state FROM entities WHERE id = list_id"))) {
        while (q.next()) {
            Entity e;
            if (Entity::fromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object(), &e))
                all.insert(e);
        }
    }
    q.finish();
    if (q.exec(QStringLiteral(
            "SELECT op FROM outbox WHERE entity_id = list_id ORDER BY mutation_id"))) {
        while (q.next())
            all.apply(opFromBytes(q.value(0).toByteArray()));
    }
    q.finish();
    QList<Entity> out;
    for (const Entity &e : all.entities()) {
        if (e.householdId == householdId)
            out.append(e);
    }
    std::sort(out.begin(), out.end(), [](const Entity &a, const Entity &b) {
        const QString pa = a.value(QStringLiteral("position")).toString();
        const QString pb = b.value(QStringLiteral("position")).toString();
        return pa != pb ? pa < pb : a.id < b.id;
    });
    return out;
}

bool LocalStore::isShopping(const Entity &list)
{
    return list.kind == EntityKind::List &&
        list.value(QStringLiteral("kind")).toString() == QLatin1String("shopping");
}

void LocalStore::learn(const Op &op, qint64 at)
{
    if (op.type != Op::Type::ItemCreate && op.type != Op::Type::ItemSet)
        return;
    // Added: made, or put back on the list (unchecked: to be bought again). Any other
    // change of its title, category or unit teaches those without counting a use.
    const bool added = op.type == Op::Type::ItemCreate ||
        op.fields.value(QStringLiteral("done")) == QJsonValue(false);
    if (!added && !op.fields.contains(QStringLiteral("title")) &&
        !op.fields.contains(QStringLiteral("category")) &&
        !op.fields.contains(QStringLiteral("unit")))
        return;
    const std::optional<Entity> list = viewEntity(op.listId);
    if (!list || !isShopping(*list))
        return;
    const std::optional<Entity> item = viewEntity(op.entityId());
    if (item)
        remember(list->householdId, *item, added ? Learning::Added : Learning::Edited, at);
}

void LocalStore::remember(const QString &householdId, const Entity &item, Learning how, qint64 at)
{
    const QString title = item.value(QStringLiteral("title")).toString().simplified();
    if (title.isEmpty() || householdId.isEmpty())
        return;
    // (Never a null QString: it would be bound as NULL.)
    const QString category =
        QStringLiteral("") + item.value(QStringLiteral("category")).toString().simplified();
    const QString unit =
        QStringLiteral("") + item.value(QStringLiteral("unit")).toString().simplified();
    // Seen: known from now on, counted once. Added: once more, and now. Edited: its
    // category and unit, no count. An empty category or unit forgets none of the last.
    QSqlQuery &q = m_statements.get(
        "INSERT INTO titles (household_id, key, title, category, unit, uses, last_used)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (household_id, key) DO UPDATE SET"
        " title = CASE WHEN ? THEN excluded.title ELSE title END,"
        " category = CASE WHEN excluded.category <> '' AND ? THEN excluded.category"
        " ELSE category END,"
        " unit = CASE WHEN excluded.unit <> '' AND ? THEN excluded.unit ELSE unit END,"
        " uses = uses + CASE WHEN ? THEN 1 ELSE 0 END,"
        " last_used = max(last_used, excluded.last_used)");
    const store::QueryDone done(q);
    const bool added = how == Learning::Added;
    const bool seen = how == Learning::Seen;
    q.addBindValue(householdId);
    q.addBindValue(title.toCaseFolded());
    q.addBindValue(title);
    q.addBindValue(category);
    q.addBindValue(unit);
    q.addBindValue(how == Learning::Edited ? 0 : 1);
    // A title seen in a list sent whole was last added when its item was made.
    q.addBindValue(seen ? qint64(item.value(QStringLiteral("createdAt")).toDouble()) : at);
    q.addBindValue(added); // the spelling of the latest
    q.addBindValue(!seen); // a snapshot teaches nothing new of a known title
    q.addBindValue(!seen);
    q.addBindValue(added);
    // What quick entry remembers is a help, not the change: a failure here loses none.
    if (!q.exec())
        qCWarning(lcClientStore) << "cannot remember the title:" << q.lastError().text();
}

bool LocalStore::learnAll()
{
    if (!m_db.transaction())
        return false;
    QHash<QString, Entity> lists;
    QList<Entity> items;
    QSqlQuery q(m_db);
    bool ok = q.exec(QStringLiteral("SELECT state FROM entities"));
    while (ok && q.next()) {
        Entity e;
        if (!Entity::fromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object(), &e))
            continue;
        if (e.kind == EntityKind::List)
            lists.insert(e.id, e);
        else
            items.append(e);
    }
    q.finish();
    for (const Entity &item : std::as_const(items)) {
        const auto list = lists.constFind(item.listId);
        if (ok && list != lists.constEnd() && isShopping(*list))
            remember(list->householdId, item, Learning::Seen, 0);
    }
    ok = ok && q.exec(QStringLiteral("DELETE FROM identity WHERE key = 'titles_to_learn'"));
    if (!ok || !commit()) {
        rollback();
        return false;
    }
    return true;
}

QList<LocalStore::Remembered> LocalStore::suggestions(const QString &householdId,
                                                      const QString &typed, int limit) const
{
    // Each word typed as the start of a word of the title: "oat mi" finds "Oat milk".
    QStringList terms;
    for (const QString &word : typed.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        QString quoted = word;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        terms << QLatin1Char('"') + quoted + QStringLiteral("\"*");
    }
    QList<Remembered> out;
    if (terms.isEmpty() || limit <= 0)
        return out;
    // Ranked by how often, fading over weeks unused: a title added 10 times last year
    // gives way to one added 3 times this month.
    QSqlQuery &q = m_statements.get(
        "SELECT t.title, t.category, t.unit, t.uses, t.last_used FROM titles_search s"
        " JOIN titles t ON t.rowid = s.rowid WHERE titles_search MATCH ? AND t.household_id = ?"
        " ORDER BY (t.uses + 1.0) / (1.0 + max(0, ? - t.last_used) / 1209600000.0) DESC,"
        " t.last_used DESC, t.title LIMIT ?");
    const store::QueryDone done(q);
    q.addBindValue(terms.join(QLatin1Char(' ')));
    q.addBindValue(householdId);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    q.value(3).toInt(), q.value(4).toLongLong()});
    return out;
}

std::optional<LocalStore::Remembered> LocalStore::remembered(const QString &householdId,
                                                             const QString &title) const
{
    QSqlQuery &q = m_statements.get("SELECT title, category, unit, uses, last_used FROM titles"
                                    " WHERE household_id = ? AND key = ?");
    const store::QueryDone done(q);
    q.addBindValue(householdId);
    q.addBindValue(title.simplified().toCaseFolded());
    if (!q.exec() || !q.next())
        return std::nullopt;
    return Remembered {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toInt(), q.value(4).toLongLong()};
}

} // namespace kinlist::client
