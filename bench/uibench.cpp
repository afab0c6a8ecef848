// kinlist-uibench: times the app's UI layer (Session, ItemsModel, Main.qml) with a list of
// 10,000 items, against the real kinlist-server binary on loopback, for the targets of the UI
// performance issue:
//
//   apply    device A (a Session, signed in, the 10,000-item list open in its ItemsModel) gets
//            ops that device B (the raw protocol) sends one at a time: item.set (a title),
//            item.create and item.move at random rows. Per op, on A's thread: from the start
//            of the event that brought the op's frame in until the ItemsModel emitted its row
//            signal (dataChanged, rowsInserted, rowsMoved); target < 1 ms. Also the part
//            after SyncClient::remoteOp (the model's own work), the whole event, and B's send
//            to A's row signal. Run with no view ("model"), then with Main.qml shown ("shown").
//   startup  a fresh process (this program in its child mode) opens a Session on a data
//            directory that already holds the account with the 10,000-item list, loads
//            Main.qml (offscreen) and restores the account as app/kinlist/main.cpp does: from
//            main() (and from the parent's spawn) to the first QQuickWindow::frameSwapped,
//            target < 500 ms, and whether that frame showed the 10,000 items.
//   rss      peak RSS (VmHWM) of that process after its first frame and once the list is live
//            (connected, synced, a frame drawn after), target < 120 MB.
//
// The server is its own kinlist-server process (ephemeral port, temporary data directory,
// cheapest password hashing). The keychain is made unreachable (as in the tests), so the
// refresh token is kept in the opt-in credentials file of the data directory ("rememberInFile")
// and the child process can sign in with it. Metrics are printed as "name value" lines, context
// as "#" lines, and a summary against the targets at the end.
//
//   kinlist-uibench [all|apply|startup] [--server PATH] [--ops N] [--reps N]
#include "benchsupport.h"
#include "common/testclient.h"
#include "core/fracindex.h"
#include "core/hlc.h"
#include "core/uuid.h"
#include "ui/session.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <vector>

Q_IMPORT_QML_PLUGIN(KinlistPlugin)

using namespace kinlist;
using namespace kinlist::bench;
using kinlist::ui::ItemsModel;
using kinlist::ui::Session;

namespace {

constexpr int kItems = 10000;
// Frames per second per connection: the server's maximum, so B's setup writes are not paced.
const QString kNoRateLimit = QStringLiteral("1000000");
const QString kAliceEmail = QStringLiteral("alice@example.org"); // as Family::create makes them
const QString kAlicePassword = QStringLiteral("password-Alice");
const QUrl kMainQml(QStringLiteral("qrc:/qt/qml/Kinlist/Main.qml"));

// ---- output --------------------------------------------------------------------------------

// CLOCK_MONOTONIC in ns, comparable between processes (the child's start is timed from the
// parent's spawn with it).
qint64 monotonicNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double procStatusMb(const char *field)
{
    return double(procStatusKb(field)) / 1024;
}

// ---- the application and waiting ----------------------------------------------------------

// The GUI application, which also sees every event the GUI thread dispatches: when the
// outermost one (the one the event loop started: a socket became readable, a queued call, a
// timer) began and ended, so that the handling of one op can be timed from the moment the
// event loop picked up its data. After each outermost event `afterEvent` runs: waiting checks
// its condition there instead of polling.
class BenchApp : public QGuiApplication
{
public:
    BenchApp(int &argc, char **argv)
        : QGuiApplication(argc, argv)
    {
        m_clock.start();
    }

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (QThread::currentThread() != thread())
            return QGuiApplication::notify(receiver, event);
        if (m_depth++ == 0 && m_tracking) {
            m_outerStart = m_clock.nsecsElapsed();
            m_outerType = event->type();
            m_outerClass = receiver->metaObject()->className();
        }
        const bool handled = QGuiApplication::notify(receiver, event);
        if (--m_depth == 0) {
            if (m_tracking && onOuterEnd)
                onOuterEnd(m_outerStart, m_clock.nsecsElapsed());
            if (afterEvent)
                afterEvent();
        }
        return handled;
    }

    // ns on this application's clock.
    qint64 now() const { return m_clock.nsecsElapsed(); }
    void setTracking(bool on) { m_tracking = on; }
    qint64 outerStart() const { return m_outerStart; }
    QEvent::Type outerType() const { return m_outerType; }
    const char *outerClass() const { return m_outerClass; }

    std::function<void()> afterEvent;
    std::function<void(qint64 start, qint64 end)> onOuterEnd;

private:
    QElapsedTimer m_clock;
    int m_depth = 0;
    bool m_tracking = false;
    qint64 m_outerStart = -1;
    QEvent::Type m_outerType = QEvent::None;
    const char *m_outerClass = "";
};

BenchApp *benchApp()
{
    return static_cast<BenchApp *>(QCoreApplication::instance());
}

// Times the outermost events while it exists; declared after what `onOuterEnd` uses, so that
// the hook is gone before that is (objects being destroyed send events too).
class Tracking
{
public:
    explicit Tracking(std::function<void(qint64 start, qint64 end)> onOuterEnd)
    {
        benchApp()->onOuterEnd = std::move(onOuterEnd);
        benchApp()->setTracking(true);
    }
    ~Tracking() { stop(); }
    Tracking(const Tracking &) = delete;
    Tracking &operator=(const Tracking &) = delete;

