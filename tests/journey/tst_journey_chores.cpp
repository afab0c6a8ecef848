// Chores as a family keeps them: Mum makes "Take out bins" repeat on two weekdays of her
// choosing, taking turns with Dad (saved as a screenshot of its details). The server goes
// away and both of them check it off; back online there is one next occurrence, Dad's,
// not two (which would skip a date and give it back to Mum). A chore every 3 days moves on
// when done, and Undo brings the occurrence back.
#include "journey.h"

#include <QLocale>
#include <QQuickWindow>
#include <QTest>

using journey::inRow;
using journey::Person;
using journey::sceneRect;
using journey::statusWord;
using journey::textOf;

namespace {

QString shortDate(QDate d)
{
    return QLocale().toString(d, QLocale::ShortFormat);
}

QString taskInfo(const Person &p, const QString &title)
{
    return textOf(inRow(p, title, QStringLiteral("taskInfo")));
}

// Whether the round day button of ISO weekday `iso` in the details is chosen.
bool dayChosen(Person &p, int iso)
{
    QQuickItem *day = p.find(QStringLiteral("weekday_%1").arg(iso));
    return day && day->property("highlighted").toBool();
}

// The "take back" button of the activity entry whose sentence starts with `sentence`.
QQuickItem *takeBack(Person &p, const QString &sentence)
{
    for (QQuickItem *button :
         p.findAll(QStringLiteral("revert"), p.find(QStringLiteral("activityList")))) {
        if (Person::accessibleName(button).startsWith(QStringLiteral("Take back: ") + sentence))
            return button;
    }
    return nullptr;
}

} // namespace

