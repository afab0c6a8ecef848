#include "errors.h"

#include <array>
#include <utility>

namespace kinlist {

namespace {
constexpr std::array<std::pair<ErrorCode, const char *>, 29> kNames {{
    {ErrorCode::None, "none"},
    {ErrorCode::BadJson, "bad_json"},
    {ErrorCode::BadMessage, "bad_message"},
    {ErrorCode::UnknownType, "unknown_type"},
    {ErrorCode::MissingField, "missing_field"},
    {ErrorCode::WrongType, "wrong_type"},
    {ErrorCode::BadUuid, "bad_uuid"},
    {ErrorCode::TooLong, "too_long"},
    {ErrorCode::BadValue, "bad_value"},
    {ErrorCode::FrameTooLarge, "frame_too_large"},
    {ErrorCode::RateLimited, "rate_limited"},
    {ErrorCode::HelloRequired, "hello_required"},
    {ErrorCode::AuthTimeout, "auth_timeout"},
    {ErrorCode::VersionUnsupported, "version_unsupported"},
    {ErrorCode::Unauthenticated, "unauthenticated"},
    {ErrorCode::AuthFailed, "auth_failed"},
    {ErrorCode::TokenExpired, "token_expired"},
    {ErrorCode::TokenInvalid, "token_invalid"},
    {ErrorCode::Forbidden, "forbidden"},
    {ErrorCode::NotFound, "not_found"},
    {ErrorCode::Conflict, "conflict"},
    {ErrorCode::InviteInvalid, "invite_invalid"},
    {ErrorCode::LastOwner, "last_owner"},
    {ErrorCode::TooManyConnections, "too_many_connections"},
    {ErrorCode::ClientIdTaken, "client_id_taken"},
    {ErrorCode::StorageError, "storage_error"},
    {ErrorCode::Internal, "internal"},
    {ErrorCode::ShuttingDown, "shutting_down"},
    {ErrorCode::OutOfOrder, "out_of_order"},
}};
} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto &[c, name] : kNames) {
        if (c == code)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("internal");
}

ErrorCode errorCodeFromName(const QString &name)
{
    for (const auto &[c, n] : kNames) {
        if (name == QLatin1String(n))
            return c;
    }
    return ErrorCode::Internal;
}

} // namespace kinlist
