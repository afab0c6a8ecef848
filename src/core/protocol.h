#pragma once

#include "errors.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace kinlist::Protocol {

// Versions spoken in "hello": this side's newest, and the oldest a server still speaks
// (to any other it answers version_unsupported). Version 2: a mutation's sender gets its
// ack only, not the op frame too (the ack carries the seq and the op as applied).
constexpr int kVersion = 2;
constexpr int kMinVersion = 1;
// Largest frame a server accepts from a client (64 KiB).
constexpr int kMaxFrameBytes = 64 * 1024;

// The result of decoding one client frame. `id` is the request id when the frame had a
// usable one (so an error reply can echo it), else -1.
struct Decoded
{
    QJsonObject message;
    QString type;
    qint64 id = -1;
    Error error;
};

// Parses and strictly validates a client-to-server frame against the message catalogue
// (docs/protocol.md): JSON object, no object repeating a key, known type, required fields
// present, no unknown fields, right JSON types, UUIDs well formed, strings and numbers
// within their limits.
// Nested ops (mutate.op) are checked by Op::fromJson by the caller.
Decoded decodeRequest(const QByteArray &frame);

// Parses a server-to-client frame: an object with a string "type". Lenient on the rest,
// since clients read only the fields they know.
Decoded decodeServerFrame(const QByteArray &frame);

QByteArray encode(const QJsonObject &message);

// Builders for server frames.
QJsonObject reply(qint64 id, const QJsonObject &result);
QJsonObject error(qint64 id, const Error &error);

} // namespace kinlist::Protocol
