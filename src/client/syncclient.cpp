#include "syncclient.h"

#include "clientlogging.h"
#include "core/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace kinlist::client {

SyncClient::SyncClient(LocalStore *store, QUrl server, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_server(std::move(server))
    , m_clock(store->clientId())
{
    connect(&m_ws, &QWebSocket::connected, this, &SyncClient::onConnected);
    connect(&m_ws, &QWebSocket::disconnected, this, &SyncClient::onDisconnected);
    connect(&m_ws, &QWebSocket::textMessageReceived, this, &SyncClient::onFrame);
    // Heartbeat and request deadlines: a quiet connection is pinged, and one that leaves a
    // request unanswered too long (a half-open TCP connection looks just like that) is
    // dropped, which starts reconnecting.
    m_liveness.start();
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        if (m_ws.state() != QAbstractSocket::ConnectedState)
            return;
        const qint64 now = m_liveness.elapsed();
        for (auto it = m_replySentAt.cbegin(); it != m_replySentAt.cend(); ++it) {
            if (now - it.value() > m_requestTimeoutMs) {
                qCInfo(lcSync) << "the server did not answer in" << m_requestTimeoutMs
                               << "ms; reconnecting";
                m_ws.abort();
                return;
            }
        }
        if (now - m_lastFrameAt >= m_heartbeatMs && m_replySentAt.isEmpty())
            send(QStringLiteral("ping"), {}, [](const QJsonObject &) {});
    });
    m_watchdog.start(std::max(50, std::min(m_requestTimeoutMs, m_heartbeatMs) / 4));
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_running && m_ws.state() == QAbstractSocket::UnconnectedState) {
            setState(State::Connecting);
            m_ws.open(m_server);
        }
    });
}

SyncClient::~SyncClient()
{
    // The socket outlives the other members while this object is torn down: it must not
    // call back into them when it closes.
    m_ws.disconnect(this);
    m_ws.abort();
}

void SyncClient::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

qint64 SyncClient::nextRetryInMs() const
{
    if (!m_retryTimer.isActive())
        return -1;
    return std::max<qint64>(0, m_retryDelayMs - m_retryClock.elapsed());
}

void SyncClient::setTimeouts(int requestTimeoutMs, int heartbeatMs)
{
    m_requestTimeoutMs = requestTimeoutMs;
    m_heartbeatMs = heartbeatMs;
    m_watchdog.start(std::max(50, std::min(m_requestTimeoutMs, m_heartbeatMs) / 4));
}

void SyncClient::setTokens(const QString &accessToken, const QString &refreshToken)
{
    m_accessToken = accessToken;
    m_refreshToken = refreshToken;
}

void SyncClient::start()
{
    m_running = true;
    if (m_ws.state() == QAbstractSocket::UnconnectedState) {
        setState(State::Connecting);
        m_ws.open(m_server);
    }
}

void SyncClient::stop()
{
    m_running = false;
    m_retryTimer.stop();
    if (m_ws.state() == QAbstractSocket::ConnectedState)
        m_ws.close();
    else
        m_ws.abort();
    setState(State::Offline);
}

void SyncClient::retryNow()
{
    if (!m_running || m_ws.state() != QAbstractSocket::UnconnectedState)
        return;
    m_retryTimer.stop();
    setState(State::Connecting);
    m_ws.open(m_server);
}

void SyncClient::scheduleReconnect(const QString &why)
{
    m_lastError = why;
    setState(State::Offline);
    if (!m_running)
        return;
    // Exponential backoff with jitter, 1 s to 30 s, never giving up: a kiosk heals itself.
    const double base =
        std::min<double>(kMaxBackoffMs, kMinBackoffMs * std::pow(2.0, std::min(m_failures, 10)));
    const double jitter = 0.5 + 0.5 * QRandomGenerator::global()->generateDouble();
    m_retryDelayMs = std::max<qint64>(kMinBackoffMs, qint64(base * jitter));
    ++m_failures;
    m_retryClock.start();
    m_retryTimer.start(int(m_retryDelayMs));
    qCInfo(lcSync) << "offline:" << why << "- retrying in" << m_retryDelayMs << "ms";
}

void SyncClient::onConnected()
{
    m_lastFrameAt = m_liveness.elapsed();
    setState(State::Authenticating);
    sendHello();
}

void SyncClient::onDisconnected()
{
    m_inFlight.clear();
    m_replies.clear();
    m_replySentAt.clear();
    m_subscribing.clear();
    m_subscribed.clear();
    scheduleReconnect(m_ws.closeReason().isEmpty() ? m_ws.errorString() : m_ws.closeReason());
}

qint64 SyncClient::send(const QString &type, QJsonObject fields,
                        std::function<void(const QJsonObject &)> onReply)
{
    const qint64 id = m_nextId++;
    fields.insert(QStringLiteral("type"), type);
    fields.insert(QStringLiteral("id"), id);
    if (onReply) {
        m_replies.insert(id, std::move(onReply));
        m_replySentAt.insert(id, m_liveness.elapsed());
    }
    m_ws.sendTextMessage(QString::fromUtf8(Protocol::encode(fields)));
    return id;
}

