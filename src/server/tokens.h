#pragma once

#include "core/errors.h"

#include <QByteArray>
#include <QString>

namespace kinlist::server {

// Access tokens: JWT, HS256, signed and checked with libjwt. Claims: iss "kinlist-server",
// aud "kinlist", sub (user id), iat, exp, gen (the account's token generation: "sign out
// everywhere" moves it on). The secret is 32 random bytes (kTokenSecretBytes) made on first
// start and kept in the data directory with mode 0600, or in PostgreSQL for every node.
constexpr int kTokenSecretBytes = 32;

class Tokens
{
public:
    static constexpr const char *kIssuer = "kinlist-server";
    static constexpr const char *kAudience = "kinlist";
    // The longest an access token may live (exp - iat), whoever signed it.
    static constexpr qint64 kMaxLifetimeSec = 15 * 60;
    // How far a token's iat may be ahead of this server's clock.
    static constexpr qint64 kMaxIssuedAheadSec = 60;

    // Loads <dataDir>/jwt-secret, creating it (0600) if it does not exist.
    bool loadOrCreateSecret(const QString &dataDir, QString *error);
    void setSecret(const QByteArray &secret) { m_secret = secret; }

    // Signs a token for `userId` that expires at `expiresAtSec` (Unix seconds).
    QByteArray issue(const QString &userId, qint64 issuedAtSec, qint64 expiresAtSec,
                     qint64 generation) const;

    struct Claims
    {
        QString userId;
        qint64 expiresAtSec = 0;
        qint64 generation = 0;
    };
    // Checks signature, algorithm, issuer, audience, lifetime and expiry against `nowSec`.
    // The generation is the caller's to compare with the account's.
    Claims verify(const QByteArray &token, qint64 nowSec, Error *error) const;

    // For tests: a token with any claims, signed with `secret`.
    static QByteArray sign(const QByteArray &secret, const QString &userId, qint64 iat, qint64 exp,
                           const char *audience = kAudience, qint64 generation = 0);

private:
    QByteArray m_secret;
};

// Refresh tokens are opaque random strings; the server keeps only their SHA-256.
QByteArray hashRefreshToken(const QString &token);

} // namespace kinlist::server
