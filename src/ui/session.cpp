#include "session.h"

#include "client/clientlogging.h"
#include "core/fracindex.h"
#include "core/uuid.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QLocale>
#include <QStandardPaths>
#include <QTimer>

namespace kinlist::ui {

using client::SyncClient;

namespace {
client::CredentialStore::Options credentialOptions(const QString &dataDirectory, bool allowFile)
{
    client::CredentialStore::Options o;
    o.fileDirectory = QDir(dataDirectory).filePath(QStringLiteral("credentials"));
    o.allowFile = allowFile;
    return o;
}

QString appData(const QString &dataDirectory)
{
    return dataDirectory.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        : dataDirectory;
}

QSet<QString> mutedLists(const QSettings &settings)
{
    const QStringList muted = settings.value(QStringLiteral("mutedLists")).toStringList();
    return QSet<QString>(muted.cbegin(), muted.cend());
}

} // namespace

std::unique_ptr<QSettings> Session::openSettings(const QString &dataDirectory)
{
    if (dataDirectory.isEmpty())
        return std::make_unique<QSettings>();
    return std::make_unique<QSettings>(QDir(dataDirectory).filePath(QStringLiteral("kinlist.ini")),
                                       QSettings::IniFormat);
}

Session::Session(QUrl defaultServer, QString dataDirectory, Mode mode, QObject *parent)
    : QObject(parent)
    , m_defaultServer(std::move(defaultServer))
    , m_dataDirectory(appData(dataDirectory))
    , m_mode(mode)
    , m_settings(openSettings(dataDirectory))
    , m_credentials(credentialOptions(
          m_dataDirectory, m_settings->value(QStringLiteral("rememberInFile"), false).toBool()))
{
    m_language.apply(language());
    m_toasts.setMuted(mutedLists(*m_settings));
    // The side bar takes the open list's counts from its items model.
    connect(&m_items, &ItemsModel::countsChanged, this, [this] {
        if (!m_currentListId.isEmpty())
            m_lists.setCounts(m_currentListId, m_items.openCount(), m_items.doneCount());
    });
    m_toasts.setChangesEnabled(notifications());
    connect(&m_credentials, &client::CredentialStore::statusChanged, this,
            &Session::settingsChanged);
    // Asked once: the sign-in page offers the private file where no keychain answers.
    m_credentials.probe([this](bool available) {
        m_keychainProbe = available ? client::CredentialStore::Where::Keychain
                                    : client::CredentialStore::Where::Nowhere;
        Q_EMIT settingsChanged();
    });
    m_kioskCodeWatch.setInterval(3000);
    connect(&m_kioskCodeWatch, &QTimer::timeout, this, [this] {
        if (m_kioskCode.isEmpty() || !m_account ||
            m_kioskCodeExpires < QDateTime::currentDateTime()) {
            m_kioskCodeWatch.stop();
            if (!m_kioskCode.isEmpty()) {
                m_kioskCode.clear(); // ran out
                Q_EMIT changed();
            }
            return;
        }
        m_account->sync()->refreshHouseholds();
    });
    m_probeTimer.setInterval(2000);
    connect(&m_probeTimer, &QTimer::timeout, this, &Session::probeServer);
    // The first list to arrive (after joining a household, say) opens.
    const auto openFirstList = [this] {
        if (m_currentListId.isEmpty() && m_lists.rowCount() > 0)
            setCurrentListId(m_lists.idAt(0));
    };
    connect(&m_lists, &QAbstractItemModel::modelReset, this, openFirstList);
    connect(&m_lists, &QAbstractItemModel::rowsInserted, this, openFirstList);
    connect(&m_auth, &client::AuthClient::failed, this, [this](const QString &message) {
        m_busy = false;
        m_pendingPin.clear();
        fail(message);
    });
    connect(&m_auth, &client::AuthClient::succeeded, this,
            [this](const QUrl &server, const QJsonObject &session) {
                m_busy = false;
                const QJsonObject user = session.value(QStringLiteral("user")).toObject();
                const QString userId = user.value(QStringLiteral("id")).toString();
                m_settings->setValue(key(QStringLiteral("account/email")),
                                     user.value(QStringLiteral("email")).toString());
                if (m_account && m_account->userId() == userId) {
                    // The password for the account already open here: it syncs again,
                    // with everything changed meanwhile.
                    m_passwordNeeded = false;
                    m_probeTimer.stop();
                    m_account->signIn(session.value(QStringLiteral("accessToken")).toString(),
                                      session.value(QStringLiteral("refreshToken")).toString());
                    Q_EMIT changed();
                    return;
                }
                if (m_account)
                    signOut(); // another account: this one's data stays for its return
                m_userName = user.value(QStringLiteral("displayName")).toString();
                m_settings->setValue(key(QStringLiteral("account/server")), server.toString());
                m_settings->setValue(key(QStringLiteral("account/userId")),
                                     user.value(QStringLiteral("id")).toString());
                m_settings->setValue(key(QStringLiteral("account/name")), m_userName);
                if (kiosk() && !m_pendingPin.isEmpty()) {
                    const QByteArray salt = createUuid().toLatin1();
                    m_settings->setValue(QStringLiteral("kiosk/pinSalt"), salt);
                    m_settings->setValue(QStringLiteral("kiosk/pinHash"),
                                         pinHash(salt, m_pendingPin));
                    m_pendingPin.clear();
                }
                openAccount(server, user.value(QStringLiteral("id")).toString());
                if (m_account)
                    m_account->signIn(session.value(QStringLiteral("accessToken")).toString(),
                                      session.value(QStringLiteral("refreshToken")).toString());
                Q_EMIT changed();
            });
}

Session::~Session()
{
    m_activity.setSource(nullptr, {}, {});
    m_items.setSource(nullptr, {});
    m_lists.setSource(nullptr, {});
    m_status.setClient(nullptr);
}

void Session::restore()
{
    const QUrl server(m_settings->value(key(QStringLiteral("account/server"))).toString());
    const QString userId = m_settings->value(key(QStringLiteral("account/userId"))).toString();
    if (!server.isValid() || userId.isEmpty())
        return; // first run, or signed out
    m_userName = m_settings->value(key(QStringLiteral("account/name"))).toString();
    openAccount(server, userId);
    if (m_account)
        m_account->resume();
}

void Session::openAccount(const QUrl &server, const QString &userId)
{
    auto account =
        std::make_unique<client::Account>(server, userId, &m_credentials, m_dataDirectory);
    Error e;
    if (!account->open(&e)) {
        fail(e.code == ErrorCode::Conflict
                 ? tr("Kinlist is already open for this account on this computer. Use that "
                      "window, or close it first.")
                 : tr("Kinlist cannot open its data on this computer: %1").arg(e.message));
        return;
    }
    m_account = std::move(account);
    SyncClient *sync = m_account->sync();
    connect(sync, &SyncClient::householdsChanged, this, &Session::onHouseholdsChanged);
    connect(sync, &SyncClient::entityChanged, this,
            [this](const QString &listId, const QString &entityId) {
                if (listId != entityId)
                    return;
                if (listId == m_currentListId) {
                    const auto list = m_account->store()->viewEntity(listId);
                    if (list && list->isDeleted()) // deleted elsewhere: open another
                        setCurrentListId(m_lists.rowCount() > 0 ? m_lists.idAt(0) : QString());
                }
                Q_EMIT changed(); // a list's name or kind
            });
    // A change by someone this device has not met yet (they joined since): the members
    // are fetched again, for names, settings and a kiosk's faces.
    connect(sync, &SyncClient::remoteOp, this,
            [this](const Op &, const client::LocalStore::Origin &origin, bool live) {
                if (!live || origin.by.isEmpty() || m_householdId.isEmpty())
                    return;
                for (const QJsonObject &m : m_account->store()->members(m_householdId)) {
                    if (m.value(QStringLiteral("userId")).toString() == origin.by)
                        return;
                }
                m_account->sync()->refreshHouseholds();
            });
    // A kitchen tablet removed from its household is unpaired: back to pairing.
    connect(sync, &SyncClient::householdRemoved, this, [this] {
        if (!kiosk())
            return;
        QTimer::singleShot(0, this, [this] {
            signOut();
            fail(tr("This tablet was unpaired from the household. Pair it again with a new "
                    "code from Settings on a family computer."));
        });
    });
    connect(sync, &SyncClient::presenceChanged, this, [this](const QString &listId) {
        if (listId == m_currentListId)
            Q_EMIT presenceChanged();
    });
    connect(sync, &SyncClient::changeRejected, this,
            [this](const Op &, const QString &code, const QString &) {
                fail(code == QLatin1String("forbidden")
                         ? tr("A change was refused: you are no longer a member of that "
                              "household.")
                         : code == QLatin1String("not_found")
                         ? tr("A change was refused: the item or list no longer exists.")
                         : tr("A change could not be saved (%1).").arg(code));
            });
    // No sign-in kept from last time (no keychain on this computer, or it was not kept):
    // the lists and the changes waiting on this device stay open to read and edit; the
    // password is asked for once the server answers.
    connect(m_account.get(), &client::Account::needsSignIn, this, [this] {
        if (kiosk()) {
            // A tablet has no password to type: it is paired again.
            fail(tr("This tablet's pairing was not kept. Pair it again with a new code from "
                    "Settings on a family computer."));
            signOut();
            return;
        }
        m_passwordNeeded = true;
        m_serverReachable = false;
        probeServer();
        m_probeTimer.start();
        Q_EMIT changed();
    });
    // The session ended on the server (expired, or signed out everywhere): back to sign
    // in; what is waiting stays on this device for the same account.
    connect(sync, &SyncClient::stateChanged, this, [this](SyncClient::State state) {
        if (state == SyncClient::State::SignedOut) {
            QTimer::singleShot(0, this, [this] {
                signOut();
                fail(tr("Your session has ended. Please sign in again; your changes are kept."));
            });
        }
    });
    // A snapshot can rename the open list; a delete elsewhere can take it away.
    connect(sync, &SyncClient::listChanged, this, [this](const QString &listId) {
        if (listId == m_currentListId)
            Q_EMIT changed();
    });
    m_status.setClient(sync);
    m_toasts.setClient(sync);
    onHouseholdsChanged();
    Q_EMIT changed();
}

void Session::onHouseholdsChanged()
{
    // A tablet paired with the code made here: the code is used up, and goes from Settings.
    if (!m_kioskCode.isEmpty() && kioskCount() > m_kioskCodeTablets) {
        m_kioskCode.clear();
        m_kioskCodeWatch.stop();
    }
    const QVariantList all = households();
    bool known = false;
    for (const QVariant &h : all)
        known = known || h.toMap().value(QStringLiteral("id")).toString() == m_householdId;
    if (!known) {
        const QString remembered = m_settings->value(key(QStringLiteral("household"))).toString();
        QString pick =
            all.isEmpty() ? QString() : all.first().toMap().value(QStringLiteral("id")).toString();
        for (const QVariant &h : all) {
            if (h.toMap().value(QStringLiteral("id")).toString() == remembered)
                pick = remembered;
        }
        setHouseholdId(pick);
    } else if (m_currentListId.isEmpty() && m_lists.rowCount() > 0) {
        setCurrentListId(m_lists.idAt(0));
    }
    Q_EMIT changed();
}

QString Session::serverAddress() const
{
    QUrl server(m_settings->value(key(QStringLiteral("account/server"))).toString());
    if (!server.isValid()) // a new kiosk offers the server of the person's account
        server = QUrl(m_settings->value(QStringLiteral("account/server")).toString());
    const QUrl url = server.isValid() ? server : m_defaultServer;
    return url.scheme() == QLatin1String("ws") ? url.authority() : url.toString();
}

QVariantList Session::households() const
{
    QVariantList out;
    if (m_account) {
        for (const QJsonObject &h : m_account->store()->households())
            out.append(h.toVariantMap());
    }
    return out;
}

void Session::setHouseholdId(const QString &id)
{
    if (id == m_householdId && !id.isEmpty())
        return;
    m_householdId = id;
    if (!id.isEmpty())
        m_settings->setValue(key(QStringLiteral("household")), id);
    m_lists.setSource(m_account ? m_account->sync() : nullptr, id);
    setCurrentListId(m_lists.rowCount() > 0 ? m_lists.idAt(0) : QString());
    Q_EMIT changed();
}

QString Session::householdName() const
{
    for (const QVariant &h : households()) {
        const QVariantMap m = h.toMap();
        if (m.value(QStringLiteral("id")).toString() == m_householdId)
            return m.value(QStringLiteral("name")).toString();
    }
    return {};
}

void Session::setCurrentListId(const QString &id)
{
    if (id == m_currentListId && m_items.listId() == id)
        return;
    m_currentListId = id;
    // Undo and the duplicate question belong to the list they were made on.
    m_undo.clear();
    Q_EMIT undoChanged();
    if (!m_duplicateId.isEmpty())
        dismissDuplicate();
    m_items.setSource(m_account ? m_account->sync() : nullptr, id,
                      currentListKind() == QLatin1String("shopping"));
    m_activity.setSource(m_account ? m_account->sync() : nullptr, id, m_householdId);
    Q_EMIT presenceChanged();
    Q_EMIT changed();
}

QString Session::currentListName() const
{
    if (!m_account || m_currentListId.isEmpty())
        return {};
    const auto list = m_account->store()->viewEntity(m_currentListId);
    return list ? list->value(QStringLiteral("name")).toString() : QString();
}

QString Session::currentListKind() const
{
    if (!m_account || m_currentListId.isEmpty())
        return {};
    const auto list = m_account->store()->viewEntity(m_currentListId);
    return list ? list->value(QStringLiteral("kind")).toString() : QString();
}

void Session::signIn(const QString &server, const QString &email, const QString &password)
{
    if (email.trimmed().isEmpty() || password.isEmpty()) {
        fail(tr("Enter your email address and password."));
        return;
    }
    clearError();
    m_busy = true;
    Q_EMIT changed();
    m_auth.signIn(client::AuthClient::serverUrl(server), email, password);
}

void Session::createAccount(const QString &server, const QString &name, const QString &email,
                            const QString &password)
{
    if (name.trimmed().isEmpty() || email.trimmed().isEmpty()) {
        fail(tr("Enter your name and email address."));
        return;
    }
    if (password.size() < 8) {
        fail(tr("Choose a password of at least 8 characters."));
        return;
    }
    clearError();
    m_busy = true;
    Q_EMIT changed();
    m_auth.createAccount(client::AuthClient::serverUrl(server), name, email, password);
}

void Session::householdRequest(const QString &type, const QJsonObject &fields)
{
    if (!m_account)
        return;
    clearError();
    m_busy = true;
    Q_EMIT changed();
    m_account->sync()->request(type, fields, [this](const QJsonObject &r) {
        m_busy = false;
        const QString code = r.value(QStringLiteral("code")).toString();
        if (r.value(QStringLiteral("type")).toString() != QLatin1String("reply")) {
            if (code == QLatin1String("offline"))
                fail(tr("You are offline. This needs a connection to the server."));
            else if (code == QLatin1String("invite_invalid"))
                fail(tr("That invite code is not valid. It may have expired or been used up; "
                        "ask for a new one."));
            else if (code == QLatin1String("rate_limited"))
                fail(tr("Too many wrong codes. Wait a minute and try again."));
            else
                fail(tr("The server could not do this (%1). Please try again.").arg(code));
            Q_EMIT changed();
            return;
        }
        const QString id = r.value(QStringLiteral("result"))
                               .toObject()
                               .value(QStringLiteral("household"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        m_settings->setValue(key(QStringLiteral("household")), id);
        m_householdId.clear();
        m_account->sync()->refreshHouseholds();
        Q_EMIT changed();
    });
}

void Session::createHousehold(const QString &name)
{
    if (name.trimmed().isEmpty()) {
        fail(tr("Give your household a name."));
        return;
    }
    householdRequest(QStringLiteral("household.create"),
                     {{QStringLiteral("name"), name.trimmed()}});
}

void Session::joinHousehold(const QString &code)
{
    if (code.trimmed().isEmpty()) {
        fail(tr("Enter the invite code you were given."));
        return;
    }
    householdRequest(QStringLiteral("household.join"), {{QStringLiteral("code"), code.trimmed()}});
}

void Session::refreshMembers()
{
    if (m_account)
        m_account->sync()->refreshHouseholds();
}

void Session::ownerRequest(const QString &type, QJsonObject fields, bool showBusy,
                           const Refusals &say,
                           const std::function<void(const QJsonObject &)> &done)
{
    if (!m_account || m_householdId.isEmpty())
        return;
    clearError();
    fields.insert(QStringLiteral("householdId"), m_householdId);
    if (showBusy) {
        m_busy = true;
        Q_EMIT changed();
    }
    m_account->sync()->request(type, fields, [this, showBusy, say, done](const QJsonObject &r) {
        if (showBusy)
            m_busy = false;
        const QString code = r.value(QStringLiteral("code")).toString();
        if (r.value(QStringLiteral("type")).toString() == QLatin1String("reply"))
            done(r.value(QStringLiteral("result")).toObject());
        else if (code == QLatin1String("offline"))
            fail(say.offline);
        else if (code == QLatin1String("forbidden"))
            fail(say.forbidden);
        else
            fail(say.failed.arg(code));
        if (showBusy)
            Q_EMIT changed();
    });
}

void Session::createInvite()
{
    m_inviteCode.clear();
    ownerRequest(QStringLiteral("invite.create"), {}, true,
                 {tr("You are offline. Making an invite code needs a connection."),
                  tr("Only an owner of the household can invite people."),
                  tr("The server could not make an invite code (%1). Please try again.")},
                 [this](const QJsonObject &result) {
                     m_inviteCode = result.value(QStringLiteral("code")).toString();
                 });
}

bool Session::apply(Op op)
{
    if (!m_account)
        return false;
    if (kiosk() && !m_actingFor.isEmpty())
        op.actAs = m_actingFor;
    Error e;
    if (m_account->sync()->apply(std::move(op), &e))
        return true;
    fail(tr("Kinlist could not save this change on this computer: %1").arg(e.message));
    return false;
}

void Session::createList(const QString &name, const QString &kind)
{
    if (name.trimmed().isEmpty() || m_householdId.isEmpty())
        return;
    Op op;
    op.type = Op::Type::ListCreate;
    op.listId = createUuid();
    op.householdId = m_householdId;
    op.fields = {
        {QStringLiteral("name"), name.trimmed()},
        {QStringLiteral("kind"),
         kind == QLatin1String("tasks") ? QStringLiteral("tasks") : QStringLiteral("shopping")},
        {QStringLiteral("position"), m_lists.positionAtEnd()}};
    const QString id = op.listId;
    // Created first, then watched: the server takes the create before the subscribe, and
    // does not refuse a subscription to a list it does not know yet.
    apply(op);
    m_account->sync()->watchList(id);
    setCurrentListId(id);
}

std::optional<Entity> Session::currentItem(const QString &itemId) const
{
    if (!m_account)
        return std::nullopt;
    return m_account->store()->viewEntity(itemId);
}

void Session::applyUndoable(Op op, Op inverse, const QString &text)
{
    if (!apply(std::move(op)))
        return;
    m_undo.append(Undo {std::move(inverse), text});
    if (m_undo.size() > kMaxUndo)
        m_undo.removeFirst();
    Q_EMIT undoChanged();
}

QVariantList Session::presence() const
{
    QVariantList out;
    if (!m_account || m_currentListId.isEmpty())
        return out;
    const QString self = m_account->store()->clientId();
    QMap<QString, QVariantMap> people; // by user: one face per person, however many devices
    for (const QJsonObject &m : m_account->sync()->presence(m_currentListId)) {
        if (m.value(QStringLiteral("clientId")).toString() == self)
            continue;
        const QString userId = m.value(QStringLiteral("userId")).toString();
        QVariantMap &p = people[userId];
        const QString name = m.value(QStringLiteral("displayName")).toString();
        p.insert(QStringLiteral("userId"), userId);
        p.insert(QStringLiteral("name"), name);
        QString initials;
        for (const QString &part : name.split(QLatin1Char(' '), Qt::SkipEmptyParts).mid(0, 2))
            initials += part.at(0).toUpper();
        p.insert(QStringLiteral("initials"), initials);
        QStringList devices = p.value(QStringLiteral("devices")).toStringList();
        devices << m.value(QStringLiteral("device")).toString();
        p.insert(QStringLiteral("devices"), devices);
    }
    for (const QVariantMap &p : std::as_const(people))
        out.append(p);
    return out;
}

QString Session::theme() const
{
    return m_settings->value(QStringLiteral("theme"), QStringLiteral("system")).toString();
}

void Session::setTheme(const QString &theme)
{
    if (theme == this->theme() ||
        !QStringList {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")}
             .contains(theme))
        return;
    m_settings->setValue(QStringLiteral("theme"), theme);
    Q_EMIT settingsChanged();
}

QString Session::language() const
{
    return m_settings->value(QStringLiteral("language")).toString();
}

void Session::setLanguage(const QString &code)
{
    if (code == language() || (!code.isEmpty() && Language::resolve(code) != code))
        return;
    m_settings->setValue(QStringLiteral("language"), code);
    m_language.apply(code);
    // What C++ has already put into words says it again; QML bindings follow on
    // languageChanged (the engine retranslates).
    m_items.retranslate();
    m_activity.retranslate();
    m_toasts.retranslate();
    m_status.retranslate();
    Q_EMIT languageChanged();
    Q_EMIT settingsChanged();
}

QVariantList Session::languages()
{
    QVariantList all;
    for (const Language::Choice &choice : Language::available())
        all << QVariantMap {{QStringLiteral("code"), choice.code},
                            {QStringLiteral("name"), choice.name}};
    return all;
}

bool Session::notifications() const
{
    return m_settings->value(QStringLiteral("notifications"), true).toBool();
}

void Session::setNotifications(bool on)
{
    if (on == notifications())
        return;
    m_settings->setValue(QStringLiteral("notifications"), on);
    m_toasts.setChangesEnabled(on);
    Q_EMIT settingsChanged();
}

void Session::setRememberInFile(bool on)
{
    if (on == rememberInFile())
        return;
    m_settings->setValue(QStringLiteral("rememberInFile"), on);
    m_credentials.setAllowFile(on);
    // Save the current token again, so the choice takes effect now.
    if (m_account && !m_account->sync()->refreshToken().isEmpty())
        m_credentials.save(m_account->key(), m_account->sync()->refreshToken());
    Q_EMIT settingsChanged();
}

QVariantList Session::members() const
{
    QVariantList out;
    if (!m_account || m_householdId.isEmpty())
        return out;
    for (const QJsonObject &m : m_account->store()->members(m_householdId))
        out.append(m.toVariantMap());
    return out;
}

void Session::keepMine(const QString &itemId)
{
    if (!m_account)
        return;
    for (const client::LocalStore::Conflict &c : m_account->store()->conflicts(m_currentListId)) {
        if (c.entityId != itemId)
            continue;
        Error e;
        if (!m_account->sync()->keepMine(c, &e))
            fail(tr("Could not keep your change: %1").arg(e.message));
    }
}

void Session::revertActivity(int row)
{
    const auto entry = m_activity.entry(row);
    if (!m_account || !entry || entry->op.entityKind() != EntityKind::Item)
        return;
    const Op &done = entry->op;
    Op op;
    op.listId = done.listId;
    op.itemId = done.itemId;
    if (done.type == Op::Type::ItemCreate) {
        op.type = Op::Type::ItemDelete;
    } else if (done.type == Op::Type::ItemDelete) {
        op.type = Op::Type::ItemSet;
        op.fields = {{QStringLiteral("deleted"), false}};
    } else {
        // Each field back to its value before: the newest earlier write of it.
        op.type = done.type == Op::Type::ItemMove ? Op::Type::ItemMove : Op::Type::ItemSet;
        const QList<client::LocalStore::Activity> earlier =
            m_account->store()->activity(done.listId, entry->seq, 1000);
        for (auto it = done.fields.begin(); it != done.fields.end(); ++it) {
            QJsonValue before = it.key() == QLatin1String("done") ? QJsonValue(false)
                                                                  : QJsonValue(QJsonValue::Null);
            for (const client::LocalStore::Activity &a : earlier) {
                if (a.op.itemId == done.itemId && a.op.fields.contains(it.key())) {
                    before = a.op.fields.value(it.key());
                    break;
                }
            }
            if (it.key() == QLatin1String("title") && !before.isString())
                continue; // a title is never empty
            if (it.key() == QLatin1String("position") && !before.isString())
                continue;
            op.fields.insert(it.key(), before);
        }
        if (op.fields.isEmpty())
            return;
    }
    apply(op);
}

void Session::undo()
{
    if (m_undo.isEmpty())
        return;
    Op inverse = m_undo.takeLast().inverse;
    apply(std::move(inverse));
    Q_EMIT undoChanged();
}

void Session::openList(const QString &listId)
{
    if (!m_account || listId.isEmpty())
        return;
    const auto list = m_account->store()->viewEntity(listId);
    if (!list || list->isDeleted())
        return;
    if (list->householdId != m_householdId)
        setHouseholdId(list->householdId);
    setCurrentListId(listId);
}

void Session::addItem(const QString &title)
{
    if (title.trimmed().isEmpty() || m_currentListId.isEmpty())
        return;
    // The same title open on the list already: ask rather than add a silent duplicate.
    for (int i = 0; i < m_items.rowCount(); ++i) {
        const QModelIndex idx = m_items.index(i);
        if (idx.data(ItemsModel::DoneRole).toBool() ||
            idx.data(ItemsModel::TitleRole)
                    .toString()
                    .compare(title.trimmed(), Qt::CaseInsensitive) != 0)
            continue;
        const auto item = currentItem(idx.data(ItemsModel::IdRole).toString());
        const QString by = item
            ? m_account->store()->personName(item->value(QStringLiteral("createdBy")).toString())
            : QString();
        const qint64 at = item ? qint64(item->value(QStringLiteral("createdAt")).toDouble()) : 0;
        const qint64 minutes = at > 0 ? (QDateTime::currentMSecsSinceEpoch() - at) / 60000 : -1;
        const QString when = minutes < 0 ? QString()
            : minutes < 1                ? tr("just now")
            : minutes < 60               ? tr("%n minute(s) ago", nullptr, int(minutes))
            : minutes < 48 * 60          ? tr("%n hour(s) ago", nullptr, int(minutes / 60))
                                         : tr("%n day(s) ago", nullptr, int(minutes / (24 * 60)));
        m_duplicateId = idx.data(ItemsModel::IdRole).toString();
        m_duplicateTitle = title.trimmed();
        m_duplicateText = by.isEmpty()
            ? tr("%1 is already on the list.").arg(idx.data(ItemsModel::TitleRole).toString())
            : tr("%1 is already on the list (added by %2, %3).")
                  .arg(idx.data(ItemsModel::TitleRole).toString(), by, when);
        Q_EMIT duplicateChanged();
        return;
    }
    Op op;
    op.type = Op::Type::ItemCreate;
    op.listId = m_currentListId;
    op.itemId = createUuid();
    op.fields = {
        {QStringLiteral("title"), title.trimmed()},
        {QStringLiteral("done"), false},
        {QStringLiteral("position"), placeItem([this] { return m_items.positionAtEnd(); })}};
    apply(op);
}

void Session::addOneMore()
{
    if (m_duplicateId.isEmpty())
        return;
    const auto item = currentItem(m_duplicateId);
    const QJsonValue quantity =
        item ? item->value(QStringLiteral("quantity")) : QJsonValue(QJsonValue::Null);
    const double before = quantity.isDouble() ? quantity.toDouble() : 1;
    Op op;
    op.type = Op::Type::ItemSet;
    op.listId = m_currentListId;
    op.itemId = m_duplicateId;
    op.fields = {{QStringLiteral("quantity"), before + 1}};
    Op inverse = op;
    inverse.fields = {{QStringLiteral("quantity"), quantity}};
    const QString title = item ? item->value(QStringLiteral("title")).toString() : QString();
    dismissDuplicate();
    //: Undo bar after "Add 1 more": the item and its new quantity, e.g. "Milk: 3".
    applyUndoable(op, inverse, tr("%1: %2").arg(title, QLocale().toString(before + 1)));
}

void Session::addAnyway()
{
    const QString title = m_duplicateTitle;
    dismissDuplicate();
    if (title.isEmpty() || m_currentListId.isEmpty())
        return;
    Op op;
    op.type = Op::Type::ItemCreate;
    op.listId = m_currentListId;
    op.itemId = createUuid();
    op.fields = {
        {QStringLiteral("title"), title},
        {QStringLiteral("done"), false},
        {QStringLiteral("position"), placeItem([this] { return m_items.positionAtEnd(); })}};
    apply(op);
}

void Session::dismissDuplicate()
{
    m_duplicateId.clear();
    m_duplicateTitle.clear();
    m_duplicateText.clear();
    Q_EMIT duplicateChanged();
}

void Session::setDone(const QString &itemId, bool done)
{
    Op op;
    op.type = Op::Type::ItemSet;
    op.listId = m_currentListId;
    op.itemId = itemId;
    op.fields = {{QStringLiteral("done"), done}};
    Op inverse = op;
    inverse.fields = {{QStringLiteral("done"), !done}};
    const auto item = currentItem(itemId);
    const QString title = item ? item->value(QStringLiteral("title")).toString() : QString();
    if (done)
        m_items.linger(itemId);
    applyUndoable(op, inverse,
                  done ? tr("%1 checked off").arg(title) : tr("%1 back on the list").arg(title));
}

void Session::renameItem(const QString &itemId, const QString &title)
{
    if (title.trimmed().isEmpty())
        return;
    const auto item = currentItem(itemId);
    const QString old = item ? item->value(QStringLiteral("title")).toString() : QString();
    if (old == title.trimmed())
        return;
    Op op;
    op.type = Op::Type::ItemSet;
    op.listId = m_currentListId;
    op.itemId = itemId;
    op.fields = {{QStringLiteral("title"), title.trimmed()}};
    Op inverse = op;
    inverse.fields = {{QStringLiteral("title"), old}};
    applyUndoable(op, inverse, tr("%1 renamed").arg(old));
}

void Session::updateItem(const QString &itemId, const QVariantMap &fields)
{
    const auto item = currentItem(itemId);
    if (!item)
        return;
    static const QStringList editable {QStringLiteral("title"), QStringLiteral("quantity"),
                                       QStringLiteral("unit"),  QStringLiteral("category"),
                                       QStringLiteral("note"),  QStringLiteral("assignee"),
                                       QStringLiteral("due")};
    Op op;
    op.type = Op::Type::ItemSet;
    op.listId = m_currentListId;
    op.itemId = itemId;
    Op inverse = op;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (!editable.contains(it.key()))
            continue;
        QJsonValue value = QJsonValue::fromVariant(it.value());
        // Empty means "none" for the optional fields.
        if (value.isString() && value.toString().trimmed().isEmpty() &&
            it.key() != QLatin1String("title"))
            value = (it.key() == QLatin1String("quantity") || it.key() == QLatin1String("due") ||
                     it.key() == QLatin1String("assignee"))
                ? QJsonValue(QJsonValue::Null)
                : QJsonValue(QString());
        if (it.key() == QLatin1String("quantity") && value.isString()) {
            // "1,5" in German, "1.5" anywhere; something else is not a quantity.
            const QString text = value.toString().trimmed();
            bool ok = false;
            double number = QLocale().toDouble(text, &ok);
            if (!ok)
                number = QLocale::c().toDouble(text, &ok);
            if (!ok)
                continue;
            value = number;
        }
        if (it.key() == QLatin1String("title") && value.toString().trimmed().isEmpty())
            continue;
        const QJsonValue old = item->value(it.key());
        if (old == value || (old.isUndefined() && (value.isNull() || value == QString())))
            continue;
        op.fields.insert(it.key(), value);
        inverse.fields.insert(it.key(), old.isUndefined() ? QJsonValue(QJsonValue::Null) : old);
    }
    if (op.fields.isEmpty())
        return;
    applyUndoable(op, inverse,
                  tr("%1 changed").arg(item->value(QStringLiteral("title")).toString()));
}

void Session::moveItem(const QString &itemId, int toRow)
{
    const int from = m_items.rowOf(itemId);
    if (from < 0 || toRow < 0 || toRow >= m_items.rowCount() || toRow == from)
        return;
    // Its neighbours once it sits at `toRow`: the rows around that place with the item
    // taken out of its old one. Grouped by category, it joins the group of the row whose
    // place it takes (dropped under a group's header: the group's first row).
    const QString category = rowCategory(toRow);
    relocate(itemId, category, toRow > from ? toRow : toRow - 1, toRow > from ? toRow + 1 : toRow);
}

void Session::moveItemAbove(const QString &itemId, int row)
{
    const int from = m_items.rowOf(itemId);
    if (from < 0 || row < 0 || row >= m_items.rowCount() || row == from ||
        (row - 1 == from && rowCategory(from) == rowCategory(row)))
        return;
    relocate(itemId, rowCategory(row), row - 1 == from ? row - 2 : row - 1, row);
}

void Session::moveItemBy(const QString &itemId, int rows)
{
    const int from = m_items.rowOf(itemId);
    const int to = from + rows;
    if (from < 0 || to < 0 || to >= m_items.rowCount() || rows == 0)
        return;
    if (!m_items.groupByCategory() || rowCategory(to) == rowCategory(from) ||
        (rows != 1 && rows != -1)) {
        moveItem(itemId, to);
        return;
    }
    // One step over a group's header: to the near end of the next group.
    if (rows > 0)
        relocate(itemId, rowCategory(to), -1, to);
    else
        relocate(itemId, rowCategory(to), to, -1);
}

QString Session::rowCategory(int row) const
{
    return row >= 0 && row < m_items.rowCount()
        ? m_items.index(row).data(ItemsModel::CategoryRole).toString()
        : QString();
}

void Session::relocate(const QString &itemId, const QString &category, int before, int after)
{
    // Grouped, only rows of its new group are its neighbours: positions of different
    // groups do not compare.
    const bool grouped = m_items.groupByCategory();
    const auto neighbour = [&](int row) {
        return !grouped || rowCategory(row) == category ? row : -1;
    };
    const auto item = currentItem(itemId);
    if (!item)
        return;
    const QString title = item->value(QStringLiteral("title")).toString();
    const QString oldCategory = item->value(QStringLiteral("category")).toString();
    const QString position =
        placeItem([&] { return m_items.positionBetween(neighbour(before), neighbour(after)); });
    // Read after placing: a rebalance may have given the item a new key to go back to.
    const auto placed = currentItem(itemId);
    Op op;
    op.listId = m_currentListId;
    op.itemId = itemId;
    Op inverse = op;
    inverse.fields = {{QStringLiteral("position"),
                       placed ? placed->value(QStringLiteral("position")) : QJsonValue()}};
    op.fields = {{QStringLiteral("position"), position}};
    if (grouped && category != oldCategory) {
        // Into another group: one change of both, so that one undo takes both back.
        op.type = Op::Type::ItemSet;
        op.fields.insert(QStringLiteral("category"), category);
        inverse.type = Op::Type::ItemSet;
        inverse.fields.insert(QStringLiteral("category"), oldCategory);
        applyUndoable(op, inverse,
                      category.isEmpty() ? tr("%1 moved to Other").arg(title)
                                         : tr("%1 moved to %2").arg(title, category));
        return;
    }
    op.type = Op::Type::ItemMove;
    inverse.type = Op::Type::ItemMove;
    applyUndoable(op, inverse, tr("%1 moved").arg(title));
}

QString Session::placeItem(const std::function<QString()> &position)
{
    const QString key = position();
    if (!FracIndex::needsRebalance(key))
        return key;
    // Items kept landing in the same gap and the keys grew long: every item of the list
    // gets a short key again, in the same order, as ordinary moves that sync like any
    // other; then there is room for this one.
    QList<QPair<QString, QString>> items; // (position, id)
    m_account->store()->forEachViewEntity(m_currentListId, [&](const Entity &e, bool) {
        if (e.kind == EntityKind::Item && !e.isDeleted())
            items.append({e.value(QStringLiteral("position")).toString(), e.id});
    });
    std::sort(items.begin(), items.end());
    const QStringList keys = FracIndex::spread(int(items.size()));
    qCInfo(lcSync) << "giving the" << items.size() << "items of list" << m_currentListId
                   << "fresh positions";
    // Undoing an earlier move would put back a key of the old layout: those undos go.
    m_undo.removeIf([this](const Undo &u) {
        return u.inverse.fields.contains(QStringLiteral("position")) &&
            u.inverse.listId == m_currentListId;
    });
    Q_EMIT undoChanged();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items.at(i).first == keys.at(i))
            continue;
        Op move;
        move.type = Op::Type::ItemMove;
        move.listId = m_currentListId;
        move.itemId = items.at(i).second;
        move.fields = {{QStringLiteral("position"), keys.at(i)}};
        if (!apply(std::move(move)))
            return key;
    }
    return position();
}

void Session::removeItem(const QString &itemId)
{
    Op op;
    op.type = Op::Type::ItemDelete;
    op.listId = m_currentListId;
    op.itemId = itemId;
    // Undoing a delete writes the tombstone back with a newer stamp.
    Op inverse;
    inverse.type = Op::Type::ItemSet;
    inverse.listId = m_currentListId;
    inverse.itemId = itemId;
    inverse.fields = {{QStringLiteral("deleted"), false}};
    const auto item = currentItem(itemId);
    applyUndoable(
        op, inverse,
        tr("%1 deleted").arg(item ? item->value(QStringLiteral("title")).toString() : QString()));
}

void Session::fail(const QString &message)
{
    m_error = message;
    if (m_account)
        m_toasts.showError(message); // the main window shows errors as toasts
    Q_EMIT changed();
}

bool Session::currentListMuted() const
{
    return mutedLists(*m_settings).contains(m_currentListId);
}

void Session::setCurrentListMuted(bool muted)
{
    QSet<QString> lists = mutedLists(*m_settings);
    if (m_currentListId.isEmpty() || lists.contains(m_currentListId) == muted)
        return;
    if (muted)
        lists.insert(m_currentListId);
    else
        lists.remove(m_currentListId);
    m_settings->setValue(QStringLiteral("mutedLists"), QStringList(lists.cbegin(), lists.cend()));
    m_toasts.setMuted(lists);
    Q_EMIT changed();
}

void Session::clearError()
{
    if (m_error.isEmpty())
        return;
    m_error.clear();
    Q_EMIT changed();
}

bool Session::keychainMissing() const
{
    return m_credentials.where() == client::CredentialStore::Where::Session ||
        m_keychainProbe == client::CredentialStore::Where::Nowhere;
}

QString Session::accountEmail() const
{
    return m_settings->value(key(QStringLiteral("account/email"))).toString();
}

void Session::probeServer()
{
    if (!m_account || m_probe)
        return;
    // Only whether something answers on the server's port: the password is asked for
    // when signing in can work, not while the server is away.
    const QUrl server = m_account->server();
    auto *probe = new QTcpSocket(this);
    m_probe = probe;
    const auto done = [this, probe](bool reachable) {
        if (m_probe != probe)
            return;
        probe->disconnect(this);
        probe->deleteLater();
        m_probe = nullptr;
        if (reachable != m_serverReachable) {
            m_serverReachable = reachable;
            Q_EMIT changed();
        }
    };
    connect(probe, &QTcpSocket::connected, this, [done] { done(true); });
    connect(probe, &QTcpSocket::errorOccurred, this, [done] { done(false); });
    const int defaultPort = server.scheme() == QLatin1String("wss") ? 443 : 8477;
    probe->connectToHost(server.host(), quint16(server.port(defaultPort)));
}

void Session::unlock(const QString &password, const QString &email)
{
    if (!m_account)
        return;
    const QString who = email.trimmed().isEmpty() ? accountEmail() : email.trimmed();
    if (password.isEmpty() || who.isEmpty()) {
        fail(who.isEmpty() ? tr("Enter your email address and password.")
                           : tr("Enter your password."));
        return;
    }
    clearError();
    m_busy = true;
    Q_EMIT changed();
    m_auth.signIn(m_account->server(), who, password);
}

void Session::signOut()
{
    m_passwordNeeded = false;
    m_probeTimer.stop();
    m_items.setSource(nullptr, {});
    m_lists.setSource(nullptr, {});
    m_status.setClient(nullptr);
    m_toasts.setClient(nullptr);
    m_activity.setSource(nullptr, {}, {});
    if (m_account)
        m_account->forget();
    m_account.reset();
    // The server address stays, for signing in again.
    m_settings->remove(key(QStringLiteral("account/userId")));
    m_settings->remove(key(QStringLiteral("account/name")));
    m_householdId.clear();
    m_currentListId.clear();
    m_undo.clear();
    Q_EMIT undoChanged();
    Q_EMIT changed();
}

} // namespace kinlist::ui
