// kinlist-clientbench: times the sync client library (LocalStore + SyncClient) against the
// real kinlist-server binary on loopback, for the targets of the sync client issue:
//
//   flush    a device with N queued changes (made offline, after its list.create was acked):
//            SyncClient::start() -> Live with an empty outbox; also connect -> Live.
//   catchup  device A offline while device B writes 1,000 ops (the server answers A with the
//            ops) and 10,000 ops (more than the server's snapshot threshold: a snapshot):
//            A.start() -> Live with A's confirmed replica holding every item.
//   open     a local store holding a list of 10,000 confirmed items, reopened in a fresh
//            LocalStore: open() + view(listId), median of several runs.
//   rss      peak RSS (VmHWM) of a separate process that only opens a store, syncs the
//            10,000-item list from the server and holds its view ("cold": empty store, the
//            list arrives as a snapshot; "warm": the store already holds it).
//
// Every server is its own kinlist-server process (ephemeral port, temporary data directory,
// cheapest password hashing). Metrics are printed as "name value" lines, context as "#"
// lines, and a summary against the targets at the end.
//
//   kinlist-clientbench [all|flush|catchup|open|rss] [--server PATH] [--reps N]
#include "benchsupport.h"
#include "client/localstore.h"
#include "client/syncclient.h"
#include "common/testclient.h"
#include "core/fracindex.h"
#include "core/hlc.h"
#include "core/replica.h"
#include "core/uuid.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <malloc.h>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace kinlist;
using namespace kinlist::bench;
using kinlist::client::LocalStore;
using kinlist::client::SyncClient;
using TestOps::itemOp;
using TestOps::listCreateOp;

