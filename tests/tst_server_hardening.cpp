// The holes an independent client found in kinlist-server (issue 11), each against a real
// in-process server on a loopback port: ids that crossed households, a second sign-in on
// one connection, a removed tablet's powers, sign-out everywhere, assignees from outside,
// an existence oracle, the refresh rotation race, and the points where the protocol
// document and the server disagreed.
#include "common/testclient.h"
#include "common/testserver.h"
#include "core/uuid.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace TestOps;

class TestServerHardening : public QObject
{
    Q_OBJECT
    TestServer m_server;
    int m_n = 0;

    static qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

    TestClient *connected(const QString &token = {})
    {
        auto *c = new TestClient(this);
        if (!c->open(m_server.url()))
            return nullptr;
        c->hello(token);
        return c;
    }

    TestClient *opened()
    {
        auto *c = new TestClient(this);
        return c->open(m_server.url()) ? c : nullptr;
    }

    TestClient *person(const QString &name, QString *email = nullptr)
    {
        TestClient *c = connected();
        const QString address = QStringLiteral("%1%2@example.org").arg(name.toLower()).arg(++m_n);
        if (!c ||
            type(c->registerUser(address, QStringLiteral("password!"), name)) !=
                QLatin1String("reply"))
            return nullptr;
        if (email)
            *email = address;
        return c;
    }

    Family family(const QStringList &names)
    {
        Family f;
        if (!Family::create(this, m_server.url(), names, &f, QString::number(++m_n)))
            qWarning() << "could not make a family";
        return f;
    }

    QString makeList(TestClient *c, const QString &hh,
                     const QString &listId = kinlist::createUuid())
    {
        const QJsonObject r =
            c->mutate(listCreate(hh, listId, QStringLiteral("List"), stamp(now(), 0, c->clientId)));
        return type(r) == QLatin1String("ack") ? listId : QString();
    }

    static QJsonObject subscribe(TestClient *c, const QString &listId, qint64 since = 0)
    {
        return c->request(
            QStringLiteral("subscribe"),
            {{QStringLiteral("listId"), listId}, {QStringLiteral("sinceSeq"), since}});
    }

    // A kitchen tablet paired to the owner's household, signed in on its own connection.
    TestClient *pairTablet(TestClient *owner, const QString &hh)
    {
        const QString code =
            owner
                ->result(QStringLiteral("kiosk.code.create"), {{QStringLiteral("householdId"), hh}})
                .value(QStringLiteral("code"))
                .toString();
        TestClient *tablet = connected();
        const QJsonObject r = tablet->request(
            QStringLiteral("kiosk.pair"),
            {{QStringLiteral("code"), code}, {QStringLiteral("name"), QStringLiteral("Kitchen")}});
        if (type(r) != QLatin1String("reply"))
            return nullptr;
        const QJsonObject session = r.value(QStringLiteral("result")).toObject();
        tablet->userId =
            session.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        tablet->accessToken = session.value(QStringLiteral("accessToken")).toString();
        tablet->refreshToken = session.value(QStringLiteral("refreshToken")).toString();
        return tablet;
    }

    // A new connection of the device with this client id, after hello.
    TestClient *onDevice(const QString &clientId)
    {
        auto *c = new TestClient(this);
        c->clientId = clientId;
        if (!c->open(m_server.url()))
            return nullptr;
        c->hello();
        return c;
    }

    static QString tokenOf(const QJsonObject &reply)
    {
        return reply.value(QStringLiteral("result"))
            .toObject()
            .value(QStringLiteral("refreshToken"))
            .toString();
    }

