#include "jsonreader.h"

#include "uuid.h"

namespace kinlist {

namespace {

bool isContinuation(uchar b)
{
    return (b & 0xC0) == 0x80;
}

bool isNonCharacter(char32_t cp)
{
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

// The end of a run of characters a string holds as written: printable ASCII, no escape.
const char *plainEnd(const char *p, const char *end)
{
    while (p < end && *p != '"' && *p != '\\' && uchar(*p) >= 0x20 && uchar(*p) < 0x80)
        ++p;
    return p;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

void JsonReader::skipWhitespace()
{
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
        ++m_p;
}

bool JsonReader::consume(char c)
{
    skipWhitespace();
    if (m_p == m_end || *m_p != c)
        return false;
    ++m_p;
    return true;
}

bool JsonReader::atEnd()
{
    skipWhitespace();
    return m_p == m_end;
}

bool JsonReader::key(QByteArrayView *key)
{
    if (!consume('"'))
        return false;
    const char *start = m_p;
    while (m_p < m_end && *m_p != '"') {
        // (Escapes, control characters and UTF-8 are for the general path.)
        if (*m_p == '\\' || uchar(*m_p) < 0x20 || uchar(*m_p) >= 0x80)
            return false;
        ++m_p;
    }
    if (m_p == m_end)
        return false;
    *key = QByteArrayView(start, m_p - start);
    ++m_p;
    return consume(':');
}

bool JsonReader::appendUtf8(QString *out)
{
    const auto *u = reinterpret_cast<const uchar *>(m_p);
    const auto *end = reinterpret_cast<const uchar *>(m_end);
    const uchar b0 = u[0];
    int length = 0;
    char32_t cp = 0;
    uchar lo = 0x80;
    uchar hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        cp = b0 & 0x0F;
        lo = b0 == 0xE0 ? 0xA0 : 0x80; // (no overlong forms)
        hi = b0 == 0xED ? 0x9F : 0xBF; // (no surrogates)
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        cp = b0 & 0x07;
        lo = b0 == 0xF0 ? 0x90 : 0x80;
        hi = b0 == 0xF4 ? 0x8F : 0xBF; // (nothing above U+10FFFF)
    } else {
        return false;
    }
    if (end - u < length || u[1] < lo || u[1] > hi)
        return false;
    for (int i = 1; i < length; ++i) {
        if (!isContinuation(u[i]))
            return false;
        cp = (cp << 6) | (u[i] & 0x3F);
    }
    if (isNonCharacter(cp))
        return false;
    if (cp < 0x10000) {
        out->append(QChar(char16_t(cp)));
    } else {
        out->append(QChar(QChar::highSurrogate(cp)));
        out->append(QChar(QChar::lowSurrogate(cp)));
    }
    m_p += length;
    return true;
}

bool JsonReader::string(QString *out)
{
    if (!consume('"'))
        return false;
    // Most strings are plain ASCII: one copy.
    const char *start = m_p;
    m_p = plainEnd(m_p, m_end);
    if (m_p < m_end && *m_p == '"') {
        *out = QString::fromLatin1(start, m_p - start);
        ++m_p;
        return true;
    }
    QString s;
    s.reserve(m_p - start + 16);
    s.append(QLatin1StringView(start, m_p - start));
    while (m_p < m_end) {
        const uchar b = uchar(*m_p);
        if (b == '"') {
            ++m_p;
            *out = std::move(s);
            return true;
        }
        if (b < 0x20)
            return false;
        if (b >= 0x80) {
            if (!appendUtf8(&s))
                return false;
            continue;
        }
        if (b != '\\') {
            const char *run = m_p;
            m_p = plainEnd(m_p, m_end);
            s.append(QLatin1StringView(run, m_p - run));
            continue;
        }
        if (m_end - m_p < 2)
            return false;
        const char e = m_p[1];
        m_p += 2;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            s.append(QLatin1Char(e));
            continue;
        case 'b':
            s.append(QLatin1Char('\b'));
            continue;
        case 'f':
            s.append(QLatin1Char('\f'));
            continue;
        case 'n':
            s.append(QLatin1Char('\n'));
            continue;
        case 'r':
            s.append(QLatin1Char('\r'));
            continue;
        case 't':
            s.append(QLatin1Char('\t'));
            continue;
        case 'u':
            break;
        default:
            return false;
        }
        auto hex4 = [this](char16_t *unit) {
            if (m_end - m_p < 4)
                return false;
            int v = 0;
            for (int i = 0; i < 4; ++i) {
                const int d = hexDigit(m_p[i]);
                if (d < 0)
                    return false;
                v = v * 16 + d;
            }
            m_p += 4;
            *unit = char16_t(v);
            return true;
        };
        char16_t unit = 0;
        if (!hex4(&unit) || unit == 0 || QChar::isLowSurrogate(unit))
            return false;
        if (QChar::isHighSurrogate(unit)) {
            char16_t low = 0;
            if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                return false;
            m_p += 2;
            if (!hex4(&low) || !QChar::isLowSurrogate(low))
                return false;
            s.append(QChar(unit));
            s.append(QChar(low));
            continue;
        }
        s.append(QChar(unit));
    }
    return false;
}

bool JsonReader::integer(qint64 *out)
{
    skipWhitespace();
    const char *start = m_p;
    qint64 n = 0;
    while (m_p < m_end && *m_p >= '0' && *m_p <= '9') {
        if (m_p - start >= 16)
            return false;
        n = n * 10 + (*m_p - '0');
        ++m_p;
    }
    if (m_p == start || (*start == '0' && m_p - start > 1) || n > kMaxSafeInt)
        return false;
    if (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E'))
        return false;
    *out = n;
    return true;
}

bool JsonReader::scalar(QJsonValue *out)
{
    skipWhitespace();
    if (m_p == m_end)
        return false;
    auto literal = [this](QByteArrayView word) {
        if (m_end - m_p < word.size() || QByteArrayView(m_p, word.size()) != word)
            return false;
        m_p += word.size();
        return true;
    };
    switch (*m_p) {
    case '"': {
        QString s;
        if (!string(&s))
            return false;
        *out = QJsonValue(s);
        return true;
    }
    case 't':
        *out = QJsonValue(true);
        return literal("true");
    case 'f':
        *out = QJsonValue(false);
        return literal("false");
    case 'n':
        *out = QJsonValue(QJsonValue::Null);
        return literal("null");
    default: {
        qint64 n = 0;
        if (!integer(&n))
            return false;
        *out = QJsonValue(n);
        return true;
    }
    }
}

bool JsonReader::uuid(QString *out)
{
    return string(out) && isValidUuid(*out);
}

bool JsonReader::flatObject(QJsonObject *out)
{
    QJsonObject o;
    qsizetype written = 0;
    const bool read = object([&](QByteArrayView k) {
        QJsonValue v;
        if (!scalar(&v))
            return false;
        o.insert(QString::fromLatin1(k), v);
        ++written;
        return true;
    });
    // (A key written twice would be inserted once.)
    if (!read || o.size() != written)
        return false;
    *out = std::move(o);
    return true;
}

} // namespace kinlist
