#pragma once

#include "client/authclient.h"
#include "client/credentials.h"

#include <QObject>
#include <QTcpSocket>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace kinlist::ui {

class Session;

// The account on this computer: signing in or creating one, where the sign-in is kept,
// unlocking an account opened without a kept sign-in, signing out.
class UserAccount : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the session")
    // The server of the account (or the one offered for signing in): "host:port" for
    // ws://, the whole address otherwise.
    Q_PROPERTY(QString serverAddress READ serverAddress NOTIFY accountChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY accountChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY accountChanged)
    // The email address last signed in with ("" when none is remembered).
    Q_PROPERTY(QString email READ email NOTIFY accountChanged)
    // Opened from this device's data without a kept sign-in (no keychain, say): the lists
    // can be read and edited; unlock() with the password syncs again. serverReachable:
    // whether the server answers now, so the password is asked for only then.
    Q_PROPERTY(bool passwordNeeded READ passwordNeeded NOTIFY passwordNeededChanged)
    Q_PROPERTY(bool serverReachable READ serverReachable NOTIFY serverReachableChanged)
    // Keep the sign-in in a private file where no keychain is available (off by default).
    Q_PROPERTY(
        bool rememberInFile READ rememberInFile WRITE setRememberInFile NOTIFY credentialsChanged)
    // Where the sign-in is kept, as a sentence.
    Q_PROPERTY(QString credentialStatus READ credentialStatus NOTIFY credentialsChanged)
    // No keychain answers on this computer: a sign-in is kept only while Kinlist runs,
    // unless rememberInFile is on.
    Q_PROPERTY(bool keychainMissing READ keychainMissing NOTIFY credentialsChanged)
public:
    explicit UserAccount(Session &session);

    // Opens the account used last time (Session::restore()).
    void restore();

    QString serverAddress() const;
    QString userName() const { return m_userName; }
    QString userId() const;
    QString email() const;
    bool passwordNeeded() const { return m_passwordNeeded; }
    bool serverReachable() const { return m_serverReachable; }
    bool rememberInFile() const;
    void setRememberInFile(bool on);
    QString credentialStatus() const;
    bool keychainMissing() const;
    // The sign-in requests; the kiosk pairs through it too.
    client::AuthClient *auth() { return &m_auth; }

    Q_INVOKABLE void signIn(const QString &server, const QString &email, const QString &password);
    Q_INVOKABLE void createAccount(const QString &server, const QString &name, const QString &email,
                                   const QString &password);
    // Signs the open account in again with its password (see passwordNeeded); `email`
    // only where none is remembered (email is empty).
    Q_INVOKABLE void unlock(const QString &password, const QString &email = {});
    // Closes the account and forgets its sign-in; its data stays on this computer for
    // its return.
    Q_INVOKABLE void signOut();

Q_SIGNALS:
    void accountChanged();
    void passwordNeededChanged();
    void serverReachableChanged();
    void credentialsChanged();

private:
    void onSignedIn(const QUrl &server, const QJsonObject &session);
    void connectAccount();
    void setPasswordNeeded(bool needed);
    // Tries the open account's server once (serverReachable).
    void probeServer();

    Session &m_session;
    client::AuthClient m_auth;
    QString m_userName;
    bool m_passwordNeeded = false;
    bool m_serverReachable = false;
    QTimer m_probeTimer; // tries the server while the password is needed
    QTcpSocket *m_probe = nullptr;
    // Whether a keychain answered when asked at start (Nowhere: it did not).
    client::CredentialStore::Where m_keychainProbe = client::CredentialStore::Where::Keychain;
};

} // namespace kinlist::ui
