// libFuzzer target: the server's WebSocket frame reader (src/server/websocketreader.cpp) on
// arbitrary bytes. Besides not crashing (ASan, UBSan): the messages do not depend on how
// the bytes were cut into reads, a text message is UTF-8, no message is over the limit,
// and the reader never holds more than it was given.
#include "server/websocketreader.h"

#include <QList>

#include <cstdint>
#include <cstdlib>

using kinlist::server::WebSocketReader;

namespace {

constexpr qint64 kMax = 4096;

QList<WebSocketReader::Message> readAll(const QByteArray &bytes, qsizetype chunk)
{
    WebSocketReader r(kMax);
    QList<WebSocketReader::Message> out;
    for (qsizetype at = 0; at < bytes.size(); at += chunk) {
        r.append(bytes.mid(at, chunk));
        if (r.heldBytes() > bytes.size())
            std::abort();
        for (;;) {
            WebSocketReader::Message m = r.next();
            if (m.kind == WebSocketReader::Kind::NeedMore)
                break;
            out.append(m);
            if (m.kind == WebSocketReader::Kind::Failed)
                return out;
        }
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte says how the rest is cut into reads.
    const qsizetype chunk = 1 + data[0] % 17;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const auto whole = readAll(bytes, qMax<qsizetype>(1, bytes.size()));
    const auto cut = readAll(bytes, chunk);
    if (whole.size() != cut.size())
        std::abort();
    for (qsizetype i = 0; i < whole.size(); ++i) {
        const WebSocketReader::Message &m = whole.at(i);
        if (m.kind != cut.at(i).kind || m.payload != cut.at(i).payload || m.code != cut.at(i).code)
            std::abort();
        if (m.payload.size() > kMax)
            std::abort();
        if (m.kind == WebSocketReader::Kind::Text && !m.payload.isValidUtf8())
            std::abort();
        if (m.kind == WebSocketReader::Kind::Close && m.code != 1005 &&
            !WebSocketReader::isValidCloseCode(m.code))
            std::abort();
    }
    return 0;
}
