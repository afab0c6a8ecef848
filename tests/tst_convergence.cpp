// Property test of the merge rule: seeded random op sequences from several nodes (rounds
// of repeating tasks among them), applied in random orders and with duplicates, always
// converge to the same state.
#include "core/hlc.h"
#include "core/op.h"
#include "core/replica.h"
#include "core/uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace kinlist;

class TestConvergence : public QObject
{
    Q_OBJECT

    static QList<Op> randomOps(QRandomGenerator &rng, int count)
    {
        const QString list = createUuid();
        QStringList items;
        for (int i = 0; i < 6; ++i)
            items << createUuid();
        // Three nodes with their own clocks, some stepping backwards, observing each other.
        QList<qint64> walls {1000, 1000, 5000};
        QList<HlcClock> clocks;
        for (int n = 0; n < 3; ++n)
            clocks.append(
                HlcClock(QStringLiteral("node%1").arg(n), [&walls, n] { return walls.at(n); }));
        const QStringList titles {QStringLiteral("Milk"), QStringLiteral("Eggs"),
                                  QStringLiteral("Bread")};
        QList<Op> ops;
        for (int i = 0; i < count; ++i) {
            const int n = int(rng.bounded(3));
            walls[n] += qint64(rng.bounded(3)) - 1; // sometimes goes back
            if (rng.bounded(10) == 0 && !ops.isEmpty())
                clocks[n].observe(ops.at(rng.bounded(int(ops.size()))).stamp);
            Op op;
            op.listId = list;
            op.itemId = items.at(rng.bounded(int(items.size())));
            op.stamp = clocks[n].now();
            switch (rng.bounded(6)) {
            case 0:
                op.type = Op::Type::ItemCreate;
                op.fields = {{QStringLiteral("title"), titles.at(rng.bounded(3))},
                             {QStringLiteral("done"), false}};
                break;
            case 1:
                op.type = Op::Type::ItemSet;
                op.fields = {{QStringLiteral("done"), rng.bounded(2) == 1}};
                break;
            case 2:
                op.type = Op::Type::ItemSet;
                op.fields = {{QStringLiteral("quantity"), int(rng.bounded(5))},
                             {QStringLiteral("title"), titles.at(rng.bounded(3))}};
                break;
            case 5: // a repeating task's round: completions and edits at a round
                op.type = Op::Type::ItemSet;
                op.round = int(rng.bounded(4));
                op.fields = {
                    {QStringLiteral("due"), QStringLiteral("2026-12-%1").arg(10 + rng.bounded(9))},
                    {QStringLiteral("title"), titles.at(rng.bounded(3))}};
                if (rng.bounded(2))
                    op.fields.insert(
                        QStringLiteral("repeat"),
                        QJsonObject {{QStringLiteral("unit"), QStringLiteral("day")},
                                     {QStringLiteral("every"), int(rng.bounded(3)) + 1}});
                break;
            case 3:
                op.type = Op::Type::ItemDelete;
                op.fields = {{QStringLiteral("deleted"), true}};
                break;
            default:
                op.type = Op::Type::ItemMove;
                op.fields = {
                    {QStringLiteral("position"), QStringLiteral("a%1").arg(rng.bounded(10))}};
                break;
            }
            // Every op survives the wire form, and the hand-written bytes are the encoder's.
            Error e;
            const Op decoded = Op::fromJson(op.toJson(), &e);
            if (e)
                qFatal("generated an invalid op: %s", qPrintable(e.message));
            if (op.toJsonBytes() != QJsonDocument(op.toJson()).toJson(QJsonDocument::Compact))
                qFatal("toJsonBytes differs from the JSON encoder: %s",
                       op.toJsonBytes().constData());
            ops.append(decoded);
        }
        return ops;
    }

private Q_SLOTS:
    void converges_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 40; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }

    void converges()
    {
        QFETCH(quint32, seed);
        QRandomGenerator rng(seed);
        const QList<Op> ops = randomOps(rng, 200);
        Replica reference;
        for (const Op &op : ops)
            reference.apply(op);
        const QByteArray expected = reference.canonical();
        QVERIFY(!expected.isEmpty());
        for (int round = 0; round < 8; ++round) {
            QList<Op> shuffled = ops;
            // Duplicates: a quarter of the ops arrive twice.
            for (int i = 0; i < ops.size() / 4; ++i)
                shuffled.append(ops.at(rng.bounded(int(ops.size()))));
            std::shuffle(shuffled.begin(), shuffled.end(), rng);
            Replica r;
            for (const Op &op : std::as_const(shuffled))
                r.apply(op);
            QCOMPARE(r.canonical(), expected);
        }
    }

    void convergesWhenMergingReplicas()
    {
        // Two replicas that saw disjoint halves exchange everything: same state.
        QRandomGenerator rng(99);
        const QList<Op> ops = randomOps(rng, 300);
        Replica a, b;
        for (int i = 0; i < ops.size(); ++i)
            (i % 2 ? a : b).apply(ops.at(i));
        QVERIFY(a.canonical() != b.canonical());
        for (int i = 0; i < ops.size(); ++i)
            (i % 2 ? b : a).apply(ops.at(i));
        QCOMPARE(a.canonical(), b.canonical());
    }
};

QTEST_GUILESS_MAIN(TestConvergence)
#include "tst_convergence.moc"