namespace {

constexpr int kFlushOps = 1000;
constexpr int kItems = 10000;
// The server answers a subscribe with the missed ops up to this many behind, else with a
// snapshot (ServerConfig::snapshotThreshold, not a command-line option of the server).
constexpr int kSnapshotThreshold = 1000;
// Frames per second per connection for servers whose clients must not be throttled (the
// writer of the catch-up phases); the server's maximum.
const QString kNoRateLimit = QStringLiteral("1000000");

// ---- output --------------------------------------------------------------------------------

// CPU time of this process (user + system), in ms; a server process is not counted.
double cpuMs()
{
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
        double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

// Bytes the heap has handed out and not got back (glibc), in MB: what is really alive, without
// the free memory that fragmentation keeps resident.
double heapInUseMb()
{
    const struct mallinfo2 mi = mallinfo2();
    return double(mi.uordblks + mi.hblkhd) / (1024 * 1024);
}

// ---- waiting -------------------------------------------------------------------------------

// Runs the event loop until `done` holds, checked whenever one of the connected signals
// fires, for at most `timeoutMs`, or until `idleMs` pass without any of them firing (a stall).
// No polling sleeps, so timings are not quantised the way QTest::qWaitFor's 10 ms naps are.
class Wait
{
public:
    explicit Wait(std::function<bool()> done)
        : m_done(std::move(done))
    {
        m_deadline.setSingleShot(true);
        m_idle.setSingleShot(true);
        QObject::connect(&m_deadline, &QTimer::timeout, &m_loop, &QEventLoop::quit);
        QObject::connect(&m_idle, &QTimer::timeout, &m_loop, [this] {
            m_stalled = true;
            m_loop.quit();
        });
    }

    template<typename Sender, typename Signal> Wait &on(const Sender *sender, Signal signal)
    {
        QObject::connect(sender, signal, &m_loop, [this] { progress(); });
        return *this;
    }

    Wait &onClient(const SyncClient *c)
    {
        return on(c, &SyncClient::stateChanged)
            .on(c, &SyncClient::pendingCountChanged)
            .on(c, &SyncClient::listChanged)
            .on(c, &SyncClient::entityChanged);
    }

    bool run(int timeoutMs, int idleMs = -1)
    {
        if (m_done())
            return true;
        m_idleMs = idleMs;
        m_deadline.start(timeoutMs);
        if (m_idleMs > 0)
            m_idle.start(m_idleMs);
        m_loop.exec();
        return m_done();
    }

    bool stalled() const { return m_stalled; }

private:
    void progress()
    {
        if (m_done())
            m_loop.quit();
        else if (m_idleMs > 0)
            m_idle.start(m_idleMs);
    }

    std::function<bool()> m_done;
    QEventLoop m_loop;
    QTimer m_deadline;
    QTimer m_idle;
    int m_idleMs = -1;
    bool m_stalled = false;
};

// When a client first reached each state after start(), in ms since start().
struct Timeline
{
    QElapsedTimer clock;
    std::array<double, 8> at {};

    void attach(SyncClient *c)
    {
        at.fill(-1);
        QObject::connect(c, &SyncClient::stateChanged, c, [this](SyncClient::State s) {
            const size_t i = size_t(s);
            if (i < at.size() && at[i] < 0)
                at[i] = msSince(clock);
        });
    }
    double of(SyncClient::State s) const { return at[size_t(s)]; }
};

// ---- the server ----------------------------------------------------------------------------

// ---- ops and devices -----------------------------------------------------------------------

// The fields of the i-th item of a benchmark list, appended after `position`.
QJsonObject itemFields(int i, const QString &position)
{
    return {{QStringLiteral("title"), QStringLiteral("Item %1 for the weekly shop").arg(i)},
            {QStringLiteral("done"), false},
            {QStringLiteral("position"), position}};
}

std::unique_ptr<LocalStore> openStore(const QString &path)
{
    static int n = 0;
    auto store = std::make_unique<LocalStore>(QStringLiteral("clientbench-%1").arg(++n));
    Error e;
    if (!store->open(path, &e)) {
        fail(QStringLiteral("cannot open %1: %2").arg(path, e.message));
        return nullptr;
    }
    return store;
}

std::unique_ptr<SyncClient> makeClient(LocalStore *store, const QUrl &url,
                                       const QString &accessToken, const QString &refreshToken,
                                       const QString &listId)
{
    auto sync = std::make_unique<SyncClient>(store, url);
    sync->setTokens(accessToken, refreshToken);
    sync->watchList(listId);
    return sync;
}

bool isLive(const SyncClient *c)
{
    return c->state() == SyncClient::State::Live;
}

// The device creates the list through its client and waits until the server acknowledged it,
// then goes offline. The client is dropped: the measured start() runs on a fresh one, as
// after a restart (start() right after stop() does nothing until the old socket has closed).
bool createListOnline(LocalStore *store, const QUrl &url, const TestClient *account,
                      const QString &householdId, const QString &listId)
{
    auto sync = makeClient(store, url, account->accessToken, account->refreshToken, listId);
    sync->start();
    if (!Wait([&] { return isLive(sync.get()); }).onClient(sync.get()).run(10000))
        return fail(QStringLiteral("the device did not get Live: %1").arg(sync->lastError()));
    Error e;
    if (!sync->apply(listCreateOp(householdId, listId), &e))
        return fail(QStringLiteral("list.create: %1").arg(e.message));
    if (!Wait([&] { return isLive(sync.get()) && store->pendingCount() == 0; })
             .onClient(sync.get())
             .run(10000))
        return fail(QStringLiteral("list.create was not acknowledged"));
    sync->stop();
    return true;
}

// Another device of the household, on the raw protocol: sends `count` item.create ops,
// `window` in flight at a time, and checks that every one was acknowledged.
bool writeItems(TestClient *writer, const QString &listId, int count, int window = 250)
{
    HlcClock clock(writer->clientId);
    QString position;
    writer->clearFrames();
    int sent = 0;
    while (sent < count) {
        const int batch = std::min(window, count - sent);
        for (int i = 0; i < batch; ++i, ++sent) {
            position = FracIndex::between(position, {});
            const QJsonObject op {{QStringLiteral("type"), QStringLiteral("item.create")},
                                  {QStringLiteral("listId"), listId},
                                  {QStringLiteral("itemId"), createUuid()},
                                  {QStringLiteral("stamp"), clock.now().toString()},
                                  {QStringLiteral("fields"), itemFields(sent, position)}};
            writer->send(QStringLiteral("mutate"),
                         {{QStringLiteral("clientId"), writer->clientId},
                          {QStringLiteral("mutationId"), writer->nextMutationId++},
                          {QStringLiteral("listId"), listId},
                          {QStringLiteral("op"), op}});
        }
        const auto answered = [writer] {
            return writer->countType(QStringLiteral("ack")) +
                writer->countType(QStringLiteral("reject")) +
                writer->countType(QStringLiteral("error"));
        };
        if (!Wait([&] { return answered() >= batch; })
                 .on(&writer->socket(), &QWebSocket::textMessageReceived)
                 .run(30000))
            return fail(QStringLiteral("the writer's ops were not all answered"));
        if (writer->countType(QStringLiteral("ack")) != batch)
            return fail(QStringLiteral("the server refused some of the writer's ops"));
        writer->clearFrames();
    }
    return true;
}

int liveItems(const Replica &r)
{
    int n = 0;
    for (const Entity &e : r.entities())
        n += e.kind == EntityKind::Item && !e.isDeleted() ? 1 : 0;
    return n;
}

// ---- 1. flush ------------------------------------------------------------------------------

bool benchFlush(const QString &serverBin, const QStringList &serverArgs, const QString &name,
                int ops)
{
    note(QStringLiteral("%1: %2 changes queued offline, then start(); server args: %3")
             .arg(name)
             .arg(ops)
             .arg(serverArgs.isEmpty() ? QStringLiteral("(defaults)") : serverArgs.join(u' ')));
    ServerProcess server;
    if (!server.start(serverBin, serverArgs))
        return false;
    QObject holder;
    Family family;
    if (!Family::create(&holder, server.url(), {QStringLiteral("Flush")}, &family))
        return fail(QStringLiteral("cannot set up an account"));
    const TestClient *me = family.people.constFirst();
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("flush.db")));
    const QString list = createUuid();
    if (!store || !createListOnline(store.get(), server.url(), me, family.householdId, list))
        return false;

