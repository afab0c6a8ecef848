#include "syncserver.h"

#include "core/uuid.h"
#include "httpgate.h"
#include "logging.h"
#include "passwords.h"
#include "websocketpeer.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpSocket>
#include <QWebSocketProtocol>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace kinlist::server {

namespace {
constexpr int kHardFrameLimit = 256 * 1024; // Qt closes the socket (1009) beyond this
std::atomic<int> g_serverCount {0};
} // namespace

SyncServer::SyncServer(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_store(QStringLiteral("kinlist-server-%1").arg(++g_serverCount))
    , m_clock(QStringLiteral("server"))
{
    m_uptime.start();
}

SyncServer::~SyncServer()
{
    flushBatch();
    for (Connection *c : std::as_const(m_connections)) {
        if (c->socket) {
            c->socket->disconnect(this);
            c->socket->abort();
            c->socket->deleteLater();
        }
        delete c;
    }
    m_connections.clear();
    qDeleteAll(m_rooms);
}

qint64 SyncServer::nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QByteArray SyncServer::jsonString(const QString &s)
{
    const QByteArray arr = QJsonDocument(QJsonArray {s}).toJson(QJsonDocument::Compact);
    return arr.mid(1, arr.size() - 2); // ["name"] -> "name"
}

bool SyncServer::start(QString *error)
{
    if (!m_config.database.isEmpty()) {
        // PostgreSQL: the token secret is in the database too, the same for every node.
        if (!m_store.openPostgres(m_config.database, error))
            return false;
        const QByteArray secret =
            m_store.sharedSecret(QStringLiteral("jwt"), randomBytes(kTokenSecretBytes));
        if (secret.size() != kTokenSecretBytes) {
            *error = QStringLiteral("cannot read the token secret from the database: %1")
                         .arg(m_store.lastError());
            return false;
        }
        m_tokens.setSecret(secret);
        m_nodeId = createUuid();
        if (!m_store.listen({QLatin1String(kOpsChannel), QLatin1String(kMembersChannel),
                             QLatin1String(kPresenceChannel), QLatin1String(kSessionsChannel)},
                            [this](const QString &channel, const QString &payload) {
                                onNotified(channel, payload);
                            })) {
            *error = QStringLiteral("cannot LISTEN on PostgreSQL: %1").arg(m_store.lastError());
            return false;
        }
    } else {
        if (!QDir().mkpath(m_config.dataDir)) {
            *error = QStringLiteral("cannot create data directory %1").arg(m_config.dataDir);
            return false;
        }
        QFile::setPermissions(m_config.dataDir,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                  QFileDevice::ExeOwner);
        if (!m_tokens.loadOrCreateSecret(m_config.dataDir, error))
            return false;
        if (!m_store.open(QDir(m_config.dataDir).filePath(QStringLiteral("kinlist.db")),
                          m_config.syncFull, error))
            return false;
    }

    m_gate = new HttpGate(this);
    if (m_config.tlsEnabled()) {
        QFile certFile(m_config.certPath);
        QFile keyFile(m_config.keyPath);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the TLS certificate or key");
            return false;
        }
        const auto certs = QSslCertificate::fromDevice(&certFile, QSsl::Pem);
        QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
        if (key.isNull()) {
            keyFile.seek(0);
            key = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
        }
        if (certs.isEmpty() || key.isNull()) {
            *error =
                QStringLiteral("the TLS certificate or key could not be parsed (PEM expected)");
            return false;
        }
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificateChain(certs);
        ssl.setPrivateKey(key);
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_gate->setSslConfiguration(ssl);
    }
    m_gate->setHandler([this](const QByteArray &method, const QByteArray &path) {
        HttpGate::Response r;
        if (method != "GET" && method != "HEAD")
            return HttpGate::Response {405, "text/plain; charset=utf-8", "method not allowed\n"};
        if (path == "/healthz") {
            const bool ok = !m_shuttingDown && m_store.ping();
            const QJsonObject body {
                {QStringLiteral("status"),
                 ok ? QStringLiteral("ok") : QStringLiteral("unavailable")},
                {QStringLiteral("version"), QStringLiteral(KINLIST_VERSION)},
                {QStringLiteral("database"),
                 m_store.isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
                {QStringLiteral("uptimeSeconds"), m_uptime.elapsed() / 1000},
                {QStringLiteral("connections"), connectionCount()}};
            return HttpGate::Response {ok ? 200 : 503, "application/json",
                                       Protocol::encode(body) + '\n'};
        }
        if (path == "/metrics") {
            int authenticated = 0;
            for (const Connection *c : std::as_const(m_connections))
                authenticated += c->signedIn() ? 1 : 0;
            return HttpGate::Response {
                200, "text/plain; version=0.0.4; charset=utf-8",
                m_metrics.render(connectionCount(), authenticated, roomCount(), loadedListCount())};
        }
        return r;
    });
    connect(m_gate, &HttpGate::webSocketUpgrade, this, &SyncServer::onUpgrade);
    connect(m_gate, &HttpGate::acceptFailed, this, [this] { ++m_metrics.acceptErrors; });
    connect(m_gate, &HttpGate::socketShed, this, [this] { ++m_metrics.socketsShed; });
    // Every connection takes a file descriptor: stay within them, so that accept() never
    // fails (the gate refuses what is over) and "server full" is said, not suffered.
    const int budget = HttpGate::raiseFileLimit();
    m_gate->setMaxPendingHeads(std::max(8, budget / 8));
    if (budget > 0 && m_config.maxConnections > budget - budget / 8) {
        qCInfo(lcServer) << "at most" << budget - budget / 8 << "connections (file descriptors)";
        m_config.maxConnections = budget - budget / 8;
    }
    if (m_config.listen && !m_gate->listen(m_config.host, m_config.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_config.host.toString())
                     .arg(m_config.port)
                     .arg(m_gate->errorString());
        return false;
    }
    const int sweepMs = std::max(
        50, std::min({m_config.pingIntervalMs, m_config.idleTimeoutMs, m_config.listUnloadMs}) / 2);
    m_sweepTimer.setInterval(sweepMs);
    connect(&m_sweepTimer, &QTimer::timeout, this, &SyncServer::sweep);
    // (PostgreSQL) Each sweep says this node is alive; three missed ones (and a margin for a
    // loop waiting on a lock) and the others give it up.
    m_nodeTtlMs = 3 * sweepMs + 5000;
    // Whatever queued a frame (a request, a timer, a finished password hash), it goes out on
    // this loop pass, once, with everything else queued for its socket (see send()).
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &SyncServer::flushSockets);
    m_trimTimer.setSingleShot(true);
    connect(&m_trimTimer, &QTimer::timeout, this, &SyncServer::giveMemoryBack);
    m_presenceTimer.setSingleShot(true);
    connect(&m_presenceTimer, &QTimer::timeout, this, &SyncServer::writePresence);
    keepNodeAlive();
    m_commitTimer.setSingleShot(true);
    m_commitTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_commitTimer, &QTimer::timeout, this, &SyncServer::flushBatch);
    // Clients' last mutation ids are saved about once a second, not with every op; after a
    // crash the store finds the rest in the log since the last save.
    m_lastGid = m_store.maxGid();
    m_progressTimer.setInterval(1000);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_progressRound.isEmpty())
            saveClientProgress();
    });
    m_progressTimer.start();
    m_progressSliceTimer.setSingleShot(true);
    m_progressSliceTimer.setInterval(std::max(0, m_config.progressSliceMs));
    connect(&m_progressSliceTimer, &QTimer::timeout, this, [this] { saveClientProgress(); });
    m_sweepTimer.start();
    qCInfo(lcServer).noquote() << "listening on" << url().toString() << "data in"
                               << m_config.dataDescription();
    return true;
}

