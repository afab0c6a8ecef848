#include "serverstore.h"

#include "logging.h"
#include "serverconfig.h"
#include "store/migrations.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>
#include <QVariant>

#include <algorithm>
#include <functional>

#include <sqlite3.h>

// The op log's insert (SQLite binds it through its own API, PostgreSQL adds RETURNING).
#define KINLIST_INSERT_OP                                                                          \
    "INSERT INTO ops (list_id, seq, household_id, user_id, client_id, mutation_id, at, op)"        \
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
#define KINLIST_INSERT_INDEX "INSERT INTO op_index (list_id, seq, gid) VALUES (?, ?, ?)"

// (SQLite) op_index holds the op log's ops up to this gid by list (those of some lists
// further: see ServerStore::opIndexBucket); the later ones (normally 1,792 to 2,048 and one
// batch) are found by reading the end of the log (see migrateTo4 and migrateTo5).
#define KINLIST_INDEXED_GID "(SELECT value FROM meta WHERE key = 'indexed_gid')"
// The newest seq of the list `list` (a column, or "?" bound twice).
#define KINLIST_HEAD_SEQ(list)                                                                     \
    "max(COALESCE((SELECT max(seq) FROM op_index WHERE list_id = " list "), 0),"                   \
    " COALESCE((SELECT max(seq) FROM ops WHERE gid > " KINLIST_INDEXED_GID " AND list_id = " list  \
    "), 0))"
// The seq and gid of a list's ops where `where` (on seq and gid) holds, from both parts:
// binds the list and the values of `where`, twice.
// (The index part stops at indexed_gid: a list's bucket may be indexed beyond it, and those
// ops are read from the log's end as well.)
#define KINLIST_LIST_OPS(where)                                                                    \
    "SELECT seq, gid FROM op_index WHERE list_id = ? AND gid <= " KINLIST_INDEXED_GID              \
    " AND " where " UNION ALL SELECT seq, gid FROM ops WHERE gid > " KINLIST_INDEXED_GID           \
    " AND list_id = ? AND " where
#define KINLIST_LIST_OPS_AFTER_SEQ KINLIST_LIST_OPS("seq > ?")
#define KINLIST_LIST_OPS_BEFORE_GID KINLIST_LIST_OPS("gid < ?")

