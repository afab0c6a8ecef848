#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QVarLengthArray>

#include <cerrno>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

namespace kinlist::server {

EpollEventDispatcher::EpollEventDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wakeFd(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
{
    if (m_epoll < 0 || m_wakeFd < 0)
        qFatal("EpollEventDispatcher: cannot create epoll or eventfd");
    epoll_event ev {};
    ev.events = EPOLLIN;
    ev.data.fd = m_wakeFd;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &ev);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    ::close(m_wakeFd);
    ::close(m_epoll);
}

qint64 EpollEventDispatcher::nowNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

uint32_t EpollEventDispatcher::FdNotifiers::events() const
{
    return (read ? uint32_t(EPOLLIN) : 0) | (write ? uint32_t(EPOLLOUT) : 0) |
        (exception ? uint32_t(EPOLLPRI) : 0);
}

void EpollEventDispatcher::setEpoll(int fd, FdNotifiers &n)
{
    const uint32_t want = n.events();
    if (want == n.inKernel)
        return;
    epoll_event ev {};
    ev.data.fd = fd;
    ev.events = want;
    if (!want) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &ev); // EBADF if already closed: fine
    } else if (n.inKernel) {
        // (A closed fd leaves the epoll set by itself: add it when the kernel disagrees.)
        if (epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev) != 0 && errno == ENOENT)
            epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
    } else if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) != 0 && errno == EEXIST) {
        epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
    }
    n.inKernel = want;
}

// A socket's write notifier goes on when something is queued and off when the queue is
// written, mostly within one pass of the loop: the epoll set is brought up to date once,
// before the loop waits, and not twice (an epoll_ctl each) per socket write.
void EpollEventDispatcher::applyChanges()
{
    for (const int fd : std::as_const(m_changed)) {
        const auto it = m_fds.find(fd);
        if (it == m_fds.end())
            continue;
        it->changed = false;
        setEpoll(fd, *it);
    }
    m_changed.clear();
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    FdNotifiers &n = m_fds[fd];
    QSocketNotifier *&slot = notifier->type() == QSocketNotifier::Read ? n.read
        : notifier->type() == QSocketNotifier::Write                   ? n.write
                                                                       : n.exception;
    // Another notifier still in the slot: its fd was closed without it being disabled (libpq
    // closes a lost connection's socket under QPSQL's notifier) and the number came back.
    // The closed fd left the epoll set, whatever we last told it: add it anew.
    if (slot && slot != notifier)
        n.inKernel = 0;
    slot = notifier;
    if (!n.changed) {
        n.changed = true;
        m_changed.append(fd);
    }
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    auto it = m_fds.find(fd);
    if (it == m_fds.end())
        return;
    if (it->read == notifier)
        it->read = nullptr;
    if (it->write == notifier)
        it->write = nullptr;
    if (it->exception == notifier)
        it->exception = nullptr;
    if (it->empty()) {
        // At once: the fd may be closed next, and its number come back for a new socket
        // whose notifiers must find it out of the set.
        setEpoll(fd, *it);
        m_fds.erase(it);
    } else if (!it->changed) {
        it->changed = true;
        m_changed.append(fd);
    }
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject *object)
{
    unregisterTimer(timerId);
    const qint64 due = nowNs() + interval * 1000000LL;
    m_timers[timerId] = Timer {interval, timerType, object, due};
    m_due.emplace(due, timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_due.erase({it->second.dueNs, timerId});
    m_timers.erase(it);
    return true;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->second.object == object) {
            m_due.erase({it->second.dueNs, it->first});
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> out;
    for (const auto &[id, t] : m_timers) {
        if (t.object == object)
            out.append(TimerInfo(id, int(t.intervalMs), t.type));
    }
    return out;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    return int(std::max<qint64>(0, (it->second.dueNs - nowNs()) / 1000000LL));
}

void EpollEventDispatcher::wakeUp()
{
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_wakeFd, &one, sizeof one);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupt.store(true);
    wakeUp();
}

