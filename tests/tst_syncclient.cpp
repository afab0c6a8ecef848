// The sync client against a real in-process server: edits flow both ways, edits made
// while both devices are offline converge in either reconnect order with nothing lost or
// doubled, a refused change is dropped with its reason, a lost concurrent write is
// reported with both values, the activity is cached for offline reading, and an access
// token expiring mid-session never shows.
#include "client/localstore.h"
#include "client/syncclient.h"
#include "common/testclient.h"
#include "common/testserver.h"
#include "core/fracindex.h"
#include "core/uuid.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace kinlist;
using kinlist::client::LocalStore;
using kinlist::client::SyncClient;
using TestOps::itemOp;
using TestOps::listCreateOp;

namespace {
// The items of a list as the user sees them: title -> quantity, without tombstones.
QMap<QString, int> visibleItems(const Replica &r)
{
    QMap<QString, int> out;
    for (const Entity &e : r.entities()) {
        if (e.kind == EntityKind::Item && !e.isDeleted())
            out.insert(e.value(QStringLiteral("title")).toString(),
                       e.value(QStringLiteral("quantity")).toInt());
    }
    return out;
}
} // namespace

class TestSyncClient : public QObject
{
    Q_OBJECT
    TestServer m_server;
    QTemporaryDir m_dir;
    int m_n = 0;

    struct Device
    {
        std::unique_ptr<LocalStore> store;
        std::unique_ptr<SyncClient> sync;
    };

    Device device(TestClient *account)
    {
        Device d;
        ++m_n;
        d.store = std::make_unique<LocalStore>(QStringLiteral("device%1").arg(m_n));
        Error e;
        if (!d.store->open(m_dir.filePath(QStringLiteral("device%1.db").arg(m_n)), &e))
            qFatal("cannot open a local store");
        d.sync = std::make_unique<SyncClient>(d.store.get(), m_server.url());
        d.sync->setTokens(account->accessToken, account->refreshToken);
        return d;
    }

    // A server of its own with one person on it and a device of theirs, for tests that stop
    // the server, shorten its tokens or fill its disk. Set s.server.config before.
    struct Solo
    {
        TestServer server;
        Family family;
        std::unique_ptr<LocalStore> store;
        std::unique_ptr<SyncClient> sync;
    };

    bool startSolo(Solo &s, const QString &name)
    {
        // The person's email is <name>-solo@example.org, the password password-<Name>.
        if (!s.server.start() ||
            !Family::create(this, s.server.url(), {name}, &s.family, QStringLiteral("-solo")))
            return false;
        s.store = std::make_unique<LocalStore>(QStringLiteral("solo-%1").arg(name));
        Error e;
        if (!s.store->open(m_dir.filePath(QStringLiteral("solo-%1.db").arg(name)), &e))
            return false;
        s.sync = std::make_unique<SyncClient>(s.store.get(), s.server.url());
        s.sync->setTokens(s.family.people[0]->accessToken, s.family.people[0]->refreshToken);
        return true;
    }

    static bool waitLive(SyncClient *c)
    {
        return QTest::qWaitFor([c] { return c->state() == SyncClient::State::Live; }, 10000);
    }

    // Mum and Dad of a new family, each on a device of their own, both Live and watching
    // `list`, which Mum has just created (the change may still be on its way).
    struct Pair
    {
        Family family;
        Device mum;
        Device dad;
        QString list;
    };

