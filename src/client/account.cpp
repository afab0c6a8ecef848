#include "account.h"

#include <QDir>
#include <QLockFile>
#include <QPointer>
#include <QRegularExpression>
#include <QStandardPaths>

#include <atomic>

namespace kinlist::client {

Account::Account(QUrl server, QString userId, CredentialStore *credentials, QString dataDirectory,
                 QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_userId(std::move(userId))
    , m_credentials(credentials)
    , m_dataDirectory(dataDirectory.isEmpty()
                          ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                          : std::move(dataDirectory))
{ }

Account::~Account()
{
    m_sync.reset(); // before the store it writes to
}

QString Account::databasePath(const QString &dataDirectory, const QUrl &server,
                              const QString &userId)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9.-]"));
    const int defaultPort = server.scheme() == QLatin1String("wss") ? 443 : 80;
    const QString host = server.host().toLower().replace(unsafe, QStringLiteral("_"));
    QString user = userId;
    user.replace(unsafe, QStringLiteral("_"));
    return QDir(dataDirectory)
        .filePath(QStringLiteral("accounts/%1-%2/%3/kinlist.db")
                      .arg(host)
                      .arg(server.port(defaultPort))
                      .arg(user));
}

bool Account::open(Error *error)
{
    const QString path = databasePath(m_dataDirectory, m_server, m_userId);
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = Error {ErrorCode::StorageError,
                        QStringLiteral("cannot create %1").arg(QFileInfo(path).absolutePath())};
        return false;
    }
    // One app at a time per account: a second would send the same mutation ids from the
    // same outbox. The lock goes with the process, also when it is killed.
    m_lock = std::make_unique<QLockFile>(QFileInfo(path).absolutePath() +
                                         QStringLiteral("/kinlist.lock"));
    if (!m_lock->tryLock(0)) {
        *error = Error {m_lock->error() == QLockFile::LockFailedError ? ErrorCode::Conflict
                                                                      : ErrorCode::StorageError,
                        QStringLiteral("Kinlist is already open for this account on this "
                                       "computer; use that window")};
        m_lock.reset();
        return false;
    }
    // Qt Sql connection names are process-wide: one per Account object.
    static std::atomic<int> opened {0};
    m_store =
        std::make_unique<LocalStore>(QStringLiteral("account %1 %2").arg(++opened).arg(key()));
    if (!m_store->open(path, error))
        return false;
    m_sync = std::make_unique<SyncClient>(m_store.get(), m_server);
    // Refresh tokens rotate: the keychain must always hold the newest.
    connect(m_sync.get(), &SyncClient::sessionRenewed, this,
            [this](const QString &token) { m_credentials->save(key(), token); });
    return true;
}

void Account::signIn(const QString &accessToken, const QString &refreshToken)
{
    m_credentials->save(key(), refreshToken);
    m_sync->setTokens(accessToken, refreshToken);
    m_sync->start();
}

void Account::resume()
{
    // The answer may come after this account was closed (a switch of account).
    QPointer<Account> self(this);
    m_credentials->load(key(), [self](std::optional<QString> token, CredentialStore::Where) {
        if (!self)
            return;
        if (!token || token->isEmpty()) {
            Q_EMIT self->needsSignIn();
            return;
        }
        self->m_sync->setTokens({}, *token);
        self->m_sync->start();
    });
}

void Account::forget()
{
    m_sync->stop();
    m_sync->setTokens({}, {});
    m_credentials->remove(key());
}

} // namespace kinlist::client
