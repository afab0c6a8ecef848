#pragma once

#include "core/errors.h"
#include "core/op.h"
#include "core/replica.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace kinlist::client {

// The client's own SQLite database (WAL), one per server and account: the confirmed state
// of lists and items with per-field stamps, the last seq it has of each list, and the
// outbox of changes not yet acknowledged, in order with their mutation ids. A change is
// in the outbox (committed) before anything shows or sends it, so a crash at any point
// loses nothing that was shown. What a list looks like to the user is its confirmed state
// merged with the pending changes, by the same merge code the server runs.
class LocalStore
{
public:
    static constexpr int kSchemaVersion = 1;

    struct Pending
    {
        qint64 mutationId = 0;
        Op op;
    };

    explicit LocalStore(QString connectionName);
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    bool open(const QString &path, Error *error);
    void close();

    // This device's client id for this account, made on first open.
    QString clientId() const { return m_clientId; }

    // Adds a change to the outbox with the next mutation id, durably. Returns that id.
    std::optional<qint64> enqueue(const Op &op, Error *error);
    QList<Pending> pending(int limit = -1) const;
    int pendingCount() const;

    // The server applied mutation `mutationId` as `serverOp` at `seq` (its stamp may have
    // been clamped): it leaves the outbox and joins the confirmed state, in one transaction.
    bool acknowledge(qint64 mutationId, const Op &serverOp, qint64 seq, Error *error);
    // The server refused it: it leaves the outbox; the confirmed state never had it.
    std::optional<Pending> reject(qint64 mutationId, Error *error);
    // An op from the server (someone else's, a catch-up, our own broadcast): merged into
    // confirmed state; merging one seen before changes nothing.
    bool applyRemote(const Op &op, qint64 seq, Error *error);
    // A snapshot replaces the list's confirmed state.
    bool replaceList(const QString &listId, const QList<Entity> &entities, qint64 seq,
                     Error *error);

    qint64 lastSeq(const QString &listId) const;
    // The list as the user sees it: confirmed state with the pending changes merged in.
    Replica view(const QString &listId) const;
    Replica confirmed(const QString &listId) const;
    // True while a change of this device to the entity is in the outbox.
    bool isPending(const QString &entityId) const;
    bool isPendingMutation(qint64 mutationId) const;

private:
    bool migrate(Error *error);
    bool mergeConfirmed(const Op &op);
    bool setLastSeq(const QString &listId, qint64 seq);
    Error sqlError(const QString &what) const;

    QString m_connectionName;
    QSqlDatabase m_db;
    QString m_clientId;
};

} // namespace kinlist::client