void SyncClient::sendHello()
{
    QJsonObject hello {{QStringLiteral("protocol"), Protocol::kVersion},
                       {QStringLiteral("clientId"), m_store->clientId()},
                       {QStringLiteral("device"), QStringLiteral("Kinlist")}};
    if (!m_accessToken.isEmpty())
        hello.insert(QStringLiteral("token"), m_accessToken);
    send(QStringLiteral("hello"), hello, [this](const QJsonObject &r) {
        const QString code = r.value(QStringLiteral("code")).toString();
        if (r.value(QStringLiteral("type")).toString() == QLatin1String("reply") &&
            r.value(QStringLiteral("result")).toObject().contains(QStringLiteral("user"))) {
            m_userId = r.value(QStringLiteral("result"))
                           .toObject()
                           .value(QStringLiteral("user"))
                           .toObject()
                           .value(QStringLiteral("id"))
                           .toString();
            afterSignIn();
            return;
        }
        if (code == QLatin1String("version_unsupported")) {
            m_running = false;
            m_lastError = r.value(QStringLiteral("message")).toString();
            setState(State::Error);
            return;
        }
        if (m_refreshToken.isEmpty()) {
            m_running = false;
            m_lastError = QStringLiteral("signed out");
            setState(State::SignedOut);
            m_ws.close();
            return;
        }
        // The access token expired (or there was none): renew it on this connection.
        send(QStringLiteral("refresh"), {{QStringLiteral("refreshToken"), m_refreshToken}},
             [this](const QJsonObject &rr) {
                 if (rr.value(QStringLiteral("type")).toString() != QLatin1String("reply")) {
                     // The session is over: keep every pending change on disk for the next sign-in.
                     m_running = false;
                     m_lastError = rr.value(QStringLiteral("message")).toString();
                     setState(State::SignedOut);
                     m_ws.close();
                     return;
                 }
                 const QJsonObject s = rr.value(QStringLiteral("result")).toObject();
                 m_accessToken = s.value(QStringLiteral("accessToken")).toString();
                 m_refreshToken = s.value(QStringLiteral("refreshToken")).toString();
                 m_userId = s.value(QStringLiteral("user"))
                                .toObject()
                                .value(QStringLiteral("id"))
                                .toString();
                 afterSignIn();
             });
    });
}

void SyncClient::afterSignIn()
{
    m_failures = 0;
    setState(State::Syncing);
    m_inFlight.clear();
    for (const QString &listId : std::as_const(m_lists))
        subscribe(listId);
    if (m_subscribing.isEmpty())
        flushOutbox();
}

void SyncClient::watchList(const QString &listId)
{
    if (m_lists.contains(listId))
        return;
    m_lists.insert(listId);
    if (m_state == State::Syncing || m_state == State::Live)
        subscribe(listId);
}

void SyncClient::subscribe(const QString &listId)
{
    m_subscribing.insert(listId);
    send(QStringLiteral("subscribe"),
         {{QStringLiteral("listId"), listId},
          {QStringLiteral("sinceSeq"), m_store->lastSeq(listId)}},
         [this, listId](const QJsonObject &r) {
             m_subscribing.remove(listId);
             if (r.value(QStringLiteral("type")).toString() != QLatin1String("reply")) {
                 // Not (yet) a list of ours: it is subscribed when list.changed announces it.
                 m_lastError = r.value(QStringLiteral("message")).toString();
             } else {
                 m_subscribed.insert(listId);
                 const QJsonObject res = r.value(QStringLiteral("result")).toObject();
                 Error e;
                 if (res.value(QStringLiteral("mode")).toString() == QLatin1String("snapshot")) {
                     QList<Entity> entities;
                     for (const auto &v : res.value(QStringLiteral("entities")).toArray()) {
                         Entity ent;
                         if (Entity::fromJson(v.toObject(), &ent))
                             entities.append(ent);
                     }
                     m_store->replaceList(listId, entities,
                                          qint64(res.value(QStringLiteral("seq")).toDouble()), &e);
                 } else {
                     // Catch-up entries have the shape of live op frames.
                     for (const auto &v : res.value(QStringLiteral("ops")).toArray())
                         handleOp(v.toObject());
                 }
                 Q_EMIT listChanged(listId);
             }
             if (m_subscribing.isEmpty())
                 flushOutbox();
         });
}

