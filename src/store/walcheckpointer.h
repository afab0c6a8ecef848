#pragma once

#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace kinlist::store {

// Runs SQLite WAL checkpoints on a thread of its own with its own connection, so the
// event loop (the server's, or the app's GUI thread) does not copy pages or wait for the
// fsync a checkpoint does. The
// main connection has auto-checkpointing switched off; PASSIVE checkpoints here never
// block its writes.
//
// Under a steady stream of commits a checkpoint on this thread never quite reaches the end
// of the log, and the log only starts over once one has. So this thread reports how far it
// got, and when the log is long and the rest is short, the writer finishes the job between
// two of its own transactions (finishOnWriter), where no new frames can arrive.
//
// It syncs the database file through a descriptor of its own, which it closes when it is
// destroyed; closing a descriptor drops every POSIX lock the process holds on that file,
// SQLite's included. So the owner closes its own connection first, then destroys this.
class WalCheckpointer
{
public:
    // A pass every `intervalMs`, or every `busyIntervalMs` (when shorter) while the log
    // grows: SQLite syncs the log before a pass that has frames to copy, and while that
    // sync submits the log's pages the writer cannot append to the last one. The less there
    // is to submit, the shorter that wait (the server: 2-7 ms every 250 ms at 5,000 ops/s).
    explicit WalCheckpointer(QString databasePath, int intervalMs = 250, int busyIntervalMs = -1);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // True when the writer should run a PASSIVE checkpoint itself now: the log is long
    // and this thread has already copied all but a little of it.
    bool finishOnWriter() const;
    // The writer did: what this thread last reported is out of date until its next pass.
    void finishedOnWriter() { m_logFrames.store(0); }
    // Log frames not copied back into the database yet, as of the last pass; -1 before the
    // first pass.
    qint64 backlog() const
    {
        const qint64 log = m_logFrames.load();
        return log < 0 ? -1 : log - m_backfilled.load();
    }

private:
    // The writer's final pass waits for an fsync: rare enough under sustained load (about
    // every 4 s at 5,000 ops/s), while a quiet server catches up on its own long before.
    static constexpr qint64 kLongLogFrames = 65536; // 256 MiB of log with 4 KiB pages
    static constexpr qint64 kShortRestFrames = 512;
    void run();

    QString m_path;
    int m_intervalMs;
    int m_busyIntervalMs;
    std::atomic<qint64> m_logFrames {-1};
    std::atomic<qint64> m_backfilled {0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace kinlist::store
