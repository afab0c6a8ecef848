// kinlist-loadgen: opens R rooms x M members of signed-in connections against a real
// kinlist-server process, sends item.set mutations at a fixed offered rate, and reports
// sent and acked ops/s, fan-out latency (send -> the last other member of the room has the
// op), connect time, the server's CPU and peak RSS, and its own CPU. With several rates it
// finds the saturation point: the highest rate with p99 fan-out under 50 ms and nothing
// lost. See bench/README.md for commands and results.
#include "core/hlc.h"
#include "core/uuid.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Per-op bookkeeping shared by all loader threads.
struct Ledger
{
    explicit Ledger(size_t capacity)
        : sendNs(capacity)
        , doneNs(capacity)
        , receipts(capacity)
        , acked(capacity)
    {
    }
    std::vector<std::atomic<qint64>> sendNs;
    std::vector<std::atomic<qint64>> doneNs;
    std::vector<std::atomic<int>> receipts;
    std::vector<std::atomic<bool>> acked;
    std::atomic<qint64> next{0};
    int othersPerRoom = 4;
};

struct Conn
{
    QWebSocket *ws = nullptr;
    QString clientId;
    QString listId;
    QStringList items;
    qint64 nextMutation = 1;
    std::unique_ptr<kinlist::HlcClock> clock;
    qint64 connectNs = 0;
};

// Blocking request helper used during setup only (main thread).
class Setup
{
public:
    static bool waitFor(const std::function<bool()> &done, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (!done()) {
            if (t.elapsed() > timeoutMs)
                return false;
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        }
        return true;
    }

    static QJsonObject request(QWebSocket *ws, QJsonObject msg, qint64 id)
    {
        msg.insert(QStringLiteral("id"), id);
        QJsonObject reply;
        auto c = QObject::connect(ws, &QWebSocket::textMessageReceived, ws, [&](const QString &text) {
            const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
            if (o.value(QStringLiteral("id")).toInteger(-1) == id)
                reply = o;
        });
        ws->sendTextMessage(QString::fromUtf8(QJsonDocument(msg).toJson(QJsonDocument::Compact)));
        waitFor([&] { return !reply.isEmpty(); }, 30000);
        QObject::disconnect(c);
        return reply;
    }
};

class Worker : public QObject
{
public:
    Worker(Ledger *ledger, std::vector<Conn *> conns)
        : m_ledger(ledger)
        , m_conns(std::move(conns))
    {
    }

    std::atomic<double> rate{0}; // ops per second for this worker
    std::atomic<qint64> sent{0};
    std::atomic<qint64> ackCount{0};

