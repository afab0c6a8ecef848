#pragma once

#include "core/hlc.h"
#include "core/protocol.h"
#include "core/replica.h"
#include "metrics.h"
#include "serverconfig.h"
#include "serverstore.h"
#include "tokens.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QVector>

#include <functional>
#include <memory>
#include <optional>

class QTcpSocket;

namespace kinlist::server {

class HttpGate;
class WebSocketPeer;

// kinlist-server as a library: one event-loop thread serving accounts, households and
// one room per list over WebSocket, with every applied op committed to SQLite before it
// is acked and broadcast. See docs/architecture.md for the data flow.
class SyncServer : public QObject
{
    Q_OBJECT
public:
    // Close codes of our own (docs/protocol.md, "Closing").
    static constexpr int kCloseTokenExpired = 4001;
    static constexpr int kCloseSlowReader = 4002;
    static constexpr int kCloseSignedOut = 4003;
    // "Try again later": RFC 6455's 1013 is refused as a protocol error by Qt's WebSocket
    // client, so the server says it with a code of its own.
    static constexpr int kCloseServerFull = 4013;
    // Roles in a household.
    static inline const QString kRoleOwner = QStringLiteral("owner");
    static inline const QString kRoleKiosk = QStringLiteral("kiosk"); // a paired tablet
    // (PostgreSQL) What nodes tell each other (syncserver_nodes.cpp): "<list id>:<seq>:..."
    // when a list has new ops, "<user id>:<household id>" when a membership changed,
    // "<list id>" when who has a list open changed, "<user id>:<why>" when an account's
    // sessions end everywhere.
    static constexpr const char *kOpsChannel = "kinlist_ops";
    static constexpr const char *kMembersChannel = "kinlist_members";
    static constexpr const char *kPresenceChannel = "kinlist_presence";
    static constexpr const char *kSessionsChannel = "kinlist_sessions";
    // The grace period in which a device may exchange a rotated refresh token once more.
    static constexpr qint64 kRefreshGraceMs = 5 * 60 * 1000;

    explicit SyncServer(ServerConfig config, QObject *parent = nullptr);
    ~SyncServer() override;

    // Opens the database, loads or creates the token secret and starts listening.
    bool start(QString *error);
    // Stops accepting, commits what is pending, closes every socket with "going away",
    // and emits stopped() when all are gone (or after a short grace period).
    void shutdown();

    // The frame path without sockets, for fuzzing and tests: a connection with no socket,
    // fed one text frame at a time. dispatchFrame() runs the frame through the same
    // dispatch as a socket's, commits what it staged, and returns every frame sent to the
    // connection since the last call (replies, acks, broadcasts); closeCodeOf() tells
    // whether the server closed it (-1: open). Works with or without listening.
    quint64 openVirtualConnection();
    QList<QByteArray> dispatchFrame(quint64 connectionId, const QByteArray &frame);
    QList<QByteArray> takeSent(quint64 connectionId);
    int closeCodeOf(quint64 connectionId) const;
    void closeVirtualConnection(quint64 connectionId);

    quint16 port() const;
    QUrl url() const;
    const ServerConfig &config() const { return m_config; }
    const Metrics &metrics() const { return m_metrics; }
    int connectionCount() const { return int(m_connections.size()); }
    int roomCount() const;
    // Lists whose items are in memory (see Room::loaded).
    int loadedListCount() const;
    ServerStore &storeForTesting() { return m_store; }
    // Clients of the round of progress being saved that are not saved yet.
    int progressRoundForTesting() const { return int(m_progressRound.size()); }

Q_SIGNALS:
    void stopped();

private:
    struct Room;

    struct Connection
    {
        quint64 id = 0;
        WebSocketPeer *socket = nullptr;
        bool helloDone = false;
        int protocol = Protocol::kVersion; // as said in hello
        bool closing = false;
        QString clientId;
        QString device;
        QString userId; // empty until signed in
        QString displayName;
        QByteArray displayNameJson; // as a JSON string, for frames built by hand
        qint64 tokenExpiresAtMs = 0;
        bool kiosk = false; // signed in as a paired tablet's account
        QStringList rooms; // lists subscribed to (a few: a list, not a hash's 1.3 KiB)
        double bucket = 0;
        qint64 bucketAtMs = 0;
        int floodDropped = 0; // frames dropped by the rate limit in this flood
        qint64 lastDropMs = 0; // when the rate limit last dropped a frame
        qint64 lastRateErrorMs = 0; // when it last said so
        qint64 lastSeenMs = 0;
        qint64 bigFrameBytes = 0; // the largest frame queued since unsent bytes were under the cap
        int failedLogins = 0;
        int failedJoins = 0;
        bool busy = false; // a password hash is running for this connection
        // A connection of the in-process seam (dispatchFrame): no socket; what is sent to it
        // is kept here, and the close code it was given.
        bool virtualPeer = false;
        QList<QByteArray> sent;
        int closeCode = -1;
        bool signedIn() const { return !userId.isEmpty(); }
    };

