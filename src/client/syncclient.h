#pragma once

#include "core/hlc.h"
#include "core/op.h"
#include "localstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
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
// exponential backoff and jitter (1 s to 30 s), forever. Every edit goes through the
// LocalStore first, so nothing shown is ever lost.
class SyncClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
public:
    enum class State { Offline, Connecting, Authenticating, Syncing, Live, SignedOut, Error };
    Q_ENUM(State)

    static constexpr int kWindow = 64; // mutations in flight at most
    static constexpr int kMinBackoffMs = 1000;
    static constexpr int kMaxBackoffMs = 30000;

    SyncClient(LocalStore *store, QUrl server, QObject *parent = nullptr);
    ~SyncClient() override;

    State state() const { return m_state; }
    int pendingCount() const { return m_store->pendingCount(); }
    QString lastError() const { return m_lastError; }
    QString userId() const { return m_userId; }
    qint64 nextRetryInMs() const;

    // Credentials for this session. The access token signs in; the refresh token renews it.
    void setTokens(const QString &accessToken, const QString &refreshToken);
    QString refreshToken() const { return m_refreshToken; }

    // How long the server may take to answer a request before the connection is taken for
    // dead (half-open TCP), and how quiet a connection may be before it is pinged.
    void setTimeouts(int requestTimeoutMs, int heartbeatMs);

    // Connects (and keeps reconnecting) until stop().
    void start();
    void stop();
    void retryNow();

    // Keeps this list in sync while connected.
    void watchList(const QString &listId);
    // Records an edit: durable in the outbox first, sent when possible. Stamps it with
    // this client's clock.
    std::optional<qint64> apply(Op op, Error *error);

Q_SIGNALS:
    void stateChanged(State state);
    void pendingCountChanged(int count);
    void listChanged(const QString &listId);
    void changeRejected(const Op &op, const QString &code, const QString &message);

private:
    void setState(State s);
    void onConnected();
    void onDisconnected();
    void onFrame(const QString &text);
    void sendHello();
    void afterSignIn();
    void subscribe(const QString &listId);
    void flushOutbox();
    void maybeLive();
    void scheduleReconnect(const QString &why);
    qint64 send(const QString &type, QJsonObject fields,
                std::function<void(const QJsonObject &)> onReply = {});
    void handleOp(const QJsonObject &frame);

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
};

} // namespace kinlist::client
