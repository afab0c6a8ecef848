#include "websocketpeer.h"

#include <QCryptographicHash>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>

#include <cerrno>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace kinlist::server {

namespace {

// Whether a comma-separated header value holds this token (case-insensitive).
bool hasToken(const QByteArray &value, const char *token)
{
    const QList<QByteArray> parts = value.split(',');
    for (const QByteArray &part : parts) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray refusal(const QByteArray &status, const QByteArray &extraHeaders, const QByteArray &why)
{
    return "HTTP/1.1 " + status + "\r\n" + extraHeaders +
        "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " +
        QByteArray::number(why.size() + 1) + "\r\nConnection: close\r\n\r\n" + why + '\n';
}

QByteArray closePayload(quint16 code)
{
    const char bytes[2] = {char(code >> 8), char(code & 0xff)};
    return QByteArray(bytes, 2);
}

// At most this much may wait unsent for a client before its pings go unanswered.
constexpr qint64 kMaxPongBacklog = 64 * 1024;

} // namespace

WebSocketPeer::WebSocketPeer(QTcpSocket *socket, qint64 maxMessageBytes, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_reader(maxMessageBytes)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::disconnected, this, &WebSocketPeer::setDisconnected);
    m_tls = qobject_cast<QSslSocket *>(socket) != nullptr;
}

WebSocketPeer::~WebSocketPeer()
{
    closeDescriptor();
}

QByteArray WebSocketPeer::handshakeResponse(const QByteArray &head, bool *ok)
{
    *ok = false;
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || requestLine.at(0) != "GET" || requestLine.at(2) != "HTTP/1.1")
        return refusal("400 Bad Request", {}, "a WebSocket opens with GET over HTTP/1.1");
    QByteArray upgrade, connection, version, key;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        // (Repeated headers are one comma-separated list, RFC 9110 section 5.3.)
        auto add = [&value](QByteArray &to) {
            to += (to.isEmpty() ? "" : ", ") + value;
        };
        if (name == "upgrade")
            add(upgrade);
        else if (name == "connection")
            add(connection);
        else if (name == "sec-websocket-version")
            add(version);
        else if (name == "sec-websocket-key")
            add(key);
    }
    if (!hasToken(upgrade, "websocket") || !hasToken(connection, "upgrade"))
        return refusal("400 Bad Request", {},
                       "a WebSocket needs \"Upgrade: websocket\" and \"Connection: Upgrade\"");
    if (version != "13")
        return refusal("426 Upgrade Required", "Sec-WebSocket-Version: 13\r\n",
                       "only WebSocket version 13 is spoken here");
    const auto decoded =
        QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 16)
        return refusal("400 Bad Request", {},
                       "Sec-WebSocket-Key must be 16 bytes in base64 (RFC 6455 section 4.1)");
    const QByteArray accept = QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                                       QCryptographicHash::Sha1)
                                  .toBase64();
    *ok = true;
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Accept: " +
        accept + "\r\nServer: kinlist-server\r\n\r\n";
}

bool WebSocketPeer::upgrade()
{
    // The gate saw the whole head (at most 8 KiB) in the buffer before handing the socket on.
    const QByteArray peeked = m_socket->peek(8192);
    const qsizetype end = peeked.indexOf("\r\n\r\n");
    bool ok = false;
    const QByteArray response = handshakeResponse(end < 0 ? QByteArray() : peeked.left(end), &ok);
    m_socket->read(end < 0 ? 0 : end + 4);
    // (A client gone meanwhile has no connection to upgrade.)
    ok = ok && m_socket->state() == QAbstractSocket::ConnectedState;
    if (ok && !m_tls)
        takeOverDescriptor();
    // (Written as frames are: a write to the QTcpSocket would have Qt keep a 32 KiB buffer
    // for the connection's whole life.)
    m_out.append(OutFrame {response, {}, 0});
    m_outBytes += response.size();
    flush();
    if (!ok) {
        disconnectFromHost();
        return false;
    }
    m_open = true;
    if (m_fd < 0)
        connect(m_socket, &QTcpSocket::readyRead, this, &WebSocketPeer::onReadyRead);
    // Frames the client sent right behind its request are read once the caller has
    // connected to the signals.
    if (m_reader.heldBytes() > 0 || (m_socket && m_socket->bytesAvailable() > 0))
        QMetaObject::invokeMethod(
            this, [this] { m_socket ? onReadyRead() : readMessages(); }, Qt::QueuedConnection);
    return true;
}

