#pragma once

#include <QByteArray>
#include <QString>

namespace kinlist::server {

// Argon2id password hashing through libsodium. Both calls are slow on purpose (tens of
// milliseconds and up to 64 MiB): run them off the event loop.
class Passwords
{
public:
    enum class Limits { Min, Interactive, Moderate };
    static Limits limitsFromName(const QString &name);

    // Returns the encoded hash ("$argon2id$v=19$m=...") or an empty string on failure.
    static QByteArray hash(const QString &password, Limits limits);
    static bool verify(const QByteArray &encodedHash, const QString &password);
    // A valid hash of a random password, verified against when an email is unknown, so
    // that a failed login takes as long whether or not the account exists.
    static const QByteArray &dummyHash(Limits limits);
};

// Random bytes from libsodium, base64url-encoded without padding.
QByteArray randomToken(int bytes);
// Bytes from libsodium's CSPRNG.
QByteArray randomBytes(int bytes);

} // namespace kinlist::server
