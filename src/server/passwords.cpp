#include "passwords.h"

#include <sodium.h>

#include <mutex>

namespace kinlist::server {

namespace {
void ensureSodium()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            qFatal("libsodium could not be initialised");
    });
}

void limitsFor(Passwords::Limits l, unsigned long long *ops, size_t *mem)
{
    switch (l) {
    case Passwords::Limits::Min:
        *ops = crypto_pwhash_OPSLIMIT_MIN;
        *mem = crypto_pwhash_MEMLIMIT_MIN;
        break;
    case Passwords::Limits::Interactive:
        *ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
        *mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
        break;
    case Passwords::Limits::Moderate:
        *ops = crypto_pwhash_OPSLIMIT_MODERATE;
        *mem = crypto_pwhash_MEMLIMIT_MODERATE;
        break;
    }
}
} // namespace

Passwords::Limits Passwords::limitsFromName(const QString &name)
{
    if (name == QLatin1String("min"))
        return Limits::Min;
    if (name == QLatin1String("moderate"))
        return Limits::Moderate;
    return Limits::Interactive;
}

QByteArray Passwords::hash(const QString &password, Limits limits)
{
    ensureSodium();
    unsigned long long ops = 0;
    size_t mem = 0;
    limitsFor(limits, &ops, &mem);
    const QByteArray pw = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, pw.constData(), quint64(pw.size()), ops, mem,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {};
    return QByteArray(out);
}

bool Passwords::verify(const QByteArray &encodedHash, const QString &password)
{
    ensureSodium();
    const QByteArray pw = password.toUtf8();
    return crypto_pwhash_str_verify(encodedHash.constData(), pw.constData(), quint64(pw.size())) ==
        0;
}

const QByteArray &Passwords::dummyHash(Limits limits)
{
    static std::mutex mutex;
    static QByteArray hashes[3];
    std::lock_guard<std::mutex> lock(mutex);
    QByteArray &h = hashes[int(limits)];
    if (h.isEmpty())
        h = hash(QString::fromLatin1(randomToken(16)), limits);
    return h;
}

QByteArray randomBytes(int bytes)
{
    ensureSodium();
    QByteArray buf(bytes, Qt::Uninitialized);
    randombytes_buf(buf.data(), size_t(bytes));
    return buf;
}

QByteArray randomToken(int bytes)
{
    return randomBytes(bytes).toBase64(QByteArray::Base64UrlEncoding |
                                       QByteArray::OmitTrailingEquals);
}

} // namespace kinlist::server