    // Offline: a client that was never started queues the changes.
    auto sync = makeClient(store.get(), server.url(), me->accessToken, me->refreshToken, list);
    QElapsedTimer t;
    t.start();
    QString position;
    for (int i = 0; i < ops; ++i) {
        position = FracIndex::between(position, {});
        Op op;
        op.type = Op::Type::ItemCreate;
        op.listId = list;
        op.itemId = createUuid();
        op.fields = itemFields(i, position);
        Error e;
        if (!sync->apply(op, &e))
            return fail(QStringLiteral("apply: %1").arg(e.message));
    }
    report(name + QStringLiteral("_enqueue_ms"), msSince(t));
    if (store->pendingCount() != ops)
        return fail(
            QStringLiteral("the outbox holds %1, not %2").arg(store->pendingCount()).arg(ops));

    Timeline timeline;
    timeline.attach(sync.get());
    const double cpuBefore = cpuMs();
    timeline.clock.start();
    sync->start();
    Wait wait([&] { return isLive(sync.get()) && store->pendingCount() == 0; });
    wait.onClient(sync.get());
    const bool done = wait.run(60000, 5000);
    const double total = msSince(timeline.clock);
    if (!done) {
        const int left = store->pendingCount();
        reportWord(name + QStringLiteral("_ms"),
                   wait.stalled() ? QStringLiteral("stalled") : QStringLiteral("timeout"));
        report(name + QStringLiteral("_left"), left);
        note(QStringLiteral("%1: %2 of %3 still queued after %4 ms (no progress for 5 s), state %5")
                 .arg(name)
                 .arg(left)
                 .arg(ops)
                 .arg(qint64(total))
                 .arg(int(sync->state())));
        return false;
    }
    const double connected = timeline.of(SyncClient::State::Authenticating);
    report(name + QStringLiteral("_ms"), total);
    report(name + QStringLiteral("_connect_ms"), connected);
    report(name + QStringLiteral("_connect_to_live_ms"), total - connected);
    report(name + QStringLiteral("_signed_in_to_live_ms"),
           total - timeline.of(SyncClient::State::Syncing));
    report(name + QStringLiteral("_client_cpu_ms"), cpuMs() - cpuBefore);
    const int confirmed = liveItems(store->confirmed(list));
    if (confirmed != ops)
        return fail(QStringLiteral("%1: the confirmed replica has %2 items, not %3")
                        .arg(name)
                        .arg(confirmed)
                        .arg(ops));
    return true;
}

