#pragma once

#include "core/replica.h"
#include "store/statements.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include "store/walcheckpointer.h"

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kinlist::server {

// The server's database: accounts, households, the op log per list and the materialized
// state of every list and item. SQLite (WAL) in the data directory by default, or
// PostgreSQL (openPostgres) for several nodes on one database. All statements are prepared
// once and reused. Only the server's thread uses it.
class ServerStore
{
public:
    static constexpr int kSchemaVersion = 5;
    static constexpr int kPostgresSchemaVersion = 2;

    explicit ServerStore(QString connectionName);
    ~ServerStore();
    ServerStore(const ServerStore &) = delete;
    ServerStore &operator=(const ServerStore &) = delete;

    bool open(const QString &path, bool syncFull, QString *error);
    // postgresql://user[:password]@host[:port]/database
    bool openPostgres(const QString &url, QString *error);
    bool isPostgres() const { return m_postgres; }
    // (PostgreSQL) The secret of this name every node shares: `candidate` if none was stored
    // yet; empty on failure.
    QByteArray sharedSecret(const QString &name, const QByteArray &candidate);
    void close();
    bool ping();

    // --- several nodes on one PostgreSQL database (no-ops on SQLite) ---
    // Locks the list's row until the open transaction ends: its next seq is this node's to
    // give until then.
    bool lockList(const QString &listId);
    // The newest seq of the list's op log as committed.
    qint64 headSeq(const QString &listId);
    // NOTIFY `channel` with `payload`, delivered to the other nodes when the open
    // transaction commits.
    bool notify(const QString &channel, const QString &payload);
    // LISTENs on `channels`; `handler` gets what other nodes notify. False when the
    // connection cannot listen.
    bool listen(const QStringList &channels,
                std::function<void(const QString &channel, const QString &payload)> handler);
    // Whether the connection to the database is up; when it went down, it is opened again
    // (and listens again), and `reconnected` says so: notifications sent meanwhile were
    // lost. False while it stays down.
    bool reconnectIfLost(bool *reconnected);
    // Locks the client's row until the open transaction ends and returns its last applied
    // mutation id as committed (0 for a client not seen yet), or -1 on failure.
    qint64 lockClient(const QString &clientId);
    // Saves a client's last applied mutation id in the open transaction, with its op.
    bool setClientProgress(const QString &clientId, qint64 mutationId);
    // Presence across nodes: who has which list open on which node. A node says it is
    // alive at least every `ttlMs` (by the database's clock); a node that stops saying so
    // is given up, with its presence.
    struct PresenceRow
    {
        QString node;
        qint64 conn = 0; // the connection's id on its node
        QString userId;
        QString displayName;
        QString clientId;
        QString device;
    };
    // Marks the node alive for `ttlMs` more; `fresh` when it had no row (it starts, or was
    // given up for dead meanwhile): its presence must then be written again.
    bool keepNodeAlive(const QString &node, int ttlMs, bool *fresh);
    // Gives up the nodes whose time ran out, with their presence: the lists they were on.
    std::optional<QStringList> expireNodes();
    // A node going away: its row and its presence; the lists it was on.
    std::optional<QStringList> dropNode(const QString &node);
    // Replaces the node's presence on the list with `rows` (conn and person filled in).
    bool setPresence(const QString &listId, const QString &node, const QList<PresenceRow> &rows);
    // The list's presence on live nodes other than `exceptNode`; nullopt when unreadable.
    std::optional<QList<PresenceRow>> presence(const QString &listId, const QString &exceptNode);
    QString lastError() const { return m_lastError; }

    // Fault injection for tests: caps the database at its current size, so the next write
    // that needs a new page fails with SQLite's real "database or disk is full".
    void setFullForTesting(bool full);

    bool begin();
    bool commit();
    // Lets the log restart when the checkpointer thread is nearly through it; call it
    // outside a transaction, after the answers to a commit have gone out.
    void finishCheckpointIfDue();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

    struct User
    {
        QString id;
        QString email;
        QString displayName;
        QByteArray passwordHash;
        bool device = false; // a paired kitchen tablet's account, for good
        qint64 tokenGen = 0; // access tokens of an older generation are refused
    };
    std::optional<User> userByEmail(const QString &email);
    std::optional<User> userById(const QString &id);
    bool insertUser(const User &user, qint64 nowMs);
    // Ends every access token issued so far for the account ("sign out everywhere").
    bool bumpTokenGeneration(const QString &userId);

    struct RefreshToken
    {
        QByteArray hash;
        QString userId;
        QString familyId;
        qint64 expiresAtMs = 0;
        bool used = false;
        bool revoked = false;
        qint64 usedAtMs = 0; // when it was exchanged
        QString usedBy; // the client id that exchanged it
        QByteArray successor; // hash of the token it was exchanged for
        bool graceUsed = false; // exchanged a second time, in the grace period
        bool superseded = false; // revoked by such a second exchange: nobody should hold it
    };
    bool insertRefreshToken(const RefreshToken &t, qint64 nowMs);
    std::optional<RefreshToken> refreshToken(const QByteArray &hash);
    // Records that `hash` was exchanged by `byClientId` for `successor` (again, if `grace`),
    // if it is still as `seen` (read before): `changed` when another exchange came first.
    bool markRefreshTokenUsed(const QByteArray &hash, const QString &byClientId,
                              const QByteArray &successor, bool grace, qint64 nowMs,
                              const RefreshToken &seen, bool *changed);
    // Revokes the token a grace exchange replaces (its reply was lost): if it ever comes
    // back, someone else had it.
    bool supersedeRefreshToken(const QByteArray &hash);
    bool revokeRefreshFamily(const QString &familyId);
    bool revokeAllRefreshTokens(const QString &userId);

    struct Household
    {
        QString id;
        QString name;
        QString role;
        int memberCount = 0;
    };
    struct Member
    {
        QString userId;
        QString displayName;
        QString role;
        qint64 joinedAtMs = 0;
    };
    bool insertHousehold(const QString &id, const QString &name, const QString &ownerId,
                         qint64 nowMs);
    std::optional<Household> household(const QString &id, const QString &forUserId);
    QList<Household> householdsOf(const QString &userId);
    // Household id -> role; `ok` (when given) says whether it could be read.
    // (A map: a person is in one household or a few, and a QHash's least storage is 2 KiB.)
    QMap<QString, QString> membershipsOf(const QString &userId, bool *ok = nullptr);
    QList<Member> members(const QString &householdId);
    bool insertMember(const QString &householdId, const QString &userId, const QString &role,
                      qint64 nowMs);
    bool deleteMember(const QString &householdId, const QString &userId);
    bool setMemberRole(const QString &householdId, const QString &userId, const QString &role);

    struct Invite
    {
        QString code;
        QString householdId;
        qint64 expiresAtMs = 0;
        int maxUses = 0;
        int uses = 0;
        QString role = QStringLiteral("member"); // the role it gives: member, or kiosk (pairing)
    };
    bool insertInvite(const Invite &invite, const QString &createdBy, qint64 nowMs);
    std::optional<Invite> invite(const QString &code);
    // Takes one use of the code; `usedUp` when none was left.
    bool useInvite(const QString &code, bool *usedUp);

    struct Client
    {
        QString userId;
        qint64 lastMutationId = 0;
    };
    std::optional<Client> client(const QString &clientId);
    bool upsertClient(const QString &clientId, const QString &userId, const QString &device,
                      qint64 nowMs);

    struct ListRow
    {
        QString id;
        QString householdId;
        qint64 headSeq = 0;
        qint64 snapshotSeq = 0; // the entities table holds every op up to here
    };
    std::optional<ListRow> list(const QString &id);
    bool insertList(const QString &id, const QString &householdId, qint64 nowMs);
    bool setSnapshotSeq(const QString &listId, qint64 seq);
    QList<QPair<ListRow, Entity>> listsOfHousehold(const QString &householdId);

    QList<Entity> entitiesOfList(const QString &listId, bool *ok = nullptr);
    std::optional<QString> listOfEntity(const QString &entityId);
    bool upsertEntity(const Entity &entity);

    struct OpRow
    {
        qint64 gid = 0;
        QString listId;
        qint64 seq = 0;
        QString householdId;
        QString userId;
        QString displayName; // filled by history() and opsSince()
        QString viaName; // filled by history() and opsSince(): the kitchen tablet it was
                         // made on, if any
        QString clientId;
        qint64 mutationId = 0;
        qint64 atMs = 0;
        QByteArray opJson;
    };
    qint64 maxGid();
    // The op log's gid up to which saveClientProgress() has saved every client's progress.
    qint64 clientsGid();
    // Appends an op; returns its gid, or -1.
    qint64 insertOp(const OpRow &row);
    // (SQLite) The gid up to which op_index holds the op log for every list; the ops after it
    // are found by reading the end of the log.
    qint64 indexedGid() const { return *std::min_element(m_bucketGid.begin(), m_bucketGid.end()); }
    // (SQLite) The lists' ops go to op_index in kOpIndexBuckets buckets of lists (by the last
    // digit of their ids), each brought up to date on its own.
    static constexpr int kOpIndexBuckets = 8;
    // (SQLite) The newest gid a bucket has been brought up to.
    qint64 newestIndexedGid() const
    {
        return *std::max_element(m_bucketGid.begin(), m_bucketGid.end());
    }
    // (SQLite) A list's bucket: the last hex digit of its id (a UUID) modulo 8; any other
    // last character, bucket 7. Part of the schema: a list never changes buckets.
    static int opIndexBucket(const QString &listId);
    // (SQLite) Adds the ops up to `upToGid` of the lists of `bucket` (-1: the bucket brought
    // up to date longest ago) to op_index, in a transaction of its own (call it outside
    // one). Written in bulk, each list's page of the index is written once for all of its
    // new ops, not once per op as an index on the log itself would be.
    bool indexOps(qint64 upToGid, int bucket = -1);
    // The seq at which a mutation of this client was applied to this list, and the op as
    // applied (JSON), if it was.
    std::optional<std::pair<qint64, QByteArray>>
    appliedOp(const QString &listId, const QString &clientId, qint64 mutationId);
    // Saves each client's last applied mutation id. With `upToGid` (not -1), every client
    // with ops up to that gid has been saved, in this call or before it.
    bool saveClientProgress(const QHash<QString, qint64> &lastMutation, qint64 upToGid);
    // The ops after `sinceSeq`, in order; with `maxOpBytes`, it stops (and says so in
    // `complete`) once their JSON adds up to more. (Not complete either: not read at all.)
    QList<OpRow> opsSince(const QString &listId, qint64 sinceSeq, qint64 maxOpBytes = -1,
                          bool *complete = nullptr);
    // Newest first, gid < before (0 = from the newest), for a list or a whole household.
    QList<OpRow> history(const QString &listId, const QString &householdId, qint64 before,
                         int limit);

    bool insertReject(const QString &clientId, qint64 mutationId, const QString &code,
                      const QString &message);
    std::optional<QPair<QString, QString>> reject(const QString &clientId, qint64 mutationId);

private:
    QSqlQuery &prepared(const char *sql);
    // Runs `q` (with `bind` bound, unless empty) and returns its first column.
    std::optional<QStringList> listIds(QSqlQuery &q, const QString &bind);
    void configureSession();
    bool exec(QSqlQuery &q);
    bool migrate(QString *error);
    bool prepareHotStatements(QString *error);
    bool stepOnce(sqlite3_stmt *statement);

    QString m_connectionName;
    bool m_postgres = false;
    QStringList m_listening;
    std::function<void(const QString &, const QString &)> m_notified;
    QObject *m_notifyContext = nullptr; // owns the connection to the driver's signal
    QSqlDatabase m_db;
    store::Statements m_statements;
    QString m_lastError;
    bool m_inTransaction = false;
    std::array<qint64, kOpIndexBuckets> m_bucketGid {}; // meta 'indexed_gid.<bucket>'
    // (SQLite) Each bucket's ops past its mark, as the log got them (read back at open): a
    // bucket's pass writes them without reading the log again.
    struct Unindexed
    {
        QString listId;
        qint64 seq = 0;
        qint64 gid = 0;
    };
    std::array<std::vector<Unindexed>, kOpIndexBuckets> m_unindexed;
    std::array<size_t, kOpIndexBuckets> m_unindexedAtBegin {}; // dropped by a rollback
    qint64 noteUnindexed(const OpRow &row, qint64 gid);
    bool readUnindexed(QString *error);
    std::unique_ptr<store::WalCheckpointer> m_checkpointer;
    // (SQLite) The connection's own handle, and the op log's insert and every write
    // transaction's BEGIN and COMMIT prepared on it once: run through SQLite's API, without
    // QSqlQuery's cost per use (see insertOp). Null when Qt's driver runs on another SQLite.
    sqlite3 *m_sqlite = nullptr;
    sqlite3_stmt *m_insertOp = nullptr;
    sqlite3_stmt *m_insertIndex = nullptr;
    sqlite3_stmt *m_begin = nullptr;
    sqlite3_stmt *m_commit = nullptr;
};

} // namespace kinlist::server
