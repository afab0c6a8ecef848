// Live sync through a real in-process server: rooms, presence, exactly-once mutations,
// catch-up, snapshots, history and list notifications.
#include "common/testclient.h"
#include "common/testserver.h"
#include "core/hlc.h"
#include "core/uuid.h"

#include <QDateTime>
#include <QTest>

using namespace TestOps;

class TestServerSync : public QObject
{
    Q_OBJECT
    TestServer m_server;
    int m_familyCount = 0;

    static QJsonObject res(const QJsonObject &f)
    {
        return f.value(QStringLiteral("result")).toObject();
    }
    static qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

    Family family(const QStringList &names)
    {
        Family f;
        if (!Family::create(this, m_server.url(), names, &f, QString::number(++m_familyCount)))
            qFatal("could not set up a family");
        return f;
    }

    // Creates a list through `c` and returns its id.
    QString makeList(TestClient *c, const QString &householdId,
                     const QString &name = QStringLiteral("Groceries"))
    {
        const QString listId = kinlist::createUuid();
        const QJsonObject ack =
            c->mutate(listCreate(householdId, listId, name, stamp(now(), 0, c->clientId)));
        return type(ack) == QLatin1String("ack") ? listId : QString();
    }

    QJsonObject subscribe(TestClient *c, const QString &listId, qint64 since = 0)
    {
        return c->request(
            QStringLiteral("subscribe"),
            {{QStringLiteral("listId"), listId}, {QStringLiteral("sinceSeq"), since}});
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void twoClientsSeeEachOther()
    {
        Family f = family({QStringLiteral("Mum"), QStringLiteral("Dad")});
        TestClient *mum = f.people[0];
        TestClient *dad = f.people[1];
        const QString listId = makeList(mum, f.householdId);
        QVERIFY(!listId.isEmpty());
        // Dad was not subscribed but hears that a list appeared.
        const QJsonObject changed = dad->waitForType(QStringLiteral("list.changed"));
        QCOMPARE(changed.value(QStringLiteral("list"))
                     .toObject()
                     .value(QStringLiteral("name"))
                     .toString(),
                 QStringLiteral("Groceries"));

        QCOMPARE(type(subscribe(mum, listId)), QStringLiteral("reply"));
        const QJsonObject sub = subscribe(dad, listId);
        QCOMPARE(type(sub), QStringLiteral("reply"));
        // Presence: Dad's reply lists both; Mum hears Dad join.
        const QJsonArray presence = res(sub).value(QStringLiteral("presence")).toArray();
        QCOMPARE(presence.size(), 2);
        QStringList names;
        for (const auto &p : presence)
            names << p.toObject().value(QStringLiteral("displayName")).toString();
        names.sort();
        QCOMPARE(names, QStringList({QStringLiteral("Dad"), QStringLiteral("Mum")}));
        const QJsonObject joined = mum->waitForType(QStringLiteral("presence"));
        QCOMPARE(joined.value(QStringLiteral("event")).toString(), QStringLiteral("joined"));
        QCOMPARE(joined.value(QStringLiteral("member"))
                     .toObject()
                     .value(QStringLiteral("displayName"))
                     .toString(),
                 QStringLiteral("Dad"));

        // Mum adds an item: she gets an ack; Dad gets the op; Mum's own copy carries her mutation
        // id.
        const QString itemId = kinlist::createUuid();
        const qint64 mid = mum->nextMutationId;
        const QJsonObject ack = mum->mutate(
            itemCreate(listId, itemId, QStringLiteral("Milk"), stamp(now(), 0, mum->clientId)));
        QCOMPARE(type(ack), QStringLiteral("ack"));
        const qint64 seq = ack.value(QStringLiteral("seq")).toInteger();
        QCOMPARE(seq, 2);
        const QJsonObject atDad = dad->waitForType(QStringLiteral("op"));
        QCOMPARE(atDad.value(QStringLiteral("seq")).toInteger(), seq);
        QCOMPARE(
            atDad.value(QStringLiteral("op")).toObject().value(QStringLiteral("itemId")).toString(),
            itemId);
        QCOMPARE(atDad.value(QStringLiteral("byName")).toString(), QStringLiteral("Mum"));
        QVERIFY(!atDad.contains(QStringLiteral("mutationId")));
        const QJsonObject own = mum->waitForType(QStringLiteral("op"));
        QCOMPARE(own.value(QStringLiteral("mutationId")).toInteger(), mid);
        // The server filled in who created it.
        QCOMPARE(atDad.value(QStringLiteral("op"))
                     .toObject()
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("createdBy"))
                     .toString(),
                 mum->userId);

        // And the other way round.
        QCOMPARE(type(dad->mutate(itemSet(listId, itemId, {{QStringLiteral("done"), true}},
                                          stamp(now(), 1, dad->clientId)))),
                 QStringLiteral("ack"));
        const QJsonObject atMum = mum->waitForType(QStringLiteral("op"));
        QCOMPARE(atMum.value(QStringLiteral("op"))
                     .toObject()
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("done"))
                     .toBool(),
                 true);

