#pragma once

#include <QString>

namespace kinlist {

// Stable error codes shared by the wire protocol, the server and the clients. The string
// form (errorCodeName) is what goes on the wire; never rename one, only add.
enum class ErrorCode {
    None = 0,
    BadJson, // frame is not valid JSON
    BadMessage, // JSON but not an object
    UnknownType, // "type" is not a message type this server knows
    MissingField, // a required field is absent
    WrongType, // a field has the wrong JSON type
    BadUuid, // a field that must be a UUID is not one
    TooLong, // a string or array is over its length limit
    BadValue, // a field's value is out of range or not allowed
    FrameTooLarge, // frame over the size limit
    RateLimited, // too many frames on this connection
    HelloRequired, // first frame was not "hello"
    AuthTimeout, // no hello / authentication within the deadline
    VersionUnsupported, // protocol version not spoken by this server
    Unauthenticated, // request needs a signed-in connection
    AuthFailed, // wrong email or password
    TokenExpired, // access or refresh token expired
    TokenInvalid, // token malformed, bad signature, wrong audience, revoked
    Forbidden, // signed in, but not allowed (not a member, wrong role)
    NotFound, // unknown household, list, item or user
    Conflict, // already exists (email, id in another list)
    InviteInvalid, // invite code unknown, expired or used up
    LastOwner, // the last owner cannot leave a household with members
    TooManyConnections, // per-user connection cap reached
    ClientIdTaken, // client id belongs to another account
    StorageError, // the server could not save; nothing was applied
    Internal, // unexpected server fault
    ShuttingDown, // server is stopping
    OutOfOrder, // a mutation id came before an earlier one of the same client was applied
};

QString errorCodeName(ErrorCode code);
ErrorCode errorCodeFromName(const QString &name);

// The one error shape of the core layer: a stable code plus a sentence for humans.
struct Error
{
    ErrorCode code = ErrorCode::None;
    QString message;

    bool isError() const { return code != ErrorCode::None; }
    explicit operator bool() const { return isError(); }
};

} // namespace kinlist
