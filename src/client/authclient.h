#pragma once

#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace kinlist::client {

// Signing in before there is an account on this device: a short connection that says
// hello and then registers or logs in. Success hands over the session (user, access and
// refresh token) for an Account to keep; failure is a sentence a family member understands.
class AuthClient : public QObject
{
    Q_OBJECT
public:
    explicit AuthClient(QObject *parent = nullptr);

    void signIn(const QUrl &server, const QString &email, const QString &password);
    void createAccount(const QUrl &server, const QString &displayName, const QString &email,
                       const QString &password);
    // Pairs a kitchen tablet with a code an owner made; the session is the tablet's own.
    void pairKiosk(const QUrl &server, const QString &code, const QString &name);
    bool isBusy() const { return m_busy; }

    // Normalises what a user types as the server address ("kitchen-pc:8477" or
    // "https://kin.example") into a WebSocket URL; empty when it cannot be one.
    static QUrl serverUrl(const QString &typed);

Q_SIGNALS:
    void succeeded(const QUrl &server, const QJsonObject &session);
    void failed(const QString &message);

private:
    void start(const QUrl &server, const QString &type, const QJsonObject &fields);
    void finish(const QString &error, const QJsonObject &session = {});

    QWebSocket m_ws;
    QTimer m_deadline;
    QUrl m_server;
    QString m_type;
    QJsonObject m_fields;
    bool m_busy = false;
    int m_protocol = 0; // said in hello; one less after version_unsupported
    bool m_again = false; // hello again (older protocol) once this connection closes
    bool m_helloDone = false;
};

} // namespace kinlist::client
