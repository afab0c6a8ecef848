// Two people change the same item while the server is away: when it is back, the one whose
// change lost sees what happened on the row ("Dad set …, you set …") and can keep theirs;
// the winner's row names nobody. Then a change is taken back from the activity panel.
#include "journey.h"

#include <QGuiApplication>
#include <QQuickWindow>
#include <QTest>

using journey::inRow;
using journey::itemRow;
using journey::Person;
using journey::statusWord;
using journey::textOf;

class TestJourneyConflict : public QObject
{
    Q_OBJECT
    journey::ServerProcess m_server;

    static bool rename(Person &p, const QString &from, const QString &to)
    {
        if (!p.click(p.row(QStringLiteral("items"), from)))
            return false;
        p.key(Qt::Key_F2);
        if (!QTest::qWaitFor(
                [&] { return p.focused() && p.focused()->objectName() == QLatin1String("editor"); },
                3000))
            return false;
        p.key(Qt::Key_A, Qt::ControlModifier);
        p.type(to);
        p.key(Qt::Key_Return);
        return QTest::qWaitFor([&] { return p.itemTitles().contains(to); }, 3000);
    }
    // The activity entry whose sentence starts with `sentence`.
    static QQuickItem *entry(Person &p, const QString &sentence)
    {
        for (QQuickItem *button :
             p.findAll(QStringLiteral("revert"), p.find(QStringLiteral("activityList")))) {
            if (Person::accessibleName(button) == QStringLiteral("Take back: %1").arg(sentence))
                return button;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void conflictThenKeepMineThenRevert()
    {
        Person mum(m_server.address());
        QVERIFY(mum.open());
        QVERIFY(
            journey::signUp(mum, QStringLiteral("Mum"), QStringLiteral("mum@conflict.example")));
        QVERIFY(journey::makeList(mum, QStringLiteral("Groceries"), QStringLiteral("shopping")));
        QVERIFY(journey::addItems(mum, {QStringLiteral("Milk"), QStringLiteral("Butter")}));
        QVERIFY(mum.click(QStringLiteral("invite")));
        QString code;
        QTRY_VERIFY((code = textOf(mum.find(QStringLiteral("inviteCode")))).size() >= 6 &&
                    !code.contains(QLatin1Char(' ')));
        QVERIFY(mum.click(mum.inPopup(QStringLiteral("Close"))));
        Person dad(m_server.address());
        QVERIFY(dad.open());
        QVERIFY(journey::signUp(dad, QStringLiteral("Dad"), QStringLiteral("dad@conflict.example"),
                                {}, code));
        QTRY_VERIFY(dad.row(QStringLiteral("lists"), QStringLiteral("Groceries, 2 open")));
        QVERIFY(dad.click(dad.row(QStringLiteral("lists"), QStringLiteral("Groceries, 2 open"))));
        QTRY_COMPARE(dad.itemTitles(),
                     (QStringList {QStringLiteral("Milk"), QStringLiteral("Butter")}));

        // The server goes away; Mum renames Milk, then Dad does, differently.
        m_server.stop();
        QTRY_COMPARE_WITH_TIMEOUT(statusWord(mum), QStringLiteral("Offline"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(statusWord(dad), QStringLiteral("Offline"), 10000);
        QVERIFY(rename(mum, QStringLiteral("Milk"), QStringLiteral("Oat milk")));
        QVERIFY(rename(dad, QStringLiteral("Milk"), QStringLiteral("Whole milk")));

        // Back: the later change (by the clocks' stamps) wins on both screens; the other
        // person's row says theirs lost, and offers it back.
        QVERIFY(m_server.start());
        QTRY_COMPARE_WITH_TIMEOUT(statusWord(mum), QStringLiteral("Live"), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(statusWord(dad), QStringLiteral("Live"), 15000);
        QString winner;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QString &t :
                     {QStringLiteral("Oat milk"), QStringLiteral("Whole milk")}) {
                    if (mum.itemTitles().contains(t) && dad.itemTitles().contains(t))
                        winner = t;
                }
                return !winner.isEmpty();
            }(),
            10000);
        const bool dadWon = winner == QLatin1String("Whole milk");
        Person &won = dadWon ? dad : mum;
        Person &lost = dadWon ? mum : dad;
        const QString mine = dadWon ? QStringLiteral("Oat milk") : QStringLiteral("Whole milk");
        QTRY_VERIFY(inRow(lost, winner, QStringLiteral("conflict")));
        QCOMPARE(textOf(inRow(lost, winner, QStringLiteral("conflict"))),
                 QStringLiteral("%1 set %2, you set %3")
                     .arg(dadWon ? QStringLiteral("Dad") : QStringLiteral("Mum"), winner, mine));
        // The winner's row names nobody: the lost change was not a change to it.
        QVERIFY(!inRow(won, winner, QStringLiteral("changedBy")));
        QVERIFY(!inRow(won, winner, QStringLiteral("conflict")));

        // Keep mine: the loser's title everywhere, the conflict gone, the other row says who.
        QVERIFY(lost.click(inRow(lost, winner, QStringLiteral("keepMine"))));
        QTRY_VERIFY(lost.itemTitles().contains(mine));
        QTRY_VERIFY(!inRow(lost, mine, QStringLiteral("conflict")));
        QTRY_VERIFY(won.itemTitles().contains(mine));
        QTRY_COMPARE(textOf(inRow(won, mine, QStringLiteral("changedBy"))),
                     QStringLiteral("changed by %1, just now")
                         .arg(dadWon ? QStringLiteral("Mum") : QStringLiteral("Dad")));

        // Dad checks Butter off; Mum takes that back from the activity panel.
        QVERIFY(dad.click(inRow(dad, QStringLiteral("Butter"), QStringLiteral("check"))));
        QTRY_VERIFY(!mum.itemTitles().contains(QStringLiteral("Butter")));
        QVERIFY(mum.click(QStringLiteral("activityButton")));
        QTRY_VERIFY(mum.visible(QStringLiteral("activityPanel")));
        QQuickItem *takeBack = nullptr;
        QTRY_VERIFY((takeBack = entry(mum, QStringLiteral("Dad checked off Butter"))));
        QVERIFY(mum.click(takeBack));
        QTRY_VERIFY(mum.itemTitles().contains(QStringLiteral("Butter")));
        QTRY_VERIFY(dad.itemTitles().contains(QStringLiteral("Butter")));
        // The reverted row does not name Dad, whose change it no longer shows.
        QVERIFY(!inRow(mum, QStringLiteral("Butter"), QStringLiteral("changedBy")));
        // Escape closes the panel.
        mum.key(Qt::Key_Escape);
        QTRY_VERIFY(!mum.visible(QStringLiteral("activityPanel")));
    }
};

KINLIST_JOURNEY_MAIN(TestJourneyConflict)

#include "tst_journey_conflict.moc"