    void stop()
    {
        benchApp()->setTracking(false);
        benchApp()->onOuterEnd = nullptr;
    }
};

// Runs the event loop until `done` holds (checked after every event), for at most `timeoutMs`.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs);
    BenchApp *app = benchApp();
    app->afterEvent = [&] {
        if (done())
            loop.quit();
    };
    loop.exec();
    app->afterEvent = nullptr;
    return done();
}

// ---- the server ----------------------------------------------------------------------------

// ---- the household and its list -----------------------------------------------------------

// One server with a household of Alice and Bob and a list of `items` items that Bob wrote.
// Alice's devices are Sessions (signed in with her password); Bob is the raw protocol.
struct Fixture
{
    ServerProcess server;
    QObject holder;
    Family family;
    TestClient *bob = nullptr;
    QString aliceId;
    std::unique_ptr<HlcClock> bobClock;
    QString listId;
    QTemporaryDir dir;

    QString address() const { return server.url().authority(); }
};

int answered(const TestClient *c)
{
    return c->countType(QStringLiteral("ack")) + c->countType(QStringLiteral("reject")) +
        c->countType(QStringLiteral("error"));
}

// Sends one op of Bob's as a mutation (without waiting).
void sendOp(Fixture &f, const QJsonObject &op)
{
    f.bob->send(QStringLiteral("mutate"),
                {{QStringLiteral("clientId"), f.bob->clientId},
                 {QStringLiteral("mutationId"), f.bob->nextMutationId++},
                 {QStringLiteral("listId"), f.listId},
                 {QStringLiteral("op"), op}});
}

QJsonObject itemOpJson(Fixture &f, const QString &type, const QString &itemId,
                       const QJsonObject &fields)
{
    return {{QStringLiteral("type"), type},
            {QStringLiteral("listId"), f.listId},
            {QStringLiteral("itemId"), itemId},
            {QStringLiteral("stamp"), f.bobClock->now().toString()},
            {QStringLiteral("fields"), fields}};
}

// Bob appends `count` items, `window` in flight at a time, each acknowledged.
bool writeItems(Fixture &f, int count, int window = 250)
{
    QString position;
    f.bob->clearFrames();
    int sent = 0;
    while (sent < count) {
        const int batch = std::min(window, count - sent);
        for (int i = 0; i < batch; ++i, ++sent) {
            position = FracIndex::between(position, {});
            sendOp(f,
                   itemOpJson(f, QStringLiteral("item.create"), createUuid(),
                              {{QStringLiteral("title"),
                                QStringLiteral("Item %1 for the weekly shop").arg(sent)},
                               {QStringLiteral("done"), false},
                               {QStringLiteral("position"), position}}));
        }
        if (!waitFor([&] { return answered(f.bob) >= batch; }, 30000))
            return fail(QStringLiteral("Bob's ops were not all answered"));
        if (f.bob->countType(QStringLiteral("ack")) != batch)
            return fail(QStringLiteral("the server refused some of Bob's ops"));
        f.bob->clearFrames();
    }
    return true;
}

bool setUp(Fixture &f, const QString &serverBin, int items)
{
    QElapsedTimer t;
    t.start();
    if (!f.dir.isValid())
        return fail(QStringLiteral("no temporary directory"));
    if (!f.server.start(serverBin, {QStringLiteral("--rate-limit"), kNoRateLimit}))
        return false;
    if (!Family::create(&f.holder, f.server.url(), {QStringLiteral("Alice"), QStringLiteral("Bob")},
                        &f.family))
        return fail(QStringLiteral("cannot set up a household"));
    TestClient *alice = f.family.people.at(0);
    f.bob = f.family.people.at(1);
    f.aliceId = alice->userId;
    f.bobClock = std::make_unique<HlcClock>(f.bob->clientId);
    f.listId = createUuid();
    const QJsonObject created = alice->mutate(
        TestOps::listCreate(f.family.householdId, f.listId, QStringLiteral("Groceries"),
                            HlcClock(alice->clientId).now().toString()));
    if (created.value(QStringLiteral("type")).toString() != QLatin1String("ack"))
        return fail(QStringLiteral("list.create was not acknowledged"));
    alice->close(); // Alice is on her Sessions from now on
    if (!writeItems(f, items))
        return false;
    note(QStringLiteral("setup: server, household of 2, a list of %1 items written by B in %2 ms")
             .arg(items)
             .arg(qint64(msSince(t))));
    return true;
}

bool isLive(Session &s, int items)
{
    return s.status()->state() == QLatin1String("live") &&
        s.editor()->items()->rowCount() == items && s.status()->pendingCount() == 0;
}

