#pragma once

#include <QByteArray>
#include <QVector>

namespace kinlist::server {

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

    void recordCommit(qint64 nanos, int ops);
    // Quantile (0..1) of the recent commit latencies, in seconds.
    double commitLatencyQuantile(double q) const;

    QByteArray render(int connections, int authenticated, int rooms, int loadedLists) const;

private:
    static constexpr int kWindow = 4096;
    QVector<qint64> m_recent; // ring buffer of commit latencies in ns
    int m_next = 0;
    qint64 m_commitNanosTotal = 0;
    qint64 m_commitOpsTotal = 0;
};

} // namespace kinlist::server
