#pragma once

#include <QByteArray>

namespace kinlist::server {

// Reads what a WebSocket client sends (RFC 6455, section 5) from the bytes of its
// connection and puts the frames together into messages. No socket here, so tests and the
// fuzzer can feed it byte by byte. The server negotiates no extension, so a reserved bit
// is a protocol error, and a client's frames must be masked.
class WebSocketReader
{
public:
    enum class Kind { NeedMore, Text, Binary, Ping, Pong, Close, Failed };
    struct Message
    {
        Kind kind = Kind::NeedMore;
        QByteArray payload; // unmasked; for Close, its reason (UTF-8)
        // Close: the peer's code (1005: it gave none). Failed: the code to close with
        // (1002 protocol error, 1007 text that is not UTF-8, 1009 a message over the limit).
        quint16 code = 0;
    };

    explicit WebSocketReader(qint64 maxMessageBytes)
        : m_max(maxMessageBytes)
    { }

    void append(QByteArray bytes);
    // The next whole message, or NeedMore until its last byte has come. After Close nothing
    // more is read (NeedMore); after Failed, Failed again.
    Message next();
    // Bytes held for a frame or a fragmented message not whole yet (none: no buffer kept).
    qsizetype heldBytes() const { return m_in.size() - m_pos + m_message.size(); }

    static bool isValidCloseCode(quint16 code);

private:
    Message fail(quint16 code);
    Message needMore();

    QByteArray m_in;
    qsizetype m_pos = 0; // where the next frame starts in m_in
    QByteArray m_message; // the fragments of a message so far
    Kind m_fragmented = Kind::NeedMore; // Text or Binary while a message's fragments come
    qint64 m_max;
    quint16 m_failed = 0;
    bool m_closed = false;
};

} // namespace kinlist::server
