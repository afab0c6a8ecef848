// The kitchen tablet, as a family sets it up and uses it: an owner makes a pairing code in
// Settings; on the tablet (full screen, 1280x800, Qt's on-screen keyboard) the code, a name
// and a PIN are typed with the keyboard up; the home shows the lists as large tiles; a face
// is tapped and an item checked off as that person, which the desktop shows with who did
// it; a weekly chore taken in turns is done on the tablet's list as Dad, moves on to next
// week and to Mum, and is taken back; cleaning mode makes the whole screen ignore touches,
// top bar too; the PIN leaves.
#include "journey.h"

#include <QGuiApplication>
#include <QInputMethod>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using journey::inRow;
using journey::itemRow;
using journey::Person;
using journey::sceneRect;
using journey::statusWord;
using journey::textOf;

class TestJourneyKiosk : public QObject
{
    Q_OBJECT
    journey::ServerProcess m_server;

    // The focused field is above the on-screen keyboard, whole.
    static bool aboveKeyboard(Person &p)
    {
        QInputMethod *im = QGuiApplication::inputMethod();
        if (!im->isVisible())
            return true;
        // (The keyboard docks at the bottom; its rectangle comes in its own coordinates.)
        const qreal top = p.window()->height() - im->keyboardRectangle().height();
        return p.focused() && sceneRect(p.focused()).bottom() <= top + 1;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void pairUseCleanAndLeave()
    {
        // The family: Mum (owner) and Dad, on their computers.
        Person mum(m_server.address());
        QVERIFY(mum.open());
        QVERIFY(journey::signUp(mum, QStringLiteral("Mum"), QStringLiteral("mum@kiosk.example")));
        QVERIFY(journey::makeList(mum, QStringLiteral("Groceries"), QStringLiteral("shopping")));
        QVERIFY(journey::addItems(mum, {QStringLiteral("Milk"), QStringLiteral("Bread")}));
        QVERIFY(journey::makeList(mum, QStringLiteral("Chores"), QStringLiteral("tasks")));
        QVERIFY(
            journey::addItems(mum, {QStringLiteral("Bins out"), QStringLiteral("Water plants")}));
        QVERIFY(mum.click(QStringLiteral("invite")));
        QString invite;
        QTRY_VERIFY((invite = textOf(mum.find(QStringLiteral("inviteCode")))).size() >= 6 &&
                    !invite.contains(QLatin1Char(' ')));
        QVERIFY(mum.click(mum.inPopup(QStringLiteral("Close"))));
        {
            Person dad(m_server.address());
            QVERIFY(dad.open());
            QVERIFY(journey::signUp(dad, QStringLiteral("Dad"), QStringLiteral("dad@kiosk.example"),
                                    {}, invite));
        }
        // The bins go out today, Dad's job.
        QVERIFY(journey::planTask(mum, QStringLiteral("Bins out"), QDate::currentDate(),
                                  QStringLiteral("Dad")));
        // The plants: every week from today, Dad's first, then Mum's.
        const QDate today = QDate::currentDate();
        QVERIFY(
            journey::planTask(mum, QStringLiteral("Water plants"), today, QStringLiteral("Dad")));
        QVERIFY(journey::repeatTask(mum, QStringLiteral("Water plants"),
                                    QStringLiteral("Every week"), true));
        const QString weekly = QStringLiteral("every %1")
                                   .arg(QLocale().dayName(today.dayOfWeek(), QLocale::ShortFormat));
        const auto plants = [&](const QString &who, QDate due) {
            return QStringLiteral("%1 · due %2 · %3")
                .arg(who, QLocale().toString(due, QLocale::ShortFormat), weekly);
        };
        QTRY_COMPARE(textOf(inRow(mum, QStringLiteral("Water plants"), QStringLiteral("taskInfo"))),
                     plants(QStringLiteral("Dad"), today));
        // Mum makes a pairing code in Settings.
        QVERIFY(mum.click(QStringLiteral("settings")));
        QTRY_VERIFY(mum.visible(QStringLiteral("pairTablet")));
        QVERIFY(mum.click(QStringLiteral("pairTablet")));
        QString code;
        QTRY_VERIFY([&] {
            const auto m = QRegularExpression(QStringLiteral("<b>(\\S+)</b>"))
                               .match(textOf(mum.find(QStringLiteral("kioskCode"))));
            code = m.captured(1);
            return m.hasMatch();
        }());

        // The tablet: the pairing page, typed on the on-screen keyboard.
        Person tablet(m_server.address(), true);
        QVERIFY(tablet.open(QSize(1280, 800)));
        QTRY_VERIFY(tablet.visible(QStringLiteral("kioskCodeField")));
        QVERIFY(tablet.typeInto(QStringLiteral("kioskCodeField"), code));
        QTRY_VERIFY(QGuiApplication::inputMethod()->isVisible());
        QTRY_VERIFY(aboveKeyboard(tablet));
        // Enter goes on to the next field, which is scrolled above the keyboard.
        tablet.key(Qt::Key_Return);
        QTRY_COMPARE(tablet.focused()->objectName(), QStringLiteral("kioskName"));
        tablet.key(Qt::Key_A, Qt::ControlModifier);
        tablet.type(QStringLiteral("Kitchen"));
        tablet.key(Qt::Key_Return);
        QTRY_COMPARE(tablet.focused()->objectName(), QStringLiteral("kioskPin"));
        tablet.type(QStringLiteral("2468"));
        tablet.key(Qt::Key_Return);
        QTRY_COMPARE(tablet.focused()->objectName(), QStringLiteral("kioskPinAgain"));
        tablet.type(QStringLiteral("2468"));
        QTRY_VERIFY(aboveKeyboard(tablet));
        QVERIFY(tablet.screenshot(QStringLiteral("kiosk-pairing-keyboard")));
        // A tap beside the fields puts the keyboard away.
        QQuickItem *background = tablet.find(QStringLiteral("kioskPairBackground"));
        QVERIFY(background);
        QVERIFY(tablet.click(background, background->mapFromScene(QPointF(20, 200))));
        QTRY_VERIFY(!QGuiApplication::inputMethod()->isVisible());
        QVERIFY(tablet.click(QStringLiteral("kioskPair")));

        // Home: the two lists, as large tiles in the middle of the screen.
        QTRY_VERIFY_WITH_TIMEOUT(tablet.visible(QStringLiteral("tiles")), 15000);
        QQuickItem *groceries = nullptr;
        QTRY_VERIFY((groceries = tablet.find(QStringLiteral("Groceries, 2 to get"))));
        QQuickItem *chores = nullptr;
        QTRY_VERIFY((chores = tablet.find(QStringLiteral("Chores, 2 to do"))));
        QVERIFY(groceries->width() >= 400);
        // A shopping tile says what is on the list.
        QTRY_VERIFY(tablet.texts(groceries).contains(QStringLiteral("• Milk")) &&
                    tablet.texts(groceries).contains(QStringLiteral("• Bread")));
        const qreal middle = (sceneRect(groceries).left() + sceneRect(chores).right()) / 2;
        QVERIFY2(qAbs(middle - 640) < 30, qPrintable(QString::number(middle)));
        QVERIFY(tablet.screenshot(QStringLiteral("kiosk-home")));
        // At night the screen dims and the first tap only wakes it. The night is set to
        // "always" and then "never" here, so that the journey does not depend on the clock.
        QQuickItem *kioskPage = tablet.find(QStringLiteral("kioskPage"));
        QVERIFY(kioskPage);
        kioskPage->setProperty("nightFrom", 0);
        kioskPage->setProperty("nightUntil", 24);
        QTRY_VERIFY(tablet.visible(QStringLiteral("nightShade")));
        QVERIFY(tablet.click(groceries));
        QTRY_VERIFY(!tablet.visible(QStringLiteral("nightShade")));
        QVERIFY(!tablet.visible(QStringLiteral("kioskItems")));
        kioskPage->setProperty("nightFrom", 24);
        kioskPage->setProperty("nightUntil", 0);

        // The chore chart above the tiles: today's chores under each person's face. Mum
        // taps her face, then Dad's chore: done, as Mum; her computer shows it gone.
        QTRY_VERIFY(tablet.visible(QStringLiteral("choreChart")));
        QTRY_VERIFY(tablet.visible(QStringLiteral("Today for Dad")));
        QQuickItem *bins = nullptr;
        QTRY_VERIFY((bins = tablet.find(QStringLiteral("Bins out"),
                                        tablet.find(QStringLiteral("Today for Dad")))));
        QQuickItem *plantsChore = tablet.find(QStringLiteral("Water plants"),
                                              tablet.find(QStringLiteral("Today for Dad")));
        QVERIFY(plantsChore);
        QCOMPARE(textOf(tablet.find(QStringLiteral("choreWhen"), plantsChore)),
                 QStringLiteral("Today · ") + weekly);
        QVERIFY(tablet.screenshot(QStringLiteral("kiosk-chart")));
        QVERIFY(tablet.click(QStringLiteral("face_Mum")));
        QTRY_VERIFY(tablet.find(QStringLiteral("Mum, chosen")));
        QVERIFY(tablet.click(
            tablet.find(QStringLiteral("Bins out"), tablet.find(QStringLiteral("Today for Dad")))));
        QTRY_VERIFY(
            !tablet.find(QStringLiteral("Bins out"), tablet.find(QStringLiteral("choreChart"))));
        QTRY_VERIFY(tablet.find(QStringLiteral("Chores, 1 to do")));
        QTRY_VERIFY(!mum.itemTitles().contains(QStringLiteral("Bins out")));
        QVERIFY(groceries->isVisible());
        // Mum's Settings no longer shows the used code.
        QTRY_VERIFY(!mum.visible(QStringLiteral("kioskCode")));
        QVERIFY(mum.click(QStringLiteral("settingsClose")));

        // Groceries; Dad's face; Milk checked off as Dad.
        QVERIFY(tablet.click(groceries));
        QTRY_VERIFY(tablet.visible(QStringLiteral("kioskItems")));
        QVERIFY(tablet.click(QStringLiteral("face_Dad")));
        QTRY_VERIFY(tablet.find(QStringLiteral("Dad, chosen")));
        QQuickItem *milk = nullptr;
        QTRY_VERIFY((milk = tablet.row(QStringLiteral("kioskItems"), QStringLiteral("Milk"))));
        QVERIFY(tablet.click(tablet.find(QStringLiteral("box"), milk)));
        QVERIFY(tablet.screenshot(QStringLiteral("kiosk-list")));
        // On Mum's computer: gone from Groceries, and the feed says who, on which tablet.
        QVERIFY(mum.click(mum.row(QStringLiteral("lists"), QStringLiteral("Groceries, 2 open"))));
        QTRY_VERIFY(!mum.itemTitles().contains(QStringLiteral("Milk")));
        QVERIFY(mum.click(QStringLiteral("activityButton")));
        QTRY_VERIFY(mum.shows(QStringLiteral("Dad checked off Milk (on Kitchen)")));

        // The chores list: the plants say whose they are, when and how often. Dad waters
        // them: they move on to next week, Mum's turn; the chart has nothing left for Dad.
        QVERIFY(tablet.click(QStringLiteral("kioskHome")));
        QQuickItem *choresTile = nullptr;
        QTRY_VERIFY((choresTile = tablet.find(QStringLiteral("Chores, 1 to do"))));
        QVERIFY(tablet.click(choresTile));
        QQuickItem *water = nullptr;
        QTRY_VERIFY(
            (water = tablet.row(QStringLiteral("kioskItems"), QStringLiteral("Water plants"))));
        const auto info = [&] {
            QQuickItem *row =
                tablet.row(QStringLiteral("kioskItems"), QStringLiteral("Water plants"));
            return row ? textOf(tablet.find(QStringLiteral("kioskTaskInfo"), row)) : QString();
        };
        QCOMPARE(info(), plants(QStringLiteral("Dad"), today));
        QVERIFY(tablet.click(QStringLiteral("face_Dad")));
        QTRY_VERIFY(tablet.find(QStringLiteral("Dad, chosen")));
        QVERIFY(tablet.click(water));
        QTRY_COMPARE(info(), plants(QStringLiteral("Mum"), today.addDays(7)));
        // A slip: Undo gives them back to Dad, today; then he really waters them.
        QTRY_VERIFY(tablet.visible(QStringLiteral("kioskUndo")));
        QVERIFY(tablet.click(
            tablet.find(QStringLiteral("Undo"), tablet.find(QStringLiteral("kioskUndo")))));
        QTRY_COMPARE(info(), plants(QStringLiteral("Dad"), today));
        QVERIFY(
            tablet.click(tablet.row(QStringLiteral("kioskItems"), QStringLiteral("Water plants"))));
        QTRY_COMPARE(info(), plants(QStringLiteral("Mum"), today.addDays(7)));
        QTRY_VERIFY(!tablet.shows(QStringLiteral("waiting to send")));
        QVERIFY(tablet.screenshot(QStringLiteral("kiosk-chores")));
        // Mum's computer: next week's, hers; the feed says Dad did them, on the tablet.
        QVERIFY(
            journey::activityShows(mum,
                                   QStringLiteral("Dad did Water plants, %1 in Chores (on Kitchen)")
                                       .arg(QLocale().toString(today, QLocale::ShortFormat))));
        mum.key(Qt::Key_Escape);
        QTRY_VERIFY(!mum.visible(QStringLiteral("activityPanel")));
        QVERIFY(journey::openList(mum, QStringLiteral("Chores")));
        QTRY_COMPARE(textOf(inRow(mum, QStringLiteral("Water plants"), QStringLiteral("taskInfo"))),
                     plants(QStringLiteral("Mum"), today.addDays(7)));
        // Nothing is left for today: the home has no chart.
        QVERIFY(tablet.click(QStringLiteral("kioskHome")));
        QTRY_VERIFY(tablet.visible(QStringLiteral("tiles")));
        QTRY_VERIFY(!tablet.visible(QStringLiteral("choreChart")));
        QVERIFY(tablet.click(tablet.find(QStringLiteral("Chores, 1 to do"))));
        QTRY_VERIFY(tablet.visible(QStringLiteral("kioskItems")));

        // Cleaning: nothing reacts, the top bar neither. (Eight seconds, not thirty, here.)
        QQuickItem *cleaning = tablet.find(QStringLiteral("clean"));
        QVERIFY(cleaning);
        QObject *overlay = tablet.window()->findChild<QObject *>(QStringLiteral("cleaning"));
        QVERIFY(overlay);
        overlay->setProperty("seconds", 8);
        QVERIFY(tablet.click(cleaning));
        QTRY_VERIFY(tablet.visible(QStringLiteral("cleaningShield")));
        QQuickItem *home = tablet.window()->findChild<QQuickItem *>(QStringLiteral("kioskHome"));
        QQuickItem *exit = tablet.window()->findChild<QQuickItem *>(QStringLiteral("exit"));
        QVERIFY(home && exit);
        QTest::mouseClick(tablet.window(), Qt::LeftButton, {}, sceneRect(home).center().toPoint());
        QTest::mouseClick(tablet.window(), Qt::LeftButton, {}, sceneRect(exit).center().toPoint());
        QVERIFY(tablet.visible(QStringLiteral("kioskItems"))); // still the list
        QVERIFY(!tablet.visible(QStringLiteral("pinPad")));
        QTRY_VERIFY_WITH_TIMEOUT(!tablet.visible(QStringLiteral("cleaningShield")), 15000);

        // Leaving takes the PIN: a wrong one is refused, the right one leaves.
        QSignalSpy left(tablet.app()->session()->kiosk(), &kinlist::ui::Kiosk::leaveRequested);
        QVERIFY(tablet.click(QStringLiteral("exit")));
        QTRY_VERIFY(tablet.visible(QStringLiteral("pinPad")));
        for (const char *digit : {"1", "1", "1", "1"})
            QVERIFY(tablet.click(QStringLiteral("key_%1").arg(QLatin1String(digit))));
        QVERIFY(tablet.click(QStringLiteral("pinSubmit")));
        QTRY_VERIFY(tablet.visible(QStringLiteral("pinError")));
        QCOMPARE(left.size(), 0);
        for (const char *digit : {"2", "4", "6", "8"})
            QVERIFY(tablet.click(QStringLiteral("key_%1").arg(QLatin1String(digit))));
        QVERIFY(tablet.screenshot(QStringLiteral("kiosk-pin")));
        QVERIFY(tablet.click(QStringLiteral("pinSubmit")));
        QTRY_COMPARE(left.size(), 1);
    }
};

KINLIST_JOURNEY_MAIN(TestJourneyKiosk)

#include "tst_journey_kiosk.moc"
