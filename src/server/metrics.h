#pragma once

#include <QByteArray>
#include <QVector>

namespace kinlist::server {

// Why the server closed a connection it gave up on.
enum class DropReason {
    SlowReader, // its unsent data went over the limit
    Flood, // it kept sending over the rate limit
    AuthTimeout, // not signed in in time
    Idle, // silent past the idle timeout
    TokenExpired, // its access token ran out and was not renewed
    SignedOut, // its account signed out everywhere, or the tablet was removed
    FailedSignIns, // too many wrong passwords
    Count
};

// Counters and latencies the server exposes at GET /metrics (Prometheus text format).
class Metrics
{
public:
    qint64 opsApplied = 0;
    qint64 mutationsRejected = 0;
    qint64 mutationsDuplicate = 0;
    qint64 commits = 0;
    qint64 commitFailures = 0;
    qint64 framesIn = 0;
    qint64 framesOut = 0;
    qint64 protocolErrors = 0;
    qint64 connectionsAccepted = 0;
    qint64 connectionsRefused = 0;
    qint64 dropped[int(DropReason::Count)] = {};
    qint64 acceptErrors = 0; // accept() failed (out of file descriptors): paused, resumed later
    qint64 socketsShed = 0; // connections closed before their request head: over the fd budget

    void recordCommit(qint64 nanos, int ops);
    // Time from a mutation's frame arriving to its ack being queued.
    void recordMutationLatency(qint64 nanos);
    double mutationLatencyQuantile(double q) const;
    // Quantile (0..1) of the recent commit latencies, in seconds.
    double commitLatencyQuantile(double q) const;

    QByteArray render(int connections, int authenticated, int rooms, int loadedLists) const;

private:
    static constexpr int kWindow = 4096;
    struct Ring
    {
        QVector<qint64> values;
        int next = 0;
        void add(qint64 v);
        double quantileSeconds(double q) const;
    };
    Ring m_commitNs;
    Ring m_mutationNs;
    qint64 m_commitNanosTotal = 0;
    qint64 m_commitOpsTotal = 0;
};

} // namespace kinlist::server
