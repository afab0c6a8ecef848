// The server's epoll event dispatcher with real sockets (socket pairs): a socket whose fd
// number was closed under a notifier still registered, and came back for a new socket,
// is watched again; notifiers switched on and off within one pass of the loop (what Qt
// does around every socket flush) neither lose events nor report disabled ones.
#include "server/epolldispatcher.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTest>

#include <memory>
#include <sys/socket.h>
#include <unistd.h>

class TestEpollDispatcher : public QObject
{
    Q_OBJECT

    static bool pair(int fds[2])
    {
        return ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) == 0;
    }

private Q_SLOTS:
    void fdReusedUnderAStaleNotifierIsWatched()
    {
        int first[2];
        QVERIFY(pair(first));
        auto stale = std::make_unique<QSocketNotifier>(first[0], QSocketNotifier::Read);
        QCoreApplication::processEvents(); // the epoll set has first[0]
        // Closed behind its notifier's back, as libpq does with a lost connection.
        const int number = first[0];
        ::close(first[0]);
        ::close(first[1]);
        int second[2];
        QVERIFY(pair(second));
        QCOMPARE(second[0], number); // the lowest free number comes back
        QSocketNotifier fresh(second[0], QSocketNotifier::Read);
        QSignalSpy activated(&fresh, &QSocketNotifier::activated);
        QCOMPARE(::write(second[1], "x", 1), 1);
        QTRY_VERIFY(activated.count() > 0);
        stale.reset(); // (its slot is taken: unregistering it changes nothing)
        char c;
        QCOMPARE(::read(second[0], &c, 1), 1);
        ::close(second[0]);
        ::close(second[1]);
    }

    void notifiersToggledWithinAPass()
    {
        int fds[2];
        QVERIFY(pair(fds));
        QSocketNotifier read(fds[0], QSocketNotifier::Read);
        QSocketNotifier write(fds[0], QSocketNotifier::Write);
        QSignalSpy readable(&read, &QSocketNotifier::activated);
        QSignalSpy writable(&write, &QSocketNotifier::activated);
        // On and off again before the loop waits: no syscall, and no event for it.
        write.setEnabled(false);
        write.setEnabled(true);
        write.setEnabled(false);
        QCOMPARE(::write(fds[1], "y", 1), 1);
        QTRY_VERIFY(readable.count() > 0);
        QCOMPARE(writable.count(), 0);
        // Left on: a socket with room to write says so.
        write.setEnabled(true);
        QTRY_VERIFY(writable.count() > 0);
        write.setEnabled(false);
        read.setEnabled(false);
        ::close(fds[0]);
        ::close(fds[1]);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication::setEventDispatcher(new kinlist::server::EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    TestEpollDispatcher tc;
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_epolldispatcher.moc"