// Alice signs in on a Session and waits until the list is open with every item.
bool signInAndLoad(Fixture &f, Session &s, int items, const QString &what)
{
    QElapsedTimer t;
    t.start();
    s.user()->signIn(f.address(), kAliceEmail, kAlicePassword);
    if (!waitFor([&] { return isLive(s, items) && s.editor()->listId() == f.listId; }, 60000))
        return fail(QStringLiteral("%1: not live with %2 items (state %3, %4 rows): %5")
                        .arg(what)
                        .arg(items)
                        .arg(s.status()->state())
                        .arg(s.editor()->items()->rowCount())
                        .arg(s.error()));
    note(QStringLiteral("%1: signed in, list of %2 items open, in %3 ms")
             .arg(what)
             .arg(items)
             .arg(qint64(msSince(t))));
    return true;
}

QQuickWindow *loadMainQml(QQmlApplicationEngine &engine, Session *session)
{
    engine.setInitialProperties(session->qmlProperties());
    engine.load(kMainQml);
    return engine.rootObjects().isEmpty()
        ? nullptr
        : qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
}

// ---- 1. apply ------------------------------------------------------------------------------

// What happened on A while one op of B's was handled, ns on the application's clock.
struct Probe
{
    bool armed = false;
    QString itemId; // of the op in flight
    qint64 sent = -1; // B sent it
    qint64 start = -1; // the event that brought it in began
    QEvent::Type startType = QEvent::None;
    qint64 remote = -1; // SyncClient::remoteOp
    qint64 row = -1; // the ItemsModel's row signal
    qint64 view = -1; // the same signal, after the view's handlers
    qint64 end = -1; // that event ended
};

struct Samples
{
    std::vector<double> client, model, event, e2e, view;
    QMap<QEvent::Type, int> startTypes;
};

// Per op kind, a random row (and gap) of A's model and the op B sends for it.
QJsonObject makeOp(Fixture &f, const ItemsModel *m, const QString &kind, QRandomGenerator &rng,
                   int serial, QString *itemId)
{
    const int rows = m->rowCount();
    if (kind == QLatin1String("set")) {
        const int r = rng.bounded(rows);
        *itemId = m->index(r).data(ItemsModel::IdRole).toString();
        return itemOpJson(
            f, QStringLiteral("item.set"), *itemId,
            {{QStringLiteral("title"), QStringLiteral("Renamed item %1").arg(serial)}});
    }
    // A gap between rows g-1 and g (0: the top, rows: the end).
    const auto gapPosition = [m](int g) {
        return m->positionBetween(g - 1, g);
    };
    if (kind == QLatin1String("create")) {
        *itemId = createUuid();
        return itemOpJson(f, QStringLiteral("item.create"), *itemId,
                          {{QStringLiteral("title"), QStringLiteral("New item %1").arg(serial)},
                           {QStringLiteral("done"), false},
                           {QStringLiteral("position"), gapPosition(rng.bounded(rows + 1))}});
    }
    const int r = rng.bounded(rows);
    int g = r;
    while (g == r || g == r + 1) // a gap that really moves it
        g = rng.bounded(rows + 1);
    *itemId = m->index(r).data(ItemsModel::IdRole).toString();
    return itemOpJson(f, QStringLiteral("item.move"), *itemId,
                      {{QStringLiteral("position"), gapPosition(g)}});
}

QString eventName(QEvent::Type t)
{
    switch (t) {
    case QEvent::SockAct:
        return QStringLiteral("SockAct");
    case QEvent::MetaCall:
        return QStringLiteral("MetaCall");
    case QEvent::Timer:
        return QStringLiteral("Timer");
    default:
        return QString::number(int(t));
    }
}

void reportUs(const QString &name, const std::vector<double> &us, bool withMax = false)
{
    if (us.empty())
        return;
    report(name + QStringLiteral("_median_us"), median(us));
    report(name + QStringLiteral("_p99_us"), percentile(us, 99));
    if (withMax)
        report(name + QStringLiteral("_max_us"), *std::max_element(us.begin(), us.end()));
}

// B sends `count` ops of `kind` one at a time; each is timed on A.
bool runOps(Fixture &f, Session &a, Probe &probe, const QString &kind, int count, int warmup,
            QRandomGenerator &rng, Samples *out)
{
    BenchApp *app = benchApp();
    int lost = 0;
    for (int i = 0; i < warmup + count; ++i) {
        probe = Probe {};
        QString itemId;
        const QJsonObject op = makeOp(f, a.editor()->items(), kind, rng, i, &itemId);
        f.bob->clearFrames();
        probe.itemId = itemId;
        probe.armed = true;
        probe.sent = app->now();
        sendOp(f, op);
        const bool done = waitFor([&] { return probe.end >= 0 && answered(f.bob) >= 1; }, 5000);
        probe.armed = false;
        if (!done || f.bob->countType(QStringLiteral("ack")) != 1) {
            ++lost;
            if (lost > 5)
                return fail(QStringLiteral("%1: more than 5 ops were not applied on A").arg(kind));
            continue;
        }
        if (i < warmup)
            continue;
        out->client.push_back(double(probe.row - probe.start) / 1e3);
        out->model.push_back(double(probe.row - probe.remote) / 1e3);
        out->event.push_back(double(probe.end - probe.start) / 1e3);
        out->e2e.push_back(double(probe.row - probe.sent) / 1e3);
        if (probe.view >= 0)
            out->view.push_back(double(probe.view - probe.row) / 1e3);
        out->startTypes[probe.startType] += 1;
    }
    if (lost)
        note(QStringLiteral("%1: %2 ops not seen on A within 5 s").arg(kind).arg(lost));
    return true;
}

