#include "metrics.h"

#include <algorithm>
#include <iterator>

namespace kinlist::server {

void Metrics::Ring::add(qint64 v)
{
    if (values.size() < kWindow)
        values.append(v);
    else
        values[next] = v;
    next = (next + 1) % kWindow;
}

double Metrics::Ring::quantileSeconds(double q) const
{
    if (values.isEmpty())
        return 0;
    QVector<qint64> sorted = values;
    const auto k = qsizetype(q * double(sorted.size() - 1));
    std::nth_element(sorted.begin(), sorted.begin() + k, sorted.end());
    return double(sorted.at(k)) / 1e9;
}

void Metrics::recordCommit(qint64 nanos, int ops)
{
    ++commits;
    m_commitNanosTotal += nanos;
    m_commitOpsTotal += ops;
    m_commitNs.add(nanos);
}

double Metrics::commitLatencyQuantile(double q) const
{
    return m_commitNs.quantileSeconds(q);
}

void Metrics::recordMutationLatency(qint64 nanos)
{
    m_mutationNs.add(nanos);
}

double Metrics::mutationLatencyQuantile(double q) const
{
    return m_mutationNs.quantileSeconds(q);
}

QByteArray Metrics::render(int connections, int authenticated, int rooms, int loadedLists) const
{
    QByteArray out;
    auto line = [&out](const char *name, const char *type, const char *help,
                       const QByteArray &value) {
        out += "# HELP ";
        out += name;
        out += ' ';
        out += help;
        out += "\n# TYPE ";
        out += name;
        out += ' ';
        out += type;
        out += '\n';
        out += name;
        out += ' ';
        out += value;
        out += '\n';
    };
    auto n = [](qint64 v) {
        return QByteArray::number(v);
    };
    line("kinlist_connections", "gauge", "Open WebSocket connections.", n(connections));
    line("kinlist_connections_authenticated", "gauge", "Signed-in connections.", n(authenticated));
    line("kinlist_rooms", "gauge", "Lists with at least one subscriber.", n(rooms));
    line("kinlist_lists_loaded", "gauge", "Lists whose items are held in memory.", n(loadedLists));
    line("kinlist_connections_accepted_total", "counter", "Connections accepted.",
         n(connectionsAccepted));
    line("kinlist_connections_refused_total", "counter", "Connections refused by a limit.",
         n(connectionsRefused));
    out += "# HELP kinlist_connections_dropped_total Connections the server closed, by "
           "reason.\n# TYPE kinlist_connections_dropped_total counter\n";
    static const char *const reasons[] = {"slow_reader",   "flood",      "auth_timeout",   "idle",
                                          "token_expired", "signed_out", "failed_sign_ins"};
    static_assert(std::size(reasons) == size_t(DropReason::Count));
    for (int i = 0; i < int(DropReason::Count); ++i)
        out += QByteArray("kinlist_connections_dropped_total{reason=\"") + reasons[i] + "\"} " +
            n(dropped[i]) + '\n';
    line("kinlist_accept_errors_total", "counter",
         "Failed accepts (out of file descriptors); accepting pauses and resumes.",
         n(acceptErrors));
    line("kinlist_sockets_shed_total", "counter",
         "Connections closed before their request head to stay within the file descriptors.",
         n(socketsShed));
    line("kinlist_ops_applied_total", "counter", "Mutations applied and committed.", n(opsApplied));
    line("kinlist_mutations_rejected_total", "counter", "Mutations rejected.",
         n(mutationsRejected));
    line("kinlist_mutations_duplicate_total", "counter", "Resent mutations acked again.",
         n(mutationsDuplicate));
    line("kinlist_frames_in_total", "counter", "Frames received.", n(framesIn));
    line("kinlist_frames_out_total", "counter", "Frames sent.", n(framesOut));
    line("kinlist_protocol_errors_total", "counter", "Error frames sent.", n(protocolErrors));
    line("kinlist_commit_failures_total", "counter", "Transactions that failed to commit.",
         n(commitFailures));
    out +=
        "# HELP kinlist_commit_latency_seconds Time to commit one batch of ops (recent window).\n"
        "# TYPE kinlist_commit_latency_seconds summary\n";
    for (double q : {0.5, 0.9, 0.99}) {
        out += "kinlist_commit_latency_seconds{quantile=\"" + QByteArray::number(q) + "\"} " +
            QByteArray::number(commitLatencyQuantile(q), 'g', 6) + '\n';
    }
    out += "kinlist_commit_latency_seconds_sum " +
        QByteArray::number(double(m_commitNanosTotal) / 1e9, 'g', 9) + '\n';
    out += "kinlist_commit_latency_seconds_count " + QByteArray::number(commits) + '\n';
    line("kinlist_commit_ops_total", "counter", "Ops written by all commits.", n(m_commitOpsTotal));
    out += "# HELP kinlist_mutation_latency_seconds From a mutation frame's arrival to its ack "
           "(recent window).\n"
           "# TYPE kinlist_mutation_latency_seconds summary\n";
    for (double q : {0.5, 0.9, 0.99}) {
        out += "kinlist_mutation_latency_seconds{quantile=\"" + QByteArray::number(q) + "\"} " +
            QByteArray::number(mutationLatencyQuantile(q), 'g', 6) + '\n';
    }
    return out;
}

} // namespace kinlist::server
