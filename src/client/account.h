#pragma once

#include "credentials.h"
#include "localstore.h"
#include "syncclient.h"

#include <QLockFile>
#include <QObject>
#include <QUrl>

#include <memory>

namespace kinlist::client {

// One account on one server as this device holds it: its own database under the
// platform's app data location, its sync client, and its refresh token in the credential
// store, saved again each time it rotates. This is what the desktop app and the kiosk
// open.
class Account : public QObject
{
    Q_OBJECT
public:
    // `dataDirectory` empty: QStandardPaths::AppDataLocation.
    Account(QUrl server, QString userId, CredentialStore *credentials, QString dataDirectory = {},
            QObject *parent = nullptr);
    ~Account() override;

    // <data>/accounts/<host>-<port>/<user id>/kinlist.db: one database per server and account.
    static QString databasePath(const QString &dataDirectory, const QUrl &server,
                                const QString &userId);

    bool open(Error *error);
    // Right after register or login: keeps the refresh token and connects.
    void signIn(const QString &accessToken, const QString &refreshToken);
    // On start: connects with the refresh token kept from last time; needsSignIn() when
    // there is none (the pending changes stay and go once the same account signs in).
    void resume();
    // Signs this device out: the token is forgotten; the local data stays.
    void forget();

    QString userId() const { return m_userId; }
    QUrl server() const { return m_server; }
    QString key() const { return CredentialStore::accountKey(m_server, m_userId); }
    LocalStore *store() const { return m_store.get(); }
    SyncClient *sync() const { return m_sync.get(); }

Q_SIGNALS:
    void needsSignIn();

private:
    QUrl m_server;
    QString m_userId;
    CredentialStore *m_credentials;
    QString m_dataDirectory;
    std::unique_ptr<QLockFile> m_lock; // held while open
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<SyncClient> m_sync;
};

} // namespace kinlist::client