// A's handling of B's ops, without a view ("model") and with Main.qml shown ("shown").
bool benchApply(Fixture &f, int items, int count)
{
    note(QStringLiteral("apply: B sends %1 item.set, item.create and item.move ops one at a time; "
                        "A has the list open")
             .arg(count));
    note(QStringLiteral("apply: per op, in us: _client from the start of the event that read the "
                        "op's frame to the row signal; _model from SyncClient::remoteOp to it; "
                        "_event the whole event; _view the view's handling of the signal; _e2e "
                        "from B's send (through the server, and any wait while A's thread is "
                        "busy)"));
    BenchApp *app = benchApp();
    Probe probe; // before the session: its models' connections use it until they go
    std::atomic<int> frames {0}; // of the window in the "shown" variant
    Session a(f.server.url(), f.dir.filePath(QStringLiteral("device-apply")));
    // Connected before anything else (the views come later): runs first when the model emits.
    const auto onRow = [&probe, app] {
        if (probe.armed && probe.remote >= 0 && probe.row < 0)
            probe.row = app->now();
    };
    const ItemsModel *model = a.editor()->items();
    QObject::connect(model, &QAbstractItemModel::dataChanged, model, onRow);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, model, onRow);
    QObject::connect(model, &QAbstractItemModel::rowsMoved, model, onRow);
    if (!signInAndLoad(f, a, items, QStringLiteral("apply: device A")))
        return false;
    // The catch-up of 10,000 items left a long log, which the store's checkpointer thread
    // copies back for a while: measured meanwhile, ops would time that, not themselves.
    const bool settled =
        waitFor([&] { return a.account()->store()->checkpointBacklog() == 0; }, 30000);
    report(QStringLiteral("apply_checkpoint_settled"), settled ? 1 : 0, 0);
    // After the session's own connections: remoteOp's other receivers (the items model's
    // "changed by", the toasts) have run when this does; the row signal comes after.
    QObject::connect(a.account()->sync(), &client::SyncClient::remoteOp, model,
                     [&probe, app](const Op &op, const client::LocalStore::Origin &, bool live) {
                         if (!probe.armed || !live || op.itemId != probe.itemId)
                             return;
                         probe.remote = app->now();
                         probe.start = app->outerStart();
                         probe.startType = app->outerType();
                     });
    // The longest event on A's thread that had nothing to do with an op in flight.
    qint64 longestOther = 0;
    QString longestOtherClass;
    Tracking tracking([&](qint64 start, qint64 end) {
        if (probe.armed && probe.row >= 0 && probe.end < 0) {
            probe.end = end;
        } else if (end - start > longestOther) {
            longestOther = end - start;
            longestOtherClass = QString::fromLatin1(app->outerClass());
        }
    });

    QRandomGenerator rng(20261124);
    const QStringList kinds {QStringLiteral("set"), QStringLiteral("create"),
                             QStringLiteral("move")};
    const int warmup = 5;
    for (const QString &variant : {QStringLiteral("model"), QStringLiteral("shown")}) {
        std::unique_ptr<QQmlApplicationEngine> engine;
        if (variant == QLatin1String("shown")) {
            engine = std::make_unique<QQmlApplicationEngine>();
            QQuickWindow *window = loadMainQml(*engine, &a);
            if (!window)
                return fail(QStringLiteral("apply: Main.qml did not load"));
            QObject *list = window->findChild<QObject *>(QStringLiteral("items"));
            QObject::connect(
                window, &QQuickWindow::frameSwapped, window, [&frames] { ++frames; },
                Qt::DirectConnection);
            if (!list ||
                !waitFor(
                    [&] {
                        return frames >= 2 && list->property("count").toInt() == model->rowCount();
                    },
                    20000))
                return fail(QStringLiteral("apply: the list view did not show the list"));
            // Connected after the view's: when this runs, the view has handled the signal.
            const auto onView = [&probe, app] {
                if (probe.armed && probe.row >= 0 && probe.view < 0)
                    probe.view = app->now();
            };
            QObject::connect(model, &QAbstractItemModel::dataChanged, window, onView);
            QObject::connect(model, &QAbstractItemModel::rowsInserted, window, onView);
            QObject::connect(model, &QAbstractItemModel::rowsMoved, window, onView);
            note(QStringLiteral("apply: Main.qml shown (offscreen, %1)")
                     .arg(window->rendererInterface()->graphicsApi() ==
                                  QSGRendererInterface::Software
                              ? QStringLiteral("software renderer")
                              : QStringLiteral("graphics API %1")
                                    .arg(int(window->rendererInterface()->graphicsApi()))));
        }
        longestOther = 0;
        for (const QString &kind : kinds) {
            Samples s;
            if (!runOps(f, a, probe, kind, count, warmup, rng, &s))
                return false;
            const QString name = QStringLiteral("apply_%1_%2").arg(variant, kind);
            reportUs(name + QStringLiteral("_client"), s.client, true);
            reportUs(name + QStringLiteral("_model"), s.model);
            reportUs(name + QStringLiteral("_event"), s.event);
            if (!s.view.empty())
                reportUs(name + QStringLiteral("_view"), s.view);
            reportUs(name + QStringLiteral("_e2e"), s.e2e);
            QStringList types;
            for (auto it = s.startTypes.cbegin(); it != s.startTypes.cend(); ++it)
                types << QStringLiteral("%1 x%2").arg(eventName(it.key())).arg(it.value());
            note(QStringLiteral("%1: %2 ops after %3 warm-up; the op's event: %4")
                     .arg(name)
                     .arg(s.client.size())
                     .arg(warmup)
                     .arg(types.join(QStringLiteral(", "))));
        }
        report(QStringLiteral("apply_%1_longest_other_event_ms").arg(variant),
               double(longestOther) / 1e6);
        note(QStringLiteral("apply_%1: the longest other event on A's thread went to a %2 (an op "
                            "arriving meanwhile waits: see _e2e_p99)")
                 .arg(variant, longestOtherClass));
    }
    tracking.stop();
    note(QStringLiteral("apply: the list has %1 rows at the end").arg(model->rowCount()));
    return true;
}

