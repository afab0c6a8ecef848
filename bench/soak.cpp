// kinlist-soak: the real kinlist-server binary SIGKILLed over and over (100 times by
// default) while devices keep editing through the real sync client library (LocalStore +
// SyncClient: offline outbox, resend of what was not acknowledged, catch-up). At the end
// every change must be in the server's log exactly once, each list's seq gap-free, and
// every device's replica equal to the log. See bench/README.md ("Soak").
#include "benchdevice.h"
#include "benchsupport.h"
#include "client/localstore.h"
#include "client/syncclient.h"
#include "common/testclient.h"
#include "core/uuid.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <map>
#include <memory>

using namespace kinlist;
using kinlist::bench::fail;
using kinlist::bench::note;
using kinlist::bench::report;
using kinlist::client::LocalStore;
using kinlist::client::SyncClient;

namespace {

struct Device : bench::SyncDevice
{
    qint64 applied = 0; // changes made on it
    int rejected = 0;
};

// One change of a random kind to a random list, as a person would make it on `d`.
void edit(Device &d, const QStringList &lists, QRandomGenerator &rng)
{
    const QString list = lists.at(int(rng.bounded(int(lists.size()))));
    QStringList items;
    d.store->forEachViewEntity(list, [&](const Entity &e, bool) {
        if (e.kind == EntityKind::Item)
            items << e.id;
    });
    Op op;
    op.listId = list;
    const int kind = items.isEmpty() ? 0 : int(rng.bounded(10));
    if (kind < 4) {
        op.type = Op::Type::ItemCreate;
        op.itemId = createUuid();
        op.fields = {{QStringLiteral("title"), QStringLiteral("Thing %1").arg(d.applied)},
                     {QStringLiteral("done"), false}};
    } else {
        op.itemId = items.at(int(rng.bounded(int(items.size()))));
        if (kind < 7) {
            op.type = Op::Type::ItemSet;
            op.fields = {{QStringLiteral("done"), rng.bounded(2) == 1},
                         {QStringLiteral("quantity"), int(rng.bounded(10))}};
        } else if (kind < 9) {
            op.type = Op::Type::ItemSet;
            op.fields = {{QStringLiteral("title"), QStringLiteral("Renamed %1").arg(d.applied)}};
        } else {
            op.type = Op::Type::ItemDelete;
        }
    }
    Error e;
    if (d.sync->apply(op, &e))
        ++d.applied;
    else
        fail(QStringLiteral("a device could not record a change: %1").arg(e.message));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("SIGKILL soak of kinlist-server"));
    p.addHelpOption();
    const QCommandLineOption serverOpt(QStringLiteral("server"), QStringLiteral("kinlist-server"),
                                       QStringLiteral("PATH"));
    const QCommandLineOption cyclesOpt(QStringLiteral("cycles"), QStringLiteral("Kills (100)."),
                                       QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption devicesOpt(QStringLiteral("devices"),
                                        QStringLiteral("Devices, two per person (4)."),
                                        QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption rateOpt(QStringLiteral("rate"),
                                     QStringLiteral("Changes per second per device (50)."),
                                     QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("Random seed."),
                                     QStringLiteral("N"), QStringLiteral("1"));
    p.addOptions({serverOpt, cyclesOpt, devicesOpt, rateOpt, seedOpt});
    p.process(app);
    const int cycles = p.value(cyclesOpt).toInt();
    const int deviceCount = std::max(2, p.value(devicesOpt).toInt());
    const int rate = std::max(1, p.value(rateOpt).toInt());
    QRandomGenerator rng(p.value(seedOpt).toUInt());
    qputenv("QT_LOGGING_RULES", "kinlist.*.info=false;qt.*=false");

    QTemporaryDir dir;
    bench::FixedPortServer server(bench::findServer(p.value(serverOpt)),
                                  dir.filePath(QStringLiteral("server")), bench::freePort());
    if (!server.start())
        return fail(QStringLiteral("the server did not start")), 1;

    // Two people of one household with two lists; each device signs in on its own.
    QStringList names;
    for (int i = 0; i < (deviceCount + 1) / 2; ++i)
        names << QStringLiteral("P%1").arg(i);
    Family family;
    if (!Family::create(&app, server.url(), names, &family, QStringLiteral("-soak")))
        return fail(QStringLiteral("could not set up the family")), 1;
    QStringList lists;
    TestClient *owner = family.people[0];
    for (int i = 0; i < 2; ++i) {
        const QString list = createUuid();
        owner->mutate(TestOps::listCreate(
            family.householdId, list, QStringLiteral("L%1").arg(i),
            TestOps::stamp(QDateTime::currentMSecsSinceEpoch(), i, owner->clientId)));
        lists << list;
    }
    std::vector<Device> devices(static_cast<size_t>(deviceCount));
    for (int i = 0; i < deviceCount; ++i) {
        Device &d = devices[size_t(i)];
        const QString name = names.at(i / 2);
        if (!d.open(server.url(), QStringLiteral("%1-soak@example.org").arg(name.toLower()),
                    QStringLiteral("password-%1").arg(name), QStringLiteral("soak-%1").arg(i),
                    dir.filePath(QStringLiteral("device-%1.db").arg(i))))
            return fail(QStringLiteral("device %1 could not start").arg(i)), 1;
        for (const QString &list : std::as_const(lists))
            d.sync->watchList(list);
        QObject::connect(d.sync.get(), &SyncClient::changeRejected, &app,
                         [&d](const Op &, const QString &code, const QString &) {
                             ++d.rejected;
                             note(QStringLiteral("rejected: %1").arg(code));
                         });
        d.sync->start();
    }

    // Everyone edits at `rate`, online and offline alike; the server lives 0.3-1.5 s, is
    // killed, and is back after 0-0.3 s. Devices are told the network is back at once
    // (as the OS tells the app), so the soak is not spent in backoff.
    QTimer editing;
    editing.setInterval(1000 / rate);
    QObject::connect(&editing, &QTimer::timeout, &app, [&] {
        for (Device &d : devices)
            edit(d, lists, rng);
    });
    editing.start();
    QElapsedTimer clock;
    clock.start();
    for (int cycle = 0; cycle < cycles; ++cycle) {
        QTest::qWait(300 + int(rng.bounded(1200)));
        server.kill();
        QTest::qWait(int(rng.bounded(300)));
        if (!server.start())
            return fail(
                       QStringLiteral("the server did not come back after kill %1").arg(cycle + 1)),
                   1;
        for (Device &d : devices)
            d.sync->retryNow();
    }
    editing.stop();
    const double soakSeconds = clock.elapsed() / 1000.0;

    // Quiet now: every device drains its outbox and catches up.
    QElapsedTimer settle;
    settle.start();
    const bool settled = QTest::qWaitFor(
        [&] {
            for (Device &d : devices) {
                if (d.sync->state() != SyncClient::State::Live || d.store->pendingCount() > 0)
                    return false;
            }
            return true;
        },
        120000);
    if (!settled)
        fail(QStringLiteral("devices did not drain their outboxes within 2 minutes"));
    // One more round trip each, so that the last broadcasts are in.
    QTest::qWait(500);
    const double settleSeconds = settle.elapsed() / 1000.0;
    for (Device &d : devices)
        d.sync->stop();
    server.terminate();

    // The server's log, read straight from its database.
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("log"));
    db.setDatabaseName(dir.filePath(QStringLiteral("server/kinlist.db")));
    if (!db.open())
        return fail(QStringLiteral("cannot open the server's database")), 1;
    std::map<QString, std::map<qint64, int>> byClient; // client -> mutation id -> times
    std::map<QString, QList<qint64>> seqs;
    std::map<QString, Replica> serverLists;
    {
        QSqlQuery q(db);
        q.exec(QStringLiteral(
            "SELECT list_id, seq, client_id, mutation_id, op FROM ops ORDER BY gid"));
        while (q.next()) {
            const QString list = q.value(0).toString();
            seqs[list].append(q.value(1).toLongLong());
            ++byClient[q.value(2).toString()][q.value(3).toLongLong()];
            Error e;
            serverLists[list].apply(
                Op::fromJson(QJsonDocument::fromJson(q.value(4).toByteArray()).object(), &e, true));
        }
    }
    qint64 logged = 0, duplicates = 0, gaps = 0, missing = 0, applied = 0, rejected = 0;
    for (const auto &[list, s] : seqs) {
        logged += s.size();
        for (qsizetype i = 0; i < s.size(); ++i)
            gaps += s.at(i) == i + 1 ? 0 : 1;
    }
    for (const Device &d : devices) {
        applied += d.applied;
        rejected += d.rejected;
        const auto &ids = byClient[d.store->clientId()];
        for (const auto &[id, times] : ids)
            duplicates += times > 1 ? times - 1 : 0;
        // Mutation ids 1..n for the n changes made on the device (rejects consume one too).
        for (qint64 id = 1; id <= d.applied; ++id)
            missing += ids.count(id) ? 0 : 1;
    }
    int diverged = 0;
    for (const Device &d : devices) {
        for (const QString &list : std::as_const(lists))
            diverged +=
                d.store->confirmed(list).canonical() == serverLists[list].canonical() ? 0 : 1;
    }
    report(QStringLiteral("kills"), cycles, 0);
    report(QStringLiteral("devices"), deviceCount, 0);
    report(QStringLiteral("soak_seconds"), soakSeconds);
    report(QStringLiteral("changes_made"), double(applied), 0);
    report(QStringLiteral("ops_in_log"), double(logged), 0);
    report(QStringLiteral("rejected"), double(rejected), 0);
    report(QStringLiteral("missing"), double(missing), 0);
    report(QStringLiteral("duplicates"), double(duplicates), 0);
    report(QStringLiteral("seq_gaps"), double(gaps), 0);
    report(QStringLiteral("replicas_diverged"), diverged, 0);
    report(QStringLiteral("settle_seconds"), settleSeconds, 2);
    if (missing || duplicates || gaps || diverged || rejected)
        fail(QStringLiteral("the log or a replica is wrong"));
    // The two list creations come from the setup connection, not a device.
    if (logged != applied + lists.size())
        fail(QStringLiteral("%1 ops in the log for %2 changes")
                 .arg(logged)
                 .arg(applied + lists.size()));
    return bench::failures() == 0 ? 0 : 1;
}