    QJsonObject refresh(TestClient *c, const QString &token)
    {
        return c->request(QStringLiteral("refresh"), {{QStringLiteral("refreshToken"), token}});
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    // 0: an id names one list or one item, in one household, for good.
    void idsAreUniqueAcrossKindsAndHouseholds()
    {
        Family a = family({QStringLiteral("Alice")});
        Family b = family({QStringLiteral("Bob")});
        TestClient *alice = a.people[0];
        TestClient *bob = b.people[0];
        const QString bList = makeList(bob, b.householdId);
        QVERIFY(!bList.isEmpty());
        const QString bItem = kinlist::createUuid();
        QCOMPARE(type(bob->mutate(itemCreate(bList, bItem, QStringLiteral("Bob's secret"),
                                             stamp(now(), 1, bob->clientId)))),
                 QStringLiteral("ack"));

        // A list of another household taking the id of Bob's item.
        const QJsonObject taken =
            alice->mutate(listCreate(a.householdId, bItem, QStringLiteral("Alice's list"),
                                     stamp(now(), 2, alice->clientId)));
        QCOMPARE(type(taken), QStringLiteral("reject"));
        QCOMPARE(code(taken), QStringLiteral("conflict"));
        // A list of the same household taking the id of an item, too.
        QCOMPARE(code(bob->mutate(listCreate(b.householdId, bItem, QStringLiteral("Bob's list"),
                                             stamp(now(), 3, bob->clientId)))),
                 QStringLiteral("conflict"));
        // An item with its own list's id: neither created nor merged into the list.
        QCOMPARE(code(bob->mutate(itemCreate(bList, bList, QStringLiteral("Me"),
                                             stamp(now(), 4, bob->clientId)))),
                 QStringLiteral("conflict"));
        QCOMPARE(
            code(bob->mutate(itemSet(bList, bList, {{QStringLiteral("title"), QStringLiteral("x")}},
                                     stamp(now(), 5, bob->clientId)))),
            QStringLiteral("conflict"));
        // An item id reused in another list of the same household, and of another household.
        const QString bList2 = makeList(bob, b.householdId);
        QCOMPARE(code(bob->mutate(itemCreate(bList2, bItem, QStringLiteral("Copy"),
                                             stamp(now(), 6, bob->clientId)))),
                 QStringLiteral("conflict"));
        const QString aList = makeList(alice, a.householdId);
        QCOMPARE(code(alice->mutate(itemCreate(aList, bItem, QStringLiteral("Copy"),
                                               stamp(now(), 7, alice->clientId)))),
                 QStringLiteral("conflict"));
        // An item taking the id of a list: of another household, and of its own household.
        QCOMPARE(code(alice->mutate(itemCreate(aList, bList, QStringLiteral("Copy"),
                                               stamp(now(), 8, alice->clientId)))),
                 QStringLiteral("conflict"));
        const QString aList2 = makeList(alice, a.householdId);
        QCOMPARE(code(alice->mutate(itemCreate(aList, aList2, QStringLiteral("Copy"),
                                               stamp(now(), 9, alice->clientId)))),
                 QStringLiteral("conflict"));

        // Bob's list is as he left it: a snapshot shows his item, and the list's name.
        const QJsonObject snap =
            subscribe(bob, bList, 1000000).value(QStringLiteral("result")).toObject();
        QCOMPARE(snap.value(QStringLiteral("mode")).toString(), QStringLiteral("snapshot"));
        bool sawItem = false;
        for (const QJsonValue &v : snap.value(QStringLiteral("entities")).toArray()) {
            const QJsonObject e = v.toObject();
            const QJsonObject fields = e.value(QStringLiteral("fields")).toObject();
            if (e.value(QStringLiteral("id")).toString() == bItem) {
                sawItem = true;
                QCOMPARE(e.value(QStringLiteral("kind")).toString(), QStringLiteral("item"));
                QCOMPARE(e.value(QStringLiteral("listId")).toString(), bList);
                QCOMPARE(
                    fields.value(QStringLiteral("title")).toObject().value(QStringLiteral("v")),
                    QJsonValue(QStringLiteral("Bob's secret")));
            } else {
                QCOMPARE(e.value(QStringLiteral("id")).toString(), bList);
                QCOMPARE(fields.value(QStringLiteral("name")).toObject().value(QStringLiteral("v")),
                         QJsonValue(QStringLiteral("List")));
                QVERIFY(!fields.contains(QStringLiteral("title")));
            }
        }
        QVERIFY(sawItem);
        // Bob's next edit stays in his household: Alice's lists never show it.
        QCOMPARE(type(bob->mutate(itemSet(
                     bList, bItem, {{QStringLiteral("title"), QStringLiteral("Bob's new secret")}},
                     stamp(now(), 10, bob->clientId)))),
                 QStringLiteral("ack"));
        const QJsonArray aliceLists =
            alice->result(QStringLiteral("lists"), {{QStringLiteral("householdId"), a.householdId}})
                .value(QStringLiteral("lists"))
                .toArray();
        QCOMPARE(aliceLists.size(), 2);
        for (const QJsonValue &v : aliceLists)
            QVERIFY(v.toObject().value(QStringLiteral("id")).toString() != bItem);
    }

    // 3: one account per connection.
    void aSignedInConnectionDoesNotSignInAgain()
    {
        Family f = family({QStringLiteral("Ann")});
        TestClient *ann = f.people[0];
        const QString list = makeList(ann, f.householdId);
        QCOMPARE(type(subscribe(ann, list)), QStringLiteral("reply"));

        const QString other = QStringLiteral("zed%1@example.org").arg(++m_n);
        QCOMPARE(code(ann->registerUser(other, QStringLiteral("password!"), QStringLiteral("Zed"))),
                 QStringLiteral("bad_value"));
        QCOMPARE(code(ann->login(QStringLiteral("ann%1@example.org").arg(m_n - 1),
                                 QStringLiteral("password-Ann"))),
                 QStringLiteral("bad_value"));
        // Still Ann, still in her room.
        QCOMPARE(type(ann->request(QStringLiteral("household.list"))), QStringLiteral("reply"));
        TestClient *dad = connected(ann->accessToken);
        ann->clearFrames();
        QCOMPARE(type(dad->mutate(itemCreate(list, kinlist::createUuid(), QStringLiteral("Eggs"),
                                             stamp(now(), 1, dad->clientId)))),
                 QStringLiteral("ack"));
        QVERIFY(!ann->waitForType(QStringLiteral("op")).isEmpty());
        // And no account was made for the refused registration.
        TestClient *fresh = connected();
        QCOMPARE(
            type(fresh->registerUser(other, QStringLiteral("password!"), QStringLiteral("Zed"))),
            QStringLiteral("reply"));

        // A client id of another account: refused before anything is created.
        auto *borrowed = new TestClient(this);
        borrowed->clientId = ann->clientId;
        QVERIFY(borrowed->open(m_server.url()));
        borrowed->hello();
        const QString third = QStringLiteral("yan%1@example.org").arg(++m_n);
        QCOMPARE(
            code(borrowed->registerUser(third, QStringLiteral("password!"), QStringLiteral("Yan"))),
            QStringLiteral("client_id_taken"));
        QCOMPARE(code(borrowed->request(QStringLiteral("household.list"))),
                 QStringLiteral("unauthenticated"));
        TestClient *later = connected();
        QCOMPARE(
            type(later->registerUser(third, QStringLiteral("password!"), QStringLiteral("Yan"))),
            QStringLiteral("reply"));
    }

    // 4: a tablet manages nobody, in its household or after it; removing it ends it.
    void aRemovedTabletHasNoPowers()
    {
        Family f = family({QStringLiteral("Kim")});
        TestClient *kim = f.people[0];
        TestClient *tablet = pairTablet(kim, f.householdId);
        QVERIFY(tablet);
        const QString list = makeList(kim, f.householdId);
        QCOMPARE(type(subscribe(tablet, list)), QStringLiteral("reply"));

        // A second tablet leaves its household by itself and stays signed in: still a tablet.
        TestClient *loose = pairTablet(kim, f.householdId);
        QVERIFY(loose);
        QCOMPARE(type(loose->request(QStringLiteral("household.leave"),
                                     {{QStringLiteral("householdId"), f.householdId}})),
                 QStringLiteral("reply"));
        QCOMPARE(code(loose->request(QStringLiteral("household.create"),
                                     {{QStringLiteral("name"), QStringLiteral("Mine now")}})),
                 QStringLiteral("forbidden"));
        const QString invite = kim->result(QStringLiteral("invite.create"),
                                           {{QStringLiteral("householdId"), f.householdId}})
                                   .value(QStringLiteral("code"))
                                   .toString();
        QCOMPARE(code(loose->request(QStringLiteral("household.join"),
                                     {{QStringLiteral("code"), invite}})),
                 QStringLiteral("forbidden"));

        // Removing the first: its live connection is told and closed, its tokens are dead.
        QCOMPARE(type(kim->request(QStringLiteral("member.remove"),
                                   {{QStringLiteral("householdId"), f.householdId},
                                    {QStringLiteral("userId"), tablet->userId}})),
                 QStringLiteral("reply"));
        QVERIFY(!tablet->waitForType(QStringLiteral("household.removed")).isEmpty());
        QCOMPARE(code(tablet->waitForType(QStringLiteral("error"))),
                 QStringLiteral("token_invalid"));
        QVERIFY(tablet->waitClosed());
        QCOMPARE(int(tablet->socket().closeCode()), 4003);
        TestClient *again = opened();
        QCOMPARE(code(again->hello(tablet->accessToken)), QStringLiteral("token_invalid"));
        QCOMPARE(code(refresh(again, tablet->refreshToken)), QStringLiteral("token_invalid"));
        QCOMPARE(code(again->request(QStringLiteral("household.create"),
                                     {{QStringLiteral("name"), QStringLiteral("Mine now")}})),
                 QStringLiteral("unauthenticated"));
    }

    // 6: sign out everywhere ends every session at once, access tokens included.
    void logoutEverywhereEndsEverySession()
    {
        QString email;
        TestClient *phone = person(QStringLiteral("Max"), &email);
        QVERIFY(phone);
        const QString hh = phone
                               ->result(QStringLiteral("household.create"),
                                        {{QStringLiteral("name"), QStringLiteral("Max's")}})
                               .value(QStringLiteral("household"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        const QString list = makeList(phone, hh);
        TestClient *laptop = connected(phone->accessToken);
        QCOMPARE(type(subscribe(laptop, list)), QStringLiteral("reply"));
        TestClient *tablet = connected(phone->accessToken);

        QCOMPARE(type(phone->request(QStringLiteral("logout"), {{QStringLiteral("all"), true}})),
                 QStringLiteral("reply"));
        for (TestClient *other : {laptop, tablet}) {
            QCOMPARE(code(other->waitForType(QStringLiteral("error"))),
                     QStringLiteral("token_invalid"));
            QVERIFY(other->waitClosed());
            QCOMPARE(int(other->socket().closeCode()), 4003);
        }
        QCOMPARE(code(phone->request(QStringLiteral("household.list"))),
                 QStringLiteral("unauthenticated"));
        // The access token issued before is dead at once, not in 15 minutes.
        TestClient *late = opened();
        QCOMPARE(code(late->hello(phone->accessToken)), QStringLiteral("token_invalid"));
        QCOMPARE(code(refresh(late, phone->refreshToken)), QStringLiteral("token_invalid"));
        // Signing in again works, with tokens of the new generation.
        QCOMPARE(type(late->login(email, QStringLiteral("password!"))), QStringLiteral("reply"));
        TestClient *back = connected(late->accessToken);
        QCOMPARE(type(back->request(QStringLiteral("household.list"))), QStringLiteral("reply"));
    }

    // 7: tasks go to people of the household.
    void assigneeMustBeAPersonOfTheHousehold()
    {
        Family f = family({QStringLiteral("Pat"), QStringLiteral("Sam")});
        Family other = family({QStringLiteral("Oz")});
        TestClient *pat = f.people[0];
        TestClient *tablet = pairTablet(pat, f.householdId);
        QVERIFY(tablet);
        const QString list = makeList(pat, f.householdId);
        const QString task = kinlist::createUuid();
        QCOMPARE(type(pat->mutate(itemCreate(list, task, QStringLiteral("Bins"),
                                             stamp(now(), 1, pat->clientId)))),
                 QStringLiteral("ack"));
        auto assign = [&](const QJsonValue &who, int counter) {
            return pat->mutate(itemSet(list, task, {{QStringLiteral("assignee"), who}},
                                       stamp(now(), counter, pat->clientId)));
        };
        QCOMPARE(type(assign(f.people[1]->userId, 2)), QStringLiteral("ack"));
        QCOMPARE(type(assign(QJsonValue(QJsonValue::Null), 3)), QStringLiteral("ack"));
        QCOMPARE(code(assign(other.people[0]->userId, 4)), QStringLiteral("not_found"));
        QCOMPARE(code(assign(kinlist::createUuid(), 5)), QStringLiteral("not_found"));
        QCOMPARE(code(assign(tablet->userId, 6)), QStringLiteral("not_found"));
        // On creation too.
        QJsonObject create = itemCreate(list, kinlist::createUuid(), QStringLiteral("Dishes"),
                                        stamp(now(), 7, pat->clientId));
        QJsonObject fields = create.value(QStringLiteral("fields")).toObject();
        fields.insert(QStringLiteral("assignee"), other.people[0]->userId);
        create.insert(QStringLiteral("fields"), fields);
        QCOMPARE(code(pat->mutate(create)), QStringLiteral("not_found"));
    }

    // 7b: repeating tasks: rotations of people of the household, completions in the name
    // of whoever makes them, one round at a time; a tablet completes for the face tapped.
    void repeatingTasksAreChecked()
    {
        Family f = family({QStringLiteral("Pat"), QStringLiteral("Sam")});
        Family other = family({QStringLiteral("Oz")});
        TestClient *pat = f.people[0];
        TestClient *tablet = pairTablet(pat, f.householdId);
        QVERIFY(tablet);
        const QString list = makeList(pat, f.householdId);
        const QString task = kinlist::createUuid();
        QCOMPARE(type(pat->mutate(itemCreate(list, task, QStringLiteral("Bins"),
                                             stamp(now(), 1, pat->clientId)))),
                 QStringLiteral("ack"));
        int counter = 1;
        auto set = [&](TestClient *who, const QJsonObject &fields, int round = 0,
                       const QString &actAs = {}) {
            QJsonObject op = itemSet(list, task, fields, stamp(now(), ++counter, who->clientId));
            if (round > 0)
                op.insert(QStringLiteral("round"), round);
            if (!actAs.isEmpty())
                op.insert(QStringLiteral("actAs"), actAs);
            return who->mutate(op);
        };
        auto rule = [](const QStringList &rotation) {
            return QJsonObject {
                {QStringLiteral("repeat"),
                 QJsonObject {{QStringLiteral("unit"), QStringLiteral("week")},
                              {QStringLiteral("weekdays"), QJsonArray {6}},
                              {QStringLiteral("rotation"), QJsonArray::fromStringList(rotation)}}}};
        };
        const QString patId = pat->userId, samId = f.people[1]->userId;
        QCOMPARE(type(set(pat, rule({patId, samId}))), QStringLiteral("ack"));
        QCOMPARE(code(set(pat, rule({patId, other.people[0]->userId}))),
                 QStringLiteral("not_found"));
        QCOMPARE(code(set(pat, rule({patId, tablet->userId}))), QStringLiteral("not_found"));
        QCOMPARE(code(set(pat,
                          {{QStringLiteral("repeat"),
                            QJsonObject {{QStringLiteral("unit"), QStringLiteral("week")}}}})),
                 QStringLiteral("bad_value"));
        auto completion = [&](const QString &by, const QString &next) {
            return QJsonObject {
                {QStringLiteral("due"), next},
                {QStringLiteral("assignee"), samId},
                {QStringLiteral("completed"),
                 QJsonObject {{QStringLiteral("due"), QJsonValue()},
                              {QStringLiteral("by"), by},
                              {QStringLiteral("on"), QStringLiteral("2026-12-05")}}}};
        };
        // Round 2 before round 1: refused.
        QCOMPARE(code(set(pat, completion(patId, QStringLiteral("2026-12-12")), 2)),
                 QStringLiteral("bad_value"));
        // In someone else's name: refused.
        QCOMPARE(code(set(pat, completion(samId, QStringLiteral("2026-12-12")), 1)),
                 QStringLiteral("forbidden"));
        QCOMPARE(type(set(pat, completion(patId, QStringLiteral("2026-12-12")), 1)),
                 QStringLiteral("ack"));
        // The same occurrence done again elsewhere (round 1 again): taken, and merged.
        QCOMPARE(type(set(pat, completion(patId, QStringLiteral("2026-12-12")), 1)),
                 QStringLiteral("ack"));
        // The tablet completes round 2 for Sam, in Sam's name.
        QCOMPARE(type(set(tablet, completion(samId, QStringLiteral("2026-12-19")), 2, samId)),
                 QStringLiteral("ack"));
        QCOMPARE(code(set(tablet, completion(patId, QStringLiteral("2026-12-26")), 3, samId)),
                 QStringLiteral("forbidden"));
        // A round that is not a whole number, or on an op that has none.
        QJsonObject bad = itemSet(list, task, {{QStringLiteral("title"), QStringLiteral("x")}},
                                  stamp(now(), ++counter, pat->clientId));
        bad.insert(QStringLiteral("round"), 1.5);
        QCOMPARE(code(pat->mutate(bad)), QStringLiteral("bad_value"));
        QJsonObject move = itemCreate(list, kinlist::createUuid(), QStringLiteral("y"),
                                      stamp(now(), ++counter, pat->clientId));
        move.insert(QStringLiteral("round"), 1);
        QCOMPARE(code(pat->mutate(move)), QStringLiteral("bad_value"));
    }

    // 7c: a task's reminder and a shopping list's order of categories: the server takes
    // them within their limits, refuses the rest with a documented code, and another
    // member gets them in the list's snapshot.
    void remindersAndCategoryOrderAreChecked()
    {
        Family f = family({QStringLiteral("Kim"), QStringLiteral("Lou")});
        TestClient *kim = f.people[0];
        TestClient *lou = f.people[1];
        const QString list = makeList(kim, f.householdId);
        const QString task = kinlist::createUuid();
        int counter = 1;
        QCOMPARE(type(kim->mutate(itemCreate(list, task, QStringLiteral("Call the dentist"),
                                             stamp(now(), ++counter, kim->clientId)))),
                 QStringLiteral("ack"));
        auto setItem = [&](const QJsonObject &fields) {
            return kim->mutate(itemSet(list, task, fields, stamp(now(), ++counter, kim->clientId)));
        };
        QCOMPARE(type(setItem({{QStringLiteral("due"), QStringLiteral("2026-12-24T18:00")},
                               {QStringLiteral("reminder"), 60}})),
                 QStringLiteral("ack"));
        QCOMPARE(code(setItem({{QStringLiteral("reminder"), 7 * 24 * 60 + 1}})),
                 QStringLiteral("bad_value"));
        QCOMPARE(code(setItem({{QStringLiteral("reminder"), 1.5}})), QStringLiteral("bad_value"));
        QCOMPARE(code(setItem({{QStringLiteral("reminder"), QStringLiteral("soon")}})),
                 QStringLiteral("wrong_type"));
        auto setList = [&](const QJsonValue &order) {
            return kim->mutate(
                QJsonObject {{QStringLiteral("type"), QStringLiteral("list.set")},
                             {QStringLiteral("listId"), list},
                             {QStringLiteral("stamp"), stamp(now(), ++counter, kim->clientId)},
                             {QStringLiteral("fields"),
                              QJsonObject {{QStringLiteral("categoryOrder"), order}}}});
        };
        QCOMPARE(code(setList(QJsonArray {QStringLiteral("Dairy"), QStringLiteral("Dairy")})),
                 QStringLiteral("bad_value"));
        QCOMPARE(code(setList(QJsonArray {1})), QStringLiteral("wrong_type"));
        QCOMPARE(code(setList(QStringLiteral("Dairy"))), QStringLiteral("wrong_type"));
        QJsonArray tooMany;
        for (int i = 0; i <= 100; ++i)
            tooMany.append(QStringLiteral("C%1").arg(i));
        QCOMPARE(code(setList(tooMany)), QStringLiteral("too_long"));
        QCOMPARE(type(setList(QJsonArray {QStringLiteral("Fridge"), QStringLiteral("Bakery")})),
                 QStringLiteral("ack"));

        // Lou catches up on the list: the accepted ones are there, the refused ones not.
        const QJsonObject caughtUp = subscribe(lou, list);
        QStringList orders;
        QList<int> reminders;
        const QJsonArray ops = caughtUp.value(QStringLiteral("result"))
                                   .toObject()
                                   .value(QStringLiteral("ops"))
                                   .toArray();
        for (const QJsonValue &entry : ops) {
            const QJsonObject fields = entry.toObject()
                                           .value(QStringLiteral("op"))
                                           .toObject()
                                           .value(QStringLiteral("fields"))
                                           .toObject();
            if (fields.contains(QStringLiteral("categoryOrder")))
                orders << QString::fromUtf8(
                    QJsonDocument(fields.value(QStringLiteral("categoryOrder")).toArray())
                        .toJson(QJsonDocument::Compact));
            if (fields.contains(QStringLiteral("reminder")))
                reminders << fields.value(QStringLiteral("reminder")).toInt();
        }
        QCOMPARE(orders, QStringList {QStringLiteral("[\"Fridge\",\"Bakery\"]")});
        QCOMPARE(reminders, QList<int> {60});
    }

    // 8: a list that does not exist and one of another household answer alike.
    void missingAndForeignListsAnswerAlike()
    {
        Family a = family({QStringLiteral("Eve")});
        Family b = family({QStringLiteral("Gil")});
        TestClient *eve = a.people[0];
        const QString foreign = makeList(b.people[0], b.householdId);
        const QString missing = kinlist::createUuid();
        const QJsonObject r1 = eve->mutate(itemCreate(
            foreign, kinlist::createUuid(), QStringLiteral("x"), stamp(now(), 1, eve->clientId)));
        const QJsonObject r2 = eve->mutate(itemCreate(
            missing, kinlist::createUuid(), QStringLiteral("x"), stamp(now(), 2, eve->clientId)));
        QCOMPARE(code(r1), QStringLiteral("forbidden"));
        QCOMPARE(code(r2), code(r1));
        QCOMPARE(r2.value(QStringLiteral("message")), r1.value(QStringLiteral("message")));
        const QJsonObject s1 =
            eve->mutate(itemSet(foreign, kinlist::createUuid(), {{QStringLiteral("done"), true}},
                                stamp(now(), 3, eve->clientId)));
        const QJsonObject s2 =
            eve->mutate(itemSet(missing, kinlist::createUuid(), {{QStringLiteral("done"), true}},
                                stamp(now(), 4, eve->clientId)));
        QCOMPARE(code(s1), QStringLiteral("forbidden"));
        QCOMPARE(s2.value(QStringLiteral("message")), s1.value(QStringLiteral("message")));
        QCOMPARE(code(s2), code(s1));
    }

    // 11: a reply lost between rotation and receipt does not sign the device out; reuse
    // detection still catches a second exchange, and any other device's.
    void refreshRotationSurvivesALostReply()
    {
        QString email;
        TestClient *first = person(QStringLiteral("Ray"), &email);
        QVERIFY(first);
        const QString r1 = first->refreshToken;
        // The device rotates; the reply (r2) never reaches it.
        const QString r2 = tokenOf(refresh(onDevice(first->clientId), r1));
        QVERIFY(!r2.isEmpty());
        // Back on a new connection it presents r1 again: a new session.
        TestClient *retry = onDevice(first->clientId);
        const QString r3 = tokenOf(refresh(retry, r1));
        QVERIFY(!r3.isEmpty() && r3 != r2 && r3 != r1);
        QCOMPARE(type(retry->request(QStringLiteral("household.list"))), QStringLiteral("reply"));
        // The session goes on: r3 rotates as usual.
        const QString r4 = tokenOf(refresh(onDevice(first->clientId), r3));
        QVERIFY(!r4.isEmpty());
        // r1 a third time is a reuse: the whole family is revoked, r4 with it.
        TestClient *thief = onDevice(first->clientId);
        QCOMPARE(code(refresh(thief, r1)), QStringLiteral("token_invalid"));
        QCOMPARE(code(refresh(thief, r4)), QStringLiteral("token_invalid"));

        // Someone with a copy of a token and the device's (public) client id uses the grace
        // after the device did get its reply: when the device presents the token it was
        // given, the replay shows, and the family goes, the intruder's session with it.
        TestClient *owner = connected();
        QCOMPARE(type(owner->login(email, QStringLiteral("password!"))), QStringLiteral("reply"));
        const QString t1 = owner->refreshToken;
        const QString t2 = tokenOf(refresh(onDevice(owner->clientId), t1));
        QVERIFY(!t2.isEmpty());
        const QString t3 = tokenOf(refresh(onDevice(owner->clientId), t1));
        QVERIFY(!t3.isEmpty());
        QCOMPARE(code(refresh(onDevice(owner->clientId), t2)), QStringLiteral("token_invalid"));
        QCOMPARE(code(refresh(connected(), t3)), QStringLiteral("token_invalid"));

        // Another device presenting a rotated token, even at once, is a reuse too.
        TestClient *phone = connected();
        QCOMPARE(type(phone->login(email, QStringLiteral("password!"))), QStringLiteral("reply"));
        const QString s1 = phone->refreshToken;
        const QString s2 = tokenOf(refresh(phone, s1));
        QVERIFY(!s2.isEmpty());
        QCOMPARE(code(refresh(connected(), s1)), QStringLiteral("token_invalid"));
        QCOMPARE(code(refresh(connected(), s2)), QStringLiteral("token_invalid"));
    }

    // 10: what the protocol document says, the server does.
    void listsCarryEveryField()
    {
        Family f = family({QStringLiteral("Lia"), QStringLiteral("Noa")});
        TestClient *lia = f.people[0];
        TestClient *noa = f.people[1];
        noa->clearFrames();
        const QString list = makeList(lia, f.householdId);
        const QJsonObject changed = noa->waitForType(QStringLiteral("list.changed"));
        const QJsonObject listed =
            lia->result(QStringLiteral("lists"), {{QStringLiteral("householdId"), f.householdId}})
                .value(QStringLiteral("lists"))
                .toArray()
                .first()
                .toObject();
        for (const QJsonObject &l : {listed, changed.value(QStringLiteral("list")).toObject()}) {
            QCOMPARE(l.value(QStringLiteral("id")).toString(), list);
            QCOMPARE(l.value(QStringLiteral("archived")), QJsonValue(false));
            QCOMPARE(l.value(QStringLiteral("deleted")), QJsonValue(false));
            QCOMPARE(l.value(QStringLiteral("seq")).toInteger(), 1);
            for (const char *key :
                 {"householdId", "listId", "name", "kind", "createdBy", "createdAt"})
                QVERIFY2(l.contains(QLatin1String(key)), key);
        }
    }

    void tenFailedSignInsCloseTheConnection()
    {
        QString email;
        QVERIFY(person(QStringLiteral("Tia"), &email));
        TestClient *guesser = connected();
        for (int i = 1; i <= 10; ++i)
            QCOMPARE(code(guesser->login(email, QStringLiteral("guess %1").arg(i))),
                     QStringLiteral("auth_failed"));
        QVERIFY(guesser->waitClosed());
        QCOMPARE(int(guesser->socket().closeCode()), 1008);
    }

    void aFullServerSaysSoBeforeClosing()
    {
        TestServer small;
        small.config.maxConnections = 1;
        QVERIFY(small.start());
        TestClient first;
        QVERIFY(first.open(small.url()));
        QCOMPARE(type(first.hello()), QStringLiteral("reply"));
        TestClient second;
        QVERIFY(second.open(small.url()));
        QCOMPARE(code(second.waitForType(QStringLiteral("error"))),
                 QStringLiteral("too_many_connections"));
        QVERIFY(second.waitClosed());
        QCOMPARE(int(second.socket().closeCode()), 4013);
        QVERIFY(first.isConnected());
    }

    // The subscribe reply comes before any op of a later seq, and the ops after it go on
    // from its seq without a gap, while someone writes to the list all along.
    void subscribeReplyComesBeforeLaterOps()
    {
        Family f = family({QStringLiteral("Wes"), QStringLiteral("Vi")});
        TestClient *writer = f.people[0];
        TestClient *reader = f.people[1];
        const QString list = makeList(writer, f.householdId);
        constexpr int kOps = 300;
        qint64 subscribeId = -1;
        for (int i = 0; i < kOps; ++i) {
            writer->send(QStringLiteral("mutate"),
                         {{QStringLiteral("clientId"), writer->clientId},
                          {QStringLiteral("mutationId"), writer->nextMutationId++},
                          {QStringLiteral("listId"), list},
                          {QStringLiteral("op"),
                           itemCreate(list, kinlist::createUuid(), QStringLiteral("n%1").arg(i),
                                      stamp(now(), i, writer->clientId))}});
            if (i == kOps / 2)
                subscribeId = reader->send(
                    QStringLiteral("subscribe"),
                    {{QStringLiteral("listId"), list}, {QStringLiteral("sinceSeq"), 0}});
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto frames = reader->pending();
                return !frames.isEmpty() &&
                    frames.constLast().value(QStringLiteral("seq")).toInteger() == kOps + 1;
            },
            20000));
        const QList<QJsonObject> frames = reader->pending();
        qint64 replySeq = -1;
        qint64 next = -1;
        for (const QJsonObject &frame : frames) {
            if (frame.value(QStringLiteral("id")).toInteger(-2) == subscribeId) {
                replySeq = frame.value(QStringLiteral("result"))
                               .toObject()
                               .value(QStringLiteral("seq"))
                               .toInteger();
                next = replySeq + 1;
                continue;
            }
            if (type(frame) != QLatin1String("op"))
                continue;
            QVERIFY2(replySeq >= 0, "an op came before the subscribe reply");
            QCOMPARE(frame.value(QStringLiteral("seq")).toInteger(), next);
            ++next;
        }
        QVERIFY(replySeq >= 1); // where it falls among the writes is up to the scheduler
        QCOMPARE(next, kOps + 2);
    }
};

KINLIST_SERVER_TEST_MAIN(TestServerHardening)
#include "tst_server_hardening.moc"