quint16 SyncServer::port() const
{
    return m_gate ? m_gate->port() : 0;
}

QUrl SyncServer::url() const
{
    QUrl u;
    u.setScheme(m_config.tlsEnabled() ? QStringLiteral("wss") : QStringLiteral("ws"));
    u.setHost(m_config.host.toString());
    u.setPort(port());
    return u;
}

int SyncServer::roomCount() const
{
    int n = 0;
    for (const Room *r : m_rooms)
        n += r->subscribers.isEmpty() ? 0 : 1;
    return n;
}

int SyncServer::loadedListCount() const
{
    int n = 0;
    for (const Room *r : m_rooms)
        n += r->loaded ? 1 : 0;
    return n;
}

void SyncServer::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    qCInfo(lcServer) << "shutting down:" << m_connections.size() << "connections";
    if (m_gate)
        m_gate->close();
    m_sweepTimer.stop();
    flushBatch();
    // (PostgreSQL) The other nodes' people see this node's leave at once.
    if (m_store.isPostgres()) {
        const auto lists = m_store.dropNode(m_nodeId);
        for (const QString &listId : lists.value_or(QStringList {}))
            m_store.notify(QLatin1String(kPresenceChannel), listId);
    }
    const auto conns = m_connections.values();
    for (Connection *c : conns)
        closeConnection(c, QWebSocketProtocol::CloseCodeGoingAway,
                        QStringLiteral("server shutting down"));
    m_graceTimer.setSingleShot(true);
    connect(&m_graceTimer, &QTimer::timeout, this, &SyncServer::finishShutdown);
    m_graceTimer.start(2000);
    if (m_connections.isEmpty())
        QTimer::singleShot(0, this, &SyncServer::finishShutdown);
}

