// kinlist-reconnect: many devices (the real sync client library, LocalStore + SyncClient)
// live on the real kinlist-server; the server is killed, stays down a while, and starts
// again on the same address. For each backoff cap given, it measures how long the devices
// take to be Live again after the server is back (p50, p95, max) and how hard they knock
// meanwhile (connection attempts per second, while down and after the return). The cap
// the app uses (SyncClient::kMaxBackoffMs) was chosen from it: see bench/README.md.
#include "benchdevice.h"
#include "benchsupport.h"
#include "client/localstore.h"
#include "client/syncclient.h"
#include "common/testclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace kinlist;
using kinlist::bench::fail;
using kinlist::bench::note;
using kinlist::bench::report;
using kinlist::client::SyncClient;

namespace {

struct Device : bench::SyncDevice
{
    qint64 liveAt = -1; // ms on the benchmark's clock
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Reconnect after a server restart"));
    p.addHelpOption();
    const QCommandLineOption serverOpt(QStringLiteral("server"), QStringLiteral("kinlist-server"),
                                       QStringLiteral("PATH"));
    const QCommandLineOption clientsOpt(QStringLiteral("clients"),
                                        QStringLiteral("Devices (1000)."), QStringLiteral("N"),
                                        QStringLiteral("1000"));
    const QCommandLineOption downOpt(QStringLiteral("down"),
                                     QStringLiteral("Seconds the server stays down (40)."),
                                     QStringLiteral("S"), QStringLiteral("40"));
    const QCommandLineOption capsOpt(QStringLiteral("caps"),
                                     QStringLiteral("Backoff caps in ms to compare."),
                                     QStringLiteral("LIST"), QStringLiteral("30000,5000"));
    p.addOptions({serverOpt, clientsOpt, downOpt, capsOpt});
    p.process(app);
    const int count = std::max(10, p.value(clientsOpt).toInt());
    const int downMs = std::max(1, p.value(downOpt).toInt()) * 1000;
    qputenv("QT_LOGGING_RULES", "kinlist.*.info=false;qt.*=false");

    QTemporaryDir dir;
    bench::FixedPortServer server(bench::findServer(p.value(serverOpt)),
                                  dir.filePath(QStringLiteral("server")), bench::freePort());
    if (!server.start())
        return fail(QStringLiteral("the server did not start")), 1;

    // Families of five (an invite code takes five), ten devices a person (the server
    // takes 16 per person).
    QStringList names;
    for (int i = 0; i < (count + 9) / 10; ++i)
        names << QStringLiteral("P%1").arg(i);
    for (int i = 0; i < names.size(); i += 5) {
        Family family;
        if (!Family::create(&app, server.url(), names.mid(i, 5), &family, QStringLiteral("-rc")))
            return fail(QStringLiteral("could not set up the families")), 1;
    }
    std::vector<Device> devices(static_cast<size_t>(count));
    QElapsedTimer clock;
    clock.start();
    std::vector<qint64> attempts; // when each attempt to connect started
    for (int i = 0; i < count; ++i) {
        Device &d = devices[size_t(i)];
        const QString name = names.at(i / 10);
        if (!d.open(server.url(), QStringLiteral("%1-rc@example.org").arg(name.toLower()),
                    QStringLiteral("password-%1").arg(name), QStringLiteral("rc-%1").arg(i),
                    dir.filePath(QStringLiteral("device-%1.db").arg(i))))
            return fail(QStringLiteral("device %1 could not start").arg(i)), 1;
        QObject::connect(d.sync.get(), &SyncClient::stateChanged, &app,
                         [&d, &clock, &attempts](SyncClient::State s) {
                             if (s == SyncClient::State::Connecting)
                                 attempts.push_back(clock.elapsed());
                             else if (s == SyncClient::State::Live && d.liveAt < 0)
                                 d.liveAt = clock.elapsed();
                         });
        d.sync->start();
    }
    const auto allLive = [&] {
        for (const Device &d : devices) {
            if (d.sync->state() != SyncClient::State::Live)
                return false;
        }
        return true;
    };
    if (!QTest::qWaitFor(allLive, 120000))
        return fail(QStringLiteral("not every device got live at the start")), 1;
    note(QStringLiteral("%1 devices live").arg(count));

    for (const QString &capText : p.value(capsOpt).split(QLatin1Char(','))) {
        const int cap = capText.toInt();
        for (Device &d : devices)
            d.sync->setMaxBackoff(cap);
        server.kill();
        const qint64 downAt = clock.elapsed();
        QTest::qWait(downMs);
        for (Device &d : devices)
            d.liveAt = -1;
        const qint64 before = qint64(attempts.size());
        if (!server.start())
            return fail(QStringLiteral("the server did not come back")), 1;
        const qint64 upAt = clock.elapsed();
        if (!QTest::qWaitFor(allLive, 180000))
            note(QStringLiteral("cap %1 ms: not every device was live again after 180 s").arg(cap));
        std::vector<double> back;
        for (const Device &d : devices)
            back.push_back(d.liveAt < 0 ? 180000.0 : double(d.liveAt - upAt));
        // Knocks while down: the last 10 s of the outage (the backoff has reached its cap).
        const qint64 window = std::min<qint64>(10000, upAt - downAt);
        qint64 lateDown = 0;
        qint64 peakAfter = 0;
        for (qint64 i = 0; i < qint64(attempts.size()); ++i) {
            const qint64 at = attempts[size_t(i)];
            if (at >= upAt - window && at < upAt)
                ++lateDown;
        }
        for (qint64 second = upAt; second < clock.elapsed(); second += 1000) {
            qint64 n = 0;
            for (const qint64 at : attempts)
                n += at >= second && at < second + 1000 ? 1 : 0;
            peakAfter = std::max(peakAfter, n);
        }
        const QString tag = QStringLiteral("cap_%1ms").arg(cap);
        report(tag + QStringLiteral("_live_again_p50_ms"), bench::percentile(back, 50), 0);
        report(tag + QStringLiteral("_live_again_p95_ms"), bench::percentile(back, 95), 0);
        report(tag + QStringLiteral("_live_again_max_ms"), bench::percentile(back, 100), 0);
        report(tag + QStringLiteral("_attempts_per_s_while_down"), lateDown * 1000.0 / window, 0);
        report(tag + QStringLiteral("_attempts_peak_per_s_after"), double(peakAfter), 0);
        report(tag + QStringLiteral("_attempts_after_return"),
               double(qint64(attempts.size()) - before), 0);
    }
    server.terminate();
    return bench::failures() == 0 ? 0 : 1;
}