// ---- 2. catch-up ---------------------------------------------------------------------------

bool benchCatchup(const QString &serverBin, int behind)
{
    const QString name = QStringLiteral("catchup_%1").arg(behind);
    note(QStringLiteral("%1: device A offline while device B writes %2 ops").arg(name).arg(behind));
    ServerProcess server;
    if (!server.start(serverBin, {QStringLiteral("--rate-limit"), kNoRateLimit}))
        return false;
    QObject holder;
    Family family;
    if (!Family::create(&holder, server.url(), {QStringLiteral("Alice"), QStringLiteral("Bob")},
                        &family))
        return fail(QStringLiteral("cannot set up a household"));
    const TestClient *alice = family.people.at(0);
    TestClient *bob = family.people.at(1);
    QTemporaryDir dir;
    auto store = openStore(dir.filePath(QStringLiteral("catchup.db")));
    const QString list = createUuid();
    if (!store || !createListOnline(store.get(), server.url(), alice, family.householdId, list))
        return false;
    const qint64 since = store->lastSeq(list);

    QElapsedTimer w;
    w.start();
    if (!writeItems(bob, list, behind))
        return false;
    note(QStringLiteral("%1: B wrote %2 ops in %3 ms (setup, not measured)")
             .arg(name)
             .arg(behind)
             .arg(qint64(msSince(w))));
    const qint64 head = since + behind;

    auto sync =
        makeClient(store.get(), server.url(), alice->accessToken, alice->refreshToken, list);
    int entityChanges = 0;
    QObject::connect(sync.get(), &SyncClient::entityChanged, sync.get(), [&] { ++entityChanges; });
    Timeline timeline;
    timeline.attach(sync.get());
    const double cpuBefore = cpuMs();
    timeline.clock.start();
    sync->start();
    // Applying the catch-up (ops or snapshot) happens in one reply handler before the client
    // can turn Live, so Live with the list's seq at the head means the replica is complete.
    Wait wait([&] { return isLive(sync.get()) && store->lastSeq(list) == head; });
    wait.onClient(sync.get());
    const bool done = wait.run(60000, 20000);
    const double total = msSince(timeline.clock);
    if (!done) {
        reportWord(name + QStringLiteral("_ms"), QStringLiteral("timeout"));
        return fail(QStringLiteral("%1: not caught up after %2 ms (seq %3 of %4)")
                        .arg(name)
                        .arg(qint64(total))
                        .arg(store->lastSeq(list))
                        .arg(head));
    }
    const double connected = timeline.of(SyncClient::State::Authenticating);
    report(name + QStringLiteral("_ms"), total);
    report(name + QStringLiteral("_connect_ms"), connected);
    report(name + QStringLiteral("_connect_to_live_ms"), total - connected);
    report(name + QStringLiteral("_client_cpu_ms"), cpuMs() - cpuBefore);
    // The client does not say which path the server took; the ops path announces every op.
    reportWord(name + QStringLiteral("_path"),
               entityChanges > 1 ? QStringLiteral("ops") : QStringLiteral("snapshot"));
    note(QStringLiteral("%1: %2 entityChanged signals; the server sends a snapshot when more than "
                        "%3 behind")
             .arg(name)
             .arg(entityChanges)
             .arg(kSnapshotThreshold));

    QElapsedTimer v;
    v.start();
    const int items = liveItems(store->confirmed(list));
    report(name + QStringLiteral("_read_confirmed_ms"), msSince(v));
    if (items != behind)
        return fail(QStringLiteral("%1: the confirmed replica has %2 items, not %3")
                        .arg(name)
                        .arg(items)
                        .arg(behind));
    return true;
}

// ---- 3. open -------------------------------------------------------------------------------

