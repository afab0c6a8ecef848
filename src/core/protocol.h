#pragma once

#include "errors.h"
#include "op.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace kinlist::Protocol {

// Versions spoken in "hello": this side's newest, and the oldest a server still speaks
// (to any other it answers version_unsupported). Version 2: a mutation's sender gets its
// ack only, not the op frame too (the ack carries the seq and the op as applied).
constexpr int kVersion = 2;
constexpr int kMinVersion = 1;
// Largest frame a server accepts from a client (64 KiB).
constexpr int kMaxFrameBytes = 64 * 1024;

// A mutate request's parts.
struct MutateRequest
{
    QString clientId;
    qint64 mutationId = 0;
    QString listId;
    Op op;
    // What is wrong with the op: answered after the checks for a resend and for order, so
    // a resend is answered as one whatever its op.
    Error opError;
};

// The result of decoding one client frame. `id` is the request id when the frame had a
// usable one (so an error reply can echo it), else -1.
struct Decoded
{
    QJsonObject message; // (empty for a mutate read by the fast path)
    QString type;
    qint64 id = -1;
    Error error;
    std::optional<MutateRequest> mutate; // a valid mutate frame's parts
};

// Parses and strictly validates a client-to-server frame against the message catalogue
// (docs/protocol.md): JSON object, no object repeating a key, known type, required fields
// present, no unknown fields, right JSON types, UUIDs well formed, strings and numbers
// within their limits. The op of a mutate frame is decoded too (Op::fromJson), its fault
// kept in `mutate->opError`. Mutate frames, the ones a busy server gets most, are first
// tried on decodeMutate unless `path` is General.
enum class DecodePath { Any, General };
Decoded decodeRequest(const QByteArray &frame, DecodePath path = DecodePath::Any);

// The fast path: reads a mutate frame with JsonReader and Op::readJson, without building
// QJsonObjects for it (Qt's parser and the checks on its objects were 39 % of the server's
// instructions per op, issue 15). True only for a frame the general path accepts with the
// same result; false for any other frame, or one outside JsonReader's subset.
bool decodeMutate(const QByteArray &frame, qint64 *id, MutateRequest *out);

// Parses a server-to-client frame: an object with a string "type". Lenient on the rest,
// since clients read only the fields they know.
Decoded decodeServerFrame(const QByteArray &frame);

QByteArray encode(const QJsonObject &message);

// Builders for server frames.
QJsonObject reply(qint64 id, const QJsonObject &result);
QJsonObject error(qint64 id, const Error &error);

} // namespace kinlist::Protocol