class TestJourneyChores : public QObject
{
    Q_OBJECT
    journey::ServerProcess m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void takingTurnsOffline()
    {
        Person mum(m_server.address());
        Person dad(m_server.address());
        QVERIFY(mum.open());
        QVERIFY(journey::signUp(mum, QStringLiteral("Mum"), QStringLiteral("mum@chores.example")));
        QVERIFY(journey::makeList(mum, QStringLiteral("Chores"), QStringLiteral("tasks")));
        QVERIFY(journey::addItems(mum, {QStringLiteral("Take out bins")}));
        const QString code = journey::inviteCode(mum);
        QVERIFY(!code.isEmpty());
        QVERIFY(dad.open(QSize(900, 720)));
        QVERIFY(journey::signUp(dad, QStringLiteral("Dad"), QStringLiteral("dad@chores.example"),
                                {}, code));
        QTRY_VERIFY_WITH_TIMEOUT(dad.shows(QStringLiteral("Chores")), 10000);
        QVERIFY(journey::openList(dad, QStringLiteral("Chores")));

        // Mum's, from today, on today's weekday and the one three days on, taking turns.
        const QDate today = QDate::currentDate();
        const QDate later = today.addDays(3);
        QVERIFY(
            journey::planTask(mum, QStringLiteral("Take out bins"), today, QStringLiteral("Mum")));
        QVERIFY(mum.click(inRow(mum, QStringLiteral("Take out bins"), QStringLiteral("details"))));
        QTRY_VERIFY(mum.visible(QStringLiteral("detailsDialog")));
        QVERIFY(mum.click(QStringLiteral("detailsRepeat")));
        QQuickItem *custom = nullptr;
        QTRY_VERIFY((custom = mum.inPopup(QStringLiteral("Custom…"))));
        QVERIFY(mum.click(custom));
        QTRY_VERIFY(mum.visible(QStringLiteral("repeatUnit")));
        QCOMPARE(mum.find(QStringLiteral("repeatUnit"))->property("displayText").toString(),
                 QStringLiteral("week"));
        QVERIFY(dayChosen(mum, today.dayOfWeek())); // the task's own day, to begin with
        QVERIFY(!dayChosen(mum, later.dayOfWeek()));
        QVERIFY(mum.click(QStringLiteral("weekday_%1").arg(later.dayOfWeek())));
        QTRY_VERIFY(dayChosen(mum, later.dayOfWeek()));
        QVERIFY(mum.click(QStringLiteral("detailsRotate")));
        QTRY_VERIFY(mum.visible(QStringLiteral("turn_Dad")));
        QVERIFY(mum.find(QStringLiteral("turn_Mum"))->property("checked").toBool());
        QVERIFY(mum.find(QStringLiteral("turn_Dad"))->property("checked").toBool());
        mum.settle();
        QTest::qWait(300); // the check marks' animations, for the picture only
        QVERIFY(mum.screenshot(QStringLiteral("details-custom-repeat")));
        // In a lower window the details scroll: Save stays in sight, and the keyboard's
        // way down brings the last choice into view.
        mum.resize(QSize(1100, 540));
        QTRY_VERIFY(sceneRect(mum.find(QStringLiteral("detailsDialog"))).bottom() <= 540);
        QVERIFY(sceneRect(mum.find(QStringLiteral("detailsSave"))).bottom() <= 540);
        for (int tab = 0; tab < 40 && mum.focused() &&
             mum.focused()->objectName() != QLatin1String("detailsFromToday");
             ++tab)
            mum.key(Qt::Key_Tab);
        QCOMPARE(mum.focused()->objectName(), QStringLiteral("detailsFromToday"));
        QTRY_VERIFY(sceneRect(mum.find(QStringLiteral("detailsScroll")))
                        .contains(sceneRect(mum.focused())));
        mum.resize(QSize(1100, 720));
        QVERIFY(mum.click(QStringLiteral("detailsSave")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("detailsDialog")));

        const QLocale locale;
        const int first = std::min(today.dayOfWeek(), later.dayOfWeek());
        const int second = std::max(today.dayOfWeek(), later.dayOfWeek());
        const QString rule =
            QStringLiteral("every %1")
                .arg(locale.createSeparatedList({locale.dayName(first, QLocale::ShortFormat),
                                                 locale.dayName(second, QLocale::ShortFormat)}));
        const QString now = QStringLiteral("Mum · due %1 · %2").arg(shortDate(today), rule);
        QTRY_COMPARE(taskInfo(mum, QStringLiteral("Take out bins")), now);
        QTRY_COMPARE(taskInfo(dad, QStringLiteral("Take out bins")), now);

        // The server goes away; both of them do the chore and check it off.
        m_server.stop();
        QTRY_COMPARE_WITH_TIMEOUT(statusWord(mum), QStringLiteral("Offline"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(statusWord(dad), QStringLiteral("Offline"), 10000);
        QVERIFY(mum.click(inRow(mum, QStringLiteral("Take out bins"), QStringLiteral("check"))));
        QVERIFY(dad.click(inRow(dad, QStringLiteral("Take out bins"), QStringLiteral("check"))));
        // Each moves it on to its next day, Dad's turn.
        const QString next = QStringLiteral("Dad · due %1 · %2").arg(shortDate(later), rule);
        QTRY_COMPARE(taskInfo(mum, QStringLiteral("Take out bins")), next);
        QTRY_COMPARE(taskInfo(dad, QStringLiteral("Take out bins")), next);

        // Back online, each hears of the other's check...
        QVERIFY(m_server.start());
        QTRY_COMPARE_WITH_TIMEOUT(statusWord(mum), QStringLiteral("Live"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(statusWord(dad), QStringLiteral("Live"), 15000);
        QVERIFY2(
            journey::activityShows(
                mum, QStringLiteral("Dad did Take out bins, %1 in Chores").arg(shortDate(today))),
            qPrintable(
                mum.texts(mum.find(QStringLiteral("activityList"))).join(QStringLiteral(" | "))));
        QVERIFY(journey::activityShows(
            dad, QStringLiteral("Mum did Take out bins, %1 in Chores").arg(shortDate(today))));
        mum.key(Qt::Key_Escape);
        dad.key(Qt::Key_Escape);
        QTRY_VERIFY(!mum.visible(QStringLiteral("activityPanel")));
        QTRY_VERIFY(!dad.visible(QStringLiteral("activityPanel")));
        // ...and the chore is still once on the list, on its next day, Dad's.
        QCOMPARE(taskInfo(mum, QStringLiteral("Take out bins")), next);
        QCOMPARE(taskInfo(dad, QStringLiteral("Take out bins")), next);
        QCOMPARE(mum.itemTitles().count(QStringLiteral("Take out bins")), 1);
        QCOMPARE(dad.itemTitles().count(QStringLiteral("Take out bins")), 1);
        QVERIFY(!mum.shows(QStringLiteral("1 waiting")));
        QVERIFY(!dad.shows(QStringLiteral("1 waiting")));

        // Not done after all: Mum takes her check back from the activity, and the chore is
        // today's again, hers, on both computers.
        QVERIFY(mum.click(QStringLiteral("activityButton")));
        QTRY_VERIFY(mum.visible(QStringLiteral("activityPanel")));
        QQuickItem *back = nullptr;
        QTRY_VERIFY((back = takeBack(mum, QStringLiteral("Mum did Take out bins"))));
        QVERIFY(mum.click(back));
        QTRY_COMPARE(taskInfo(mum, QStringLiteral("Take out bins")), now);
        QTRY_COMPARE(taskInfo(dad, QStringLiteral("Take out bins")), now);
        mum.key(Qt::Key_Escape);
        QTRY_VERIFY(!mum.visible(QStringLiteral("activityPanel")));

        // Every 3 days, a number of its own: done, it moves on three days; Undo brings it
        // back to today.
        QVERIFY(journey::addItems(mum, {QStringLiteral("Water the plants")}));
        QVERIFY(journey::planTask(mum, QStringLiteral("Water the plants"), today, {}));
        QVERIFY(
            mum.click(inRow(mum, QStringLiteral("Water the plants"), QStringLiteral("details"))));
        QTRY_VERIFY(mum.visible(QStringLiteral("detailsDialog")));
        QVERIFY(mum.click(QStringLiteral("detailsRepeat")));
        QTRY_VERIFY((custom = mum.inPopup(QStringLiteral("Custom…"))));
        QVERIFY(mum.click(custom));
        QTRY_VERIFY(mum.visible(QStringLiteral("repeatEvery")));
        QVERIFY(mum.click(QStringLiteral("repeatUnit")));
        QQuickItem *days = nullptr;
        QTRY_VERIFY((days = mum.inPopup(QStringLiteral("day"))));
        QVERIFY(mum.click(days));
        QTRY_VERIFY(!mum.visible(QStringLiteral("weekdays")));
        // The number typed, as a person does: into the box's field, then Tab on.
        QQuickItem *every = mum.find(QStringLiteral("repeatEvery"));
        QVERIFY(mum.click(every->property("contentItem").value<QQuickItem *>()));
        mum.key(Qt::Key_A, Qt::ControlModifier);
        mum.type(QStringLiteral("3"));
        mum.key(Qt::Key_Tab);
        QTRY_COMPARE(every->property("value").toInt(), 3);
        QCOMPARE(mum.find(QStringLiteral("repeatUnit"))->property("displayText").toString(),
                 QStringLiteral("days"));
        QVERIFY(mum.click(QStringLiteral("detailsSave")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("detailsDialog")));
        QTRY_COMPARE(taskInfo(mum, QStringLiteral("Water the plants")),
                     QStringLiteral("due %1 · every 3 days").arg(shortDate(today)));
        QVERIFY(mum.click(inRow(mum, QStringLiteral("Water the plants"), QStringLiteral("check"))));
        QTRY_COMPARE(taskInfo(mum, QStringLiteral("Water the plants")),
                     QStringLiteral("due %1 · every 3 days").arg(shortDate(today.addDays(3))));
        QTRY_COMPARE(taskInfo(dad, QStringLiteral("Water the plants")),
                     QStringLiteral("due %1 · every 3 days").arg(shortDate(today.addDays(3))));
        mum.key(Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(taskInfo(mum, QStringLiteral("Water the plants")),
                     QStringLiteral("due %1 · every 3 days").arg(shortDate(today)));
        QTRY_COMPARE(taskInfo(dad, QStringLiteral("Water the plants")),
                     QStringLiteral("due %1 · every 3 days").arg(shortDate(today)));

        // The rent, every month on the 31st, which is the last day of a shorter month: due
        // today for a start; paid, it moves to the next 31st or month's end.
        QVERIFY(journey::addItems(mum, {QStringLiteral("Pay the rent")}));
        QVERIFY(journey::planTask(mum, QStringLiteral("Pay the rent"), today, {}));
        QVERIFY(mum.click(inRow(mum, QStringLiteral("Pay the rent"), QStringLiteral("details"))));
        QTRY_VERIFY(mum.visible(QStringLiteral("detailsDialog")));
        QVERIFY(mum.click(QStringLiteral("detailsRepeat")));
        QTRY_VERIFY((custom = mum.inPopup(QStringLiteral("Custom…"))));
        QVERIFY(mum.click(custom));
        QTRY_VERIFY(mum.visible(QStringLiteral("repeatUnit")));
        QVERIFY(mum.click(QStringLiteral("repeatUnit")));
        QQuickItem *months = nullptr;
        QTRY_VERIFY((months = mum.inPopup(QStringLiteral("month"))));
        QVERIFY(mum.click(months));
        QTRY_VERIFY(mum.visible(QStringLiteral("repeatDay")));
        QQuickItem *day = mum.find(QStringLiteral("repeatDay"));
        QCOMPARE(day->property("value").toInt(), today.day()); // the task's own, to begin with
        QVERIFY(mum.click(day->property("contentItem").value<QQuickItem *>()));
        mum.key(Qt::Key_A, Qt::ControlModifier);
        mum.type(QStringLiteral("31"));
        mum.key(Qt::Key_Tab);
        QTRY_COMPARE(day->property("value").toInt(), 31);
        QTRY_VERIFY(mum.shows(QStringLiteral("In shorter months, on their last day.")));
        QVERIFY(mum.click(QStringLiteral("detailsSave")));
        QTRY_VERIFY(!mum.visible(QStringLiteral("detailsDialog")));
        const QString monthly = QStringLiteral("every month on day 31");
        QTRY_COMPARE(taskInfo(mum, QStringLiteral("Pay the rent")),
                     QStringLiteral("due %1 · %2").arg(shortDate(today), monthly));
        QDate rentDay(today.year(), today.month(), today.daysInMonth());
        if (rentDay <= today) {
            const QDate nextMonth = today.addMonths(1);
            rentDay = QDate(nextMonth.year(), nextMonth.month(), nextMonth.daysInMonth());
        }
        QVERIFY(mum.click(inRow(mum, QStringLiteral("Pay the rent"), QStringLiteral("check"))));
        QTRY_COMPARE(taskInfo(mum, QStringLiteral("Pay the rent")),
                     QStringLiteral("due %1 · %2").arg(shortDate(rentDay), monthly));
        QTRY_COMPARE(taskInfo(dad, QStringLiteral("Pay the rent")),
                     QStringLiteral("due %1 · %2").arg(shortDate(rentDay), monthly));
    }
};

KINLIST_JOURNEY_MAIN(TestJourneyChores)

#include "tst_journey_chores.moc"
