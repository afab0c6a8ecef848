#include "syncclient.h"

#include "clientlogging.h"
#include "core/protocol.h"
#include "core/recurrence.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>

#include <algorithm>
#include <cmath>
#include <limits>

namespace kinlist::client {

SyncClient::SyncClient(LocalStore *store, QUrl server, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_server(std::move(server))
    , m_clock(store->clientId())
{
    // Stamps must sort after everything this store has seen, also after a restart.
    m_clock.observe(store->highestStamp());
    // The lists this device already holds are resubscribed before the outbox is sent, so
    // the catch-up settles what an earlier run sent but never saw acknowledged.
    for (const QString &listId : store->knownLists())
        m_lists.insert(listId);
    m_waitingDeadline.setSingleShot(true);
    connect(&m_waitingDeadline, &QTimer::timeout, this, &SyncClient::answerWaiting);
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
    m_renewTimer.setSingleShot(true);
    connect(&m_renewTimer, &QTimer::timeout, this, &SyncClient::renewSession);
    m_paceTimer.setSingleShot(true);
    m_ackTimer.setSingleShot(true);
    m_ackTimer.setInterval(0);
    connect(&m_ackTimer, &QTimer::timeout, this, &SyncClient::commitAcks);
    connect(&m_paceTimer, &QTimer::timeout, this, &SyncClient::flushOutbox);
    m_bucketClock.start();
    // Where the platform has a backend (NetworkManager, Windows, macOS...), coming back
    // online is a reason to try at once.
    if (QNetworkInformation::loadDefaultBackend() && QNetworkInformation::instance() &&
        QNetworkInformation::instance()->supports(QNetworkInformation::Feature::Reachability)) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                &SyncClient::onReachabilityChanged);
    }
}

void SyncClient::onReachabilityChanged(QNetworkInformation::Reachability reachability)
{
    qCInfo(lcSync) << "network reachability:" << int(reachability);
    if (reachability == QNetworkInformation::Reachability::Online ||
        reachability == QNetworkInformation::Reachability::Site) {
        m_failures = 0;
        retryNow();
    }
}

SyncClient::~SyncClient()
{
    answerWaiting();
    // The socket outlives the other members while this object is torn down: it must not
    // call back into them when it closes.
    m_ws.disconnect(this);
    m_ws.abort();
    // Acks already received are recorded (else they would only come back as duplicates).
    Error e;
    if (!m_acks.isEmpty() && !m_store->acknowledge(m_acks, &e))
        qCWarning(lcSync) << e.message;
}

void SyncClient::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    if (s != State::Connecting && s != State::Authenticating && !m_waiting.isEmpty()) {
        // Requests made while connecting: sent now, or answered "offline".
        m_waitingDeadline.stop();
        QTimer::singleShot(0, this, [this] {
            for (WaitingRequest &w : std::exchange(m_waiting, {}))
                request(w.type, w.fields, std::move(w.onReply));
        });
    }
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

void SyncClient::answerWaiting()
{
    // Synchronously: the client may be gone by the next turn of the event loop.
    m_waitingDeadline.stop();
    const QJsonObject offline {
        {QStringLiteral("type"), QStringLiteral("error")},
        {QStringLiteral("code"), QStringLiteral("offline")},
        {QStringLiteral("message"), QStringLiteral("not connected to the server")}};
    for (WaitingRequest &w : std::exchange(m_waiting, {}))
        w.onReply(offline);
}

void SyncClient::stop()
{
    answerWaiting();
    m_running = false;
    m_retryTimer.stop();
    m_renewTimer.stop();
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
    // Exponential backoff with jitter, 1 s up to the cap, never giving up: a kiosk heals
    // itself.
    const double base =
        std::min<double>(m_maxBackoffMs, kMinBackoffMs * std::pow(2.0, std::min(m_failures, 10)));
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
    commitAcks();
    // Requests of the app still waiting are answered: the connection is gone.
    const QJsonObject offline {
        {QStringLiteral("type"), QStringLiteral("error")},
        {QStringLiteral("code"), QStringLiteral("offline")},
        {QStringLiteral("message"), QStringLiteral("the connection to the server was lost")}};
    for (const qint64 id : std::exchange(m_external, {})) {
        if (auto cb = m_replies.take(id))
            cb(offline);
    }
    m_inFlight.clear();
    m_resend.clear();
    m_mutateRequests.clear();
    m_replies.clear();
    m_replySentAt.clear();
    m_subscribing.clear();
    m_subscribed.clear();
    m_renewing = false;
    m_renewTimer.stop();
    if (!m_presence.isEmpty()) {
        const QStringList lists = m_presence.keys();
        m_presence.clear();
        for (const QString &listId : lists)
            Q_EMIT presenceChanged(listId);
    }
    if (m_state == State::SignedOut || m_state == State::Error)
        return;
    scheduleReconnect(m_ws.closeReason().isEmpty() ? m_ws.errorString() : m_ws.closeReason());
}

