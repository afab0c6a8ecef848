#pragma once

#include "core/hlc.h"
#include "core/op.h"
#include "core/protocol.h"
#include "localstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkInformation>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include <functional>

namespace kinlist::client {

// One signed-in account's connection to kinlist-server: hello and token refresh,
// resubscribing the open lists with the seq it has, applying the catch-up, flushing the
// outbox in order with a bounded window, then live ops. It reconnects on its own with
// exponential backoff and jitter (1 s to 30 s), forever, and at once when the OS says the
// network is back. The access token is renewed on the live connection before it expires.
// Every edit goes through the LocalStore first, so nothing shown is ever lost.
class SyncClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY stateChanged)
public:
    enum class State { Offline, Connecting, Authenticating, Syncing, Live, SignedOut, Error };
    Q_ENUM(State)

    static constexpr int kWindow = 64; // mutations in flight at most
    static constexpr int kMinBackoffMs = 1000;
    // The cap: 5 s brings 1,000 devices back within 4 s (p95) of a server restart at
    // about 270 attempts a second (bench/README.md, "Reconnect").
    static constexpr int kMaxBackoffMs = 5000;

    SyncClient(LocalStore *store, QUrl server, QObject *parent = nullptr);
    ~SyncClient() override;

    State state() const { return m_state; }
    // The longest wait between two attempts to connect (kMaxBackoffMs unless set; the
    // reconnect benchmark compares caps with it).
    void setMaxBackoff(int ms) { m_maxBackoffMs = std::max(kMinBackoffMs, ms); }
    int pendingCount() const { return m_store->pendingCount(); }
    // Why it is Offline, SignedOut or in Error.
    QString lastError() const { return m_lastError; }
    QString userId() const { return m_userId; }
    // Until the next connection attempt while Offline, else -1.
    qint64 nextRetryInMs() const;
    // When the last op arrived or was acknowledged (local ms since the epoch), 0 if never.
    qint64 lastSyncAt() const { return m_lastSyncAt; }
    LocalStore *store() const { return m_store; }

    // Credentials for this session. The access token signs in; the refresh token renews it.
    void setTokens(const QString &accessToken, const QString &refreshToken);
    QString refreshToken() const { return m_refreshToken; }
    // Renews the access token now on the live connection (it also happens by itself
    // before the token expires).
    void renewSession();

    // How long the server may take to answer a request before the connection is taken for
    // dead (half-open TCP), and how quiet a connection may be before it is pinged.
    void setTimeouts(int requestTimeoutMs, int heartbeatMs);

    // Connects (and keeps reconnecting) until stop().
    void start();
    void stop();
    void retryNow();

    // Keeps this list in sync while connected.
    void watchList(const QString &listId);
    // Whether every list of the account's households is watched as it becomes known
    // (default on: a family has few lists and wants all of them offline).
    void setWatchAllLists(bool on) { m_watchAll = on; }
    // Records an edit: durable in the outbox first, sent when possible. Stamps it with
    // this client's clock.
    std::optional<qint64> apply(Op op, Error *error);
    // "Keep mine" for a conflict: writes this device's value again, with a new stamp.
    std::optional<qint64> keepMine(const LocalStore::Conflict &conflict, Error *error);

    // Any other request of the protocol (household.create, invite.create, ...) on this
    // connection; `onReply` gets the reply or error frame, or an "offline" error when
    // not connected (while connecting: once connected, or when that fails).
    void request(const QString &type, const QJsonObject &fields,
                 std::function<void(const QJsonObject &reply)> onReply);
    // Fetches the households, their members and lists again (after a join, say).
    void refreshHouseholds();

    // Fetches a page of the server's history into the activity cache (one list, or the
    // whole household when `listId` is empty), older than `before` (a gid; 0 for the
    // newest). activityFetched() reports the next cursor (0 at the end).
    void fetchActivity(const QString &listId, const QString &householdId, qint64 before = 0);

    // Who is looking at a list right now, one entry per device
    // ({userId, displayName, clientId, device}).
    QList<QJsonObject> presence(const QString &listId) const { return m_presence.value(listId); }

    // What to do when the OS reports the network reachability changed: coming back
    // online retries at once instead of waiting out the backoff.
    void onReachabilityChanged(QNetworkInformation::Reachability reachability);