// ---- 2. and 3. startup and RSS -------------------------------------------------------------

// The credentials files of a data directory (path -> content).
QMap<QString, QByteArray> tokenFiles(const QString &dataDir)
{
    QMap<QString, QByteArray> files;
    const QDir dir(QDir(dataDir).filePath(QStringLiteral("credentials")));
    for (const QFileInfo &fi : dir.entryInfoList({QStringLiteral("*.token")}, QDir::Files)) {
        QFile file(fi.filePath());
        if (file.open(QIODevice::ReadOnly))
            files.insert(fi.filePath(), file.readAll());
    }
    return files;
}

// The measured process (mode startup-child): what app/kinlist/main.cpp does, on a data
// directory that holds the account and its list; `restoreFirst` swaps load and restore().
int startupChild(const QElapsedTimer &sinceMain, double appMs, const QString &dataDir, int items,
                 bool restoreFirst)
{
    const qint64 spawnNs = qEnvironmentVariable("KINLIST_BENCH_SPAWN_NS").toLongLong();
    if (spawnNs > 0)
        report(QStringLiteral("exec_to_main_ms"),
               double(monotonicNs() - spawnNs) / 1e6 - msSince(sinceMain));
    report(QStringLiteral("app_ms"), appMs);
    report(QStringLiteral("app_rss_mb"), procStatusMb("VmRSS"));
    const QMap<QString, QByteArray> tokensBefore = tokenFiles(dataDir);

    // What the first frame showed, taken while the GUI thread waits for the scene graph to
    // sync (with a threaded render loop it runs on the render thread then), and when it was
    // swapped.
    struct First
    {
        std::atomic<bool> synced {false};
        std::atomic<qint64> swappedNs {-1};
        qint64 syncedNs = -1;
        qint64 syncedRssKb = -1;
        int rows = -1;
        int viewCount = -1;
        bool mainPage = false;
        qint64 peakKb = -1;
        qint64 rssKb = -1;
    } first;
    std::atomic<int> frames {0};
    // Counted between the first frame and Live.
    int listChanges = 0;
    int householdChanges = 0;
    int itemResets = 0;
    qint64 longestNs = 0;
    QString longestClass;

    Session session(client::AuthClient::serverUrl(QStringLiteral("127.0.0.1:8477")), dataDir);
    QQmlApplicationEngine engine;
    engine.setInitialProperties(session.qmlProperties());
    QQuickWindow *window = nullptr;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreated, &engine,
                     [&](QObject *object, const QUrl &) {
                         window = qobject_cast<QQuickWindow *>(object);
                         if (!window)
                             return;
                         QObject::connect(
                             window, &QQuickWindow::afterSynchronizing, window,
                             [&] {
                                 if (first.synced.exchange(true))
                                     return;
                                 first.syncedNs = sinceMain.nsecsElapsed();
                                 first.syncedRssKb = procStatusKb("VmRSS");
                                 first.rows = session.editor()->items()->rowCount();
                                 QObject *list =
                                     window->findChild<QObject *>(QStringLiteral("items"));
                                 first.mainPage = list != nullptr;
                                 first.viewCount = list ? list->property("count").toInt() : -1;
                             },
                             Qt::DirectConnection);
                         QObject::connect(
                             window, &QQuickWindow::frameSwapped, window,
                             [&] {
                                 if (frames++ == 0) {
                                     first.swappedNs = sinceMain.nsecsElapsed();
                                     first.peakKb = procStatusKb("VmHWM");
                                     first.rssKb = procStatusKb("VmRSS");
                                 }
                             },
                             Qt::DirectConnection);
                     });
    QElapsedTimer t;
    double restoreMs = 0;
    if (restoreFirst) {
        t.start();
        session.restore();
        restoreMs = msSince(t);
        report(QStringLiteral("restored_rss_mb"), procStatusMb("VmRSS"));
    }
    t.start();
    engine.load(kMainQml);
    const double loadMs = msSince(t);
    report(QStringLiteral("qml_loaded_rss_mb"), procStatusMb("VmRSS"));
    if (!window) {
        fail(QStringLiteral("Main.qml did not load"));
        return 1;
    }
    if (!restoreFirst) {
        t.start();
        session.restore();
        restoreMs = msSince(t);
        report(QStringLiteral("restored_rss_mb"), procStatusMb("VmRSS"));
    }
    report(QStringLiteral("qml_load_ms"), loadMs);
    report(QStringLiteral("restore_ms"), restoreMs);
    if (!waitFor([&] { return first.swappedNs >= 0; }, 20000)) {
        fail(QStringLiteral("no frame within 20 s"));
        return 1;
    }
    const double firstFrameMs = double(first.swappedNs) / 1e6;
    report(QStringLiteral("first_sync_ms"), double(first.syncedNs) / 1e6);
    report(QStringLiteral("first_sync_rss_mb"), double(first.syncedRssKb) / 1024);
    report(QStringLiteral("first_frame_ms"), firstFrameMs);
    if (spawnNs > 0)
        report(QStringLiteral("first_frame_from_spawn_ms"),
               firstFrameMs + number(QStringLiteral("exec_to_main_ms")));
    report(QStringLiteral("first_frame_rows"), first.rows, 0);
    report(QStringLiteral("first_frame_view_count"), first.viewCount, 0);
    report(QStringLiteral("first_frame_main_page"), first.mainPage ? 1 : 0, 0);
    report(QStringLiteral("first_frame_peak_rss_mb"), double(first.peakKb) / 1024);
    report(QStringLiteral("first_frame_rss_mb"), double(first.rssKb) / 1024);
    report(QStringLiteral("first_frame_software"),
           window->rendererInterface()->graphicsApi() == QSGRendererInterface::Software ? 1 : 0, 0);

    // Live: connected with the refresh token from the file, the list synced (nothing new).
    // Meanwhile: how often the models were rebuilt, and the longest the GUI thread was busy
    // with one event (the UI does not respond meanwhile).
    BenchApp *app = benchApp();
    Tracking tracking([&](qint64 start, qint64 end) {
        if (end - start > longestNs) {
            longestNs = end - start;
            longestClass = QString::fromLatin1(app->outerClass());
        }
    });
    if (client::Account *account = session.account()) {
        QObject::connect(account->sync(), &client::SyncClient::listChanged, &engine,
                         [&] { ++listChanges; });
        QObject::connect(account->sync(), &client::SyncClient::householdsChanged, &engine,
                         [&] { ++householdChanges; });
    }
    QObject::connect(session.editor()->items(), &QAbstractItemModel::modelReset, &engine,
                     [&] { ++itemResets; });
    if (!waitFor([&] { return isLive(session, items); }, 30000)) {
        fail(QStringLiteral("not live with %1 items (state %2, %3 rows): %4")
                 .arg(items)
                 .arg(session.status()->state())
                 .arg(session.editor()->items()->rowCount())
                 .arg(session.error()));
        return 1;
    }
    report(QStringLiteral("live_ms"), msSince(sinceMain));
    // What follows Live (the households' refresh, say) settles.
    bool settled = false;
    QTimer::singleShot(500, &engine, [&] { settled = true; });
    waitFor([&] { return settled; }, 2000);
    tracking.stop();
    report(QStringLiteral("to_live_longest_event_ms"), double(longestNs) / 1e6);
    report(QStringLiteral("to_live_list_changed"), listChanges, 0);
    report(QStringLiteral("to_live_households_changed"), householdChanges, 0);
    report(QStringLiteral("to_live_items_resets"), itemResets, 0);
    std::fprintf(stderr, "# startup-child: the longest event after the first frame went to a %s\n",
                 qPrintable(longestClass));
    const int framesAtLive = frames;
    window->update();
    if (!waitFor([&] { return frames > framesAtLive; }, 5000)) {
        fail(QStringLiteral("no frame after the list was live"));
        return 1;
    }
    report(QStringLiteral("live_peak_rss_mb"), procStatusMb("VmHWM"));
    report(QStringLiteral("live_rss_mb"), procStatusMb("VmRSS"));
    // For reference, after the RSS was taken: one decode of the whole list from the store, as
    // the models do it (ItemsModel::reload, ListsModel::makeRow).
    t.start();
    const int entities = session.account()->store()->view(session.editor()->listId()).size();
    report(QStringLiteral("view_decode_ms"), msSince(t));
    report(QStringLiteral("view_entities"), entities, 0);
    // The refresh token rotated on connecting: the next run needs the new one on disk.
    if (!waitFor([&] { return tokenFiles(dataDir) != tokensBefore; }, 10000)) {
        fail(QStringLiteral("the renewed refresh token was not saved"));
        return 1;
    }
    return 0;
}