bool SyncClient::takeSendToken()
{
    // Refill at 90 % of the server's rate, so clocks and jitter never tip it over.
    const qint64 elapsed = m_bucketClock.restart();
    m_bucket = std::min(m_burst * 0.9, m_bucket + elapsed * m_ratePerSec * 0.9 / 1000.0);
    if (m_bucket < 1.0)
        return false;
    m_bucket -= 1.0;
    return true;
}

qint64 SyncClient::serverNow() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_serverOffsetMs;
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
    if (type != QLatin1String("mutate"))
        m_bucket -= 1.0; // mutations took their token already; the rest are few
    m_ws.sendTextMessage(QString::fromUtf8(Protocol::encode(fields)));
    return id;
}

void SyncClient::sendHello()
{
    QJsonObject hello {{QStringLiteral("protocol"), m_protocol},
                       {QStringLiteral("clientId"), m_store->clientId()},
                       {QStringLiteral("device"), QSysInfo::machineHostName().left(100)},
                       {QStringLiteral("app"), QStringLiteral("Kinlist")}};
    if (!m_accessToken.isEmpty())
        hello.insert(QStringLiteral("token"), m_accessToken);
    const qint64 sentAt = QDateTime::currentMSecsSinceEpoch();
    send(QStringLiteral("hello"), hello, [this, sentAt](const QJsonObject &r) {
        const QJsonObject result = r.value(QStringLiteral("result")).toObject();
        const QString code = r.value(QStringLiteral("code")).toString();
        if (code == QLatin1String("version_unsupported")) {
            // A server not updated yet: hello again in the version before, on the next
            // connection (the server closes this one; so do we, should it not).
            if (m_protocol > Protocol::kMinVersion) {
                --m_protocol;
                qCInfo(lcSync) << "the server speaks an older protocol; trying version"
                               << m_protocol;
                m_ws.close();
                return;
            }
            m_running = false;
            m_lastError = r.value(QStringLiteral("message")).toString();
            setState(State::Error);
            return;
        }
        if (r.value(QStringLiteral("type")).toString() == QLatin1String("reply")) {
            // The server's clock, for when the access token runs out (half the round trip
            // is close enough for a renewal a minute early).
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            m_serverOffsetMs =
                qint64(result.value(QStringLiteral("serverTime")).toDouble()) - (sentAt + now) / 2;
            const QJsonObject limits = result.value(QStringLiteral("limits")).toObject();
            m_ratePerSec =
                std::max(1.0, limits.value(QStringLiteral("framesPerSec")).toDouble(200));
            m_burst = std::max(1.0, limits.value(QStringLiteral("burst")).toDouble(400));
            m_bucket = m_burst * 0.9;
            m_bucketClock.restart();
        }
        if (result.contains(QStringLiteral("user"))) {
            setSession(result);
            afterSignIn();
            return;
        }
        if (m_refreshToken.isEmpty()) {
            signOut(QStringLiteral("signed out"));
            return;
        }
        // The access token expired (or there was none): renew it on this connection.
        renewSession();
    });
}

void SyncClient::setSession(const QJsonObject &result)
{
    const QString userId =
        result.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
    if (!userId.isEmpty())
        m_userId = userId;
    if (result.contains(QStringLiteral("accessToken")))
        m_accessToken = result.value(QStringLiteral("accessToken")).toString();
    m_accessExpiresAt = qint64(result.value(QStringLiteral("accessExpiresAt")).toDouble());
    scheduleRenewal();
    const QString refresh = result.value(QStringLiteral("refreshToken")).toString();
    if (!refresh.isEmpty() && refresh != m_refreshToken) {
        m_refreshToken = refresh;
        Q_EMIT sessionRenewed(m_refreshToken);
    }
}