void SyncServer::finishShutdown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_graceTimer.stop();
    const auto conns = m_connections.values();
    for (Connection *c : conns) {
        if (c->socket)
            c->socket->abort();
    }
    for (Room *r : std::as_const(m_rooms)) {
        if (!r->dirty.isEmpty())
            snapshotRoom(r);
    }
    // The round under way, then one of the clients changed since it began. (No more ticks:
    // after a failed last batch they would find the store closed.)
    m_progressTimer.stop();
    m_progressSliceTimer.stop();
    saveClientProgress(true);
    saveClientProgress(true);
    flushBatch();
    m_store.close();
    qCInfo(lcServer) << "stopped";
    Q_EMIT stopped();
}

void SyncServer::onUpgrade(QTcpSocket *socket)
{
    if (m_shuttingDown) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    auto *peer = new WebSocketPeer(socket, kHardFrameLimit, this);
    if (!peer->upgrade()) {
        qCDebug(lcServer) << "refused a WebSocket handshake from"
                          << socket->peerAddress().toString();
        // Gone once its answer is out, or after 3 s whatever the client does.
        connect(peer, &WebSocketPeer::disconnected, peer, &QObject::deleteLater);
        QTimer::singleShot(3000, peer, &QObject::deleteLater);
        return;
    }
    Connection *c = addConnection(peer);
    connect(peer, &WebSocketPeer::textReceived, this,
            [this, c](const QByteArray &frame) { onTextMessage(c, frame); });
    connect(peer, &WebSocketPeer::binaryReceived, this, [this, c](const QByteArray &) {
        sendError(c, -1, ErrorCode::BadMessage,
                  QStringLiteral("frames must be JSON text, not binary"));
    });
    connect(peer, &WebSocketPeer::heard, this, [c] { c->lastSeenMs = nowMs(); });
    // Queued: a close inside a handler must not free the connection under its feet.
    connect(
        peer, &WebSocketPeer::disconnected, this, [this, c] { onDisconnected(c); },
        Qt::QueuedConnection);
    if (m_connections.size() > m_config.maxConnections) {
        ++m_metrics.connectionsRefused;
        sendError(c, -1, ErrorCode::TooManyConnections,
                  QStringLiteral("the server is full; try again later"));
        closeConnection(c, kCloseServerFull, QStringLiteral("server full"));
        return;
    }
    startAuthDeadline(c);
    qCDebug(lcServer) << "connection" << c->id << "from" << peer->peerAddress().toString();
}

void SyncServer::startAuthDeadline(Connection *c)
{
    const quint64 id = c->id;
    QTimer::singleShot(m_config.authTimeoutMs, this, [this, id] {
        Connection *conn = m_connections.value(id);
        if (conn && !conn->signedIn() && !conn->busy && !conn->closing) {
            sendError(conn, -1, ErrorCode::AuthTimeout,
                      QStringLiteral("no sign-in within %1 ms").arg(m_config.authTimeoutMs));
            dropConnection(conn, QWebSocketProtocol::CloseCodePolicyViolated,
                           DropReason::AuthTimeout, QStringLiteral("auth timeout"));
        }
    });
}

SyncServer::Connection *SyncServer::addConnection(WebSocketPeer *peer)
{
    auto *c = new Connection;
    c->id = m_nextConnId++;
    c->socket = peer;
    c->virtualPeer = !peer;
    c->lastSeenMs = nowMs();
    c->bucket = m_config.rateBurst;
    c->bucketAtMs = c->lastSeenMs;
    m_connections.insert(c->id, c);
    ++m_metrics.connectionsAccepted;
    return c;
}

quint64 SyncServer::openVirtualConnection()
{
    Connection *c = addConnection(nullptr);
    startAuthDeadline(c);
    return c->id;
}

