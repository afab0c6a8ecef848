// Repeating tasks: the rule (next dates, month ends, lateness, rotation), its strict
// decoding, and the completion rounds: devices completing the same occurrence offline
// converge to one next occurrence and the same next person, never two, never a skip.
#include "core/hlc.h"
#include "core/recurrence.h"
#include "core/replica.h"
#include "core/uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace kinlist;

namespace {

Recurrence rule(const char *json)
{
    Error e;
    const auto r = Recurrence::fromJson(QJsonDocument::fromJson(json).object(), &e);
    if (!r)
        qFatal("bad rule %s: %s", json, qPrintable(e.message));
    return *r;
}

QDate d(const char *iso)
{
    return QDate::fromString(QLatin1String(iso), Qt::ISODate);
}

} // namespace

class TestRecurrence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextAfter_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("every day") << R"({"unit":"day"})" << d("2026-12-31") << d("2027-01-01");
        QTest::newRow("every 3 days")
            << R"({"unit":"day","every":3})" << d("2026-12-30") << d("2027-01-02");
        // 2026-12-05 is a Saturday.
        QTest::newRow("every Sat")
            << R"({"unit":"week","weekdays":[6]})" << d("2026-12-05") << d("2026-12-12");
        QTest::newRow("Mon and Thu, from Mon")
            << R"({"unit":"week","weekdays":[1,4]})" << d("2026-12-07") << d("2026-12-10");
        QTest::newRow("Mon and Thu, from Thu")
            << R"({"unit":"week","weekdays":[4,1]})" << d("2026-12-10") << d("2026-12-14");
        QTest::newRow("every 2 weeks on Mon and Thu, from Thu")
            << R"({"unit":"week","every":2,"weekdays":[1,4]})" << d("2026-12-10")
            << d("2026-12-21");
        QTest::newRow("weekly, from a day off the rule")
            << R"({"unit":"week","weekdays":[3]})" << d("2026-12-05") << d("2026-12-09");
        QTest::newRow("on the 31st, into February")
            << R"({"unit":"month","monthDay":31})" << d("2027-01-31") << d("2027-02-28");
        QTest::newRow("on the 31st, back to 31 after February")
            << R"({"unit":"month","monthDay":31})" << d("2027-02-28") << d("2027-03-31");
        QTest::newRow("on the 31st, leap February")
            << R"({"unit":"month","monthDay":31})" << d("2028-01-31") << d("2028-02-29");
        QTest::newRow("every 3 months on the 15th")
            << R"({"unit":"month","every":3,"monthDay":15})" << d("2026-11-15") << d("2027-02-15");
        QTest::newRow("monthly, rule moved to a later day")
            << R"({"unit":"month","monthDay":20})" << d("2026-12-05") << d("2026-12-20");
        QTest::newRow("yearly on 29 Feb, in a common year")
            << R"({"unit":"year","month":2,"monthDay":29})" << d("2028-02-29") << d("2029-02-28");
        QTest::newRow("yearly on 29 Feb, back in a leap year")
            << R"({"unit":"year","month":2,"monthDay":29})" << d("2031-02-28") << d("2032-02-29");
        QTest::newRow("every 2 years on 6 Dec")
            << R"({"unit":"year","every":2,"month":12,"monthDay":6})" << d("2026-12-06")
            << d("2028-12-06");
    }

    void nextAfter()
    {
        QFETCH(QString, rule);
        QFETCH(QDate, from);
        QFETCH(QDate, expected);
        QCOMPARE(::rule(rule.toUtf8().constData()).nextAfter(from), expected);
    }

    // Done late: "from the due date" goes to the next occurrence after the one done (still
    // overdue); "from today" to the first one after the day it was done.
    void lateCompletion()
    {
        const Recurrence weekly = rule(R"({"unit":"week","weekdays":[6]})");
        QCOMPARE(weekly.next(d("2026-11-21"), d("2026-12-07")), d("2026-11-28"));
        const Recurrence fromToday = rule(R"({"unit":"week","weekdays":[6],"from":"today"})");
        QCOMPARE(fromToday.next(d("2026-11-21"), d("2026-12-07")), d("2026-12-12"));
        // Done on the day itself: the next one either way.
        QCOMPARE(fromToday.next(d("2026-12-12"), d("2026-12-12")), d("2026-12-19"));
        // Done early: the next after the occurrence, not after today.
        QCOMPARE(fromToday.next(d("2026-12-12"), d("2026-12-08")), d("2026-12-19"));
        const Recurrence every3 = rule(R"({"unit":"day","every":3,"from":"today"})");
        QCOMPARE(every3.next(d("2026-12-01"), d("2026-12-07")), d("2026-12-10"));
        QCOMPARE(every3.next(d("2026-12-01"), d("2026-12-06")), d("2026-12-07"));
        // A clock decades off stays bounded and still moves forward.
        const Recurrence monthly = rule(R"({"unit":"month","monthDay":1,"from":"today"})");
        QVERIFY(monthly.next(d("2026-12-01"), d("2400-01-01")) > d("2026-12-01"));
    }

    void rotation()
    {
        const QString a = createUuid(), b = createUuid(), c = createUuid();
        Recurrence r = rule(R"({"unit":"day"})");
        QCOMPARE(r.nextAssignee(a), a); // no rotation: stays
        r.rotation = {a, b, c};
        QCOMPARE(r.nextAssignee(a), b);
        QCOMPARE(r.nextAssignee(c), a);
        QCOMPARE(r.nextAssignee(QString()), a); // unassigned: the first one
        QCOMPARE(r.nextAssignee(createUuid()), a); // someone outside it: the first one
        // The round trip keeps it.
        Error e;
        const auto back = Recurrence::fromJson(r.toJson(), &e);
        QVERIFY2(back, qPrintable(e.message));
        QCOMPARE(back->rotation, r.rotation);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("json");
        QTest::newRow("not an object") << R"([1])";
        QTest::newRow("no unit") << R"({"every":2})";
        QTest::newRow("unknown unit") << R"({"unit":"fortnight"})";
        QTest::newRow("every 0") << R"({"unit":"day","every":0})";
        QTest::newRow("every 1.5") << R"({"unit":"day","every":1.5})";
        QTest::newRow("every huge") << R"({"unit":"day","every":100000})";
        QTest::newRow("weekly without days") << R"({"unit":"week"})";
        QTest::newRow("weekly, empty days") << R"({"unit":"week","weekdays":[]})";
        QTest::newRow("weekday 8") << R"({"unit":"week","weekdays":[8]})";
        QTest::newRow("weekday as text") << R"({"unit":"week","weekdays":["sat"]})";
        QTest::newRow("daily with weekdays") << R"({"unit":"day","weekdays":[1]})";
        QTest::newRow("monthly without a day") << R"({"unit":"month"})";
        QTest::newRow("month day 32") << R"({"unit":"month","monthDay":32})";
        QTest::newRow("yearly without month") << R"({"unit":"year","monthDay":3})";
        QTest::newRow("month 13") << R"({"unit":"year","month":13,"monthDay":3})";
        QTest::newRow("bad from") << R"({"unit":"day","from":"tomorrow"})";
        QTest::newRow("rotation not ids") << R"({"unit":"day","rotation":["mum"]})";
        QTest::newRow("rotation twice the same")
            << R"({"unit":"day","rotation":["6f1c1a4e-3d1b-4c1e-9a3e-1c2b3d4e5f60","6f1c1a4e-3d1b-4c1e-9a3e-1c2b3d4e5f60"]})";
        QTest::newRow("unknown key") << R"({"unit":"day","at":"18:00"})";
    }

    void rejects()
    {
        QFETCH(QString, json);
        const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
        const QJsonValue v = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        Error e;
        QVERIFY(!Recurrence::fromJson(v, &e));
        QVERIFY(e.isError());
        QVERIFY(e.message.startsWith(QLatin1String("repeat: ")));
        // The same in an op is refused by the codec.
        Op op;
        op.type = Op::Type::ItemSet;
        op.listId = createUuid();
        op.itemId = createUuid();
        op.stamp = Hlc {1000, 0, QStringLiteral("n")};
        op.fields = {{QStringLiteral("repeat"), v}};
        Error codec;
        Op::fromJson(op.toJson(), &codec);
        QVERIFY(codec.isError());
    }

    void dueKeepsItsTime()
    {
        QCOMPARE(dueOn(QStringLiteral("2026-12-05T18:30:00"), d("2026-12-12")),
                 QJsonValue(QStringLiteral("2026-12-12T18:30:00")));
        QCOMPARE(dueOn(QStringLiteral("2026-12-05"), d("2026-12-12")),
                 QJsonValue(QStringLiteral("2026-12-12")));
        QCOMPARE(dueOn(QJsonValue(), d("2026-12-12")), QJsonValue(QStringLiteral("2026-12-12")));
        QCOMPARE(dueDate(QStringLiteral("2026-12-05T18:30:00")), d("2026-12-05"));
        QVERIFY(!dueDate(QJsonValue()).isValid());
    }

    // A completion: round + 1, the next date, the next person, and what was done.
    void completion()
    {
        const QString mum = createUuid(), dad = createUuid();
        Replica r;
        Op create;
        create.type = Op::Type::ItemCreate;
        create.listId = createUuid();
        create.itemId = createUuid();
        create.stamp = Hlc {1000, 0, QStringLiteral("a")};
        Recurrence weekly = rule(R"({"unit":"week","weekdays":[6]})");
        weekly.rotation = {mum, dad};
        create.fields = {{QStringLiteral("title"), QStringLiteral("Take out bins")},
                         {QStringLiteral("due"), QStringLiteral("2026-12-05T19:00:00")},
                         {QStringLiteral("assignee"), mum},
                         {QStringLiteral("repeat"), weekly.toJson()}};
        r.apply(create);
        const Entity item = *r.find(create.itemId);
        QCOMPARE(itemRound(item), 0);
        const auto op =
            completionOp(item, mum, d("2026-12-05"), Hlc {2000, 0, QStringLiteral("a")});
        QVERIFY(op);
        QCOMPARE(op->round, 1);
        QCOMPARE(op->fields.value(QStringLiteral("due")).toString(),
                 QStringLiteral("2026-12-12T19:00:00"));
        QCOMPARE(op->fields.value(QStringLiteral("assignee")).toString(), dad);
        const QJsonObject completed = op->fields.value(QStringLiteral("completed")).toObject();
        QCOMPARE(completed.value(QStringLiteral("due")).toString(),
                 QStringLiteral("2026-12-05T19:00:00"));
        QCOMPARE(completed.value(QStringLiteral("by")).toString(), mum);
        QCOMPARE(completed.value(QStringLiteral("on")).toString(), QStringLiteral("2026-12-05"));
        // The wire form keeps the round, and the bytes are the encoder's.
        Error e;
        const Op decoded = Op::fromJson(op->toJson(), &e);
        QVERIFY2(!e, qPrintable(e.message));
        QCOMPARE(decoded.round, 1);
        QCOMPARE(op->toJsonBytes(), QJsonDocument(op->toJson()).toJson(QJsonDocument::Compact));
        r.apply(decoded);
        QCOMPARE(itemRound(*r.find(create.itemId)), 1);
        // The stored form keeps the round too.
        Entity back;
        QVERIFY(Entity::fromJson(r.find(create.itemId)->toJson(), &back));
        QCOMPARE(itemRound(back), 1);
        // A task that does not repeat is not completed this way.
        Entity plain = item;
        plain.fields.insert(QStringLiteral("repeat"), Entity::Field {QJsonValue(), create.stamp});
        QVERIFY(!completionOp(plain, mum, d("2026-12-05"), create.stamp));
    }

    // A completion made without seeing a later one loses, whatever its clock says.
    void staleCompletionLoses()
    {
        const QString mum = createUuid();
        Replica r;
        Op create;
        create.type = Op::Type::ItemCreate;
        create.listId = createUuid();
        create.itemId = createUuid();
        create.stamp = Hlc {1000, 0, QStringLiteral("a")};
        create.fields = {{QStringLiteral("title"), QStringLiteral("Water plants")},
                         {QStringLiteral("due"), QStringLiteral("2026-12-01")},
                         {QStringLiteral("repeat"), rule(R"({"unit":"day"})").toJson()}};
        r.apply(create);
        const Entity before = *r.find(create.itemId);
        // Device A completes twice; device B, offline with a clock far ahead, completes the
        // first occurrence once.
        const Op a1 =
            *completionOp(before, mum, d("2026-12-01"), Hlc {2000, 0, QStringLiteral("a")});
        r.apply(a1);
        const Op a2 = *completionOp(*r.find(create.itemId), mum, d("2026-12-02"),
                                    Hlc {3000, 0, QStringLiteral("a")});
        r.apply(a2);
        const Op b1 =
            *completionOp(before, mum, d("2026-12-01"), Hlc {900000, 0, QStringLiteral("b")});
        r.apply(b1);
        QCOMPARE(r.find(create.itemId)->value(QStringLiteral("due")).toString(),
                 QStringLiteral("2026-12-03"));
        QCOMPARE(itemRound(*r.find(create.itemId)), 2);
    }

    // The property: devices with their own replicas complete, edit the rule and the due
    // date, reorder and rotate while offline, exchange ops in random orders with
    // duplicates; all converge, and with a fixed rule every round advanced the due date
    // exactly once (one next occurrence per round: none doubled, none skipped).
    void devicesConverge_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<bool>("editRule");
        for (quint32 seed = 1; seed <= 30; ++seed) {
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed << false;
            QTest::newRow(qPrintable(QStringLiteral("seed %1, rule edits").arg(seed)))
                << seed << true;
        }
    }

    void devicesConverge()
    {
        QFETCH(quint32, seed);
        QFETCH(bool, editRule);
        QRandomGenerator rng(seed);
        const QStringList people {createUuid(), createUuid(), createUuid()};
        const QString list = createUuid(), task = createUuid();
        const Recurrence initialRule = [&] {
            Recurrence r = rule(R"({"unit":"week","weekdays":[2,6]})");
            r.rotation = people;
            return r;
        }();
        const QList<Recurrence> otherRules {
            rule(R"({"unit":"day","every":2})"), rule(R"({"unit":"month","monthDay":31})"),
            rule(R"({"unit":"week","weekdays":[1],"from":"today"})")};

        constexpr int kDevices = 3;
        QList<qint64> walls {1000, 1000, 400000}; // one clock far ahead
        QList<HlcClock> clocks;
        for (int n = 0; n < kDevices; ++n)
            clocks.append(
                HlcClock(QStringLiteral("dev%1").arg(n), [&walls, n] { return walls.at(n); }));
        QList<Replica> replicas(kDevices);
        QList<Op> all;
        QList<QSet<int>> seen(kDevices); // which of `all` each device has applied
        const auto apply = [&](int n, int index) {
            replicas[n].apply(all.at(index));
            seen[n].insert(index);
            clocks[n].observe(all.at(index).stamp);
        };
        Op create;
        create.type = Op::Type::ItemCreate;
        create.listId = list;
        create.itemId = task;
        create.stamp = clocks[0].now();
        create.fields = {{QStringLiteral("title"), QStringLiteral("Take out bins")},
                         {QStringLiteral("due"), QStringLiteral("2026-12-05T19:00:00")},
                         {QStringLiteral("assignee"), people.at(0)},
                         {QStringLiteral("repeat"), initialRule.toJson()},
                         {QStringLiteral("position"), QStringLiteral("a0")}};
        all.append(create);
        for (int n = 0; n < kDevices; ++n)
            apply(n, 0);

        QDate today = d("2026-12-05");
        for (int step = 0; step < 200; ++step) {
            const int n = int(rng.bounded(kDevices));
            walls[n] += qint64(rng.bounded(1000));
            if (rng.bounded(8) == 0)
                today = today.addDays(1);
            const Entity &mine = *replicas[n].find(task);
            std::optional<Op> op;
            // Mostly completions, made offline: syncs are rare, so stale ones are common.
            const int roll = int(rng.bounded(20));
            const int action = roll < 9 ? 0
                : roll < 12             ? 2
                : roll < 15             ? 3
                : roll < 17             ? 4
                : editRule              ? 5
                                        : 0;
            switch (action) {
            case 0: // someone does it
                op = completionOp(mine, people.at(rng.bounded(kDevices)), today, clocks[n].now());
                break;
            case 2: { // reorder
                Op move;
                move.type = Op::Type::ItemMove;
                move.listId = list;
                move.itemId = task;
                move.stamp = clocks[n].now();
                move.fields = {
                    {QStringLiteral("position"), QStringLiteral("a%1").arg(rng.bounded(9))}};
                op = move;
                break;
            }
            case 3: { // a sync: this device gets everything another one has seen
                const int from = int(rng.bounded(kDevices));
                QList<int> incoming = seen[from].values();
                std::sort(incoming.begin(), incoming.end()); // the same run for a seed
                for (int i = 0, size = int(incoming.size()); i < size / 4; ++i) // duplicates
                    incoming.append(incoming.at(rng.bounded(size)));
                std::shuffle(incoming.begin(), incoming.end(), rng);
                for (int index : std::as_const(incoming))
                    apply(n, index);
                break;
            }
            case 4: { // a rename: a field outside the rounds
                Op rename;
                rename.type = Op::Type::ItemSet;
                rename.listId = list;
                rename.itemId = task;
                rename.stamp = clocks[n].now();
                rename.fields = {{QStringLiteral("title"), QStringLiteral("Bins %1").arg(step)}};
                op = rename;
                break;
            }
            default: { // the rule or the date changes (the date at the current round)
                Op edit;
                edit.type = Op::Type::ItemSet;
                edit.listId = list;
                edit.itemId = task;
                edit.stamp = clocks[n].now();
                if (rng.bounded(2)) {
                    edit.fields = {{QStringLiteral("repeat"),
                                    otherRules.at(rng.bounded(int(otherRules.size()))).toJson()}};
                } else {
                    edit.round = itemRound(mine);
                    edit.fields = {{QStringLiteral("due"),
                                    today.addDays(rng.bounded(5)).toString(Qt::ISODate)}};
                }
                op = edit;
                break;
            }
            }
            if (op) {
                Error e;
                const Op decoded = Op::fromJson(op->toJson(), &e);
                if (e)
                    qFatal("generated an invalid op: %s", qPrintable(e.message));
                all.append(decoded);
                apply(n, int(all.size()) - 1);
            }
        }

        // Everyone gets everything, in their own order, with duplicates.
        QByteArray expected;
        for (int n = 0; n < kDevices; ++n) {
            QList<Op> incoming = all;
            for (int i = 0; i < all.size() / 4; ++i)
                incoming.append(all.at(rng.bounded(int(all.size()))));
            std::shuffle(incoming.begin(), incoming.end(), rng);
            for (const Op &o : std::as_const(incoming))
                replicas[n].apply(o);
            if (n == 0)
                expected = replicas[n].canonical();
            else
                QCOMPARE(replicas[n].canonical(), expected);
        }
        // A fresh replica applying the ops in the order they were made agrees too.
        Replica ordered;
        for (const Op &o : std::as_const(all))
            ordered.apply(o);
        QCOMPARE(ordered.canonical(), expected);

        if (editRule)
            return;
        // Fixed rule, from the due date: round k's due date is the first one advanced k
        // times, and its assignee the k-th next in the rotation.
        const Entity &final = *replicas[0].find(task);
        const int rounds = itemRound(final);
        QVERIFY(rounds > 0);
        // No completion is undone by one made without seeing it.
        int completions = 0;
        for (const Op &o : std::as_const(all))
            completions = std::max(completions, o.round);
        QCOMPARE(rounds, completions);
        QDate due = d("2026-12-05");
        QString who = people.at(0);
        for (int k = 0; k < rounds; ++k) {
            due = initialRule.nextAfter(due);
            who = initialRule.nextAssignee(who);
        }
        QCOMPARE(dueDate(final.value(QStringLiteral("due"))), due);
        QCOMPARE(final.value(QStringLiteral("assignee")).toString(), who);
        QCOMPARE(final.value(QStringLiteral("due")).toString().mid(10),
                 QStringLiteral("T19:00:00"));
    }
};

QTEST_GUILESS_MAIN(TestRecurrence)
#include "tst_recurrence.moc"
