// Unit tests of src/core: ids, the hybrid logical clock, fractional indexes, op
// validation and the per-field last-writer-wins merge.
#include "core/fracindex.h"
#include "core/hlc.h"
#include "core/op.h"
#include "core/replica.h"
#include "core/uuid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace kinlist;

class TestCore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void uuids()
    {
        const QString a = createUuid();
        QVERIFY(isValidUuid(a));
        QVERIFY(a != createUuid());
        QVERIFY(!isValidUuid(QStringLiteral("{") + a + QStringLiteral("}")));
        QVERIFY(!isValidUuid(a.toUpper()));
        QVERIFY(!isValidUuid(a.left(35) + QStringLiteral("g")));
        QVERIFY(!isValidUuid(QString()));
    }

    void hlcStringSortsLikeStamps()
    {
        QList<Hlc> stamps;
        QRandomGenerator rng(42);
        for (int i = 0; i < 500; ++i) {
            stamps.append(Hlc {qint64(rng.bounded(2000)) * 1000000LL + rng.bounded(1000),
                               int(rng.bounded(20)), QStringLiteral("n%1").arg(rng.bounded(3))});
        }
        for (const Hlc &a : stamps) {
            const Hlc &b = stamps.at(rng.bounded(int(stamps.size())));
            QCOMPARE(a < b, a.toString() < b.toString());
            const auto parsed = Hlc::parse(a.toString());
            QVERIFY(parsed);
            QCOMPARE(*parsed, a);
        }
        QVERIFY(!Hlc::parse(QStringLiteral("garbage")));
        QVERIFY(!Hlc::parse(QStringLiteral("00000000000000x-000000-n")));
        QVERIFY(!Hlc::parse(QStringLiteral("000000000000001-000000-")));
        QVERIFY(!Hlc::parse(QStringLiteral("000000000000001-000000-a b")));
    }

    void hlcClockIsMonotonic()
    {
        qint64 wall = 1000;
        HlcClock clock(QStringLiteral("a"), [&wall] { return wall; });
        const Hlc s1 = clock.now();
        const Hlc s2 = clock.now(); // same millisecond: counter moves
        QVERIFY(s1 < s2);
        QCOMPARE(s2.counter, 1);
        wall = 500; // wall clock stepped backwards
        const Hlc s3 = clock.now();
        QVERIFY(s2 < s3);
        clock.observe(Hlc {5000, 7, QStringLiteral("b")});
        const Hlc s4 = clock.now();
        QVERIFY(Hlc(Hlc {5000, 7, QStringLiteral("b")}) < s4);
        wall = 9000;
        const Hlc s5 = clock.now();
        QCOMPARE(s5.wallMs, 9000);
        QCOMPARE(s5.counter, 0);
    }

    void clampPullsFutureStampsBack()
    {
        const Hlc far {1000000, 3, QStringLiteral("x")};
        const Hlc clamped = clampStamp(far, 1000, 60);
        QCOMPARE(clamped.wallMs, 1060);
        QCOMPARE(clamped.counter, 3);
        const Hlc near {1010, 0, QStringLiteral("x")};
        QCOMPARE(clampStamp(near, 1000, 60), near);
    }

    void fracIndexBetween()
    {
        QRandomGenerator rng(7);
        QStringList keys {FracIndex::between(QString(), QString())};
        for (int i = 0; i < 2000; ++i) {
            const int at = int(rng.bounded(int(keys.size()) + 1));
            const QString before = at > 0 ? keys.at(at - 1) : QString();
            const QString after = at < keys.size() ? keys.at(at) : QString();
            const QString k = FracIndex::between(before, after);
            QVERIFY2(FracIndex::isValid(k), qPrintable(k));
            if (!before.isEmpty())
                QVERIFY2(before < k, qPrintable(before + QStringLiteral(" < ") + k));
            if (!after.isEmpty())
                QVERIFY2(k < after, qPrintable(k + QStringLiteral(" < ") + after));
            keys.insert(at, k);
        }
        // Appending or prepending 10,000 times keeps keys short (logarithmic growth).
        QString last = FracIndex::between(QString(), QString());
        QString first = last;
        for (int i = 0; i < 10000; ++i) {
            const QString next = FracIndex::between(last, QString());
            QVERIFY(last < next);
            last = next;
            const QString prev = FracIndex::between(QString(), first);
            QVERIFY(prev < first);
            first = prev;
        }
        QVERIFY2(last.size() <= 4, qPrintable(last));
        QVERIFY2(first.size() <= 4, qPrintable(first));
        QVERIFY(FracIndex::isValid(last) && FracIndex::isValid(first));
        QVERIFY(FracIndex::isValid(QStringLiteral("a0")));
        QVERIFY(FracIndex::isValid(QStringLiteral("a0V")));
        QVERIFY(!FracIndex::isValid(QStringLiteral("a0V0")));
        QVERIFY(!FracIndex::isValid(QStringLiteral("V0")));
        QVERIFY(!FracIndex::isValid(QStringLiteral("a-b")));
        QVERIFY(!FracIndex::isValid(QString()));
    }

    void fracIndexStaysInRange()
    {
        // Found by fuzzing: the key before the integer just above the smallest one was the
        // smallest integer itself, which is not a valid key.
        const QString nearBottom =
            QStringLiteral("A") + QString(25, QLatin1Char('0')) + QLatin1Char('1');
        QVERIFY(FracIndex::isValid(nearBottom));
        const QString below = FracIndex::between(QString(), nearBottom);
        QVERIFY2(FracIndex::isValid(below), qPrintable(below));
        QVERIFY(below < nearBottom);
        // After the very last key there is no room left within 200 characters: no key,
        // rather than one that is too long.
        const QString top(FracIndex::kMaxLength, QLatin1Char('z'));
        QVERIFY(FracIndex::isValid(top));
        QCOMPARE(FracIndex::between(top, QString()), QString());
        QVERIFY(FracIndex::needsRebalance(QString()));
        QVERIFY(FracIndex::needsRebalance(top));
        QVERIFY(!FracIndex::needsRebalance(QStringLiteral("a0V")));
        // Inserting into one gap again and again grows keys by about a character each
        // time; a fresh spread of keys is short and in order.
        QString lo = QStringLiteral("a0");
        const QString hi = QStringLiteral("a1");
        int inserts = 0;
        while (!FracIndex::needsRebalance(lo) && inserts < 1000) {
            lo = FracIndex::between(lo, hi);
            ++inserts;
        }
        QVERIFY(FracIndex::needsRebalance(lo));
        QVERIFY2(inserts > 40, "keys grow slowly"); // far more inserts than a family makes
        const QStringList keys = FracIndex::spread(5000);
        QCOMPARE(keys.size(), 5000);
        for (int i = 1; i < keys.size(); ++i)
            QVERIFY(keys.at(i - 1) < keys.at(i));
        QVERIFY(keys.constLast().size() <= 4);
    }

    void opValidation_data()
    {
        QTest::addColumn<QJsonObject>("op");
        QTest::addColumn<int>("code");
        const QString list = createUuid();
        const QString item = createUuid();
        const QString stamp = Hlc {1, 0, QStringLiteral("n")}.toString();
        auto base = [&](const QJsonObject &fields) {
            return QJsonObject {{QStringLiteral("type"), QStringLiteral("item.set")},
                                {QStringLiteral("listId"), list},
                                {QStringLiteral("itemId"), item},
                                {QStringLiteral("stamp"), stamp},
                                {QStringLiteral("fields"), fields}};
        };
        QTest::newRow("ok") << base({{QStringLiteral("title"), QStringLiteral("Milk")}})
                            << int(ErrorCode::None);
        QTest::newRow("quotes and unicode")
            << base({{QStringLiteral("title"),
                      QString::fromUtf8("Milk \"2%\" \\ \u00fc\u2014\U0001F95B")},
                     {QStringLiteral("quantity"), 1.5}})
            << int(ErrorCode::None);
        QTest::newRow("long title")
            << base({{QStringLiteral("title"), QString(501, QLatin1Char('x'))}})
            << int(ErrorCode::TooLong);
        QTest::newRow("max title")
            << base({{QStringLiteral("title"), QString(500, QLatin1Char('x'))}})
            << int(ErrorCode::None);
        QTest::newRow("long note")
            << base({{QStringLiteral("note"), QString(10001, QLatin1Char('x'))}})
            << int(ErrorCode::TooLong);
        QTest::newRow("empty title")
            << base({{QStringLiteral("title"), QStringLiteral("  ")}}) << int(ErrorCode::BadValue);
        QTest::newRow("title number")
            << base({{QStringLiteral("title"), 5}}) << int(ErrorCode::WrongType);
        QTest::newRow("done string")
            << base({{QStringLiteral("done"), QStringLiteral("yes")}}) << int(ErrorCode::WrongType);
        QTest::newRow("quantity negative")
            << base({{QStringLiteral("quantity"), -1}}) << int(ErrorCode::BadValue);
        QTest::newRow("assignee bad") << base({{QStringLiteral("assignee"), QStringLiteral("bob")}})
                                      << int(ErrorCode::BadUuid);
        QTest::newRow("due bad") << base({{QStringLiteral("due"), QStringLiteral("tomorrow")}})
                                 << int(ErrorCode::BadValue);
        QTest::newRow("due ok") << base({{QStringLiteral("due"), QStringLiteral("2026-12-01")}})
                                << int(ErrorCode::None);
        QTest::newRow("unknown field") << base({{QStringLiteral("colour"), QStringLiteral("red")}})
                                       << int(ErrorCode::BadValue);
        QTest::newRow("server field")
            << base({{QStringLiteral("createdBy"), createUuid()}}) << int(ErrorCode::BadValue);
        QTest::newRow("empty set") << base({}) << int(ErrorCode::BadValue);
        QJsonObject badId = base({{QStringLiteral("title"), QStringLiteral("x")}});
        badId.insert(QStringLiteral("itemId"), QStringLiteral("1234"));
        QTest::newRow("bad item id") << badId << int(ErrorCode::BadUuid);
        QJsonObject noStamp = base({{QStringLiteral("title"), QStringLiteral("x")}});
        noStamp.remove(QStringLiteral("stamp"));
        QTest::newRow("no stamp") << noStamp << int(ErrorCode::MissingField);
        QJsonObject badStamp = base({{QStringLiteral("title"), QStringLiteral("x")}});
        badStamp.insert(QStringLiteral("stamp"), QStringLiteral("yesterday"));
        QTest::newRow("bad stamp") << badStamp << int(ErrorCode::BadValue);
        QJsonObject create = base({{QStringLiteral("note"), QStringLiteral("x")}});
        create.insert(QStringLiteral("type"), QStringLiteral("item.create"));
        QTest::newRow("create without title") << create << int(ErrorCode::MissingField);
        QJsonObject move = base({{QStringLiteral("position"), QStringLiteral("V0")}});
        move.insert(QStringLiteral("type"), QStringLiteral("item.move"));
        QTest::newRow("bad position") << move << int(ErrorCode::BadValue);
        QJsonObject unknownType = base({{QStringLiteral("title"), QStringLiteral("x")}});
        unknownType.insert(QStringLiteral("type"), QStringLiteral("item.explode"));
        QTest::newRow("unknown op") << unknownType << int(ErrorCode::BadValue);
        QJsonObject listCreate {
            {QStringLiteral("type"), QStringLiteral("list.create")},
            {QStringLiteral("listId"), list},
            {QStringLiteral("stamp"), stamp},
            {QStringLiteral("fields"),
             QJsonObject {{QStringLiteral("name"), QStringLiteral("G")},
                          {QStringLiteral("kind"), QStringLiteral("shopping")}}}};
        QTest::newRow("list without household") << listCreate << int(ErrorCode::MissingField);
        listCreate.insert(QStringLiteral("householdId"), createUuid());
        QTest::newRow("list create ok") << listCreate << int(ErrorCode::None);
        QJsonObject listSet {{QStringLiteral("type"), QStringLiteral("list.set")},
                             {QStringLiteral("listId"), list},
                             {QStringLiteral("stamp"), stamp}};
        const auto listFields = [&listSet](const QJsonObject &fields) {
            QJsonObject o = listSet;
            o.insert(QStringLiteral("fields"), fields);
            return o;
        };
        QTest::newRow("list color")
            << listFields({{QStringLiteral("color"), QStringLiteral("teal")}})
            << int(ErrorCode::None);
        QTest::newRow("list color none")
            << listFields({{QStringLiteral("color"), QJsonValue::Null}}) << int(ErrorCode::None);
        QTest::newRow("list color unknown")
            << listFields({{QStringLiteral("color"), QStringLiteral("#ff0000")}})
            << int(ErrorCode::BadValue);
        QTest::newRow("list color number")
            << listFields({{QStringLiteral("color"), 3}}) << int(ErrorCode::WrongType);
        const auto order = [](const QStringList &names) {
            return QJsonArray::fromStringList(names);
        };
        QTest::newRow("category order")
            << listFields({{QStringLiteral("categoryOrder"),
                            order({QStringLiteral("Bakery"), QStringLiteral("Dairy")})}})
            << int(ErrorCode::None);
        QTest::newRow("category order none")
            << listFields({{QStringLiteral("categoryOrder"), QJsonValue::Null}})
            << int(ErrorCode::None);
        QTest::newRow("category order not an array")
            << listFields({{QStringLiteral("categoryOrder"), QStringLiteral("Dairy")}})
            << int(ErrorCode::WrongType);
        QTest::newRow("category order of numbers")
            << listFields({{QStringLiteral("categoryOrder"), QJsonArray {1, 2}}})
            << int(ErrorCode::WrongType);
        QTest::newRow("category order twice")
            << listFields({{QStringLiteral("categoryOrder"),
                            order({QStringLiteral("Dairy"), QStringLiteral("Dairy")})}})
            << int(ErrorCode::BadValue);
        QTest::newRow("category order blank")
            << listFields({{QStringLiteral("categoryOrder"), order({QStringLiteral(" ")})}})
            << int(ErrorCode::BadValue);
        QStringList many;
        for (int i = 0; i <= Limits::kCategoryOrder; ++i)
            many << QStringLiteral("C%1").arg(i);
        QTest::newRow("category order too long")
            << listFields({{QStringLiteral("categoryOrder"), order(many)}})
            << int(ErrorCode::TooLong);
        QTest::newRow("category order entry too long")
            << listFields({{QStringLiteral("categoryOrder"),
                            order({QString(Limits::kCategory + 1, QLatin1Char('c'))})}})
            << int(ErrorCode::TooLong);
        QTest::newRow("list unarchived")
            << listFields({{QStringLiteral("archived"), false}, {QStringLiteral("deleted"), false}})
            << int(ErrorCode::None);
    }

    void opValidation()
    {
        QFETCH(QJsonObject, op);
        QFETCH(int, code);
        Error e;
        const Op decoded = Op::fromJson(op, &e);
        QCOMPARE(int(e.code), code);
        if (code == int(ErrorCode::None)) {
            Error again;
            const Op roundTrip = Op::fromJson(decoded.toJson(), &again);
            QVERIFY(!again);
            QCOMPARE(roundTrip.toJson(), decoded.toJson());
            QCOMPARE(decoded.toJsonBytes(),
                     QJsonDocument(decoded.toJson()).toJson(QJsonDocument::Compact));
        } else {
            QVERIFY(!e.message.isEmpty());
        }
    }

    void mergeIsLastWriterWinsPerField()
    {
        const QString list = createUuid();
        const QString item = createUuid();
        auto set = [&](qint64 wall, const QString &node, const QJsonObject &fields) {
            Op op;
            op.type = Op::Type::ItemSet;
            op.listId = list;
            op.itemId = item;
            op.stamp = Hlc {wall, 0, node};
            op.fields = fields;
            return op;
        };
        Replica r;
        QCOMPARE(r.apply(set(10, QStringLiteral("a"),
                             {{QStringLiteral("title"), QStringLiteral("Milk")},
                              {QStringLiteral("quantity"), 1}})),
                 QStringList({QStringLiteral("quantity"), QStringLiteral("title")}));
        // Older write to title loses, newer write to quantity wins: per field.
        const QStringList changed =
            r.apply(set(20, QStringLiteral("b"), {{QStringLiteral("quantity"), 3}}));
        QCOMPARE(changed, QStringList {QStringLiteral("quantity")});
        QVERIFY(r.apply(set(5, QStringLiteral("c"),
                            {{QStringLiteral("title"), QStringLiteral("Old")},
                             {QStringLiteral("quantity"), 9}}))
                    .isEmpty());
        QCOMPARE(r.find(item)->value(QStringLiteral("title")).toString(), QStringLiteral("Milk"));
        QCOMPARE(r.find(item)->value(QStringLiteral("quantity")).toInt(), 3);
        // Same wall time: node breaks the tie.
        r.apply(set(20, QStringLiteral("a"), {{QStringLiteral("quantity"), 7}}));
        QCOMPARE(r.find(item)->value(QStringLiteral("quantity")).toInt(), 3);
        // Applying the same op again changes nothing.
        const Op del = [&] {
            Op o = set(30, QStringLiteral("a"), {{QStringLiteral("deleted"), true}});
            o.type = Op::Type::ItemDelete;
            return o;
        }();
        QCOMPARE(r.apply(del), QStringList {QStringLiteral("deleted")});
        QVERIFY(r.apply(del).isEmpty());
        QVERIFY(r.find(item)->isDeleted());
        // An older edit after the tombstone does not revive the item.
        r.apply(set(25, QStringLiteral("z"), {{QStringLiteral("deleted"), false}}));
        QVERIFY(r.find(item)->isDeleted());
        // The entity survives its JSON form.
        Entity back;
        QVERIFY(Entity::fromJson(r.find(item)->toJson(), &back));
        QCOMPARE(back.toJson(), r.find(item)->toJson());
    }
};

QTEST_GUILESS_MAIN(TestCore)
#include "tst_core.moc"
