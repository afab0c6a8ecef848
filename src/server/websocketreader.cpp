#include "websocketreader.h"

#include <cstring>

namespace kinlist::server {

namespace {

void unmask(char *data, qsizetype n, const uchar *key)
{
    // Eight bytes at a time, then the rest.
    quint64 wide;
    uchar k8[8];
    for (int i = 0; i < 8; ++i)
        k8[i] = key[i % 4];
    std::memcpy(&wide, k8, 8);
    qsizetype i = 0;
    for (; i + 8 <= n; i += 8) {
        quint64 v;
        std::memcpy(&v, data + i, 8);
        v ^= wide;
        std::memcpy(data + i, &v, 8);
    }
    for (; i < n; ++i)
        data[i] = char(data[i] ^ key[i % 4]);
}

} // namespace

bool WebSocketReader::isValidCloseCode(quint16 code)
{
    // RFC 6455 section 7.4 and IANA's registry: 1004-1006 and 1015 are never sent.
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) ||
        (code >= 3000 && code <= 4999);
}

void WebSocketReader::append(QByteArray bytes)
{
    if (m_failed || m_closed || bytes.isEmpty())
        return;
    if (m_pos == m_in.size()) {
        m_in = std::move(bytes);
        m_pos = 0;
    } else {
        m_in.append(bytes);
    }
}

WebSocketReader::Message WebSocketReader::fail(quint16 code)
{
    m_failed = code;
    m_in.clear();
    m_pos = 0;
    m_message.clear();
    return {Kind::Failed, {}, code};
}

WebSocketReader::Message WebSocketReader::needMore()
{
    // Keep only the start of a frame not whole yet; an idle connection keeps no buffer.
    if (m_pos == m_in.size()) {
        m_in.clear();
        m_pos = 0;
    } else if (m_pos > 0) {
        m_in.remove(0, m_pos);
        m_pos = 0;
    }
    return {};
}

WebSocketReader::Message WebSocketReader::next()
{
    if (m_failed)
        return {Kind::Failed, {}, m_failed};
    if (m_closed)
        return {};
    for (;;) {
        const qsizetype avail = m_in.size() - m_pos;
        if (avail < 2)
            return needMore();
        const auto *p = reinterpret_cast<const uchar *>(m_in.constData()) + m_pos;
        const bool fin = p[0] & 0x80;
        const int opcode = p[0] & 0x0f;
        const bool control = opcode & 0x8;
        if ((p[0] & 0x70) || !(p[1] & 0x80))
            return fail(1002); // a reserved bit, or a frame not masked
        if (control ? (opcode > 0xA || !fin || (p[1] & 0x7f) > 125) : opcode > 0x2)
            return fail(1002); // an unknown opcode, or a fragmented or long control frame
        quint64 len = p[1] & 0x7f;
        qsizetype head = 2;
        if (len == 126) {
            if (avail < 4)
                return needMore();
            len = (quint64(p[2]) << 8) | p[3];
            head = 4;
        } else if (len == 127) {
            if (avail < 10)
                return needMore();
            len = 0;
            for (int i = 2; i < 10; ++i)
                len = (len << 8) | p[i];
            head = 10;
            if (len >> 63)
                return fail(1002);
        }
        if (!control) {
            // A continuation needs a message to continue; a new message needs the last one
            // to have ended.
            if ((opcode == 0) != (m_fragmented != Kind::NeedMore))
                return fail(1002);
            if (len > quint64(m_max - m_message.size()))
                return fail(1009);
        }
        head += 4;
        if (avail < head || quint64(avail - head) < len)
            return needMore();
        QByteArray payload(reinterpret_cast<const char *>(p) + head, qsizetype(len));
        unmask(payload.data(), payload.size(), p + head - 4);
        m_pos += head + qsizetype(len);

        if (control) {
            if (opcode == 0x9)
                return {Kind::Ping, payload, 0};
            if (opcode == 0xA)
                return {Kind::Pong, payload, 0};
            // Close: a code of two bytes and a UTF-8 reason, or nothing at all.
            if (payload.size() == 1)
                return fail(1002);
            quint16 code = 1005;
            if (payload.size() >= 2) {
                code = quint16((quint8(payload.at(0)) << 8) | quint8(payload.at(1)));
                if (!isValidCloseCode(code))
                    return fail(1002);
                payload.remove(0, 2);
                if (!payload.isValidUtf8())
                    return fail(1007);
            }
            m_closed = true;
            m_in.clear();
            m_pos = 0;
            m_message.clear();
            return {Kind::Close, payload, code};
        }
        if (opcode != 0)
            m_fragmented = opcode == 0x1 ? Kind::Text : Kind::Binary;
        if (!fin) {
            m_message.append(payload);
            continue;
        }
        QByteArray message = m_message.isEmpty() ? std::move(payload) : m_message + payload;
        m_message.clear();
        const Kind kind = std::exchange(m_fragmented, Kind::NeedMore);
        if (kind == Kind::Text && !message.isValidUtf8())
            return fail(1007);
        return {kind, message, 0};
    }
}

} // namespace kinlist::server
