#include "websocketpeer.h"

#include <QCryptographicHash>
#include <QSslSocket>
#include <QTcpSocket>

#include <cerrno>

#include <sys/socket.h>
#include <sys/uio.h>

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

} // namespace

WebSocketPeer::WebSocketPeer(QTcpSocket *socket, qint64 maxMessageBytes, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_reader(maxMessageBytes)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        m_open = false;
        m_out.clear();
        m_outBytes = 0;
        Q_EMIT disconnected();
    });
    m_tls = qobject_cast<QSslSocket *>(socket) != nullptr;
}

WebSocketPeer::~WebSocketPeer() = default;

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
    // (Through the same direct write as frames: a write to the socket itself would have Qt
    // keep a 32 KiB buffer for the connection's whole life.)
    m_out.append(OutFrame {response, {}, 0});
    m_outBytes += response.size();
    flush();
    // (A client gone meanwhile has no connection to upgrade.)
    if (!ok || m_socket->state() != QAbstractSocket::ConnectedState) {
        m_socket->disconnectFromHost();
        return false;
    }
    m_open = true;
    connect(m_socket, &QTcpSocket::readyRead, this, &WebSocketPeer::onReadyRead);
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    return true;
}

void WebSocketPeer::onReadyRead()
{
    m_reader.append(m_socket->readAll());
    // Bounded: each pass takes a frame from what was read; a close or a failure stops it.
    for (;;) {
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
                flush();
            }
            m_socket->disconnectFromHost();
            return;
        case WebSocketReader::Kind::Ping:
            if (m_open) {
                queueFrame(0xA, m.payload);
                flush();
            }
            break;
        case WebSocketReader::Kind::Pong:
            Q_EMIT pong();
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
        if (m_socket->state() != QAbstractSocket::ConnectedState)
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
    if (m_out.isEmpty()) {
        if (socketHolds())
            m_socket->flush();
        return;
    }
    // Plain TCP with nothing left in the socket's own buffer: the frames go to the kernel
    // in one sendmsg, headers and shared payloads side by side, with no copy into a buffer
    // that Qt would keep for the connection (32 KiB, about 8 KiB of it resident, per idle
    // socket). What the kernel does not take, or everything on TLS or behind bytes
    // still waiting, goes through the socket, which writes it when it can.
    qsizetype frame = 0;
    qsizetype offset = 0; // into m_out[frame], header and payload counted together
    // (The descriptor is asked for each time: once the socket is closed it is -1, and its
    // number may already belong to another connection.)
    const int fd = m_tls ? -1 : int(m_socket->socketDescriptor());
    if (fd >= 0 && !socketHolds()) {
        constexpr int kMaxIov = 64;
        while (frame < m_out.size()) {
            iovec iov[kMaxIov];
            int n = 0;
            for (qsizetype i = frame; i < m_out.size() && n + 2 <= kMaxIov; ++i) {
                const OutFrame &f = m_out.at(i);
                iov[n++] = {const_cast<char *>(f.head), size_t(f.headSize)};
                if (!f.payload.isEmpty())
                    iov[n++] = {const_cast<char *>(f.payload.constData()),
                                size_t(f.payload.size())};
            }
            msghdr msg {};
            msg.msg_iov = iov;
            msg.msg_iovlen = size_t(n);
            ssize_t sent;
            do {
                sent = ::sendmsg(fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
            } while (sent < 0 && errno == EINTR);
            if (sent <= 0)
                break; // full (or an error the socket will find and report on its own write)
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
    }
    for (; frame < m_out.size(); ++frame, offset = 0) {
        m_socketHolds = true;
        const OutFrame &f = m_out.at(frame);
        if (offset < f.headSize)
            m_socket->write(f.head + offset, f.headSize - offset);
        const qsizetype from = std::max<qsizetype>(0, offset - f.headSize);
        if (from < f.payload.size())
            m_socket->write(f.payload.constData() + from, f.payload.size() - from);
    }
    m_out.clear();
    m_outBytes = 0;
    if (socketHolds())
        m_socket->flush();
}

bool WebSocketPeer::socketHolds()
{
    // Only asked of the socket after something was handed to it: most sockets never have
    // anything waiting, and the question costs a cache miss on each of thousands of them.
    if (m_socketHolds && m_socket->bytesToWrite() == 0)
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
    flush();
    m_socket->disconnectFromHost();
}

void WebSocketPeer::abort()
{
    m_open = false;
    m_out.clear();
    m_outBytes = 0;
    m_socket->abort();
}

qint64 WebSocketPeer::bytesToWrite() const
{
    return m_outBytes + (m_socketHolds ? m_socket->bytesToWrite() : 0);
}

QHostAddress WebSocketPeer::peerAddress() const
{
    return m_socket->peerAddress();
}

} // namespace kinlist::server
