#include "walcheckpointer.h"

#include "logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>
#include <chrono>

namespace kinlist::server {

namespace {
std::atomic<int> g_checkpointerCount {0};
}

WalCheckpointer::WalCheckpointer(QString databasePath, int intervalMs)
    : m_path(std::move(databasePath))
    , m_intervalMs(intervalMs)
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

void WalCheckpointer::checkpointNow()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_now = true;
    }
    m_wake.notify_all();
}

void WalCheckpointer::run()
{
    const QString name = QStringLiteral("kinlist-checkpointer-%1").arg(++g_checkpointerCount);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=1000"));
        if (!db.open()) {
            qCWarning(lcStore) << "checkpointer cannot open the database:" << db.lastError().text();
        } else {
            QSqlQuery q(db);
            std::unique_lock<std::mutex> lock(m_mutex);
            while (!m_stop) {
                m_wake.wait_for(lock, std::chrono::milliseconds(m_intervalMs),
                                [this] { return m_stop || m_now; });
                m_now = false;
                lock.unlock();
                if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
                    qCWarning(lcStore) << "checkpoint failed:" << q.lastError().text();
                q.finish();
                lock.lock();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace kinlist::server
