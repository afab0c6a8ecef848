#include "fracindex.h"

#include <cmath>
#include <optional>

namespace kinlist::FracIndex {

namespace {
const QString kDigits =
    QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
constexpr int kBase = 62;

int digitValue(QChar c)
{
    return int(kDigits.indexOf(c));
}

// Length of the integer part announced by its head letter: a..z -> 2..27, Z..A -> 2..27.
int integerLength(QChar head)
{
    const ushort h = head.unicode();
    if (h >= 'a' && h <= 'z')
        return h - 'a' + 2;
    if (h >= 'A' && h <= 'Z')
        return 'Z' - h + 2;
    return -1;
}

const QString &smallestInteger()
{
    static const QString s = QStringLiteral("A") + QString(26, QLatin1Char('0'));
    return s;
}

QString integerPart(const QString &key)
{
    return key.left(integerLength(key.at(0)));
}

// Midpoint of two fractions (digits after the point), b empty meaning 1.0.
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
    const int digitB = bIsEnd ? kBase : digitValue(b.at(0));
    if (digitB - digitA > 1)
        return QString(kDigits.at(int(std::lround(0.5 * (digitA + digitB)))));
    if (!bIsEnd && b.size() > 1)
        return b.left(1);
    return QString(kDigits.at(digitA)) + midpoint(a.mid(1), QString(), true);
}

std::optional<QString> incrementInteger(const QString &x)
{
    QChar head = x.at(0);
    QString digits = x.mid(1);
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const int d = digitValue(digits.at(i)) + 1;
        if (d < kBase) {
            digits[i] = kDigits.at(d);
            return QString(head) + digits;
        }
        digits[i] = kDigits.at(0);
    }
    if (head == QLatin1Char('Z'))
        return QStringLiteral("a0");
    if (head == QLatin1Char('z'))
        return std::nullopt;
    head = QChar(head.unicode() + 1);
    if (head > QLatin1Char('a'))
        digits += kDigits.at(0);
    else
        digits.chop(1);
    return QString(head) + digits;
}

std::optional<QString> decrementInteger(const QString &x)
{
    QChar head = x.at(0);
    QString digits = x.mid(1);
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const int d = digitValue(digits.at(i)) - 1;
        if (d >= 0) {
            digits[i] = kDigits.at(d);
            return QString(head) + digits;
        }
        digits[i] = kDigits.at(kBase - 1);
    }
    if (head == QLatin1Char('a'))
        return QStringLiteral("Zz");
    if (head == QLatin1Char('A'))
        return std::nullopt;
    head = QChar(head.unicode() - 1);
    if (head < QLatin1Char('Z'))
        digits += kDigits.at(kBase - 1);
    else
        digits.chop(1);
    return QString(head) + digits;
}
} // namespace

bool isValid(const QString &key)
{
    if (key.isEmpty() || key.size() > kMaxLength || key == smallestInteger())
        return false;
    const int n = integerLength(key.at(0));
    if (n < 0 || key.size() < n)
        return false;
    for (QChar c : key.mid(1)) {
        if (digitValue(c) < 0)
            return false;
    }
    return key.size() == n || !key.endsWith(kDigits.at(0));
}

namespace {
QString betweenUnchecked(const QString &before, const QString &after)
{
    if (before.isEmpty() && after.isEmpty())
        return QStringLiteral("a0");
    if (before.isEmpty()) {
        const QString ib = integerPart(after);
        const QString fb = after.mid(ib.size());
        if (ib == smallestInteger())
            return ib + midpoint(QString(), fb, false);
        if (ib < after)
            return ib;
        const auto i = decrementInteger(ib);
        if (!i)
            return {};
        // The smallest integer is not a key on its own (nothing could go before it): a
        // fraction makes it one.
        return *i == smallestInteger() ? *i + midpoint(QString(), QString(), true) : *i;
    }
    const QString ia = integerPart(before);
    const QString fa = before.mid(ia.size());
    if (after.isEmpty()) {
        const auto i = incrementInteger(ia);
        return i ? *i : ia + midpoint(fa, QString(), true);
    }
    const QString ib = integerPart(after);
    const QString fb = after.mid(ib.size());
    if (ia == ib)
        return ia + midpoint(fa, fb, false);
    const auto i = incrementInteger(ia);
    if (i && *i < after)
        return *i;
    return ia + midpoint(fa, QString(), true);
}
} // namespace

QString between(const QString &before, const QString &after)
{
    // What the arithmetic above gives is checked, never trusted: a key is handed out only
    // if it is valid and in its place (the fuzz target tests/fuzz/fuzz_fracindex.cpp holds
    // it to that and to the length bound).
    const QString key = betweenUnchecked(before, after);
    if (!isValid(key) || (!before.isEmpty() && !(before < key)) ||
        (!after.isEmpty() && !(key < after)))
        return {};
    return key;
}

bool needsRebalance(const QString &key)
{
    return key.isEmpty() || key.size() > kRebalanceLength;
}

QStringList spread(int count)
{
    QStringList keys;
    keys.reserve(count);
    QString last;
    for (int i = 0; i < count; ++i) {
        last = between(last, {});
        keys.append(last);
    }
    return keys;
}

} // namespace kinlist::FracIndex