    void start()
    {
        for (Conn *c : m_conns) {
            QObject::connect(c->ws, &QWebSocket::textMessageReceived, this,
                             [this](const QString &t) { onFrame(t); });
        }
        m_timer = new QTimer(this);
        m_timer->setInterval(1);
        m_timer->setTimerType(Qt::PreciseTimer);
        QObject::connect(m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_lastTickNs = nowNs();
        m_timer->start();
    }

private:
    void tick()
    {
        const qint64 now = nowNs();
        m_quota += rate.load() * double(now - m_lastTickNs) / 1e9;
        m_lastTickNs = now;
        if (m_quota > 1000)
            m_quota = 1000; // never burst more than this after a stall
        while (m_quota >= 1.0) {
            m_quota -= 1.0;
            sendOne();
        }
    }

    void sendOne()
    {
        const qint64 idx = m_ledger->next.fetch_add(1);
        if (idx >= qint64(m_ledger->sendNs.size()))
            return;
        Conn *c = m_conns[size_t(m_rr++ % m_conns.size())];
        const QString &item = c->items.at(int(idx % c->items.size()));
        const QString stamp = c->clock->now().toString();
        const qint64 mid = c->nextMutation++;
        const QString frame = QStringLiteral(
                                  "{\"type\":\"mutate\",\"id\":%1,\"clientId\":\"%2\",\"mutationId\":%1,\"listId\":\"%3\","
                                  "\"op\":{\"type\":\"item.set\",\"listId\":\"%3\",\"itemId\":\"%4\",\"stamp\":\"%5\","
                                  "\"fields\":{\"title\":\"b %6\"}}}")
                                  .arg(mid)
                                  .arg(c->clientId, c->listId, item, stamp)
                                  .arg(idx);
        m_ledger->sendNs[size_t(idx)].store(nowNs());
        c->ws->sendTextMessage(frame);
        ++sent;
    }

    void onFrame(const QString &text)
    {
        const QStringView v(text);
        if (v.startsWith(u"{\"at\"") || v.contains(u"\"type\":\"op\"")) {
            if (v.contains(u"\"mutationId\""))
                return; // the sender's own copy
            const qsizetype p = v.indexOf(u"\"title\":\"b ");
            if (p < 0)
                return;
            const qsizetype start = p + 11;
            qsizetype end = start;
            while (end < v.size() && v.at(end).isDigit())
                ++end;
            const qint64 idx = v.mid(start, end - start).toLongLong();
            if (idx < 0 || idx >= qint64(m_ledger->sendNs.size()))
                return;
            if (m_ledger->receipts[size_t(idx)].fetch_add(1) + 1 == m_ledger->othersPerRoom)
                m_ledger->doneNs[size_t(idx)].store(nowNs());
        } else if (v.contains(u"\"type\":\"ack\"")) {
            ++ackCount;
        }
    }

    Ledger *m_ledger;
    std::vector<Conn *> m_conns;
    QTimer *m_timer = nullptr;
    qint64 m_lastTickNs = 0;
    double m_quota = 0;
    quint64 m_rr = 0;
};

struct ProcStats
{
    double cpuSeconds = 0;
    qint64 peakRssKb = 0;
};

ProcStats procStats(qint64 pid)
{
    ProcStats s;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray line = stat.readAll();
        const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
        // fields after the command: state is index 0; utime 11, stime 12
        s.cpuSeconds = double(f.value(11).toLongLong() + f.value(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
    }
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &l : status.readAll().split('\n')) {
            if (l.startsWith("VmHWM:"))
                s.peakRssKb = l.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return s;
}

double selfCpuSeconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    const size_t k = size_t(q * double(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + qsizetype(k), v.end());
    return v[k];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Load generator for kinlist-server."));
    p.addHelpOption();
    const QCommandLineOption serverOpt(QStringLiteral("server"), QStringLiteral("kinlist-server binary to start."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption roomsOpt(QStringLiteral("rooms"), QStringLiteral("Rooms (lists), default 200."),
                                      QStringLiteral("R"), QStringLiteral("200"));
    const QCommandLineOption membersOpt(QStringLiteral("members"), QStringLiteral("Members per room, default 5."),
                                        QStringLiteral("M"), QStringLiteral("5"));
    const QCommandLineOption ratesOpt(QStringLiteral("rates"),
                                      QStringLiteral("Offered rates in ops/s, comma separated, default 5000."),
                                      QStringLiteral("LIST"), QStringLiteral("5000"));
    const QCommandLineOption durationOpt(QStringLiteral("duration"), QStringLiteral("Seconds measured per rate, default 10."),
                                         QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"), QStringLiteral("Loader threads, default 2."),
                                        QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption syncOpt(QStringLiteral("sync"), QStringLiteral("Server --sync mode, default normal."),
                                     QStringLiteral("MODE"), QStringLiteral("normal"));
    p.addOptions({serverOpt, roomsOpt, membersOpt, ratesOpt, durationOpt, threadsOpt, syncOpt});
    p.process(app);

    const int rooms = p.value(roomsOpt).toInt();
    const int members = p.value(membersOpt).toInt();
    const int duration = p.value(durationOpt).toInt();
    const int threads = std::max(1, p.value(threadsOpt).toInt());
    QList<int> rates;
    for (const QString &r : p.value(ratesOpt).split(QLatin1Char(',')))
        rates << r.toInt();
    if (rooms < 1 || members < 2 || duration < 1 || rates.contains(0) || !p.isSet(serverOpt)) {
        std::fprintf(stderr, "need --server, rooms >= 1, members >= 2, duration >= 1 and rates > 0\n");
        return 2;
    }

    // The server under test, in its own process on an ephemeral loopback port.
    QTemporaryDir dir;
    QProcess server;
    server.setProgram(p.value(serverOpt));
    server.setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data"),
                         dir.path() + QStringLiteral("/data"), QStringLiteral("--password-hash"), QStringLiteral("min"),
                         QStringLiteral("--sync"), p.value(syncOpt), QStringLiteral("--max-connections-per-user"),
                         QStringLiteral("4")});
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start();
    QByteArray out;
    QRegularExpressionMatch m;
    Setup::waitFor([&] {
        out += server.readAllStandardOutput();
        m = QRegularExpression(QStringLiteral("listening on (ws://\\S+)")).match(QString::fromUtf8(out));
        return m.hasMatch() || server.state() == QProcess::NotRunning;
    }, 10000);
    if (!m.hasMatch()) {
        std::fprintf(stderr, "server did not start\n");
        return 1;
    }
    const QUrl url(m.captured(1));
    const qint64 serverPid = server.processId();

    // Setup: per room an owner makes a household, an invite and a list with 20 items;
    // the other members register, join and subscribe.
    std::vector<std::unique_ptr<Conn>> conns;
    std::vector<double> connectMs;
    QElapsedTimer setupTimer;
    setupTimer.start();
    qint64 reqId = 1;
    for (int r = 0; r < rooms; ++r) {
        QString householdId, code, listId;
        QStringList items;
        for (int k = 0; k < members; ++k) {
            auto c = std::make_unique<Conn>();
            c->clientId = kinlist::createUuid();
            c->clock = std::make_unique<kinlist::HlcClock>(c->clientId);
            c->ws = new QWebSocket;
            const qint64 t0 = nowNs();
            bool connected = false;
            QObject::connect(c->ws, &QWebSocket::connected, c->ws, [&] { connected = true; });
            c->ws->open(url);
            if (!Setup::waitFor([&] { return connected; }, 10000)) {
                std::fprintf(stderr, "connect failed\n");
                return 1;
            }
            QJsonObject hello = Setup::request(c->ws, {{QStringLiteral("type"), QStringLiteral("hello")},
                                                       {QStringLiteral("protocol"), 1},
                                                       {QStringLiteral("clientId"), c->clientId}},
                                               reqId++);
            const QJsonObject reg = Setup::request(
                c->ws,
                {{QStringLiteral("type"), QStringLiteral("register")},
                 {QStringLiteral("email"), QStringLiteral("u%1-%2@bench.invalid").arg(r).arg(k)},
                 {QStringLiteral("password"), QStringLiteral("benchmark-password")},
                 {QStringLiteral("displayName"), QStringLiteral("U%1-%2").arg(r).arg(k)}},
                reqId++);
            if (reg.value(QStringLiteral("type")).toString() != QLatin1String("reply")) {
                std::fprintf(stderr, "register failed: %s\n", QJsonDocument(reg).toJson().constData());
                return 1;
            }
            connectMs.push_back(double(nowNs() - t0) / 1e6);
            auto sendOp = [&](const QJsonObject &op) {
                return Setup::request(c->ws, {{QStringLiteral("type"), QStringLiteral("mutate")},
                                              {QStringLiteral("clientId"), c->clientId},
                                              {QStringLiteral("mutationId"), c->nextMutation++},
                                              {QStringLiteral("listId"), listId},
                                              {QStringLiteral("op"), op}},
                                      reqId++);
            };
            if (k == 0) {
                householdId = Setup::request(c->ws, {{QStringLiteral("type"), QStringLiteral("household.create")},
                                                     {QStringLiteral("name"), QStringLiteral("Bench %1").arg(r)}},
                                             reqId++)
                                  .value(QStringLiteral("result")).toObject().value(QStringLiteral("household"))
                                  .toObject().value(QStringLiteral("id")).toString();
                code = Setup::request(c->ws, {{QStringLiteral("type"), QStringLiteral("invite.create")},
                                              {QStringLiteral("householdId"), householdId},
                                              {QStringLiteral("maxUses"), 50}},
                                      reqId++)
                           .value(QStringLiteral("result")).toObject().value(QStringLiteral("code")).toString();
                listId = kinlist::createUuid();
                sendOp({{QStringLiteral("type"), QStringLiteral("list.create")},
                        {QStringLiteral("listId"), listId},
                        {QStringLiteral("householdId"), householdId},
                        {QStringLiteral("stamp"), c->clock->now().toString()},
                        {QStringLiteral("fields"), QJsonObject{{QStringLiteral("name"), QStringLiteral("L")},
                                                               {QStringLiteral("kind"), QStringLiteral("shopping")}}}});
                for (int i = 0; i < 20; ++i) {
                    items << kinlist::createUuid();
                    sendOp({{QStringLiteral("type"), QStringLiteral("item.create")},
                            {QStringLiteral("listId"), listId},
                            {QStringLiteral("itemId"), items.last()},
                            {QStringLiteral("stamp"), c->clock->now().toString()},
                            {QStringLiteral("fields"), QJsonObject{{QStringLiteral("title"), QStringLiteral("item")}}}});
                }
            } else {
                Setup::request(c->ws, {{QStringLiteral("type"), QStringLiteral("household.join")}, {QStringLiteral("code"), code}},
                               reqId++);
            }
            c->listId = listId;
            c->items = items;
            const QJsonObject sub = Setup::request(c->ws, {{QStringLiteral("type"), QStringLiteral("subscribe")},
                                                           {QStringLiteral("listId"), listId},
                                                           {QStringLiteral("sinceSeq"), 0}},
                                                   reqId++);
            if (sub.value(QStringLiteral("type")).toString() != QLatin1String("reply")) {
                std::fprintf(stderr, "subscribe failed\n");
                return 1;
            }
            c->nextMutation = std::max<qint64>(c->nextMutation, 1);
            // Mutation ids continue from setup; the loader uses the request id space of its own.
            conns.push_back(std::move(c));
        }
    }
    const double setupSeconds = double(setupTimer.elapsed()) / 1000.0;
    // Let presence and setup frames drain, then drop all setup connections.
    Setup::waitFor([] { return false; }, 300);
    for (auto &c : conns)
        c->ws->disconnect();

    size_t capacity = 0;
    for (int r : rates)
        capacity += size_t(r) * size_t(duration + 3);
    Ledger ledger(capacity + 1000);
    ledger.othersPerRoom = members - 1;

    std::vector<QThread *> qthreads;
    std::vector<Worker *> workers;
    for (int t = 0; t < threads; ++t) {
        std::vector<Conn *> mine;
        for (size_t i = size_t(t); i < conns.size(); i += size_t(threads))
            mine.push_back(conns[i].get());
        auto *thread = new QThread;
        auto *w = new Worker(&ledger, mine);
        for (Conn *c : mine)
            c->ws->moveToThread(thread);
        w->moveToThread(thread);
        thread->start();
        QMetaObject::invokeMethod(w, [w] { w->start(); }, Qt::BlockingQueuedConnection);
        qthreads.push_back(thread);
        workers.push_back(w);
    }

    std::printf("kinlist-loadgen: %d rooms x %d members = %zu connections, %d loader threads, server --sync %s\n",
                rooms, members, conns.size(), threads, qPrintable(p.value(syncOpt)));
    std::printf("setup (connect + hello + register + join/list + subscribe, sequential): %.1f s; "
                "connect+hello+register per connection p50 %.2f ms p99 %.2f ms\n",
                setupSeconds, quantile(connectMs, 0.5), quantile(connectMs, 0.99));
    std::printf("%8s %9s %9s %8s %8s %8s %8s %6s %9s %8s %9s\n", "offered", "sent/s", "acked/s", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "lost", "srv CPU%", "srv MB", "load CPU%");
    std::fflush(stdout);

    int saturation = 0;
    for (int rate : rates) {
        for (Worker *w : workers)
            w->rate = double(rate) / threads;
        Setup::waitFor([] { return false; }, 1000); // warm-up, not measured
        const qint64 firstIdx = ledger.next.load();
        qint64 ackedBefore = 0, sentBefore = 0;
        for (Worker *w : workers) {
            ackedBefore += w->ackCount;
            sentBefore += w->sent;
        }
        const ProcStats s0 = procStats(serverPid);
        const double self0 = selfCpuSeconds();
        const qint64 t0 = nowNs();
        Setup::waitFor([] { return false; }, duration * 1000);
        const qint64 t1 = nowNs();
        const qint64 lastIdx = std::min<qint64>(ledger.next.load(), qint64(ledger.sendNs.size()));
        const ProcStats s1 = procStats(serverPid);
        const double self1 = selfCpuSeconds();
        qint64 ackedAfter = 0, sentAfter = 0;
        for (Worker *w : workers) {
            ackedAfter += w->ackCount;
            sentAfter += w->sent;
        }
        for (Worker *w : workers)
            w->rate = 0;
        // Grace for the ops in flight, then count what never fully arrived.
        Setup::waitFor([&] {
            for (qint64 i = firstIdx; i < lastIdx; ++i) {
                if (ledger.doneNs[size_t(i)].load() == 0)
                    return false;
            }
            return true;
        }, 3000);
        std::vector<double> lat;
        qint64 lost = 0;
        for (qint64 i = firstIdx; i < lastIdx; ++i) {
            const qint64 done = ledger.doneNs[size_t(i)].load();
            if (done == 0)
                ++lost;
            else
                lat.push_back(double(done - ledger.sendNs[size_t(i)].load()) / 1e6);
        }
        const double secs = double(t1 - t0) / 1e9;
        const double p99 = quantile(lat, 0.99);
        std::printf("%8d %9.0f %9.0f %8.2f %8.2f %8.2f %8.2f %6lld %9.0f %8.1f %9.0f\n", rate,
                    double(sentAfter - sentBefore) / secs, double(ackedAfter - ackedBefore) / secs,
                    quantile(lat, 0.5), quantile(lat, 0.95), p99, lat.empty() ? 0 : *std::max_element(lat.begin(), lat.end()),
                    lost, 100.0 * (s1.cpuSeconds - s0.cpuSeconds) / secs, double(s1.peakRssKb) / 1024.0,
                    100.0 * (self1 - self0) / secs);
        std::fflush(stdout);
        if (p99 < 50.0 && lost == 0)
            saturation = std::max(saturation, rate);
        Setup::waitFor([] { return false; }, 500);
    }
    if (rates.size() > 1)
        std::printf("saturation (highest offered rate with p99 < 50 ms and nothing lost): %d ops/s\n", saturation);

    for (size_t t = 0; t < qthreads.size(); ++t) {
        qthreads[t]->quit();
        qthreads[t]->wait();
    }
    server.terminate();
    server.waitForFinished(10000);
    return 0;
}
