#include "useraccount.h"

#include "session.h"

#include <QJsonObject>

namespace kinlist::ui {

using client::SyncClient;

UserAccount::UserAccount(Session &session)
    : QObject(&session)
    , m_session(session)
{
    client::CredentialStore &credentials = m_session.credentials();
    connect(&credentials, &client::CredentialStore::statusChanged, this,
            &UserAccount::credentialsChanged);
    // Asked once: the sign-in page offers the private file where no keychain answers.
    credentials.probe([this](bool available) {
        m_keychainProbe = available ? client::CredentialStore::Where::Keychain
                                    : client::CredentialStore::Where::Nowhere;
        Q_EMIT credentialsChanged();
    });
    m_probeTimer.setInterval(2000);
    connect(&m_probeTimer, &QTimer::timeout, this, &UserAccount::probeServer);
    connect(&m_auth, &client::AuthClient::failed, this, [this](const QString &message) {
        m_session.setBusy(false);
        m_session.fail(message);
    });
    connect(&m_auth, &client::AuthClient::succeeded, this, &UserAccount::onSignedIn);
    connect(&m_session, &Session::accountOpened, this, &UserAccount::connectAccount);
}

void UserAccount::restore()
{
    QSettings &config = m_session.config();
    const QUrl server(config.value(m_session.key(QStringLiteral("account/server"))).toString());
    const QString userId = config.value(m_session.key(QStringLiteral("account/userId"))).toString();
    if (!server.isValid() || userId.isEmpty())
        return; // first run, or signed out
    m_userName = config.value(m_session.key(QStringLiteral("account/name"))).toString();
    if (m_session.openAccount(server, userId))
        m_session.account()->resume();
    Q_EMIT accountChanged();
}

void UserAccount::onSignedIn(const QUrl &server, const QJsonObject &session)
{
    m_session.setBusy(false);
    QSettings &config = m_session.config();
    const QJsonObject user = session.value(QStringLiteral("user")).toObject();
    const QString userId = user.value(QStringLiteral("id")).toString();
    const QString accessToken = session.value(QStringLiteral("accessToken")).toString();
    const QString refreshToken = session.value(QStringLiteral("refreshToken")).toString();
    config.setValue(m_session.key(QStringLiteral("account/email")),
                    user.value(QStringLiteral("email")).toString());
    client::Account *open = m_session.account();
    if (open && open->userId() == userId) {
        // The password for the account already open here: it syncs again, with
        // everything changed meanwhile.
        setPasswordNeeded(false);
        open->signIn(accessToken, refreshToken);
        Q_EMIT accountChanged();
        return;
    }
    if (open)
        signOut(); // another account: this one's data stays for its return
    m_userName = user.value(QStringLiteral("displayName")).toString();
    config.setValue(m_session.key(QStringLiteral("account/server")), server.toString());
    config.setValue(m_session.key(QStringLiteral("account/userId")), userId);
    config.setValue(m_session.key(QStringLiteral("account/name")), m_userName);
    if (m_session.openAccount(server, userId))
        m_session.account()->signIn(accessToken, refreshToken);
    Q_EMIT accountChanged();
}

void UserAccount::connectAccount()
{
    client::Account *account = m_session.account();
    // No sign-in kept from last time (no keychain on this computer, or it was not kept):
    // the lists and the changes waiting on this device stay open to read and edit; the
    // password is asked for once the server answers.
    connect(account, &client::Account::needsSignIn, this, [this] {
        if (m_session.isKiosk()) {
            // A tablet has no password to type: it is paired again.
            m_session.fail(tr("This tablet's pairing was not kept. Pair it again with a new "
                              "code from Settings on a family computer."));
            signOut();
            return;
        }
        m_serverReachable = false;
        Q_EMIT serverReachableChanged();
        setPasswordNeeded(true);
        probeServer();
    });
    // The session ended on the server (expired, or signed out everywhere): back to sign
    // in; what is waiting stays on this device for the same account.
    connect(account->sync(), &SyncClient::stateChanged, this, [this](SyncClient::State state) {
        if (state != SyncClient::State::SignedOut)
            return;
        QTimer::singleShot(0, this, [this] {
            signOut();
            m_session.fail(
                tr("Your session has ended. Please sign in again; your changes are kept."));
        });
    });
    Q_EMIT accountChanged();
}

void UserAccount::setPasswordNeeded(bool needed)
{
    if (needed)
        m_probeTimer.start();
    else
        m_probeTimer.stop();
    if (needed == m_passwordNeeded)
        return;
    m_passwordNeeded = needed;
    Q_EMIT passwordNeededChanged();
}

QString UserAccount::serverAddress() const
{
    const QSettings &config = m_session.config();
    QUrl server(config.value(m_session.key(QStringLiteral("account/server"))).toString());
    if (!server.isValid()) // a new kiosk offers the server of the person's account
        server = QUrl(config.value(QStringLiteral("account/server")).toString());
    const QUrl url = server.isValid() ? server : m_session.defaultServer();
    return url.scheme() == QLatin1String("ws") ? url.authority() : url.toString();
}

QString UserAccount::userId() const
{
    return m_session.account() ? m_session.account()->userId() : QString();
}

QString UserAccount::email() const
{
    return m_session.config().value(m_session.key(QStringLiteral("account/email"))).toString();
}

void UserAccount::signIn(const QString &server, const QString &email, const QString &password)
{
    if (email.trimmed().isEmpty() || password.isEmpty()) {
        m_session.fail(tr("Enter your email address and password."));
        return;
    }
    m_session.clearError();
    m_session.setBusy(true);
    m_auth.signIn(client::AuthClient::serverUrl(server), email, password);
}

void UserAccount::createAccount(const QString &server, const QString &name, const QString &email,
                                const QString &password)
{
    if (name.trimmed().isEmpty() || email.trimmed().isEmpty()) {
        m_session.fail(tr("Enter your name and email address."));
        return;
    }
    if (password.size() < 8) {
        m_session.fail(tr("Choose a password of at least 8 characters."));
        return;
    }
    m_session.clearError();
    m_session.setBusy(true);
    m_auth.createAccount(client::AuthClient::serverUrl(server), name, email, password);
}

void UserAccount::unlock(const QString &password, const QString &email)
{
    client::Account *account = m_session.account();
    if (!account)
        return;
    const QString who = email.trimmed().isEmpty() ? this->email() : email.trimmed();
    if (password.isEmpty() || who.isEmpty()) {
        m_session.fail(who.isEmpty() ? tr("Enter your email address and password.")
                                     : tr("Enter your password."));
        return;
    }
    m_session.clearError();
    m_session.setBusy(true);
    m_auth.signIn(account->server(), who, password);
}

void UserAccount::signOut()
{
    setPasswordNeeded(false);
    m_session.closeAccount();
    // The server address stays, for signing in again.
    m_session.config().remove(m_session.key(QStringLiteral("account/userId")));
    m_session.config().remove(m_session.key(QStringLiteral("account/name")));
    Q_EMIT accountChanged();
}

bool UserAccount::rememberInFile() const
{
    return m_session.credentials().allowFile();
}

void UserAccount::setRememberInFile(bool on)
{
    if (on == rememberInFile())
        return;
    m_session.config().setValue(QStringLiteral("rememberInFile"), on);
    client::CredentialStore &credentials = m_session.credentials();
    credentials.setAllowFile(on);
    // Save the current token again, so the choice takes effect now.
    client::Account *account = m_session.account();
    if (account && !account->sync()->refreshToken().isEmpty())
        credentials.save(account->key(), account->sync()->refreshToken());
    Q_EMIT credentialsChanged();
}

QString UserAccount::credentialStatus() const
{
    return m_session.credentials().status();
}

bool UserAccount::keychainMissing() const
{
    return m_session.credentials().where() == client::CredentialStore::Where::Session ||
        m_keychainProbe == client::CredentialStore::Where::Nowhere;
}

void UserAccount::probeServer()
{
    client::Account *account = m_session.account();
    if (!account || m_probe)
        return;
    // Only whether something answers on the server's port: the password is asked for
    // when signing in can work, not while the server is away.
    const QUrl server = account->server();
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
            Q_EMIT serverReachableChanged();
        }
    };
    connect(probe, &QTcpSocket::connected, this, [done] { done(true); });
    connect(probe, &QTcpSocket::errorOccurred, this, [done] { done(false); });
    const int defaultPort = server.scheme() == QLatin1String("wss") ? 443 : 8477;
    probe->connectToHost(server.host(), quint16(server.port(defaultPort)));
}

} // namespace kinlist::ui