    struct Room
    {
        QString listId;
        QString householdId;
        qint64 headSeq = 0;
        // The list itself and its items, read when first needed (a change, a snapshot to
        // send: loadEntities), not when the list is opened; they leave memory again when
        // unused for a while (unloadEntities). An open list nobody changes costs no more
        // than who has it open.
        bool loaded = false;
        qint64 usedAtMs = 0; // when the entities were last read or changed
        QHash<QString, Entity> entities;
        QList<Connection *> subscribers; // (a few: a list, not a hash's 0.5 KiB)
        qint64 snapshotSeq = 0; // the entities table has everything up to this seq
        QSet<QString> dirty; // entities changed since then
        qint64 lockedAtSeq = -1; // (PostgreSQL) the head when this batch locked the list
        // (PostgreSQL) Who has the list open on other nodes, by "<node>/<connection id>".
        QHash<QString, QJsonObject> remote;
    };

    // A mutation applied (or rejected) inside the open transaction, answered after commit.
    struct Pending
    {
        quint64 connId = 0;
        qint64 requestId = -1;
        QString clientId;
        qint64 mutationId = 0;
        QString listId;
        qint64 seq = 0;
        QString stamp;
        QByteArray opJson; // the op as applied (stamp clamped, creator filled in)
        Error reject; // set: answer with a reject
        bool duplicate = false; // a resend of a mutation in this same batch: ack only
        bool listLevel = false;
        QByteArray frameOthers;
        QByteArray frameSender; // empty for a protocol 2 sender
        qint64 receivedNs = 0; // m_uptime time the frame arrived
    };

    // connection life
    void onUpgrade(QTcpSocket *socket);
    // A new connection on this peer (none: a virtual one of the in-process seam).
    Connection *addConnection(WebSocketPeer *peer);
    void onTextMessage(Connection *c, const QByteArray &frame);
    void onDisconnected(Connection *c);
    // Closes the connection unless it signs in within the auth timeout.
    void startAuthDeadline(Connection *c);
    void sweep();
    bool takeToken(Connection *c, qint64 now);

    // sending
    void send(Connection *c, const QByteArray &frame);
    void sendReply(Connection *c, qint64 id, const QJsonObject &result);
    void sendError(Connection *c, qint64 id, ErrorCode code, const QString &message);
    void sendError(Connection *c, qint64 id, const Error &e)
    {
        sendError(c, id, e.code, e.message);
    }
    void closeConnection(Connection *c, int closeCode, const QString &reason);
    // Closes a connection the server gives up on, counted by reason in /metrics.
    void dropConnection(Connection *c, int closeCode, DropReason reason, const QString &text);
    // True (after flushing) when the connection's unsent bytes are over the limit: it is
    // then closed as a stalled reader.
    bool overOutgoingLimit(Connection *c);

    // accounts (syncserver_accounts.cpp)
    void handleHello(Connection *c, const Protocol::Decoded &d);
    void handleAuth(Connection *c, const Protocol::Decoded &d);
    void handleRegister(Connection *c, const Protocol::Decoded &d);
    void handleLogin(Connection *c, const Protocol::Decoded &d);
    void handleRefresh(Connection *c, const Protocol::Decoded &d);
    void handleLogout(Connection *c, const Protocol::Decoded &d);
    // Whether the connection may be signed in as `userId`: not as another account, within
    // the connection cap, and only with a client id of that account.
    Error canSignIn(const Connection *c, const QString &userId);
    Error signIn(Connection *c, const ServerStore::User &user, qint64 tokenExpiresAtMs);
    // Leaves the account's rooms and forgets it.
    void signOut(Connection *c);
    // Answers `bad_value` and returns true when the connection is signed in already.
    bool refuseWhileSignedIn(Connection *c, qint64 requestId);
    // Issues a session inside the open transaction (with `alsoSave`, given the new refresh
    // token's hash), commits, and signs the connection in. On failure it has answered the
    // request and rolled back.
    std::optional<QJsonObject>
    startSession(Connection *c, qint64 requestId, const ServerStore::User &user,
                 const QString &familyId,
                 const std::function<Error(const QByteArray &)> &alsoSave = {});
    // The account a verified token names, if it still exists and the token is of its
    // current generation.
    std::optional<ServerStore::User> userForToken(const Tokens::Claims &claims, Error *error);
    bool inRefreshGrace(const Connection *c, const ServerStore::RefreshToken &t, qint64 nowMs);
    // Signs out and closes (4003) every connection of the account.
    // Signs out every connection of the account, here and (`everywhere`) on other nodes.
    void endSessions(const QString &userId, const QString &why, bool everywhere = true);