// Runs the child `reps` times; returns its numbers by name, every run's value.
bool runStartupChildren(const QString &dataDir, int items, int reps, bool restoreFirst,
                        QMap<QString, std::vector<double>> *values, QStringList *order)
{
    for (int rep = 0; rep < reps; ++rep) {
        QProcess child;
        child.setProgram(QCoreApplication::applicationFilePath());
        QStringList args {QStringLiteral("startup-child"), QStringLiteral("--data"), dataDir,
                          QStringLiteral("--items"), QString::number(items)};
        // KINLIST_BENCH_WRAP=heaptrack (say) runs the measured process under a profiler.
        if (const QString wrap = qEnvironmentVariable("KINLIST_BENCH_WRAP"); !wrap.isEmpty()) {
            args.prepend(child.program());
            child.setProgram(wrap);
        }
        if (restoreFirst)
            args << QStringLiteral("--restore-first");
        child.setArguments(args);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KINLIST_BENCH_SPAWN_NS"), QString::number(monotonicNs()));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start();
        // The server runs in its own process: nothing here needs the event loop meanwhile.
        if (!child.waitForFinished(60000)) {
            child.kill();
            child.waitForFinished(2000);
            return fail(QStringLiteral("the startup-child process did not finish"));
        }
        for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
            const QList<QByteArray> parts = line.trimmed().split(' ');
            if (parts.size() != 2)
                continue;
            bool ok = false;
            const double value = parts.at(1).toDouble(&ok);
            const QString name = QString::fromUtf8(parts.at(0));
            if (!ok)
                continue;
            if (!order->contains(name))
                order->append(name);
            (*values)[name].push_back(value);
        }
        if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
            return fail(QStringLiteral("the startup-child process failed (run %1)").arg(rep + 1));
    }
    return true;
}

