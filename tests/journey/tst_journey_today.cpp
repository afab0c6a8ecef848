// Today, in two windows on one server: Mum gives the family's tasks dates and people; her
// Today shows what is overdue, due today and this week across the lists, under each
// person's face (hers first, nobody's last), with "Only mine" for her own; Dad ticks his
// task off in his Today and Mum's follows live; Undo brings it back; a row opens its list.
#include "journey.h"

#include <QDate>
#include <QLocale>
#include <QQuickWindow>
#include <QTest>

#include <algorithm>

using journey::inRow;
using journey::Person;
using journey::textOf;

namespace {
// The texts of the visible items named `name` in the Today view, top to bottom.
QStringList inToday(const Person &p, const QString &name)
{
    QList<QQuickItem *> found = p.findAll(name, p.find(QStringLiteral("today")));
    std::sort(found.begin(), found.end(), [](const QQuickItem *a, const QQuickItem *b) {
        return journey::sceneRect(a).top() < journey::sceneRect(b).top();
    });
    QStringList out;
    for (const QQuickItem *item : std::as_const(found))
        out.append(item->property("text").isValid()
                       ? textOf(item)
                       : Person::accessibleName(const_cast<QQuickItem *>(item)));
    return out;
}

QQuickItem *todayRow(const Person &p, const QString &title)
{
    for (QQuickItem *row : p.findAll(QStringLiteral("todayRow"), p.find(QStringLiteral("today")))) {
        if (row->property("title").toString() == title)
            return row;
    }
    return nullptr;
}

} // namespace