namespace kinlist::server {

namespace {

// Resets a reused statement when a method is done with it. A SELECT left unfinished keeps
// its read transaction open: later writes on this connection would fail with "database is
// locked" once another connection wrote, and the WAL could never be checkpointed past it.
// One function per schema step; each runs in its own transaction.
bool migrateTo1(QSqlQuery &q)
{
    return store::execAll(
        q,
        {
            "CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
            " display_name TEXT NOT NULL, password_hash TEXT NOT NULL, created_at INTEGER NOT "
            "NULL)",
            "CREATE TABLE refresh_tokens (hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES "
            "users(id),"
            " family_id TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,"
            " used INTEGER NOT NULL DEFAULT 0, revoked INTEGER NOT NULL DEFAULT 0)",
            "CREATE INDEX refresh_tokens_family ON refresh_tokens(family_id)",
            "CREATE INDEX refresh_tokens_user ON refresh_tokens(user_id)",
            "CREATE TABLE households (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_by TEXT NOT "
            "NULL,"
            " created_at INTEGER NOT NULL)",
            "CREATE TABLE members (household_id TEXT NOT NULL REFERENCES households(id),"
            " user_id TEXT NOT NULL REFERENCES users(id), role TEXT NOT NULL, joined_at INTEGER "
            "NOT "
            "NULL,"
            " PRIMARY KEY (household_id, user_id))",
            "CREATE INDEX members_user ON members(user_id)",
            "CREATE TABLE invites (code TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES "
            "households(id),"
            " created_by TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,"
            " max_uses INTEGER NOT NULL, uses INTEGER NOT NULL DEFAULT 0)",
            "CREATE TABLE clients (client_id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES "
            "users(id),"
            " device TEXT NOT NULL DEFAULT '', last_mutation_id INTEGER NOT NULL DEFAULT 0,"
            " last_seen INTEGER NOT NULL)",
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
            "CREATE TABLE lists (id TEXT PRIMARY KEY, household_id TEXT NOT NULL REFERENCES "
            "households(id),"
            " created_at INTEGER NOT NULL, snapshot_seq INTEGER NOT NULL DEFAULT 0)",
            "CREATE INDEX lists_household ON lists(household_id)",
            "CREATE TABLE entities (id TEXT PRIMARY KEY, list_id TEXT NOT NULL, kind TEXT NOT NULL,"
            " state BLOB NOT NULL)", // JSON
            "CREATE INDEX entities_list ON entities(list_id)",
            "CREATE TABLE ops (gid INTEGER PRIMARY KEY, list_id TEXT NOT NULL, seq INTEGER NOT "
            "NULL,"
            " household_id TEXT NOT NULL, user_id TEXT NOT NULL, client_id TEXT NOT NULL,"
            " mutation_id INTEGER NOT NULL, at INTEGER NOT NULL, op BLOB NOT NULL,"
            " UNIQUE (list_id, seq))",
            "CREATE TABLE rejects (client_id TEXT NOT NULL, mutation_id INTEGER NOT NULL,"
            " code TEXT NOT NULL, message TEXT NOT NULL, PRIMARY KEY (client_id, mutation_id))",
        });
}

// Pairing codes for kitchen tablets are invites that give the kiosk role.
bool migrateTo2(QSqlQuery &q)
{
    return store::execAll(q,
                          {"ALTER TABLE invites ADD COLUMN role TEXT NOT NULL DEFAULT 'member'"});
}

// Paired tablets are marked as devices (they stay devices after being removed from their
// household); a token generation per account lets "sign out everywhere" end access tokens
// at once; refresh tokens remember who exchanged them and for what, for the grace period
// that survives a lost rotation reply.
bool migrateTo3(QSqlQuery &q)
{
    return store::execAll(
        q,
        {
            "ALTER TABLE users ADD COLUMN device INTEGER NOT NULL DEFAULT 0",
            "UPDATE users SET device = 1 WHERE password_hash = '!' AND email LIKE "
            "'kiosk-%@devices.invalid'",
            "ALTER TABLE users ADD COLUMN token_gen INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE refresh_tokens ADD COLUMN used_at INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE refresh_tokens ADD COLUMN used_by TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE refresh_tokens ADD COLUMN successor TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE refresh_tokens ADD COLUMN grace_used INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE refresh_tokens ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0",
        });
}

// The op log loses its index on (list_id, seq), which cost every op a random page write (a
// commit of ops to 8 lists wrote 8 of its leaves): op_index takes its place, written in
// bulk for all ops up to meta 'indexed_gid' (ServerStore::indexOps), and the ops after that
// are found by reading the end of the log. (The table is copied: SQLite cannot drop a
// constraint's index.)
bool migrateTo4(QSqlQuery &q)
{
    return store::execAll(
        q,
        {
            "CREATE TABLE ops_log (gid INTEGER PRIMARY KEY, list_id TEXT NOT NULL,"
            " seq INTEGER NOT NULL, household_id TEXT NOT NULL, user_id TEXT NOT NULL,"
            " client_id TEXT NOT NULL, mutation_id INTEGER NOT NULL, at INTEGER NOT NULL,"
            " op BLOB NOT NULL)",
            "INSERT INTO ops_log SELECT gid, list_id, seq, household_id, user_id, client_id,"
            " mutation_id, at, op FROM ops ORDER BY gid",
            "DROP TABLE ops",
            "ALTER TABLE ops_log RENAME TO ops",
            "CREATE TABLE op_index (list_id TEXT NOT NULL, seq INTEGER NOT NULL,"
            " gid INTEGER NOT NULL, PRIMARY KEY (list_id, seq)) WITHOUT ROWID",
            "INSERT INTO op_index SELECT list_id, seq, gid FROM ops ORDER BY list_id, seq",
            "INSERT INTO meta (key, value) VALUES"
            " ('indexed_gid', (SELECT COALESCE(max(gid), 0) FROM ops))"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        });
}

// The op index is brought up to date a bucket of lists at a time (ServerStore::opIndexBucket),
// one bucket every 256 ops, not all lists every 2,048: a pass over 1,000 lists held the event
// loop for 25-38 ms. Meta 'indexed_gid.<bucket>' says how far each bucket goes, and
// 'indexed_gid' stays the lowest of them: how far the index goes for every list.
// And the clients are kept in client id order (WITHOUT ROWID): their progress is saved in
// slices of client ids in order (SyncServer::saveClientProgress), each a few neighbouring
// pages; in a rowid table, in the order the clients first came, a slice of 128 clients
// touched about a hundred pages, each written to the WAL again by every slice.
bool migrateTo5(QSqlQuery &q)
{
    return store::execAll(
        q,
        {
            "WITH RECURSIVE b(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM b WHERE k < 7)"
            " INSERT INTO meta (key, value) SELECT 'indexed_gid.' || k,"
            " (SELECT value FROM meta WHERE key = 'indexed_gid') FROM b",
            "CREATE TABLE clients_by_id (client_id TEXT PRIMARY KEY, user_id TEXT NOT NULL"
            " REFERENCES users(id), device TEXT NOT NULL DEFAULT '', last_mutation_id INTEGER"
            " NOT NULL DEFAULT 0, last_seen INTEGER NOT NULL) WITHOUT ROWID",
            "INSERT INTO clients_by_id SELECT client_id, user_id, device, last_mutation_id,"
            " last_seen FROM clients",
            "DROP TABLE clients",
            "ALTER TABLE clients_by_id RENAME TO clients",
        });
}

// PostgreSQL (several nodes on one database): its own steps, starting from the schema the
// SQLite steps above have reached. Times in ms need BIGINT; the op log's gid is an
// identity; emails are unique and found without regard to case, as SQLite's NOCASE; the
// token secret is kept in the database, so that every node signs and checks with it.
bool postgresTo1(QSqlQuery &q)
{
    return store::execAll(
        q,
        {
            "CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL,"
            " display_name TEXT NOT NULL, password_hash TEXT NOT NULL, created_at BIGINT NOT NULL,"
            " device INTEGER NOT NULL DEFAULT 0, token_gen BIGINT NOT NULL DEFAULT 0)",
            "CREATE UNIQUE INDEX users_email ON users (lower(email))",
            "CREATE TABLE refresh_tokens (hash TEXT PRIMARY KEY,"
            " user_id TEXT NOT NULL REFERENCES users(id), family_id TEXT NOT NULL,"
            " created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL,"
            " used INTEGER NOT NULL DEFAULT 0, revoked INTEGER NOT NULL DEFAULT 0,"
            " used_at BIGINT NOT NULL DEFAULT 0, used_by TEXT NOT NULL DEFAULT '',"
            " successor TEXT NOT NULL DEFAULT '', grace_used INTEGER NOT NULL DEFAULT 0,"
            " superseded INTEGER NOT NULL DEFAULT 0)",
            "CREATE INDEX refresh_tokens_family ON refresh_tokens(family_id)",
            "CREATE INDEX refresh_tokens_user ON refresh_tokens(user_id)",
            "CREATE TABLE households (id TEXT PRIMARY KEY, name TEXT NOT NULL,"
            " created_by TEXT NOT NULL, created_at BIGINT NOT NULL)",
            "CREATE TABLE members (household_id TEXT NOT NULL REFERENCES households(id),"
            " user_id TEXT NOT NULL REFERENCES users(id), role TEXT NOT NULL,"
            " joined_at BIGINT NOT NULL, PRIMARY KEY (household_id, user_id))",
            "CREATE INDEX members_user ON members(user_id)",
            "CREATE TABLE invites (code TEXT PRIMARY KEY,"
            " household_id TEXT NOT NULL REFERENCES households(id), created_by TEXT NOT NULL,"
            " created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, max_uses INTEGER NOT NULL,"
            " uses INTEGER NOT NULL DEFAULT 0, role TEXT NOT NULL DEFAULT 'member')",
            "CREATE TABLE clients (client_id TEXT PRIMARY KEY,"
            " user_id TEXT NOT NULL REFERENCES users(id), device TEXT NOT NULL DEFAULT '',"
            " last_mutation_id BIGINT NOT NULL DEFAULT 0, last_seen BIGINT NOT NULL)",
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL)",
            "CREATE TABLE secrets (name TEXT PRIMARY KEY, value BYTEA NOT NULL)",
            "CREATE TABLE lists (id TEXT PRIMARY KEY,"
            " household_id TEXT NOT NULL REFERENCES households(id),"
            " created_at BIGINT NOT NULL, snapshot_seq BIGINT NOT NULL DEFAULT 0)",
            "CREATE INDEX lists_household ON lists(household_id)",
            "CREATE TABLE entities (id TEXT PRIMARY KEY, list_id TEXT NOT NULL, kind TEXT NOT NULL,"
            " state BYTEA NOT NULL)",
            "CREATE INDEX entities_list ON entities(list_id)",
            "CREATE TABLE ops (gid BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            " list_id TEXT NOT NULL, seq BIGINT NOT NULL, household_id TEXT NOT NULL,"
            " user_id TEXT NOT NULL, client_id TEXT NOT NULL, mutation_id BIGINT NOT NULL,"
            " at BIGINT NOT NULL, op BYTEA NOT NULL, UNIQUE (list_id, seq))",
            "CREATE TABLE rejects (client_id TEXT NOT NULL, mutation_id BIGINT NOT NULL,"
            " code TEXT NOT NULL, message TEXT NOT NULL, PRIMARY KEY (client_id, mutation_id))",
        });
}

// Presence across nodes: who has which list open on which node. A node's rows go with the
// node's own (ON DELETE CASCADE) when it stops saying it is alive.
bool postgresTo2(QSqlQuery &q)
{
    return store::execAll(
        q,
        {
            "CREATE TABLE nodes (node TEXT PRIMARY KEY, expires_at BIGINT NOT NULL)",
            "CREATE TABLE presence (node TEXT NOT NULL REFERENCES nodes(node) ON DELETE CASCADE,"
            " conn BIGINT NOT NULL, list_id TEXT NOT NULL, user_id TEXT NOT NULL,"
            " display_name TEXT NOT NULL, client_id TEXT NOT NULL, device TEXT NOT NULL,"
            " PRIMARY KEY (list_id, node, conn))",
            "CREATE INDEX presence_node ON presence(node)",
        });
}

} // namespace

ServerStore::ServerStore(QString connectionName)
    : m_connectionName(std::move(connectionName))
{ }

ServerStore::~ServerStore()
{
    close();
}

bool ServerStore::open(const QString &path, bool syncFull, QString *error)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        *error = QStringLiteral("cannot open database %1: %2").arg(path, m_db.lastError().text());
        return false;
    }
    m_statements.setDatabase(m_db);
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next() ||
        q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        *error = QStringLiteral("cannot switch %1 to WAL mode: %2").arg(path, q.lastError().text());
        return false;
    }
    q.exec(syncFull ? QStringLiteral("PRAGMA synchronous=FULL")
                    : QStringLiteral("PRAGMA synchronous=NORMAL"));
    q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    q.exec(QStringLiteral("PRAGMA cache_size=-4096")); // 4 MiB of page cache
    if (!migrate(error))
        return false;
    // Checkpoints (and their fsync) happen on a thread of their own, never inside a commit
    // on the event loop.
    q.exec(QStringLiteral("PRAGMA wal_autocheckpoint=0"));
    // Trimming a long log after it restarts costs the writer a long ftruncate: only trim
    // one that grew far past the size at which the checkpointer restarts it.
    q.exec(QStringLiteral("PRAGMA journal_size_limit=%1").arg(qint64(512) * 1024 * 1024));
    int bucketsRead = 0;
    qint64 indexedGid = -1;
    if (q.exec(QStringLiteral("SELECT key, value FROM meta WHERE key LIKE 'indexed_gid%'"))) {
        while (q.next()) {
            const QString key = q.value(0).toString();
            const qint64 gid = q.value(1).toLongLong();
            bool isBucket = false;
            const int bucket = key.mid(int(qstrlen("indexed_gid."))).toInt(&isBucket);
            if (key == QLatin1String("indexed_gid")) {
                indexedGid = gid;
            } else if (key.startsWith(QLatin1String("indexed_gid.")) && isBucket && bucket >= 0 &&
                       bucket < kOpIndexBuckets) {
                m_bucketGid[size_t(bucket)] = gid;
                ++bucketsRead;
            }
        }
    }
    if (bucketsRead != kOpIndexBuckets || indexedGid != this->indexedGid()) {
        *error = QStringLiteral("cannot read how far the op index goes: %1")
                     .arg(q.lastError().isValid()
                              ? q.lastError().text()
                              : QStringLiteral("meta's rows 'indexed_gid' do not agree"));
        return false;
    }
    q.finish();
    if (!readUnindexed(error) || !prepareHotStatements(error))
        return false;
    // Every 50 ms while the log grows: at 5,000 ops/s a pass every 250 ms held the event loop
    // 2-7 ms each time (see WalCheckpointer).
    m_checkpointer = std::make_unique<store::WalCheckpointer>(path, 250, 50);
    qCInfo(lcStore) << "database" << path << "at schema version" << kSchemaVersion;
    return true;
}

