#pragma once

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <functional>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace kinlist::server {

// The one listening port: looks at the first HTTP request of each connection without
// consuming it. WebSocket upgrades go on to the server (webSocketUpgrade), whose
// WebSocketPeer reads the head and answers it; plain requests (GET /healthz, /metrics) are
// answered here and the socket is closed.
class HttpGate : public QObject
{
    Q_OBJECT
public:
    struct Response
    {
        int status = 404;
        QByteArray contentType = "text/plain; charset=utf-8";
        QByteArray body = "not found\n";
    };
    using Handler = std::function<Response(const QByteArray &method, const QByteArray &path)>;

    explicit HttpGate(QObject *parent = nullptr);
    ~HttpGate() override;

    // Raises this process's soft limit on open files to its hard limit and returns how many
    // of them connections may use (the rest is kept for the database and the event loop).
    static int raiseFileLimit();
    // At most this many connections may be waiting for their request head; a new one
    // beyond it closes the one that has waited longest (an idle socket holds a descriptor).
    void setMaxPendingHeads(int max) { m_maxPendingHeads = max; }

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void setSslConfiguration(const QSslConfiguration &config);
    bool listen(const QHostAddress &host, quint16 port);
    void close();
    quint16 port() const;
    QString errorString() const;

Q_SIGNALS:
    void webSocketUpgrade(QTcpSocket *socket);
    // accept() failed (out of descriptors): accepting pauses and resumes after a backoff.
    void acceptFailed();
    // A connection waiting for its request head was closed to make room.
    void socketShed();

private:
    void onPendingConnection();
    void onAcceptError();
    void inspect(QTcpSocket *socket);
    void forgetHead(QTcpSocket *socket);

    QTcpServer *m_server = nullptr;
    Handler m_handler;
    bool m_tls = false;
    int m_maxPendingHeads = 1024;
    QList<QTcpSocket *> m_heads; // waiting for their request head, oldest first
    QTimer *m_resumeTimer = nullptr;
    int m_backoffMs = 0;
};

} // namespace kinlist::server
