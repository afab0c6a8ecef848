// The client's local store: the outbox survives restarts and crashes, acks and rejects
// move changes out of it, and the view is confirmed state merged with what is pending.
#include "client/localstore.h"
#include "core/uuid.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>

using namespace kinlist;
using kinlist::client::LocalStore;

namespace {
Op itemOp(Op::Type type, const QString &list, const QString &item, qint64 wall, const QString &node,
          const QJsonObject &fields)
{
    Op op;
    op.type = type;
    op.listId = list;
    op.itemId = item;
    op.stamp = Hlc {wall, 0, node};
    op.fields = fields;
    return op;
}

// Child mode for the crash test: enqueue forever, printing each id once it is committed.
int runChild(const QString &path)
{
    LocalStore store(QStringLiteral("child"));
    Error e;
    if (!store.open(path, &e))
        return 3;
    const QString list = createUuid();
    for (qint64 i = 0; i < 100000; ++i) {
        const auto id = store.enqueue(
            itemOp(Op::Type::ItemCreate, list, createUuid(), 1000 + i, store.clientId(),
                   {{QStringLiteral("title"), QStringLiteral("Item %1").arg(i)}}),
            &e);
        if (!id)
            return 4;
        std::printf("%lld\n", static_cast<long long>(*id));
        std::fflush(stdout);
    }
    return 0;
}
} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_n = 0;

    QString path() { return m_dir.filePath(QStringLiteral("store%1.db").arg(++m_n)); }

