// Accounts: hello, register, login, refresh, logout and re-auth on a live connection.
#include "syncserver.h"

#include "core/uuid.h"
#include "logging.h"
#include "passwords.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocketProtocol>
#include <QtConcurrent/QtConcurrentRun>

namespace kinlist::server {

namespace {
constexpr int kMaxFailedLogins = 10;

bool plausibleEmail(const QString &email)
{
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    if (at <= 0 || at != email.lastIndexOf(QLatin1Char('@')) || at == email.size() - 1)
        return false;
    for (QChar ch : email) {
        if (ch.isSpace() || ch.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

QJsonObject userJson(const ServerStore::User &u)
{
    return QJsonObject {{QStringLiteral("id"), u.id},
                        {QStringLiteral("email"), u.email},
                        {QStringLiteral("displayName"), u.displayName}};
}
} // namespace

void SyncServer::handleHello(Connection *c, const Protocol::Decoded &d)
{
    if (c->helloDone) {
        sendError(c, d.id, ErrorCode::BadValue,
                  QStringLiteral("hello was already sent on this connection"));
        return;
    }
    const int version = d.message.value(QStringLiteral("protocol")).toInt();
    if (version < Protocol::kMinVersion || version > Protocol::kVersion) {
        sendError(c, d.id, ErrorCode::VersionUnsupported,
                  QStringLiteral("this server speaks protocol %1 to %2; please update Kinlist")
                      .arg(Protocol::kMinVersion)
                      .arg(Protocol::kVersion));
        closeConnection(c, QWebSocketProtocol::CloseCodeProtocolError,
                        QStringLiteral("protocol version"));
        return;
    }
    c->helloDone = true;
    c->protocol = version;
    c->clientId = d.message.value(QStringLiteral("clientId")).toString();
    c->device = d.message.value(QStringLiteral("device")).toString().left(100);
    QJsonObject result {
        {QStringLiteral("protocol"), version},
        {QStringLiteral("serverVersion"), QStringLiteral(KINLIST_VERSION)},
        {QStringLiteral("serverTime"), nowMs()},
        // So a well-behaved client paces itself instead of running into rate_limited.
        {QStringLiteral("limits"),
         QJsonObject {{QStringLiteral("framesPerSec"), m_config.rateLimitPerSec},
                      {QStringLiteral("burst"), m_config.rateBurst}}}};
    const QString token = d.message.value(QStringLiteral("token")).toString();
    if (!token.isEmpty()) {
        Error e;
        const Tokens::Claims claims = m_tokens.verify(token.toUtf8(), nowMs() / 1000, &e);
        if (e) {
            qCInfo(lcAuth) << "connection" << c->id
                           << "hello token refused:" << errorCodeName(e.code);
            sendError(c, d.id, e);
            return;
        }
        flushBatch();
        const auto user = userForToken(claims, &e);
        if (!user) {
            sendError(c, d.id, e);
            return;
        }
        if (Error se = signIn(c, *user, claims.expiresAtSec * 1000)) {
            sendError(c, d.id, se);
            if (se.code == ErrorCode::TooManyConnections)
                closeConnection(c, QWebSocketProtocol::CloseCodePolicyViolated,
                                QStringLiteral("too many connections"));
            return;
        }
        result.insert(QStringLiteral("user"), userJson(*user));
        result.insert(QStringLiteral("accessExpiresAt"), claims.expiresAtSec * 1000);
    }
    sendReply(c, d.id, result);
}

void SyncServer::handleAuth(Connection *c, const Protocol::Decoded &d)
{
    Error e;
    const QString token = d.message.value(QStringLiteral("token")).toString();
    const Tokens::Claims claims = m_tokens.verify(token.toUtf8(), nowMs() / 1000, &e);
    if (e) {
        sendError(c, d.id, e);
        return;
    }
    if (c->signedIn() && c->userId != claims.userId) {
        sendError(c, d.id, ErrorCode::Forbidden,
                  QStringLiteral("this connection belongs to another account"));
        return;
    }
    flushBatch();
    const auto user = userForToken(claims, &e);
    if (!user) {
        sendError(c, d.id, e);
        return;
    }
    if (Error se = signIn(c, *user, claims.expiresAtSec * 1000)) {
        sendError(c, d.id, se);
        return;
    }
    sendReply(c, d.id,
              QJsonObject {{QStringLiteral("user"), userJson(*user)},
                           {QStringLiteral("accessExpiresAt"), claims.expiresAtSec * 1000}});
}

bool SyncServer::refuseWhileSignedIn(Connection *c, qint64 requestId)
{
    // One account per connection: another sign-in would leave this one's rooms and
    // progress behind it. The app signs in on a connection of its own.
    if (!c->signedIn())
        return false;
    sendError(c, requestId, ErrorCode::BadValue,
              QStringLiteral("this connection is already signed in; use a new connection to sign "
                             "in to another account"));
    return true;
}

void SyncServer::handleRegister(Connection *c, const Protocol::Decoded &d)
{
    if (refuseWhileSignedIn(c, d.id))
        return;
    if (c->busy) {
        sendError(c, d.id, ErrorCode::RateLimited, QStringLiteral("one sign-in at a time"));
        return;
    }
    const QString email = d.message.value(QStringLiteral("email")).toString().trimmed();
    const QString password = d.message.value(QStringLiteral("password")).toString();
    const QString displayName = d.message.value(QStringLiteral("displayName")).toString().trimmed();
    if (!plausibleEmail(email)) {
        sendError(c, d.id, ErrorCode::BadValue,
                  QStringLiteral("that does not look like an email address"));
        return;
    }
    if (displayName.isEmpty()) {
        sendError(c, d.id, ErrorCode::BadValue, QStringLiteral("the name must not be empty"));
        return;
    }
    flushBatch();
    if (m_store.userByEmail(email)) {
        sendError(c, d.id, ErrorCode::Conflict,
                  QStringLiteral("an account with this email already exists"));
        return;
    }
    c->busy = true;
    const quint64 connId = c->id;
    const qint64 requestId = d.id;
    auto *watcher = new QFutureWatcher<QByteArray>(this);
    connect(watcher, &QFutureWatcher<QByteArray>::finished, this, [=] {
        const QByteArray hash = watcher->result();
        watcher->deleteLater();
        Connection *conn = m_connections.value(connId);
        if (!conn || m_stopped)
            return;
        conn->busy = false;
        if (hash.isEmpty()) {
            sendError(conn, requestId, ErrorCode::Internal,
                      QStringLiteral("could not hash the password"));
            return;
        }
        flushBatch();
        if (m_store.userByEmail(email)) {
            sendError(conn, requestId, ErrorCode::Conflict,
                      QStringLiteral("an account with this email already exists"));
            return;
        }
        ServerStore::User user;
        user.id = createUuid();
        user.email = email;
        user.displayName = displayName;
        user.passwordHash = hash;
        // Nothing is created for a connection that could not sign in as the new account.
        if (Error e = canSignIn(conn, user.id)) {
            sendError(conn, requestId, e);
            return;
        }
        if (!m_store.begin() || !m_store.insertUser(user, nowMs())) {
            m_store.rollback();
            sendError(conn, requestId, ErrorCode::StorageError,
                      QStringLiteral("the account could not be saved"));
            return;
        }
        qCInfo(lcAuth) << "registered user" << user.id;
        if (const auto session = startSession(conn, requestId, user, createUuid()))
            sendReply(conn, requestId, *session);
    });
    watcher->setFuture(QtConcurrent::run(&Passwords::hash, password,
                                         Passwords::limitsFromName(m_config.passwordHashLimits)));
}

void SyncServer::handleLogin(Connection *c, const Protocol::Decoded &d)
{
    if (refuseWhileSignedIn(c, d.id))
        return;
    if (c->busy) {
        sendError(c, d.id, ErrorCode::RateLimited, QStringLiteral("one sign-in at a time"));
        return;
    }
    const QString email = d.message.value(QStringLiteral("email")).toString().trimmed();
    const QString password = d.message.value(QStringLiteral("password")).toString();
    flushBatch();
    const auto user = m_store.userByEmail(email);
    const auto limits = Passwords::limitsFromName(m_config.passwordHashLimits);
    // An unknown email is checked against a dummy hash so both cases take as long.
    const QByteArray hash = user ? user->passwordHash : Passwords::dummyHash(limits);
    c->busy = true;
    const quint64 connId = c->id;
    const qint64 requestId = d.id;
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this, [=] {
        const bool ok = watcher->result() && user.has_value();
        watcher->deleteLater();
        Connection *conn = m_connections.value(connId);
        if (!conn || m_stopped)
            return;
        conn->busy = false;
        if (!ok) {
            ++conn->failedLogins;
            qCInfo(lcAuth) << "failed sign-in on connection" << connId;
            sendError(conn, requestId, ErrorCode::AuthFailed,
                      QStringLiteral("wrong email or password"));
            if (conn->failedLogins >= kMaxFailedLogins)
                dropConnection(conn, QWebSocketProtocol::CloseCodePolicyViolated,
                               DropReason::FailedSignIns,
                               QStringLiteral("too many failed sign-ins"));
            return;
        }
        flushBatch();
        // Read again: a sign-out everywhere during the hash moved the token generation on.
        const auto current = m_store.userById(user->id);
        if (!current) {
            sendError(conn, requestId, ErrorCode::AuthFailed,
                      QStringLiteral("wrong email or password"));
            return;
        }
        if (Error e = canSignIn(conn, current->id)) {
            sendError(conn, requestId, e);
            return;
        }
        if (!m_store.begin()) {
            sendError(conn, requestId, ErrorCode::StorageError,
                      QStringLiteral("could not start a session"));
            return;
        }
        if (const auto session = startSession(conn, requestId, *current, createUuid()))
            sendReply(conn, requestId, *session);
    });
    watcher->setFuture(QtConcurrent::run(&Passwords::verify, hash, password));
}

bool SyncServer::inRefreshGrace(const Connection *c, const ServerStore::RefreshToken &t,
                                qint64 nowMs)
{
    // The reply to a rotation can be lost with the connection. The device that rotated may
    // then exchange the token it still has once more, shortly after, as long as the token it
    // was given instead was never used: anyone else presenting a used token, or the same
    // device later, is a reuse. The replaced token is superseded: whoever presents it
    // later had the reply after all, so someone replayed the old token, and the family
    // goes.
    if (t.graceUsed || t.usedBy != c->clientId || nowMs - t.usedAtMs > kRefreshGraceMs)
        return false;
    const auto successor = m_store.refreshToken(t.successor);
    return successor && !successor->used && !successor->revoked;
}

void SyncServer::handleRefresh(Connection *c, const Protocol::Decoded &d)
{
    const QByteArray hash =
        hashRefreshToken(d.message.value(QStringLiteral("refreshToken")).toString());
    flushBatch();
    const qint64 now = nowMs();
    const auto t = m_store.refreshToken(hash);
    if (!t || (t->revoked && !t->superseded)) {
        sendError(c, d.id, ErrorCode::TokenInvalid,
                  QStringLiteral("the refresh token is not valid; sign in again"));
        return;
    }
    const bool grace = t->used && !t->revoked && inRefreshGrace(c, *t, now);
    if ((t->used || t->superseded) && !grace) {
        // A rotated token came back: someone kept a copy. Revoke the whole family.
        qCWarning(lcAuth) << "refresh token reuse for user" << t->userId << "; revoking its family";
        m_store.revokeRefreshFamily(t->familyId);
        sendError(c, d.id, ErrorCode::TokenInvalid,
                  QStringLiteral("the refresh token was already used; sign in again"));
        return;
    }
    if (t->expiresAtMs <= now) {
        sendError(c, d.id, ErrorCode::TokenExpired,
                  QStringLiteral("the session expired; sign in again"));
        return;
    }
    const auto user = m_store.userById(t->userId);
    if (!user) {
        sendError(c, d.id, ErrorCode::TokenInvalid, QStringLiteral("the account no longer exists"));
        return;
    }
    if (Error e = canSignIn(c, user->id)) {
        sendError(c, d.id, e);
        return;
    }
    if (grace)
        qCInfo(lcAuth) << "user" << user->id << "exchanges a rotated refresh token again (grace)";
    // In the grace period the token the lost reply carried dies: only the new one lives on.
    if (!m_store.begin() || (grace && !m_store.supersedeRefreshToken(t->successor))) {
        m_store.rollback();
        sendError(c, d.id, ErrorCode::StorageError, QStringLiteral("could not rotate the session"));
        return;
    }
    // Marked used only if it is still as it was read: of two exchanges at once (two nodes),
    // the second finds it changed, and that is a reuse.
    bool raced = false;
    const auto session =
        startSession(c, d.id, *user, t->familyId, [&](const QByteArray &next) -> Error {
            if (!m_store.markRefreshTokenUsed(hash, c->clientId, next, grace, now, *t, &raced))
                return raced ? Error {ErrorCode::TokenInvalid,
                                      QStringLiteral("the refresh token was already used; sign "
                                                     "in again")}
                             : Error {ErrorCode::StorageError,
                                      QStringLiteral("could not rotate the session")};
            return {};
        });
    if (session) {
        sendReply(c, d.id, *session);
    } else if (raced) {
        qCWarning(lcAuth) << "refresh token reuse (at the same time) for user" << t->userId
                          << "; revoking its family";
        m_store.revokeRefreshFamily(t->familyId);
    }
}

void SyncServer::handleLogout(Connection *c, const Protocol::Decoded &d)
{
    flushBatch();
    const bool everywhere = d.message.value(QStringLiteral("all")).toBool();
    const QString userId = c->userId;
    bool ok = true;
    if (everywhere) {
        // Refresh tokens and, through the generation, every access token issued so far.
        ok = m_store.begin() && m_store.revokeAllRefreshTokens(userId) &&
            m_store.bumpTokenGeneration(userId) && m_store.commit();
        if (!ok)
            m_store.rollback();
    } else if (d.message.contains(QStringLiteral("refreshToken"))) {
        const auto t = m_store.refreshToken(
            hashRefreshToken(d.message.value(QStringLiteral("refreshToken")).toString()));
        if (t && t->userId == userId)
            ok = m_store.revokeRefreshFamily(t->familyId);
    }
    if (!ok) {
        sendError(c, d.id, ErrorCode::StorageError, QStringLiteral("could not sign out"));
        return;
    }
    signOut(c);
    sendReply(c, d.id, QJsonObject {});
    if (everywhere)
        endSessions(userId, QStringLiteral("signed out on every device"));
}

void SyncServer::endSessions(const QString &userId, const QString &why, bool everywhere)
{
    // (Committed already: the NOTIFY goes out on its own.)
    if (everywhere && m_store.isPostgres() &&
        !m_store.notify(QLatin1String(kSessionsChannel), userId + QLatin1Char(':') + why))
        qCWarning(lcStore) << "could not tell the other nodes that sessions ended";
    const auto conns = m_userConnections.value(userId);
    for (Connection *conn : conns) {
        sendError(conn, -1, ErrorCode::TokenInvalid, why);
        signOut(conn);
        dropConnection(conn, kCloseSignedOut, DropReason::SignedOut, why);
    }
}

std::optional<ServerStore::User> SyncServer::userForToken(const Tokens::Claims &claims,
                                                          Error *error)
{
    const auto user = m_store.userById(claims.userId);
    if (!user) {
        *error = Error {ErrorCode::TokenInvalid, QStringLiteral("the account no longer exists")};
        return std::nullopt;
    }
    if (claims.generation != user->tokenGen) {
        *error = Error {ErrorCode::TokenInvalid,
                        QStringLiteral("this session was signed out; sign in again")};
        return std::nullopt;
    }
    return user;
}

std::optional<QJsonObject>
SyncServer::startSession(Connection *c, qint64 requestId, const ServerStore::User &user,
                         const QString &familyId,
                         const std::function<Error(const QByteArray &)> &alsoSave)
{
    Q_ASSERT(m_store.inTransaction());
    const qint64 now = nowMs();
    const qint64 accessExp = now / 1000 + m_config.accessTokenTtlSec;
    const QByteArray access = m_tokens.issue(user.id, now / 1000, accessExp, user.tokenGen);
    const QString refresh = QString::fromLatin1(randomToken(32));
    ServerStore::RefreshToken rt;
    rt.hash = hashRefreshToken(refresh);
    rt.userId = user.id;
    rt.familyId = familyId;
    rt.expiresAtMs = now + qint64(m_config.refreshTokenTtlDays) * 24 * 3600 * 1000;
    Error e;
    if (access.isEmpty() || !m_store.insertRefreshToken(rt, now) ||
        (alsoSave && (e = alsoSave(rt.hash))) || !m_store.commit()) {
        m_store.rollback();
        if (!e)
            e = Error {ErrorCode::StorageError, QStringLiteral("could not start a session")};
    } else {
        e = signIn(c, user, accessExp * 1000);
    }
    if (e) {
        sendError(c, requestId, e);
        return std::nullopt;
    }
    return QJsonObject {{QStringLiteral("user"), userJson(user)},
                        {QStringLiteral("accessToken"), QString::fromLatin1(access)},
                        {QStringLiteral("accessExpiresAt"), accessExp * 1000},
                        {QStringLiteral("refreshToken"), refresh},
                        {QStringLiteral("refreshExpiresAt"), rt.expiresAtMs}};
}

Error SyncServer::canSignIn(const Connection *c, const QString &userId)
{
    if (c->signedIn())
        return c->userId == userId
            ? Error {}
            : Error {ErrorCode::Forbidden,
                     QStringLiteral("this connection belongs to another account")};
    if (m_userConnections.value(userId).size() >= m_config.maxConnectionsPerUser) {
        ++m_metrics.connectionsRefused;
        return Error {ErrorCode::TooManyConnections,
                      QStringLiteral("this account already has %1 connections")
                          .arg(m_config.maxConnectionsPerUser)};
    }
    flushBatch();
    const auto client = m_store.client(c->clientId);
    if (client && client->userId != userId)
        return Error {ErrorCode::ClientIdTaken,
                      QStringLiteral("this client id belongs to another account")};
    return {};
}

Error SyncServer::signIn(Connection *c, const ServerStore::User &user, qint64 tokenExpiresAtMs)
{
    if (Error e = canSignIn(c, user.id))
        return e;
    if (c->signedIn()) {
        c->tokenExpiresAtMs = tokenExpiresAtMs;
        return {};
    }
    const auto client = m_store.client(c->clientId);
    if (!m_store.upsertClient(c->clientId, user.id, c->device, nowMs()))
        return Error {ErrorCode::StorageError, QStringLiteral("could not register this device")};
    m_lastMutation.insert(c->clientId, client ? client->lastMutationId : 0);
    c->userId = user.id;
    c->displayName = user.displayName;
    c->kiosk = user.device;
    c->displayNameJson = jsonString(user.displayName);
    c->tokenExpiresAtMs = tokenExpiresAtMs;
    m_userConnections[user.id].append(c);
    if (!m_memberships.contains(user.id))
        m_memberships.insert(user.id, m_store.membershipsOf(user.id));
    qCDebug(lcAuth) << "connection" << c->id << "signed in as" << user.id;
    return {};
}

void SyncServer::signOut(Connection *c)
{
    if (!c->signedIn())
        return;
    // Nothing of the account reaches a connection that is no longer signed in as it.
    const auto rooms = c->rooms;
    for (const QString &listId : rooms) {
        if (Room *r = m_rooms.value(listId))
            leaveRoom(c, r, true);
    }
    auto it = m_userConnections.find(c->userId);
    if (it != m_userConnections.end()) {
        it->removeOne(c);
        if (it->isEmpty()) {
            m_userConnections.erase(it);
            m_memberships.remove(c->userId);
        }
    }
    c->userId.clear();
    c->displayName.clear();
    c->kiosk = false;
    c->tokenExpiresAtMs = 0;
}

} // namespace kinlist::server