    // households (syncserver_households.cpp)
    void handleHouseholdCreate(Connection *c, const Protocol::Decoded &d);
    void handleHouseholdList(Connection *c, const Protocol::Decoded &d);
    void handleMembers(Connection *c, const Protocol::Decoded &d);
    void handleLeave(Connection *c, const Protocol::Decoded &d);
    void handleJoin(Connection *c, const Protocol::Decoded &d);
    void handleMemberRemove(Connection *c, const Protocol::Decoded &d);
    void handleSetRole(Connection *c, const Protocol::Decoded &d);
    void handleInviteCreate(Connection *c, const Protocol::Decoded &d);
    void handleKioskCodeCreate(Connection *c, const Protocol::Decoded &d);
    void handleKioskPair(Connection *c, const Protocol::Decoded &d);
    // The invite or pairing code the request names, if it can be used for `role`; else
    // answers with the reason (and counts a wrong guess) and returns nothing.
    std::optional<ServerStore::Invite> usableInvite(Connection *c, const Protocol::Decoded &d,
                                                    const QString &role);
    // Gives `invite` a fresh code and saves it; false when it could not be saved.
    bool saveWithNewCode(ServerStore::Invite *invite, const QString &createdBy);
    QString roleIn(const QString &userId, const QString &householdId) const;
    // The same for any account, signed in or not.
    QString storedRoleIn(const QString &userId, const QString &householdId);
    // Sends "forbidden" and returns false unless the connection's user is in the household.
    bool requireMember(Connection *c, qint64 requestId, const QString &householdId);
    void dropMembership(const QString &userId, const QString &householdId);
    // (PostgreSQL) Tells the other nodes that the user's membership of the household
    // changed; they read it again (onNotified).
    void announceMembership(const QString &userId, const QString &householdId);

    // lists and sync (syncserver_sync.cpp)
    void handleLists(Connection *c, const Protocol::Decoded &d);
    void handleSubscribe(Connection *c, const Protocol::Decoded &d);
    void handleUnsubscribe(Connection *c, const Protocol::Decoded &d);
    void handleMutate(Connection *c, const Protocol::Decoded &d);
    void handleHistory(Connection *c, const Protocol::Decoded &d);
    // The list's room, made (without its entities) when the list exists and has none yet.
    Room *room(const QString &listId);
    // Reads the room's entities (the last snapshot and the ops after it, up to the room's
    // head) if they are not in memory. False when the database could not be read.
    bool loadEntities(Room *room);
    // Saves what changed since the last snapshot (in the open batch) and lets the entities
    // go; the next loadEntities reads them again.
    void unloadEntities(Room *room);
    // (PostgreSQL) Brings a room up to the op log other nodes wrote to, sending the ops it
    // missed to its subscribers in seq order. False when the database could not be read.
    bool catchUp(Room *room);
    // (PostgreSQL) Locks the room's list for the open transaction, if this batch has not
    // yet, and catches the room up; what it has then is the head no other node moves.
    bool lockRoom(Room *room);
    // Sends a committed op to the room's subscribers (and, for a list's own changes, to the
    // household); `frameOthers` and `frameSender` as encoded for them (an empty
    // `frameSender`: the sender gets none).
    void broadcast(Room *room, Connection *sender, const QByteArray &frameOthers,
                   const QByteArray &frameSender, bool listLevel);
    // Sends a committed op of the log to the room's subscribers, as its own node did.
    void sendOp(Room *room, const ServerStore::OpRow &row, bool listLevel);
    // Sends the room's ops after `seq` (up to its head) again to its subscribers.
    void sendOpsSince(Room *room, qint64 seq);
    // (PostgreSQL) Tells this node's people of `household` that a list they do not have
    // open changed (list.changed), read from the database.
    void announceListChange(const QString &listId, const QString &household);
    // several nodes on PostgreSQL (syncserver_nodes.cpp)
    // What another node notified: a list's new ops, a membership or presence changed,
    // sessions ended.
    void onNotified(const QString &channel, const QString &payload);
    // After the connection to the database came back: every room, membership and presence
    // read again, as notifications may have been lost.
    void resync();
    // Says this node is alive, gives up nodes that stopped saying so, and writes presence
    // that could not be written before.
    void keepNodeAlive();
    // The room's presence changed here: written for the other nodes soon (writePresence).
    void markPresence(const QString &listId);
    void writePresence();
    // Reads who has the room's list open on other nodes; `announce`: the room's
    // subscribers here are told who came and went.
    bool readRemotePresence(Room *room, bool announce);
    // Whether a device (client id) has the room's list open, here or on another node.
    bool present(const Room *room, const QString &clientId) const;
    void sendPresence(Room *room, const QString &event, const QJsonObject &member);
    Error applyOp(Connection *c, Op &op, qint64 mutationId, Pending *pending);
    // The rules for repeating tasks: a round one above the item's at most, rotations of
    // people of the household, completions in the name of whoever makes them.
    Error checkRepeating(const Op &op, const Room *r, const QString &household,
                         const QString &actor);
    void stageReject(Connection *c, qint64 requestId, qint64 mutationId, const QString &listId,
                     const Error &e);
    void leaveRoom(Connection *c, Room *room, bool notify);
    bool snapshotRoom(Room *room);
    void evictRoom(Room *room);
    QJsonObject presenceOf(const Connection *c) const;
    void scheduleFlush();
    // A slice of the current round of clients' progress (see there); `all`: every client
    // of the round at once (shutdown).
    void saveClientProgress(bool all = false);
    void flushSockets();
    void flushBatch();
    void indexOpsIfDue();
    void failBatch(const QString &why);
    qint64 lastMutationId(const QString &clientId);