bool benchOpen(int items, int reps)
{
    const QString name = QStringLiteral("open_%1").arg(items);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("open.db"));
    const QString list = createUuid();
    {
        // The confirmed state as the server would have sent it in a snapshot.
        auto store = openStore(path);
        if (!store)
            return false;
        QElapsedTimer t;
        t.start();
        HlcClock clock(createUuid());
        const QString userId = createUuid();
        QList<Entity> entities;
        Entity listEntity;
        Op create = listCreateOp(createUuid(), list);
        create.stamp = clock.now();
        mergeOp(listEntity, create);
        entities.append(listEntity);
        QString position;
        for (int i = 0; i < items; ++i) {
            position = FracIndex::between(position, {});
            Op op;
            op.type = Op::Type::ItemCreate;
            op.listId = list;
            op.itemId = createUuid();
            op.stamp = clock.now();
            op.fields = itemFields(i, position);
            op.fields.insert(QStringLiteral("createdBy"), userId);
            op.fields.insert(QStringLiteral("createdAt"), double(op.stamp.wallMs));
            Entity e;
            mergeOp(e, op);
            entities.append(e);
        }
        Error e;
        if (!store->replaceList(list, entities, items + 1, &e))
            return fail(QStringLiteral("replaceList: %1").arg(e.message));
        store->close();
        note(QStringLiteral("%1: store of %2 items written in %3 ms, %4 KiB (+ WAL %5 KiB)")
                 .arg(name)
                 .arg(items)
                 .arg(qint64(msSince(t)))
                 .arg(QFileInfo(path).size() / 1024)
                 .arg(QFileInfo(path + QStringLiteral("-wal")).size() / 1024));
    }

    std::vector<double> opens, views, totals;
    for (int rep = 0; rep < reps; ++rep) {
        LocalStore store(QStringLiteral("clientbench-open-%1").arg(rep));
        QElapsedTimer t;
        t.start();
        Error e;
        if (!store.open(path, &e))
            return fail(QStringLiteral("reopen: %1").arg(e.message));
        const double opened = msSince(t);
        const Replica view = store.view(list);
        const double total = msSince(t);
        if (view.size() != items + 1)
            return fail(QStringLiteral("the reopened view has %1 entities, not %2")
                            .arg(view.size())
                            .arg(items + 1));
        opens.push_back(opened);
        views.push_back(total - opened);
        totals.push_back(total);
    }
    report(name + QStringLiteral("_median_ms"), median(totals));
    report(name + QStringLiteral("_open_median_ms"), median(opens));
    report(name + QStringLiteral("_view_median_ms"), median(views));
    report(name + QStringLiteral("_min_ms"), *std::min_element(totals.begin(), totals.end()));
    report(name + QStringLiteral("_max_ms"), *std::max_element(totals.begin(), totals.end()));
    note(QStringLiteral("%1: %2 runs, page cache warm (the file was just written)")
             .arg(name)
             .arg(reps));
    return true;
}

// ---- 4. RSS --------------------------------------------------------------------------------

// The measured process (mode rss-client): only the client library, a store and the list.
int rssClient(const QUrl &url, const QString &storePath, const QString &list, qint64 head,
              int items, const QString &label)
{
    const QString name = QStringLiteral("rss_%1").arg(label);
    report(name + QStringLiteral("_baseline_mb"), double(procStatusKb("VmHWM")) / 1024);
    auto store = openStore(storePath);
    if (!store)
        return 1;
    // What the app shows first: the list as stored, before any network.
    Replica shown = store->view(list);
    report(name + QStringLiteral("_shown_mb"), double(procStatusKb("VmRSS")) / 1024);
    report(name + QStringLiteral("_shown_heap_mb"), heapInUseMb());
    auto sync = makeClient(store.get(), url, qEnvironmentVariable("KINLIST_BENCH_ACCESS_TOKEN"),
                           qEnvironmentVariable("KINLIST_BENCH_REFRESH_TOKEN"), list);
    QElapsedTimer t;
    t.start();
    sync->start();
    if (!Wait([&] { return isLive(sync.get()) && store->lastSeq(list) == head; })
             .onClient(sync.get())
             .run(60000)) {
        fail(QStringLiteral("%1: not synced (seq %2 of %3): %4")
                 .arg(name)
                 .arg(store->lastSeq(list))
                 .arg(head)
                 .arg(sync->lastError()));
        return 1;
    }
    report(name + QStringLiteral("_sync_ms"), msSince(t));
    report(name + QStringLiteral("_synced_mb"), double(procStatusKb("VmRSS")) / 1024);
    report(name + QStringLiteral("_synced_peak_mb"), double(procStatusKb("VmHWM")) / 1024);
    // The view as it is after the sync, computed while the first one is still shown.
    shown = store->view(list);
    if (liveItems(shown) != items) {
        fail(QStringLiteral("%1: the view has %2 items, not %3")
                 .arg(name)
                 .arg(liveItems(shown))
                 .arg(items));
        return 1;
    }
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    report(name + QStringLiteral("_peak_mb"), double(procStatusKb("VmHWM")) / 1024);
    report(name + QStringLiteral("_now_mb"), double(procStatusKb("VmRSS")) / 1024);
    report(name + QStringLiteral("_maxrss_mb"), double(ru.ru_maxrss) / 1024);
    // What is held (one view, the store, the client) once freed heap goes back to the system:
    // the rest of the peak was transient (the sync's frames and JSON, the SQL result cache).
    malloc_trim(0);
    report(name + QStringLiteral("_held_mb"), double(procStatusKb("VmRSS")) / 1024);
    report(name + QStringLiteral("_held_heap_mb"), heapInUseMb());
    return 0;
}

