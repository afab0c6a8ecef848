// kinlist-loadgen: opens R rooms x M members of signed-in connections against a real
// kinlist-server process, sends item.set mutations at a fixed offered rate, and reports
// sent and acked ops/s, fan-out latency (send -> the last other member of the room has the
// op), connect time, the server's CPU and peak RSS, and its own CPU. With several rates it
// finds the saturation point: the highest rate with p99 fan-out under 50 ms and nothing
// lost. See bench/README.md for commands and results.
//
// The loader must cost far less CPU than the server it measures, so its WebSocket client
// is a minimal one on plain sockets (framing, masking and parsing by hand), driven by
// epoll with one thread per share of the connections.
#include "core/hlc.h"
#include "core/uuid.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <string_view>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void sleepMs(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

// Per-op bookkeeping shared by all loader threads, indexed by the op's global number.
struct Ledger
{
    explicit Ledger(size_t capacity)
        : sendNs(capacity)
        , doneNs(capacity)
        , receipts(capacity)
    { }
    std::vector<std::atomic<qint64>> sendNs;
    std::vector<std::atomic<qint64>> doneNs; // when the last other member had it
    std::vector<std::atomic<int>> receipts;
    std::atomic<qint64> next {0};
    int othersPerRoom = 4;
};

class RawWs
{
public:
    ~RawWs()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool connectTo(const QUrl &url)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (m_fd < 0)
            return false;
        int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in addr {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(quint16(url.port()));
        ::inet_pton(AF_INET, url.host().toLatin1().constData(), &addr.sin_addr);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
            return false;
        const std::string req = "GET / HTTP/1.1\r\nHost: " + url.host().toStdString() + ":" +
            std::to_string(url.port()) +
            "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: a2lubGlzdC1sb2FkZ2VuIQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        if (!writeAll(req.data(), req.size()))
            return false;
        char buf[4096];
        std::string head;
        while (head.find("\r\n\r\n") == std::string::npos) {
            const ssize_t n = ::read(m_fd, buf, sizeof buf);
            if (n <= 0)
                return false;
            head.append(buf, size_t(n));
        }
        m_in = head.substr(head.find("\r\n\r\n") + 4);
        m_mask = quint32(QRandomGenerator::global()->generate());
        return head.rfind("HTTP/1.1 101", 0) == 0;
    }

    int fd() const { return m_fd; }
    bool sendText(const std::string &payload) { return sendFrame(0x1, payload); }

    // Reads what the socket has (waiting if `block`) and calls `onText` for each complete
    // text frame; answers pings. Returns false when the connection is gone.
    template<typename F> bool pump(bool block, F &&onText)
    {
        char buf[65536];
        const ssize_t n = ::recv(m_fd, buf, sizeof buf, block ? 0 : MSG_DONTWAIT);
        if (n == 0)
            return false;
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
        m_in.append(buf, size_t(n));
        size_t pos = 0;
        while (m_in.size() - pos >= 2) {
            const auto *h = reinterpret_cast<const unsigned char *>(m_in.data() + pos);
            const int opcode = h[0] & 0x0f;
            quint64 len = h[1] & 0x7f;
            size_t hdr = 2;
            if (len == 126) {
                if (m_in.size() - pos < 4)
                    break;
                len = (quint64(h[2]) << 8) | h[3];
                hdr = 4;
            } else if (len == 127) {
                if (m_in.size() - pos < 10)
                    break;
                len = 0;
                for (int i = 0; i < 8; ++i)
                    len = (len << 8) | h[2 + i];
                hdr = 10;
            }
            if (m_in.size() - pos < hdr + len)
                break;
            const std::string_view payload(m_in.data() + pos + hdr, size_t(len));
            if (opcode == 0x1)
                onText(payload);
            else if (opcode == 0x9)
                sendFrame(0xA, std::string(payload));
            else if (opcode == 0x8)
                return false;
            pos += hdr + size_t(len);
        }
        m_in.erase(0, pos);
        return true;
    }