bool ServerStore::openPostgres(const QString &url, QString *error)
{
    const auto target = ServerConfig::parsePostgres(url);
    if (!target) {
        *error = QStringLiteral(
            "--database wants postgresql://[user[:password]@][host][:port]/database");
        return false;
    }
    m_postgres = true;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    if (!m_db.isValid()) {
        *error = QStringLiteral("Qt's PostgreSQL driver (QPSQL, libqt6sql6-psql) is missing");
        return false;
    }
    m_db.setHostName(target->host);
    m_db.setPort(target->port);
    m_db.setUserName(target->user);
    m_db.setPassword(target->password);
    m_db.setDatabaseName(target->database);
    m_db.setConnectOptions(QStringLiteral("connect_timeout=5;application_name=kinlist-server"));
    const QString where =
        QStringLiteral("%1:%2/%3")
            .arg(target->host.isEmpty() ? QStringLiteral("(local socket)") : target->host)
            .arg(target->port)
            .arg(target->database);
    if (!m_db.open()) {
        *error = QStringLiteral("cannot connect to PostgreSQL at %1: %2")
                     .arg(where, m_db.lastError().text());
        return false;
    }
    m_statements.setDatabase(m_db);
    configureSession();
    if (!migrate(error))
        return false;
    qCInfo(lcStore) << "PostgreSQL database" << where << "at schema version"
                    << kPostgresSchemaVersion;
    return true;
}

void ServerStore::configureSession()
{
    // A node waiting for another's lock (a list's row, a client's) stalls its event loop:
    // never for long. Deadlocks PostgreSQL finds itself, and fails one transaction.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SET lock_timeout = '5s'")))
        qCWarning(lcStore) << "cannot set lock_timeout:" << q.lastError().text();
}

bool ServerStore::lockList(const QString &listId)
{
    if (!m_postgres)
        return true;
    QSqlQuery &q = prepared("SELECT 1 FROM lists WHERE id = ? FOR UPDATE");
    const store::QueryDone done(q);
    q.addBindValue(listId);
    return exec(q);
}

