#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace kinlist::server {

// Runs SQLite WAL checkpoints on a thread of its own with its own connection, so the
// server's event loop never waits for the fsync a checkpoint does. The main connection
// has auto-checkpointing switched off; PASSIVE checkpoints here never block its writes.
class WalCheckpointer
{
public:
    explicit WalCheckpointer(QString databasePath, int intervalMs = 250);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Wakes the thread for a checkpoint now (e.g. before closing).
    void checkpointNow();

private:
    void run();

    QString m_path;
    int m_intervalMs;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    bool m_now = false;
    std::thread m_thread;
};

} // namespace kinlist::server