class TestJourneyToday : public QObject
{
    Q_OBJECT
    journey::ServerProcess m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void whatIsDue()
    {
        Person mum(m_server.address());
        QVERIFY(mum.open());
        QVERIFY(journey::signUp(mum, QStringLiteral("Mum"), QStringLiteral("mum@today.example")));
        const QString code = journey::inviteCode(mum);
        QVERIFY(!code.isEmpty());
        Person dad(m_server.address());
        QVERIFY(dad.open());
        QVERIFY(journey::signUp(dad, QStringLiteral("Dad"), QStringLiteral("dad@today.example"), {},
                                code));

        // Nothing due yet: Today says so.
        QVERIFY(mum.click(QStringLiteral("todayButton")));
        QTRY_VERIFY(mum.visible(QStringLiteral("todayEmpty")));
        QCOMPARE(textOf(mum.find(QStringLiteral("listTitle"))), QStringLiteral("Today"));

        QVERIFY(journey::makeList(mum, QStringLiteral("Groceries"), QStringLiteral("shopping")));
        QVERIFY(!mum.visible(QStringLiteral("today"))); // a new list opens in its place
        QVERIFY(journey::addItems(mum, {QStringLiteral("Milk")}));
        QVERIFY(journey::makeList(mum, QStringLiteral("Chores"), QStringLiteral("tasks")));
        QVERIFY(journey::addItems(mum,
                                  {QStringLiteral("Take out bins"), QStringLiteral("Water plants"),
                                   QStringLiteral("Pay bills"), QStringLiteral("Clean windows")}));
        const QDate today = QDate::currentDate();
        QVERIFY(
            journey::planTask(mum, QStringLiteral("Take out bins"), today, QStringLiteral("Dad")));
        QVERIFY(journey::planTask(mum, QStringLiteral("Water plants"), today.addDays(1),
                                  QStringLiteral("Mum")));
        QVERIFY(journey::planTask(mum, QStringLiteral("Pay bills"), today.addDays(-2), {}));
        QVERIFY(journey::planTask(mum, QStringLiteral("Clean windows"), today.addDays(20),
                                  QStringLiteral("Mum")));

        // Today: hers first, then Dad's, then nobody's; the far-off task and the shopping
        // are not in it; two are due now (the side bar says so).
        QVERIFY(mum.click(QStringLiteral("todayButton")));
        QTRY_VERIFY(mum.visible(QStringLiteral("today")));
        QVERIFY(!mum.visible(QStringLiteral("newItem")));
        const QStringList all {QStringLiteral("Water plants"), QStringLiteral("Take out bins"),
                               QStringLiteral("Pay bills")};
        QTRY_COMPARE(inToday(mum, QStringLiteral("todayTitle")), all);
        QCOMPARE(
            inToday(mum, QStringLiteral("todayGroup")),
            (QStringList {QStringLiteral("Mum"), QStringLiteral("Dad"), QStringLiteral("Anyone")}));
        QCOMPARE(
            inToday(mum, QStringLiteral("todayWhen")),
            (QStringList {QStringLiteral("Tomorrow · Chores"), QStringLiteral("Today · Chores"),
                          QStringLiteral("Overdue since %1 · Chores")
                              .arg(QLocale().toString(today.addDays(-2), QLocale::ShortFormat))}));
        QCOMPARE(textOf(mum.find(QStringLiteral("todayCount"))), QStringLiteral("2"));
        mum.settle();
        QVERIFY(mum.screenshot(QStringLiteral("today")));

        // Only mine.
        QVERIFY(mum.click(QStringLiteral("mineOnly")));
        QTRY_COMPARE(inToday(mum, QStringLiteral("todayTitle")),
                     QStringList {QStringLiteral("Water plants")});
        QVERIFY(mum.click(QStringLiteral("mineOnly")));
        QTRY_COMPARE(inToday(mum, QStringLiteral("todayTitle")), all);

        // Dad, by keyboard: Ctrl+T; his own task comes first for him; he ticks it off there.
        dad.key(Qt::Key_T, Qt::ControlModifier);
        QTRY_VERIFY(dad.visible(QStringLiteral("today")));
        QTRY_COMPARE(inToday(dad, QStringLiteral("todayTitle")),
                     (QStringList {QStringLiteral("Take out bins"), QStringLiteral("Water plants"),
                                   QStringLiteral("Pay bills")}));
        QVERIFY(dad.click(
            dad.find(QStringLiteral("todayDone"), todayRow(dad, QStringLiteral("Take out bins")))));
        const QStringList left {QStringLiteral("Water plants"), QStringLiteral("Pay bills")};
        QTRY_COMPARE(inToday(dad, QStringLiteral("todayTitle")), left);
        QTRY_COMPARE(inToday(mum, QStringLiteral("todayTitle")), left);
        QTRY_COMPARE(textOf(mum.find(QStringLiteral("todayCount"))), QStringLiteral("1"));
        // Undo, from his Today.
        QTRY_VERIFY(dad.visible(QStringLiteral("undoBar")));
        QVERIFY(dad.click(dad.find(QStringLiteral("undo"), dad.find(QStringLiteral("undoBar")))));
        QTRY_COMPARE(inToday(mum, QStringLiteral("todayTitle")), all);
        QTRY_COMPARE(inToday(dad, QStringLiteral("todayTitle")).size(), 3);

        // By keyboard: Down to Mum's plants, Space: they are done, and the keyboard is on
        // the task after them, not back at the top; Mum's changes leave it there too.
        dad.key(Qt::Key_T, Qt::ControlModifier);
        QQuickItem *view = dad.find(QStringLiteral("today"));
        QTRY_VERIFY(view->hasActiveFocus());
        view->setProperty("currentIndex", 0);
        dad.key(Qt::Key_Down);
        const auto current = [&] {
            QQuickItem *row = view->property("currentItem").value<QQuickItem *>();
            return row ? textOf(dad.find(QStringLiteral("todayTitle"), row)) : QString();
        };
        QTRY_COMPARE(current(), QStringLiteral("Water plants"));
        dad.key(Qt::Key_Space);
        QTRY_COMPARE(inToday(dad, QStringLiteral("todayTitle")),
                     (QStringList {QStringLiteral("Take out bins"), QStringLiteral("Pay bills")}));
        QTRY_COMPARE(current(), QStringLiteral("Pay bills"));
        QVERIFY(journey::openList(mum, QStringLiteral("Chores")));
        QVERIFY(
            journey::planTask(mum, QStringLiteral("Clean windows"), today, QStringLiteral("Mum")));
        QVERIFY(mum.click(QStringLiteral("todayButton")));
        QTRY_VERIFY(mum.visible(QStringLiteral("today")));
        QTRY_COMPARE(inToday(dad, QStringLiteral("todayTitle")).size(), 3);
        QCOMPARE(current(), QStringLiteral("Pay bills"));
        dad.key(Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(inToday(dad, QStringLiteral("todayTitle")).size(), 4);

        // A row opens its list, in place of Today.
        QVERIFY(mum.click(todayRow(mum, QStringLiteral("Pay bills"))));
        QTRY_VERIFY(!mum.visible(QStringLiteral("today")));
        QCOMPARE(textOf(mum.find(QStringLiteral("listTitle"))), QStringLiteral("Chores"));
        QVERIFY(mum.itemTitles().contains(QStringLiteral("Pay bills")));
        QVERIFY(mum.visible(QStringLiteral("newItem")));
    }
};

KINLIST_JOURNEY_MAIN(TestJourneyToday)

#include "tst_journey_today.moc"