bool benchStartup(Fixture &f, int items, int reps)
{
    note(QStringLiteral("startup: a fresh process restores the account with its %1-item list "
                        "and shows Main.qml (offscreen); %2 runs each")
             .arg(items)
             .arg(reps));
    // The device's data: the account, its database with the list, and the refresh token in
    // the opt-in file (no keychain is reachable here).
    const QString dataDir = f.dir.filePath(QStringLiteral("device-startup"));
    if (!QDir().mkpath(dataDir))
        return fail(QStringLiteral("cannot make %1").arg(dataDir));
    {
        QSettings settings(QDir(dataDir).filePath(QStringLiteral("kinlist.ini")),
                           QSettings::IniFormat);
        settings.setValue(QStringLiteral("rememberInFile"), true);
    }
    {
        Session seed(f.server.url(), dataDir);
        if (!signInAndLoad(f, seed, items, QStringLiteral("startup: seeding the device")))
            return false;
        if (!waitFor([&] { return !tokenFiles(dataDir).isEmpty(); }, 10000))
            return fail(QStringLiteral("startup: the refresh token was not kept in the file"));
    }
    note(QStringLiteral("startup: the device's database is %1 KiB")
             .arg(QFileInfo(client::Account::databasePath(dataDir, f.server.url(), f.aliceId))
                      .size() /
                  1024));

    for (const bool restoreFirst : {false, true}) {
        QMap<QString, std::vector<double>> values;
        QStringList order;
        if (!runStartupChildren(dataDir, items, reps, restoreFirst, &values, &order))
            return false;
        const QString prefix =
            restoreFirst ? QStringLiteral("startup_restorefirst_") : QStringLiteral("startup_");
        for (const QString &name : order) {
            const std::vector<double> &v = values.value(name);
            const bool count = name.endsWith(QLatin1String("_rows")) ||
                name.endsWith(QLatin1String("_count")) || name.endsWith(QLatin1String("_page")) ||
                name.endsWith(QLatin1String("_software"));
            if (count) {
                // The worst run: every one must have shown the list.
                report(prefix + name, *std::min_element(v.begin(), v.end()), 0);
            } else if (name.endsWith(QLatin1String("_mb"))) {
                report(prefix + name, *std::max_element(v.begin(), v.end()));
            } else {
                report(prefix + name, median(v));
                if (name == QLatin1String("first_frame_ms")) {
                    report(prefix + name + QStringLiteral("_min"),
                           *std::min_element(v.begin(), v.end()));
                    report(prefix + name + QStringLiteral("_max"),
                           *std::max_element(v.begin(), v.end()));
                }
            }
        }
        const bool shown = !values.value(QStringLiteral("first_frame_rows")).empty() &&
            *std::min_element(values[QStringLiteral("first_frame_rows")].begin(),
                              values[QStringLiteral("first_frame_rows")].end()) == items &&
            *std::min_element(values[QStringLiteral("first_frame_view_count")].begin(),
                              values[QStringLiteral("first_frame_view_count")].end()) == items;
        reportWord(prefix + QStringLiteral("first_frame_shows_list"),
                   shown ? QStringLiteral("yes") : QStringLiteral("no"));
    }
    note(QStringLiteral("startup: times are medians, RSS the highest, rows the lowest of the runs; "
                        "\"restorefirst\" calls Session::restore() before loading Main.qml"));
    return true;
}

// ---- summary -------------------------------------------------------------------------------

