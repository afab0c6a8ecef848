#pragma once

#include "websocketreader.h"

#include <QHostAddress>
#include <QObject>

class QSocketNotifier;
class QTcpSocket;

namespace kinlist::server {

// The server's end of one WebSocket (RFC 6455) over a TCP or TLS socket: the opening
// handshake's answer, frames out, messages in, pings and the closing handshake.
//
// The server's own instead of QWebSocket, measured (issue 15): QWebSocket hands every text
// message over as a QString, so each frame in and each frame out to every member went
// through UTF-8 -> UTF-16 -> UTF-8, and its per-socket objects cost about 4 KiB. Here a
// message stays the UTF-8 bytes it came as, one frame built once goes to many peers, and an
// idle connection holds no buffer of its own.
class WebSocketPeer : public QObject
{
    Q_OBJECT
public:
    // Takes over `socket`, whose HTTP request head is still unread.
    WebSocketPeer(QTcpSocket *socket, qint64 maxMessageBytes, QObject *parent = nullptr);
    ~WebSocketPeer() override;

    // Reads the request head and answers it: 101, or 400/426 with the reason (then the
    // socket closes, disconnected() follows, and false is returned).
    bool upgrade();
    // The answer to an upgrade request's head (the bytes before its blank line): "HTTP/1.1
    // 101 ..." with the accept key, or an HTTP error response. `ok` says which.
    static QByteArray handshakeResponse(const QByteArray &head, bool *ok);

    // Queues one text frame of these UTF-8 bytes (the caller made sure they are UTF-8);
    // flush() writes what was queued.
    void sendText(const QByteArray &utf8);
    void ping();
    // Sends a close frame. The connection ends when the peer answers with its own, or is
    // cut off by the caller.
    void close(quint16 code, const QString &reason);
    // Ends the connection at once, dropping what was not sent (disconnected() is emitted).
    void abort();
    void flush();
    // Queued and not yet taken by the kernel.
    qint64 bytesToWrite() const;
    // What the peer's close frame said: 1005 (no code given), or 1006 (none came).
    quint16 closeCode() const { return m_closeCode; }
    QHostAddress peerAddress() const;
    bool isConnected() const { return m_connected; }

Q_SIGNALS:
    void textReceived(const QByteArray &utf8);
    void binaryReceived(const QByteArray &data);
    // A pong or a ping came: the client is there.
    void heard();
    void disconnected();

private:
    bool takeOverDescriptor();
    void onReadable(); // plain TCP: the descriptor has bytes (or an end)
    void onWritable(); // plain TCP: the kernel takes more of m_pending
    void onReadyRead(); // TLS: the socket decrypted bytes
    void readMessages();
    void queueFrame(quint8 opcode, const QByteArray &payload);
    void fail(quint16 code);
    // Ends the TCP connection once what is queued is written.
    void disconnectFromHost();
    void closeDescriptor();
    void setDisconnected();
    bool socketHolds();

    // A frame queued since the last flush: its header, and its payload shared with every
    // other receiver of the same frame (not copied). (No header: the handshake's answer.)
    struct OutFrame
    {
        QByteArray payload;
        char head[10];
        quint8 headSize;
    };

    // Plain TCP is read and written on the descriptor itself, taken over from the gate's
    // QTcpSocket after the handshake: Qt's socket keeps a read buffer of 16 KiB (about 4 KiB
    // of it resident) and its objects for every connection, idle or not. TLS stays on the
    // QSslSocket (as does plain TCP when no descriptor is left to take it over with).
    QTcpSocket *m_socket;
    int m_fd = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_pending; // (m_fd) what the kernel has not taken yet
    bool m_closeWhenWritten = false;
    QHostAddress m_peerAddress;

    WebSocketReader m_reader;
    QList<OutFrame> m_out;
    qint64 m_outBytes = 0;
    bool m_tls = false;
    bool m_socketHolds = false; // bytes were handed to m_socket and may still wait there
    bool m_connected = true;
    quint16 m_closeCode = 1006;
    bool m_open = false; // the handshake is done and no close frame has gone out
};

} // namespace kinlist::server