Q_SIGNALS:
    void stateChanged(State state);
    void pendingCountChanged(int count);
    // The list changed as a whole: a snapshot replaced it. (Ops of a catch-up each
    // announce their entity.)
    void listChanged(const QString &listId);
    // One list or item changed: an edit here, an op from the server, an ack or a reject.
    void entityChanged(const QString &listId, const QString &entityId);
    // Someone else's op arrived (`live`) or came with a catch-up; emitted before the
    // entityChanged it causes, so a view can say who changed it.
    void remoteOp(const Op &op, const LocalStore::Origin &origin, bool live);
    // This account was taken out of a household (it left, or an owner removed it).
    void householdRemoved(const QString &householdId);
    void changeRejected(const Op &op, const QString &code, const QString &message);
    // A pending write of this device lost to someone else's concurrent write.
    void conflictDetected(const LocalStore::Conflict &conflict);
    // The refresh token rotated: whoever keeps it (the keychain) must save the new one.
    void sessionRenewed(const QString &refreshToken);
    void householdsChanged();
    void presenceChanged(const QString &listId);
    void activityFetched(const QString &listId, const QString &householdId, qint64 nextBefore);

private:
    void setState(State s);
    void onConnected();
    void onDisconnected();
    void onFrame(const QString &text);
    void sendHello();
    void afterSignIn();
    void subscribe(const QString &listId);
    void flushOutbox();
    // The outbox is read again from this mutation on (one the server did not take).
    void resendFrom(qint64 mutationId);
    void maybeLive();
    void scheduleReconnect(const QString &why);
    qint64 send(const QString &type, QJsonObject fields,
                std::function<void(const QJsonObject &)> onReply = {});
    // An op frame: live (`live`) or an entry of a catch-up.
    void handleOp(const QJsonObject &frame, bool live);
    void announceConflicts();
    void commitAcks();
    void signOut(const QString &why);
    void setSession(const QJsonObject &result);
    void scheduleRenewal();
    void syncHouseholds();
    void resume();
    void handlePresence(const QJsonObject &frame);
    qint64 serverNow() const;
    // The token bucket the server enforces, mirrored so mutations never run into it.
    bool takeSendToken();

    LocalStore *m_store;
    QUrl m_server;
    QWebSocket m_ws;
    State m_state = State::Offline;
    QString m_lastError;
    QString m_accessToken;
    QString m_refreshToken;
    QString m_userId;
    HlcClock m_clock;
    bool m_running = false;
    // The version said in hello; one less after version_unsupported.
    int m_protocol = kinlist::Protocol::kVersion;
    QTimer m_retryTimer;
    int m_failures = 0;
    QElapsedTimer m_retryClock;
    qint64 m_retryDelayMs = 0;
    qint64 m_nextId = 1;
    QHash<qint64, std::function<void(const QJsonObject &)>> m_replies;
    QHash<qint64, qint64> m_replySentAt; // request id -> m_clock time it was sent
    QElapsedTimer m_liveness; // since the last frame from the server
    QTimer m_watchdog;
    qint64 m_lastFrameAt = 0;
    int m_requestTimeoutMs = 10000;
    int m_heartbeatMs = 15000;
    QSet<QString> m_lists;
    QSet<QString> m_subscribing;
    QSet<QString> m_subscribed;
    QHash<qint64, Op> m_inFlight; // mutation id -> op
    QHash<qint64, qint64> m_mutateRequests; // request id -> mutation id
    int m_maxBackoffMs = kMaxBackoffMs;
    QSet<qint64> m_external; // ids of request() calls still waiting
    struct WaitingRequest
    {
        QString type;
        QJsonObject fields;
        std::function<void(const QJsonObject &)> onReply;
    };
    QList<WaitingRequest> m_waiting; // request() calls made while connecting
    QTimer m_waitingDeadline; // they are answered "offline" if connecting takes this long
    void answerWaiting();
    qint64 m_sentUpTo = 0; // the outbox was sent up to this mutation id on this connection
    QHash<QString, QList<QJsonObject>> m_presence;
    QSet<QString> m_membersAskedFor; // people present but not known as members, asked once
    bool m_watchAll = true;
    bool m_renewing = false;
    qint64 m_accessExpiresAt = 0; // server time
    qint64 m_serverOffsetMs = 0; // server clock minus ours
    QTimer m_renewTimer;
    qint64 m_lastSyncAt = 0;
    double m_ratePerSec = 200;
    double m_burst = 400;
    double m_bucket = 0;
    QElapsedTimer m_bucketClock;
    QTimer m_paceTimer;
    QList<LocalStore::Ack> m_acks; // received, recorded together after this burst
    QSet<qint64> m_ackedIds; // their mutation ids
    QSet<qint64> m_resend; // in flight, but to be sent again (a frame was dropped)
    QTimer m_ackTimer;
};

} // namespace kinlist::client