int EpollEventDispatcher::waitForEvents(epoll_event *events, int max, qint64 timeoutNs)
{
    // To the microsecond where the kernel can (Linux 5.11): epoll_wait's milliseconds,
    // rounded up, made a 1 ms timer wait 1-2 ms.
    if (m_pwait2) {
        timespec ts {time_t(timeoutNs / 1000000000LL), long(timeoutNs % 1000000000LL)};
        const int n = epoll_pwait2(m_epoll, events, max, timeoutNs < 0 ? nullptr : &ts, nullptr);
        // (Not there: ENOSYS, or EPERM from a seccomp filter that does not know it.)
        if (n >= 0 || errno == EINTR)
            return n;
        m_pwait2 = false;
    }
    const int ms = timeoutNs < 0 ? -1 : int((timeoutNs + 999999) / 1000000LL);
    return epoll_wait(m_epoll, events, max, ms);
}

bool EpollEventDispatcher::fireTimers()
{
    const qint64 now = nowNs();
    QVarLengthArray<int, 32> due;
    for (auto it = m_due.begin(); it != m_due.end() && it->first <= now; ++it)
        due.append(it->second);
    for (int id : due) {
        auto it = m_timers.find(id);
        if (it == m_timers.end())
            continue; // unregistered by an earlier timer in this round
        Timer &t = it->second;
        // Next due time from now: a stalled loop does not fire a burst of catch-up events.
        m_due.erase({t.dueNs, id});
        t.dueNs = std::max(t.dueNs + t.intervalMs * 1000000LL, now);
        m_due.emplace(t.dueNs, id);
        QTimerEvent event(id);
        QCoreApplication::sendEvent(t.object, &event);
    }
    return !due.isEmpty();
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupt.store(false);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents();

    const bool wait = flags.testFlag(QEventLoop::WaitForMoreEvents) && !m_interrupt.load();
    qint64 timeoutNs = 0; // -1: no timer, wait for events only
    if (wait) {
        timeoutNs = m_due.empty() ? -1 : std::max<qint64>(0, m_due.begin()->first - nowNs());
        Q_EMIT aboutToBlock();
    }
    applyChanges();
    epoll_event events[256];
    int n;
    do {
        n = waitForEvents(events, 256, timeoutNs);
    } while (n < 0 && errno == EINTR);
    if (wait)
        Q_EMIT awake();

    // Collect first, then deliver, checking each notifier is still registered: a handler
    // may close or re-register sockets that come later in the same batch.
    struct Activation
    {
        int fd;
        QSocketNotifier::Type type;
        QSocketNotifier *notifier;
    };
    QVarLengthArray<Activation, 256> activations;
    bool woken = false;
    for (int i = 0; i < n; ++i) {
        const int fd = events[i].data.fd;
        if (fd == m_wakeFd) {
            quint64 value;
            [[maybe_unused]] const ssize_t r = ::read(m_wakeFd, &value, sizeof value);
            woken = true;
            continue;
        }
        const auto it = m_fds.constFind(fd);
        if (it == m_fds.constEnd())
            continue;
        const uint32_t e = events[i].events;
        const bool failed = e & (EPOLLERR | EPOLLHUP);
        if (it->read && (e & (EPOLLIN | EPOLLRDHUP) || failed))
            activations.append({fd, QSocketNotifier::Read, it->read});
        if (it->write && (e & EPOLLOUT || failed))
            activations.append({fd, QSocketNotifier::Write, it->write});
        if (it->exception && e & EPOLLPRI)
            activations.append({fd, QSocketNotifier::Exception, it->exception});
    }
    // Level-triggered: sockets skipped now are reported again on the next pass.
    if (flags.testFlag(QEventLoop::ExcludeSocketNotifiers))
        activations.clear();
    for (const Activation &a : activations) {
        const auto it = m_fds.constFind(a.fd);
        if (it == m_fds.constEnd())
            continue;
        QSocketNotifier *current = a.type == QSocketNotifier::Read ? it->read
            : a.type == QSocketNotifier::Write                     ? it->write
                                                                   : it->exception;
        if (current != a.notifier)
            continue;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(current, &event);
    }
    const bool timers = fireTimers();
    return woken || !activations.isEmpty() || timers;
}

} // namespace kinlist::server