bool benchRss(const QString &serverBin, int items)
{
    note(QStringLiteral("rss: a separate client process syncs a list of %1 items").arg(items));
    ServerProcess server;
    if (!server.start(serverBin, {QStringLiteral("--rate-limit"), kNoRateLimit}))
        return false;
    QObject holder;
    Family family;
    if (!Family::create(&holder, server.url(), {QStringLiteral("Rss")}, &family))
        return fail(QStringLiteral("cannot set up an account"));
    TestClient *writer = family.people.constFirst();
    const QString list = createUuid();
    const QJsonObject created =
        writer->mutate(TestOps::listCreate(family.householdId, list, QStringLiteral("Groceries"),
                                           HlcClock(writer->clientId).now().toString()));
    if (created.value(QStringLiteral("type")).toString() != QLatin1String("ack"))
        return fail(QStringLiteral("list.create was not acknowledged"));
    if (!writeItems(writer, list, items))
        return false;
    const qint64 head = 1 + items;

    QTemporaryDir dir;
    const QString storePath = dir.filePath(QStringLiteral("rss.db"));
    // cold: the store is empty and the list arrives as a snapshot; warm: it is all there.
    for (const QString &label : {QStringLiteral("cold"), QStringLiteral("warm")}) {
        QProcess child;
        child.setProgram(QCoreApplication::applicationFilePath());
        child.setArguments({QStringLiteral("rss-client"), QStringLiteral("--url"),
                            server.url().toString(), QStringLiteral("--store"), storePath,
                            QStringLiteral("--list"), list, QStringLiteral("--head"),
                            QString::number(head), QStringLiteral("--items"),
                            QString::number(items), QStringLiteral("--label"), label});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KINLIST_BENCH_ACCESS_TOKEN"), writer->accessToken);
        env.insert(QStringLiteral("KINLIST_BENCH_REFRESH_TOKEN"), writer->refreshToken);
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start();
        // The child has no event loop of ours to wait on; the server runs in its own process.
        if (!child.waitForFinished(120000)) {
            child.kill();
            child.waitForFinished(2000);
            return fail(QStringLiteral("the rss-client process did not finish"));
        }
        for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
            const QList<QByteArray> parts = line.trimmed().split(' ');
            if (parts.size() != 2)
                continue;
            bool ok = false;
            const double value = parts.at(1).toDouble(&ok);
            if (ok)
                report(QString::fromUtf8(parts.at(0)), value);
        }
        if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
            return fail(QStringLiteral("the rss-client process failed (%1)").arg(label));
    }
    return true;
}

// ---- summary -------------------------------------------------------------------------------