bool WebSocketPeer::takeOverDescriptor()
{
    // A second descriptor for the same connection; closing Qt's then leaves it open. With
    // none left (at the limit of open files) the connection stays on the QTcpSocket.
    const int fd = ::fcntl(int(m_socket->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return false;
    m_peerAddress = m_socket->peerAddress();
    const QByteArray early = m_socket->readAll();
    m_socket->disconnect(this);
    m_socket->abort(); // closes only Qt's descriptor (no shutdown), after leaving epoll
    m_socket->deleteLater();
    m_socket = nullptr;
    m_fd = fd;
    m_readNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &WebSocketPeer::onReadable);
    m_reader.append(early);
    return true;
}

void WebSocketPeer::onReadable()
{
    // Bounded: at most four reads a pass; epoll reports the rest again on the next one.
    char buffer[65536];
    bool ended = false;
    for (int i = 0; i < 4; ++i) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n > 0) {
            m_reader.append(QByteArray(buffer, n));
            if (size_t(n) < sizeof buffer)
                break;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        // 0: the client closed its side; an error other than "nothing more": it is gone.
        ended = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
        break;
    }
    readMessages(); // (what came before the end, too)
    if (ended && m_fd >= 0) {
        closeDescriptor();
        setDisconnected();
    }
}

void WebSocketPeer::onWritable()
{
    while (!m_pending.isEmpty()) {
        const ssize_t n = ::send(m_fd, m_pending.constData(), size_t(m_pending.size()),
                                 MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            m_pending.remove(0, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        closeDescriptor(); // the connection is gone
        setDisconnected();
        return;
    }
    m_pending = QByteArray();
    m_writeNotifier->setEnabled(false);
    if (m_closeWhenWritten) {
        closeDescriptor();
        setDisconnected();
    }
}

void WebSocketPeer::onReadyRead()
{
    m_reader.append(m_socket->readAll());
    readMessages();
}

void WebSocketPeer::readMessages()
{
    // Bounded: each pass takes a frame from what was read; a close or a failure stops it.
    while (m_connected && !m_closeWhenWritten) {
        WebSocketReader::Message m = m_reader.next();
        switch (m.kind) {
        case WebSocketReader::Kind::NeedMore:
            return;
        case WebSocketReader::Kind::Failed:
            fail(m.code);
            return;
        case WebSocketReader::Kind::Close:
            m_closeCode = m.code;
            // Answer with the same code (an empty close answers an empty one); the server
            // then ends the TCP connection (RFC 6455 section 7.1.1).
            if (m_open) {
                m_open = false;
                queueFrame(0x8, m.code == 1005 ? QByteArray() : closePayload(m.code));
            }
            disconnectFromHost();
            return;
        case WebSocketReader::Kind::Ping:
            // A client that pings and does not read is not answered once a little waits
            // for it (RFC 6455 section 5.5.3 lets a pong answer only the latest ping):
            // answers would pile up outside the server's limit on unsent bytes.
            if (m_open && bytesToWrite() < kMaxPongBacklog) {
                queueFrame(0xA, m.payload);
                flush();
            }
            Q_EMIT heard();
            break;
        case WebSocketReader::Kind::Pong:
            Q_EMIT heard();
            break;
        case WebSocketReader::Kind::Text:
            // (After our close frame went out, what still comes is not read.)
            if (m_open)
                Q_EMIT textReceived(m.payload);
            break;
        case WebSocketReader::Kind::Binary:
            if (m_open)
                Q_EMIT binaryReceived(m.payload);
            break;
        }
        // A handler may have closed or cut off the connection.
        if (m_socket && m_socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
}

void WebSocketPeer::queueFrame(quint8 opcode, const QByteArray &payload)
{
    // Server frames are not masked (RFC 6455 section 5.1).
    OutFrame f {payload, {}, 2};
    const qsizetype size = payload.size();
    f.head[0] = char(0x80 | opcode);
    if (size < 126) {
        f.head[1] = char(size);
    } else if (size < 65536) {
        f.head[1] = char(126);
        f.head[2] = char(size >> 8);
        f.head[3] = char(size & 0xff);
        f.headSize = 4;
    } else {
        f.head[1] = char(127);
        for (int i = 0; i < 8; ++i)
            f.head[2 + i] = char((quint64(size) >> (56 - 8 * i)) & 0xff);
        f.headSize = 10;
    }
    m_outBytes += f.headSize + size;
    m_out.append(std::move(f));
}

void WebSocketPeer::sendText(const QByteArray &utf8)
{
    if (m_open)
        queueFrame(0x1, utf8);
}

void WebSocketPeer::ping()
{
    if (m_open) {
        queueFrame(0x9, {});
        flush();
    }
}

void WebSocketPeer::flush()
{
    if (!m_connected) {
        m_out.clear();
        m_outBytes = 0;
        return;
    }
    if (m_out.isEmpty()) {
        if (m_socket && socketHolds())
            m_socket->flush();
        return;
    }
    // The frames go to the kernel in one sendmsg, headers and shared payloads side by side,
    // with no copy into a buffer kept per connection. What the kernel does not take waits
    // in m_pending (or in the QTcpSocket, which writes it when it can); after bytes wait,
    // new ones queue behind them. TLS goes through the socket, which encrypts.
    int fd = -1;
    if (m_fd >= 0 && m_pending.isEmpty())
        fd = m_fd;
    // (Asked each time: once the socket is closed it is -1, and its number may already
    // belong to another connection.)
    else if (m_socket && !m_tls && !socketHolds())
        fd = int(m_socket->socketDescriptor());
    qsizetype frame = 0;
    qsizetype offset = 0; // into m_out[frame], header and payload counted together
    while (fd >= 0 && frame < m_out.size()) {
        constexpr int kMaxIov = 64;
        iovec iov[kMaxIov];
        int n = 0;
        for (qsizetype i = frame; i < m_out.size() && n + 2 <= kMaxIov; ++i) {
            const OutFrame &f = m_out.at(i);
            iov[n++] = {const_cast<char *>(f.head), size_t(f.headSize)};
            if (!f.payload.isEmpty())
                iov[n++] = {const_cast<char *>(f.payload.constData()), size_t(f.payload.size())};
        }
        msghdr msg {};
        msg.msg_iov = iov;
        msg.msg_iovlen = size_t(n);
        ssize_t sent;
        do {
            sent = ::sendmsg(fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
        } while (sent < 0 && errno == EINTR);
        if (sent <= 0)
            break; // full, or gone: the rest waits, and the wait finds out which
        // Past the frames taken whole; `offset` into the first one taken in part.
        qint64 left = sent;
        while (frame < m_out.size()) {
            const qint64 whole = m_out.at(frame).headSize + m_out.at(frame).payload.size();
            if (left < whole) {
                offset = left;
                break;
            }
            left -= whole;
            ++frame;
        }
        if (offset > 0)
            break;
    }
    for (; frame < m_out.size(); ++frame, offset = 0) {
        const OutFrame &f = m_out.at(frame);
        const qsizetype from = std::max<qsizetype>(0, offset - f.headSize);
        if (m_fd >= 0) {
            if (offset < f.headSize)
                m_pending.append(f.head + offset, f.headSize - offset);
            if (from < f.payload.size())
                m_pending.append(f.payload.constData() + from, f.payload.size() - from);
            continue;
        }
        m_socketHolds = true;
        if (offset < f.headSize)
            m_socket->write(f.head + offset, f.headSize - offset);
        if (from < f.payload.size())
            m_socket->write(f.payload.constData() + from, f.payload.size() - from);
    }
    m_out.clear();
    m_outBytes = 0;
    if (m_fd >= 0 && !m_pending.isEmpty()) {
        if (!m_writeNotifier) {
            m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
            connect(m_writeNotifier, &QSocketNotifier::activated, this, &WebSocketPeer::onWritable);
        }
        m_writeNotifier->setEnabled(true);
    } else if (m_socket && socketHolds()) {
        m_socket->flush();
    }
}

bool WebSocketPeer::socketHolds()
{
    // Only asked of the socket after something was handed to it: most sockets never have
    // anything waiting, and the question costs a cache miss on each of thousands of them.
    if (m_socketHolds && bytesToWrite() == m_outBytes)
        m_socketHolds = false;
    return m_socketHolds;
}

void WebSocketPeer::close(quint16 code, const QString &reason)
{
    if (!m_open)
        return;
    m_open = false;
    QByteArray payload = closePayload(code);
    // A control frame carries at most 125 bytes: the reason is cut at a character's start.
    QByteArray why = reason.toUtf8();
    qsizetype keep = std::min<qsizetype>(why.size(), 123);
    while (keep > 0 && keep < why.size() && (quint8(why.at(keep)) & 0xC0) == 0x80)
        --keep;
    payload += why.left(keep);
    queueFrame(0x8, payload);
    flush();
}

void WebSocketPeer::fail(quint16 code)
{
    // A broken frame ends the connection at once: a close frame saying why, then the
    // connection itself (RFC 6455 section 7.1.7).
    if (m_open) {
        m_open = false;
        queueFrame(0x8, closePayload(code));
    }
    disconnectFromHost();
}

void WebSocketPeer::disconnectFromHost()
{
    flush();
    if (m_fd < 0) {
        if (m_socket)
            m_socket->disconnectFromHost();
        return;
    }
    if (m_pending.isEmpty()) {
        closeDescriptor();
        setDisconnected();
    } else {
        m_closeWhenWritten = true;
    }
}

void WebSocketPeer::closeDescriptor()
{
    if (m_fd < 0)
        return;
    // Out of epoll before the number can be reused; the notifiers go once their signal
    // (which may be what called this) has returned.
    for (QSocketNotifier *n : {m_readNotifier, m_writeNotifier}) {
        if (n) {
            n->setEnabled(false);
            n->deleteLater();
        }
    }
    m_readNotifier = m_writeNotifier = nullptr;
    ::close(m_fd);
    m_fd = -1;
    m_pending = QByteArray();
}

void WebSocketPeer::setDisconnected()
{
    if (!m_connected)
        return;
    m_connected = false;
    m_open = false;
    m_out.clear();
    m_outBytes = 0;
    Q_EMIT disconnected();
}

void WebSocketPeer::abort()
{
    m_open = false;
    m_out.clear();
    m_outBytes = 0;
    if (m_fd >= 0) {
        closeDescriptor();
        setDisconnected();
    } else if (m_socket) {
        m_socket->abort(); // (emits disconnected, and so setDisconnected)
    }
}

qint64 WebSocketPeer::bytesToWrite() const
{
    if (m_fd >= 0)
        return m_outBytes + m_pending.size();
    if (!m_socketHolds || !m_socket)
        return m_outBytes;
    // (TLS: bytes already encrypted wait in the socket's own buffer, apart.)
    const auto *tls = m_tls ? static_cast<const QSslSocket *>(m_socket) : nullptr;
    return m_outBytes + m_socket->bytesToWrite() + (tls ? tls->encryptedBytesToWrite() : 0);
}

QHostAddress WebSocketPeer::peerAddress() const
{
    return m_socket ? m_socket->peerAddress() : m_peerAddress;
}

} // namespace kinlist::server