qint64 ServerStore::headSeq(const QString &listId)
{
    QSqlQuery &q = m_postgres ? prepared("SELECT COALESCE(max(seq), 0) FROM ops WHERE list_id = ?")
                              : prepared("SELECT " KINLIST_HEAD_SEQ("?"));
    const store::QueryDone done(q);
    q.addBindValue(listId);
    if (!m_postgres)
        q.addBindValue(listId);
    if (!exec(q) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

bool ServerStore::notify(const QString &channel, const QString &payload)
{
    if (!m_postgres)
        return true;
    QSqlQuery &q = prepared("SELECT pg_notify(?, ?)");
    const store::QueryDone done(q);
    q.addBindValue(channel);
    q.addBindValue(payload);
    return exec(q);
}

bool ServerStore::listen(const QStringList &channels,
                         std::function<void(const QString &, const QString &)> handler)
{
    if (!m_postgres)
        return true;
    m_listening = channels;
    m_notified = std::move(handler);
    delete m_notifyContext;
    m_notifyContext = new QObject;
    QSqlDriver *driver = m_db.driver();
    QObject::connect(driver, &QSqlDriver::notification, m_notifyContext,
                     [this](const QString &name, QSqlDriver::NotificationSource source,
                            const QVariant &payload) {
                         // (Our own NOTIFYs come back to us too.)
                         if (source != QSqlDriver::SelfSource && m_notified)
                             m_notified(name, payload.toString());
                     });
    for (const QString &channel : channels) {
        if (!driver->subscribeToNotification(channel)) {
            m_lastError = driver->lastError().text();
            qCWarning(lcStore) << "cannot LISTEN on" << channel << m_lastError;
            return false;
        }
    }
    return true;
}

bool ServerStore::reconnectIfLost(bool *reconnected)
{
    *reconnected = false;
    if (!m_postgres || m_inTransaction || ping())
        return true;
    qCWarning(lcStore) << "lost the connection to PostgreSQL; connecting again";
    m_statements.clear();
    m_inTransaction = false;
    m_db.close();
    if (!m_db.open()) {
        m_lastError = m_db.lastError().text();
        return false;
    }
    m_statements.setDatabase(m_db);
    configureSession();
    if (!listen(m_listening, m_notified))
        return false;
    qCInfo(lcStore) << "connected to PostgreSQL again";
    *reconnected = true;
    return true;
}

// (Times of the nodes' rows are the database's, the same clock for every node.)
bool ServerStore::keepNodeAlive(const QString &node, int ttlMs, bool *fresh)
{
    QSqlQuery &update = prepared(
        "UPDATE nodes SET expires_at = (extract(epoch from clock_timestamp()) * 1000)::bigint + ?"
        " WHERE node = ?");
    const store::QueryDone updateDone(update);
    update.addBindValue(ttlMs);
    update.addBindValue(node);
    if (!exec(update))
        return false;
    *fresh = update.numRowsAffected() == 0;
    if (!*fresh)
        return true;
    QSqlQuery &insert =
        prepared("INSERT INTO nodes (node, expires_at)"
                 " VALUES (?, (extract(epoch from clock_timestamp()) * 1000)::bigint + ?)");
    const store::QueryDone insertDone(insert);
    insert.addBindValue(node);
    insert.addBindValue(ttlMs);
    return exec(insert);
}

std::optional<QStringList> ServerStore::expireNodes()
{
    // (The SELECT sees the presence rows as they were before the delete cascaded.)
    QSqlQuery &q =
        prepared("WITH gone AS (DELETE FROM nodes"
                 " WHERE expires_at < (extract(epoch from clock_timestamp()) * 1000)::bigint"
                 " RETURNING node)"
                 " SELECT DISTINCT list_id FROM presence WHERE node IN (SELECT node FROM gone)");
    return listIds(q, QString());
}

std::optional<QStringList> ServerStore::dropNode(const QString &node)
{
    QSqlQuery &q = prepared("WITH gone AS (DELETE FROM nodes WHERE node = ? RETURNING node)"
                            " SELECT DISTINCT list_id FROM presence"
                            " WHERE node IN (SELECT node FROM gone)");
    return listIds(q, node);
}

std::optional<QStringList> ServerStore::listIds(QSqlQuery &q, const QString &bind)
{
    const store::QueryDone done(q);
    if (!bind.isEmpty())
        q.addBindValue(bind);
    if (!exec(q))
        return std::nullopt;
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

bool ServerStore::setPresence(const QString &listId, const QString &node,
                              const QList<PresenceRow> &rows)
{
    QSqlQuery &del = prepared("DELETE FROM presence WHERE list_id = ? AND node = ?");
    const store::QueryDone delDone(del);
    del.addBindValue(listId);
    del.addBindValue(node);
    if (!exec(del))
        return false;
    QSqlQuery &ins = prepared("INSERT INTO presence (node, conn, list_id, user_id, display_name,"
                              " client_id, device) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const PresenceRow &r : rows) {
        const store::QueryDone insDone(ins);
        ins.addBindValue(node);
        ins.addBindValue(r.conn);
        ins.addBindValue(listId);
        ins.addBindValue(r.userId);
        ins.addBindValue(r.displayName);
        ins.addBindValue(r.clientId);
        ins.addBindValue(r.device);
        if (!exec(ins))
            return false;
    }
    return true;
}

std::optional<QList<ServerStore::PresenceRow>> ServerStore::presence(const QString &listId,
                                                                     const QString &exceptNode)
{
    QSqlQuery &q =
        prepared("SELECT p.node, p.conn, p.user_id, p.display_name, p.client_id, p.device"
                 " FROM presence p JOIN nodes n ON n.node = p.node"
                 " WHERE p.list_id = ? AND p.node <> ?"
                 " AND n.expires_at >= (extract(epoch from clock_timestamp()) * 1000)::bigint"
                 " ORDER BY p.node, p.conn");
    const store::QueryDone done(q);
    q.addBindValue(listId);
    q.addBindValue(exceptNode);
    if (!exec(q))
        return std::nullopt;
    QList<PresenceRow> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString(), q.value(5).toString()});
    return out;
}

qint64 ServerStore::lockClient(const QString &clientId)
{
    QSqlQuery &q = prepared("SELECT last_mutation_id FROM clients WHERE client_id = ? FOR UPDATE");
    const store::QueryDone done(q);
    q.addBindValue(clientId);
    if (!exec(q))
        return -1;
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool ServerStore::setClientProgress(const QString &clientId, qint64 mutationId)
{
    if (!m_postgres)
        return true;
    QSqlQuery &q = prepared("UPDATE clients SET last_mutation_id = GREATEST(last_mutation_id, ?)"
                            " WHERE client_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(mutationId);
    q.addBindValue(clientId);
    return exec(q);
}

QByteArray ServerStore::sharedSecret(const QString &name, const QByteArray &candidate)
{
    // The first node to start stores its candidate; every node then reads the one stored.
    QSqlQuery &put =
        prepared("INSERT INTO secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING");
    const store::QueryDone putDone(put);
    put.addBindValue(name);
    put.addBindValue(candidate);
    if (!exec(put))
        return {};
    QSqlQuery &get = prepared("SELECT value FROM secrets WHERE name = ?");
    const store::QueryDone getDone(get);
    get.addBindValue(name);
    if (!exec(get) || !get.next())
        return {};
    return get.value(0).toByteArray();
}

void ServerStore::close()
{
    delete m_notifyContext;
    m_notifyContext = nullptr;
    m_notified = nullptr;
    m_postgres = false;
    m_statements.clear();
    // (Before the connection: with a statement left, sqlite3_close() fails and Qt drops
    // the handle, leaking the connection and its locks on the file.)
    for (sqlite3_stmt **statement : {&m_insertOp, &m_insertIndex, &m_begin, &m_commit}) {
        sqlite3_finalize(*statement);
        *statement = nullptr;
    }
    m_sqlite = nullptr;
    for (auto &pending : m_unindexed)
        pending.clear();
    if (m_db.isValid()) {
        if (m_inTransaction)
            rollback();
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    // (After the connection: see WalCheckpointer.)
    m_checkpointer.reset();
}

bool ServerStore::migrate(QString *error)
{
    if (m_postgres) {
        *error = store::migrate(
            m_db, {postgresTo1, postgresTo2},
            QStringLiteral("the database was written by a newer kinlist-server (PostgreSQL schema "
                           "%1, this one knows %2); refusing to use it"));
        return error->isEmpty();
    }
    *error =
        store::migrate(m_db, {migrateTo1, migrateTo2, migrateTo3, migrateTo4, migrateTo5},
                       QStringLiteral("the database was written by a newer kinlist-server (schema "
                                      "%1, this one knows %2); refusing to open it"));
    return error->isEmpty();
}

bool ServerStore::ping()
{
    QSqlQuery &q = prepared("SELECT 1");
    const store::QueryDone done(q);
    return exec(q) && q.next();
}

QSqlQuery &ServerStore::prepared(const char *sql)
{
    return m_statements.get(sql);
}

bool ServerStore::exec(QSqlQuery &q)
{
    if (q.exec())
        return true;
    m_lastError = q.lastError().text();
    qCWarning(lcStore) << "statement failed:" << m_lastError;
    return false;
}

void ServerStore::setFullForTesting(bool full)
{
    if (m_postgres)
        return;
    QSqlQuery q(m_db);
    if (full) {
        q.exec(QStringLiteral("PRAGMA page_count"));
        const qint64 pages = q.next() ? q.value(0).toLongLong() : 1;
        q.exec(QStringLiteral("PRAGMA max_page_count=%1").arg(pages));
    } else {
        q.exec(QStringLiteral("PRAGMA max_page_count=4294967294"));
    }
}

bool ServerStore::begin()
{
    if (m_inTransaction)
        return true;
    if (m_begin ? !stepOnce(m_begin) : !m_db.transaction()) {
        if (!m_begin)
            m_lastError = m_db.lastError().text();
        qCWarning(lcStore) << "begin failed:" << m_lastError;
        return false;
    }
    m_inTransaction = true;
    for (size_t b = 0; b < m_unindexed.size(); ++b)
        m_unindexedAtBegin[b] = m_unindexed[b].size();
    return true;
}

bool ServerStore::commit()
{
    if (!m_inTransaction)
        return true;
    // Statements still holding a read cursor would keep the transaction open.
    m_statements.finishAll();
    if (m_commit ? !stepOnce(m_commit) : !m_db.commit()) {
        if (!m_commit)
            m_lastError = m_db.lastError().text();
        qCWarning(lcStore) << "commit failed:" << m_lastError;
        return false;
    }
    m_inTransaction = false;
    return true;
}

void ServerStore::finishCheckpointIfDue()
{
    if (m_inTransaction || !m_checkpointer || !m_checkpointer->finishOnWriter())
        return;
    // Between two of our transactions no frame can be added: this checkpoint reaches the
    // end of the log, so the next write starts it over from the beginning of the file.
    QElapsedTimer t;
    t.start();
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
    m_checkpointer->finishedOnWriter();
    qCDebug(lcStore) << "finished a checkpoint on the writer in" << t.elapsed() << "ms";
}

void ServerStore::rollback()
{
    if (!m_inTransaction)
        return;
    m_statements.finishAll();
    if (!m_db.rollback())
        qCInfo(lcStore) << "rollback:"
                        << m_db.lastError().text(); // e.g. SQLite already rolled back
    m_inTransaction = false;
    // (Their gids go to the next ops.)
    for (size_t b = 0; b < m_unindexed.size(); ++b)
        m_unindexed[b].resize(std::min(m_unindexed[b].size(), m_unindexedAtBegin[b]));
}

// --- users ---

// (A macro: statements are keyed by their SQL literal, so the pieces are joined at compile
// time.)
#define KINLIST_USER_COLUMNS "id, email, display_name, password_hash, device, token_gen"

namespace {
ServerStore::User userFrom(const QSqlQuery &q)
{
    return ServerStore::User {q.value(0).toString(), q.value(1).toString(),
                              q.value(2).toString(), q.value(3).toByteArray(),
                              q.value(4).toBool(),   q.value(5).toLongLong()};
}
} // namespace

std::optional<ServerStore::User> ServerStore::userByEmail(const QString &email)
{
    QSqlQuery &q = m_postgres
        ? prepared("SELECT " KINLIST_USER_COLUMNS " FROM users WHERE lower(email) = lower(?)")
        : prepared("SELECT " KINLIST_USER_COLUMNS " FROM users WHERE email = ?");
    const store::QueryDone done(q);
    q.addBindValue(email);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return userFrom(q);
}

std::optional<ServerStore::User> ServerStore::userById(const QString &id)
{
    QSqlQuery &q = prepared("SELECT " KINLIST_USER_COLUMNS " FROM users WHERE id = ?");
    const store::QueryDone done(q);
    q.addBindValue(id);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return userFrom(q);
}

bool ServerStore::insertUser(const User &user, qint64 nowMs)
{
    QSqlQuery &q = prepared("INSERT INTO users (id, email, display_name, password_hash, "
                            "device, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    const store::QueryDone done(q);
    q.addBindValue(user.id);
    q.addBindValue(user.email);
    q.addBindValue(user.displayName);
    q.addBindValue(QString::fromLatin1(user.passwordHash));
    q.addBindValue(user.device ? 1 : 0);
    q.addBindValue(nowMs);
    return exec(q);
}

bool ServerStore::bumpTokenGeneration(const QString &userId)
{
    QSqlQuery &q = prepared("UPDATE users SET token_gen = token_gen + 1 WHERE id = ?");
    const store::QueryDone done(q);
    q.addBindValue(userId);
    return exec(q);
}

// --- refresh tokens ---

bool ServerStore::insertRefreshToken(const RefreshToken &t, qint64 nowMs)
{
    QSqlQuery &q =
        prepared("INSERT INTO refresh_tokens (hash, user_id, family_id, created_at, expires_at)"
                 " VALUES (?, ?, ?, ?, ?)");
    const store::QueryDone done(q);
    q.addBindValue(QString::fromLatin1(t.hash));
    q.addBindValue(t.userId);
    q.addBindValue(t.familyId);
    q.addBindValue(nowMs);
    q.addBindValue(t.expiresAtMs);
    return exec(q);
}

std::optional<ServerStore::RefreshToken> ServerStore::refreshToken(const QByteArray &hash)
{
    QSqlQuery &q =
        prepared("SELECT user_id, family_id, expires_at, used, revoked, used_at, "
                 "used_by, successor, grace_used, superseded FROM refresh_tokens WHERE hash = ?");
    const store::QueryDone done(q);
    q.addBindValue(QString::fromLatin1(hash));
    if (!exec(q) || !q.next())
        return std::nullopt;
    RefreshToken t;
    t.hash = hash;
    t.userId = q.value(0).toString();
    t.familyId = q.value(1).toString();
    t.expiresAtMs = q.value(2).toLongLong();
    t.used = q.value(3).toBool();
    t.revoked = q.value(4).toBool();
    t.usedAtMs = q.value(5).toLongLong();
    t.usedBy = q.value(6).toString();
    t.successor = q.value(7).toByteArray();
    t.graceUsed = q.value(8).toBool();
    t.superseded = q.value(9).toBool();
    return t;
}

bool ServerStore::markRefreshTokenUsed(const QByteArray &hash, const QString &byClientId,
                                       const QByteArray &successor, bool grace, qint64 nowMs,
                                       const RefreshToken &seen, bool *changed)
{
    QSqlQuery &q = prepared("UPDATE refresh_tokens SET used = 1, used_at = ?, used_by = ?,"
                            " successor = ?, grace_used = grace_used + ? WHERE hash = ?"
                            " AND used = ? AND grace_used = ? AND revoked = ?");
    const store::QueryDone done(q);
    q.addBindValue(nowMs);
    q.addBindValue(byClientId);
    q.addBindValue(QString::fromLatin1(successor));
    q.addBindValue(grace ? 1 : 0);
    q.addBindValue(QString::fromLatin1(hash));
    q.addBindValue(seen.used ? 1 : 0);
    q.addBindValue(seen.graceUsed ? 1 : 0);
    q.addBindValue(seen.revoked ? 1 : 0);
    *changed = false;
    if (!exec(q))
        return false;
    *changed = q.numRowsAffected() == 0;
    return !*changed;
}

bool ServerStore::supersedeRefreshToken(const QByteArray &hash)
{
    QSqlQuery &q = prepared("UPDATE refresh_tokens SET revoked = 1, superseded = 1 WHERE hash = ?");
    const store::QueryDone done(q);
    q.addBindValue(QString::fromLatin1(hash));
    return exec(q);
}

bool ServerStore::revokeRefreshFamily(const QString &familyId)
{
    QSqlQuery &q = prepared("UPDATE refresh_tokens SET revoked = 1 WHERE family_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(familyId);
    return exec(q);
}

bool ServerStore::revokeAllRefreshTokens(const QString &userId)
{
    QSqlQuery &q = prepared("UPDATE refresh_tokens SET revoked = 1 WHERE user_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(userId);
    return exec(q);
}

// --- households ---

bool ServerStore::insertHousehold(const QString &id, const QString &name, const QString &ownerId,
                                  qint64 nowMs)
{
    QSqlQuery &q =
        prepared("INSERT INTO households (id, name, created_by, created_at) VALUES (?, ?, ?, ?)");
    const store::QueryDone done(q);
    q.addBindValue(id);
    q.addBindValue(name);
    q.addBindValue(ownerId);
    q.addBindValue(nowMs);
    return exec(q) && insertMember(id, ownerId, QStringLiteral("owner"), nowMs);
}

std::optional<ServerStore::Household> ServerStore::household(const QString &id,
                                                             const QString &forUserId)
{
    QSqlQuery &q = prepared(
        "SELECT h.name, m.role, (SELECT count(*) FROM members c WHERE c.household_id = h.id)"
        " FROM households h JOIN members m ON m.household_id = h.id AND m.user_id = ? WHERE h.id = "
        "?");
    const store::QueryDone done(q);
    q.addBindValue(forUserId);
    q.addBindValue(id);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return Household {id, q.value(0).toString(), q.value(1).toString(), q.value(2).toInt()};
}

QList<ServerStore::Household> ServerStore::householdsOf(const QString &userId)
{
    QSqlQuery &q = prepared(
        "SELECT h.id, h.name, m.role, (SELECT count(*) FROM members c WHERE c.household_id = h.id)"
        " FROM households h JOIN members m ON m.household_id = h.id WHERE m.user_id = ? ORDER BY "
        "h.name");
    const store::QueryDone done(q);
    q.addBindValue(userId);
    QList<Household> out;
    if (!exec(q))
        return out;
    while (q.next())
        out.append(Household {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                              q.value(3).toInt()});
    return out;
}

QMap<QString, QString> ServerStore::membershipsOf(const QString &userId, bool *ok)
{
    QSqlQuery &q = prepared("SELECT household_id, role FROM members WHERE user_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(userId);
    QMap<QString, QString> out;
    const bool read = exec(q);
    if (ok)
        *ok = read;
    if (!read)
        return out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

QList<ServerStore::Member> ServerStore::members(const QString &householdId)
{
    QSqlQuery &q =
        prepared("SELECT m.user_id, u.display_name, m.role, m.joined_at FROM members m"
                 " JOIN users u ON u.id = m.user_id WHERE m.household_id = ? ORDER BY m.joined_at");
    const store::QueryDone done(q);
    q.addBindValue(householdId);
    QList<Member> out;
    if (!exec(q))
        return out;
    while (q.next())
        out.append(Member {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                           q.value(3).toLongLong()});
    return out;
}

bool ServerStore::insertMember(const QString &householdId, const QString &userId,
                               const QString &role, qint64 nowMs)
{
    QSqlQuery &q = prepared(
        "INSERT INTO members (household_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)");
    const store::QueryDone done(q);
    q.addBindValue(householdId);
    q.addBindValue(userId);
    q.addBindValue(role);
    q.addBindValue(nowMs);
    return exec(q);
}

bool ServerStore::deleteMember(const QString &householdId, const QString &userId)
{
    QSqlQuery &q = prepared("DELETE FROM members WHERE household_id = ? AND user_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(householdId);
    q.addBindValue(userId);
    return exec(q);
}

bool ServerStore::setMemberRole(const QString &householdId, const QString &userId,
                                const QString &role)
{
    QSqlQuery &q = prepared("UPDATE members SET role = ? WHERE household_id = ? AND user_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(role);
    q.addBindValue(householdId);
    q.addBindValue(userId);
    return exec(q);
}

// --- invites ---

bool ServerStore::insertInvite(const Invite &invite, const QString &createdBy, qint64 nowMs)
{
    QSqlQuery &q = prepared(
        "INSERT INTO invites (code, household_id, created_by, created_at, expires_at, max_uses,"
        " role) VALUES (?, ?, ?, ?, ?, ?, ?)");
    const store::QueryDone done(q);
    q.addBindValue(invite.code);
    q.addBindValue(invite.householdId);
    q.addBindValue(createdBy);
    q.addBindValue(nowMs);
    q.addBindValue(invite.expiresAtMs);
    q.addBindValue(invite.maxUses);
    q.addBindValue(invite.role);
    return exec(q);
}

std::optional<ServerStore::Invite> ServerStore::invite(const QString &code)
{
    QSqlQuery &q = prepared(
        "SELECT household_id, expires_at, max_uses, uses, role FROM invites WHERE code = ?");
    const store::QueryDone done(q);
    q.addBindValue(code);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return Invite {code,
                   q.value(0).toString(),
                   q.value(1).toLongLong(),
                   q.value(2).toInt(),
                   q.value(3).toInt(),
                   q.value(4).toString()};
}

bool ServerStore::useInvite(const QString &code, bool *usedUp)
{
    // Only while a use is left: of two nodes taking the last use at once, one finds none.
    QSqlQuery &q =
        prepared("UPDATE invites SET uses = uses + 1 WHERE code = ? AND uses < max_uses");
    const store::QueryDone done(q);
    q.addBindValue(code);
    *usedUp = false;
    if (!exec(q))
        return false;
    *usedUp = q.numRowsAffected() == 0;
    return !*usedUp;
}

// --- clients ---

std::optional<ServerStore::Client> ServerStore::client(const QString &clientId)
{
    // A client's last mutation id: what was saved with the clients (saveClientProgress,
    // every second or so), its rejects, and the ops logged since that save. No index on the
    // op log by client: it would cost every op one more random page write.
#define KINLIST_CLIENT_LAST(greatest)                                                              \
    "SELECT user_id, " greatest "(c.last_mutation_id,"                                             \
    " COALESCE((SELECT max(mutation_id) FROM rejects WHERE client_id = c.client_id), 0),"          \
    " COALESCE((SELECT max(mutation_id) FROM ops WHERE client_id = c.client_id AND gid >"          \
    " COALESCE((SELECT value FROM meta WHERE key = 'clients_gid'), 0)), 0))"                       \
    " FROM clients c WHERE client_id = ?"
    // (PostgreSQL: every node saves it with each op, in the op's transaction.)
    QSqlQuery &q = m_postgres
        ? prepared("SELECT user_id, last_mutation_id FROM clients WHERE client_id = ?")
        : prepared(KINLIST_CLIENT_LAST("max"));
    const store::QueryDone done(q);
    q.addBindValue(clientId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return Client {q.value(0).toString(), q.value(1).toLongLong()};
}

bool ServerStore::upsertClient(const QString &clientId, const QString &userId,
                               const QString &device, qint64 nowMs)
{
    QSqlQuery &q =
        prepared("INSERT INTO clients (client_id, user_id, device, last_seen) VALUES (?, ?, ?, ?)"
                 " ON CONFLICT(client_id) DO UPDATE SET device = excluded.device,"
                 " last_seen = excluded.last_seen");
    const store::QueryDone done(q);
    q.addBindValue(clientId);
    q.addBindValue(userId);
    q.addBindValue(device.isNull() ? QStringLiteral("")
                                   : device); // optional in hello; the column is NOT NULL
    q.addBindValue(nowMs);
    return exec(q);
}

// --- lists, entities, ops ---

#define KINLIST_HEAD_SEQ_OF_L KINLIST_HEAD_SEQ("l.id")

std::optional<ServerStore::ListRow> ServerStore::list(const QString &id)
{
    QSqlQuery &q = m_postgres
        ? prepared("SELECT household_id, (SELECT COALESCE(max(seq), 0) FROM ops WHERE list_id ="
                   " l.id), snapshot_seq FROM lists l WHERE id = ?")
        : prepared("SELECT household_id, " KINLIST_HEAD_SEQ_OF_L
                   ", snapshot_seq FROM lists l WHERE id = ?");
    const store::QueryDone done(q);
    q.addBindValue(id);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return ListRow {id, q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()};
}

bool ServerStore::setSnapshotSeq(const QString &listId, qint64 seq)
{
    QSqlQuery &q = prepared("UPDATE lists SET snapshot_seq = ? WHERE id = ?");
    const store::QueryDone done(q);
    q.addBindValue(seq);
    q.addBindValue(listId);
    return exec(q);
}

bool ServerStore::insertList(const QString &id, const QString &householdId, qint64 nowMs)
{
    QSqlQuery &q = prepared("INSERT INTO lists (id, household_id, created_at) VALUES (?, ?, ?)");
    const store::QueryDone done(q);
    q.addBindValue(id);
    q.addBindValue(householdId);
    q.addBindValue(nowMs);
    return exec(q);
}

QList<QPair<ServerStore::ListRow, Entity>> ServerStore::listsOfHousehold(const QString &householdId)
{
    QSqlQuery &q = m_postgres
        ? prepared("SELECT l.id, (SELECT COALESCE(max(seq), 0) FROM ops WHERE list_id = l.id),"
                   " e.state FROM lists l JOIN entities e ON e.id = l.id"
                   " WHERE l.household_id = ?")
        : prepared("SELECT l.id, " KINLIST_HEAD_SEQ_OF_L ", e.state"
                   " FROM lists l JOIN entities e ON e.id = l.id WHERE l.household_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(householdId);
    QList<QPair<ListRow, Entity>> out;
    if (!exec(q))
        return out;
    while (q.next()) {
        Entity e;
        if (!Entity::fromJson(QJsonDocument::fromJson(q.value(2).toByteArray()).object(), &e))
            continue;
        out.append({ListRow {q.value(0).toString(), householdId, q.value(1).toLongLong()}, e});
    }
    return out;
}

QList<Entity> ServerStore::entitiesOfList(const QString &listId, bool *ok)
{
    QSqlQuery &q = prepared("SELECT state FROM entities WHERE list_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(listId);
    QList<Entity> out;
    const bool read = exec(q);
    if (ok)
        *ok = read;
    if (!read)
        return out;
    while (q.next()) {
        Entity e;
        if (Entity::fromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object(), &e))
            out.append(std::move(e));
        else
            qCWarning(lcStore) << "skipping an unreadable entity in list" << listId;
    }
    return out;
}

std::optional<QString> ServerStore::listOfEntity(const QString &entityId)
{
    QSqlQuery &q = prepared("SELECT list_id FROM entities WHERE id = ?");
    const store::QueryDone done(q);
    q.addBindValue(entityId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return q.value(0).toString();
}

bool ServerStore::upsertEntity(const Entity &entity)
{
    QSqlQuery &q = prepared("INSERT INTO entities (id, list_id, kind, state) VALUES (?, ?, ?, ?)"
                            " ON CONFLICT(id) DO UPDATE SET state = excluded.state");
    const store::QueryDone done(q);
    q.addBindValue(entity.id);
    q.addBindValue(entity.listId);
    q.addBindValue(entity.kind == EntityKind::List ? QStringLiteral("list")
                                                   : QStringLiteral("item"));
    q.addBindValue(QJsonDocument(entity.toJson()).toJson(QJsonDocument::Compact));
    return exec(q);
}

bool ServerStore::prepareHotStatements(QString *error)
{
    // Qt's SQLite driver hands out its handle as a "sqlite3*" (QSqlDriver::handle()). It is
    // used here only when the driver runs on the very SQLite this binary links: a Qt built
    // with its own copy of SQLite gets the QSqlQuery path.
    const QVariant handle = m_db.driver()->handle();
    QSqlQuery q(m_db);
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0 ||
        !q.exec(QStringLiteral("SELECT sqlite_source_id()")) || !q.next() ||
        q.value(0).toString() != QLatin1String(sqlite3_sourceid())) {
        qCInfo(lcStore) << "Qt's SQLite driver uses another SQLite than the server links:"
                        << "the op log goes through QSqlQuery";
        return true;
    }
    m_sqlite = *static_cast<sqlite3 *const *>(handle.constData());
    const auto prepare = [this](const char *sql, sqlite3_stmt **statement) {
        return sqlite3_prepare_v3(m_sqlite, sql, -1, SQLITE_PREPARE_PERSISTENT, statement,
                                  nullptr) == SQLITE_OK;
    };
    if (!prepare(KINLIST_INSERT_OP, &m_insertOp) ||
        !prepare(KINLIST_INSERT_INDEX, &m_insertIndex) || !prepare("BEGIN", &m_begin) ||
        !prepare("COMMIT", &m_commit)) {
        *error = QStringLiteral("cannot prepare the op log's statements: %1")
                     .arg(QString::fromUtf8(sqlite3_errmsg(m_sqlite)));
        return false;
    }
    return true;
}

bool ServerStore::stepOnce(sqlite3_stmt *statement)
{
    const bool done = sqlite3_step(statement) == SQLITE_DONE;
    if (!done)
        m_lastError = QStringLiteral("%1 (SQLite code %2)")
                          .arg(QString::fromUtf8(sqlite3_errmsg(m_sqlite)))
                          .arg(sqlite3_extended_errcode(m_sqlite));
    sqlite3_reset(statement);
    return done;
}

qint64 ServerStore::insertOp(const OpRow &row)
{
    if (!m_insertOp) {
        QSqlQuery &q =
            m_postgres ? prepared(KINLIST_INSERT_OP " RETURNING gid") : prepared(KINLIST_INSERT_OP);
        const store::QueryDone done(q);
        q.addBindValue(row.listId);
        q.addBindValue(row.seq);
        q.addBindValue(row.householdId);
        q.addBindValue(row.userId);
        q.addBindValue(row.clientId);
        q.addBindValue(row.mutationId);
        q.addBindValue(row.atMs);
        // JSON bytes go in as they are (a BLOB): binding a QString would convert UTF-8 to
        // UTF-16 here and back to UTF-8 inside SQLite, for every op.
        q.addBindValue(row.opJson);
        if (!exec(q))
            return -1;
        if (m_postgres)
            return q.next() ? q.value(0).toLongLong() : -1;
        return noteUnindexed(row, q.lastInsertId().toLongLong());
    }
    // SQLite: once per op, bound directly. QSqlQuery wrapped each value in a QVariant and
    // looked its placeholder up by name: 4 % of the server's time at 5,000 ops/s (issue 15).
    // Bound as Qt's driver binds them, so the stored values are the same: text as UTF-16,
    // the JSON bytes as a BLOB, a null string or array as NULL (which the table refuses).
    sqlite3_stmt *s = m_insertOp;
    int rc = SQLITE_OK;
    const auto text = [s, &rc](int i, const QString &v) {
        if (rc == SQLITE_OK)
            rc = v.isNull()
                ? sqlite3_bind_null(s, i)
                : sqlite3_bind_text16(s, i, v.constData(), int(v.size() * qsizetype(sizeof(QChar))),
                                      SQLITE_STATIC);
    };
    const auto integer = [s, &rc](int i, qint64 v) {
        if (rc == SQLITE_OK)
            rc = sqlite3_bind_int64(s, i, v);
    };
    text(1, row.listId);
    integer(2, row.seq);
    text(3, row.householdId);
    text(4, row.userId);
    text(5, row.clientId);
    integer(6, row.mutationId);
    integer(7, row.atMs);
    if (rc == SQLITE_OK)
        rc = row.opJson.isNull() ? sqlite3_bind_null(s, 8)
                                 : sqlite3_bind_blob(s, 8, row.opJson.constData(),
                                                     int(row.opJson.size()), SQLITE_STATIC);
    bool done = rc == SQLITE_OK;
    if (!done)
        m_lastError = QStringLiteral("cannot bind the op: %1 (SQLite code %2)")
                          .arg(QString::fromUtf8(sqlite3_errstr(rc)))
                          .arg(rc);
    else
        done = stepOnce(s);
    sqlite3_clear_bindings(s);
    if (!done) {
        qCWarning(lcStore) << "op insert failed:" << m_lastError;
        return -1;
    }
    return noteUnindexed(row, sqlite3_last_insert_rowid(m_sqlite));
}

qint64 ServerStore::noteUnindexed(const OpRow &row, qint64 gid)
{
    if (gid > 0)
        m_unindexed[size_t(opIndexBucket(row.listId))].push_back({row.listId, row.seq, gid});
    return gid;
}

bool ServerStore::readUnindexed(QString *error)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT list_id, seq, gid FROM ops WHERE gid > ? ORDER BY gid"));
    q.addBindValue(indexedGid());
    if (!q.exec()) {
        *error = QStringLiteral("cannot read the op log's end: %1").arg(q.lastError().text());
        return false;
    }
    while (q.next()) {
        const QString listId = q.value(0).toString();
        const qint64 gid = q.value(2).toLongLong();
        const size_t bucket = size_t(opIndexBucket(listId));
        if (gid > m_bucketGid[bucket])
            m_unindexed[bucket].push_back({listId, q.value(1).toLongLong(), gid});
    }
    return true;
}

int ServerStore::opIndexBucket(const QString &listId)
{
    const char16_t last = listId.isEmpty() ? u'x' : listId.back().toLower().unicode();
    if (last >= u'0' && last <= u'9')
        return (last - u'0') % kOpIndexBuckets;
    if (last >= u'a' && last <= u'f')
        return (last - u'a' + 10) % kOpIndexBuckets;
    return kOpIndexBuckets - 1;
}

bool ServerStore::indexOps(qint64 upToGid, int bucket)
{
    if (m_postgres)
        return true;
    if (bucket < 0) // the bucket brought up to date longest ago
        bucket =
            int(std::min_element(m_bucketGid.begin(), m_bucketGid.end()) - m_bucketGid.begin());
    if (bucket >= kOpIndexBuckets) {
        m_lastError = QStringLiteral("no such bucket of the op index");
        return false;
    }
    if (upToGid <= m_bucketGid[size_t(bucket)])
        return true;
    if (m_inTransaction) {
        m_lastError = QStringLiteral("the op index is written in a transaction of its own");
        return false;
    }
    std::vector<Unindexed> &pending = m_unindexed[size_t(bucket)];
    const auto rest = std::stable_partition(
        pending.begin(), pending.end(), [upToGid](const Unindexed &u) { return u.gid <= upToGid; });
    // In (list, seq) order: each page of the index is visited once, from left to right.
    std::sort(pending.begin(), rest, [](const Unindexed &a, const Unindexed &b) {
        return a.listId != b.listId ? a.listId < b.listId : a.seq < b.seq;
    });
    auto bucketGid = m_bucketGid;
    bucketGid[size_t(bucket)] = upToGid;
    const qint64 indexedGid = *std::min_element(bucketGid.begin(), bucketGid.end());
    if (!begin())
        return false;
    bool ok = true;
    for (auto it = pending.begin(); ok && it != rest; ++it) {
        if (m_insertIndex) {
            // (Bound directly, as the op log's insert: see insertOp.)
            sqlite3_stmt *s = m_insertIndex;
            int rc = sqlite3_bind_text16(s, 1, it->listId.constData(),
                                         int(it->listId.size() * qsizetype(sizeof(QChar))),
                                         SQLITE_STATIC);
            if (rc == SQLITE_OK)
                rc = sqlite3_bind_int64(s, 2, it->seq);
            if (rc == SQLITE_OK)
                rc = sqlite3_bind_int64(s, 3, it->gid);
            ok = rc == SQLITE_OK && stepOnce(s);
            if (rc != SQLITE_OK)
                m_lastError = QString::fromUtf8(sqlite3_errstr(rc));
            sqlite3_clear_bindings(s);
        } else {
            QSqlQuery &add = prepared(KINLIST_INSERT_INDEX);
            const store::QueryDone addDone(add);
            add.addBindValue(it->listId);
            add.addBindValue(it->seq);
            add.addBindValue(it->gid);
            ok = exec(add);
        }
    }
    QSqlQuery &mark = prepared("UPDATE meta SET value = ? WHERE key = ?");
    const store::QueryDone markDone(mark);
    for (const auto &[key, gid] :
         {std::pair {QStringLiteral("indexed_gid.%1").arg(bucket), upToGid},
          std::pair {QStringLiteral("indexed_gid"), indexedGid}}) {
        if (!ok)
            break;
        mark.addBindValue(gid);
        mark.addBindValue(key);
        ok = exec(mark);
        if (ok && mark.numRowsAffected() != 1) {
            m_lastError = QStringLiteral("meta has no row '%1'").arg(key);
            ok = false;
        }
    }
    if (!ok || !commit()) {
        rollback();
        return false;
    }
    pending.erase(pending.begin(), rest);
    m_bucketGid = bucketGid;
    return true;
}

qint64 ServerStore::maxGid()
{
    QSqlQuery &q = prepared("SELECT COALESCE(max(gid), 0) FROM ops");
    const store::QueryDone done(q);
    if (!exec(q) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

qint64 ServerStore::clientsGid()
{
    QSqlQuery &q =
        prepared("SELECT COALESCE((SELECT value FROM meta WHERE key = 'clients_gid'), 0)");
    const store::QueryDone done(q);
    if (!exec(q) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

bool ServerStore::saveClientProgress(const QHash<QString, qint64> &lastMutation, qint64 upToGid)
{
    QSqlQuery &q = m_postgres
        ? prepared("UPDATE clients SET last_mutation_id = GREATEST(last_mutation_id, ?)"
                   " WHERE client_id = ?")
        : prepared("UPDATE clients SET last_mutation_id = max(last_mutation_id, ?)"
                   " WHERE client_id = ?");
    const store::QueryDone done(q);
    for (auto it = lastMutation.cbegin(); it != lastMutation.cend(); ++it) {
        q.addBindValue(it.value());
        q.addBindValue(it.key());
        if (!exec(q))
            return false;
    }
    if (upToGid < 0)
        return true;
    QSqlQuery &m = prepared("INSERT INTO meta (key, value) VALUES ('clients_gid', ?)"
                            " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    const store::QueryDone mdone(m);
    m.addBindValue(upToGid);
    return exec(m);
}

std::optional<std::pair<qint64, QByteArray>>
ServerStore::appliedOp(const QString &listId, const QString &clientId, qint64 mutationId)
{
    // Walks the list's log from its newest op: a resend is almost always of a recent one.
    QSqlQuery &q = m_postgres
        ? prepared("SELECT seq, op FROM ops WHERE list_id = ? AND client_id = ? AND"
                   " mutation_id = ? ORDER BY seq DESC LIMIT 1")
        : prepared("SELECT i.seq, o.op FROM op_index i JOIN ops o ON o.gid = i.gid"
                   " WHERE i.list_id = ? AND o.client_id = ? AND o.mutation_id = ?"
                   " UNION ALL SELECT seq, op FROM ops WHERE gid > " KINLIST_INDEXED_GID
                   " AND list_id = ? AND client_id = ? AND mutation_id = ?"
                   " ORDER BY 1 DESC LIMIT 1");
    const store::QueryDone done(q);
    for (int part = m_postgres ? 1 : 2; part > 0; --part) {
        q.addBindValue(listId);
        q.addBindValue(clientId);
        q.addBindValue(mutationId);
    }
    if (!exec(q) || !q.next())
        return std::nullopt;
    return std::make_pair(q.value(0).toLongLong(), q.value(1).toByteArray());
}

// The kitchen tablet an op of `ops o` was made on: the name of the account whose client
// sent it, when that is not the member it is recorded for. (Macros: statements are keyed
// by their SQL literal, so the pieces are joined at compile time.)
#define KINLIST_OP_VIA " CASE WHEN c.user_id <> o.user_id THEN v.display_name END"
#define KINLIST_OP_VIA_JOINS                                                                       \
    " LEFT JOIN clients c ON c.client_id = o.client_id LEFT JOIN users v ON v.id = c.user_id"

QList<ServerStore::OpRow> ServerStore::opsSince(const QString &listId, qint64 sinceSeq,
                                                qint64 maxOpBytes, bool *complete)
{
    if (complete)
        *complete = true;
    qint64 bytes = 0;
#define KINLIST_OPS_SINCE_COLUMNS                                                                  \
    "SELECT o.gid, o.seq, o.household_id, o.user_id, o.client_id, o.mutation_id, o.at, "           \
    "o.op," KINLIST_OP_VIA ", u.display_name"
    QSqlQuery &q = m_postgres
        ? prepared(KINLIST_OPS_SINCE_COLUMNS
                   " FROM ops o LEFT JOIN users u ON u.id = o.user_id" KINLIST_OP_VIA_JOINS
                   " WHERE o.list_id = ? AND o.seq > ? ORDER BY o.seq")
        : prepared(KINLIST_OPS_SINCE_COLUMNS " FROM (" KINLIST_LIST_OPS_AFTER_SEQ
                                             ") t JOIN ops o ON o.gid = t.gid LEFT JOIN users u ON "
                                             "u.id = o.user_id" KINLIST_OP_VIA_JOINS
                                             " ORDER BY t.seq");
    const store::QueryDone done(q);
    for (int part = m_postgres ? 1 : 2; part > 0; --part) {
        q.addBindValue(listId);
        q.addBindValue(sinceSeq);
    }
    QList<OpRow> out;
    if (!exec(q)) {
        if (complete)
            *complete = false;
        return out;
    }
    while (q.next()) {
        OpRow r;
        r.gid = q.value(0).toLongLong();
        r.listId = listId;
        r.seq = q.value(1).toLongLong();
        r.householdId = q.value(2).toString();
        r.userId = q.value(3).toString();
        r.clientId = q.value(4).toString();
        r.mutationId = q.value(5).toLongLong();
        r.atMs = q.value(6).toLongLong();
        r.opJson = q.value(7).toByteArray();
        r.viaName = q.value(8).toString();
        r.displayName = q.value(9).toString();
        bytes += r.opJson.size();
        if (maxOpBytes >= 0 && bytes > maxOpBytes) {
            if (complete)
                *complete = false;
            break;
        }
        out.append(std::move(r));
    }
    return out;
}

QList<ServerStore::OpRow> ServerStore::history(const QString &listId, const QString &householdId,
                                               qint64 before, int limit)
{
    // A household's history is merged from its lists' logs rather than read through an
    // index on household: such an index would cost every op one more random page write.
    QStringList lists;
    if (!listId.isEmpty()) {
        lists << listId;
    } else {
        QSqlQuery &q = prepared("SELECT id FROM lists WHERE household_id = ?");
        const store::QueryDone done(q);
        q.addBindValue(householdId);
        if (!exec(q))
            return {};
        while (q.next())
            lists << q.value(0).toString();
    }
    const qint64 bound = before > 0 ? before : std::numeric_limits<qint64>::max();
    QList<OpRow> out;
    for (const QString &list : std::as_const(lists)) {
#define KINLIST_HISTORY_COLUMNS                                                                    \
    "SELECT o.gid, o.seq, o.household_id, o.user_id, u.display_name, o.at, o.op," KINLIST_OP_VIA
        QSqlQuery &q = m_postgres
            ? prepared(KINLIST_HISTORY_COLUMNS
                       " FROM ops o LEFT JOIN users u ON u.id = o.user_id" KINLIST_OP_VIA_JOINS
                       " WHERE o.list_id = ? AND o.gid < ? ORDER BY o.seq DESC LIMIT ?")
            : prepared(KINLIST_HISTORY_COLUMNS
                       " FROM (" KINLIST_LIST_OPS_BEFORE_GID
                       " ORDER BY seq DESC LIMIT ?) t JOIN ops o ON o.gid = t.gid"
                       " LEFT JOIN users u ON u.id = o.user_id" KINLIST_OP_VIA_JOINS
                       " ORDER BY t.seq DESC");
        const store::QueryDone done(q);
        for (int part = m_postgres ? 1 : 2; part > 0; --part) {
            q.addBindValue(list);
            q.addBindValue(bound);
        }
        q.addBindValue(limit);
        if (!exec(q))
            return {};
        while (q.next()) {
            OpRow r;
            r.gid = q.value(0).toLongLong();
            r.listId = list;
            r.seq = q.value(1).toLongLong();
            r.householdId = q.value(2).toString();
            r.userId = q.value(3).toString();
            r.displayName = q.value(4).toString();
            r.atMs = q.value(5).toLongLong();
            r.opJson = q.value(6).toByteArray();
            r.viaName = q.value(7).toString();
            out.append(std::move(r));
        }
    }
    std::sort(out.begin(), out.end(), [](const OpRow &a, const OpRow &b) { return a.gid > b.gid; });
    if (out.size() > limit)
        out.resize(limit);
    return out;
}

bool ServerStore::insertReject(const QString &clientId, qint64 mutationId, const QString &code,
                               const QString &message)
{
    QSqlQuery &q = prepared("INSERT INTO rejects (client_id, mutation_id, code, message)"
                            " VALUES (?, ?, ?, ?) ON CONFLICT (client_id, mutation_id)"
                            " DO UPDATE SET code = excluded.code, message = excluded.message");
    const store::QueryDone done(q);
    q.addBindValue(clientId);
    q.addBindValue(mutationId);
    q.addBindValue(code);
    q.addBindValue(message);
    return exec(q);
}

std::optional<QPair<QString, QString>> ServerStore::reject(const QString &clientId,
                                                           qint64 mutationId)
{
    QSqlQuery &q =
        prepared("SELECT code, message FROM rejects WHERE client_id = ? AND mutation_id = ?");
    const store::QueryDone done(q);
    q.addBindValue(clientId);
    q.addBindValue(mutationId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    return qMakePair(q.value(0).toString(), q.value(1).toString());
}

} // namespace kinlist::server