void printSummary()
{
    std::printf("\nSummary (loopback, shared machine: indicative numbers)\n");
    summaryLine(QStringLiteral("flush 1,000 queued, start -> Live, outbox empty"),
                QStringLiteral("flush_1000_ms"), 1000, QStringLiteral("ms"));
    for (const int n : {1000, 10000}) {
        const QString key = QStringLiteral("catchup_%1").arg(n);
        summaryLine(QStringLiteral("catch-up %1 behind (%2 path), start -> Live")
                        .arg(n)
                        .arg(word(key + QStringLiteral("_path"), QStringLiteral("?"))),
                    key + QStringLiteral("_ms"), 1000, QStringLiteral("ms"));
    }
    summaryLine(QStringLiteral("open + view of 10,000 items, median"),
                QStringLiteral("open_10000_median_ms"), 150, QStringLiteral("ms"));
    summaryLine(QStringLiteral("peak RSS, client synced 10,000 items (cold store)"),
                QStringLiteral("rss_cold_peak_mb"), 100, QStringLiteral("MB"));
    summaryLine(QStringLiteral("peak RSS, warm store, synced, one view held"),
                QStringLiteral("rss_warm_synced_peak_mb"), 100, QStringLiteral("MB"));
    summaryLine(QStringLiteral("peak RSS, warm store, view refreshed after the sync"),
                QStringLiteral("rss_warm_peak_mb"), 100, QStringLiteral("MB"));
    if (failures())
        std::printf("%d phase(s) failed; see the messages above\n", failures());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Times the sync client library against kinlist-server on loopback."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("mode"),
                            QStringLiteral("all (default), flush, catchup, open or rss."));
    const QCommandLineOption serverOpt(
        QStringLiteral("server"),
        QStringLiteral("kinlist-server binary (default: $KINLIST_SERVER_BIN, else next to this "
                       "program)."),
        QStringLiteral("PATH"));
    const QCommandLineOption repsOpt(QStringLiteral("reps"),
                                     QStringLiteral("Runs of the open phase, default 7."),
                                     QStringLiteral("N"), QStringLiteral("7"));
    // Internal, for the process that the rss phase measures.
    const QCommandLineOption urlOpt(QStringLiteral("url"), QStringLiteral("(rss-client)"),
                                    QStringLiteral("URL"));
    const QCommandLineOption storeOpt(QStringLiteral("store"), QStringLiteral("(rss-client)"),
                                      QStringLiteral("PATH"));
    const QCommandLineOption listOpt(QStringLiteral("list"), QStringLiteral("(rss-client)"),
                                     QStringLiteral("ID"));
    const QCommandLineOption headOpt(QStringLiteral("head"), QStringLiteral("(rss-client)"),
                                     QStringLiteral("SEQ"));
    const QCommandLineOption itemsOpt(QStringLiteral("items"), QStringLiteral("(rss-client)"),
                                      QStringLiteral("N"));
    const QCommandLineOption labelOpt(QStringLiteral("label"), QStringLiteral("(rss-client)"),
                                      QStringLiteral("NAME"));
    p.addOptions({serverOpt, repsOpt, urlOpt, storeOpt, listOpt, headOpt, itemsOpt, labelOpt});
    p.process(app);

    const QString mode = p.positionalArguments().value(0, QStringLiteral("all"));
    if (mode == QLatin1String("rss-client"))
        return rssClient(QUrl(p.value(urlOpt)), p.value(storeOpt), p.value(listOpt),
                         p.value(headOpt).toLongLong(), p.value(itemsOpt).toInt(),
                         p.value(labelOpt));

    const QStringList modes {QStringLiteral("all"), QStringLiteral("flush"),
                             QStringLiteral("catchup"), QStringLiteral("open"),
                             QStringLiteral("rss")};
    if (!modes.contains(mode)) {
        std::fprintf(stderr, "unknown mode %s; try --help\n", qPrintable(mode));
        return 2;
    }
    const QString serverBin = findServer(p.value(serverOpt));
    const bool all = mode == QLatin1String("all");
    if (mode != QLatin1String("open") && !QFileInfo(serverBin).isExecutable()) {
        std::fprintf(stderr, "no kinlist-server at %s; pass --server\n", qPrintable(serverBin));
        return 2;
    }
    const int reps = std::max(1, p.value(repsOpt).toInt());

    if (all || mode == QLatin1String("flush"))
        benchFlush(serverBin, {}, QStringLiteral("flush_%1").arg(kFlushOps), kFlushOps);
    if (all || mode == QLatin1String("catchup")) {
        benchCatchup(serverBin, kSnapshotThreshold);
        benchCatchup(serverBin, kItems);
    }
    if (all || mode == QLatin1String("open"))
        benchOpen(kItems, reps);
    if (all || mode == QLatin1String("rss"))
        benchRss(serverBin, kItems);
    printSummary();
    return failures() ? 1 : 0;
}