void SyncClient::scheduleRenewal()
{
    m_renewTimer.stop();
    if (m_accessExpiresAt <= 0 || m_refreshToken.isEmpty())
        return;
    // A minute early, or halfway for short-lived tokens: the user never sees it expire.
    const qint64 left = m_accessExpiresAt - serverNow();
    const qint64 in = std::max<qint64>(0, std::max(left / 2, left - 60000));
    m_renewTimer.start(int(std::min<qint64>(in, std::numeric_limits<int>::max())));
}

void SyncClient::renewSession()
{
    if (m_renewing || m_ws.state() != QAbstractSocket::ConnectedState)
        return;
    if (m_refreshToken.isEmpty()) {
        signOut(QStringLiteral("the session expired; sign in again"));
        return;
    }
    m_renewing = true;
    const bool wasSignedIn = m_state == State::Syncing || m_state == State::Live;
    send(QStringLiteral("refresh"), {{QStringLiteral("refreshToken"), m_refreshToken}},
         [this, wasSignedIn](const QJsonObject &r) {
             m_renewing = false;
             const QString code = r.value(QStringLiteral("code")).toString();
             if (r.value(QStringLiteral("type")).toString() != QLatin1String("reply")) {
                 if (code == QLatin1String("token_invalid") ||
                     code == QLatin1String("token_expired") || code == QLatin1String("forbidden")) {
                     // The session is over: every pending change stays on disk for the
                     // next sign-in of this account.
                     signOut(r.value(QStringLiteral("message")).toString());
                 } else {
                     // Not the session's fault (storage, rate): a new connection tries again.
                     qCInfo(lcSync) << "renewing the session failed:" << code;
                     m_ws.close();
                 }
                 return;
             }
             setSession(r.value(QStringLiteral("result")).toObject());
             if (wasSignedIn)
                 resume();
             else
                 afterSignIn();
         });
}

void SyncClient::signOut(const QString &why)
{
    m_running = false;
    m_retryTimer.stop();
    m_renewTimer.stop();
    m_lastError = why;
    setState(State::SignedOut);
    if (m_ws.state() == QAbstractSocket::ConnectedState)
        m_ws.close();
    else
        m_ws.abort();
}

void SyncClient::resendFrom(qint64 mutationId)
{
    m_sentUpTo = std::min(m_sentUpTo, mutationId - 1);
}

void SyncClient::afterSignIn()
{
    m_failures = 0;
    setState(State::Syncing);
    m_inFlight.clear();
    m_mutateRequests.clear();
    m_sentUpTo = 0;
    syncHouseholds();
    for (const QString &listId : std::as_const(m_lists))
        subscribe(listId);
    if (m_subscribing.isEmpty())
        flushOutbox();
}

void SyncClient::resume()
{
    // After a renewal mid-session: whatever the expired token made the server refuse goes
    // again (a resent mutation is applied once).
    for (const QString &listId : std::as_const(m_lists)) {
        if (!m_subscribed.contains(listId) && !m_subscribing.contains(listId))
            subscribe(listId);
    }
    flushOutbox();
}

void SyncClient::syncHouseholds()
{
    send(QStringLiteral("household.list"), {}, [this](const QJsonObject &r) {
        if (r.value(QStringLiteral("type")).toString() != QLatin1String("reply"))
            return;
        QList<QJsonObject> households;
        for (const auto &v : r.value(QStringLiteral("result"))
                                 .toObject()
                                 .value(QStringLiteral("households"))
                                 .toArray())
            households.append(v.toObject());
        Error e;
        if (!m_store->setHouseholds(households, &e))
            qCWarning(lcSync) << e.message;
        Q_EMIT householdsChanged();
        for (const QJsonObject &h : std::as_const(households)) {
            const QString householdId = h.value(QStringLiteral("id")).toString();
            send(QStringLiteral("household.members"),
                 {{QStringLiteral("householdId"), householdId}},
                 [this, householdId](const QJsonObject &mr) {
                     QList<QJsonObject> members;
                     for (const auto &v : mr.value(QStringLiteral("result"))
                                              .toObject()
                                              .value(QStringLiteral("members"))
                                              .toArray())
                         members.append(v.toObject());
                     Error me;
                     if (!members.isEmpty() && m_store->setMembers(householdId, members, &me))
                         Q_EMIT householdsChanged();
                 });
            if (!m_watchAll)
                continue;
            send(QStringLiteral("lists"), {{QStringLiteral("householdId"), householdId}},
                 [this](const QJsonObject &lr) {
                     for (const auto &v : lr.value(QStringLiteral("result"))
                                              .toObject()
                                              .value(QStringLiteral("lists"))
                                              .toArray())
                         watchList(v.toObject().value(QStringLiteral("id")).toString());
                 });
        }
    });
}