QList<QByteArray> SyncServer::dispatchFrame(quint64 connectionId, const QByteArray &frame)
{
    Connection *c = m_connections.value(connectionId);
    if (!c || !c->virtualPeer)
        return {};
    // As a socket delivers it: text frames are UTF-8, and invalid UTF-8 closes (1007).
    if (!frame.isValidUtf8()) {
        closeConnection(c, QWebSocketProtocol::CloseCodeWrongDatatype,
                        QStringLiteral("invalid UTF-8"));
        return takeSent(connectionId);
    }
    onTextMessage(c, frame);
    flushBatch();
    return takeSent(connectionId);
}

QList<QByteArray> SyncServer::takeSent(quint64 connectionId)
{
    Connection *c = m_connections.value(connectionId);
    return c ? std::exchange(c->sent, {}) : QList<QByteArray> {};
}

int SyncServer::closeCodeOf(quint64 connectionId) const
{
    const Connection *c = m_connections.value(connectionId);
    return c ? c->closeCode : -1;
}

void SyncServer::closeVirtualConnection(quint64 connectionId)
{
    Connection *c = m_connections.value(connectionId);
    if (c && c->virtualPeer)
        onDisconnected(c);
}

void SyncServer::onDisconnected(Connection *c)
{
    if (!m_connections.contains(c->id))
        return;
    if (c->socket)
        qCDebug(lcServer) << "connection" << c->id << "closed" << c->socket->closeCode();
    signOut(c);
    m_connections.remove(c->id);
    m_dirty.remove(c);
    if (c->socket)
        c->socket->deleteLater();
    delete c;
    // (Once the closing has stopped for a second: a trim holds the allocator's lock, and
    // with it the loop, for up to half a second after 10,000 closed.)
    // (At most 30 s after the count is reached, should closes never stop for a second.)
    if (++m_closedSinceTrim >= kTrimAfterCloses) {
        const qint64 now = nowMs();
        if (m_trimByMs == 0)
            m_trimByMs = now + 30000;
        if (now + 1000 <= m_trimByMs)
            m_trimTimer.start(1000);
        else if (!m_trimTimer.isActive())
            m_trimTimer.start(0);
    }
    if (m_shuttingDown && m_connections.isEmpty())
        QTimer::singleShot(0, this, &SyncServer::finishShutdown);
}

bool SyncServer::takeToken(Connection *c, qint64 now)
{
    const double refill = double(now - c->bucketAtMs) * m_config.rateLimitPerSec / 1000.0;
    c->bucket = std::min<double>(m_config.rateBurst, c->bucket + refill);
    c->bucketAtMs = now;
    if (c->bucket < 1.0)
        return false;
    c->bucket -= 1.0;
    return true;
}

