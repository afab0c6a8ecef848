// Two people, two windows, one server: Mum invites Dad, Dad joins with the code, and each
// sees the other's changes arrive live (a toast, "changed by", the faces of who is looking).
#include "journey.h"

#include <QGuiApplication>
#include <QQuickWindow>
#include <QTest>

using journey::inRow;
using journey::itemRow;
using journey::Person;
using journey::statusWord;
using journey::textOf;

class TestJourneyFamily : public QObject
{
    Q_OBJECT
    journey::ServerProcess m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void inviteJoinAndWatchChangesArrive()
    {
        Person mum(m_server.address());
        QVERIFY(mum.open());
        QVERIFY(journey::signUp(mum, QStringLiteral("Mum"), QStringLiteral("mum@family.example")));
        QVERIFY(journey::makeList(mum, QStringLiteral("Groceries"), QStringLiteral("shopping")));
        QVERIFY(journey::addItems(mum, {QStringLiteral("Milk"), QStringLiteral("Eggs")}));

        // Mum makes an invite code; it shows in the invite dialog.
        QVERIFY(mum.click(QStringLiteral("invite")));
        QString code;
        QTRY_VERIFY((code = textOf(mum.find(QStringLiteral("inviteCode")))).size() >= 6 &&
                    !code.contains(QLatin1Char(' ')));
        QVERIFY(mum.click(mum.inPopup(QStringLiteral("Close"))));
        QTRY_VERIFY(!mum.visible(QStringLiteral("inviteDialog")));

        // Dad, on his computer, joins with it and sees the family's list.
        Person dad(m_server.address());
        QVERIFY(dad.open());
        QVERIFY(journey::signUp(dad, QStringLiteral("Dad"), QStringLiteral("dad@family.example"),
                                {}, code));
        QTRY_VERIFY(dad.shows(QStringLiteral("The Smiths")));
        QTRY_VERIFY(dad.row(QStringLiteral("lists"), QStringLiteral("Groceries, 2 open")));
        QVERIFY(dad.click(dad.row(QStringLiteral("lists"), QStringLiteral("Groceries, 2 open"))));
        QTRY_COMPARE(dad.itemTitles(),
                     (QStringList {QStringLiteral("Milk"), QStringLiteral("Eggs")}));

        // Both look at Groceries: each sees the other's face.
        QTRY_VERIFY(mum.visible(QStringLiteral("Dad is looking at this list")));
        QTRY_VERIFY(dad.visible(QStringLiteral("Mum is looking at this list")));

        // Dad adds bread: Mum's list shows it, with a toast saying who.
        QVERIFY(journey::addItems(dad, {QStringLiteral("Cheese")}));
        QTRY_COMPARE(mum.itemTitles(),
                     (QStringList {QStringLiteral("Milk"), QStringLiteral("Eggs"),
                                   QStringLiteral("Cheese")}));
        QTRY_VERIFY(mum.visible(QStringLiteral("Dad added Cheese to Groceries")));
        QCOMPARE(textOf(inRow(mum, QStringLiteral("Cheese"), QStringLiteral("changedBy"))),
                 QStringLiteral("added by Dad, just now"));

        // Dad renames Eggs: Mum's row says who changed it.
        QVERIFY(dad.click(dad.row(QStringLiteral("items"), QStringLiteral("Eggs"))));
        dad.key(Qt::Key_F2);
        QTRY_VERIFY(dad.focused() && dad.focused()->objectName() == QLatin1String("editor"));
        dad.key(Qt::Key_A, Qt::ControlModifier);
        dad.type(QStringLiteral("Free-range eggs"));
        dad.key(Qt::Key_Return);
        QTRY_VERIFY(mum.itemTitles().contains(QStringLiteral("Free-range eggs")));
        QTRY_COMPARE(
            textOf(inRow(mum, QStringLiteral("Free-range eggs"), QStringLiteral("changedBy"))),
            QStringLiteral("changed by Dad, just now"));

        // Dad checks off the milk: gone from Mum's list too; the toast says so.
        QVERIFY(dad.click(inRow(dad, QStringLiteral("Milk"), QStringLiteral("check"))));
        QTRY_VERIFY(!mum.itemTitles().contains(QStringLiteral("Milk")));
        QTRY_VERIFY(mum.visible(QStringLiteral("Dad checked off Milk")));
        // A click on the toast's close button dismisses it.
        QQuickItem *toast = mum.find(QStringLiteral("Dad checked off Milk"));
        QVERIFY(mum.click(mum.find(QStringLiteral("dismissToast"), toast)));
        QTRY_VERIFY(!mum.visible(QStringLiteral("Dad checked off Milk")));

        // Two changes at once: Mum sees the newest toast with "1 more" above it, not a
        // column of toasts over her rows; the button unfolds the other, which stays while
        // she reads, and a toast's close button takes one away.
        QTRY_VERIFY_WITH_TIMEOUT(!mum.visible(QStringLiteral("toasts")) ||
                                     mum.find(QStringLiteral("toasts"))->height() < 1,
                                 15000); // the earlier toasts have gone
        QVERIFY(journey::addItems(dad, {QStringLiteral("Butter")}));
        QVERIFY(dad.click(inRow(dad, QStringLiteral("Cheese"), QStringLiteral("check"))));
        QTRY_VERIFY(mum.visible(QStringLiteral("Dad checked off Cheese")));
        QTRY_VERIFY(mum.visible(QStringLiteral("1 more")));
        QVERIFY(!mum.visible(QStringLiteral("Dad added Butter to Groceries")));
        QVERIFY(mum.screenshot(QStringLiteral("toasts-folded")));
        QVERIFY(mum.click(mum.find(QStringLiteral("1 more"))));
        QTRY_VERIFY(mum.visible(QStringLiteral("Dad added Butter to Groceries")));
        QVERIFY(mum.visible(QStringLiteral("Dad checked off Cheese")));
        QVERIFY(!mum.visible(QStringLiteral("1 more")));
        QVERIFY(mum.screenshot(QStringLiteral("toasts-unfolded")));
        QQuickItem *butter = mum.find(QStringLiteral("Dad added Butter to Groceries"));
        QVERIFY(mum.click(mum.find(QStringLiteral("dismissToast"), butter)));
        QTRY_VERIFY(!mum.visible(QStringLiteral("Dad added Butter to Groceries")));
        QVERIFY(mum.visible(QStringLiteral("Dad checked off Cheese")));
        QVERIFY(!mum.visible(QStringLiteral("1 more")));

        // Dad leaves: his face goes from Mum's header.
        dad.close();
        QTRY_VERIFY(!mum.visible(QStringLiteral("Dad is looking at this list")));
    }
};

KINLIST_JOURNEY_MAIN(TestJourneyFamily)

#include "tst_journey_family.moc"