    bool startPair(Pair &p, const QString &tag)
    {
        if (!Family::create(this, m_server.url(), {QStringLiteral("Mum"), QStringLiteral("Dad")},
                            &p.family, tag))
            return false;
        p.mum = device(p.family.people[0]);
        p.dad = device(p.family.people[1]);
        p.list = createUuid();
        for (Device *d : {&p.mum, &p.dad}) {
            d->sync->watchList(p.list);
            d->sync->start();
        }
        if (!waitLive(p.mum.sync.get()) || !waitLive(p.dad.sync.get()))
            return false;
        Error e;
        return bool(p.mum.sync->apply(listCreateOp(p.family.householdId, p.list), &e));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void editsFlowBothWays()
    {
        Pair p;
        QVERIFY(startPair(p, QStringLiteral("-live")));
        Device &mum = p.mum;
        Device &dad = p.dad;
        const QString list = p.list;

        Error e;
        const QString milk = createUuid();
        QVERIFY(mum.sync->apply(itemOp(Op::Type::ItemCreate, list, milk,
                                       {{QStringLiteral("title"), QStringLiteral("Milk")}}),
                                &e));
        // Shown at once, before the server answered.
        QCOMPARE(visibleItems(mum.store->view(list)).value(QStringLiteral("Milk"), -1), 0);
        QTRY_COMPARE_WITH_TIMEOUT(visibleItems(dad.store->view(list)).keys(),
                                  QStringList {QStringLiteral("Milk")}, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(mum.store->pendingCount(), 0, 10000);
        QVERIFY(waitLive(mum.sync.get()));

        QVERIFY(dad.sync->apply(
            itemOp(Op::Type::ItemSet, list, milk, {{QStringLiteral("quantity"), 2}}), &e));
        QTRY_COMPARE_WITH_TIMEOUT(
            visibleItems(mum.store->confirmed(list)).value(QStringLiteral("Milk")), 2, 10000);
    }

    void offlineEditsConverge_data()
    {
        QTest::addColumn<bool>("mumFirst");
        QTest::newRow("mum reconnects first") << true;
        QTest::newRow("dad reconnects first") << false;
    }

    void offlineEditsConverge()
    {
        QFETCH(bool, mumFirst);
        Pair p;
        QVERIFY(startPair(p, QStringLiteral("-off%1").arg(mumFirst)));
        Family &f = p.family;
        Device &mum = p.mum;
        Device &dad = p.dad;
        const QString list = p.list;
        const QString bread = createUuid();
        const QString eggs = createUuid();
        Error e;
        QVERIFY(mum.sync->apply(itemOp(Op::Type::ItemCreate, list, bread,
                                       {{QStringLiteral("title"), QStringLiteral("Bread")}}),
                                &e));
        QVERIFY(mum.sync->apply(itemOp(Op::Type::ItemCreate, list, eggs,
                                       {{QStringLiteral("title"), QStringLiteral("Eggs")}}),
                                &e));
        QTRY_COMPARE_WITH_TIMEOUT(visibleItems(dad.store->view(list)).size(), 2, 10000);
        QVERIFY(waitLive(mum.sync.get()));

        // Both go offline and edit: the same field of the same item, a new item each, a delete.
        mum.sync->stop();
        dad.sync->stop();
        QVERIFY(mum.sync->apply(
            itemOp(Op::Type::ItemSet, list, bread, {{QStringLiteral("quantity"), 2}}), &e));
        QVERIFY(dad.sync->apply(
            itemOp(Op::Type::ItemSet, list, bread, {{QStringLiteral("quantity"), 3}}), &e));
        QVERIFY(mum.sync->apply(itemOp(Op::Type::ItemCreate, list, createUuid(),
                                       {{QStringLiteral("title"), QStringLiteral("Jam")}}),
                                &e));
        for (int i = 0; i < 30; ++i)
            QVERIFY(dad.sync->apply(
                itemOp(Op::Type::ItemCreate, list, createUuid(),
                       {{QStringLiteral("title"), QStringLiteral("Dad %1").arg(i)}}),
                &e));
        QVERIFY(dad.sync->apply(itemOp(Op::Type::ItemDelete, list, eggs, {}), &e));
        QCOMPARE(dad.store->pendingCount(), 32);

        SyncClient *first = mumFirst ? mum.sync.get() : dad.sync.get();
        SyncClient *second = mumFirst ? dad.sync.get() : mum.sync.get();
        first->start();
        QVERIFY(waitLive(first));
        second->start();
        QVERIFY(waitLive(second));
        QVERIFY(waitLive(first));
        // Once both are live and empty, both replicas hold the same state.
        const bool same = QTest::qWaitFor(
            [&] { return mum.store->view(list).canonical() == dad.store->view(list).canonical(); },
            10000);
        if (!same) {
            const QList<QByteArray> a = mum.store->view(list).canonical().split('\n');
            const QList<QByteArray> b = dad.store->view(list).canonical().split('\n');
            for (int i = 0; i < std::max(a.size(), b.size()); ++i) {
                if (a.value(i) != b.value(i)) {
                    qWarning().noquote() << "mum:" << a.value(i) << "\ndad:" << b.value(i);
                    break;
                }
            }
        }
        QVERIFY(same);
        const QMap<QString, int> items = visibleItems(mum.store->view(list));
        QCOMPARE(items.size(), 2 + 30); // Bread, Jam, Dad 0..29; Eggs deleted
        QVERIFY(items.contains(QStringLiteral("Jam")));
        QVERIFY(!items.contains(QStringLiteral("Eggs")));
        // Whoever wrote the quantity with the higher stamp won, the same everywhere.
        QVERIFY(items.value(QStringLiteral("Bread")) == 2 ||
                items.value(QStringLiteral("Bread")) == 3);
        // Nothing doubled: the server's log has each change once.
        TestClient *check = f.people[0];
        const QJsonObject sub =
            check->result(QStringLiteral("subscribe"),
                          {{QStringLiteral("listId"), list}, {QStringLiteral("sinceSeq"), 0}});
        QCOMPARE(sub.value(QStringLiteral("seq")).toInteger(), 3 + 2 + 1 + 30 + 1);
    }

    void serverOutageHealsByItself()
    {
        // A server of its own, so it can go away and come back on the same port and data.
        Solo s;
        QVERIFY(startSolo(s, QStringLiteral("Kit")));
        TestServer &server = s.server;
        Family &f = s.family;
        LocalStore &store = *s.store;
        SyncClient &sync = *s.sync;
        const quint16 port = server.server->port();
        Error e;
        const QString list = createUuid();
        sync.watchList(list);
        sync.start();
        QVERIFY(waitLive(&sync));
        QVERIFY(sync.apply(listCreateOp(f.householdId, list), &e));
        QTRY_COMPARE_WITH_TIMEOUT(store.pendingCount(), 0, 10000);

        // The server goes away for several reconnect attempts; edits keep queueing.
        QSignalSpy attempts(&sync, &SyncClient::stateChanged);
        server.stop();
        QTRY_COMPARE_WITH_TIMEOUT(sync.state(), SyncClient::State::Offline, 10000);
        QVERIFY(sync.nextRetryInMs() >= 0);
        for (int i = 0; i < 5; ++i)
            QVERIFY(sync.apply(
                itemOp(Op::Type::ItemCreate, list, createUuid(),
                       {{QStringLiteral("title"), QStringLiteral("While down %1").arg(i)}}),
                &e));
        QCOMPARE(store.pendingCount(), 5);
        const auto connectingCount = [&] {
            int n = 0;
            for (const auto &args : attempts)
                n += args.at(0).value<SyncClient::State>() == SyncClient::State::Connecting ? 1 : 0;
            return n;
        };
        QTRY_VERIFY_WITH_TIMEOUT(connectingCount() >= 2, 15000);

        // Back on the same port: the client comes back to Live by itself and sends everything.
        server.config.port = port;
        QVERIFY(server.start());
        QVERIFY(QTest::qWaitFor([&] { return sync.state() == SyncClient::State::Live; }, 40000));
        QCOMPARE(store.pendingCount(), 0);
        QCOMPARE(visibleItems(store.confirmed(list)).size(), 5);
    }

    void flushThroughStorageFailuresDeliversEachOnce()
    {
        // The server's disk fills up while a device flushes a long outbox: everything it
        // refused (and everything that came after it) is sent again in order once there is
        // room; nothing ends up refused for good, applied twice or out of order.
        Solo s;
        QVERIFY(startSolo(s, QStringLiteral("Disk")));
        TestServer &server = s.server;
        Family &f = s.family;
        LocalStore &store = *s.store;
        SyncClient &sync = *s.sync;
        Error e;
        const QString list = createUuid();
        sync.watchList(list);
        QVERIFY(sync.apply(listCreateOp(f.householdId, list), &e));
        sync.start();
        QVERIFY(waitLive(&sync));
        sync.stop();
        constexpr int kChanges = 150;
        for (int i = 0; i < kChanges; ++i)
            QVERIFY(sync.apply(itemOp(Op::Type::ItemCreate, list, createUuid(),
                                      {{QStringLiteral("title"), QStringLiteral("Box %1").arg(i)},
                                       {QStringLiteral("note"), QString(2000, QLatin1Char('x'))}}),
                               &e));
        QSignalSpy rejected(&sync, &SyncClient::changeRejected);
        server.server->storeForTesting().setFullForTesting(true);
        sync.start();
        QTRY_VERIFY_WITH_TIMEOUT(server.server->metrics().commitFailures >= 3, 10000);
        server.server->storeForTesting().setFullForTesting(false);
        QVERIFY(QTest::qWaitFor(
            [&] { return sync.state() == SyncClient::State::Live && store.pendingCount() == 0; },
            30000));
        QCOMPARE(rejected.size(), 0);
        QVERIFY(store.failures(list).isEmpty());
        // The server's log: the list, then every change once, in the order they were made.
        const QJsonObject log = f.people[0]->result(
            QStringLiteral("subscribe"),
            {{QStringLiteral("listId"), list}, {QStringLiteral("sinceSeq"), 0}});
        const QJsonArray ops = log.value(QStringLiteral("ops")).toArray();
        QCOMPARE(ops.size(), 1 + kChanges);
        for (int i = 0; i < kChanges; ++i)
            QCOMPARE(ops.at(i + 1)
                         .toObject()
                         .value(QStringLiteral("op"))
                         .toObject()
                         .value(QStringLiteral("fields"))
                         .toObject()
                         .value(QStringLiteral("title"))
                         .toString(),
                     QStringLiteral("Box %1").arg(i));
        // And the device holds exactly what the server holds.
        Replica fromServer;
        for (const auto &v : ops) {
            Error de;
            fromServer.apply(
                Op::fromJson(v.toObject().value(QStringLiteral("op")).toObject(), &de, true));
        }
        QCOMPARE(store.confirmed(list).canonical(), fromServer.canonical());
    }

    void silentServerIsDetectedAndQuietLinksStay()
    {
        // A server that completes the WebSocket handshake and then never answers, like a
        // half-open connection: the client gives up on it and goes back to reconnecting.
        QWebSocketServer blackHole(QStringLiteral("black hole"), QWebSocketServer::NonSecureMode);
        QVERIFY(blackHole.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket *> swallowed;
        connect(&blackHole, &QWebSocketServer::newConnection, this, [&] {
            while (QWebSocket *s = blackHole.nextPendingConnection())
                swallowed.append(s);
        });
        LocalStore store(QStringLiteral("blackhole"));
        Error e;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("blackhole.db")), &e));
        QUrl url;
        url.setScheme(QStringLiteral("ws"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(blackHole.serverPort());
        SyncClient sync(&store, url);
        sync.setTimeouts(300, 200);
        sync.setTokens(QStringLiteral("a.b.c"), QString());
        sync.start();
        QTRY_COMPARE_WITH_TIMEOUT(sync.state(), SyncClient::State::Authenticating, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(sync.state(), SyncClient::State::Offline, 5000);
        QVERIFY(sync.nextRetryInMs() >= 0);
        QVERIFY(!swallowed.isEmpty());
        sync.stop();
        for (QWebSocket *s : std::as_const(swallowed))
            s->abort();
        qDeleteAll(swallowed);

        // Against the real server, a quiet but healthy connection is pinged and stays Live.
        Family f;
        QVERIFY(Family::create(this, m_server.url(), {QStringLiteral("Quiet")}, &f,
                               QStringLiteral("-hb")));
        Device d = device(f.people[0]);
        d.sync->setTimeouts(300, 100);
        d.sync->start();
        QVERIFY(waitLive(d.sync.get()));
        const qint64 framesBefore = m_server.server->metrics().framesIn;
        QTRY_VERIFY_WITH_TIMEOUT(m_server.server->metrics().framesIn >= framesBefore + 3, 5000);
        QCOMPARE(d.sync->state(), SyncClient::State::Live);
    }

    void newerServerProtocolIsAFatalErrorWithAMessage()
    {
        // A server that speaks a newer protocol refuses the hello, as kinlist-server does.
        // The client tries the version before (a server not updated yet would speak it),
        // then gives up.
        QWebSocketServer newer(QStringLiteral("newer"), QWebSocketServer::NonSecureMode);
        QVERIFY(newer.listen(QHostAddress::LocalHost, 0));
        int hellos = 0;
        QList<int> versions;
        connect(&newer, &QWebSocketServer::newConnection, this, [&] {
            QWebSocket *s = newer.nextPendingConnection();
            connect(s, &QWebSocket::textMessageReceived, s,
                    [&hellos, &versions, s](const QString &text) {
                        ++hellos;
                        const QJsonObject hello = QJsonDocument::fromJson(text.toUtf8()).object();
                        versions.append(hello.value(QStringLiteral("protocol")).toInt());
                        s->sendTextMessage(QString::fromUtf8(
                            QJsonDocument(
                                QJsonObject {
                                    {QStringLiteral("type"), QStringLiteral("error")},
                                    {QStringLiteral("id"), hello.value(QStringLiteral("id"))},
                                    {QStringLiteral("code"), QStringLiteral("version_unsupported")},
                                    {QStringLiteral("message"),
                                     QStringLiteral("this server speaks protocol 2; please "
                                                    "update Kinlist")}})
                                .toJson(QJsonDocument::Compact)));
                        s->close(QWebSocketProtocol::CloseCodeProtocolError);
                    });
            connect(s, &QWebSocket::disconnected, s, &QObject::deleteLater);
        });
        LocalStore store(QStringLiteral("newer"));
        Error e;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("newer.db")), &e));
        QUrl url;
        url.setScheme(QStringLiteral("ws"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(newer.serverPort());
        SyncClient sync(&store, url);
        sync.setTokens(QStringLiteral("a.b.c"), QStringLiteral("refresh"));
        sync.start();
        QTRY_COMPARE_WITH_TIMEOUT(sync.state(), SyncClient::State::Error, 10000);
        QVERIFY(sync.lastError().contains(QStringLiteral("update Kinlist")));
        QCOMPARE(versions, (QList<int> {2, 1}));
        // Fatal: no reconnecting, and it stays so once the connection is gone.
        QTRY_COMPARE_WITH_TIMEOUT(hellos, 2, 5000);
        QCOMPARE(sync.nextRetryInMs(), -1);
        QCOMPARE(sync.state(), SyncClient::State::Error);
    }

    void rejectedChangeIsDroppedWithItsReason()
    {
        Family f;
        QVERIFY(Family::create(this, m_server.url(), {QStringLiteral("Ann"), QStringLiteral("Bo")},
                               &f, QStringLiteral("-rej")));
        Device bo = device(f.people[1]);
        const QString list = createUuid();
        Error e;
        bo.sync->watchList(list);
        bo.sync->start();
        QVERIFY(waitLive(bo.sync.get()));
        QVERIFY(bo.sync->apply(listCreateOp(f.householdId, list), &e));
        const QString tea = createUuid();
        QVERIFY(bo.sync->apply(itemOp(Op::Type::ItemCreate, list, tea,
                                      {{QStringLiteral("title"), QStringLiteral("Tea")}}),
                               &e));
        QTRY_COMPARE_WITH_TIMEOUT(bo.store->pendingCount(), 0, 10000);

        // Bo goes offline and edits; meanwhile Ann removes Bo from the household.
        bo.sync->stop();
        QVERIFY(bo.sync->apply(itemOp(Op::Type::ItemSet, list, tea,
                                      {{QStringLiteral("title"), QStringLiteral("Green tea")}}),
                               &e));
        QCOMPARE(bo.store->view(list).find(tea)->value(QStringLiteral("title")).toString(),
                 QStringLiteral("Green tea"));
        QCOMPARE(f.people[0]->result(QStringLiteral("member.remove"),
                                     {{QStringLiteral("householdId"), f.householdId},
                                      {QStringLiteral("userId"), f.people[1]->userId}}),
                 QJsonObject {});
        QSignalSpy rejected(bo.sync.get(), &SyncClient::changeRejected);
        bo.sync->start();
        QVERIFY(rejected.wait(10000));
        QCOMPARE(rejected.first().at(1).toString(), QStringLiteral("forbidden"));
        QCOMPARE(bo.store->pendingCount(), 0);
        // The replica shows the confirmed value again.
        QCOMPARE(bo.store->view(list).find(tea)->value(QStringLiteral("title")).toString(),
                 QStringLiteral("Tea"));
        // The item says it failed, and why, until the failure is dismissed.
        QCOMPARE(bo.store->syncState(tea), LocalStore::SyncState::Failed);
        const QList<LocalStore::Failure> failures = bo.store->failures(list);
        QCOMPARE(failures.size(), 1);
        QCOMPARE(failures.first().code, QStringLiteral("forbidden"));
        QCOMPARE(failures.first().op.fields.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Green tea"));
        QVERIFY(!failures.first().message.isEmpty());
        QVERIFY(bo.store->dismissFailure(failures.first().mutationId));
        QCOMPARE(bo.store->syncState(tea), LocalStore::SyncState::Confirmed);
    }

    void lostConcurrentWriteIsReportedAndCanBeKept()
    {
        Pair p;
        QVERIFY(startPair(p, QStringLiteral("-conflict")));
        Family &f = p.family;
        Device &mum = p.mum;
        Device &dad = p.dad;
        const QString list = p.list;
        const QString bread = createUuid();
        Error e;
        QVERIFY(mum.sync->apply(itemOp(Op::Type::ItemCreate, list, bread,
                                       {{QStringLiteral("title"), QStringLiteral("Bread")}}),
                                &e));
        QTRY_VERIFY_WITH_TIMEOUT(dad.store->confirmed(list).find(bread), 10000);
        QVERIFY(waitLive(mum.sync.get()) && waitLive(dad.sync.get()));

        // Both offline; Dad sets 3 first, Mum sets 2 later, so Mum's write wins everywhere.
        mum.sync->stop();
        dad.sync->stop();
        QVERIFY(dad.sync->apply(
            itemOp(Op::Type::ItemSet, list, bread, {{QStringLiteral("quantity"), 3}}), &e));
        const qint64 dadWrote = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(QTest::qWaitFor([&] { return QDateTime::currentMSecsSinceEpoch() > dadWrote; }));
        QVERIFY(mum.sync->apply(
            itemOp(Op::Type::ItemSet, list, bread, {{QStringLiteral("quantity"), 2}}), &e));
        QCOMPARE(dad.store->syncState(bread), LocalStore::SyncState::Pending);

        QSignalSpy dadConflicts(dad.sync.get(), &SyncClient::conflictDetected);
        QSignalSpy mumConflicts(mum.sync.get(), &SyncClient::conflictDetected);
        mum.sync->start();
        QVERIFY(waitLive(mum.sync.get()));
        dad.sync->start();
        QVERIFY(waitLive(dad.sync.get()));
        QTRY_COMPARE_WITH_TIMEOUT(dadConflicts.size(), 1, 10000);
        const auto reported = dadConflicts.first().at(0).value<LocalStore::Conflict>();
        QCOMPARE(reported.entityId, bread);
        QCOMPARE(reported.field, QStringLiteral("quantity"));
        QCOMPARE(reported.mine.toInt(), 3);
        QCOMPARE(reported.theirs.toInt(), 2);
        QCOMPARE(reported.theirsBy, f.people[0]->userId);
        QCOMPARE(reported.theirsByName, QStringLiteral("Mum"));
        QCOMPARE(mumConflicts.size(), 0);
        // Dad's change is on the server (it lost, it was not refused), and he sees Mum's 2.
        QCOMPARE(dad.store->syncState(bread), LocalStore::SyncState::Confirmed);
        QCOMPARE(visibleItems(dad.store->view(list)).value(QStringLiteral("Bread")), 2);
        // The conflict stays on record (across a restart too) until settled.
        QCOMPARE(dad.store->conflicts(list).size(), 1);
        QCOMPARE(dad.store->conflicts(list).first().theirsByName, QStringLiteral("Mum"));

        // "Keep mine": Dad's 3 becomes the value everywhere, and the conflict is settled.
        QVERIFY(dad.sync->keepMine(reported, &e));
        QVERIFY(dad.store->conflicts(list).isEmpty());
        QCOMPARE(visibleItems(dad.store->view(list)).value(QStringLiteral("Bread")), 3);
        QTRY_COMPARE_WITH_TIMEOUT(
            visibleItems(mum.store->confirmed(list)).value(QStringLiteral("Bread")), 3, 10000);
        QCOMPARE(mumConflicts.size(), 0);

        // Writing the same value on both sides is no conflict.
        mum.sync->stop();
        dad.sync->stop();
        QVERIFY(dad.sync->apply(itemOp(Op::Type::ItemSet, list, bread,
                                       {{QStringLiteral("unit"), QStringLiteral("loaf")}}),
                                &e));
        QVERIFY(mum.sync->apply(itemOp(Op::Type::ItemSet, list, bread,
                                       {{QStringLiteral("unit"), QStringLiteral("loaf")}}),
                                &e));
        mum.sync->start();
        QVERIFY(waitLive(mum.sync.get()));
        dad.sync->start();
        QVERIFY(waitLive(dad.sync.get()));
        QVERIFY(dad.store->conflicts(list).isEmpty() && mum.store->conflicts(list).isEmpty());
    }

    void activityIsCachedForOfflineReading()
    {
        Family f;
        QVERIFY(Family::create(this, m_server.url(), {QStringLiteral("Ada"), QStringLiteral("Ben")},
                               &f, QStringLiteral("-activity")));
        Device ada = device(f.people[0]);
        Device ben = device(f.people[1]);
        QSignalSpy households(ben.sync.get(), &SyncClient::householdsChanged);
        ada.sync->start();
        ben.sync->start();
        QVERIFY(waitLive(ada.sync.get()) && waitLive(ben.sync.get()));
        // Ben watches every list of his households by himself, including new ones.
        const QString list = createUuid();
        Error e;
        QVERIFY(ada.sync->apply(listCreateOp(f.householdId, list), &e));
        ada.sync->watchList(list);
        for (int i = 0; i < 3; ++i)
            QVERIFY(ada.sync->apply(
                itemOp(Op::Type::ItemCreate, list, createUuid(),
                       {{QStringLiteral("title"), QStringLiteral("Thing %1").arg(i)}}),
                &e));
        QTRY_COMPARE_WITH_TIMEOUT(visibleItems(ben.store->confirmed(list)).size(), 3, 10000);
        QVERIFY(!households.isEmpty());
        QCOMPARE(ben.store->households().size(), 1);
        QCOMPARE(ben.store->members(f.householdId).size(), 2);
        QCOMPARE(ben.store->lists(f.householdId).size(), 1);

        // Both devices have the four ops in their activity, with who and when.
        QTRY_COMPARE_WITH_TIMEOUT(ada.store->activity(list, 0, 50).size(), 4, 10000);
        const QList<LocalStore::Activity> feed = ben.store->activity(list, 0, 50);
        QCOMPARE(feed.size(), 4);
        QCOMPARE(feed.first().seq, 4); // newest first
        QCOMPARE(feed.last().op.type, Op::Type::ListCreate);
        for (const LocalStore::Activity &a : feed) {
            QCOMPARE(a.by, f.people[0]->userId);
            QCOMPARE(a.byName, QStringLiteral("Ada"));
            QCOMPARE(a.householdId, f.householdId);
            QVERIFY(a.at > 0);
        }
        QCOMPARE(ben.store->activity(list, 3, 50).size(), 2); // paging by seq
        QCOMPARE(ben.store->householdActivity(f.householdId, nullptr, 2).size(), 2);

        // Offline, from disk: a fresh store on the same file reads the same feed.
        ben.sync.reset();
        const QString file = ben.store->databasePath();
        ben.store.reset();
        LocalStore reopened(QStringLiteral("reopened-activity"));
        QVERIFY(reopened.open(file, &e));
        QCOMPARE(reopened.activity(list, 0, 50).size(), 4);
        QCOMPARE(reopened.householdActivity(f.householdId, nullptr, 50).first().byName,
                 QStringLiteral("Ada"));

        // A device that has not watched the list fetches older history from the server.
        Device late = device(f.people[1]);
        late.sync->setWatchAllLists(false);
        late.sync->start();
        QVERIFY(waitLive(late.sync.get()));
        QSignalSpy fetched(late.sync.get(), &SyncClient::activityFetched);
        late.sync->fetchActivity({}, f.householdId);
        QVERIFY(fetched.wait(10000));
        QCOMPARE(fetched.first().at(2).toLongLong(), 0); // all of it in one page
        QCOMPARE(late.store->householdActivity(f.householdId, nullptr, 50).size(), 4);
        QCOMPARE(late.store->activity(list, 0, 50).first().byName, QStringLiteral("Ada"));
    }

    void tokenExpiryMidSessionIsInvisible()
    {
        Solo s;
        s.server.config.accessTokenTtlSec = 2;
        QVERIFY(startSolo(s, QStringLiteral("Gran")));
        TestServer &server = s.server;
        Family &f = s.family;
        LocalStore &store = *s.store;
        SyncClient &sync = *s.sync;
        Error e;
        const QString list = createUuid();
        sync.watchList(list);
        sync.start();
        QVERIFY(waitLive(&sync));
        QSignalSpy states(&sync, &SyncClient::stateChanged);
        QSignalSpy renewed(&sync, &SyncClient::sessionRenewed);
        QVERIFY(sync.apply(listCreateOp(f.householdId, list), &e));

        // Three token lifetimes pass with edits in between; the session renews itself on
        // the same connection and the user never sees anything but Live and Syncing.
        for (int round = 0; round < 3; ++round) {
            QVERIFY(renewed.wait(10000));
            QVERIFY(sync.apply(
                itemOp(Op::Type::ItemCreate, list, createUuid(),
                       {{QStringLiteral("title"), QStringLiteral("Round %1").arg(round)}}),
                &e));
            QTRY_COMPARE_WITH_TIMEOUT(store.pendingCount(), 0, 10000);
        }
        QCOMPARE(sync.refreshToken(), renewed.last().at(0).toString());
        for (const auto &args : std::as_const(states)) {
            const auto s = args.at(0).value<SyncClient::State>();
            QVERIFY2(s == SyncClient::State::Live || s == SyncClient::State::Syncing,
                     qPrintable(QStringLiteral("state %1").arg(int(s))));
        }
        QCOMPARE(visibleItems(store.confirmed(list)).size(), 3);

        // When the session is revoked elsewhere, renewing fails: SignedOut, with the
        // pending changes kept; signing in again sends them.
        TestClient other;
        QVERIFY(other.open(server.url()));
        other.hello();
        QCOMPARE(
            other.login(QStringLiteral("gran-solo@example.org"), QStringLiteral("password-Gran"))
                .value(QStringLiteral("type"))
                .toString(),
            QStringLiteral("reply"));
        QCOMPARE(other.result(QStringLiteral("logout"), {{QStringLiteral("all"), true}}),
                 QJsonObject {});
        QTRY_COMPARE_WITH_TIMEOUT(sync.state(), SyncClient::State::SignedOut, 10000);
        QVERIFY(!sync.lastError().isEmpty());
        // Edits go on while signed out and wait on disk for the same account.
        QVERIFY(sync.apply(itemOp(Op::Type::ItemCreate, list, createUuid(),
                                  {{QStringLiteral("title"), QStringLiteral("Signed out")}}),
                           &e));
        QCOMPARE(store.pendingCount(), 1);
        TestClient again;
        QVERIFY(again.open(server.url()));
        again.hello();
        QCOMPARE(
            again.login(QStringLiteral("gran-solo@example.org"), QStringLiteral("password-Gran"))
                .value(QStringLiteral("type"))
                .toString(),
            QStringLiteral("reply"));
        sync.setTokens(again.accessToken, again.refreshToken);
        sync.start();
        QVERIFY(waitLive(&sync));
        QCOMPARE(store.pendingCount(), 0);
        QCOMPARE(visibleItems(store.confirmed(list)).size(), 4);
    }

    void signingOutEverywhereReachesEveryDevice()
    {
        // Mum signs out on every device from one of them: her other device is told at once
        // (closed, 4003), finds its tokens dead and ends up signed out, with what it had
        // not sent yet still on disk; Dad's device is untouched.
        Pair p;
        QVERIFY(startPair(p, QStringLiteral("-everywhere")));
        Device &mum = p.mum;
        QTRY_COMPARE_WITH_TIMEOUT(mum.store->pendingCount(), 0, 10000);
        TestClient *phone = p.family.people[0];
        QCOMPARE(phone->request(QStringLiteral("logout"), {{QStringLiteral("all"), true}})
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("reply"));
        QTRY_COMPARE_WITH_TIMEOUT(mum.sync->state(), SyncClient::State::SignedOut, 15000);
        Error e;
        QVERIFY(mum.sync->apply(itemOp(Op::Type::ItemCreate, p.list, createUuid(),
                                       {{QStringLiteral("title"), QStringLiteral("Kept")}}),
                                &e));
        QCOMPARE(mum.store->pendingCount(), 1);
        QCOMPARE(p.dad.sync->state(), SyncClient::State::Live);
    }

    void restartedClientStampsAfterWhatItHasSeen()
    {
        // Another device's clock runs an hour ahead; its op is in this store. After a
        // restart, a new edit here must still win over it, as it did before the restart.
        const QString file = m_dir.filePath(QStringLiteral("restart-clock.db"));
        const QString list = createUuid();
        const QString item = createUuid();
        Error e;
        {
            LocalStore store(QStringLiteral("restart-clock-1"));
            QVERIFY(store.open(file, &e));
            Op ahead = itemOp(Op::Type::ItemCreate, list, item,
                              {{QStringLiteral("title"), QStringLiteral("From the future")}});
            ahead.stamp = Hlc {QDateTime::currentMSecsSinceEpoch() + 3600 * 1000, 0,
                               QStringLiteral("other-device")};
            QVERIFY(store.applyRemote(ahead, 1, &e));
        }
        LocalStore store(QStringLiteral("restart-clock-2"));
        QVERIFY(store.open(file, &e));
        SyncClient sync(&store, m_server.url());
        QVERIFY(sync.apply(itemOp(Op::Type::ItemSet, list, item,
                                  {{QStringLiteral("title"), QStringLiteral("Mine")}}),
                           &e));
        QCOMPARE(store.view(list).find(item)->value(QStringLiteral("title")).toString(),
                 QStringLiteral("Mine"));
    }

    void startedAgainWhileClosingConnectsAtOnce()
    {
        Family f;
        QVERIFY(Family::create(this, m_server.url(), {QStringLiteral("Toggle")}, &f,
                               QStringLiteral("-toggle")));
        Device d = device(f.people[0]);
        d.sync->start();
        QVERIFY(waitLive(d.sync.get()));
        QSignalSpy states(d.sync.get(), &SyncClient::stateChanged);
        d.sync->stop();
        d.sync->start(); // the socket is still closing
        bool backedOff = false;
        QVERIFY(QTest::qWaitFor(
            [&] {
                backedOff = backedOff || d.sync->nextRetryInMs() >= 0;
                return d.sync->state() == SyncClient::State::Live;
            },
            10000));
        // Offline once (the stop), then straight back: no backoff was waited out.
        QVERIFY(!backedOff);
        QCOMPARE(states.first().at(0).value<SyncClient::State>(), SyncClient::State::Offline);
        for (qsizetype i = 1; i < states.size(); ++i)
            QVERIFY(states.at(i).at(0).value<SyncClient::State>() != SyncClient::State::Offline);
    }

    void networkComingBackRetriesAtOnce()
    {
        Solo s;
        QVERIFY(startSolo(s, QStringLiteral("Net")));
        TestServer &server = s.server;
        SyncClient &sync = *s.sync;
        const quint16 port = server.server->port();
        sync.start();
        QVERIFY(waitLive(&sync));
        server.stop();
        QTRY_COMPARE_WITH_TIMEOUT(sync.state(), SyncClient::State::Offline, 10000);
        QVERIFY(sync.nextRetryInMs() > 0);
        // Losing the network changes nothing; getting it back tries at once.
        sync.onReachabilityChanged(QNetworkInformation::Reachability::Disconnected);
        QCOMPARE(sync.state(), SyncClient::State::Offline);
        server.config.port = port;
        QVERIFY(server.start());
        sync.onReachabilityChanged(QNetworkInformation::Reachability::Online);
        QCOMPARE(sync.state(), SyncClient::State::Connecting);
        QCOMPARE(sync.nextRetryInMs(), -1);
        QVERIFY(waitLive(&sync));
    }
};

KINLIST_SERVER_TEST_MAIN(TestSyncClient)
#include "tst_syncclient.moc"