void printSummary()
{
    std::printf("\nSummary (loopback, shared machine: indicative numbers)\n");
    bool header = false;
    for (const QString &variant : {QStringLiteral("model"), QStringLiteral("shown")}) {
        for (const QString &kind :
             {QStringLiteral("set"), QStringLiteral("create"), QStringLiteral("move")}) {
            for (const QString &from : {QStringLiteral("client"), QStringLiteral("model")}) {
                const QString key = QStringLiteral("apply_%1_%2_%3_").arg(variant, kind, from);
                if (!hasNumber(key + QStringLiteral("p99_us")))
                    continue;
                if (!header) {
                    std::printf("  %-62s %8s %8s  %s\n",
                                "remote op -> ItemsModel row signal (target < 1 ms)", "median",
                                "p99", "p99 verdict");
                    header = true;
                }
                const double p99 = number(key + QStringLiteral("p99_us")) / 1e3;
                const QString what =
                    QStringLiteral("  item.%1, %2, from %3")
                        .arg(kind,
                             variant == QLatin1String("model") ? QStringLiteral("no view")
                                                               : QStringLiteral("Main.qml shown"),
                             from == QLatin1String("client") ? QStringLiteral("arrival")
                                                             : QStringLiteral("remoteOp"));
                std::printf("  %-62s %5.2f ms %5.2f ms  %s\n", qPrintable(what),
                            number(key + QStringLiteral("median_us")) / 1e3, p99,
                            p99 < 1 ? "met" : "NOT met");
            }
        }
    }
    summaryLine(QStringLiteral("start -> first frame, cached 10,000 items (from main)"),
                QStringLiteral("startup_first_frame_ms"), 500, QStringLiteral("ms"), 62);
    summaryLine(QStringLiteral("start -> first frame (from the parent's spawn)"),
                QStringLiteral("startup_first_frame_from_spawn_ms"), 500, QStringLiteral("ms"), 62);
    if (!word(QStringLiteral("startup_first_frame_shows_list")).isEmpty())
        std::printf("  %-62s %12s  (target: yes)  %s\n",
                    "first frame shows the 10,000 cached items",
                    qPrintable(word(QStringLiteral("startup_first_frame_shows_list"))),
                    word(QStringLiteral("startup_first_frame_shows_list")) == QLatin1String("yes")
                        ? "met"
                        : "NOT met");
    summaryLine(QStringLiteral("peak RSS after the first frame"),
                QStringLiteral("startup_first_frame_peak_rss_mb"), 120, QStringLiteral("MB"), 62);
    summaryLine(QStringLiteral("peak RSS with the list live"),
                QStringLiteral("startup_live_peak_rss_mb"), 120, QStringLiteral("MB"), 62);
    if (failures())
        std::printf("%d phase(s) failed; see the messages above\n", failures());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    // Headless and without a keychain, as in the tests: the refresh token goes to the opt-in
    // file, and no real keyring of this user is touched.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/kinlist-no-bus");
    QQuickStyle::setStyle(QStringLiteral("Material"));
    BenchApp app(argc, argv);
    const double appMs = msSince(sinceMain);
    QGuiApplication::setApplicationName(QStringLiteral("kinlist-uibench"));

    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Times the app's UI layer with a 10,000-item list against kinlist-server on loopback."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("mode"),
                            QStringLiteral("all (default), apply or startup."));
    const QCommandLineOption serverOpt(
        QStringLiteral("server"),
        QStringLiteral("kinlist-server binary (default: $KINLIST_SERVER_BIN, else next to this "
                       "program)."),
        QStringLiteral("PATH"));
    const QCommandLineOption opsOpt(QStringLiteral("ops"),
                                    QStringLiteral("Ops of each kind in the apply phase, default "
                                                   "200."),
                                    QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption repsOpt(QStringLiteral("reps"),
                                     QStringLiteral("Runs of the startup process, default 3."),
                                     QStringLiteral("N"), QStringLiteral("3"));
    // Internal, for the process that the startup phase measures.
    const QCommandLineOption dataOpt(QStringLiteral("data"), QStringLiteral("(startup-child)"),
                                     QStringLiteral("DIR"));
    const QCommandLineOption itemsOpt(QStringLiteral("items"), QStringLiteral("(startup-child)"),
                                      QStringLiteral("N"), QString::number(kItems));
    const QCommandLineOption restoreFirstOpt(QStringLiteral("restore-first"),
                                             QStringLiteral("(startup-child)"));
    p.addOptions({serverOpt, opsOpt, repsOpt, dataOpt, itemsOpt, restoreFirstOpt});
    p.process(app);

    const QString mode = p.positionalArguments().value(0, QStringLiteral("all"));
    if (mode == QLatin1String("startup-child"))
        return startupChild(sinceMain, appMs, p.value(dataOpt), p.value(itemsOpt).toInt(),
                            p.isSet(restoreFirstOpt));

    if (mode != QLatin1String("all") && mode != QLatin1String("apply") &&
        mode != QLatin1String("startup")) {
        std::fprintf(stderr, "unknown mode %s; try --help\n", qPrintable(mode));
        return 2;
    }
    const QString serverBin = findServer(p.value(serverOpt));
    if (!QFileInfo(serverBin).isExecutable()) {
        std::fprintf(stderr, "no kinlist-server at %s; pass --server\n", qPrintable(serverBin));
        return 2;
    }
    const int ops = std::max(1, p.value(opsOpt).toInt());
    const int reps = std::max(1, p.value(repsOpt).toInt());

    Fixture f;
    if (setUp(f, serverBin, kItems)) {
        // Startup first: the apply phase adds items to the list.
        if (mode != QLatin1String("apply"))
            benchStartup(f, kItems, reps);
        if (mode != QLatin1String("startup"))
            benchApply(f, kItems, ops);
    }
    printSummary();
    return failures() ? 1 : 0;
}
