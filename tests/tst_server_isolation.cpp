// A member of household A can never read or write household B's lists.
#include "common/testclient.h"
#include "common/testserver.h"
#include "core/uuid.h"

#include <QDateTime>
#include <QTest>

using namespace TestOps;

class TestServerIsolation : public QObject
{
    Q_OBJECT
    TestServer m_server;
    static qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void householdsAreSealed()
    {
        Family a, b;
        QVERIFY(Family::create(this, m_server.url(), {QStringLiteral("Alice")}, &a));
        QVERIFY(Family::create(this, m_server.url(), {QStringLiteral("Bob"), QStringLiteral("Bea")},
                               &b));
        TestClient *alice = a.people[0];
        TestClient *bob = b.people[0];
        TestClient *bea = b.people[1];

        const QString bList = kinlist::createUuid();
        QCOMPARE(type(bob->mutate(listCreate(b.householdId, bList, QStringLiteral("Secret plans"),
                                             stamp(now(), 0, bob->clientId)))),
                 QStringLiteral("ack"));
        const QString bItem = kinlist::createUuid();
        QCOMPARE(type(bob->mutate(itemCreate(bList, bItem, QStringLiteral("Surprise party"),
                                             stamp(now(), 1, bob->clientId)))),
                 QStringLiteral("ack"));
        QCOMPARE(type(bea->request(
                     QStringLiteral("subscribe"),
                     {{QStringLiteral("listId"), bList}, {QStringLiteral("sinceSeq"), 0}})),
                 QStringLiteral("reply"));
        bea->clearFrames(); // from here on, nothing may reach her

        // Subscribe
        QCOMPARE(code(alice->request(
                     QStringLiteral("subscribe"),
                     {{QStringLiteral("listId"), bList}, {QStringLiteral("sinceSeq"), 0}})),
                 QStringLiteral("forbidden"));
        // History, by list and by household
        QCOMPARE(
            code(alice->request(QStringLiteral("history"), {{QStringLiteral("listId"), bList}})),
            QStringLiteral("forbidden"));
        QCOMPARE(code(alice->request(QStringLiteral("history"),
                                     {{QStringLiteral("householdId"), b.householdId}})),
                 QStringLiteral("forbidden"));
        // Lists and members of the household
        QCOMPARE(code(alice->request(QStringLiteral("lists"),
                                     {{QStringLiteral("householdId"), b.householdId}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(code(alice->request(QStringLiteral("household.members"),
                                     {{QStringLiteral("householdId"), b.householdId}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(code(alice->request(QStringLiteral("invite.create"),
                                     {{QStringLiteral("householdId"), b.householdId}})),
                 QStringLiteral("forbidden"));
        // Mutations: set, delete, create an item in B's list, create a list in B's household,
        // and move B's list into A's household by re-creating it there.
        const QJsonObject set = alice->mutate(
            itemSet(bList, bItem, {{QStringLiteral("title"), QStringLiteral("Boring")}},
                    stamp(now(), 5, alice->clientId)));
        QCOMPARE(type(set), QStringLiteral("reject"));
        QCOMPARE(code(set), QStringLiteral("forbidden"));
        QJsonObject del = itemSet(bList, bItem, {}, stamp(now(), 6, alice->clientId));
        del.insert(QStringLiteral("type"), QStringLiteral("item.delete"));
        del.remove(QStringLiteral("fields"));
        QCOMPARE(code(alice->mutate(del)), QStringLiteral("forbidden"));
        QCOMPARE(code(alice->mutate(itemCreate(bList, kinlist::createUuid(), QStringLiteral("Spam"),
                                               stamp(now(), 7, alice->clientId)))),
                 QStringLiteral("forbidden"));
        QCOMPARE(code(alice->mutate(listCreate(b.householdId, kinlist::createUuid(),
                                               QStringLiteral("Mine now"),
                                               stamp(now(), 8, alice->clientId)))),
                 QStringLiteral("forbidden"));
        QCOMPARE(code(alice->mutate(listCreate(a.householdId, bList, QStringLiteral("Stolen"),
                                               stamp(now(), 9, alice->clientId)))),
                 QStringLiteral("conflict"));
        // Taking B's item id into A's own list is refused too.
        const QString aList = kinlist::createUuid();
        QCOMPARE(type(alice->mutate(listCreate(a.householdId, aList, QStringLiteral("Mine"),
                                               stamp(now(), 10, alice->clientId)))),
                 QStringLiteral("ack"));
        QCOMPARE(code(alice->mutate(itemCreate(aList, bItem, QStringLiteral("Copy"),
                                               stamp(now(), 11, alice->clientId)))),
                 QStringLiteral("conflict"));

        // Nothing reached B: Bea saw no op, and B's list is as Bob left it.
        QCOMPARE(bea->countType(QStringLiteral("op")), 0);
        QCOMPARE(bea->countType(QStringLiteral("list.changed")), 0);
        const QJsonObject hist =
            bob->request(QStringLiteral("history"), {{QStringLiteral("listId"), bList}});
        QCOMPARE(hist.value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("entries"))
                     .toArray()
                     .size(),
                 2);
        // Alice's own household list is invisible to B.
        QCOMPARE(code(bob->request(
                     QStringLiteral("subscribe"),
                     {{QStringLiteral("listId"), aList}, {QStringLiteral("sinceSeq"), 0}})),
                 QStringLiteral("forbidden"));
    }
};

KINLIST_SERVER_TEST_MAIN(TestServerIsolation)
#include "tst_server_isolation.moc"
