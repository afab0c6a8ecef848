// Households: create, list, members, invites, join, leave, remove a member.
#include "syncserver.h"

#include "core/uuid.h"
#include "logging.h"
#include "passwords.h"

#include <QJsonArray>

namespace kinlist::server {

namespace {
// No 0/O or 1/I: read aloud and typed on a tablet.
const char kInviteAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
constexpr int kMaxFailedJoins = 5;
constexpr int kPairingTtlSec = 15 * 60;

QString makeInviteCode()
{
    const QByteArray bytes = randomBytes(8);
    QString code;
    for (int i = 0; i < 8; ++i) {
        if (i == 4)
            code += QLatin1Char('-');
        code += QLatin1Char(kInviteAlphabet[quint8(bytes.at(i)) % 32]);
    }
    return code;
}

QString normalizeInviteCode(const QString &raw)
{
    QString s;
    for (QChar ch : raw) {
        if (ch.isLetterOrNumber())
            s += ch.toUpper();
    }
    if (s.size() != 8)
        return {};
    return s.left(4) + QLatin1Char('-') + s.mid(4);
}

QJsonObject householdJson(const ServerStore::Household &h)
{
    return QJsonObject {{QStringLiteral("id"), h.id},
                        {QStringLiteral("name"), h.name},
                        {QStringLiteral("role"), h.role},
                        {QStringLiteral("memberCount"), h.memberCount}};
}
} // namespace

QString SyncServer::roleIn(const QString &userId, const QString &householdId) const
{
    return m_memberships.value(userId).value(householdId);
}

QString SyncServer::storedRoleIn(const QString &userId, const QString &householdId)
{
    // Signed-in accounts' memberships are kept up to date in memory; others are read.
    const auto it = m_memberships.constFind(userId);
    if (it != m_memberships.constEnd())
        return it->value(householdId);
    return m_store.membershipsOf(userId).value(householdId);
}

bool SyncServer::requireMember(Connection *c, qint64 requestId, const QString &householdId)
{
    if (!roleIn(c->userId, householdId).isEmpty())
        return true;
    sendError(c, requestId, ErrorCode::Forbidden,
              QStringLiteral("you are not a member of this household"));
    return false;
}

void SyncServer::handleHouseholdCreate(Connection *c, const Protocol::Decoded &d)
{
    // A tablet stays a tablet when it is removed from its household: it never manages one.
    if (c->kiosk) {
        sendError(c, d.id, ErrorCode::Forbidden,
                  QStringLiteral("a kitchen tablet cannot start a household"));
        return;
    }
    const QString name = d.message.value(QStringLiteral("name")).toString().trimmed();
    if (name.isEmpty()) {
        sendError(c, d.id, ErrorCode::BadValue, QStringLiteral("the household needs a name"));
        return;
    }
    flushBatch();
    const QString id = createUuid();
    if (!m_store.begin() || !m_store.insertHousehold(id, name, c->userId, nowMs()) ||
        !m_store.commit()) {
        m_store.rollback();
        sendError(c, d.id, ErrorCode::StorageError,
                  QStringLiteral("the household could not be saved"));
        return;
    }
    m_memberships[c->userId].insert(id, QStringLiteral("owner"));
    announceMembership(c->userId, id);
    qCInfo(lcServer) << "household" << id << "created by" << c->userId;
    sendReply(c, d.id,
              QJsonObject {{QStringLiteral("household"),
                            householdJson({id, name, QStringLiteral("owner"), 1})}});
}

void SyncServer::handleHouseholdList(Connection *c, const Protocol::Decoded &d)
{
    flushBatch();
    QJsonArray out;
    for (const auto &h : m_store.householdsOf(c->userId))
        out.append(householdJson(h));
    sendReply(c, d.id, QJsonObject {{QStringLiteral("households"), out}});
}

void SyncServer::handleMembers(Connection *c, const Protocol::Decoded &d)
{
    const QString hh = d.message.value(QStringLiteral("householdId")).toString();
    if (!requireMember(c, d.id, hh))
        return;
    flushBatch();
    QJsonArray out;
    for (const auto &m : m_store.members(hh)) {
        out.append(QJsonObject {{QStringLiteral("userId"), m.userId},
                                {QStringLiteral("displayName"), m.displayName},
                                {QStringLiteral("role"), m.role},
                                {QStringLiteral("joinedAt"), m.joinedAtMs}});
    }
    sendReply(c, d.id, QJsonObject {{QStringLiteral("members"), out}});
}

void SyncServer::handleInviteCreate(Connection *c, const Protocol::Decoded &d)
{
    const QString hh = d.message.value(QStringLiteral("householdId")).toString();
    if (roleIn(c->userId, hh) != QLatin1String("owner")) {
        sendError(c, d.id, ErrorCode::Forbidden, QStringLiteral("only an owner can invite people"));
        return;
    }
    flushBatch();
    ServerStore::Invite inv;
    inv.householdId = hh;
    inv.expiresAtMs =
        nowMs() + qint64(d.message.value(QStringLiteral("ttlSeconds")).toInt(24 * 3600)) * 1000;
    inv.maxUses = d.message.value(QStringLiteral("maxUses")).toInt(5);
    if (!saveWithNewCode(&inv, c->userId)) {
        sendError(c, d.id, ErrorCode::StorageError,
                  QStringLiteral("the invite could not be saved"));
        return;
    }
    sendReply(c, d.id,
              QJsonObject {{QStringLiteral("code"), inv.code},
                           {QStringLiteral("householdId"), hh},
                           {QStringLiteral("expiresAt"), inv.expiresAtMs},
                           {QStringLiteral("maxUses"), inv.maxUses}});
}

void SyncServer::handleJoin(Connection *c, const Protocol::Decoded &d)
{
    if (c->kiosk) {
        sendError(c, d.id, ErrorCode::Forbidden,
                  QStringLiteral("a kitchen tablet belongs to one household"));
        return;
    }
    const auto inv = usableInvite(c, d, QStringLiteral("member"));
    if (!inv)
        return;
    const QString code = inv->code;
    if (roleIn(c->userId, inv->householdId).isEmpty()) {
        bool usedUp = false;
        if (!m_store.begin() ||
            !m_store.insertMember(inv->householdId, c->userId, QStringLiteral("member"), nowMs()) ||
            !m_store.useInvite(code, &usedUp) || !m_store.commit()) {
            m_store.rollback();
            if (usedUp)
                sendError(c, d.id, ErrorCode::InviteInvalid,
                          QStringLiteral("this invite code was used up"));
            else
                sendError(c, d.id, ErrorCode::StorageError,
                          QStringLiteral("could not join the household"));
            return;
        }
        m_memberships[c->userId].insert(inv->householdId, QStringLiteral("member"));
        announceMembership(c->userId, inv->householdId);
        qCInfo(lcServer) << "user" << c->userId << "joined household" << inv->householdId;
    }
    const auto h = m_store.household(inv->householdId, c->userId);
    sendReply(c, d.id,
              QJsonObject {{QStringLiteral("household"), h ? householdJson(*h) : QJsonObject {}}});
}

bool SyncServer::saveWithNewCode(ServerStore::Invite *invite, const QString &createdBy)
{
    // A code already taken (a one in a trillion chance) gets another.
    for (int attempt = 0; attempt < 5; ++attempt) {
        invite->code = makeInviteCode();
        if (!m_store.invite(invite->code) && m_store.insertInvite(*invite, createdBy, nowMs()))
            return true;
    }
    return false;
}

std::optional<ServerStore::Invite>
SyncServer::usableInvite(Connection *c, const Protocol::Decoded &d, const QString &role)
{
    if (c->failedJoins >= kMaxFailedJoins) {
        sendError(c, d.id, ErrorCode::RateLimited,
                  QStringLiteral("too many wrong codes; reconnect and try again"));
        return std::nullopt;
    }
    const QString code = normalizeInviteCode(d.message.value(QStringLiteral("code")).toString());
    flushBatch();
    const auto inv = code.isEmpty() ? std::nullopt : m_store.invite(code);
    if (!inv || inv->expiresAtMs <= nowMs() || inv->uses >= inv->maxUses) {
        ++c->failedJoins;
        sendError(c, d.id, ErrorCode::InviteInvalid,
                  role == kRoleKiosk
                      ? QStringLiteral("this pairing code is not valid (it may have expired or "
                                       "been used already)")
                      : QStringLiteral("this invite code is not valid (it may have expired or "
                                       "been used up)"));
        return std::nullopt;
    }
    if (inv->role != role) {
        ++c->failedJoins;
        sendError(c, d.id, ErrorCode::InviteInvalid,
                  role == kRoleKiosk
                      ? QStringLiteral("this is an invite for a person, not a pairing "
                                       "code; join with it after signing in")
                      : QStringLiteral("this code pairs a kitchen tablet; enter it on "
                                       "the tablet in kiosk mode"));
        return std::nullopt;
    }
    return inv;
}

void SyncServer::handleKioskCodeCreate(Connection *c, const Protocol::Decoded &d)
{
    const QString hh = d.message.value(QStringLiteral("householdId")).toString();
    if (roleIn(c->userId, hh) != kRoleOwner) {
        sendError(c, d.id, ErrorCode::Forbidden,
                  QStringLiteral("only an owner can pair a kitchen tablet"));
        return;
    }
    flushBatch();
    ServerStore::Invite inv;
    inv.householdId = hh;
    inv.expiresAtMs = nowMs() +
        qint64(d.message.value(QStringLiteral("ttlSeconds")).toInt(kPairingTtlSec)) * 1000;
    inv.maxUses = 1;
    inv.role = kRoleKiosk;
    if (!saveWithNewCode(&inv, c->userId)) {
        sendError(c, d.id, ErrorCode::StorageError,
                  QStringLiteral("the pairing code could not be saved"));
        return;
    }
    sendReply(c, d.id,
              QJsonObject {{QStringLiteral("code"), inv.code},
                           {QStringLiteral("householdId"), hh},
                           {QStringLiteral("expiresAt"), inv.expiresAtMs}});
}

void SyncServer::handleKioskPair(Connection *c, const Protocol::Decoded &d)
{
    if (refuseWhileSignedIn(c, d.id))
        return;
    const QString name = d.message.value(QStringLiteral("name")).toString().trimmed();
    if (name.isEmpty()) {
        sendError(c, d.id, ErrorCode::BadValue, QStringLiteral("the tablet needs a name"));
        return;
    }
    const auto inv = usableInvite(c, d, kRoleKiosk);
    if (!inv)
        return;
    // The tablet gets an account of its own: no password ("!", as in /etc/shadow: no hash
    // verifies against it), an address under the reserved .invalid domain, and the kiosk
    // role in this one household.
    ServerStore::User device;
    device.id = createUuid();
    device.email = QStringLiteral("kiosk-%1@devices.invalid").arg(device.id);
    device.displayName = name;
    device.passwordHash = QByteArrayLiteral("!");
    device.device = true;
    if (Error e = canSignIn(c, device.id)) {
        sendError(c, d.id, e);
        return;
    }
    bool usedUp = false;
    if (!m_store.begin() || !m_store.insertUser(device, nowMs()) ||
        !m_store.insertMember(inv->householdId, device.id, kRoleKiosk, nowMs()) ||
        !m_store.useInvite(inv->code, &usedUp)) {
        m_store.rollback();
        if (usedUp)
            sendError(c, d.id, ErrorCode::InviteInvalid,
                      QStringLiteral("this pairing code was used already"));
        else
            sendError(c, d.id, ErrorCode::StorageError,
                      QStringLiteral("could not pair the tablet"));
        return;
    }
    auto session = startSession(c, d.id, device, createUuid());
    if (!session)
        return;
    qCInfo(lcServer) << "kiosk" << device.id << "paired with household" << inv->householdId;
    const auto h = m_store.household(inv->householdId, device.id);
    session->insert(QStringLiteral("household"), h ? householdJson(*h) : QJsonObject {});
    sendReply(c, d.id, *session);
}

void SyncServer::handleLeave(Connection *c, const Protocol::Decoded &d)
{
    const QString hh = d.message.value(QStringLiteral("householdId")).toString();
    if (!requireMember(c, d.id, hh))
        return;
    const QString role = roleIn(c->userId, hh);
    flushBatch();
    if (role == QLatin1String("owner")) {
        const auto members = m_store.members(hh);
        int owners = 0;
        for (const auto &m : members)
            owners += m.role == QLatin1String("owner") ? 1 : 0;
        if (owners == 1 && members.size() > 1) {
            sendError(c, d.id, ErrorCode::LastOwner,
                      QStringLiteral("you are the last owner; make someone else an owner or remove "
                                     "the others first"));
            return;
        }
    }
    if (!m_store.deleteMember(hh, c->userId)) {
        sendError(c, d.id, ErrorCode::StorageError,
                  QStringLiteral("could not leave the household"));
        return;
    }
    announceMembership(c->userId, hh); // (before a room snapshot may open a batch)
    dropMembership(c->userId, hh);
    sendReply(c, d.id, QJsonObject {});
}

void SyncServer::handleMemberRemove(Connection *c, const Protocol::Decoded &d)
{
    const QString hh = d.message.value(QStringLiteral("householdId")).toString();
    const QString target = d.message.value(QStringLiteral("userId")).toString();
    if (roleIn(c->userId, hh) != QLatin1String("owner")) {
        sendError(c, d.id, ErrorCode::Forbidden, QStringLiteral("only an owner can remove people"));
        return;
    }
    if (target == c->userId) {
        sendError(c, d.id, ErrorCode::BadValue,
                  QStringLiteral("use household.leave to leave yourself"));
        return;
    }
    flushBatch();
    QString targetRole;
    for (const auto &m : m_store.members(hh)) {
        if (m.userId == target)
            targetRole = m.role;
    }
    if (targetRole.isEmpty()) {
        sendError(c, d.id, ErrorCode::NotFound,
                  QStringLiteral("that person is not in this household"));
        return;
    }
    // An unpaired tablet also loses its sessions, live ones included: it has no other
    // household to go to.
    const bool tablet = targetRole == kRoleKiosk;
    if (!m_store.begin() || !m_store.deleteMember(hh, target) ||
        (tablet &&
         (!m_store.revokeAllRefreshTokens(target) || !m_store.bumpTokenGeneration(target))) ||
        !m_store.commit()) {
        m_store.rollback();
        sendError(c, d.id, ErrorCode::StorageError, QStringLiteral("could not remove the member"));
        return;
    }
    qCInfo(lcServer) << "user" << target << "removed from household" << hh;
    announceMembership(target, hh); // (before a room snapshot may open a batch)
    dropMembership(target, hh);
    if (tablet)
        endSessions(target, QStringLiteral("this tablet was removed from the household"));
    sendReply(c, d.id, QJsonObject {});
}

void SyncServer::handleSetRole(Connection *c, const Protocol::Decoded &d)
{
    const QString hh = d.message.value(QStringLiteral("householdId")).toString();
    const QString target = d.message.value(QStringLiteral("userId")).toString();
    const QString role = d.message.value(QStringLiteral("role")).toString();
    if (role != QLatin1String("owner") && role != QLatin1String("member")) {
        sendError(c, d.id, ErrorCode::BadValue,
                  QStringLiteral("role must be \"owner\" or \"member\""));
        return;
    }
    if (roleIn(c->userId, hh) != kRoleOwner) {
        sendError(c, d.id, ErrorCode::Forbidden, QStringLiteral("only an owner can change roles"));
        return;
    }
    flushBatch();
    int owners = 0;
    QString current;
    for (const auto &m : m_store.members(hh)) {
        owners += m.role == QLatin1String("owner") ? 1 : 0;
        if (m.userId == target)
            current = m.role;
    }
    if (current.isEmpty()) {
        sendError(c, d.id, ErrorCode::NotFound,
                  QStringLiteral("that person is not in this household"));
        return;
    }
    if (current == kRoleKiosk) {
        sendError(c, d.id, ErrorCode::BadValue,
                  QStringLiteral("a kitchen tablet keeps the kiosk role; remove it to unpair"));
        return;
    }
    if (current == QLatin1String("owner") && role == QLatin1String("member") && owners <= 1) {
        sendError(c, d.id, ErrorCode::LastOwner,
                  QStringLiteral("a household needs at least one owner"));
        return;
    }
    if (!m_store.setMemberRole(hh, target, role)) {
        sendError(c, d.id, ErrorCode::StorageError, QStringLiteral("could not change the role"));
        return;
    }
    auto it = m_memberships.find(target);
    if (it != m_memberships.end() && it->contains(hh))
        it->insert(hh, role);
    announceMembership(target, hh);
    sendReply(c, d.id, QJsonObject {});
}

void SyncServer::announceMembership(const QString &userId, const QString &householdId)
{
    // (Committed already: the NOTIFY goes out on its own.)
    if (m_store.isPostgres() &&
        !m_store.notify(QLatin1String(kMembersChannel), userId + QLatin1Char(':') + householdId))
        qCWarning(lcStore) << "could not tell the other nodes of a membership change";
}

void SyncServer::dropMembership(const QString &userId, const QString &householdId)
{
    auto it = m_memberships.find(userId);
    if (it != m_memberships.end())
        it->remove(householdId);
    // The user's open connections leave that household's rooms and are told why.
    const QByteArray frame =
        Protocol::encode(QJsonObject {{QStringLiteral("type"), QStringLiteral("household.removed")},
                                      {QStringLiteral("householdId"), householdId}});
    const auto conns = m_userConnections.value(userId);
    for (Connection *conn : conns) {
        const auto rooms = conn->rooms;
        for (const QString &listId : rooms) {
            Room *r = m_rooms.value(listId);
            if (r && r->householdId == householdId)
                leaveRoom(conn, r, true);
        }
        send(conn, frame);
    }
}

} // namespace kinlist::server
