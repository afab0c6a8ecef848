#pragma once

#include "core/errors.h"
#include "core/op.h"
#include "core/replica.h"
#include "store/statements.h"
#include "store/walcheckpointer.h"

#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace kinlist::client {

// Who made a confirmed op and when (server time, ms), for the activity feed.
struct OpOrigin
{
    QString by; // user id
    QString byName; // display name, when the server sent it
    qint64 at = 0;
    QString via; // the kitchen tablet that made it for `by`, when one did
};

// The client's own SQLite database (WAL), one per server and account: the confirmed state
// of lists and items with per-field stamps, the last seq it has of each list, and the
// outbox of changes not yet acknowledged, in order with their mutation ids. A change is
// in the outbox (committed) before anything shows or sends it, so a crash at any point
// loses nothing that was shown. What a list looks like to the user is its confirmed state
// merged with the pending changes, by the same merge code the server runs.
//
// It also keeps what the UI needs offline: the households with their members, the
// activity (every op the server confirmed, with who and when), the changes the server
// refused (with its reason) and the conflicts this device's pending changes lost.
class LocalStore
{
public:
    static constexpr int kSchemaVersion = 2;

    struct Pending
    {
        qint64 mutationId = 0;
        Op op;
    };

    using Origin = OpOrigin;

    struct Activity
    {
        QString listId;
        qint64 seq = 0;
        QString householdId;
        QString by;
        QString byName;
        qint64 at = 0;
        Op op;
        QString via; // the kitchen tablet that made it for `by`, when one did
    };

    // A change of this device that the server refused: no longer pending, kept so the UI
    // can say why until the user dismisses it.
    struct Failure
    {
        qint64 mutationId = 0;
        Op op;
        QString code;
        QString message;
        qint64 at = 0;
    };

    // A write of this device that lost to a concurrent write of someone else to the same
    // field (a higher stamp): "Mum set 2, you set 3".
    struct Conflict
    {
        QString entityId;
        QString listId;
        QString field;
        QJsonValue mine;
        QJsonValue theirs;
        QString theirsBy; // user id, when known
        QString theirsByName;
        qint64 at = 0; // when this device noticed
    };

    enum class SyncState { Confirmed, Pending, Failed };

    explicit LocalStore(QString connectionName);
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    bool open(const QString &path, Error *error);
    void close();

    QString databasePath() const { return m_db.databaseName(); }
    // The highest stamp this store has seen (its own edits, the server's ops): a clock
    // started afresh must issue stamps above it, or a new edit could lose to an old value.
    Hlc highestStamp() const { return m_highestStamp; }
    // This device's client id for this account, made on first open.
    QString clientId() const { return m_clientId; }

    // Adds a change to the outbox with the next mutation id, durably. Returns that id.
    std::optional<qint64> enqueue(const Op &op, Error *error);
    // The outbox in order; only mutation ids above `after`, at most `limit` (-1: all).
    QList<Pending> pending(int limit = -1, qint64 after = 0) const;
    int pendingCount() const { return m_pendingCount; }

    // The server applied mutation `mutationId` as `serverOp` at `seq` (its stamp may have
    // been clamped): it leaves the outbox and joins the confirmed state, in one transaction.
    bool acknowledge(qint64 mutationId, const Op &serverOp, qint64 seq, Error *error,
                     const Origin &origin = {});
    // Several at once, in one transaction (acks arrive in bursts).
    struct Ack
    {
        qint64 mutationId = 0;
        Op op;
        qint64 seq = 0;
        Origin origin;
    };
    bool acknowledge(const QList<Ack> &acks, Error *error);
    // The server refused it: it leaves the outbox for the failures; the confirmed state
    // never had it.
    std::optional<Pending> reject(qint64 mutationId, const QString &code, const QString &message,
                                  Error *error);
    // An op from the server (someone else's, a catch-up, our own broadcast): merged into
    // confirmed state and the activity; merging one seen before changes nothing.
    bool applyRemote(const Op &op, qint64 seq, Error *error, const Origin &origin = {});
    // A snapshot replaces the list's confirmed state.
    bool replaceList(const QString &listId, const QList<Entity> &entities, qint64 seq,
                     Error *error);

    qint64 lastSeq(const QString &listId) const;
    // Every list this store holds a seq of.
    QStringList knownLists() const;
    // The list as the user sees it: confirmed state with the pending changes merged in.
    Replica view(const QString &listId) const;
    // Log frames the background checkpointer has not copied into the database yet (it
    // works through a big catch-up for a while after).
    qint64 checkpointBacklog() const { return m_checkpointer ? m_checkpointer->backlog() : 0; }
    // The same entities as view(), one at a time (without holding the list twice);
    // `pending` says whether changes of this device wait in the outbox.
    void forEachViewEntity(const QString &listId,
                           const std::function<void(const Entity &, bool pending)> &fn) const;
    Replica confirmed(const QString &listId) const;
    // One list or item as the user sees it (confirmed with its pending changes), without
    // reading the rest of its list: what a model needs after one op.
    std::optional<Entity> viewEntity(const QString &entityId) const;
    // True while a change of this device to the entity is in the outbox.
    bool isPending(const QString &entityId) const;
    bool isPendingMutation(qint64 mutationId) const;
    // Pending while a change of this device is in the outbox, else Failed while a refused
    // change is not dismissed, else Confirmed.
    SyncState syncState(const QString &entityId) const;
    // The entities of a list with a change in the outbox, and with a refused change.
    QSet<QString> pendingEntities(const QString &listId) const;
    QSet<QString> failedEntities(const QString &listId) const;