void SyncServer::onTextMessage(Connection *c, const QByteArray &text)
{
    if (c->closing)
        return;
    const qint64 now = nowMs();
    c->lastSeenMs = now;
    ++m_metrics.framesIn;
    if (!takeToken(c, now)) {
        // A flood is not echoed back frame for frame: one error a second at most, and a
        // connection that has more than a burst of frames dropped without pausing for a
        // second is closed.
        if (now - c->lastDropMs >= 1000)
            c->floodDropped = 0;
        c->lastDropMs = now;
        if (++c->floodDropped > m_config.rateBurst) {
            dropConnection(c, QWebSocketProtocol::CloseCodePolicyViolated, DropReason::Flood,
                           QStringLiteral("rate limit"));
            return;
        }
        if (now - c->lastRateErrorMs >= 1000) {
            c->lastRateErrorMs = now;
            sendError(c, -1, ErrorCode::RateLimited,
                      QStringLiteral("too many frames; at most %1 per second")
                          .arg(m_config.rateLimitPerSec));
        }
        return;
    }
    // (A leading byte order mark is dropped, as RFC 8259 allows.)
    const QByteArray frame = text.startsWith("\xEF\xBB\xBF") ? text.mid(3) : text;
    if (frame.size() > Protocol::kMaxFrameBytes) {
        sendError(c, -1, ErrorCode::FrameTooLarge,
                  QStringLiteral("frame of %1 bytes is over the %2 byte limit")
                      .arg(frame.size())
                      .arg(Protocol::kMaxFrameBytes));
        return;
    }
    const Protocol::Decoded d = Protocol::decodeRequest(frame);
    if (d.error) {
        sendError(c, d.id, d.error);
        return;
    }
    if (!c->helloDone && d.type != QLatin1String("hello")) {
        sendError(c, d.id, ErrorCode::HelloRequired,
                  QStringLiteral("the first frame must be hello"));
        closeConnection(c, QWebSocketProtocol::CloseCodePolicyViolated,
                        QStringLiteral("hello required"));
        return;
    }
    if (m_shuttingDown) {
        sendError(c, d.id, ErrorCode::ShuttingDown, QStringLiteral("the server is shutting down"));
        return;
    }

    using Handler = void (SyncServer::*)(Connection *, const Protocol::Decoded &);
    struct Route
    {
        const char *type;
        Handler handler;
        bool needsSignIn;
    };
    static const Route routes[] = {
        {"hello", &SyncServer::handleHello, false},
        {"auth", &SyncServer::handleAuth, false},
        {"register", &SyncServer::handleRegister, false},
        {"login", &SyncServer::handleLogin, false},
        {"refresh", &SyncServer::handleRefresh, false},
        {"logout", &SyncServer::handleLogout, true},
        {"household.create", &SyncServer::handleHouseholdCreate, true},
        {"household.list", &SyncServer::handleHouseholdList, true},
        {"household.members", &SyncServer::handleMembers, true},
        {"household.leave", &SyncServer::handleLeave, true},
        {"household.join", &SyncServer::handleJoin, true},
        {"member.remove", &SyncServer::handleMemberRemove, true},
        {"member.setRole", &SyncServer::handleSetRole, true},
        {"invite.create", &SyncServer::handleInviteCreate, true},
        {"kiosk.code.create", &SyncServer::handleKioskCodeCreate, true},
        {"kiosk.pair", &SyncServer::handleKioskPair, false},
        {"lists", &SyncServer::handleLists, true},
        {"subscribe", &SyncServer::handleSubscribe, true},
        {"unsubscribe", &SyncServer::handleUnsubscribe, true},
        {"mutate", &SyncServer::handleMutate, true},
        {"history", &SyncServer::handleHistory, true},
    };
    if (d.type == QLatin1String("ping")) {
        sendReply(c, d.id, QJsonObject {{QStringLiteral("serverTime"), now}});
        return;
    }
    for (const Route &r : routes) {
        if (d.type != QLatin1String(r.type))
            continue;
        if (r.needsSignIn) {
            if (!c->signedIn()) {
                sendError(c, d.id, ErrorCode::Unauthenticated, QStringLiteral("sign in first"));
                return;
            }
            if (c->tokenExpiresAtMs <= now) {
                sendError(c, d.id, ErrorCode::TokenExpired,
                          QStringLiteral("the access token expired; send auth with a new one"));
                return;
            }
        }
        (this->*r.handler)(c, d);
        flushSockets();
        return;
    }
    sendError(c, d.id, ErrorCode::Internal, QStringLiteral("no handler"));
}

void SyncServer::giveMemoryBack()
{
    // glibc keeps what was freed for later allocations and returns only the top of its
    // heap: after 10,000 connections closed, 380 MiB stayed resident, and each further
    // connect-all / close-all cycle left more (fragmentation, not a leak: heaptrack finds
    // nothing lost, and a trim brings it to 84 MiB). Once many have closed and the closing
    // has stopped, a trim gives it back (bench/README.md).
    if (m_closedSinceTrim < kTrimAfterCloses)
        return;
    m_closedSinceTrim = 0;
    m_trimByMs = 0;
#ifdef __GLIBC__
    QElapsedTimer t;
    t.start();
    malloc_trim(0);
    qCInfo(lcServer) << "gave unused memory back to the system in" << t.elapsed() << "ms";
#endif
}

