#include "tokens.h"

#include "core/uuid.h"
#include "logging.h"
#include "passwords.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

#include <fcntl.h>
#include <jwt.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace kinlist::server {

namespace {
struct JwtDeleter
{
    void operator()(jwt_t *j) const { jwt_free(j); }
};
using JwtPtr = std::unique_ptr<jwt_t, JwtDeleter>;
} // namespace

bool Tokens::loadOrCreateSecret(const QString &dataDir, QString *error)
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("jwt-secret"));
    const QByteArray native = QFile::encodeName(path);
    int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            const QByteArray secret = randomBytes(kTokenSecretBytes);
            const bool ok =
                ::write(fd, secret.constData(), size_t(secret.size())) == secret.size() &&
                ::fsync(fd) == 0;
            ::close(fd);
            if (!ok) {
                ::unlink(native.constData());
                *error = QStringLiteral("could not write %1").arg(path);
                return false;
            }
            qCInfo(lcAuth) << "created a new token secret in" << path;
            m_secret = secret;
            return true;
        }
    }
    if (fd < 0) {
        *error = QStringLiteral("could not open %1: %2")
                     .arg(path, QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    struct stat st;
    if (::fstat(fd, &st) == 0 && (st.st_mode & 077) != 0) {
        qCWarning(lcAuth) << "token secret was readable by others; setting mode 0600";
        ::fchmod(fd, 0600);
    }
    QByteArray secret(kTokenSecretBytes, Qt::Uninitialized);
    const ssize_t n = ::read(fd, secret.data(), size_t(kTokenSecretBytes));
    ::close(fd);
    if (n != kTokenSecretBytes) {
        *error = QStringLiteral("token secret %1 is damaged (expected %2 bytes)")
                     .arg(path)
                     .arg(kTokenSecretBytes);
        return false;
    }
    m_secret = secret;
    return true;
}

QByteArray Tokens::sign(const QByteArray &secret, const QString &userId, qint64 iat, qint64 exp,
                        const char *audience, qint64 generation)
{
    jwt_t *raw = nullptr;
    if (jwt_new(&raw) != 0)
        return {};
    JwtPtr jwt(raw);
    if (jwt_add_grant(jwt.get(), "iss", kIssuer) || jwt_add_grant(jwt.get(), "aud", audience) ||
        jwt_add_grant(jwt.get(), "sub", userId.toUtf8().constData()) ||
        jwt_add_grant_int(jwt.get(), "iat", long(iat)) ||
        jwt_add_grant_int(jwt.get(), "exp", long(exp)) ||
        jwt_add_grant_int(jwt.get(), "gen", long(generation)) ||
        jwt_set_alg(jwt.get(), JWT_ALG_HS256,
                    reinterpret_cast<const unsigned char *>(secret.constData()),
                    int(secret.size())))
        return {};
    char *encoded = jwt_encode_str(jwt.get());
    if (!encoded)
        return {};
    QByteArray out(encoded);
    free(encoded);
    return out;
}

QByteArray Tokens::issue(const QString &userId, qint64 issuedAtSec, qint64 expiresAtSec,
                         qint64 generation) const
{
    return sign(m_secret, userId, issuedAtSec, expiresAtSec, kAudience, generation);
}

Tokens::Claims Tokens::verify(const QByteArray &token, qint64 nowSec, Error *error) const
{
    auto invalid = [&](const char *why) {
        *error = Error {ErrorCode::TokenInvalid,
                        QStringLiteral("access token refused: %1").arg(QLatin1String(why))};
        return Claims {};
    };
    if (token.isEmpty() || token.count('.') != 2)
        return invalid("malformed");
    jwt_t *raw = nullptr;
    const QByteArray terminated = token; // QByteArray keeps a trailing NUL
    if (jwt_decode(&raw, terminated.constData(),
                   reinterpret_cast<const unsigned char *>(m_secret.constData()),
                   int(m_secret.size())) != 0 ||
        !raw)
        return invalid("bad signature or format");
    JwtPtr jwt(raw);
    // Never accept "none" or another algorithm than the one we sign with.
    if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256)
        return invalid("wrong algorithm");
    const char *iss = jwt_get_grant(jwt.get(), "iss");
    const char *aud = jwt_get_grant(jwt.get(), "aud");
    const char *sub = jwt_get_grant(jwt.get(), "sub");
    if (!iss || std::strcmp(iss, kIssuer) != 0)
        return invalid("wrong issuer");
    if (!aud || std::strcmp(aud, kAudience) != 0)
        return invalid("wrong audience");
    if (!sub || !isValidUuid(QString::fromUtf8(sub)))
        return invalid("no subject");
    errno = 0;
    const long exp = jwt_get_grant_int(jwt.get(), "exp");
    if (errno != 0 || exp <= 0)
        return invalid("no expiry");
    errno = 0;
    const long iat = jwt_get_grant_int(jwt.get(), "iat");
    if (errno != 0 || iat <= 0)
        return invalid("no issue time");
    // Even a token signed with our key lives at most 15 minutes, and not from the future.
    if (exp - iat > kMaxLifetimeSec)
        return invalid("lifetime over 15 minutes");
    if (iat > nowSec + kMaxIssuedAheadSec)
        return invalid("issued in the future");
    // Tokens from before generations existed carry none: generation 0.
    errno = 0;
    long generation = jwt_get_grant_int(jwt.get(), "gen");
    if (errno == ENOENT)
        generation = 0;
    else if (errno != 0 || generation < 0)
        return invalid("bad generation");
    if (exp <= nowSec) {
        *error = Error {ErrorCode::TokenExpired, QStringLiteral("access token expired")};
        return {};
    }
    *error = {};
    return Claims {QString::fromUtf8(sub), exp, generation};
}

QByteArray hashRefreshToken(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

} // namespace kinlist::server