private Q_SLOTS:
    void outboxSurvivesReopen()
    {
        const QString file = path();
        const QString list = createUuid();
        const QString item = createUuid();
        QString clientId;
        {
            LocalStore s(QStringLiteral("a"));
            Error e;
            QVERIFY(s.open(file, &e));
            clientId = s.clientId();
            QVERIFY(isValidUuid(clientId));
            QCOMPARE(*s.enqueue(itemOp(Op::Type::ItemCreate, list, item, 10, clientId,
                                       {{QStringLiteral("title"), QStringLiteral("Milk")}}),
                                &e),
                     1);
            QCOMPARE(*s.enqueue(itemOp(Op::Type::ItemSet, list, item, 11, clientId,
                                       {{QStringLiteral("quantity"), 2}}),
                                &e),
                     2);
        }
        LocalStore s(QStringLiteral("b"));
        Error e;
        QVERIFY(s.open(file, &e));
        QCOMPARE(s.clientId(), clientId);
        QCOMPARE(s.pendingCount(), 2);
        const auto pending = s.pending();
        QCOMPARE(pending.at(0).mutationId, 1);
        QCOMPARE(pending.at(1).op.fields.value(QStringLiteral("quantity")).toInt(), 2);
        // The user sees the pending changes; the server has not confirmed anything yet.
        QCOMPARE(s.view(list).find(item)->value(QStringLiteral("title")).toString(),
                 QStringLiteral("Milk"));
        QCOMPARE(s.confirmed(list).size(), 0);
        QVERIFY(s.isPending(item));
        // Ids keep rising after the outbox empties.
        QVERIFY(s.reject(1, QStringLiteral("forbidden"), QStringLiteral("no"), &e));
        QVERIFY(s.reject(2, QStringLiteral("forbidden"), QStringLiteral("no"), &e));
        QCOMPARE(*s.enqueue(itemOp(Op::Type::ItemCreate, list, createUuid(), 12, clientId,
                                   {{QStringLiteral("title"), QStringLiteral("Eggs")}}),
                            &e),
                 3);
    }

    // Ours reached the server first; a write made before that (offline, say) wins on its
    // later stamp: ours was lost, though acknowledged. A write made after ours was taken
    // could have seen it: no conflict.
    void acknowledgedWriteLostToAnEarlierMadeOne()
    {
        LocalStore s(QStringLiteral("lost"));
        Error e;
        QVERIFY(s.open(path(), &e));
        const QString me = s.clientId();
        const QString list = createUuid();
        const QString milk = createUuid();
        const QString bread = createUuid();
        for (const QString &id : {milk, bread})
            QVERIFY(s.applyRemote(itemOp(Op::Type::ItemCreate, list, id, 5, QStringLiteral("other"),
                                         {{QStringLiteral("title"), QStringLiteral("Item")}}),
                                  id == milk ? 1 : 2, &e));
        const auto renameAcked = [&](const QString &id, qint64 stamp, qint64 seq, qint64 ackedAt) {
            const qint64 mid =
                *s.enqueue(itemOp(Op::Type::ItemSet, list, id, stamp, me,
                                  {{QStringLiteral("title"), QStringLiteral("Mine")}}),
                           &e);
            LocalStore::Origin origin;
            origin.at = ackedAt;
            return s.acknowledge(mid,
                                 itemOp(Op::Type::ItemSet, list, id, stamp, me,
                                        {{QStringLiteral("title"), QStringLiteral("Mine")}}),
                                 seq, &e, origin);
        };
        QVERIFY(renameAcked(milk, 1000, 3, 5000));
        QVERIFY(renameAcked(bread, 1000, 4, 5000));
        (void)s.takeNewConflicts();
        // Milk: theirs made at 2000, before ours reached the server at 5000.
        QVERIFY2(s.applyRemote(itemOp(Op::Type::ItemSet, list, milk, 2000, QStringLiteral("other"),
                                      {{QStringLiteral("title"), QStringLiteral("Theirs")}}),
                               5, &e),
                 qPrintable(e.message));
        // Bread: theirs made at 6000, after ours was taken.
        QVERIFY(s.applyRemote(itemOp(Op::Type::ItemSet, list, bread, 6000, QStringLiteral("other"),
                                     {{QStringLiteral("title"), QStringLiteral("Theirs")}}),
                              6, &e));
        const QList<LocalStore::Conflict> conflicts = s.conflicts(list);
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().entityId, milk);
        QCOMPARE(conflicts.first().mine.toString(), QStringLiteral("Mine"));
        QCOMPARE(conflicts.first().theirs.toString(), QStringLiteral("Theirs"));
    }

    void ackRejectAndRemote()
    {
        LocalStore s(QStringLiteral("c"));
        Error e;
        QVERIFY(s.open(path(), &e));
        const QString me = s.clientId();
        const QString list = createUuid();
        const QString milk = createUuid();

        // Someone else's op arrives first (seq 1), then ours is acked at seq 2 with the
        // server's (clamped) stamp.
        QVERIFY(s.applyRemote(itemOp(Op::Type::ItemCreate, list, milk, 5, QStringLiteral("other"),
                                     {{QStringLiteral("title"), QStringLiteral("Milk")},
                                      {QStringLiteral("quantity"), 1}}),
                              1, &e));
        QCOMPARE(s.lastSeq(list), 1);
        const qint64 mine = *s.enqueue(
            itemOp(Op::Type::ItemSet, list, milk, 9999999, me, {{QStringLiteral("quantity"), 3}}),
            &e);
        QCOMPARE(s.view(list).find(milk)->value(QStringLiteral("quantity")).toInt(), 3);
        QCOMPARE(s.confirmed(list).find(milk)->value(QStringLiteral("quantity")).toInt(), 1);
        Op server =
            itemOp(Op::Type::ItemSet, list, milk, 6000, me, {{QStringLiteral("quantity"), 3}});
        QVERIFY(s.acknowledge(mine, server, 2, &e));
        QCOMPARE(s.pendingCount(), 0);
        QVERIFY(!s.isPending(milk));
        QCOMPARE(s.lastSeq(list), 2);
        const Replica after = s.confirmed(list);
        const Entity *confirmed = after.find(milk);
        QVERIFY(confirmed);
        QCOMPARE(confirmed->value(QStringLiteral("quantity")).toInt(), 3);
        QCOMPARE(confirmed->fields.value(QStringLiteral("quantity")).stamp.wallMs,
                 6000); // the server's stamp

        // The broadcast copy of the same op, and a replay of seq 1: nothing changes.
        QVERIFY(s.applyRemote(server, 2, &e));
        QVERIFY(s.applyRemote(itemOp(Op::Type::ItemSet, list, milk, 5, QStringLiteral("other"),
                                     {{QStringLiteral("quantity"), 1}}),
                              1, &e));
        QCOMPARE(s.confirmed(list).find(milk)->value(QStringLiteral("quantity")).toInt(), 3);

        // A gap (seq 4 before 3): merged, but the seq waits for the missing op.
        QVERIFY(s.applyRemote(itemOp(Op::Type::ItemSet, list, milk, 7000, QStringLiteral("other"),
                                     {{QStringLiteral("done"), true}}),
                              4, &e));
        QCOMPARE(s.lastSeq(list), 2);
        QVERIFY(s.confirmed(list).find(milk)->value(QStringLiteral("done")).toBool());

        // A refused change leaves the outbox and the view shows the confirmed value again.
        const qint64 refused =
            *s.enqueue(itemOp(Op::Type::ItemSet, list, milk, 8000, me,
                              {{QStringLiteral("title"), QStringLiteral("Oat milk")}}),
                       &e);
        QCOMPARE(s.view(list).find(milk)->value(QStringLiteral("title")).toString(),
                 QStringLiteral("Oat milk"));
        const auto dropped =
            s.reject(refused, QStringLiteral("forbidden"), QStringLiteral("no"), &e);
        QVERIFY(dropped);
        QCOMPARE(dropped->op.fields.value(QStringLiteral("title")).toString(),
                 QStringLiteral("Oat milk"));
        QCOMPARE(s.view(list).find(milk)->value(QStringLiteral("title")).toString(),
                 QStringLiteral("Milk"));
        QVERIFY(!s.reject(refused, QStringLiteral("forbidden"), QStringLiteral("no"),
                          &e)); // already gone

        // A snapshot replaces the list.
        Entity only;
        only.kind = EntityKind::Item;
        only.id = createUuid();
        only.listId = list;
        only.fields.insert(
            QStringLiteral("title"),
            Entity::Field {QStringLiteral("Bread"), Hlc {1, 0, QStringLiteral("s")}});
        QVERIFY(s.replaceList(list, {only}, 40, &e));
        QCOMPARE(s.confirmed(list).size(), 1);
        QCOMPARE(s.lastSeq(list), 40);
    }

    void householdActivityPagesThroughOneMillisecond()
    {
        // A flushed queue is applied by the server within a millisecond or two: 130 entries
        // on three lists with the same time must page without a gap or a repeat.
        LocalStore s(QStringLiteral("feed"));
        Error e;
        QVERIFY(s.open(path(), &e));
        const QString household = createUuid();
        const QStringList lists {createUuid(), createUuid(), createUuid()};
        QList<LocalStore::Activity> entries;
        for (int i = 0; i < 130; ++i) {
            LocalStore::Activity a;
            a.listId = lists.at(i % 3);
            a.seq = i / 3 + 1;
            a.householdId = household;
            a.by = createUuid();
            a.byName = QStringLiteral("Mum");
            a.at = i < 120 ? 1700000000000 : 1700000000001; // the last ten a moment later
            a.op.type = Op::Type::ItemCreate;
            a.op.listId = a.listId;
            a.op.itemId = createUuid();
            a.op.fields = {{QStringLiteral("title"), QStringLiteral("t%1").arg(i)}};
            entries.append(a);
        }
        QVERIFY(s.cacheActivity(entries, &e));
        QSet<QString> seen;
        QList<LocalStore::Activity> page = s.householdActivity(household, nullptr, 50);
        QCOMPARE(page.first().at, 1700000000001); // newest first
        for (int pages = 0; pages < 10 && !page.isEmpty(); ++pages) {
            for (const LocalStore::Activity &a : page) {
                const QString key = a.listId + QLatin1Char('/') + QString::number(a.seq);
                QVERIFY2(!seen.contains(key), "an entry came twice");
                seen.insert(key);
            }
            page = s.householdActivity(household, &page.constLast(), 50);
        }
        QCOMPARE(seen.size(), 130);
    }

    // Quick entry's memory: titles learnt from this device's adds, from others' changes and
    // from lists sent whole, with their last category and unit; found by the start of any
    // word, most used first; on shopping lists only, per household.
    void remembersTitles()
    {
        const QString file = path();
        const QString household = createUuid();
        const QString shop = createUuid();
        const QString chores = createUuid();
        LocalStore s(QStringLiteral("titles"));
        Error e;
        QVERIFY(s.open(file, &e));
        auto makeList = [&](const QString &id, const QString &kind) {
            Op op;
            op.type = Op::Type::ListCreate;
            op.listId = id;
            op.householdId = household;
            op.stamp = Hlc {1, 0, s.clientId()};
            op.fields = {{QStringLiteral("name"), kind}, {QStringLiteral("kind"), kind}};
            return s.enqueue(op, &e).has_value();
        };
        QVERIFY(makeList(shop, QStringLiteral("shopping")));
        QVERIFY(makeList(chores, QStringLiteral("tasks")));
        qint64 wall = 10;
        auto add = [&](const QString &list, const QString &title, const QJsonObject &more = {}) {
            QJsonObject fields = more;
            fields.insert(QStringLiteral("title"), title);
            return s
                .enqueue(
                    itemOp(Op::Type::ItemCreate, list, createUuid(), ++wall, s.clientId(), fields),
                    &e)
                .has_value();
        };
        QVERIFY(
            add(shop, QStringLiteral("Oat milk"), {{QStringLiteral("unit"), QStringLiteral("l")}}));
        QVERIFY(add(shop, QStringLiteral("Milk")));
        QVERIFY(add(shop, QStringLiteral("milk"))); // the same title, in another case
        QVERIFY(add(chores, QStringLiteral("Mow the lawn"))); // a task: not a grocery
        // Someone else's change: milk goes to the Fridge.
        const QString theirs = createUuid();
        QVERIFY(s.applyRemote(itemOp(Op::Type::ItemCreate, shop, theirs, ++wall,
                                     QStringLiteral("other"),
                                     {{QStringLiteral("title"), QStringLiteral("Mints")}}),
                              1, &e, {}));
        QVERIFY(
            s.applyRemote(itemOp(Op::Type::ItemSet, shop, theirs, ++wall, QStringLiteral("other"),
                                 {{QStringLiteral("title"), QStringLiteral("Milk")},
                                  {QStringLiteral("category"), QStringLiteral("Fridge")}}),
                          2, &e, {}));

        auto titles = [&](const QString &typed) {
            QStringList out;
            for (const auto &r : s.suggestions(household, typed, 10))
                out << r.title;
            return out;
        };
        // Milk twice (a rename into it is no use of it; it is spelt as last added) before
        // the others once, the latest first.
        QCOMPARE(titles(QStringLiteral("mi")),
                 (QStringList {QStringLiteral("milk"), QStringLiteral("Mints"),
                               QStringLiteral("Oat milk")}));
        QCOMPARE(titles(QStringLiteral("oat mi")), QStringList {QStringLiteral("Oat milk")});
        QCOMPARE(titles(QStringLiteral("MOW")), QStringList {});
        QCOMPARE(titles(QStringLiteral("\"")), QStringList {}); // a quote is no syntax error
        QCOMPARE(s.suggestions(createUuid(), QStringLiteral("mi"), 10).size(), 0);
        const auto milk = s.remembered(household, QStringLiteral("MILK"));
        QVERIFY(milk);
        QCOMPARE(milk->title, QStringLiteral("milk"));
        QCOMPARE(milk->category, QStringLiteral("Fridge"));
        QCOMPARE(milk->uses, 2);
        QCOMPARE(s.remembered(household, QStringLiteral("oat milk"))->unit, QStringLiteral("l"));
        QVERIFY(!s.remembered(household, QStringLiteral("Mow the lawn")));

        // A list sent whole teaches its titles, without counting the known ones again.
        Entity bread;
        bread.id = createUuid();
        bread.kind = EntityKind::Item;
        bread.listId = shop;
        bread.fields.insert(QStringLiteral("title"),
                            {QStringLiteral("Bread"), Hlc {50, 0, QStringLiteral("x")}, 0});
        Entity again = bread;
        again.id = createUuid();
        again.fields.insert(QStringLiteral("title"),
                            {QStringLiteral("milk"), Hlc {51, 0, QStringLiteral("x")}, 0});
        const std::optional<Entity> list = s.viewEntity(shop);
        QVERIFY(list);
        QVERIFY(s.replaceList(shop, {*list, bread, again}, 3, &e));
        QCOMPARE(titles(QStringLiteral("bre")), QStringList {QStringLiteral("Bread")});
        QCOMPARE(s.remembered(household, QStringLiteral("milk"))->uses, 2);
        // Put back on the list (to be bought again): a use.
        QVERIFY(s.applyRemote(itemOp(Op::Type::ItemSet, shop, again.id, ++wall,
                                     QStringLiteral("other"), {{QStringLiteral("done"), false}}),
                              4, &e, {}));
        QCOMPARE(s.remembered(household, QStringLiteral("milk"))->uses, 3);

        // A device that had items before it learnt titles learns them at its next open.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DELETE FROM titles")));
            QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO identity (key, value) VALUES ('titles_to_learn', '1')")));
        }
        db.close();
        db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        s.close();
        LocalStore reopened(QStringLiteral("titles2"));
        QVERIFY(reopened.open(file, &e));
        QCOMPARE(reopened.remembered(household, QStringLiteral("bread"))->title,
                 QStringLiteral("Bread"));
        QCOMPARE(reopened.suggestions(household, QStringLiteral("bre"), 5).size(), 1);
    }

    void refusesNewerSchema()
    {
        const QString file = path();
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version=99"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("future"));
        LocalStore s(QStringLiteral("d"));
        Error e;
        QVERIFY(!s.open(file, &e));
        QCOMPARE(e.code, ErrorCode::StorageError);
        QVERIFY(e.message.contains(QStringLiteral("newer")));
    }

    void killedMidWriteLosesNothingConfirmed()
    {
        // A real process enqueues as fast as it can and is SIGKILLed; every id it reported
        // as saved is in the outbox afterwards, and the database opens cleanly.
        const QString file = path();
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), file});
        QVERIFY(child.waitForStarted(5000));
        QByteArray out;
        QVERIFY(QTest::qWaitFor(
            [&] {
                out += child.readAllStandardOutput();
                return out.count('\n') >= 50 || child.state() == QProcess::NotRunning;
            },
            30000));
        ::kill(pid_t(child.processId()), SIGKILL);
        QTRY_COMPARE_WITH_TIMEOUT(child.state(), QProcess::NotRunning, 10000);
        out += child.readAllStandardOutput();
        const QList<QByteArray> lines = out.trimmed().split('\n');
        const qint64 lastReported = lines.last().toLongLong();
        QVERIFY(lastReported >= 50);
        LocalStore s(QStringLiteral("e"));
        Error e;
        QVERIFY(s.open(file, &e));
        const auto pending = s.pending();
        QVERIFY(pending.size() >= lastReported);
        for (qint64 i = 0; i < lastReported; ++i)
            QCOMPARE(pending.at(int(i)).mutationId, i + 1);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--child") == 0)
        return runChild(QString::fromLocal8Bit(argv[2]));
    TestLocalStore tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_localstore.moc"
