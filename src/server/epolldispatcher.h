#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>
#include <QList>

#include <atomic>
#include <set>
#include <unordered_map>

struct epoll_event;

namespace kinlist::server {

// An event dispatcher on Linux epoll for the server's thread. Qt's own dispatchers (glib
// and the UNIX one) poll() every registered socket on every pass of the event loop, which
// with a thousand connections costs more than the work itself; epoll only reports the
// sockets that are ready. Install it with QCoreApplication::setEventDispatcher() before
// the application object exists.
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    struct FdNotifiers
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        uint32_t inKernel = 0; // the events the epoll set has for the fd
        bool changed = false; // in m_changed
        bool empty() const { return !read && !write && !exception; }
        uint32_t events() const;
    };
    struct Timer
    {
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        qint64 dueNs = 0;
    };

    void setEpoll(int fd, FdNotifiers &n);
    void applyChanges();
    // epoll_wait for at most `timeoutNs` (-1: until an event).
    int waitForEvents(::epoll_event *events, int max, qint64 timeoutNs);
    bool fireTimers();
    static qint64 nowNs();

    int m_epoll = -1;
    int m_wakeFd = -1;
    std::atomic<bool> m_interrupt {false};
    QHash<int, FdNotifiers> m_fds;
    QList<int> m_changed; // fds whose notifiers changed since the epoll set was updated
    std::unordered_map<int, Timer> m_timers;
    std::set<std::pair<qint64, int>> m_due; // (due time, timer id), earliest first
    bool m_pwait2 = true; // epoll_pwait2 is there (false once it failed)
};

} // namespace kinlist::server
