#include "walcheckpointer.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <chrono>

#include <fcntl.h>
#include <unistd.h>

namespace kinlist::store {

namespace {
std::atomic<int> g_checkpointerCount {0};
Q_LOGGING_CATEGORY(lcCheckpoint, "kinlist.store.checkpoint")
} // namespace

WalCheckpointer::WalCheckpointer(QString databasePath, int intervalMs, int busyIntervalMs)
    : m_path(std::move(databasePath))
    , m_intervalMs(intervalMs)
    , m_busyIntervalMs(busyIntervalMs > 0 ? std::min(busyIntervalMs, intervalMs) : intervalMs)
    , m_thread([this] { run(); })
{ }

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

bool WalCheckpointer::finishOnWriter() const
{
    const qint64 log = m_logFrames.load();
    return log > kLongLogFrames && log - m_backfilled.load() < kShortRestFrames;
}

void WalCheckpointer::run()
{
    const QString name = QStringLiteral("kinlist-checkpointer-%1").arg(++g_checkpointerCount);
    // SQLite syncs the database file only when a checkpoint reaches the end of the log: the
    // pages copied by every pass before waited for the writer's final pass (finishOnWriter),
    // whose fdatasync took 20-30 ms of the event loop at 5,000 ops/s. Synced here after each
    // pass that copied pages, that one finds little left to write.
    const int dbFd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_CLOEXEC);
    qint64 synced = 0; // frames copied back as of the last fdatasync
    qint64 lastLog = -1; // the log's length as of the pass before
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=1000"));
        if (!db.open()) {
            qCWarning(lcCheckpoint)
                << "checkpointer cannot open the database:" << db.lastError().text();
        } else {
            QSqlQuery q(db);
            std::unique_lock<std::mutex> lock(m_mutex);
            // Not at once: opening is when the owner is busiest (an app starting up).
            m_wake.wait_for(lock, std::chrono::milliseconds(m_intervalMs),
                            [this] { return m_stop; });
            while (!m_stop) {
                lock.unlock();
                qint64 behind = 0;
                bool growing = false; // the log is longer (or shorter: restarted) than before
                if (q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) && q.next()) {
                    const qint64 log = q.value(1).toLongLong();
                    m_logFrames.store(log);
                    m_backfilled.store(q.value(2).toLongLong());
                    behind = log - m_backfilled.load();
                    // (-1: the writer was checkpointing itself; nothing learned.)
                    if (log >= 0) {
                        growing = lastLog >= 0 && log != lastLog;
                        lastLog = log;
                    }
                } else {
                    qCWarning(lcCheckpoint) << "checkpoint failed:" << q.lastError().text();
                }
                q.finish();
                if (dbFd >= 0 && m_backfilled.load() != synced) {
                    ::fdatasync(dbFd);
                    synced = m_backfilled.load();
                }
                lock.lock();
                // Far behind: go again at once; caught up: rest a while.
                if (behind <= kShortRestFrames)
                    m_wake.wait_for(
                        lock, std::chrono::milliseconds(growing ? m_busyIntervalMs : m_intervalMs),
                        [this] { return m_stop; });
            }
        }
        db.close();
    }
    if (dbFd >= 0)
        ::close(dbFd);
    QSqlDatabase::removeDatabase(name);
}

} // namespace kinlist::store