        // Dad leaves: Mum sees him go.
        QCOMPARE(
            type(dad->request(QStringLiteral("unsubscribe"), {{QStringLiteral("listId"), listId}})),
            QStringLiteral("reply"));
        const QJsonObject left = mum->waitForType(QStringLiteral("presence"));
        QCOMPARE(left.value(QStringLiteral("event")).toString(), QStringLiteral("left"));
    }

    // Protocol 2: the connection that sent a mutation gets its ack (with the op as applied)
    // and no copy; the others get the op as before, the sender's other device included.
    void protocol2SenderGetsOnlyItsAck()
    {
        Family f = family({QStringLiteral("Ida"), QStringLiteral("Jon")});
        TestClient *idaPhone = f.people[0];
        TestClient *jon = f.people[1];
        auto *ida = new TestClient(this);
        ida->protocol = 2;
        QVERIFY(ida->open(m_server.url()));
        QCOMPARE(res(ida->hello()).value(QStringLiteral("protocol")).toInt(), 2);
        QCOMPARE(type(ida->login(QStringLiteral("ida%1@example.org").arg(m_familyCount),
                                 QStringLiteral("password-Ida"))),
                 QStringLiteral("reply"));
        const QString listId = makeList(ida, f.householdId);
        QVERIFY(!listId.isEmpty());
        for (TestClient *c : {ida, idaPhone, jon})
            QCOMPARE(type(subscribe(c, listId)), QStringLiteral("reply"));
        ida->clearFrames();
        const QString itemId = kinlist::createUuid();
        const qint64 mid = ida->nextMutationId;
        const QJsonObject ack = ida->mutate(
            itemCreate(listId, itemId, QStringLiteral("Eggs"), stamp(now(), 1, ida->clientId)));
        QCOMPARE(type(ack), QStringLiteral("ack"));
        QCOMPARE(ack.value(QStringLiteral("mutationId")).toInteger(), mid);
        QCOMPARE(
            ack.value(QStringLiteral("op")).toObject().value(QStringLiteral("itemId")).toString(),
            itemId);
        const qint64 seq = ack.value(QStringLiteral("seq")).toInteger();
        for (TestClient *other : {jon, idaPhone}) {
            const QJsonObject op = other->waitForType(QStringLiteral("op"));
            QCOMPARE(op.value(QStringLiteral("seq")).toInteger(), seq);
            QVERIFY(!op.contains(QStringLiteral("mutationId")));
        }
        // Jon's next op reaches Ida: had her own copy been sent, it would come first.
        QCOMPARE(type(jon->mutate(itemSet(listId, itemId, {{QStringLiteral("done"), true}},
                                          stamp(now(), 2, jon->clientId)))),
                 QStringLiteral("ack"));
        const QJsonObject next = ida->waitForType(QStringLiteral("op"));
        QCOMPARE(next.value(QStringLiteral("seq")).toInteger(), seq + 1);
        QCOMPARE(ida->countType(QStringLiteral("op")), 0);
        // A version from the future is refused.
        auto *future = new TestClient(this);
        future->protocol = 3;
        QVERIFY(future->open(m_server.url()));
        QCOMPARE(code(future->hello()), QStringLiteral("version_unsupported"));
    }

    void resendIsAppliedOnce()
    {
        Family f = family({QStringLiteral("Ann"), QStringLiteral("Ben")});
        TestClient *ann = f.people[0];
        TestClient *ben = f.people[1];
        const QString listId = makeList(ann, f.householdId);
        QCOMPARE(type(subscribe(ben, listId)), QStringLiteral("reply"));
        const QString itemId = kinlist::createUuid();
        const QJsonObject op =
            itemCreate(listId, itemId, QStringLiteral("Eggs"), stamp(now(), 0, ann->clientId));
        const qint64 mid = ann->nextMutationId++;
        const QJsonObject first = ann->mutate(op, mid);
        QCOMPARE(type(first), QStringLiteral("ack"));
        QVERIFY(!ben->waitForType(QStringLiteral("op")).isEmpty());

        // Ann's connection drops; she reconnects with the same client id and resends.
        ann->close();
        QVERIFY(ann->waitClosed());
        TestClient again;
        again.clientId = ann->clientId;
        QVERIFY(again.open(m_server.url()));
        QCOMPARE(type(again.hello(ann->accessToken)), QStringLiteral("reply"));
        const QJsonObject second = again.mutate(op, mid);
        QCOMPARE(type(second), QStringLiteral("ack"));
        QCOMPARE(second.value(QStringLiteral("seq")).toInteger(),
                 first.value(QStringLiteral("seq")).toInteger());
        QVERIFY(second.value(QStringLiteral("duplicate")).toBool());
        // It carries the op as applied, so a client that lost the first ack records the
        // server's version (here with the creator the server filled in).
        QCOMPARE(second.value(QStringLiteral("op"))
                     .toObject()
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("createdBy"))
                     .toString(),
                 ann->userId);
        // Twice in a row within one batch is also answered once and applied once.
        const QString item2 = kinlist::createUuid();
        const QJsonObject op2 =
            itemCreate(listId, item2, QStringLiteral("Jam"), stamp(now(), 1, ann->clientId));
        const qint64 mid2 = mid + 1;
        const qint64 r1 = again.send(QStringLiteral("mutate"),
                                     {{QStringLiteral("clientId"), again.clientId},
                                      {QStringLiteral("mutationId"), mid2},
                                      {QStringLiteral("listId"), listId},
                                      {QStringLiteral("op"), op2}});
        const qint64 r2 = again.send(QStringLiteral("mutate"),
                                     {{QStringLiteral("clientId"), again.clientId},
                                      {QStringLiteral("mutationId"), mid2},
                                      {QStringLiteral("listId"), listId},
                                      {QStringLiteral("op"), op2}});
        const QJsonObject a1 = again.waitFor(
            [r1](const QJsonObject &o) { return o.value(QStringLiteral("id")).toInteger() == r1; });
        const QJsonObject a2 = again.waitFor(
            [r2](const QJsonObject &o) { return o.value(QStringLiteral("id")).toInteger() == r2; });
        QCOMPARE(type(a1), QStringLiteral("ack"));
        QCOMPARE(type(a2), QStringLiteral("ack"));
        QCOMPARE(a1.value(QStringLiteral("seq")), a2.value(QStringLiteral("seq")));

        // Ben saw exactly one op per mutation, and the log holds each once.
        QVERIFY(!ben->waitForType(QStringLiteral("op")).isEmpty());
        QCOMPARE(ben->countType(QStringLiteral("op")), 0);
        const QJsonObject catchup = res(subscribe(ben, listId, 0));
        QCOMPARE(catchup.value(QStringLiteral("ops")).toArray().size(), 3); // list + 2 items
        QCOMPARE(catchup.value(QStringLiteral("seq")).toInteger(), 3);
    }

    // Twenty mutations sent in one write, read in one pass of the server's loop: all are
    // acked in order and reach the other member. On SQLite with --sync normal they are
    // committed and answered eight at a time, so the first do not wait for the last (issue
    // 15); with --sync full, where a commit waits for the disk, the burst shares a commit.
    void aBurstIsCommittedInGroups_data()
    {
        QTest::addColumn<bool>("syncFull");
        QTest::newRow("sync normal") << false;
        QTest::newRow("sync full") << true;
    }
    void aBurstIsCommittedInGroups()
    {
        QFETCH(bool, syncFull);
        TestServer own;
        own.config.syncFull = syncFull;
        QVERIFY(own.start());
        Family f;
        QVERIFY(Family::create(this, own.url(), {QStringLiteral("Cas"), QStringLiteral("Dee")}, &f,
                               QStringLiteral("-burst")));
        TestClient *cas = f.people[0];
        TestClient *dee = f.people[1];
        const QString listId = makeList(cas, f.householdId);
        QVERIFY(!listId.isEmpty());
        QCOMPARE(type(subscribe(dee, listId)), QStringLiteral("reply"));
        cas->clearFrames();
        dee->clearFrames();
        const qint64 commitsBefore = own.server->metrics().commits;
        const qint64 firstMutation = cas->nextMutationId;
        for (int i = 0; i < 20; ++i) {
            // (Queued on the socket, written together when the test next waits.)
            cas->send(QStringLiteral("mutate"),
                      {{QStringLiteral("clientId"), cas->clientId},
                       {QStringLiteral("mutationId"), cas->nextMutationId++},
                       {QStringLiteral("listId"), listId},
                       {QStringLiteral("op"),
                        itemCreate(listId, kinlist::createUuid(), QStringLiteral("Thing %1").arg(i),
                                   stamp(now(), i, cas->clientId))}});
        }
        QTRY_COMPARE(cas->countType(QStringLiteral("ack")), 20);
        QTRY_COMPARE(dee->countType(QStringLiteral("op")), 20);
        const QList<QJsonObject> acks = cas->pending();
        const QList<QJsonObject> ops = dee->pending();
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(acks.at(i).value(QStringLiteral("mutationId")).toInteger(), firstMutation + i);
            QCOMPARE(acks.at(i).value(QStringLiteral("seq")).toInteger(), 2 + i);
            QCOMPARE(ops.at(i).value(QStringLiteral("seq")).toInteger(), 2 + i);
        }
        const qint64 commits = own.server->metrics().commits - commitsBefore;
        if (TestServer::postgres())
            return; // (commits paced to one a millisecond: as many as the timing makes)
        if (syncFull)
            QVERIFY2(commits <= 2, qPrintable(QString::number(commits))); // (+ a progress save)
        else
            QVERIFY2(commits >= 3, qPrintable(QString::number(commits)));
    }

    void mutationsOutOfOrderAreRefusedUntilTheGapIsFilled()
    {
        Family f;
        QVERIFY(Family::create(this, m_server.url(), {QStringLiteral("Ola")}, &f,
                               QStringLiteral("-order")));
        TestClient *ola = f.people[0];
        const QString listId = makeList(ola, f.householdId);
        const QJsonObject first = itemCreate(listId, kinlist::createUuid(), QStringLiteral("First"),
                                             stamp(now(), 0, ola->clientId));
        const QJsonObject second =
            itemCreate(listId, kinlist::createUuid(), QStringLiteral("Second"),
                       stamp(now(), 1, ola->clientId));
        const qint64 mid = ola->nextMutationId;
        // The one after next arrives first (its predecessor was lost on the way): refused,
        // to be sent again, and not taken as applied.
        const QJsonObject early = ola->mutate(second, mid + 1);
        QCOMPARE(type(early), QStringLiteral("reject"));
        QCOMPARE(code(early), QStringLiteral("out_of_order"));
        QVERIFY(early.value(QStringLiteral("retry")).toBool());
        // In order, both are applied, each once.
        QCOMPARE(type(ola->mutate(first, mid)), QStringLiteral("ack"));
        const QJsonObject later = ola->mutate(second, mid + 1);
        QCOMPARE(type(later), QStringLiteral("ack"));
        QVERIFY(!later.value(QStringLiteral("duplicate")).toBool());
        ola->nextMutationId = mid + 2;
        const QJsonObject log =
            ola->result(QStringLiteral("subscribe"),
                        {{QStringLiteral("listId"), listId}, {QStringLiteral("sinceSeq"), 1}});
        QCOMPARE(log.value(QStringLiteral("ops")).toArray().size(), 2);
    }

    void catchUpReturnsExactlyTheMissedOps()
    {
        Family f = family({QStringLiteral("Cat"), QStringLiteral("Dan")});
        TestClient *cat = f.people[0];
        TestClient *dan = f.people[1];
        const QString listId = makeList(cat, f.householdId);
        QStringList items;
        for (int i = 0; i < 5; ++i) {
            items << kinlist::createUuid();
            QCOMPARE(
                type(cat->mutate(itemCreate(listId, items.last(), QStringLiteral("Item %1").arg(i),
                                            stamp(now(), i, cat->clientId)))),
                QStringLiteral("ack"));
        }
        const QJsonObject first = res(subscribe(dan, listId, 0));
        QCOMPARE(first.value(QStringLiteral("mode")).toString(), QStringLiteral("ops"));
        QCOMPARE(first.value(QStringLiteral("ops")).toArray().size(), 6);
        const qint64 danSeq = first.value(QStringLiteral("seq")).toInteger();
        QCOMPARE(danSeq, 6);
        // Dan goes away; Cat makes three more changes.
        dan->close();
        QVERIFY(dan->waitClosed());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(type(cat->mutate(itemSet(listId, items.at(i), {{QStringLiteral("done"), true}},
                                              stamp(now(), 10 + i, cat->clientId)))),
                     QStringLiteral("ack"));
        TestClient back;
        QVERIFY(back.open(m_server.url()));
        QCOMPARE(type(back.hello(dan->accessToken)), QStringLiteral("reply"));
        const QJsonObject missed = res(subscribe(&back, listId, danSeq));
        const QJsonArray ops = missed.value(QStringLiteral("ops")).toArray();
        QCOMPARE(ops.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject o = ops.at(i).toObject();
            QCOMPARE(o.value(QStringLiteral("seq")).toInteger(), danSeq + 1 + i);
            QCOMPARE(
                o.value(QStringLiteral("op")).toObject().value(QStringLiteral("itemId")).toString(),
                items.at(i));
        }
        // Up to date: nothing missed.
        QCOMPARE(
            res(subscribe(&back, listId, danSeq + 3)).value(QStringLiteral("ops")).toArray().size(),
            0);
    }

    void farBehindGetsASnapshot()
    {
        TestServer small;
        small.config.snapshotThreshold = 3;
        QVERIFY(small.start());
        Family f;
        QVERIFY(
            Family::create(this, small.url(), {QStringLiteral("Eve"), QStringLiteral("Fay")}, &f));
        TestClient *eve = f.people[0];
        const QString listId = kinlist::createUuid();
        QCOMPARE(type(eve->mutate(listCreate(f.householdId, listId, QStringLiteral("Chores"),
                                             stamp(now(), 0, eve->clientId)))),
                 QStringLiteral("ack"));
        const QString item = kinlist::createUuid();
        QCOMPARE(type(eve->mutate(itemCreate(listId, item, QStringLiteral("Dishes"),
                                             stamp(now(), 1, eve->clientId)))),
                 QStringLiteral("ack"));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(
                type(eve->mutate(itemSet(
                    listId, item, {{QStringLiteral("title"), QStringLiteral("Dishes %1").arg(i)}},
                    stamp(now(), 2 + i, eve->clientId)))),
                QStringLiteral("ack"));
        const QJsonObject snap = res(f.people[1]->request(
            QStringLiteral("subscribe"),
            {{QStringLiteral("listId"), listId}, {QStringLiteral("sinceSeq"), 0}}));
        QCOMPARE(snap.value(QStringLiteral("mode")).toString(), QStringLiteral("snapshot"));
        QCOMPARE(snap.value(QStringLiteral("seq")).toInteger(), 7);
        const QJsonArray entities = snap.value(QStringLiteral("entities")).toArray();
        QCOMPARE(entities.size(), 2);
        bool found = false;
        for (const auto &e : entities) {
            const QJsonObject o = e.toObject();
            if (o.value(QStringLiteral("id")).toString() == item) {
                found = true;
                QCOMPARE(o.value(QStringLiteral("fields"))
                             .toObject()
                             .value(QStringLiteral("title"))
                             .toObject()
                             .value(QStringLiteral("v"))
                             .toString(),
                         QStringLiteral("Dishes 4"));
            }
        }
        QVERIFY(found);
    }

    // An open list's items are read when first needed, not when it is opened, and leave
    // memory when unused for a while; what the list holds is the same either way.
    void openListsHoldTheirItemsOnlyWhileUsed()
    {
        TestServer small;
        small.config.listUnloadMs = 2000;
        small.config.snapshotThreshold = 2;
        QVERIFY(small.start());
        Family f;
        QVERIFY(
            Family::create(this, small.url(), {QStringLiteral("Ann"), QStringLiteral("Ben")}, &f));
        TestClient *ann = f.people[0];
        TestClient *ben = f.people[1];
        const QString listId = kinlist::createUuid();
        QCOMPARE(type(ann->mutate(listCreate(f.householdId, listId, QStringLiteral("Shop"),
                                             stamp(now(), 0, ann->clientId)))),
                 QStringLiteral("ack"));
        const QString item = kinlist::createUuid();
        QCOMPARE(type(ann->mutate(itemCreate(listId, item, QStringLiteral("Milk"),
                                             stamp(now(), 1, ann->clientId)))),
                 QStringLiteral("ack"));
        const auto set = [&](const QString &field, const QString &value, int counter) {
            return type(ann->mutate(
                itemSet(listId, item, {{field, value}}, stamp(now(), counter, ann->clientId))));
        };
        QCOMPARE(set(QStringLiteral("title"), QStringLiteral("Oat milk"), 2),
                 QStringLiteral("ack"));
        // Nobody has it open: it is not in memory at all.
        QCOMPARE(small.server->loadedListCount(), 0);

        // Ben opens it with what he has: the ops after his seq come from the log.
        QCOMPARE(type(subscribe(ben, listId, 3)), QStringLiteral("reply"));
        QCOMPARE(small.server->roomCount(), 1);
        QCOMPARE(small.server->loadedListCount(), 0);

        // A change reads the items; Ben hears it.
        QCOMPARE(set(QStringLiteral("note"), QStringLiteral("2 l"), 3), QStringLiteral("ack"));
        QCOMPARE(small.server->loadedListCount(), 1);
        QCOMPARE(ben->waitForType(QStringLiteral("op")).value(QStringLiteral("seq")).toInteger(),
                 4);
        // Unused, they leave memory (saved in a snapshot first) while the list stays open...
        QTRY_COMPARE_WITH_TIMEOUT(small.server->loadedListCount(), 0, 20000);
        QCOMPARE(small.server->roomCount(), 1);
        // ... and are read again, snapshot and log, for the next change. (As after a crash
        // before the item's snapshot: the table has the list as of seq 1; the log the rest.)
        QCOMPARE(
            small.execSql(
                QStringLiteral("UPDATE lists SET snapshot_seq = 1 WHERE id = '%1'").arg(listId)),
            1);
        QCOMPARE(small.execSql(QStringLiteral("DELETE FROM entities WHERE id = '%1'").arg(item)),
                 1);
        QCOMPARE(set(QStringLiteral("title"), QStringLiteral("Soy milk"), 4),
                 QStringLiteral("ack"));
        QCOMPARE(ben->waitForType(QStringLiteral("op")).value(QStringLiteral("seq")).toInteger(),
                 5);
        // Far behind, Ann gets the state: every change is in it.
        const QJsonObject snap = res(subscribe(ann, listId, 0));
        QCOMPARE(snap.value(QStringLiteral("mode")).toString(), QStringLiteral("snapshot"));
        QCOMPARE(snap.value(QStringLiteral("seq")).toInteger(), 5);
        QJsonObject fields;
        QString listName;
        for (const auto &e : snap.value(QStringLiteral("entities")).toArray()) {
            const QJsonObject o = e.toObject();
            const QJsonObject fs = o.value(QStringLiteral("fields")).toObject();
            if (o.value(QStringLiteral("id")).toString() == item)
                fields = fs;
            else
                listName = fs.value(QStringLiteral("name"))
                               .toObject()
                               .value(QStringLiteral("v"))
                               .toString();
        }
        QCOMPARE(listName, QStringLiteral("Shop"));
        QCOMPARE(
            fields.value(QStringLiteral("title")).toObject().value(QStringLiteral("v")).toString(),
            QStringLiteral("Soy milk"));
        QCOMPARE(
            fields.value(QStringLiteral("note")).toObject().value(QStringLiteral("v")).toString(),
            QStringLiteral("2 l"));
    }

    void rejectsHaveCodes()
    {
        Family f = family({QStringLiteral("Gus")});
        TestClient *gus = f.people[0];
        const QString listId = makeList(gus, f.householdId);
        // Unknown item.
        const QJsonObject r1 =
            gus->mutate(itemSet(listId, kinlist::createUuid(), {{QStringLiteral("done"), true}},
                                stamp(now(), 0, gus->clientId)));
        QCOMPARE(type(r1), QStringLiteral("reject"));
        QCOMPARE(r1.value(QStringLiteral("code")).toString(), QStringLiteral("not_found"));
        // Invalid op.
        QJsonObject bad = itemCreate(listId, kinlist::createUuid(), QString(600, QLatin1Char('x')),
                                     stamp(now(), 1, gus->clientId));
        const QJsonObject r2 = gus->mutate(bad);
        QCOMPARE(r2.value(QStringLiteral("code")).toString(), QStringLiteral("too_long"));
        // A resend of a rejected mutation gets the same reject.
        const QJsonObject r3 = gus->mutate(bad, gus->nextMutationId - 1);
        QCOMPARE(type(r3), QStringLiteral("reject"));
        QCOMPARE(r3.value(QStringLiteral("code")).toString(), QStringLiteral("too_long"));
        // The list itself is unharmed.
        const QJsonObject sub = res(subscribe(gus, listId));
        QCOMPARE(sub.value(QStringLiteral("seq")).toInteger(), 1);
    }

    void historyIsPaginated()
    {
        Family f = family({QStringLiteral("Hal"), QStringLiteral("Ivy")});
        TestClient *hal = f.people[0];
        const QString listId = makeList(hal, f.householdId);
        for (int i = 0; i < 7; ++i)
            QCOMPARE(type(hal->mutate(itemCreate(listId, kinlist::createUuid(),
                                                 QStringLiteral("Thing %1").arg(i),
                                                 stamp(now(), i, hal->clientId)))),
                     QStringLiteral("ack"));
        TestClient *ivy = f.people[1];
        const QJsonObject page1 =
            res(ivy->request(QStringLiteral("history"),
                             {{QStringLiteral("listId"), listId}, {QStringLiteral("limit"), 5}}));
        const QJsonArray e1 = page1.value(QStringLiteral("entries")).toArray();
        QCOMPARE(e1.size(), 5);
        QCOMPARE(e1.first().toObject().value(QStringLiteral("seq")).toInteger(), 8); // newest first
        QCOMPARE(e1.first().toObject().value(QStringLiteral("byName")).toString(),
                 QStringLiteral("Hal"));
        const qint64 before = page1.value(QStringLiteral("nextBefore")).toInteger();
        QVERIFY(before > 0);
        const QJsonObject page2 = res(ivy->request(QStringLiteral("history"),
                                                   {{QStringLiteral("listId"), listId},
                                                    {QStringLiteral("limit"), 5},
                                                    {QStringLiteral("before"), before}}));
        const QJsonArray e2 = page2.value(QStringLiteral("entries")).toArray();
        QCOMPARE(e2.size(), 3);
        QCOMPARE(e2.last()
                     .toObject()
                     .value(QStringLiteral("op"))
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
                 QStringLiteral("list.create"));
        QVERIFY(page2.value(QStringLiteral("nextBefore")).isNull());
        // Household history sees the same ops.
        const QJsonObject hh = res(ivy->request(QStringLiteral("history"),
                                                {{QStringLiteral("householdId"), f.householdId}}));
        QCOMPARE(hh.value(QStringLiteral("entries")).toArray().size(), 8);

        // With a second list, household history interleaves both, newest first, and pages
        // through them without gaps or repeats.
        const QString second = makeList(ivy, f.householdId, QStringLiteral("Chores"));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(type(ivy->mutate(itemCreate(second, kinlist::createUuid(),
                                                 QStringLiteral("Chore %1").arg(i),
                                                 stamp(now(), 20 + i, ivy->clientId)))),
                     QStringLiteral("ack"));
            QCOMPARE(type(hal->mutate(itemCreate(listId, kinlist::createUuid(),
                                                 QStringLiteral("More %1").arg(i),
                                                 stamp(now(), 30 + i, hal->clientId)))),
                     QStringLiteral("ack"));
        }
        QList<qint64> gids;
        QSet<QString> listsSeen;
        qint64 cursor = 0;
        for (int page = 0; page < 10; ++page) {
            QJsonObject req {{QStringLiteral("householdId"), f.householdId},
                             {QStringLiteral("limit"), 4}};
            if (cursor > 0)
                req.insert(QStringLiteral("before"), cursor);
            const QJsonObject r = res(ivy->request(QStringLiteral("history"), req));
            for (const auto &e : r.value(QStringLiteral("entries")).toArray()) {
                gids << e.toObject().value(QStringLiteral("gid")).toInteger();
                listsSeen.insert(e.toObject().value(QStringLiteral("listId")).toString());
            }
            if (r.value(QStringLiteral("nextBefore")).isNull())
                break;
            cursor = r.value(QStringLiteral("nextBefore")).toInteger();
        }
        QCOMPARE(gids.size(),
                 8 + 1 + 3 + 3); // first list so far, second list and its 3 items, 3 more
        QCOMPARE(listsSeen.size(), 2);
        for (int i = 1; i < gids.size(); ++i)
            QVERIFY(gids.at(i - 1) > gids.at(i));
    }

    // (SQLite) The op log's reads find ops in its index and at its end, alike: catch-up,
    // resends, history, a restart, and a database from before the index (schema 3).
    void opLogIsReadFromItsIndexAndItsEnd()
    {
        if (TestServer::postgres())
            QSKIP("PostgreSQL indexes its op log as it writes it");
        TestServer own;
        own.config.opIndexEvery = 1 << 30; // brought up to date here, by hand
        QVERIFY(own.start());
        const auto indexAll = [&own](qint64 upTo) {
            for (int b = 0; b < kinlist::server::ServerStore::kOpIndexBuckets; ++b) {
                if (!own.server->storeForTesting().indexOps(upTo, b))
                    return false;
            }
            return true;
        };
        Family f;
        QVERIFY(Family::create(this, own.url(), {QStringLiteral("Ada"), QStringLiteral("Bo")}, &f,
                               QStringLiteral("-index")));
        TestClient *ada = f.people[0];
        TestClient *bo = f.people[1];
        const QString listId = makeList(ada, f.householdId);
        QVERIFY(!listId.isEmpty());
        QList<QPair<qint64, QJsonObject>> sent; // mutation id and op, for seq 2..
        for (int i = 0; i < 9; ++i) {
            const QJsonObject op =
                itemCreate(listId, kinlist::createUuid(), QStringLiteral("Thing %1").arg(i),
                           stamp(now(), i, ada->clientId));
            const qint64 mid = ada->nextMutationId++;
            QCOMPARE(type(ada->mutate(op, mid)), QStringLiteral("ack"));
            sent.append({mid, op});
        }
        // Ten ops: the index holds the first eight.
        QVERIFY(indexAll(8));
        QCOMPARE(own.server->storeForTesting().indexedGid(), 8);

        const auto seqsSince = [this, &listId](TestClient *c, qint64 since) {
            QList<qint64> seqs;
            const QJsonArray ops =
                res(subscribe(c, listId, since)).value(QStringLiteral("ops")).toArray();
            for (const QJsonValue &o : ops)
                seqs << o.toObject().value(QStringLiteral("seq")).toInteger();
            return seqs;
        };
        const auto range = [](qint64 from, qint64 to) {
            QList<qint64> r;
            for (qint64 s = from; s <= to; ++s)
                r << s;
            return r;
        };
        QCOMPARE(seqsSince(bo, 0), range(1, 10));
        QCOMPARE(seqsSince(bo, 6), range(7, 10));
        QCOMPARE(seqsSince(bo, 9), range(10, 10));

        // Resends of an op in the index and of one at the end of the log.
        TestClient again;
        again.clientId = ada->clientId;
        QVERIFY(again.open(own.url()));
        QCOMPARE(type(again.hello(ada->accessToken)), QStringLiteral("reply"));
        for (const int at : {2, 8}) { // seq 4 (indexed), seq 10 (not yet)
            const QJsonObject dup = again.mutate(sent.at(at).second, sent.at(at).first);
            QVERIFY(dup.value(QStringLiteral("duplicate")).toBool());
            QCOMPARE(dup.value(QStringLiteral("seq")).toInteger(), at + 2);
        }

        // History pages across the two parts without gaps or repeats.
        QList<qint64> seqs;
        qint64 cursor = 0;
        for (int page = 0; page < 5; ++page) {
            QJsonObject req {{QStringLiteral("listId"), listId}, {QStringLiteral("limit"), 3}};
            if (cursor > 0)
                req.insert(QStringLiteral("before"), cursor);
            const QJsonObject r = res(bo->request(QStringLiteral("history"), req));
            for (const QJsonValue &e : r.value(QStringLiteral("entries")).toArray())
                seqs << e.toObject().value(QStringLiteral("seq")).toInteger();
            if (r.value(QStringLiteral("nextBefore")).isNull())
                break;
            cursor = r.value(QStringLiteral("nextBefore")).toInteger();
        }
        QList<qint64> newestFirst = range(1, 10);
        std::reverse(newestFirst.begin(), newestFirst.end());
        QCOMPARE(seqs, newestFirst);

        // The list's bucket further on than the others: its last ops are in the index and
        // at the end of the log, and read once.
        const int bucket = own.server->storeForTesting().opIndexBucket(listId);
        QVERIFY(bucket >= 0 && bucket < kinlist::server::ServerStore::kOpIndexBuckets);
        QVERIFY(own.server->storeForTesting().indexOps(10, bucket));
        QCOMPARE(own.server->storeForTesting().indexedGid(), 8);
        QCOMPARE(own.server->storeForTesting().newestIndexedGid(), 10);
        QCOMPARE(seqsSince(bo, 0), range(1, 10));
        QCOMPARE(seqsSince(bo, 8), range(9, 10));
        const QJsonObject page =
            res(bo->request(QStringLiteral("history"),
                            {{QStringLiteral("listId"), listId}, {QStringLiteral("limit"), 4}}));
        QList<qint64> newest;
        for (const QJsonValue &e : page.value(QStringLiteral("entries")).toArray())
            newest << e.toObject().value(QStringLiteral("seq")).toInteger();
        QCOMPARE(newest, QList<qint64>({10, 9, 8, 7}));
        const QJsonObject dup = again.mutate(sent.at(8).second, sent.at(8).first);
        QCOMPARE(dup.value(QStringLiteral("seq")).toInteger(), 10);

        // A restart reads how far the index goes; the next ops follow on.
        const QString token = ada->accessToken;
        again.close();
        ada->close();
        bo->close();
        own.stop();
        QVERIFY(own.start());
        QCOMPARE(own.server->storeForTesting().indexedGid(), 8);
        QCOMPARE(own.server->storeForTesting().newestIndexedGid(), 10);
        TestClient ada2;
        ada2.clientId = ada->clientId;
        ada2.nextMutationId = ada->nextMutationId;
        QVERIFY(ada2.open(own.url()));
        QCOMPARE(type(ada2.hello(token)), QStringLiteral("reply"));
        for (int i = 0; i < 2; ++i) {
            const QJsonObject ack =
                ada2.mutate(itemCreate(listId, kinlist::createUuid(), QStringLiteral("After"),
                                       stamp(now(), 20 + i, ada2.clientId)));
            QCOMPARE(ack.value(QStringLiteral("seq")).toInteger(), 11 + i);
        }
        QCOMPARE(seqsSince(&ada2, 0), range(1, 12));
        QVERIFY(indexAll(12));
        QCOMPARE(own.server->storeForTesting().indexedGid(), 12);

        // A batch that fails (the disk full) leaves nothing behind for the index: its gids
        // go to the next ops.
        own.server->storeForTesting().setFullForTesting(true);
        const TestClient::Refused refused = ada2.mutateUntilRefused(listId, 40);
        QVERIFY(refused.mutationId > 0);
        --ada2.nextMutationId;
        const qint64 seq = refused.lastAck.isEmpty()
            ? 12
            : refused.lastAck.value(QStringLiteral("seq")).toInteger();
        own.server->storeForTesting().setFullForTesting(false);
        // (And an op appended in a transaction rolled back, as a failed batch's first ops.)
        kinlist::server::ServerStore &store = own.server->storeForTesting();
        QVERIFY(store.begin());
        kinlist::server::ServerStore::OpRow row;
        row.listId = listId;
        row.seq = seq + 1;
        row.householdId = f.householdId;
        row.userId = ada->userId;
        row.clientId = ada2.clientId;
        row.mutationId = ada2.nextMutationId;
        row.atMs = now();
        row.opJson = "{}";
        QVERIFY(store.insertOp(row) > 0);
        store.rollback();
        const QJsonObject next =
            ada2.mutate(itemCreate(listId, kinlist::createUuid(), QStringLiteral("Next"),
                                   stamp(now(), 99, ada2.clientId)));
        QCOMPARE(next.value(QStringLiteral("seq")).toInteger(), seq + 1);
        QVERIFY(indexAll(seq + 1));
        QCOMPARE(own.server->storeForTesting().indexedGid(), seq + 1);
        QCOMPARE(seqsSince(&ada2, 0), range(1, seq + 1));

        // A database of schema 3 (the log indexed by (list_id, seq) itself) is brought over.
        ada2.close();
        own.stop();
        for (const char *sql :
             {"CREATE TABLE ops3 (gid INTEGER PRIMARY KEY, list_id TEXT NOT NULL, seq INTEGER NOT"
              " NULL, household_id TEXT NOT NULL, user_id TEXT NOT NULL, client_id TEXT NOT NULL,"
              " mutation_id INTEGER NOT NULL, at INTEGER NOT NULL, op BLOB NOT NULL,"
              " UNIQUE (list_id, seq))",
              "INSERT INTO ops3 SELECT * FROM ops", "DROP TABLE ops",
              "ALTER TABLE ops3 RENAME TO ops", "DROP TABLE op_index",
              "DELETE FROM meta WHERE key LIKE 'indexed_gid%'", "PRAGMA user_version = 3"})
            QVERIFY2(own.execSql(QString::fromLatin1(sql)) >= 0, sql);
        QVERIFY(own.start());
        QCOMPARE(own.server->storeForTesting().indexedGid(), seq + 1);
        TestClient ada3;
        ada3.clientId = ada->clientId;
        ada3.nextMutationId = ada2.nextMutationId;
        QVERIFY(ada3.open(own.url()));
        QCOMPARE(type(ada3.hello(token)), QStringLiteral("reply"));
        QCOMPARE(seqsSince(&ada3, 0), range(1, seq + 1));
        const QJsonObject ack =
            ada3.mutate(itemCreate(listId, kinlist::createUuid(), QStringLiteral("Migrated"),
                                   stamp(now(), 30, ada3.clientId)));
        QCOMPARE(ack.value(QStringLiteral("seq")).toInteger(), seq + 2);
    }

    void clientProgressIsSavedInSlices()
    {
        if (TestServer::postgres())
            QSKIP("PostgreSQL saves a client's progress with each op");
        TestServer own;
        own.config.progressSlice = 2;
        own.config.progressSliceMs = 200; // a round of 9 clients: 5 slices, 800 ms
        QVERIFY(own.start());
        kinlist::server::ServerStore &store = own.server->storeForTesting();
        QStringList names;
        for (int i = 0; i < 9; ++i)
            names << QStringLiteral("P%1").arg(i);
        Family f;
        QVERIFY(Family::create(this, own.url(), names, &f, QStringLiteral("-progress")));
        const QString listId = makeList(f.people[0], f.householdId);
        QVERIFY(!listId.isEmpty());
        const auto everyoneAdds = [&](int round) {
            for (TestClient *p : std::as_const(f.people)) {
                const QJsonObject op =
                    itemCreate(listId, kinlist::createUuid(), QStringLiteral("Thing %1").arg(round),
                               stamp(now(), round, p->clientId));
                if (type(p->mutate(op)) != QLatin1String("ack"))
                    return false;
            }
            return true;
        };
        const auto savedAsSent = [&] {
            for (TestClient *p : std::as_const(f.people)) {
                const auto c = store.client(p->clientId);
                if (!c || c->lastMutationId != p->nextMutationId - 1)
                    return false;
            }
            return true;
        };

        // A round is saved a slice at a time; clients_gid moves only with its last slice.
        QVERIFY(everyoneAdds(1));
        // (However the 1 s ticks split 9 clients, one round has 5 or more: 3 left after a
        // slice, for 200 ms at least.)
        QTRY_VERIFY_WITH_TIMEOUT(own.server->progressRoundForTesting() >= 3, 5000);
        QVERIFY(store.clientsGid() < store.maxGid());
        QTRY_COMPARE_WITH_TIMEOUT(store.clientsGid(), store.maxGid(), 10000);
        QCOMPARE(own.server->progressRoundForTesting(), 0);
        // Nothing left in the log after clients_gid: the clients' rows hold it all.
        QVERIFY(savedAsSent());

        // A batch that fails mid-round (the disk full) ends the round unfinished; its
        // clients are saved by the next one, and clients_gid never passes unsaved ops.
        QVERIFY(everyoneAdds(2));
        QTRY_VERIFY_WITH_TIMEOUT(own.server->progressRoundForTesting() >= 3, 5000);
        const qint64 gidBefore = store.clientsGid();
        QVERIFY(gidBefore < store.maxGid());
        store.setFullForTesting(true);
        // (Big items until one needs a page the database may not grow by.)
        QVERIFY2(f.people[0]->mutateUntilRefused(listId, 10).mutationId > 0,
                 "the full database never refused a write");
        QCOMPARE(own.server->progressRoundForTesting(), 0);
        QCOMPARE(store.clientsGid(), gidBefore);
        store.setFullForTesting(false);
        QTRY_COMPARE_WITH_TIMEOUT(store.clientsGid(), store.maxGid(), 10000);
        --f.people[0]->nextMutationId; // the refused one was not applied
        QVERIFY(savedAsSent());
        // And a resend of an op saved that way is known.
        const QJsonObject again =
            f.people[1]->mutate(itemCreate(listId, kinlist::createUuid(), QStringLiteral("Again"),
                                           stamp(now(), 4, f.people[1]->clientId)),
                                f.people[1]->nextMutationId - 1);
        QVERIFY(again.value(QStringLiteral("duplicate")).toBool());
    }

    void removedMemberIsRejected()
    {
        Family f = family({QStringLiteral("Jo"), QStringLiteral("Kim")});
        TestClient *jo = f.people[0];
        TestClient *kim = f.people[1];
        const QString listId = makeList(jo, f.householdId);
        QCOMPARE(type(subscribe(kim, listId)), QStringLiteral("reply"));
        QCOMPARE(type(jo->request(QStringLiteral("member.remove"),
                                  {{QStringLiteral("householdId"), f.householdId},
                                   {QStringLiteral("userId"), kim->userId}})),
                 QStringLiteral("reply"));
        QVERIFY(!kim->waitForType(QStringLiteral("household.removed")).isEmpty());
        const QJsonObject r =
            kim->mutate(itemCreate(listId, kinlist::createUuid(), QStringLiteral("Sneaky"),
                                   stamp(now(), 0, kim->clientId)));
        QCOMPARE(type(r), QStringLiteral("reject"));
        QCOMPARE(r.value(QStringLiteral("code")).toString(), QStringLiteral("forbidden"));
        QCOMPARE(subscribe(kim, listId).value(QStringLiteral("code")).toString(),
                 QStringLiteral("forbidden"));
    }

    void futureStampsAreClamped()
    {
        Family f = family({QStringLiteral("Lou")});
        TestClient *lou = f.people[0];
        const QString listId = makeList(lou, f.householdId);
        const QString item = kinlist::createUuid();
        const qint64 farFuture = now() + 365LL * 24 * 3600 * 1000;
        const QJsonObject ack = lou->mutate(itemCreate(
            listId, item, QStringLiteral("Time traveller"), stamp(farFuture, 0, lou->clientId)));
        QCOMPARE(type(ack), QStringLiteral("ack"));
        const auto s = kinlist::Hlc::parse(ack.value(QStringLiteral("stamp")).toString());
        QVERIFY(s);
        QVERIFY(s->wallMs < now() + 2 * m_server.config.maxClockSkewMs);
    }
};

KINLIST_SERVER_TEST_MAIN(TestServerSync)
#include "tst_server_sync.moc"
