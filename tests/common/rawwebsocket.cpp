#include "rawwebsocket.h"

#include <QRandomGenerator>
#include <QTest>
#include <QtEndian>

RawWebSocket::RawWebSocket(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &RawWebSocket::onReadyRead);
}

bool RawWebSocket::open(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    if (!m_socket.waitForConnected(timeoutMs))
        return false;
    m_socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                   "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                   "Sec-WebSocket-Version: 13\r\n\r\n");
    return QTest::qWaitFor([this] { return m_handshakeDone || !isConnected(); }, timeoutMs) &&
        m_handshakeDone;
}

QByteArray RawWebSocket::openWith(quint16 port, const QByteArray &headerLines, int timeoutMs)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    if (!m_socket.waitForConnected(timeoutMs))
        return {};
    m_socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headerLines + "\r\n");
    if (!QTest::qWaitFor([this] { return !m_responseHead.isEmpty() || !isConnected(); }, timeoutMs))
        return {};
    return m_responseHead;
}

void RawWebSocket::sendFrame(quint8 opcode, const QByteArray &payload)
{
    sendRawFrame(0x80 | opcode, payload);
}

void RawWebSocket::sendRawFrame(quint8 firstByte, const QByteArray &payload, bool masked)
{
    QByteArray frame;
    frame.append(char(firstByte));
    const char maskBit = masked ? char(0x80) : char(0);
    const qint64 n = payload.size();
    if (n < 126) {
        frame.append(char(maskBit | n));
    } else if (n < 65536) {
        frame.append(char(maskBit | 126));
        frame.append(char(n >> 8)).append(char(n & 0xff));
    } else {
        frame.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((n >> shift) & 0xff));
    }
    if (!masked) {
        frame.append(payload);
    } else {
        const quint32 key = QRandomGenerator::global()->generate();
        char mask[4];
        qToBigEndian(key, mask);
        frame.append(mask, 4);
        for (qint64 i = 0; i < n; ++i)
            frame.append(char(payload.at(i) ^ mask[i % 4]));
    }
    m_socket.write(frame);
    m_socket.flush();
}

void RawWebSocket::stopReading()
{
    m_reading = false;
    // Qt reads into its own buffer as long as there is room; with room for one byte the
    // rest stays in the kernel, whose buffers then fill.
    m_socket.setReadBufferSize(1);
}

void RawWebSocket::resumeReading()
{
    m_reading = true;
    m_socket.setReadBufferSize(0);
    onReadyRead();
}

bool RawWebSocket::waitDisconnected(int timeoutMs)
{
    return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                           timeoutMs);
}

void RawWebSocket::onReadyRead()
{
    if (!m_reading)
        return;
    m_in += m_socket.readAll();
    if (!m_handshakeDone) {
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        m_responseHead = m_in.left(end + 4);
        m_handshakeDone = m_in.startsWith("HTTP/1.1 101");
        m_in.remove(0, end + 4);
        if (!m_handshakeDone)
            return;
    }
    for (;;) {
        if (m_in.size() < 2)
            return;
        const quint8 b0 = quint8(m_in.at(0));
        qint64 len = quint8(m_in.at(1)) & 0x7f;
        qsizetype head = 2;
        if (len == 126) {
            if (m_in.size() < 4)
                return;
            len = (qint64(quint8(m_in.at(2))) << 8) | quint8(m_in.at(3));
            head = 4;
        } else if (len == 127) {
            if (m_in.size() < 10)
                return;
            len = 0;
            for (int i = 2; i < 10; ++i)
                len = (len << 8) | quint8(m_in.at(i));
            head = 10;
        }
        if (m_in.size() < head + len)
            return;
        const QByteArray payload = m_in.mid(head, len);
        m_in.remove(0, head + len);
        const quint8 opcode = b0 & 0x0f;
        if (opcode == 0x8) {
            m_closeCode =
                payload.size() >= 2 ? (quint8(payload.at(0)) << 8) | quint8(payload.at(1)) : 1005;
            m_closeReason = payload.mid(2);
            continue;
        }
        if (opcode == 0x9) { // ping: answer, as every client must
            sendFrame(0xA, payload);
            continue;
        }
        if (opcode == 0xA) {
            m_pongs.append(payload);
            continue;
        }
        if (opcode == 0x1 || opcode == 0x0)
            m_message += payload;
        if ((b0 & 0x80) && (opcode == 0x1 || opcode == 0x0))
            m_texts.append(std::exchange(m_message, {}));
    }
}