    void finishShutdown();
    // Returns the heap's unused memory to the system once many connections have closed.
    void giveMemoryBack();
    static qint64 nowMs();
    // `s` as a JSON string literal, quotes included, for frames built by hand.
    static QByteArray jsonString(const QString &s);

    ServerConfig m_config;
    ServerStore m_store;
    Tokens m_tokens;
    Metrics m_metrics;
    HttpGate *m_gate = nullptr;
    QTimer m_sweepTimer;
    QTimer m_graceTimer;
    QElapsedTimer m_uptime;
    HlcClock m_clock;

    quint64 m_nextConnId = 1;
    QHash<quint64, Connection *> m_connections;
    QHash<QString, QList<Connection *>> m_userConnections;
    QHash<QString, QMap<QString, QString>> m_memberships; // user -> household -> role
    QHash<QString, Room *> m_rooms;
    QHash<QString, qint64> m_lastMutation; // client id -> last applied mutation id

    QVector<Pending> m_batch;
    QSet<QString> m_batchRooms;
    QSet<QString> m_batchClients;
    QTimer m_commitTimer;
    qint64 m_lastCommitNs = 0;
    static constexpr qint64 kPostgresCommitIntervalNs = 1000000; // 1 ms
    static constexpr qint64 kSnapshotEveryOps = 500; // bounds the replay when a list loads
    QSet<Connection *> m_dirty; // sockets with frames queued since the last flush
    qint64 m_lastGid = 0; // newest op in the log (committed or in the open batch)
    qint64 m_indexTriedGid = 0; // the op index was last brought up to here, or tried to be
    QSet<QString> m_clientsDirty; // clients whose last mutation id is not saved yet
    QSet<QString> m_progressInBatch; // saved in the open batch, not committed yet
    QStringList m_progressRound; // clients of the round being saved, not saved yet
    qint64 m_progressRoundGid = 0; // clients_gid once the round is saved
    QTimer m_progressTimer; // starts a round, about once a second
    QTimer m_progressSliceTimer; // the round's next slice
    bool m_shuttingDown = false;
    bool m_stopped = false;
    // Connections closed since memory was last given back (giveMemoryBack).
    int m_closedSinceTrim = 0;
    QTimer m_trimTimer;
    QTimer m_flushTimer; // writes what was queued, on the loop pass after the first frame
    qint64 m_trimByMs = 0; // when the trim is due at the latest (0: not due)
    static constexpr int kTrimAfterCloses = 1000;
    // (PostgreSQL) This node's name among the nodes (new at every start), how long it
    // counts as alive after saying so, and lists whose presence here is not written yet.
    QString m_nodeId;
    int m_nodeTtlMs = 0;
    QSet<QString> m_presenceDirty;
    QTimer m_presenceTimer;
};

} // namespace kinlist::server
