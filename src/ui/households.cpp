#include "households.h"

#include "core/uuid.h"
#include "session.h"

namespace kinlist::ui {

using client::SyncClient;

Households::Households(Session &session)
    : QObject(&session)
    , m_session(session)
{
    m_chart.setActive(false); // until the kiosk shows it
    connect(&m_session, &Session::accountOpened, this, &Households::connectAccount);
    connect(&m_session, &Session::accountClosing, this, [this] {
        m_lists.setSource(nullptr, {});
        m_archivedLists.setSource(nullptr, {});
        m_today.setSource(nullptr, {});
        m_chart.setSource(nullptr, {});
        m_currentId.clear();
    });
    // Told once the account is gone (or there), with what it had.
    connect(&m_session, &Session::signedInChanged, this, &Households::notifyChanges);
}

Households::~Households()
{
    m_lists.setSource(nullptr, {});
    m_archivedLists.setSource(nullptr, {});
    m_today.setSource(nullptr, {});
    m_chart.setSource(nullptr, {});
}

void Households::connectAccount()
{
    client::Account *account = m_session.account();
    SyncClient *sync = account->sync();
    connect(sync, &SyncClient::householdsChanged, this, &Households::onHouseholdsChanged);
    // A change by someone this device has not met yet (they joined since): the members
    // are fetched again, for names, settings and a kiosk's faces.
    connect(sync, &SyncClient::remoteOp, this,
            [this, account](const Op &, const client::LocalStore::Origin &origin, bool live) {
                if (!live || origin.by.isEmpty() || m_currentId.isEmpty())
                    return;
                for (const QJsonObject &m : account->store()->members(m_currentId)) {
                    if (m.value(QStringLiteral("userId")).toString() == origin.by)
                        return;
                }
                account->sync()->refreshHouseholds();
            });
    onHouseholdsChanged();
}

void Households::onHouseholdsChanged()
{
    const QVariantList households = all();
    bool known = false;
    for (const QVariant &h : households)
        known = known || h.toMap().value(QStringLiteral("id")).toString() == m_currentId;
    if (!known) {
        const QString remembered =
            m_session.config().value(m_session.key(QStringLiteral("household"))).toString();
        QString pick = households.isEmpty()
            ? QString()
            : households.first().toMap().value(QStringLiteral("id")).toString();
        for (const QVariant &h : households) {
            if (h.toMap().value(QStringLiteral("id")).toString() == remembered)
                pick = remembered;
        }
        setCurrentId(pick); // tells what changed
        return;
    }
    if (m_session.editor()->listId().isEmpty() && m_lists.rowCount() > 0)
        m_session.editor()->setListId(m_lists.idAt(0));
    notifyChanges();
}

void Households::notifyChanges()
{
    // Told only of what differs: the server is asked again often (someone joined, a list
    // was made), mostly with the same answer.
    const QVariantList households = all();
    const QVariantList members = this->members();
    const QString name = currentField(households, QStringLiteral("name"));
    const QString role = currentField(households, QStringLiteral("role"));
    if (households != m_shownHouseholds) {
        m_shownHouseholds = households;
        Q_EMIT householdsChanged();
    }
    if (m_currentId != m_shownId || name != m_shownName || role != m_shownRole) {
        m_shownId = m_currentId;
        m_shownName = name;
        m_shownRole = role;
        Q_EMIT currentChanged();
    }
    if (members != m_shownMembers) {
        m_shownMembers = members;
        Q_EMIT membersChanged();
    }
}

QVariantList Households::all() const
{
    QVariantList out;
    if (client::Account *account = m_session.account()) {
        for (const QJsonObject &h : account->store()->households())
            out.append(h.toVariantMap());
    }
    return out;
}

void Households::setCurrentId(const QString &id)
{
    if (id == m_currentId && !id.isEmpty())
        return;
    m_currentId = id;
    if (!id.isEmpty())
        m_session.config().setValue(m_session.key(QStringLiteral("household")), id);
    client::Account *account = m_session.account();
    m_lists.setSource(account ? account->sync() : nullptr, id);
    m_archivedLists.setSource(account ? account->sync() : nullptr, id);
    m_today.setSource(account ? account->sync() : nullptr, id);
    m_chart.setSource(account ? account->sync() : nullptr, id);
    m_session.editor()->setListId(m_lists.rowCount() > 0 ? m_lists.idAt(0) : QString());
    notifyChanges();
}

QString Households::currentName() const
{
    return currentField(all(), QStringLiteral("name"));
}

QString Households::role() const
{
    return currentField(all(), QStringLiteral("role"));
}

QString Households::currentField(const QVariantList &households, const QString &field) const
{
    for (const QVariant &h : households) {
        const QVariantMap m = h.toMap();
        if (m.value(QStringLiteral("id")).toString() == m_currentId)
            return m.value(field).toString();
    }
    return {};
}

QVariantList Households::members() const
{
    QVariantList out;
    client::Account *account = m_session.account();
    if (!account || m_currentId.isEmpty())
        return out;
    for (const QJsonObject &m : account->store()->members(m_currentId))
        out.append(m.toVariantMap());
    return out;
}

int Households::tabletCount() const
{
    int tablets = 0;
    for (const QVariant &m : members())
        tablets += m.toMap().value(QStringLiteral("role")).toString() == QLatin1String("kiosk");
    return tablets;
}

void Households::householdRequest(const QString &type, const QJsonObject &fields)
{
    client::Account *account = m_session.account();
    if (!account)
        return;
    m_session.clearError();
    m_session.setBusy(true);
    account->sync()->request(type, fields, [this](const QJsonObject &r) {
        m_session.setBusy(false);
        const QString code = r.value(QStringLiteral("code")).toString();
        if (r.value(QStringLiteral("type")).toString() != QLatin1String("reply")) {
            if (code == QLatin1String("offline"))
                m_session.fail(tr("You are offline. This needs a connection to the server."));
            else if (code == QLatin1String("invite_invalid"))
                m_session.fail(tr("That invite code is not valid. It may have expired or been "
                                  "used up; ask for a new one."));
            else if (code == QLatin1String("rate_limited"))
                m_session.fail(tr("Too many wrong codes. Wait a minute and try again."));
            else
                m_session.fail(
                    tr("The server could not do this (%1). Please try again.").arg(code));
            return;
        }
        const QString id = r.value(QStringLiteral("result"))
                               .toObject()
                               .value(QStringLiteral("household"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        // Shown once it arrives with the households.
        m_session.config().setValue(m_session.key(QStringLiteral("household")), id);
        m_currentId.clear();
        if (client::Account *account = m_session.account())
            account->sync()->refreshHouseholds();
    });
}

void Households::createHousehold(const QString &name)
{
    if (name.trimmed().isEmpty()) {
        m_session.fail(tr("Give your household a name."));
        return;
    }
    householdRequest(QStringLiteral("household.create"),
                     {{QStringLiteral("name"), name.trimmed()}});
}

void Households::joinHousehold(const QString &code)
{
    if (code.trimmed().isEmpty()) {
        m_session.fail(tr("Enter the invite code you were given."));
        return;
    }
    householdRequest(QStringLiteral("household.join"), {{QStringLiteral("code"), code.trimmed()}});
}

void Households::refreshMembers()
{
    if (client::Account *account = m_session.account())
        account->sync()->refreshHouseholds();
}

void Households::ownerRequest(const QString &type, QJsonObject fields, bool showBusy,
                              const Refusals &say,
                              const std::function<void(const QJsonObject &)> &done)
{
    client::Account *account = m_session.account();
    if (!account || m_currentId.isEmpty())
        return;
    m_session.clearError();
    fields.insert(QStringLiteral("householdId"), m_currentId);
    if (showBusy)
        m_session.setBusy(true);
    account->sync()->request(type, fields, [this, showBusy, say, done](const QJsonObject &r) {
        if (showBusy)
            m_session.setBusy(false);
        const QString code = r.value(QStringLiteral("code")).toString();
        if (r.value(QStringLiteral("type")).toString() == QLatin1String("reply"))
            done(r.value(QStringLiteral("result")).toObject());
        else if (code == QLatin1String("offline"))
            m_session.fail(say.offline);
        else if (code == QLatin1String("forbidden"))
            m_session.fail(say.forbidden);
        else
            m_session.fail(say.failed.arg(code));
    });
}

void Households::createInvite()
{
    if (!m_inviteCode.isEmpty()) {
        m_inviteCode.clear();
        Q_EMIT inviteCodeChanged();
    }
    ownerRequest(QStringLiteral("invite.create"), {}, true,
                 {tr("You are offline. Making an invite code needs a connection."),
                  tr("Only an owner of the household can invite people."),
                  tr("The server could not make an invite code (%1). Please try again.")},
                 [this](const QJsonObject &result) {
                     m_inviteCode = result.value(QStringLiteral("code")).toString();
                     Q_EMIT inviteCodeChanged();
                 });
}

void Households::removeMember(const QString &userId)
{
    ownerRequest(QStringLiteral("member.remove"), {{QStringLiteral("userId"), userId}}, false,
                 {tr("You are offline. Removing someone needs a connection."),
                  tr("Only an owner of the household can remove someone."),
                  tr("The server could not remove them (%1).")},
                 [this](const QJsonObject &) { refreshMembers(); });
}

void Households::createList(const QString &name, const QString &kind)
{
    client::Account *account = m_session.account();
    if (!account || name.trimmed().isEmpty() || m_currentId.isEmpty())
        return;
    Op op;
    op.type = Op::Type::ListCreate;
    op.listId = createUuid();
    op.householdId = m_currentId;
    op.fields = {
        {QStringLiteral("name"), name.trimmed()},
        {QStringLiteral("kind"),
         kind == QLatin1String("tasks") ? QStringLiteral("tasks") : QStringLiteral("shopping")},
        {QStringLiteral("position"), m_lists.positionAtEnd()}};
    const QString id = op.listId;
    // Created first, then watched: the server takes the create before the subscribe, and
    // does not refuse a subscription to a list it does not know yet.
    if (!m_session.apply(op))
        return;
    account->sync()->watchList(id);
    m_session.editor()->setListId(id);
}

} // namespace kinlist::ui
