#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpSocket>

// A WebSocket client written on a bare QTcpSocket, for what QWebSocket will not do: send a
// text frame that is not UTF-8, or stop reading altogether (a stalled peer whose socket
// buffers fill up). Frames it sends are masked as a client's must be; frames it receives
// are kept as they come.
class RawWebSocket : public QObject
{
    Q_OBJECT
public:
    explicit RawWebSocket(QObject *parent = nullptr);

    // Connects to 127.0.0.1:`port` and completes the opening handshake.
    bool open(quint16 port, int timeoutMs = 5000);
    // One whole frame (FIN set) with this opcode: 0x1 text, 0x2 binary, 0x8 close.
    void sendFrame(quint8 opcode, const QByteArray &payload);
    void sendText(const QByteArray &utf8) { sendFrame(0x1, utf8); }
    // Any frame, as a broken or unusual client would send it: `firstByte` holds FIN, the
    // reserved bits and the opcode; `masked` false leaves out the mask a client must use.
    void sendRawFrame(quint8 firstByte, const QByteArray &payload, bool masked = true);
    // Sends the handshake request with these header lines in place of the usual ones, and
    // returns the server's whole response head (empty: none within the time).
    QByteArray openWith(quint16 port, const QByteArray &headerLines, int timeoutMs = 5000);
    // From now on nothing is read: the kernel's buffers fill and the server's writes stall.
    void stopReading();
    // Reads again, from what waited in the kernel.
    void resumeReading();
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool waitDisconnected(int timeoutMs = 10000);

    // Text messages received so far (while reading), and the close frame's code (-1: none).
    QList<QByteArray> texts() const { return m_texts; }
    int closeCode() const { return m_closeCode; }
    // The close frame's reason, and the payloads of the pongs received.
    QByteArray closeReason() const { return m_closeReason; }
    QList<QByteArray> pongs() const { return m_pongs; }
    QTcpSocket &socket() { return m_socket; }

private:
    void onReadyRead();

    QTcpSocket m_socket;
    QByteArray m_in;
    QByteArray m_message; // a fragmented message so far
    QList<QByteArray> m_texts;
    int m_closeCode = -1;
    QByteArray m_closeReason;
    QList<QByteArray> m_pongs;
    QByteArray m_responseHead;
    bool m_handshakeDone = false;
    bool m_reading = true;
};
