#include "credentials.h"

#include "clientlogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>

#include <memory>
#include <qt6keychain/keychain.h>

namespace kinlist::client {

CredentialStore::CredentialStore(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{ }

QString CredentialStore::accountKey(const QUrl &server, const QString &userId)
{
    return QStringLiteral("%1 %2").arg(server.adjusted(QUrl::StripTrailingSlash).toString(),
                                       userId);
}

void CredentialStore::setWhere(Where where, bool fileFailed)
{
    if (where == m_where && fileFailed == m_fileFailed)
        return;
    m_where = where;
    m_fileFailed = fileFailed;
    Q_EMIT statusChanged();
}

QString CredentialStore::status() const
{
    switch (m_where) {
    case Where::Keychain:
        return tr("Your sign-in is kept in the system keychain.");
    case Where::File:
        return tr("No keychain is available on this computer. Your sign-in is kept in a file "
                  "only your user account can read, as you chose.");
    case Where::Session:
        return m_fileFailed
            ? tr("No keychain is available on this computer, and the sign-in file could not be "
                 "written. You will have to sign in again after Kinlist restarts.")
            : tr("No keychain is available on this computer. Your sign-in is kept only until "
                 "Kinlist closes; you can allow keeping it in a private file in Settings.");
    case Where::Nowhere:
        break;
    }
    return {};
}

void CredentialStore::runJob(Op op, const QString &key, const QString &secret,
                             std::function<void(const Result &)> done)
{
    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(m_options.service);
        break;
    case Op::Write: {
        auto *w = new QKeychain::WritePasswordJob(m_options.service);
        w->setTextData(secret);
        job = w;
        break;
    }
    case Op::Delete:
        job = new QKeychain::DeletePasswordJob(m_options.service);
        break;
    }
    job->setKey(key);
    // Whichever comes first, the job or the deadline, answers; the other is ignored.
    auto answered = std::make_shared<bool>(false);
    auto finish = [answered, done](const Result &r) {
        if (std::exchange(*answered, true))
            return;
        done(r);
    };
    connect(job, &QKeychain::Job::finished, this, [finish](QKeychain::Job *j) {
        Result r;
        r.ok = j->error() == QKeychain::NoError;
        r.notFound = j->error() == QKeychain::EntryNotFound;
        r.error = j->errorString();
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j); read && r.ok)
            r.secret = read->textData();
        finish(r);
    });
    QTimer::singleShot(m_options.timeoutMs, this, [finish, timeout = m_options.timeoutMs] {
        finish(Result {false,
                       false,
                       {},
                       QStringLiteral("the keychain did not answer within %1 ms (is it locked?)")
                           .arg(timeout)});
    });
    job->start();
}

QString CredentialStore::filePath(const QString &key) const
{
    const QByteArray name =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return QDir(m_options.fileDirectory)
        .filePath(QString::fromLatin1(name) + QStringLiteral(".token"));
}

bool CredentialStore::writeFile(const QString &key, const QString &secret, QString *error) const
{
    if (m_options.fileDirectory.isEmpty()) {
        *error = QStringLiteral("no directory for the credentials file");
        return false;
    }
    QDir dir(m_options.fileDirectory);
    if (!dir.mkpath(QStringLiteral(".")) ||
        !QFile::setPermissions(dir.absolutePath(),
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                   QFileDevice::ExeOwner)) {
        *error = QStringLiteral("cannot make %1 private").arg(dir.absolutePath());
        return false;
    }
    QSaveFile file(filePath(key));
    // Only the owner may read it, from the first byte on.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(secret.toUtf8()) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

std::optional<QString> CredentialStore::readFile(const QString &key) const
{
    if (m_options.fileDirectory.isEmpty())
        return std::nullopt;
    QFile file(filePath(key));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(file.readAll());
}

void CredentialStore::save(const QString &key, const QString &secret,
                           std::function<void(Where)> done)
{
    QPointer<CredentialStore> self(this);
    const quint64 generation = ++m_generation[key];
    runJob(Op::Write, key, secret, [self, key, secret, done, generation](const Result &r) {
        if (!self)
            return;
        if (self->m_generation.value(key) != generation) {
            // Removed (signed out) or saved again meanwhile: this token is stale.
            if (done)
                done(Where::Nowhere);
            return;
        }
        Where where = Where::Keychain;
        if (r.ok) {
            self->m_session.remove(key);
            if (!self->m_options.fileDirectory.isEmpty())
                QFile::remove(self->filePath(key)); // the keychain has it now
            self->setWhere(Where::Keychain);
        } else {
            qCInfo(lcClientStore) << "keychain unavailable:" << r.error;
            // An older token there is used up once this one exists: presenting it on the
            // next start would look like theft to the server. Best effort: drop it.
            self->runJob(Op::Delete, key, {}, [](const Result &) {});
            QString fileError;
            if (self->m_options.allowFile && self->writeFile(key, secret, &fileError)) {
                where = Where::File;
                self->setWhere(where);
            } else {
                where = Where::Session;
                self->m_session.insert(key, secret);
                // Not wanted in a file (any more): none stays behind.
                if (!self->m_options.allowFile && !self->m_options.fileDirectory.isEmpty())
                    QFile::remove(self->filePath(key));
                if (self->m_options.allowFile)
                    qCWarning(lcClientStore) << "cannot write the sign-in file:" << fileError;
                self->setWhere(where, self->m_options.allowFile);
            }
        }
        if (done)
            done(where);
    });
}

void CredentialStore::load(const QString &key,
                           std::function<void(std::optional<QString>, Where)> done)
{
    QPointer<CredentialStore> self(this);
    runJob(Op::Read, key, {}, [self, key, done](const Result &r) {
        if (!self)
            return;
        if (r.ok) {
            done(r.secret, Where::Keychain);
            return;
        }
        if (self->m_options.allowFile) {
            if (const auto secret = self->readFile(key)) {
                done(secret, Where::File);
                return;
            }
        }
        if (self->m_session.contains(key)) {
            done(self->m_session.value(key), Where::Session);
            return;
        }
        done(std::nullopt, Where::Nowhere);
    });
}

void CredentialStore::probe(std::function<void(bool available)> done)
{
    QPointer<CredentialStore> self(this);
    runJob(Op::Read, QStringLiteral("probe"), {}, [self, done](const Result &r) {
        if (self)
            done(r.ok || r.notFound);
    });
}

void CredentialStore::remove(const QString &key, std::function<void()> done)
{
    ++m_generation[key];
    m_session.remove(key);
    if (!m_options.fileDirectory.isEmpty())
        QFile::remove(filePath(key));
    QPointer<CredentialStore> self(this);
    runJob(Op::Delete, key, {}, [self, done](const Result &) {
        if (self && done)
            done();
    });
}

} // namespace kinlist::client
