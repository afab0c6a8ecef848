// Several kinlist-server nodes (the real binary, three processes) on one PostgreSQL
// database, from the CTest fixture: clients of one list on different nodes see each
// other's ops in seq order; writers on every node at once get one gap-free seq and every
// node's subscribers see every op once, in order; a mutation resent to another node is
// applied once; a member removed on one node loses the list on another; an invite's last
// use is taken once; who has a list open is seen on every node, and a node stopped or
// killed takes its devices off it; a tablet removed on one node is signed out on the
// other; behind haproxy (installer/server/haproxy-kinlist.cfg), a node killed
// mid-stream loses nothing: its client reconnects to another and every acked op is in the
// log once, the seq without a gap. Runs only on PostgreSQL.
#include "common/testclient.h"
#include "common/testserver.h"
#include "core/uuid.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace TestOps;

class TestMultiNode : public QObject
{
    Q_OBJECT
    static constexpr int kNodes = 3;
    QTemporaryDir m_dir;
    QString m_database;
    std::unique_ptr<QProcess> m_nodes[kNodes];
    QUrl m_urls[kNodes];

    static qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

    // The number of connections node `i` says it holds (its /healthz), or -1.
    int connectionsOf(int i)
    {
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_urls[i].port()));
        if (!s.waitForConnected(2000))
            return -1;
        s.write("GET /healthz HTTP/1.1\r\nHost: node\r\nConnection: close\r\n\r\n");
        QByteArray response;
        while (s.waitForReadyRead(2000))
            response += s.readAll();
        const QJsonObject body =
            QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).object();
        return body.contains(QStringLiteral("connections"))
            ? body.value(QStringLiteral("connections")).toInt()
            : -1;
    }

    // Starts node `i` of the binary on an ephemeral port, on the shared database.
    QUrl startNode(int i)
    {
        auto &p = m_nodes[i];
        p = std::make_unique<QProcess>();
        p->setProgram(qEnvironmentVariable("KINLIST_SERVER_BIN"));
        p->setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--data"), m_dir.filePath(QStringLiteral("node%1").arg(i)),
                         QStringLiteral("--database"), m_database,
                         QStringLiteral("--password-hash"), QStringLiteral("min"),
                         // (A sweep each second: a lost database is noticed quickly.)
                         QStringLiteral("--ping-interval"), QStringLiteral("2000")});
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start();
        if (!p->waitForStarted(5000))
            return {};
        return TestServer::waitUntilListening(*p);
    }

    // A new account on node `i`, signed in.
    TestClient *person(int i, const QString &name)
    {
        auto *c = new TestClient(this);
        if (!c->open(m_urls[i]) || type(c->hello()) != QLatin1String("reply"))
            return nullptr;
        const QString email = QStringLiteral("%1-%2@nodes.example").arg(name.toLower()).arg(now());
        if (type(c->registerUser(email, QStringLiteral("password-") + name, name)) !=
            QLatin1String("reply"))
            return nullptr;
        c->setProperty("email", email);
        c->setProperty("password", QStringLiteral("password-") + name);
        return c;
    }

    static QString householdOf(const QJsonObject &result)
    {
        return result.value(QStringLiteral("household"))
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }

    // A household made by `owner`, and an invite code to it with `uses` uses.
    static QString invite(TestClient *owner, const QString &household, int uses)
    {
        return owner
            ->result(
                QStringLiteral("invite.create"),
                {{QStringLiteral("householdId"), household}, {QStringLiteral("maxUses"), uses}})
            .value(QStringLiteral("code"))
            .toString();
    }

    static qint64 seqOf(const QJsonObject &frame)
    {
        return qint64(frame.value(QStringLiteral("seq")).toDouble());
    }

    // The op frame of seq `seq` of the list, once `c` has it.
    static QJsonObject opOf(TestClient *c, const QString &listId, qint64 seq)
    {
        return c->waitFor(
            [&](const QJsonObject &f) {
                return type(f) == QLatin1String("op") &&
                    f.value(QStringLiteral("listId")).toString() == listId && seqOf(f) == seq;
            },
            10000);
    }

    // The seqs of the list's op frames `c` has received (and not taken), in arrival order.
    static QList<qint64> opSeqs(TestClient *c, const QString &listId, qint64 from)
    {
        QList<qint64> out;
        for (const QJsonObject &f : c->pending()) {
            if (type(f) == QLatin1String("op") &&
                f.value(QStringLiteral("listId")).toString() == listId && seqOf(f) >= from)
                out.append(seqOf(f));
        }
        return out;
    }

    // Another connection of `who`'s account on node `node`, as a device of its own.
    TestClient *secondDevice(TestClient *who, int node, const QString &clientId)
    {
        auto *c = new TestClient(this);
        c->clientId = clientId;
        if (!c->open(m_urls[node]) || type(c->hello()) != QLatin1String("reply") ||
            type(c->login(who->property("email").toString(),
                          who->property("password").toString())) != QLatin1String("reply"))
            return nullptr;
        c->setProperty("email", who->property("email"));
        c->setProperty("password", who->property("password"));
        return c;
    }

    // The devices (client ids) a subscribe answer says have the list open.
    static QSet<QString> devicesIn(const QJsonObject &subscribed)
    {
        QSet<QString> out;
        for (const auto &m : subscribed.value(QStringLiteral("presence")).toArray())
            out.insert(m.toObject().value(QStringLiteral("clientId")).toString());
        return out;
    }

    // Whether `c` is told that device `clientId` joined or left the list (soon).
    static bool presenceSeen(TestClient *c, const QString &event, const QString &clientId)
    {
        return !c->waitFor(
                     [&](const QJsonObject &f) {
                         return type(f) == QLatin1String("presence") &&
                             f.value(QStringLiteral("event")).toString() == event &&
                             f.value(QStringLiteral("member"))
                                 .toObject()
                                 .value(QStringLiteral("clientId"))
                                 .toString() == clientId;
                     },
                     20000)
                    .isEmpty();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestServer::postgres())
            QSKIP("several nodes need PostgreSQL: CTest runs this with its PostgreSQL fixture");
        m_database = TestServer::createPostgresDatabase();
        QVERIFY(!m_database.isEmpty());
        for (int i = 0; i < kNodes; ++i) {
            m_urls[i] = startNode(i);
            QVERIFY2(m_urls[i].isValid(), qPrintable(QStringLiteral("node %1").arg(i)));
        }
    }

    void opsReachEveryNodeInOrder()
    {
        TestClient *mum = person(0, QStringLiteral("Mum"));
        TestClient *dad = person(1, QStringLiteral("Dad"));
        TestClient *gran = person(2, QStringLiteral("Gran"));
        QVERIFY(mum && dad && gran);
        const QString hh = householdOf(mum->result(
            QStringLiteral("household.create"), {{QStringLiteral("name"), QStringLiteral("Us")}}));
        const QString code = invite(mum, hh, 5);
        QCOMPARE(householdOf(dad->result(QStringLiteral("household.join"),
                                         {{QStringLiteral("code"), code}})),
                 hh);
        QCOMPARE(householdOf(gran->result(QStringLiteral("household.join"),
                                          {{QStringLiteral("code"), code}})),
                 hh);
        const QString list = kinlist::createUuid();
        QCOMPARE(type(mum->mutate(
                     listCreate(hh, list, QStringLiteral("Shop"), stamp(now(), 0, mum->clientId)))),
                 QStringLiteral("ack"));
        for (TestClient *c : {mum, dad, gran}) {
            const QJsonObject sub =
                c->result(QStringLiteral("subscribe"),
                          {{QStringLiteral("listId"), list}, {QStringLiteral("sinceSeq"), 0}});
            QCOMPARE(seqOf(sub), 1);
        }
        // Mum on node 0 adds; Dad (node 1) and Gran (node 2) see it, as seq 2, by Mum.
        const QString milk = kinlist::createUuid();
        QCOMPARE(type(mum->mutate(itemCreate(list, milk, QStringLiteral("Milk"),
                                             stamp(now(), 1, mum->clientId)))),
                 QStringLiteral("ack"));
        for (TestClient *c : {dad, gran}) {
            const QJsonObject op = opOf(c, list, 2);
            QVERIFY(!op.isEmpty());
            QCOMPARE(op.value(QStringLiteral("byName")).toString(), QStringLiteral("Mum"));
        }
        // Dad on node 1 changes it: seq 3 everywhere.
        const QJsonObject ack =
            dad->mutate(itemSet(list, milk, {{QStringLiteral("title"), QStringLiteral("Oat milk")}},
                                stamp(now(), 2, dad->clientId)));
        QCOMPARE(type(ack), QStringLiteral("ack"));
        QCOMPARE(seqOf(ack), 3);
        for (TestClient *c : {mum, gran}) {
            const QJsonObject op = opOf(c, list, 3);
            QVERIFY(!op.isEmpty());
            QCOMPARE(op.value(QStringLiteral("op"))
                         .toObject()
                         .value(QStringLiteral("fields"))
                         .toObject()
                         .value(QStringLiteral("title"))
                         .toString(),
                     QStringLiteral("Oat milk"));
        }
        setProperty("list", list);
        setProperty("household", hh);
        m_people = {mum, dad, gran};
    }

    // A list Dad does not have open is renamed on another node: his node tells him.
    void listChangesReachEveryNode()
    {
        TestClient *mum = m_people.value(0);
        TestClient *dad = m_people.value(1);
        const QString hh = property("household").toString();
        const QString tools = kinlist::createUuid();
        QCOMPARE(type(mum->mutate(listCreate(hh, tools, QStringLiteral("Tools"),
                                             stamp(now(), 10, mum->clientId)))),
                 QStringLiteral("ack"));
        const auto changed = [&](const QString &name) {
            return dad->waitFor(
                [&](const QJsonObject &f) {
                    const QJsonObject list = f.value(QStringLiteral("list")).toObject();
                    return type(f) == QLatin1String("list.changed") &&
                        list.value(QStringLiteral("id")).toString() == tools &&
                        list.value(QStringLiteral("name")).toString() == name;
                },
                10000);
        };
        QVERIFY(!changed(QStringLiteral("Tools")).isEmpty());
        QCOMPARE(type(mum->mutate(QJsonObject {
                     {QStringLiteral("type"), QStringLiteral("list.set")},
                     {QStringLiteral("listId"), tools},
                     {QStringLiteral("stamp"), stamp(now(), 11, mum->clientId)},
                     {QStringLiteral("fields"),
                      QJsonObject {{QStringLiteral("name"), QStringLiteral("Garden")}}}})),
                 QStringLiteral("ack"));
        const QJsonObject renamed = changed(QStringLiteral("Garden"));
        QVERIFY(!renamed.isEmpty());
        QCOMPARE(renamed.value(QStringLiteral("householdId")).toString(), hh);
    }

    void writersOnEveryNodeGetOneSeq()
    {
        const QString list = property("list").toString();
        QVERIFY(!list.isEmpty());
        // Each of the three sends 40 new items at once, without waiting for answers.
        constexpr int kEach = 40;
        QHash<TestClient *, QList<qint64>> requests;
        for (int n = 0; n < kEach; ++n) {
            for (TestClient *c : std::as_const(m_people)) {
                const QJsonObject op =
                    itemCreate(list, kinlist::createUuid(), QStringLiteral("Thing %1").arg(n),
                               stamp(now(), n, c->clientId));
                requests[c].append(c->send(QStringLiteral("mutate"),
                                           {{QStringLiteral("clientId"), c->clientId},
                                            {QStringLiteral("mutationId"), c->nextMutationId++},
                                            {QStringLiteral("listId"), list},
                                            {QStringLiteral("op"), op}}));
            }
        }
        QList<qint64> seqs;
        for (TestClient *c : std::as_const(m_people)) {
            for (const qint64 id : requests.value(c)) {
                const QJsonObject answer = c->waitFor(
                    [&](const QJsonObject &f) {
                        return qint64(f.value(QStringLiteral("id")).toDouble()) == id &&
                            (type(f) == QLatin1String("ack") || type(f) == QLatin1String("reject"));
                    },
                    20000);
                QCOMPARE(type(answer), QStringLiteral("ack"));
                seqs.append(seqOf(answer));
            }
        }
        // One seq each, none missing: 4 .. 3 + 120.
        std::sort(seqs.begin(), seqs.end());
        QCOMPARE(seqs.size(), 3 * kEach);
        for (int i = 0; i < seqs.size(); ++i)
            QCOMPARE(seqs.at(i), qint64(4 + i));
        // Every subscriber, on every node, saw every op once and in order.
        const qint64 last = 3 + 3 * kEach;
        QList<qint64> all;
        for (qint64 seq = 4; seq <= last; ++seq)
            all.append(seq);
        for (TestClient *c : std::as_const(m_people)) {
            QTRY_VERIFY_WITH_TIMEOUT(opSeqs(c, list, 4).contains(last), 20000);
            QCOMPARE(opSeqs(c, list, 4), all);
        }
        // And a fresh look from each node finds the same log.
        for (int i = 0; i < kNodes; ++i) {
            TestClient *look = secondDevice(m_people.at(i), i, kinlist::createUuid());
            QVERIFY(look);
            const QJsonObject sub =
                look->result(QStringLiteral("subscribe"),
                             {{QStringLiteral("listId"), list}, {QStringLiteral("sinceSeq"), 0}});
            QCOMPARE(seqOf(sub), last);
            QCOMPARE(sub.value(QStringLiteral("ops")).toArray().size(), last);
        }
    }

    void resendToAnotherNodeIsAppliedOnce()
    {
        const QString list = property("list").toString();
        TestClient *mum = m_people.value(0);
        QVERIFY(mum);
        const QJsonObject op = itemCreate(list, kinlist::createUuid(), QStringLiteral("Bread"),
                                          stamp(now(), 900, mum->clientId));
        const qint64 mutation = mum->nextMutationId++;
        const QJsonObject first = mum->mutate(op, mutation);
        QCOMPARE(type(first), QStringLiteral("ack"));
        // Her connection to node 0 is gone; the same device reaches node 2 and sends again.
        mum->close();
        TestClient *again = secondDevice(mum, 2, mum->clientId);
        QVERIFY(again);
        const QJsonObject resent = again->mutate(op, mutation);
        QCOMPARE(type(resent), QStringLiteral("ack"));
        QVERIFY(resent.value(QStringLiteral("duplicate")).toBool());
        QCOMPARE(seqOf(resent), seqOf(first));
        // The next one from that device follows on, on node 2.
        const QJsonObject next =
            again->mutate(itemCreate(list, kinlist::createUuid(), QStringLiteral("Butter"),
                                     stamp(now(), 901, mum->clientId)),
                          mutation + 1);
        QCOMPARE(type(next), QStringLiteral("ack"));
        QCOMPARE(seqOf(next), seqOf(first) + 1);
        again->nextMutationId = mutation + 2;
        m_people[0] = again;
    }

    void lastInviteUseIsTakenOnce()
    {
        TestClient *mum = m_people.value(0);
        const QString hh = property("household").toString();
        const QString once = invite(mum, hh, 1);
        TestClient *a = person(1, QStringLiteral("Ann"));
        TestClient *b = person(2, QStringLiteral("Ben"));
        QVERIFY(a && b && !once.isEmpty());
        const qint64 ia =
            a->send(QStringLiteral("household.join"), {{QStringLiteral("code"), once}});
        const qint64 ib =
            b->send(QStringLiteral("household.join"), {{QStringLiteral("code"), once}});
        const auto answer = [](TestClient *c, qint64 id) {
            return c->waitFor(
                [&](const QJsonObject &f) {
                    return qint64(f.value(QStringLiteral("id")).toDouble()) == id;
                },
                10000);
        };
        const QJsonObject ra = answer(a, ia);
        const QJsonObject rb = answer(b, ib);
        QCOMPARE(int(type(ra) == QLatin1String("reply")) + int(type(rb) == QLatin1String("reply")),
                 1);
        QCOMPARE(code(type(ra) == QLatin1String("reply") ? rb : ra),
                 QStringLiteral("invite_invalid"));
    }

    void removedMemberLosesTheListOnAnotherNode()
    {
        const QString list = property("list").toString();
        const QString hh = property("household").toString();
        TestClient *mum = m_people.value(0);
        TestClient *gran = m_people.value(2);
        gran->clearFrames();
        QCOMPARE(type(mum->request(QStringLiteral("member.remove"),
                                   {{QStringLiteral("householdId"), hh},
                                    {QStringLiteral("userId"), gran->userId}})),
                 QStringLiteral("reply"));
        // Gran is on node 2: told at once, and her changes are refused there.
        QVERIFY(!gran->waitForType(QStringLiteral("household.removed"), 10000).isEmpty());
        const QJsonObject refused =
            gran->mutate(itemCreate(list, kinlist::createUuid(), QStringLiteral("Cake"),
                                    stamp(now(), 950, gran->clientId)));
        QCOMPARE(type(refused), QStringLiteral("reject"));
        QCOMPARE(code(refused), QStringLiteral("forbidden"));
    }

    // Who has a list open is seen across nodes: a device opening it on one node is in the
    // answer there and in the others' "joined"; one closing it, or whose node shuts down or
    // dies, in their "left".
    void presenceCrossesNodes()
    {
        const QString hh = property("household").toString();
        QVERIFY(m_people.size() == 3 && !hh.isEmpty());
        // Mum's laptop on node 0, Dad's on node 1.
        TestClient *mum = secondDevice(m_people.at(0), 0, kinlist::createUuid());
        TestClient *dad = secondDevice(m_people.at(1), 1, kinlist::createUuid());
        QVERIFY(mum && dad);
        const QString list = kinlist::createUuid();
        QCOMPARE(type(mum->mutate(listCreate(hh, list, QStringLiteral("Picnic"),
                                             stamp(now(), 990, mum->clientId)))),
                 QStringLiteral("ack"));
        const auto open = [&](TestClient *c) {
            return c->result(QStringLiteral("subscribe"),
                             {{QStringLiteral("listId"), list}, {QStringLiteral("sinceSeq"), 0}});
        };
        QCOMPARE(devicesIn(open(mum)), QSet<QString> {mum->clientId});
        QCOMPARE(devicesIn(open(dad)), (QSet<QString> {mum->clientId, dad->clientId}));
        QVERIFY(presenceSeen(mum, QStringLiteral("joined"), dad->clientId));
        // Mum's phone on node 1 sees Mum (node 0) and Dad (node 1), and Mum sees it come.
        TestClient *phone = secondDevice(mum, 1, kinlist::createUuid());
        QVERIFY(phone);
        QCOMPARE(devicesIn(open(phone)),
                 (QSet<QString> {mum->clientId, dad->clientId, phone->clientId}));
        QVERIFY(presenceSeen(mum, QStringLiteral("joined"), phone->clientId));
        // Dad's kitchen laptop on node 2: everyone, and the others see it.
        TestClient *kitchen = secondDevice(dad, 2, kinlist::createUuid());
        QVERIFY(kitchen);
        QCOMPARE(
            devicesIn(open(kitchen)),
            (QSet<QString> {mum->clientId, dad->clientId, phone->clientId, kitchen->clientId}));
        QVERIFY(presenceSeen(mum, QStringLiteral("joined"), kitchen->clientId));
        QVERIFY(presenceSeen(phone, QStringLiteral("joined"), kitchen->clientId));
        // The phone closes the list.
        QCOMPARE(
            type(phone->request(QStringLiteral("unsubscribe"), {{QStringLiteral("listId"), list}})),
            QStringLiteral("reply"));
        QVERIFY(presenceSeen(mum, QStringLiteral("left"), phone->clientId));
        QVERIFY(presenceSeen(kitchen, QStringLiteral("left"), phone->clientId));
        // Node 2 is stopped (SIGTERM): the laptop leaves at once, not when node 2 is given
        // up; then it starts again.
        m_nodes[2]->terminate();
        QVERIFY(presenceSeen(mum, QStringLiteral("left"), kitchen->clientId));
        QVERIFY(m_nodes[2]->state() == QProcess::NotRunning || m_nodes[2]->waitForFinished(10000));
        m_urls[2] = startNode(2);
        QVERIFY(m_urls[2].isValid());
        // A device on node 2 again, and node 2 killed: the others give it up, and its
        // device leaves.
        TestClient *tablet = secondDevice(dad, 2, kinlist::createUuid());
        QVERIFY(tablet);
        QVERIFY(devicesIn(open(tablet)).contains(mum->clientId));
        QVERIFY(presenceSeen(mum, QStringLiteral("joined"), tablet->clientId));
        QVERIFY(::kill(pid_t(m_nodes[2]->processId()), SIGKILL) == 0);
        QVERIFY(m_nodes[2]->waitForFinished(5000));
        QVERIFY(presenceSeen(mum, QStringLiteral("left"), tablet->clientId));
        QVERIFY(presenceSeen(dad, QStringLiteral("left"), tablet->clientId));
        m_urls[2] = startNode(2);
        QVERIFY(m_urls[2].isValid());
        // A device that opens the list now sees nobody of the dead node.
        TestClient *look = secondDevice(mum, 2, kinlist::createUuid());
        QVERIFY(look);
        QCOMPARE(devicesIn(open(look)),
                 (QSet<QString> {mum->clientId, dad->clientId, look->clientId}));
        // (Mum's device of the tests before was on node 2: the next ones use the laptop.)
        m_people[0] = mum;
    }

    // A kitchen tablet removed by an owner on one node is signed out on the node it is
    // connected to, at once (not when its access token runs out).
    void removedTabletIsSignedOutOnEveryNode()
    {
        const QString hh = property("household").toString();
        TestClient *mum = m_people.value(0);
        QVERIFY(mum && !hh.isEmpty());
        const QString pairing =
            mum->result(QStringLiteral("kiosk.code.create"), {{QStringLiteral("householdId"), hh}})
                .value(QStringLiteral("code"))
                .toString();
        auto *tablet = new TestClient(this);
        QVERIFY(tablet->open(m_urls[1]));
        QCOMPARE(type(tablet->hello()), QStringLiteral("reply"));
        const QJsonObject paired =
            tablet->result(QStringLiteral("kiosk.pair"),
                           {{QStringLiteral("code"), pairing},
                            {QStringLiteral("name"), QStringLiteral("Kitchen")}});
        const QString tabletId =
            paired.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!tabletId.isEmpty());
        tablet->clearFrames();
        QCOMPARE(type(mum->request(
                     QStringLiteral("member.remove"),
                     {{QStringLiteral("householdId"), hh}, {QStringLiteral("userId"), tabletId}})),
                 QStringLiteral("reply"));
        const QJsonObject told = tablet->waitFor(
            [](const QJsonObject &f) {
                return type(f) == QLatin1String("error") &&
                    code(f) == QLatin1String("token_invalid");
            },
            10000);
        QVERIFY(!told.isEmpty());
        QVERIFY(tablet->waitClosed(10000));
    }

    // PostgreSQL drops the connection of every node (a restart, a network cut). A change made
    // meanwhile is refused with storage_error, and accepted when sent again once the node
    // is connected again; the other nodes, which lost its notification, read it anyway.
    void nodesComeBackAfterLosingTheDatabase()
    {
        const QString list = property("list").toString();
        TestClient *mum = m_people.value(0);
        TestClient *dad = m_people.value(1);
        QVERIFY(mum && dad);
        {
            QSqlDatabase admin =
                QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("admin"));
            const QUrl u(TestServer::postgresUrl());
            admin.setHostName(u.host());
            admin.setPort(u.port());
            admin.setUserName(u.userName());
            admin.setDatabaseName(u.path().mid(1));
            QVERIFY(admin.open());
            QSqlQuery q(admin);
            // (Only this test's nodes: other suites share the fixture's PostgreSQL.)
            q.prepare(QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM "
                                     "pg_stat_activity WHERE application_name = "
                                     "'kinlist-server' AND datname = ?"));
            q.addBindValue(QUrl(m_database).path().mid(1));
            QVERIFY(q.exec());
            QVERIFY(q.next() && q.value(0).toInt() >= kNodes);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        const QJsonObject op = itemCreate(list, kinlist::createUuid(), QStringLiteral("Candles"),
                                          stamp(now(), 970, mum->clientId));
        const qint64 mutation = mum->nextMutationId++;
        QJsonObject answer = mum->mutate(op, mutation);
        int refused = 0;
        for (int tries = 0; tries < 30 && type(answer) != QLatin1String("ack"); ++tries) {
            QCOMPARE(code(answer), QStringLiteral("storage_error"));
            ++refused;
            QTest::qWait(500); // as a client waits before sending again
            answer = mum->mutate(op, mutation);
        }
        QCOMPARE(type(answer), QStringLiteral("ack"));
        QVERIFY(refused > 0); // it did notice
        QVERIFY(!opOf(dad, list, seqOf(answer)).isEmpty());
    }

    // haproxy with the example configuration in front of the three nodes; Dad writes a
    // stream of items through it, and his node is killed in the middle of it.
    void nodeKilledMidStreamBehindHaproxy()
    {
        const QString list = property("list").toString();
        TestClient *dad = m_people.value(1);
        QVERIFY(dad && !list.isEmpty());
        // The example, with this test's ports.
        QFile example(QStringLiteral(KINLIST_SOURCE_DIR "/installer/server/haproxy-kinlist.cfg"));
        QVERIFY(example.open(QIODevice::ReadOnly));
        QString config = QString::fromUtf8(example.readAll());
        quint16 front = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            front = probe.serverPort();
        }
        config.replace(QStringLiteral("127.0.0.1:8477"), QStringLiteral("127.0.0.1:%1").arg(front));
        for (int i = 0; i < kNodes; ++i)
            config.replace(QStringLiteral("127.0.0.1:848%1").arg(i + 1),
                           QStringLiteral("127.0.0.1:%1").arg(m_urls[i].port()));
        const QString path = m_dir.filePath(QStringLiteral("haproxy.cfg"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(config.toUtf8()) > 0);
        out.close();
        m_haproxy.setProgram(QStringLiteral("haproxy"));
        m_haproxy.setArguments({QStringLiteral("-db"), QStringLiteral("-f"), path});
        m_haproxy.setProcessChannelMode(QProcess::ForwardedChannels);
        m_haproxy.start();
        QVERIFY2(m_haproxy.waitForStarted(5000), "haproxy (scripts/install-deps.sh installs it)");
        const QUrl front_url(QStringLiteral("ws://127.0.0.1:%1").arg(front));

        // Dad's laptop, through haproxy; which node it landed on, the nodes' counts say.
        int before[kNodes];
        for (int i = 0; i < kNodes; ++i)
            before[i] = connectionsOf(i);
        auto *laptop = new TestClient(this);
        laptop->clientId = kinlist::createUuid();
        QTRY_VERIFY_WITH_TIMEOUT(laptop->open(front_url, 1000), 10000);
        QCOMPARE(type(laptop->hello()), QStringLiteral("reply"));
        QCOMPARE(type(laptop->login(dad->property("email").toString(),
                                    dad->property("password").toString())),
                 QStringLiteral("reply"));
        int victim = -1;
        QTRY_VERIFY([&] {
            for (int i = 0; i < kNodes; ++i) {
                if (connectionsOf(i) == before[i] + 1)
                    victim = i;
            }
            return victim >= 0;
        }());

        // A stream of items, a few at a time, not waiting for answers; the node dies once
        // 40 are acked, with more on their way.
        constexpr int kItems = 400;
        QList<QJsonObject> ops;
        QSet<qint64> acked;
        for (int n = 0; n < kItems; ++n)
            ops.append(itemCreate(list, kinlist::createUuid(), QStringLiteral("Crate %1").arg(n),
                                  stamp(now(), n, laptop->clientId)));
        const auto takeAcks = [&](TestClient *c) {
            for (const QJsonObject &f : c->pending()) {
                if (type(f) == QLatin1String("ack"))
                    acked.insert(qint64(f.value(QStringLiteral("mutationId")).toDouble()));
            }
        };
        int sent = 0;
        while (sent < kItems && !(acked.size() >= 40 && sent > acked.size() + 20)) {
            for (int k = 0; k < 8 && sent < kItems; ++k, ++sent)
                laptop->send(QStringLiteral("mutate"),
                             {{QStringLiteral("clientId"), laptop->clientId},
                              {QStringLiteral("mutationId"), sent + 1},
                              {QStringLiteral("listId"), list},
                              {QStringLiteral("op"), ops.at(sent)}});
            QTest::qWait(2);
            takeAcks(laptop);
        }
        QVERIFY(::kill(pid_t(m_nodes[victim]->processId()), SIGKILL) == 0);
        QVERIFY(m_nodes[victim]->waitForFinished(5000));
        QVERIFY(laptop->waitClosed(10000));
        takeAcks(laptop);
        QVERIFY2(acked.size() < sent, "the node died after the stream: nothing to test");
        qInfo("node %d killed with %d of %d mutations acked", victim, int(acked.size()), sent);

        // The laptop comes back through haproxy (to another node) and sends again what it
        // has no ack for, in order, with the same mutation ids.
        qint64 firstUnacked = 1;
        while (acked.contains(firstUnacked))
            ++firstUnacked;
        auto *back = new TestClient(this);
        back->clientId = laptop->clientId;
        QTRY_VERIFY_WITH_TIMEOUT(
            back->open(front_url, 1000) && type(back->hello()) == QLatin1String("reply"), 15000);
        QCOMPARE(type(back->login(dad->property("email").toString(),
                                  dad->property("password").toString())),
                 QStringLiteral("reply"));
        for (qint64 m = firstUnacked; m <= sent; ++m) {
            const QJsonObject answer = back->mutate(ops.at(int(m - 1)), m);
            QCOMPARE(type(answer), QStringLiteral("ack"));
            acked.insert(m);
        }
        // Every item once, in a log without a gap, as a survivor reads it.
        const int survivor = (victim + 1) % kNodes;
        TestClient *look = secondDevice(m_people.at(0), survivor, kinlist::createUuid());
        QVERIFY(look);
        const QJsonObject sub =
            look->result(QStringLiteral("subscribe"),
                         {{QStringLiteral("listId"), list}, {QStringLiteral("sinceSeq"), 0}});
        const QJsonArray logged = sub.value(QStringLiteral("ops")).toArray();
        QCOMPARE(qint64(logged.size()), seqOf(sub));
        QHash<QString, int> times;
        for (int i = 0; i < logged.size(); ++i) {
            const QJsonObject o = logged.at(i).toObject();
            QCOMPARE(seqOf(o), qint64(i + 1));
            times[o.value(QStringLiteral("op"))
                      .toObject()
                      .value(QStringLiteral("itemId"))
                      .toString()]++;
        }
        for (int n = 0; n < sent; ++n)
            QCOMPARE(times.value(ops.at(n).value(QStringLiteral("itemId")).toString()), 1);
    }

    void cleanupTestCase()
    {
        if (m_haproxy.state() != QProcess::NotRunning) {
            m_haproxy.terminate();
            m_haproxy.waitForFinished(5000);
        }
        for (auto &p : m_nodes) {
            if (p && p->state() != QProcess::NotRunning) {
                p->terminate();
                p->waitForFinished(10000);
            }
        }
    }

private:
    QList<TestClient *> m_people; // Mum (node 0), Dad (node 1), Gran (node 2)
    QProcess m_haproxy;
};

KINLIST_SERVER_TEST_MAIN(TestMultiNode)

#include "tst_multinode.moc"