    QList<Failure> failures(const QString &listId) const;
    bool dismissFailure(qint64 mutationId);

    QList<Conflict> conflicts(const QString &listId) const;
    bool dismissConflict(const QString &entityId, const QString &field);
    // Conflicts found since the last call, for the client to announce.
    QList<Conflict> takeNewConflicts();

    // Activity, newest first: of one list (seq below `beforeSeq`, 0 for the newest) or of a
    // household (before `beforeAt` ms, 0 for the newest).
    QList<Activity> activity(const QString &listId, qint64 beforeSeq, int limit) const;
    // Newest first (by time, then list and seq: a total order, so pages never skip or
    // repeat entries of the same millisecond); `after` is the last entry already read.
    QList<Activity> householdActivity(const QString &householdId, const Activity *after,
                                      int limit) const;
    // Entries of the server's history; those already cached are left as they are. An
    // entry's household is taken from its list when it is not given.
    bool cacheActivity(const QList<Activity> &entries, Error *error);

    // Households with their members, as the server last listed them ({id,name,role,
    // memberCount} and {userId,displayName,role,joinedAt}).
    bool setHouseholds(const QList<QJsonObject> &households, Error *error);
    QList<QJsonObject> households() const;
    bool setMembers(const QString &householdId, const QList<QJsonObject> &members, Error *error);
    QList<QJsonObject> members(const QString &householdId) const;
    // Display names seen anywhere (members, ops, presence).
    bool setPerson(const QString &userId, const QString &displayName);
    QString personName(const QString &userId) const;
    // Reminders this device has given: one per task and due time (the "due" value), kept
    // across restarts so a reminder goes off once. Old ones are forgotten by fired_at (ms).
    bool reminderFired(const QString &itemId, const QString &due) const;
    bool markReminderFired(const QString &itemId, const QString &due, qint64 firedAt);
    bool forgetRemindersBefore(qint64 firedAt);
    // The lists of a household (deleted ones too), with this device's pending changes.
    QList<Entity> lists(const QString &householdId) const;

    // What quick entry remembers of a household's shopping items: each title used (one per
    // spelling, ignoring case), its last category and unit, how often it was added and when
    // last (ms). Learnt from every item this device adds or changes, every change it hears
    // of, and every list it is sent whole.
    struct Remembered
    {
        QString title;
        QString category;
        QString unit;
        int uses = 0;
        qint64 lastUsed = 0;
    };
    // The titles of `householdId` with a word starting with each word `typed`, the most
    // used (fading over weeks unused) first.
    QList<Remembered> suggestions(const QString &householdId, const QString &typed,
                                  int limit) const;
    // What is remembered of `title` (any case) in `householdId`.
    std::optional<Remembered> remembered(const QString &householdId, const QString &title) const;

private:
    enum class Learning { Seen, Added, Edited };
    static bool isShopping(const Entity &list);
    // Learns from an item op just stored (in the caller's transaction). A failure is
    // logged and loses nothing else: the change stands.
    void learn(const Op &op, qint64 at);
    void remember(const QString &householdId, const Entity &item, Learning how, qint64 at);
    // Learns every item on this device (once, after the schema step that began it).
    bool learnAll();
    bool migrate(Error *error);
    bool commit();
    void rollback();
    std::optional<Entity> mergeConfirmed(const Op &op);
    bool setLastSeq(const QString &listId, qint64 seq);
    bool noteStamp(const Hlc &stamp);
    // The first column of `sql` (one ? for the list id), as a set.
    QSet<QString> entityIds(const char *sql, const QString &listId) const;
    bool recordActivity(const Op &op, qint64 seq, const Origin &origin,
                        const QString &householdHint = {});
    std::optional<Entity> confirmedEntity(const QString &entityId) const;
    // After `entity` changed: every pending write of this device to one of its fields that
    // now loses (a higher stamp, another value) is a conflict. `remote` is the op just
    // merged, made by `origin`; `acked` is an op of ours the server just applied, which may
    // have lost too.
    bool findConflicts(const Entity &entity, const Op *remote, const Origin &origin,
                       const Op *acked);
    bool recordConflict(const Entity &entity, const QString &field, const QJsonValue &mine,
                        const Origin &theirs);
    Error sqlError(const QString &what) const;

    QString m_connectionName;
    QSqlDatabase m_db;
    QString m_clientId;
    mutable store::Statements m_statements;
    std::unique_ptr<store::WalCheckpointer> m_checkpointer; // null until open
    QList<Conflict> m_newConflicts;
    // This device's writes the server acknowledged lately, per (entity, field): a remote
    // write made before ours reached the server (its stamp's time is earlier) could not
    // have seen ours, so when it wins ours was lost, though no longer pending. In memory;
    // when kAckedWritesKept are held, those older than an hour go (all, if none is).
    struct AckedWrite
    {
        QJsonValue value;
        Hlc stamp;
        qint64 ackedAt = 0; // the server's time
    };
    QHash<QPair<QString, QString>, AckedWrite> m_ackedWrites;
    static constexpr int kAckedWritesKept = 5000;
    static constexpr qint64 kClockMarginMs = 500;
    void rememberAcked(const Op &op, qint64 ackedAt);
    Hlc m_highestStamp;
    int m_pendingCount = 0;
};

} // namespace kinlist::client