    // Setup only: sends a request and blocks until the frame with its id arrives.
    QJsonObject request(QJsonObject msg, qint64 id)
    {
        msg.insert(QStringLiteral("id"), id);
        sendText(QJsonDocument(msg).toJson(QJsonDocument::Compact).toStdString());
        const std::string needle = "\"id\":" + std::to_string(id) + ",";
        const std::string needleEnd = "\"id\":" + std::to_string(id) + "}";
        QJsonObject reply;
        while (reply.isEmpty()) {
            const bool ok = pump(true, [&](std::string_view text) {
                if (text.find(needle) == std::string_view::npos &&
                    text.find(needleEnd) == std::string_view::npos)
                    return;
                const QJsonObject o =
                    QJsonDocument::fromJson(QByteArray(text.data(), qsizetype(text.size())))
                        .object();
                if (o.value(QStringLiteral("id")).toInteger(-1) == id)
                    reply = o;
            });
            if (!ok)
                break;
        }
        return reply;
    }

private:
    bool writeAll(const char *data, size_t size)
    {
        while (size > 0) {
            const ssize_t n = ::send(m_fd, data, size, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            data += n;
            size -= size_t(n);
        }
        return true;
    }

    bool sendFrame(int opcode, const std::string &payload)
    {
        std::string f;
        f.reserve(payload.size() + 14);
        f.push_back(char(0x80 | opcode));
        if (payload.size() < 126) {
            f.push_back(char(0x80 | payload.size()));
        } else if (payload.size() < 65536) {
            f.push_back(char(0x80 | 126));
            f.push_back(char(payload.size() >> 8));
            f.push_back(char(payload.size() & 0xff));
        } else {
            f.push_back(char(0x80 | 127));
            for (int i = 7; i >= 0; --i)
                f.push_back(char((quint64(payload.size()) >> (8 * i)) & 0xff));
        }
        const unsigned char key[4] = {quint8(m_mask >> 24), quint8(m_mask >> 16),
                                      quint8(m_mask >> 8), quint8(m_mask)};
        f.append(reinterpret_cast<const char *>(key), 4);
        const size_t start = f.size();
        f.append(payload);
        for (size_t i = 0; i < payload.size(); ++i)
            f[start + i] = char(f[start + i] ^ key[i & 3]);
        return writeAll(f.data(), f.size());
    }

    int m_fd = -1;
    std::string m_in;
    quint32 m_mask = 0;
};

struct Conn
{
    RawWs ws;
    std::string clientId;
    std::string listId;
    std::vector<std::string> items;
    qint64 nextMutation = 1;
    std::unique_ptr<kinlist::HlcClock> clock;
};

class Worker
{
public:
    Worker(Ledger *ledger, std::vector<Conn *> conns)
        : m_ledger(ledger)
        , m_conns(std::move(conns))
    { }

    std::atomic<double> rate {0}; // ops per second for this worker
    std::atomic<qint64> sent {0};
    std::atomic<qint64> acks {0};
    std::atomic<bool> stop {false};

    void run()
    {
        const int ep = epoll_create1(EPOLL_CLOEXEC);
        for (size_t i = 0; i < m_conns.size(); ++i) {
            epoll_event ev {};
            ev.events = EPOLLIN;
            ev.data.u64 = i;
            epoll_ctl(ep, EPOLL_CTL_ADD, m_conns[i]->ws.fd(), &ev);
        }
        std::vector<epoll_event> events(512);
        qint64 last = nowNs();
        double quota = 0;
        while (!stop.load()) {
            const int n = epoll_wait(ep, events.data(), int(events.size()), 1);
            for (int i = 0; i < n; ++i) {
                Conn *c = m_conns[size_t(events[size_t(i)].data.u64)];
                c->ws.pump(false, [this](std::string_view t) { onFrame(t); });
            }
            const qint64 now = nowNs();
            quota = std::min(1000.0, quota + rate.load() * double(now - last) / 1e9);
            last = now;
            while (quota >= 1.0) {
                quota -= 1.0;
                sendOne();
            }
        }
        ::close(ep);
    }

private:
    void sendOne()
    {
        const qint64 idx = m_ledger->next.fetch_add(1);
        if (idx >= qint64(m_ledger->sendNs.size()))
            return;
        Conn *c = m_conns[size_t(m_rr++ % m_conns.size())];
        const std::string &item = c->items[size_t(idx) % c->items.size()];
        const std::string stamp = c->clock->now().toString().toStdString();
        const std::string mid = std::to_string(c->nextMutation++);
        std::string frame;
        frame.reserve(400);
        frame += "{\"type\":\"mutate\",\"id\":" + mid + ",\"clientId\":\"" + c->clientId +
            "\",\"mutationId\":" + mid + ",\"listId\":\"" + c->listId +
            "\",\"op\":{\"type\":\"item.set\",\"listId\":\"" + c->listId + "\",\"itemId\":\"" +
            item + "\",\"stamp\":\"" + stamp + "\",\"fields\":{\"title\":\"b " +
            std::to_string(idx) + "\"}}}";
        m_ledger->sendNs[size_t(idx)].store(nowNs());
        c->ws.sendText(frame);
        ++sent;
    }

