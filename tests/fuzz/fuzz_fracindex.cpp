// libFuzzer target: FracIndex::between on two valid keys, built from the input's bytes
// (a head letter, then base-62 digits, up to 200 characters). The key it returns must be
// valid, strictly between the two, and at most one character longer than the longer of
// them; it may be empty only where that would pass the 200-character limit.
#include "core/fracindex.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

namespace {
const char kHeads[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// A key from the bytes at `pos`: empty (an end) for a zero length byte.
QString key(const uint8_t *data, size_t size, size_t *pos)
{
    if (*pos >= size)
        return {};
    const int length = data[(*pos)++] % (kinlist::FracIndex::kMaxLength + 1);
    if (length == 0 || *pos >= size)
        return {};
    QString k {QLatin1Char(kHeads[data[(*pos)++] % 52])};
    while (k.size() < length) {
        const uint8_t b = *pos < size ? data[(*pos)++] : 0;
        k += QLatin1Char(kDigits[b % 62]);
    }
    return k;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t pos = 0;
    QString a = key(data, size, &pos);
    QString b = key(data, size, &pos);
    using namespace kinlist;
    if ((!a.isEmpty() && !FracIndex::isValid(a)) || (!b.isEmpty() && !FracIndex::isValid(b)))
        return 0;
    if (!a.isEmpty() && !b.isEmpty()) {
        if (a == b)
            return 0;
        if (b < a)
            std::swap(a, b);
    }
    const QString k = FracIndex::between(a, b);
    const qsizetype longest = std::max<qsizetype>({a.size(), b.size(), 2});
    if (k.isEmpty()) {
        if (longest + 1 <= FracIndex::kMaxLength)
            std::abort(); // there was room for a key
        return 0;
    }
    if (!FracIndex::isValid(k) || k.size() > longest + 1)
        std::abort();
    if ((!a.isEmpty() && !(a < k)) || (!b.isEmpty() && !(k < b)))
        std::abort();
    return 0;
}
