#include "httpgate.h"

#include "logging.h"

#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

#include <sys/resource.h>

namespace kinlist::server {

namespace {
constexpr int kMaxRequestHead = 8192;
constexpr int kHeadTimeoutMs = 10000;

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 431:
        return "Request Header Fields Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}
} // namespace

HttpGate::HttpGate(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_resumeTimer(new QTimer(this))
{
    m_resumeTimer->setSingleShot(true);
    connect(m_resumeTimer, &QTimer::timeout, this, [this] { m_server->resumeAccepting(); });
}

HttpGate::~HttpGate() = default;

int HttpGate::raiseFileLimit()
{
    constexpr rlim_t kReserve = 64; // database, log, checkpointer, event loop, signals
    constexpr rlim_t kMost = 1000000;
    struct rlimit lim;
    if (::getrlimit(RLIMIT_NOFILE, &lim) != 0)
        return 0;
    if (lim.rlim_cur < lim.rlim_max) {
        struct rlimit raised = lim;
        raised.rlim_cur = std::min<rlim_t>(lim.rlim_max, kMost + kReserve);
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            lim = raised;
    }
    const rlim_t usable = std::min<rlim_t>(lim.rlim_cur, kMost + kReserve);
    return usable > 2 * kReserve ? int(usable - kReserve) : int(usable / 2);
}

void HttpGate::setSslConfiguration(const QSslConfiguration &config)
{
    auto *ssl = new QSslServer(this);
    ssl->setSslConfiguration(config);
    ssl->setHandshakeTimeout(kHeadTimeoutMs);
    delete m_server;
    m_server = ssl;
    m_tls = true;
}

bool HttpGate::listen(const QHostAddress &host, quint16 port)
{
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpGate::onPendingConnection,
            Qt::UniqueConnection);
    connect(m_server, &QTcpServer::acceptError, this, &HttpGate::onAcceptError,
            Qt::UniqueConnection);
    // Bursts of connects wait in the kernel instead of being dropped and retried a second
    // later (Qt's default backlog is 50).
    m_server->setListenBacklogSize(1024);
    return m_server->listen(host, port);
}

void HttpGate::onAcceptError()
{
    // Out of descriptors (EMFILE/ENFILE): Qt stops accepting. Try again after a pause that
    // grows to a second, instead of never (or of spinning on a listening socket that stays
    // readable).
    Q_EMIT acceptFailed();
    m_server->pauseAccepting();
    m_backoffMs = std::clamp(m_backoffMs * 2, 50, 1000);
    qCWarning(lcHttp).noquote() << "accept failed:" << m_server->errorString()
                                << "; accepting again in" << m_backoffMs << "ms";
    m_resumeTimer->start(m_backoffMs);
}

void HttpGate::forgetHead(QTcpSocket *socket)
{
    m_heads.removeOne(socket);
}

void HttpGate::close()
{
    m_server->close();
}

quint16 HttpGate::port() const
{
    return m_server->serverPort();
}

QString HttpGate::errorString() const
{
    return m_server->errorString();
}

void HttpGate::onPendingConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_backoffMs = 0;
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (m_heads.size() >= m_maxPendingHeads) {
            // The one that has waited longest is the likeliest not to send anything.
            QTcpSocket *oldest = m_heads.takeFirst();
            oldest->abort();
            Q_EMIT socketShed();
        }
        m_heads.append(socket);
        // Drop connections that never finish their request head.
        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        timer->setObjectName(QStringLiteral("kinlist-head-timer"));
        connect(timer, &QTimer::timeout, socket, [socket] { socket->abort(); });
        timer->start(kHeadTimeoutMs);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this,
                [this, socket] { forgetHead(static_cast<QTcpSocket *>(socket)); });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
        if (socket->bytesAvailable() > 0)
            inspect(socket);
    }
}

void HttpGate::inspect(QTcpSocket *socket)
{
    // Peek only: a WebSocket handshake must stay in the buffer for WebSocketPeer::upgrade().
    const QByteArray head = socket->peek(kMaxRequestHead);
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() >= kMaxRequestHead) {
            socket->write("HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n"
                          "Content-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
        }
        return;
    }
    const QList<QByteArray> lines = head.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    bool upgrade = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed().toLower();
        if (line.startsWith("upgrade:") && line.contains("websocket"))
            upgrade = true;
    }
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    disconnect(socket, &QObject::destroyed, this, nullptr);
    forgetHead(socket);
    delete socket->findChild<QTimer *>(QStringLiteral("kinlist-head-timer"),
                                       Qt::FindDirectChildrenOnly);
    if (upgrade) {
        disconnect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        Q_EMIT webSocketUpgrade(socket);
        return;
    }

    Response r;
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        r = Response {400, "text/plain; charset=utf-8", "bad request\n"};
    } else if (m_handler) {
        r = m_handler(requestLine.at(0), requestLine.at(1));
    }
    qCDebug(lcHttp) << requestLine.value(0) << requestLine.value(1) << r.status;
    socket->read(end + 4);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reason(r.status) + "\r\n";
    out += "Content-Type: " + r.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    if (requestLine.value(0) != "HEAD")
        out += r.body;
    socket->write(out);
    socket->disconnectFromHost();
}

} // namespace kinlist::server