    void onFrame(std::string_view v)
    {
        if (v.find("\"type\":\"op\"") != std::string_view::npos) {
            if (v.find("\"mutationId\"") != std::string_view::npos)
                return; // the sender's own copy
            const size_t p = v.find("\"title\":\"b ");
            if (p == std::string_view::npos)
                return;
            qint64 idx = 0;
            for (size_t i = p + 11; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i)
                idx = idx * 10 + (v[i] - '0');
            if (idx >= qint64(m_ledger->sendNs.size()))
                return;
            if (m_ledger->receipts[size_t(idx)].fetch_add(1) + 1 == m_ledger->othersPerRoom)
                m_ledger->doneNs[size_t(idx)].store(nowNs());
        } else if (v.find("\"type\":\"ack\"") != std::string_view::npos) {
            ++acks;
        }
    }

    Ledger *m_ledger;
    std::vector<Conn *> m_conns;
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
        // after "(comm) ": state is field 0, utime 11, stime 12
        s.cpuSeconds = double(f.value(11).toLongLong() + f.value(12).toLongLong()) /
            double(sysconf(_SC_CLK_TCK));
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

// CPU seconds of every PostgreSQL process on the machine (the benchmark's own cluster).
double postgresCpuSeconds()
{
    double total = 0;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool number = false;
        entry.toLongLong(&number);
        if (!number)
            continue;
        QFile stat(proc.filePath(entry + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        if (!line.contains("(postgres)"))
            continue;
        const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
        total += double(f.value(11).toLongLong() + f.value(12).toLongLong()) /
            double(sysconf(_SC_CLK_TCK));
    }
    return total;
}

double selfCpuSeconds()
{
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
        double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    const size_t k = size_t(q * double(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + qsizetype(k), v.end());
    return v[k];
}

QString resultString(const QJsonObject &reply, const char *a, const char *b = nullptr)
{
    QJsonValue v = reply.value(QStringLiteral("result")).toObject().value(QLatin1String(a));
    if (b)
        v = v.toObject().value(QLatin1String(b));
    return v.toString();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Load generator for kinlist-server."));
    p.addHelpOption();
    const QCommandLineOption serverOpt(QStringLiteral("server"),
                                       QStringLiteral("kinlist-server binary to start."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption roomsOpt(QStringLiteral("rooms"),
                                      QStringLiteral("Rooms (lists), default 200."),
                                      QStringLiteral("R"), QStringLiteral("200"));
    const QCommandLineOption membersOpt(QStringLiteral("members"),
                                        QStringLiteral("Members per room, default 5."),
                                        QStringLiteral("M"), QStringLiteral("5"));
    const QCommandLineOption ratesOpt(
        QStringLiteral("rates"),
        QStringLiteral("Offered rates in ops/s, comma separated, default 5000."),
        QStringLiteral("LIST"), QStringLiteral("5000"));
    const QCommandLineOption durationOpt(QStringLiteral("duration"),
                                         QStringLiteral("Seconds measured per rate, default 10."),
                                         QStringLiteral("S"), QStringLiteral("10"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"),
                                        QStringLiteral("Loader threads, default 1."),
                                        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption syncOpt(QStringLiteral("sync"),
                                     QStringLiteral("Server --sync mode, default normal."),
                                     QStringLiteral("MODE"), QStringLiteral("normal"));
    const QCommandLineOption databaseOpt(
        QStringLiteral("database"),
        QStringLiteral("Run the nodes on this PostgreSQL database (an empty one)."),
        QStringLiteral("URL"));
    const QCommandLineOption nodesOpt(
        QStringLiteral("nodes"),
        QStringLiteral("Server nodes (with --database), default 1; member k of each room "
                       "connects to node k mod N, so every room spans the nodes."),
        QStringLiteral("N"), QStringLiteral("1"));
    p.addOptions({serverOpt, roomsOpt, membersOpt, ratesOpt, durationOpt, threadsOpt, syncOpt,
                  databaseOpt, nodesOpt});
    p.process(app);

    const int rooms = p.value(roomsOpt).toInt();
    const int members = p.value(membersOpt).toInt();
    const int duration = p.value(durationOpt).toInt();
    const int threads = std::max(1, p.value(threadsOpt).toInt());
    QList<int> rates;
    for (const QString &r : p.value(ratesOpt).split(QLatin1Char(',')))
        rates << r.toInt();
    if (rooms < 1 || members < 2 || duration < 1 || rates.contains(0) || !p.isSet(serverOpt)) {
        std::fprintf(stderr,
                     "need --server, rooms >= 1, members >= 2, duration >= 1 and rates > 0\n");
        return 2;
    }

    // The server under test, in its own process on an ephemeral loopback port; or N nodes
    // of it on one PostgreSQL database.
    const QString database = p.value(databaseOpt);
    const int nodes = database.isEmpty() ? 1 : std::max(1, p.value(nodesOpt).toInt());
    QTemporaryDir dir;
    std::vector<std::unique_ptr<QProcess>> servers;
    std::vector<QUrl> urls;
    std::vector<qint64> serverPids;
    for (int n = 0; n < nodes; ++n) {
        auto server = std::make_unique<QProcess>();
        server->setProgram(p.value(serverOpt));
        QStringList arguments {
            QStringLiteral("--listen"),        QStringLiteral("127.0.0.1:0"),
            QStringLiteral("--data"),          dir.path() + QStringLiteral("/data%1").arg(n),
            QStringLiteral("--password-hash"), QStringLiteral("min"),
            QStringLiteral("--sync"),          p.value(syncOpt)};
        if (!database.isEmpty())
            arguments << QStringLiteral("--database") << database;
        server->setArguments(arguments);
        server->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server->start();
        QByteArray out;
        QRegularExpressionMatch m;
        for (int i = 0; i < 100 && !m.hasMatch() && server->state() != QProcess::NotRunning; ++i) {
            server->waitForReadyRead(100);
            out += server->readAllStandardOutput();
            m = QRegularExpression(QStringLiteral("listening on (ws://\\S+)"))
                    .match(QString::fromUtf8(out));
        }
        if (!m.hasMatch()) {
            std::fprintf(stderr, "server did not start\n");
            return 1;
        }
        urls.push_back(QUrl(m.captured(1)));
        serverPids.push_back(server->processId());
        servers.push_back(std::move(server));
    }
    const auto serversStats = [&] {
        ProcStats sum;
        for (const qint64 pid : serverPids) {
            const ProcStats s = procStats(pid);
            sum.cpuSeconds += s.cpuSeconds;
            sum.peakRssKb += s.peakRssKb;
        }
        return sum;
    };

    // Setup: per room an owner makes a household, an invite and a list with 20 items; the
    // others register and join; everyone subscribes. One account per connection.
    std::vector<std::unique_ptr<Conn>> conns;
    std::vector<double> connectMs;
    const qint64 setupStart = nowNs();
    qint64 reqId = 1;
    auto fail = [](const char *what, const QJsonObject &reply) {
        std::fprintf(stderr, "%s failed: %s\n", what,
                     QJsonDocument(reply).toJson(QJsonDocument::Compact).constData());
        return 1;
    };
    for (int r = 0; r < rooms; ++r) {
        QString householdId, code;
        std::string listId;
        std::vector<std::string> items;
        for (int k = 0; k < members; ++k) {
            auto c = std::make_unique<Conn>();
            const QString clientId = kinlist::createUuid();
            c->clientId = clientId.toStdString();
            c->clock = std::make_unique<kinlist::HlcClock>(clientId);
            const qint64 t0 = nowNs();
            if (!c->ws.connectTo(urls[size_t(k) % urls.size()])) {
                std::fprintf(stderr, "connect failed\n");
                return 1;
            }
            c->ws.request({{QStringLiteral("type"), QStringLiteral("hello")},
                           {QStringLiteral("protocol"), 2},
                           {QStringLiteral("clientId"), clientId}},
                          reqId++);
            const QJsonObject reg = c->ws.request(
                {{QStringLiteral("type"), QStringLiteral("register")},
                 {QStringLiteral("email"), QStringLiteral("u%1-%2@bench.invalid").arg(r).arg(k)},
                 {QStringLiteral("password"), QStringLiteral("benchmark-password")},
                 {QStringLiteral("displayName"), QStringLiteral("U%1-%2").arg(r).arg(k)}},
                reqId++);
            if (reg.value(QStringLiteral("type")).toString() != QLatin1String("reply"))
                return fail("register", reg);
            connectMs.push_back(double(nowNs() - t0) / 1e6);
            auto sendOp = [&](const QJsonObject &op) {
                return c->ws.request({{QStringLiteral("type"), QStringLiteral("mutate")},
                                      {QStringLiteral("clientId"), clientId},
                                      {QStringLiteral("mutationId"), c->nextMutation++},
                                      {QStringLiteral("listId"), QString::fromStdString(listId)},
                                      {QStringLiteral("op"), op}},
                                     reqId++);
            };
            if (k == 0) {
                householdId = resultString(
                    c->ws.request({{QStringLiteral("type"), QStringLiteral("household.create")},
                                   {QStringLiteral("name"), QStringLiteral("Bench %1").arg(r)}},
                                  reqId++),
                    "household", "id");
                code = resultString(
                    c->ws.request({{QStringLiteral("type"), QStringLiteral("invite.create")},
                                   {QStringLiteral("householdId"), householdId},
                                   {QStringLiteral("maxUses"), 50}},
                                  reqId++),
                    "code");
                listId = kinlist::createUuid().toStdString();
                const QString list = QString::fromStdString(listId);
                sendOp({{QStringLiteral("type"), QStringLiteral("list.create")},
                        {QStringLiteral("listId"), list},
                        {QStringLiteral("householdId"), householdId},
                        {QStringLiteral("stamp"), c->clock->now().toString()},
                        {QStringLiteral("fields"),
                         QJsonObject {{QStringLiteral("name"), QStringLiteral("L")},
                                      {QStringLiteral("kind"), QStringLiteral("shopping")}}}});
                for (int i = 0; i < 20; ++i) {
                    const QString item = kinlist::createUuid();
                    items.push_back(item.toStdString());
                    const QJsonObject ack =
                        sendOp({{QStringLiteral("type"), QStringLiteral("item.create")},
                                {QStringLiteral("listId"), list},
                                {QStringLiteral("itemId"), item},
                                {QStringLiteral("stamp"), c->clock->now().toString()},
                                {QStringLiteral("fields"),
                                 QJsonObject {{QStringLiteral("title"), QStringLiteral("item")}}}});
                    if (ack.value(QStringLiteral("type")).toString() != QLatin1String("ack"))
                        return fail("item.create", ack);
                }
            } else {
                const QJsonObject joined =
                    c->ws.request({{QStringLiteral("type"), QStringLiteral("household.join")},
                                   {QStringLiteral("code"), code}},
                                  reqId++);
                if (joined.value(QStringLiteral("type")).toString() != QLatin1String("reply"))
                    return fail("household.join", joined);
            }
            c->listId = listId;
            c->items = items;
            const QJsonObject sub =
                c->ws.request({{QStringLiteral("type"), QStringLiteral("subscribe")},
                               {QStringLiteral("listId"), QString::fromStdString(listId)},
                               {QStringLiteral("sinceSeq"), 0}},
                              reqId++);
            if (sub.value(QStringLiteral("type")).toString() != QLatin1String("reply"))
                return fail("subscribe", sub);
            conns.push_back(std::move(c));
        }
    }
    const double setupSeconds = double(nowNs() - setupStart) / 1e9;

    size_t capacity = 1000;
    for (int r : rates)
        capacity += size_t(r) * size_t(duration + 2);
    Ledger ledger(capacity);
    ledger.othersPerRoom = members - 1;

    std::vector<std::unique_ptr<Worker>> workers;
    std::vector<std::thread> workerThreads;
    for (int t = 0; t < threads; ++t) {
        std::vector<Conn *> mine;
        for (size_t i = size_t(t); i < conns.size(); i += size_t(threads))
            mine.push_back(conns[i].get());
        workers.push_back(std::make_unique<Worker>(&ledger, mine));
    }
    for (auto &w : workers)
        workerThreads.emplace_back([w = w.get()] { w->run(); });

    std::printf("kinlist-loadgen: %d rooms x %d members = %zu connections, %d loader thread(s), "
                "server --sync %s\n",
                rooms, members, conns.size(), threads, qPrintable(p.value(syncOpt)));
    std::printf(
        "setup (connect, hello, register, join or create, subscribe; one at a time): %.1f s; "
        "connect+hello+register per connection: p50 %.2f ms, p99 %.2f ms\n",
        setupSeconds, quantile(connectMs, 0.5), quantile(connectMs, 0.99));
    std::printf("%8s %9s %9s %8s %8s %8s %8s %6s %9s %8s %9s\n", "offered", "sent/s", "acked/s",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "lost", "srv CPU%", "srv MB", "load CPU%");
    std::fflush(stdout);

    int saturation = 0;
    auto totals = [&](qint64 *sent, qint64 *acked) {
        *sent = *acked = 0;
        for (auto &w : workers) {
            *sent += w->sent;
            *acked += w->acks;
        }
    };
    for (int rate : rates) {
        for (auto &w : workers)
            w->rate = double(rate) / threads;
        sleepMs(1000); // warm-up, not measured
        const qint64 firstIdx = ledger.next.load();
        qint64 sent0, acked0, sent1, acked1;
        totals(&sent0, &acked0);
        const ProcStats s0 = serversStats();
        const double self0 = selfCpuSeconds();
        const double pg0 = database.isEmpty() ? 0 : postgresCpuSeconds();
        const qint64 t0 = nowNs();
        sleepMs(duration * 1000);
        const qint64 t1 = nowNs();
        const qint64 lastIdx = std::min<qint64>(ledger.next.load(), qint64(ledger.sendNs.size()));
        const ProcStats s1 = serversStats();
        const double self1 = selfCpuSeconds();
        const double pg1 = database.isEmpty() ? 0 : postgresCpuSeconds();
        totals(&sent1, &acked1);
        for (auto &w : workers)
            w->rate = 0;
        // Grace for the ops in flight (bounded), then count what never fully arrived.
        for (int i = 0; i < 50; ++i) {
            bool all = true;
            for (qint64 k = firstIdx; k < lastIdx && all; ++k)
                all = ledger.doneNs[size_t(k)].load() != 0;
            if (all)
                break;
            sleepMs(100);
        }
        std::vector<double> lat;
        qint64 lost = 0;
        for (qint64 k = firstIdx; k < lastIdx; ++k) {
            const qint64 done = ledger.doneNs[size_t(k)].load();
            if (done == 0)
                ++lost;
            else
                lat.push_back(double(done - ledger.sendNs[size_t(k)].load()) / 1e6);
        }
        const double secs = double(t1 - t0) / 1e9;
        const double p99 = quantile(lat, 0.99);
        std::printf("%8d %9.0f %9.0f %8.2f %8.2f %8.2f %8.2f %6lld %9.0f %8.1f %9.0f\n", rate,
                    double(sent1 - sent0) / secs, double(acked1 - acked0) / secs,
                    quantile(lat, 0.5), quantile(lat, 0.95), p99,
                    lat.empty() ? 0.0 : *std::max_element(lat.begin(), lat.end()), lost,
                    100.0 * (s1.cpuSeconds - s0.cpuSeconds) / secs, double(s1.peakRssKb) / 1024.0,
                    100.0 * (self1 - self0) / secs);
        if (!database.isEmpty())
            std::printf("         PostgreSQL CPU %.0f %% (the nodes' CPU above is theirs only)\n",
                        100.0 * (pg1 - pg0) / secs);
        std::fflush(stdout);
        if (p99 < 50.0 && lost == 0)
            saturation = std::max(saturation, rate);
    }
    if (rates.size() > 1)
        std::printf(
            "saturation (highest offered rate with p99 < 50 ms and nothing lost): %d ops/s\n",
            saturation);

    for (auto &w : workers)
        w->stop = true;
    for (auto &t : workerThreads)
        t.join();
    std::printf("server peak RSS: %.1f MB\n", double(serversStats().peakRssKb) / 1024.0);
    for (auto &server : servers) {
        server->terminate();
        server->waitForFinished(10000);
    }
    return 0;
}