void SyncClient::handleOp(const QJsonObject &frame)
{
    Error e;
    const Op op = Op::fromJson(frame.value(QStringLiteral("op")).toObject(), &e, true);
    if (e)
        return;
    const qint64 seq = qint64(frame.value(QStringLiteral("seq")).toDouble());
    m_clock.observe(op.stamp);
    const qint64 mutationId = qint64(frame.value(QStringLiteral("mutationId")).toDouble(0));
    // Our own op: if its ack was lost, this settles it; otherwise merging again is harmless.
    if (mutationId > 0 && m_store->isPendingMutation(mutationId)) {
        m_inFlight.remove(mutationId);
        m_store->acknowledge(mutationId, op, seq, &e);
        Q_EMIT pendingCountChanged(pendingCount());
    } else {
        m_store->applyRemote(op, seq, &e);
    }
    Q_EMIT listChanged(op.listId);
}

void SyncClient::flushOutbox()
{
    if (m_state != State::Syncing && m_state != State::Live)
        return;
    if (!m_subscribing.isEmpty())
        return;
    if (m_inFlight.size() < kWindow) {
        for (const LocalStore::Pending &p : m_store->pending(kWindow + int(m_inFlight.size()))) {
            if (m_inFlight.size() >= kWindow)
                break;
            if (m_inFlight.contains(p.mutationId))
                continue;
            m_inFlight.insert(p.mutationId, p.op);
            send(QStringLiteral("mutate"),
                 {{QStringLiteral("clientId"), m_store->clientId()},
                  {QStringLiteral("mutationId"), p.mutationId},
                  {QStringLiteral("listId"), p.op.listId},
                  {QStringLiteral("op"), p.op.toJson()}});
        }
    }
    maybeLive();
}

void SyncClient::maybeLive()
{
    const bool settled = m_subscribing.isEmpty() && m_store->pendingCount() == 0;
    if (m_state == State::Syncing && settled)
        setState(State::Live);
    else if (m_state == State::Live && !settled)
        setState(State::Syncing);
}

std::optional<qint64> SyncClient::apply(Op op, Error *error)
{
    op.stamp = m_clock.now();
    const auto id = m_store->enqueue(op, error);
    if (!id)
        return std::nullopt;
    Q_EMIT pendingCountChanged(pendingCount());
    Q_EMIT listChanged(op.listId);
    flushOutbox();
    return id;
}

void SyncClient::onFrame(const QString &text)
{
    m_lastFrameAt = m_liveness.elapsed();
    const Protocol::Decoded d = Protocol::decodeServerFrame(text.toUtf8());
    if (d.error)
        return;
    const QJsonObject &f = d.message;
    if (d.type == QLatin1String("reply") || d.type == QLatin1String("error")) {
        if (d.id >= 0) {
            m_replySentAt.remove(d.id);
            if (auto cb = m_replies.take(d.id))
                cb(f);
        } else if (f.value(QStringLiteral("code")).toString() == QLatin1String("token_expired")) {
            m_ws.close(); // reconnecting renews the token through refresh
        }
        return;
    }
    if (d.type == QLatin1String("ack")) {
        const qint64 mid = qint64(f.value(QStringLiteral("mutationId")).toDouble());
        Op op = m_inFlight.take(mid);
        if (op.listId.isEmpty())
            return; // settled already (by its own broadcast or the catch-up)
        // The ack carries the op as the server applied it (stamp clamped, creator filled in).
        // A duplicate ack (the first one was lost) does not: keep ours; the server's copy
        // arrives with the next catch-up and merges over it.
        Error decodeError;
        const Op applied =
            Op::fromJson(f.value(QStringLiteral("op")).toObject(), &decodeError, true);
        if (f.contains(QStringLiteral("op")) && !decodeError)
            op = applied;
        Error e;
        m_store->acknowledge(mid, op, qint64(f.value(QStringLiteral("seq")).toDouble()), &e);
        Q_EMIT pendingCountChanged(pendingCount());
        Q_EMIT listChanged(op.listId);
        flushOutbox();
        return;
    }
    if (d.type == QLatin1String("reject")) {
        const qint64 mid = qint64(f.value(QStringLiteral("mutationId")).toDouble());
        m_inFlight.remove(mid);
        if (f.value(QStringLiteral("retry")).toBool()) {
            QTimer::singleShot(kMinBackoffMs, this, &SyncClient::flushOutbox);
            return;
        }
        Error e;
        if (const auto dropped = m_store->reject(mid, &e)) {
            Q_EMIT changeRejected(dropped->op, f.value(QStringLiteral("code")).toString(),
                                  f.value(QStringLiteral("message")).toString());
            Q_EMIT pendingCountChanged(pendingCount());
            Q_EMIT listChanged(dropped->op.listId);
        }
        flushOutbox();
        return;
    }
    if (d.type == QLatin1String("op")) {
        handleOp(f);
        return;
    }
    if (d.type == QLatin1String("list.changed")) {
        const QString listId =
            f.value(QStringLiteral("list")).toObject().value(QStringLiteral("id")).toString();
        if (m_lists.contains(listId) && !m_subscribed.contains(listId) &&
            !m_subscribing.contains(listId))
            subscribe(listId);
        return;
    }
}

} // namespace kinlist::client