void SyncServer::sweep()
{
    // (PostgreSQL) A lost connection is opened again; what other nodes notified meanwhile
    // is read from the database instead.
    bool reconnected = false;
    if (m_store.reconnectIfLost(&reconnected) && reconnected)
        resync();
    else
        keepNodeAlive();
    const qint64 now = nowMs();
    const auto conns = m_connections.values();
    for (Connection *c : conns) {
        if (c->closing)
            continue;
        const qint64 idle = now - c->lastSeenMs;
        if (c->virtualPeer) {
            // No socket to ping or be silent on; only the token runs out.
        } else if (idle > m_config.idleTimeoutMs) {
            qCInfo(lcServer) << "dropping connection" << c->id << "silent for" << idle << "ms";
            ++m_metrics.dropped[int(DropReason::Idle)];
            c->socket->abort();
            continue;
        } else if (idle >= m_config.pingIntervalMs) {
            c->socket->ping();
        }
        if (c->signedIn() && c->tokenExpiresAtMs + 120000 < now) {
            sendError(c, -1, ErrorCode::TokenExpired, QStringLiteral("the access token expired"));
            dropConnection(c, kCloseTokenExpired, DropReason::TokenExpired,
                           QStringLiteral("token expired"));
        }
    }
    // Items of open lists nobody has changed for a while leave memory. (By id: on
    // PostgreSQL the snapshot may send ops, and a stalled reader's drop may close a room.)
    QStringList unused;
    for (const Room *r : std::as_const(m_rooms)) {
        if (r->loaded && now - r->usedAtMs >= m_config.listUnloadMs &&
            !m_batchRooms.contains(r->listId))
            unused.append(r->listId);
    }
    for (const QString &listId : std::as_const(unused)) {
        if (Room *r = m_rooms.value(listId))
            unloadEntities(r);
    }
}

void SyncServer::send(Connection *c, const QByteArray &frame)
{
    if (c->closing)
        return;
    ++m_metrics.framesOut;
    if (c->virtualPeer) {
        c->sent.append(frame);
        return;
    }
    if (overOutgoingLimit(c))
        return;
    const qint64 before = c->socket->bytesToWrite();
    c->socket->sendText(frame);
    // One frame bigger than the cap (the snapshot of a long list) may wait on top of it
    // until it is taken.
    c->bigFrameBytes = std::max(c->bigFrameBytes, c->socket->bytesToWrite() - before);
    // Frames wait for the end of the batch (flushBatch) or of this loop pass, then go out
    // with one write per socket.
    if (m_dirty.isEmpty() && !m_flushTimer.isActive())
        m_flushTimer.start(0);
    m_dirty.insert(c);
}

bool SyncServer::overOutgoingLimit(Connection *c)
{
    // What a peer does not read waits in its socket's buffer: past the limit (plus the
    // largest frame queued since it was last under it), even after handing the kernel what
    // it takes, the peer is not reading, and holding more for it would let one stalled
    // client grow the server without bound. Its buffer holds at most that much plus one
    // frame until the close goes out or the socket is cut off.
    auto within = [this, c](qint64 waiting) {
        if (waiting <= m_config.maxOutgoingBytes)
            c->bigFrameBytes = 0;
        return waiting <= m_config.maxOutgoingBytes + c->bigFrameBytes;
    };
    if (within(c->socket->bytesToWrite()))
        return false;
    c->socket->flush();
    const qint64 waiting = c->socket->bytesToWrite();
    if (within(waiting))
        return false;
    qCInfo(lcServer) << "connection" << c->id << "is not reading:" << waiting
                     << "bytes waiting; closing it";
    dropConnection(c, kCloseSlowReader, DropReason::SlowReader,
                   QStringLiteral("not reading: over %1 bytes waiting").arg(waiting));
    return true;
}

void SyncServer::flushSockets()
{
    // One write per socket for everything queued since the last flush, instead of one
    // per frame or a write-notifier round trip through the event loop.
    for (Connection *c : std::as_const(m_dirty)) {
        if (!c->closing)
            c->socket->flush();
    }
    m_dirty.clear();
}

void SyncServer::sendReply(Connection *c, qint64 id, const QJsonObject &result)
{
    send(c, Protocol::encode(Protocol::reply(id, result)));
}

void SyncServer::sendError(Connection *c, qint64 id, ErrorCode code, const QString &message)
{
    ++m_metrics.protocolErrors;
    send(c, Protocol::encode(Protocol::error(id, Error {code, message})));
}

void SyncServer::closeConnection(Connection *c, int closeCode, const QString &reason)
{
    if (c->closing)
        return;
    c->closing = true;
    c->closeCode = closeCode;
    if (c->virtualPeer)
        return;
    // What was queued before (an error frame saying why) goes out ahead of the close.
    c->socket->flush();
    c->socket->close(quint16(closeCode), reason);
    // A peer that never answers the close handshake is cut off.
    QTimer::singleShot(3000, c->socket, [socket = c->socket] { socket->abort(); });
}

void SyncServer::dropConnection(Connection *c, int closeCode, DropReason reason,
                                const QString &text)
{
    if (c->closing)
        return;
    ++m_metrics.dropped[int(reason)];
    closeConnection(c, closeCode, text);
}

} // namespace kinlist::server
