#include "fracindex.h"

#include <cmath>

namespace kinlist::FracIndex {

namespace {
const QString kDigits =
    QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

int digitValue(QChar c)
{
    return int(kDigits.indexOf(c));
}

// Greenspan's midpoint on fractions without an integer part; `b` empty means 1.0.
QString midpoint(const QString &a, const QString &b, bool bIsEnd)
{
    if (!bIsEnd) {
        int n = 0;
        while (n < b.size() && (n < a.size() ? a.at(n) : kDigits.at(0)) == b.at(n))
            ++n;
        if (n > 0)
            return b.left(n) + midpoint(a.mid(n), b.mid(n), false);
    }
    const int digitA = a.isEmpty() ? 0 : digitValue(a.at(0));
    const int digitB = bIsEnd ? int(kDigits.size()) : digitValue(b.at(0));
    if (digitB - digitA > 1) {
        const int mid = int(std::lround(0.5 * (digitA + digitB)));
        return QString(kDigits.at(mid));
    }
    if (!bIsEnd && b.size() > 1)
        return b.left(1);
    return QString(kDigits.at(digitA)) + midpoint(a.mid(1), QString(), true);
}
} // namespace

QString between(const QString &before, const QString &after)
{
    return midpoint(before, after, after.isEmpty());
}

bool isValid(const QString &key)
{
    if (key.isEmpty() || key.size() > kMaxLength || key.endsWith(QLatin1Char('0')))
        return false;
    for (QChar c : key) {
        if (digitValue(c) < 0)
            return false;
    }
    return true;
}

} // namespace kinlist::FracIndex
