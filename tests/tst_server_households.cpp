// Households: invites that expire and run out, wrong codes, roles, leaving and removal;
// and a full disk, which must refuse new changes cleanly and lose nothing accepted.
#include "common/testclient.h"
#include "common/testserver.h"
#include "core/uuid.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace TestOps;

class TestServerHouseholds : public QObject
{
    Q_OBJECT
    TestServer m_server;
    int m_n = 0;

    static qint64 now() { return QDateTime::currentMSecsSinceEpoch(); }

    TestClient *person(const QString &name)
    {
        auto *c = new TestClient(this);
        if (!c->open(m_server.url()))
            return nullptr;
        c->hello();
        const QString email = QStringLiteral("%1%2@example.org").arg(name.toLower()).arg(++m_n);
        if (type(c->registerUser(email, QStringLiteral("password!"), name)) !=
            QLatin1String("reply"))
            return nullptr;
        return c;
    }

    QString invite(TestClient *owner, const QString &hh, int maxUses)
    {
        return owner
            ->result(QStringLiteral("invite.create"),
                     {{QStringLiteral("householdId"), hh}, {QStringLiteral("maxUses"), maxUses}})
            .value(QStringLiteral("code"))
            .toString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void invitesRunOutAndExpire()
    {
        TestClient *owner = person(QStringLiteral("Olga"));
        const QString hh = owner
                               ->result(QStringLiteral("household.create"),
                                        {{QStringLiteral("name"), QStringLiteral("O")}})
                               .value(QStringLiteral("household"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        const QString once = invite(owner, hh, 1);
        QVERIFY(
            QRegularExpression(QStringLiteral("^[A-Z2-9]{4}-[A-Z2-9]{4}$")).match(once).hasMatch());

        TestClient *first = person(QStringLiteral("Finn"));
        // Case, spaces and a missing dash do not matter.
        QString typed = once.toLower();
        typed.remove(QLatin1Char('-'));
        typed.insert(2, QLatin1Char(' '));
        QCOMPARE(type(first->request(QStringLiteral("household.join"),
                                     {{QStringLiteral("code"), typed}})),
                 QStringLiteral("reply"));
        TestClient *second = person(QStringLiteral("Sid"));
        QCOMPARE(code(second->request(QStringLiteral("household.join"),
                                      {{QStringLiteral("code"), once}})),
                 QStringLiteral("invite_invalid"));

        // Expiry: age the invite in the real database file, as time would.
        const QString later = invite(owner, hh, 5);
        QCOMPARE(
            m_server.execSql(
                QStringLiteral("UPDATE invites SET expires_at = 1 WHERE code = '%1'").arg(later)),
            1);
        QCOMPARE(code(second->request(QStringLiteral("household.join"),
                                      {{QStringLiteral("code"), later}})),
                 QStringLiteral("invite_invalid"));

        // Members cannot invite; bounds are checked.
        QCOMPARE(code(first->request(QStringLiteral("invite.create"),
                                     {{QStringLiteral("householdId"), hh}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(code(owner->request(
                     QStringLiteral("invite.create"),
                     {{QStringLiteral("householdId"), hh}, {QStringLiteral("ttlSeconds"), 5}})),
                 QStringLiteral("bad_value"));
    }

    void wrongCodesAreRateLimited()
    {
        TestClient *owner = person(QStringLiteral("Rita"));
        const QString hh = owner
                               ->result(QStringLiteral("household.create"),
                                        {{QStringLiteral("name"), QStringLiteral("R")}})
                               .value(QStringLiteral("household"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        const QString good = invite(owner, hh, 5);
        TestClient *guesser = person(QStringLiteral("Gail"));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(code(guesser->request(
                         QStringLiteral("household.join"),
                         {{QStringLiteral("code"), QStringLiteral("AAAA-AAA%1").arg(i + 2)}})),
                     QStringLiteral("invite_invalid"));
        QCOMPARE(code(guesser->request(QStringLiteral("household.join"),
                                       {{QStringLiteral("code"), good}})),
                 QStringLiteral("rate_limited"));
    }

    void rolesLeavingAndRemoval()
    {
        Family f;
        QVERIFY(
            Family::create(this, m_server.url(),
                           {QStringLiteral("Pat"), QStringLiteral("Quinn"), QStringLiteral("Ray")},
                           &f, QStringLiteral("-roles")));
        TestClient *pat = f.people[0];
        TestClient *quinn = f.people[1];
        TestClient *ray = f.people[2];
        const QJsonArray members = pat->result(QStringLiteral("household.members"),
                                               {{QStringLiteral("householdId"), f.householdId}})
                                       .value(QStringLiteral("members"))
                                       .toArray();
        QCOMPARE(members.size(), 3);
        QCOMPARE(members.at(0).toObject().value(QStringLiteral("role")).toString(),
                 QStringLiteral("owner"));
        QCOMPARE(members.at(1).toObject().value(QStringLiteral("role")).toString(),
                 QStringLiteral("member"));

        // The only owner cannot walk away from the others.
        QCOMPARE(code(pat->request(QStringLiteral("household.leave"),
                                   {{QStringLiteral("householdId"), f.householdId}})),
                 QStringLiteral("last_owner"));
        // Roles: a member cannot hand out ownership; the owner can, and the only owner
        // cannot step down.
        QCOMPARE(code(quinn->request(QStringLiteral("member.setRole"),
                                     {{QStringLiteral("householdId"), f.householdId},
                                      {QStringLiteral("userId"), quinn->userId},
                                      {QStringLiteral("role"), QStringLiteral("owner")}})),
                 QStringLiteral("forbidden"));
        QCOMPARE(code(pat->request(QStringLiteral("member.setRole"),
                                   {{QStringLiteral("householdId"), f.householdId},
                                    {QStringLiteral("userId"), pat->userId},
                                    {QStringLiteral("role"), QStringLiteral("member")}})),
                 QStringLiteral("last_owner"));
        QCOMPARE(code(pat->request(QStringLiteral("member.setRole"),
                                   {{QStringLiteral("householdId"), f.householdId},
                                    {QStringLiteral("userId"), ray->userId},
                                    {QStringLiteral("role"), QStringLiteral("king")}})),
                 QStringLiteral("bad_value"));
        QCOMPARE(type(pat->request(QStringLiteral("member.setRole"),
                                   {{QStringLiteral("householdId"), f.householdId},
                                    {QStringLiteral("userId"), ray->userId},
                                    {QStringLiteral("role"), QStringLiteral("owner")}})),
                 QStringLiteral("reply"));
        // Ray, now an owner, can invite; then steps back to member.
        QCOMPARE(type(ray->request(QStringLiteral("invite.create"),
                                   {{QStringLiteral("householdId"), f.householdId}})),
                 QStringLiteral("reply"));
        QCOMPARE(type(pat->request(QStringLiteral("member.setRole"),
                                   {{QStringLiteral("householdId"), f.householdId},
                                    {QStringLiteral("userId"), ray->userId},
                                    {QStringLiteral("role"), QStringLiteral("member")}})),
                 QStringLiteral("reply"));
        QCOMPARE(code(ray->request(QStringLiteral("invite.create"),
                                   {{QStringLiteral("householdId"), f.householdId}})),
                 QStringLiteral("forbidden"));

        // A member cannot remove anyone.
        QCOMPARE(code(quinn->request(QStringLiteral("member.remove"),
                                     {{QStringLiteral("householdId"), f.householdId},
                                      {QStringLiteral("userId"), ray->userId}})),
                 QStringLiteral("forbidden"));
        // A member leaves: the household is gone from their list.
        QCOMPARE(type(quinn->request(QStringLiteral("household.leave"),
                                     {{QStringLiteral("householdId"), f.householdId}})),
                 QStringLiteral("reply"));
        QCOMPARE(quinn->result(QStringLiteral("household.list"))
                     .value(QStringLiteral("households"))
                     .toArray()
                     .size(),
                 0);
        // The owner removes the other; then, alone, may leave.
        QCOMPARE(type(pat->request(QStringLiteral("member.remove"),
                                   {{QStringLiteral("householdId"), f.householdId},
                                    {QStringLiteral("userId"), ray->userId}})),
                 QStringLiteral("reply"));
        QVERIFY(!ray->waitForType(QStringLiteral("household.removed")).isEmpty());
        QCOMPARE(code(pat->request(QStringLiteral("member.remove"),
                                   {{QStringLiteral("householdId"), f.householdId},
                                    {QStringLiteral("userId"), ray->userId}})),
                 QStringLiteral("not_found"));
        QCOMPARE(type(pat->request(QStringLiteral("household.leave"),
                                   {{QStringLiteral("householdId"), f.householdId}})),
                 QStringLiteral("reply"));
    }

    void kioskPairsAndActsForMembers()
    {
        Family f;
        QVERIFY(Family::create(this, m_server.url(), {QStringLiteral("Kim"), QStringLiteral("Lou")},
                               &f, QStringLiteral("-kiosk")));
        TestClient *kim = f.people[0]; // owner
        TestClient *lou = f.people[1]; // member
        const QJsonObject hhField {{QStringLiteral("householdId"), f.householdId}};
        QCOMPARE(code(lou->request(QStringLiteral("kiosk.code.create"), hhField)),
                 QStringLiteral("forbidden"));
        const QJsonObject made = kim->result(QStringLiteral("kiosk.code.create"), hhField);
        const QString pairing = made.value(QStringLiteral("code")).toString();
        QVERIFY(!pairing.isEmpty());
        QVERIFY(made.value(QStringLiteral("expiresAt")).toDouble() > double(now()));

        // A pairing code is not an invite for a person, nor an invite a pairing code.
        TestClient *stranger = person(QStringLiteral("Stan"));
        QCOMPARE(code(stranger->request(QStringLiteral("household.join"),
                                        {{QStringLiteral("code"), pairing}})),
                 QStringLiteral("invite_invalid"));
        auto pair = [&](TestClient *c, const QString &withCode) {
            return c->request(QStringLiteral("kiosk.pair"),
                              {{QStringLiteral("code"), withCode},
                               {QStringLiteral("name"), QStringLiteral("Kitchen")}});
        };
        auto *tablet = new TestClient(this);
        QVERIFY(tablet->open(m_server.url()));
        tablet->hello();
        QCOMPARE(code(pair(tablet, invite(kim, f.householdId, 5))),
                 QStringLiteral("invite_invalid"));
        QCOMPARE(code(pair(stranger, pairing)), QStringLiteral("bad_value")); // signed in

        const QJsonObject paired = pair(tablet, pairing);
        QCOMPARE(type(paired), QStringLiteral("reply"));
        const QJsonObject session = paired.value(QStringLiteral("result")).toObject();
        const QString kioskId =
            session.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(session.value(QStringLiteral("household"))
                     .toObject()
                     .value(QStringLiteral("role"))
                     .toString(),
                 QStringLiteral("kiosk"));
        QVERIFY(!session.value(QStringLiteral("refreshToken")).toString().isEmpty());
        auto *second = new TestClient(this);
        QVERIFY(second->open(m_server.url()));
        second->hello();
        QCOMPARE(code(pair(second, pairing)), QStringLiteral("invite_invalid")); // used once

        // The tablet edits lists, for a member it names; it manages nobody.
        tablet->userId = kioskId;
        const QString listId = kinlist::createUuid();
        QCOMPARE(type(kim->mutate(listCreate(f.householdId, listId, QStringLiteral("Groceries"),
                                             stamp(now(), 0, kim->clientId)))),
                 QStringLiteral("ack"));
        QCOMPARE(type(tablet->request(
                     QStringLiteral("subscribe"),
                     {{QStringLiteral("listId"), listId}, {QStringLiteral("sinceSeq"), 0}})),
                 QStringLiteral("reply"));
        QCOMPARE(type(kim->request(
                     QStringLiteral("subscribe"),
                     {{QStringLiteral("listId"), listId}, {QStringLiteral("sinceSeq"), 0}})),
                 QStringLiteral("reply"));
        const QString milk = kinlist::createUuid();
        QJsonObject create =
            itemCreate(listId, milk, QStringLiteral("Milk"), stamp(now(), 0, tablet->clientId));
        create.insert(QStringLiteral("actAs"), lou->userId);
        kim->clearFrames();
        QCOMPARE(type(tablet->mutate(create)), QStringLiteral("ack"));
        const QJsonObject seen =
            kim->waitFor([](const QJsonObject &o) { return type(o) == QLatin1String("op"); });
        QCOMPARE(seen.value(QStringLiteral("by")).toString(), lou->userId);
        QCOMPARE(seen.value(QStringLiteral("byName")).toString(), QStringLiteral("Lou"));
        QCOMPARE(seen.value(QStringLiteral("via")).toString(), QStringLiteral("Kitchen"));
        QCOMPARE(seen.value(QStringLiteral("op"))
                     .toObject()
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("createdBy"))
                     .toString(),
                 lou->userId);
        const QJsonObject entry =
            kim->result(QStringLiteral("history"), {{QStringLiteral("listId"), listId}})
                .value(QStringLiteral("entries"))
                .toArray()
                .first()
                .toObject();
        QCOMPARE(entry.value(QStringLiteral("byName")).toString(), QStringLiteral("Lou"));
        QCOMPARE(entry.value(QStringLiteral("via")).toString(), QStringLiteral("Kitchen"));
        // A catch-up names the tablet too; the list's creation, by Kim herself, does not.
        const QJsonArray caughtUp =
            kim->result(QStringLiteral("subscribe"),
                        {{QStringLiteral("listId"), listId}, {QStringLiteral("sinceSeq"), 0}})
                .value(QStringLiteral("ops"))
                .toArray();
        QCOMPARE(caughtUp.size(), 2);
        QVERIFY(!caughtUp.at(0).toObject().contains(QStringLiteral("via")));
        QCOMPARE(caughtUp.at(1).toObject().value(QStringLiteral("via")).toString(),
                 QStringLiteral("Kitchen"));

        // Acting for someone outside the household, or for the tablet, is refused; and only
        // a tablet acts for others.
        for (const QString &who : {stranger->userId, kioskId}) {
            QJsonObject done = itemSet(listId, milk, {{QStringLiteral("done"), true}},
                                       stamp(now(), 1, tablet->clientId));
            done.insert(QStringLiteral("actAs"), who);
            QCOMPARE(code(tablet->mutate(done)), QStringLiteral("not_found"));
        }
        QJsonObject forged =
            itemSet(listId, milk, {{QStringLiteral("done"), true}}, stamp(now(), 2, lou->clientId));
        forged.insert(QStringLiteral("actAs"), kim->userId);
        QCOMPARE(code(lou->mutate(forged)), QStringLiteral("forbidden"));
        QCOMPARE(type(tablet->mutate(itemSet(listId, milk, {{QStringLiteral("done"), true}},
                                             stamp(now(), 3, tablet->clientId)))),
                 QStringLiteral("ack")); // as the tablet itself

        for (const auto &[request, fields] :
             std::initializer_list<std::pair<QString, QJsonObject>> {
                 {QStringLiteral("invite.create"), hhField},
                 {QStringLiteral("kiosk.code.create"), hhField},
                 {QStringLiteral("household.create"),
                  {{QStringLiteral("name"), QStringLiteral("X")}}},
                 {QStringLiteral("household.join"),
                  {{QStringLiteral("code"), invite(kim, f.householdId, 5)}}},
                 {QStringLiteral("member.remove"),
                  {{QStringLiteral("householdId"), f.householdId},
                   {QStringLiteral("userId"), lou->userId}}},
                 {QStringLiteral("member.setRole"),
                  {{QStringLiteral("householdId"), f.householdId},
                   {QStringLiteral("userId"), lou->userId},
                   {QStringLiteral("role"), QStringLiteral("owner")}}}})
            QCOMPARE(code(tablet->request(request, fields)), QStringLiteral("forbidden"));

        // An owner cannot make the tablet a person; removing it unpairs it for good.
        QCOMPARE(code(kim->request(QStringLiteral("member.setRole"),
                                   {{QStringLiteral("householdId"), f.householdId},
                                    {QStringLiteral("userId"), kioskId},
                                    {QStringLiteral("role"), QStringLiteral("member")}})),
                 QStringLiteral("bad_value"));
        tablet->clearFrames();
        QCOMPARE(type(kim->request(QStringLiteral("member.remove"),
                                   {{QStringLiteral("householdId"), f.householdId},
                                    {QStringLiteral("userId"), kioskId}})),
                 QStringLiteral("reply"));
        tablet->waitForType(QStringLiteral("household.removed"));
        auto *later = new TestClient(this);
        QVERIFY(later->open(m_server.url()));
        later->hello();
        QCOMPARE(code(later->request(QStringLiteral("refresh"),
                                     {{QStringLiteral("refreshToken"),
                                       session.value(QStringLiteral("refreshToken"))}})),
                 QStringLiteral("token_invalid"));
    }

    void fullDiskRefusesCleanly()
    {
        if (TestServer::postgres())
            QSKIP("the full disk is injected through SQLite's page cap, which PostgreSQL has not");
        Family f;
        QVERIFY(Family::create(this, m_server.url(), {QStringLiteral("Una"), QStringLiteral("Vic")},
                               &f, QStringLiteral("-disk")));
        TestClient *una = f.people[0];
        TestClient *vic = f.people[1];
        const QString listId = kinlist::createUuid();
        QCOMPARE(type(una->mutate(listCreate(f.householdId, listId, QStringLiteral("Pantry"),
                                             stamp(now(), 0, una->clientId)))),
                 QStringLiteral("ack"));
        const QString kept = kinlist::createUuid();
        QCOMPARE(type(una->mutate(itemCreate(listId, kept, QStringLiteral("Rice"),
                                             stamp(now(), 1, una->clientId)))),
                 QStringLiteral("ack"));
        QCOMPARE(type(vic->request(
                     QStringLiteral("subscribe"),
                     {{QStringLiteral("listId"), listId}, {QStringLiteral("sinceSeq"), 2}})),
                 QStringLiteral("reply"));

        m_server.server->storeForTesting().setFullForTesting(true);
        // Big items until the disk is "full": the refused one says so and may be resent.
        const TestClient::Refused refused = una->mutateUntilRefused(listId, 10);
        QVERIFY2(refused.mutationId > 0, "the full database never refused a write");
        // Vic never saw the refused op; everyone is still served.
        vic->clearFrames();
        QCOMPARE(type(vic->request(QStringLiteral("ping"))), QStringLiteral("reply"));
        QCOMPARE(vic->countType(QStringLiteral("op")), 0);

        // Space again. The clients' progress is saved (every second) before the resend: a
        // client forgotten by the failed batch must keep its last mutation id.
        m_server.server->storeForTesting().setFullForTesting(false);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.server->storeForTesting().clientsGid(),
                                  m_server.server->storeForTesting().maxGid(), 5000);
        // The resend of the refused mutation is applied, exactly once.
        const QJsonObject ack = una->mutate(refused.op, refused.mutationId);
        QVERIFY2(type(ack) == QLatin1String("ack"),
                 QJsonDocument(ack).toJson(QJsonDocument::Compact).constData());
        QVERIFY(!ack.value(QStringLiteral("duplicate")).toBool());
        QVERIFY(!vic->waitForType(QStringLiteral("op")).isEmpty());
        const QJsonObject again = una->mutate(refused.op, refused.mutationId);
        QVERIFY(again.value(QStringLiteral("duplicate")).toBool());
        // What was accepted before the disk filled is all there, each op once.
        const QJsonObject all =
            vic->result(QStringLiteral("subscribe"),
                        {{QStringLiteral("listId"), listId}, {QStringLiteral("sinceSeq"), 0}});
        QSet<qint64> seqs;
        bool riceThere = false;
        for (const auto &v : all.value(QStringLiteral("ops")).toArray()) {
            const QJsonObject o = v.toObject();
            QVERIFY(!seqs.contains(o.value(QStringLiteral("seq")).toInteger()));
            seqs.insert(o.value(QStringLiteral("seq")).toInteger());
            riceThere = riceThere ||
                o.value(QStringLiteral("op"))
                        .toObject()
                        .value(QStringLiteral("itemId"))
                        .toString() == kept;
        }
        QVERIFY(riceThere);
        QCOMPARE(qint64(seqs.size()), all.value(QStringLiteral("seq")).toInteger());
    }
};

KINLIST_SERVER_TEST_MAIN(TestServerHouseholds)
#include "tst_server_households.moc"
