#pragma once

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace kinlist::server {

// The one listening port: looks at the first HTTP request of each connection without
// consuming it. WebSocket upgrades go on to the QWebSocketServer (webSocketUpgrade);
// plain requests (GET /healthz, /metrics) are answered here and the socket is closed.
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

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void setSslConfiguration(const QSslConfiguration &config);
    bool listen(const QHostAddress &host, quint16 port);
    void close();
    quint16 port() const;
    QString errorString() const;

Q_SIGNALS:
    void webSocketUpgrade(QTcpSocket *socket);

private:
    void onPendingConnection();
    void inspect(QTcpSocket *socket);

    QTcpServer *m_server = nullptr;
    Handler m_handler;
    bool m_tls = false;
};

} // namespace kinlist::server
