#include "hlc.h"

#include <QDateTime>

#include <algorithm>

namespace kinlist {

QString Hlc::toString() const
{
    // Hand-formatted: this runs for every field of every op on the server's hot path.
    char buf[23];
    qint64 w = wallMs;
    for (int i = 14; i >= 0; --i, w /= 10)
        buf[i] = char('0' + w % 10);
    buf[15] = '-';
    int c = counter;
    for (int i = 21; i >= 16; --i, c /= 10)
        buf[i] = char('0' + c % 10);
    buf[22] = '-';
    QString s;
    s.reserve(23 + node.size());
    s.append(QLatin1String(buf, 23));
    s.append(node);
    return s;
}

std::optional<Hlc> Hlc::parse(const QString &s)
{
    // 15 digits, '-', 6 digits, '-', node of 1..64 chars [0-9a-zA-Z-]
    if (s.size() < 24 || s.size() > 23 + 64 || s.at(15) != QLatin1Char('-') ||
        s.at(22) != QLatin1Char('-'))
        return std::nullopt;
    auto allDigits = [&](int from, int len) {
        for (int i = from; i < from + len; ++i) {
            if (!s.at(i).isDigit() || s.at(i).unicode() > 127)
                return false;
        }
        return true;
    };
    if (!allDigits(0, 15) || !allDigits(16, 6))
        return std::nullopt;
    Hlc h;
    h.wallMs = QStringView(s).mid(0, 15).toLongLong();
    h.counter = QStringView(s).mid(16, 6).toInt();
    h.node = s.mid(23);
    for (QChar c : std::as_const(h.node)) {
        const ushort u = c.unicode();
        const bool ok =
            (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '-';
        if (!ok)
            return std::nullopt;
    }
    return h;
}

bool operator<(const Hlc &a, const Hlc &b)
{
    if (a.wallMs != b.wallMs)
        return a.wallMs < b.wallMs;
    if (a.counter != b.counter)
        return a.counter < b.counter;
    return a.node < b.node;
}

HlcClock::HlcClock(QString node, WallClock wallClock)
    : m_node(std::move(node))
    , m_wallClock(std::move(wallClock))
{
    if (!m_wallClock)
        m_wallClock = [] {
            return QDateTime::currentMSecsSinceEpoch();
        };
}

Hlc HlcClock::now()
{
    const qint64 pt = std::min(m_wallClock(), Hlc::kMaxWallMs);
    if (pt > m_lastWall) {
        m_lastWall = pt;
        m_lastCounter = 0;
    } else if (m_lastCounter < Hlc::kMaxCounter) {
        ++m_lastCounter;
    } else {
        // Counter exhausted within one millisecond: borrow the next millisecond.
        ++m_lastWall;
        m_lastCounter = 0;
    }
    return Hlc {m_lastWall, m_lastCounter, m_node};
}

void HlcClock::observe(const Hlc &remote)
{
    if (remote.wallMs > m_lastWall ||
        (remote.wallMs == m_lastWall && remote.counter > m_lastCounter)) {
        m_lastWall = std::min(remote.wallMs, Hlc::kMaxWallMs);
        m_lastCounter = remote.counter;
    }
}

Hlc clampStamp(const Hlc &stamp, qint64 serverNowMs, qint64 maxSkewMs)
{
    const qint64 bound = serverNowMs + maxSkewMs;
    if (stamp.wallMs <= bound)
        return stamp;
    return Hlc {bound, stamp.counter, stamp.node};
}

} // namespace kinlist
