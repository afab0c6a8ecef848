#pragma once

#include <QString>

#include <functional>
#include <optional>

namespace kinlist {

// A hybrid logical clock stamp: wall-clock milliseconds, a counter for events in the same
// millisecond, and the node (client id) as the final tie-break. The string form
// "WWWWWWWWWWWWWWW-CCCCCC-node" has fixed-width numbers, so comparing two strings gives
// the same order as comparing the stamps.
struct Hlc
{
    qint64 wallMs = 0;
    int counter = 0;
    QString node;

    static constexpr int kMaxCounter = 999999;
    static constexpr qint64 kMaxWallMs = 999999999999999LL;

    bool isNull() const { return wallMs == 0 && counter == 0 && node.isEmpty(); }
    QString toString() const;
    static std::optional<Hlc> parse(const QString &s);

    friend bool operator<(const Hlc &a, const Hlc &b);
    friend bool operator==(const Hlc &a, const Hlc &b)
    {
        return a.wallMs == b.wallMs && a.counter == b.counter && a.node == b.node;
    }
    friend bool operator!=(const Hlc &a, const Hlc &b) { return !(a == b); }
    friend bool operator>(const Hlc &a, const Hlc &b) { return b < a; }
};

// Issues stamps for one node. Not thread-safe; one per client (or server).
class HlcClock
{
public:
    using WallClock = std::function<qint64()>;

    explicit HlcClock(QString node, WallClock wallClock = {});

    // A stamp greater than every stamp issued or observed so far.
    Hlc now();
    // Take a stamp seen from elsewhere into account so that later local stamps sort after it.
    void observe(const Hlc &remote);
    const QString &node() const { return m_node; }

private:
    QString m_node;
    WallClock m_wallClock;
    qint64 m_lastWall = 0;
    int m_lastCounter = 0;
};

// The server pulls stamps that run ahead of its own clock by more than maxSkewMs back to
// that bound, so one device with a wrong clock cannot win every conflict forever.
Hlc clampStamp(const Hlc &stamp, qint64 serverNowMs, qint64 maxSkewMs);

} // namespace kinlist