void SyncClient::watchList(const QString &listId)
{
    if (listId.isEmpty() || m_lists.contains(listId))
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
                 // (An expired token renews the session, which subscribes again.)
                 qCInfo(lcSync) << "cannot subscribe to" << listId << ":"
                                << r.value(QStringLiteral("code")).toString();
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
                     if (!m_store->replaceList(listId, entities,
                                               qint64(res.value(QStringLiteral("seq")).toDouble()),
                                               &e))
                         qCWarning(lcSync) << e.message;
                     announceConflicts();
                     Q_EMIT listChanged(listId); // replaced as a whole
                 } else {
                     // Catch-up entries have the shape of live op frames.
                     for (const auto &v : res.value(QStringLiteral("ops")).toArray())
                         handleOp(v.toObject(), false);
                 }
                 QList<QJsonObject> here;
                 for (const auto &v : res.value(QStringLiteral("presence")).toArray())
                     here.append(v.toObject());
                 m_presence.insert(listId, here);
                 Q_EMIT presenceChanged(listId);
             }
             if (m_subscribing.isEmpty())
                 flushOutbox();
         });
}

void SyncClient::handleOp(const QJsonObject &frame, bool live)
{
    Error e;
    const Op op = Op::fromJson(frame.value(QStringLiteral("op")).toObject(), &e, true);
    if (e)
        return;
    const qint64 seq = qint64(frame.value(QStringLiteral("seq")).toDouble());
    m_clock.observe(op.stamp);
    const qint64 mutationId = qint64(frame.value(QStringLiteral("mutationId")).toDouble(0));
    const LocalStore::Origin origin {frame.value(QStringLiteral("by")).toString(),
                                     frame.value(QStringLiteral("byName")).toString(),
                                     qint64(frame.value(QStringLiteral("at")).toDouble()),
                                     frame.value(QStringLiteral("via")).toString()};
    m_lastSyncAt = QDateTime::currentMSecsSinceEpoch();
    // Our own op: if its ack was lost, this settles it. The live echo that follows an ack
    // has nothing new (the ack carried the op as applied, and its seq); a catch-up copy
    // is merged again, harmlessly, so the list's seq moves on.
    const bool pending = mutationId > 0 && m_store->isPendingMutation(mutationId);
    if (live && mutationId > 0 && !pending)
        return;
    if (pending) {
        m_inFlight.remove(mutationId);
        if (!m_store->acknowledge(mutationId, op, seq, &e, origin))
            qCWarning(lcSync) << e.message;
        Q_EMIT pendingCountChanged(pendingCount());
    } else if (!m_store->applyRemote(op, seq, &e, origin)) {
        qCWarning(lcSync) << e.message;
    } else if (mutationId == 0) {
        Q_EMIT remoteOp(op, origin, live);
    }
    announceConflicts();
    Q_EMIT entityChanged(op.listId, op.entityId());
}

void SyncClient::announceConflicts()
{
    for (const LocalStore::Conflict &c : m_store->takeNewConflicts())
        Q_EMIT conflictDetected(c);
}

