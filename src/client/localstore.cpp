#include "localstore.h"

#include "clientlogging.h"
#include "core/uuid.h"
#include "store/migrations.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace kinlist::client {

namespace {
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
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next()) {
        *error = sqlError(QStringLiteral("cannot use WAL"));
        return false;
    }
    // FULL: an edit the user saw must survive a power cut, not only a crash.
    q.exec(QStringLiteral("PRAGMA synchronous=FULL"));
    if (!migrate(error))
        return false;
    if (!q.exec(QStringLiteral("SELECT value FROM identity WHERE key = 'client_id'"))) {
        *error = sqlError(QStringLiteral("cannot read the client id"));
        return false;
    }
    if (q.next()) {
        m_clientId = q.value(0).toString();
    } else {
        m_clientId = createUuid();
        q.prepare(QStringLiteral("INSERT INTO identity (key, value) VALUES ('client_id', ?)"));
        q.addBindValue(m_clientId);
        if (!q.exec()) {
            *error = sqlError(QStringLiteral("cannot save the client id"));
            return false;
        }
    }
    return true;
}

void LocalStore::close()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool LocalStore::migrate(Error *error)
{
    const QString failure =
        store::migrate(m_db, {migrateTo1},
                       QStringLiteral("this local database was written by a newer "
                                      "Kinlist (schema %1, this one knows %2)"));
    if (!failure.isEmpty())
        *error = Error {ErrorCode::StorageError, failure};
    return failure.isEmpty();
}

std::optional<qint64> LocalStore::enqueue(const Op &op, Error *error)
{
    if (!m_db.transaction()) {
        *error = sqlError(QStringLiteral("cannot save the change"));
        return std::nullopt;
    }
    // Mutation ids keep rising for the life of this client id, also when the outbox empties.
    QSqlQuery q(m_db);
    qint64 next = 1;
    if (q.exec(QStringLiteral("SELECT value FROM identity WHERE key = 'next_mutation_id'")) &&
        q.next())
        next = q.value(0).toLongLong();
    q.finish();
    bool ok = q.prepare(
        QStringLiteral("INSERT INTO outbox (mutation_id, list_id, entity_id, op, created_at)"
                       " VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(next);
    q.addBindValue(op.listId);
    q.addBindValue(op.entityId());
    q.addBindValue(op.toJsonBytes());
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    ok = ok && q.exec();
    ok = ok &&
        q.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO identity (key, value) VALUES ('next_mutation_id', ?)"));
    q.addBindValue(QString::number(next + 1));
    ok = ok && q.exec();
    if (!ok || !m_db.commit()) {
        *error = sqlError(QStringLiteral("cannot save the change"));
        m_db.rollback();
        return std::nullopt;
    }
    return next;
}

QList<LocalStore::Pending> LocalStore::pending(int limit) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT mutation_id, op FROM outbox ORDER BY mutation_id LIMIT ?"));
    q.addBindValue(limit);
    QList<Pending> out;
    if (!q.exec())
        return out;
    while (q.next())
        out.append(Pending {q.value(0).toLongLong(), opFromBytes(q.value(1).toByteArray())});
    return out;
}

int LocalStore::pendingCount() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM outbox")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

bool LocalStore::mergeConfirmed(const Op &op)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT state FROM entities WHERE id = ?"));
    q.addBindValue(op.entityId());
    if (!q.exec())
        return false;
    Entity entity;
    if (q.next() &&
        !Entity::fromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object(), &entity))
        qCWarning(lcClientStore) << "replacing an unreadable entity" << op.entityId();
    q.finish();
    mergeOp(entity, op);
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO entities (id, list_id, state) VALUES (?, ?, ?)"));
    q.addBindValue(entity.id);
    q.addBindValue(entity.listId);
    q.addBindValue(QJsonDocument(entity.toJson()).toJson(QJsonDocument::Compact));
    return q.exec();
}

bool LocalStore::setLastSeq(const QString &listId, qint64 seq)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO lists (list_id, seq) VALUES (?, ?)"));
    q.addBindValue(listId);
    q.addBindValue(seq);
    return q.exec();
}

qint64 LocalStore::lastSeq(const QString &listId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT seq FROM lists WHERE list_id = ?"));
    q.addBindValue(listId);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool LocalStore::acknowledge(qint64 mutationId, const Op &serverOp, qint64 seq, Error *error)
{
    if (!m_db.transaction()) {
        *error = sqlError(QStringLiteral("cannot record the acknowledgement"));
        return false;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE mutation_id = ?"));
    q.addBindValue(mutationId);
    bool ok = q.exec() && mergeConfirmed(serverOp);
    // The seq only advances without gaps: anything missed comes again in the next catch-up,
    // and merging it again changes nothing.
    if (ok && seq == lastSeq(serverOp.listId) + 1)
        ok = setLastSeq(serverOp.listId, seq);
    if (!ok || !m_db.commit()) {
        *error = sqlError(QStringLiteral("cannot record the acknowledgement"));
        m_db.rollback();
        return false;
    }
    return true;
}

std::optional<LocalStore::Pending> LocalStore::reject(qint64 mutationId, Error *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT op FROM outbox WHERE mutation_id = ?"));
    q.addBindValue(mutationId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const Pending p {mutationId, opFromBytes(q.value(0).toByteArray())};
    q.finish();
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE mutation_id = ?"));
    q.addBindValue(mutationId);
    if (!q.exec()) {
        *error = sqlError(QStringLiteral("cannot drop the refused change"));
        return std::nullopt;
    }
    return p;
}

bool LocalStore::applyRemote(const Op &op, qint64 seq, Error *error)
{
    if (!m_db.transaction()) {
        *error = sqlError(QStringLiteral("cannot save a change from the server"));
        return false;
    }
    bool ok = mergeConfirmed(op);
    if (ok && seq == lastSeq(op.listId) + 1)
        ok = setLastSeq(op.listId, seq);
    if (!ok || !m_db.commit()) {
        *error = sqlError(QStringLiteral("cannot save a change from the server"));
        m_db.rollback();
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
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM entities WHERE list_id = ?"));
    q.addBindValue(listId);
    bool ok = q.exec();
    for (const Entity &e : entities) {
        if (!ok)
            break;
        q.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO entities (id, list_id, state) VALUES (?, ?, ?)"));
        q.addBindValue(e.id);
        q.addBindValue(e.listId);
        q.addBindValue(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact));
        ok = q.exec();
    }
    ok = ok && setLastSeq(listId, seq);
    if (!ok || !m_db.commit()) {
        *error = sqlError(QStringLiteral("cannot save the list"));
        m_db.rollback();
        return false;
    }
    return true;
}

Replica LocalStore::confirmed(const QString &listId) const
{
    Replica r;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT state FROM entities WHERE list_id = ?"));
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
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT op FROM outbox WHERE list_id = ? ORDER BY mutation_id"));
    q.addBindValue(listId);
    if (!q.exec())
        return r;
    while (q.next())
        r.apply(opFromBytes(q.value(0).toByteArray()));
    return r;
}

bool LocalStore::isPendingMutation(qint64 mutationId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM outbox WHERE mutation_id = ?"));
    q.addBindValue(mutationId);
    return q.exec() && q.next();
}

bool LocalStore::isPending(const QString &entityId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM outbox WHERE entity_id = ? LIMIT 1"));
    q.addBindValue(entityId);
    return q.exec() && q.next();
}

} // namespace kinlist::client
