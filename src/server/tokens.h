#pragma once

#include "core/errors.h"

#include <QByteArray>
#include <QString>

namespace kinlist::server {

// Access tokens: JWT, HS256, signed and checked with libjwt. Claims: iss "kinlist-server",
// aud "kinlist", sub (user id), iat, exp. The secret is 32 random bytes made on first start
// and kept in the data directory with mode 0600.
class Tokens
{
public:
    static constexpr const char *kIssuer = "kinlist-server";
    static constexpr const char *kAudience = "kinlist";

    // Loads <dataDir>/jwt-secret, creating it (0600) if it does not exist.
    bool loadOrCreateSecret(const QString &dataDir, QString *error);
    void setSecret(const QByteArray &secret) { m_secret = secret; }

    // Signs a token for `userId` that expires at `expiresAtSec` (Unix seconds).
    QByteArray issue(const QString &userId, qint64 issuedAtSec, qint64 expiresAtSec) const;

    struct Claims
    {
        QString userId;
        qint64 expiresAtSec = 0;
    };
    // Checks signature, algorithm, issuer, audience and expiry against `nowSec`.
    Claims verify(const QByteArray &token, qint64 nowSec, Error *error) const;

    // For tests: a token with any claims, signed with `secret`.
    static QByteArray sign(const QByteArray &secret, const QString &userId, qint64 iat, qint64 exp,
                           const char *audience = kAudience);

private:
    QByteArray m_secret;
};

// Refresh tokens are opaque random strings; the server keeps only their SHA-256.
QByteArray hashRefreshToken(const QString &token);

} // namespace kinlist::server