void SyncClient::flushOutbox()
{
    if ((m_state != State::Syncing && m_state != State::Live) ||
        m_ws.state() != QAbstractSocket::ConnectedState)
        return;
    if (!m_subscribing.isEmpty())
        return;
    // Reads the outbox from just after the last mutation sent, so each row is read once
    // per connection however many acks come back.
    bool paced = false;
    for (int rounds = 0; !paced && m_inFlight.size() < kWindow && rounds < 1000; ++rounds) {
        const QList<LocalStore::Pending> batch =
            m_store->pending(kWindow - int(m_inFlight.size()), m_sentUpTo);
        if (batch.isEmpty())
            break;
        for (const LocalStore::Pending &p : batch) {
            // Acked (recorded after this burst), or in flight and not to be sent again.
            if (m_ackedIds.contains(p.mutationId) ||
                (m_inFlight.contains(p.mutationId) && !m_resend.contains(p.mutationId))) {
                m_sentUpTo = p.mutationId;
                continue;
            }
            if (!takeSendToken()) {
                // Over the server's rate: go on when the bucket has a token again.
                if (!m_paceTimer.isActive())
                    m_paceTimer.start(std::max(1, int(1000.0 / (m_ratePerSec * 0.9)) + 1));
                paced = true;
                break;
            }
            m_sentUpTo = p.mutationId;
            m_resend.remove(p.mutationId);
            m_inFlight.insert(p.mutationId, p.op);
            const qint64 requestId = send(QStringLiteral("mutate"),
                                          {{QStringLiteral("clientId"), m_store->clientId()},
                                           {QStringLiteral("mutationId"), p.mutationId},
                                           {QStringLiteral("listId"), p.op.listId},
                                           {QStringLiteral("op"), p.op.toJson()}});
            m_mutateRequests.insert(requestId, p.mutationId);
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

std::optional<qint64> SyncClient::keepMine(const LocalStore::Conflict &conflict, Error *error)
{
    const Replica view = m_store->view(conflict.listId);
    const Entity *entity = view.find(conflict.entityId);
    if (!entity || entity->isDeleted()) {
        *error = Error {ErrorCode::NotFound, QStringLiteral("the item is gone")};
        return std::nullopt;
    }
    Op op;
    op.listId = conflict.listId;
    if (entity->kind == EntityKind::List) {
        op.type = Op::Type::ListSet;
    } else {
        op.type = Op::Type::ItemSet;
        op.itemId = conflict.entityId;
    }
    op.fields.insert(conflict.field, conflict.mine);
    return apply(op, error);
}

void SyncClient::fetchActivity(const QString &listId, const QString &householdId, qint64 before)
{
    QJsonObject req {{QStringLiteral("limit"), 200}};
    if (!listId.isEmpty())
        req.insert(QStringLiteral("listId"), listId);
    else
        req.insert(QStringLiteral("householdId"), householdId);
    if (before > 0)
        req.insert(QStringLiteral("before"), before);
    // Cached with their household, so that the household's feed finds them too.
    QString household = householdId;
    if (household.isEmpty()) {
        if (const auto list = m_store->viewEntity(listId))
            household = list->householdId;
    }
    send(QStringLiteral("history"), req,
         [this, listId, householdId, household](const QJsonObject &r) {
             const QJsonObject res = r.value(QStringLiteral("result")).toObject();
             QList<LocalStore::Activity> entries;
             for (const auto &v : res.value(QStringLiteral("entries")).toArray()) {
                 const QJsonObject o = v.toObject();
                 Error e;
                 const Op op = Op::fromJson(o.value(QStringLiteral("op")).toObject(), &e, true);
                 if (e)
                     continue;
                 entries.append(
                     LocalStore::Activity {o.value(QStringLiteral("listId")).toString(),
                                           qint64(o.value(QStringLiteral("seq")).toDouble()),
                                           household, o.value(QStringLiteral("by")).toString(),
                                           o.value(QStringLiteral("byName")).toString(),
                                           qint64(o.value(QStringLiteral("at")).toDouble()), op,
                                           o.value(QStringLiteral("via")).toString()});
             }
             Error e;
             if (!m_store->cacheActivity(entries, &e))
                 qCWarning(lcSync) << e.message;
             Q_EMIT activityFetched(listId, householdId,
                                    qint64(res.value(QStringLiteral("nextBefore")).toDouble(0)));
         });
}

void SyncClient::request(const QString &type, const QJsonObject &fields,
                         std::function<void(const QJsonObject &)> onReply)
{
    // Still connecting (just signed in, say): sent once signed in on the connection, or
    // answered "offline" if that fails.
    if (m_state == State::Connecting || m_state == State::Authenticating) {
        m_waiting.append({type, fields, std::move(onReply)});
        // Not forever: a server that never answers the connection is "offline" too.
        if (!m_waitingDeadline.isActive())
            m_waitingDeadline.start(m_requestTimeoutMs);
        return;
    }
    if (m_state != State::Syncing && m_state != State::Live) {
        const QJsonObject offline {
            {QStringLiteral("type"), QStringLiteral("error")},
            {QStringLiteral("code"), QStringLiteral("offline")},
            {QStringLiteral("message"), QStringLiteral("not connected to the server")}};
        QTimer::singleShot(0, this, [onReply, offline] { onReply(offline); });
        return;
    }
    m_external.insert(send(type, fields, std::move(onReply)));
}

void SyncClient::refreshHouseholds()
{
    if (m_state == State::Syncing || m_state == State::Live)
        syncHouseholds();
}

std::optional<qint64> SyncClient::apply(Op op, Error *error)
{
    op.stamp = m_clock.now();
    // A repeating task's date, assignee or last completion is changed in its current
    // round (a completion names its own round, one above).
    if (op.type == Op::Type::ItemSet && op.round == 0) {
        const QStringList keys = op.fields.keys();
        if (std::any_of(keys.cbegin(), keys.cend(), isRoundField)) {
            if (const auto item = m_store->viewEntity(op.itemId))
                op.round = itemRound(*item);
        }
    }
    const auto id = m_store->enqueue(op, error);
    if (!id)
        return std::nullopt;
    Q_EMIT pendingCountChanged(pendingCount());
    Q_EMIT entityChanged(op.listId, op.entityId());
    flushOutbox();
    return id;
}

void SyncClient::commitAcks()
{
    m_ackTimer.stop();
    if (m_acks.isEmpty())
        return;
    const QList<LocalStore::Ack> acks = std::exchange(m_acks, {});
    m_ackedIds.clear();
    Error e;
    if (!m_store->acknowledge(acks, &e)) {
        // Still in the outbox: sent again, and the server answers a resend with its ack.
        qCWarning(lcSync) << e.message;
        for (const LocalStore::Ack &a : acks)
            resendFrom(a.mutationId);
    }
    announceConflicts();
    Q_EMIT pendingCountChanged(pendingCount());
    for (const LocalStore::Ack &a : acks)
        Q_EMIT entityChanged(a.op.listId, a.op.entityId());
    flushOutbox();
}

void SyncClient::onFrame(const QString &text)
{
    if (!m_running)
        return; // stopped or signed out: what still arrives is answered again next time
    m_lastFrameAt = m_liveness.elapsed();
    const Protocol::Decoded d = Protocol::decodeServerFrame(text.toUtf8());
    if (d.error)
        return;
    // Everything else sees the acks before it in order.
    if (d.type != QLatin1String("ack"))
        commitAcks();
    const QJsonObject &f = d.message;
    if (d.type == QLatin1String("reply") || d.type == QLatin1String("error")) {
        const QString code = f.value(QStringLiteral("code")).toString();
        const bool expired = code == QLatin1String("token_expired") &&
            (m_state == State::Syncing || m_state == State::Live);
        if (d.id >= 0) {
            m_replySentAt.remove(d.id);
            m_external.remove(d.id);
            if (auto cb = m_replies.take(d.id))
                cb(f);
            if (const qint64 mid = m_mutateRequests.take(d.id)) {
                // A mutation refused before it was looked at (expired token, ...): it
                // goes again once the cause is gone.
                m_inFlight.remove(mid);
                resendFrom(mid);
                if (!expired)
                    QTimer::singleShot(kMinBackoffMs, this, &SyncClient::flushOutbox);
            }
        } else if (code == QLatin1String("rate_limited")) {
            // Some frame was dropped, which one is unknown: send what is in flight again
            // (the server applies a resend once, and refuses what comes after a gap).
            for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
                m_resend.insert(it.key());
                resendFrom(it.key());
            }
            QTimer::singleShot(kMinBackoffMs, this, &SyncClient::flushOutbox);
        }
        if (expired)
            renewSession(); // and then resume() sends again what it refused
        return;
    }
    if (d.type == QLatin1String("ack")) {
        m_mutateRequests.remove(d.id);
        m_lastSyncAt = QDateTime::currentMSecsSinceEpoch();
        const qint64 mid = qint64(f.value(QStringLiteral("mutationId")).toDouble());
        Op op = m_inFlight.take(mid);
        if (op.listId.isEmpty())
            return; // settled already (by its own broadcast or the catch-up)
        // The ack carries the op as the server applied it (stamp clamped, creator filled
        // in). Without it (an older server), ours is recorded without moving the list's seq,
        // so the server's copy comes with the next catch-up and merges over it.
        Error decodeError;
        const Op applied =
            Op::fromJson(f.value(QStringLiteral("op")).toObject(), &decodeError, true);
        const bool hasOp = f.contains(QStringLiteral("op")) && !decodeError;
        if (hasOp)
            op = applied;
        // Acks come in bursts (the server commits in groups): they are recorded together,
        // in one transaction, once this burst of frames has been read.
        m_acks.append(
            LocalStore::Ack {mid, op, hasOp ? qint64(f.value(QStringLiteral("seq")).toDouble()) : 0,
                             LocalStore::Origin {m_userId, {}, serverNow(), {}}});
        m_ackedIds.insert(mid);
        if (!m_ackTimer.isActive())
            m_ackTimer.start();
        flushOutbox();
        return;
    }
    if (d.type == QLatin1String("reject")) {
        m_mutateRequests.remove(d.id);
        const qint64 mid = qint64(f.value(QStringLiteral("mutationId")).toDouble());
        m_inFlight.remove(mid);
        if (f.value(QStringLiteral("retry")).toBool()) {
            resendFrom(mid);
            QTimer::singleShot(kMinBackoffMs, this, &SyncClient::flushOutbox);
            return;
        }
        Error e;
        const QString code = f.value(QStringLiteral("code")).toString();
        const QString message = f.value(QStringLiteral("message")).toString();
        if (const auto dropped = m_store->reject(mid, code, message, &e)) {
            Q_EMIT changeRejected(dropped->op, code, message);
            Q_EMIT pendingCountChanged(pendingCount());
            Q_EMIT entityChanged(dropped->op.listId, dropped->op.entityId());
        }
        flushOutbox();
        return;
    }
    if (d.type == QLatin1String("op")) {
        handleOp(f, true);
        return;
    }
    if (d.type == QLatin1String("list.changed")) {
        const QString listId =
            f.value(QStringLiteral("list")).toObject().value(QStringLiteral("id")).toString();
        if (m_watchAll)
            watchList(listId);
        if (m_lists.contains(listId) && !m_subscribed.contains(listId) &&
            !m_subscribing.contains(listId))
            subscribe(listId);
        Q_EMIT householdsChanged();
        return;
    }
    if (d.type == QLatin1String("presence")) {
        handlePresence(f);
        return;
    }
    if (d.type == QLatin1String("household.removed")) {
        syncHouseholds();
        Q_EMIT householdRemoved(f.value(QStringLiteral("householdId")).toString());
        return;
    }
}

void SyncClient::handlePresence(const QJsonObject &frame)
{
    const QString listId = frame.value(QStringLiteral("listId")).toString();
    const QJsonObject member = frame.value(QStringLiteral("member")).toObject();
    const QString clientId = member.value(QStringLiteral("clientId")).toString();
    QList<QJsonObject> &here = m_presence[listId];
    here.erase(std::remove_if(here.begin(), here.end(),
                              [&](const QJsonObject &m) {
                                  return m.value(QStringLiteral("clientId")).toString() == clientId;
                              }),
               here.end());
    if (frame.value(QStringLiteral("event")).toString() == QLatin1String("joined")) {
        here.append(member);
        const QString userId = member.value(QStringLiteral("userId")).toString();
        m_store->setPerson(userId, member.value(QStringLiteral("displayName")).toString());
        // Someone this device does not know as a member yet (they joined since the last
        // listing): the members again, so that tasks can be given to them.
        const auto list = m_store->viewEntity(listId);
        const QList<QJsonObject> members =
            list ? m_store->members(list->householdId) : QList<QJsonObject> {};
        // Once per person: a device subscribed to every list is present on each of them.
        if (list && !m_membersAskedFor.contains(userId) &&
            std::none_of(members.cbegin(), members.cend(), [&](const QJsonObject &m) {
                return m.value(QStringLiteral("userId")).toString() == userId;
            })) {
            m_membersAskedFor.insert(userId);
            syncHouseholds();
        }
    }
    Q_EMIT presenceChanged(listId);
}

} // namespace kinlist::client
